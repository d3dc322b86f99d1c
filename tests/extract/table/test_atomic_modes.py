"""Issue 14, item 12: files written through a temp file get the user's umask (a new file) or
keep their permissions (a replaced file), never the temp file's 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from extract.table.atomic import current_umask, write_atomically
from extract.table.schema import COLUMNS, write_events


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    def set_mask(mask: int) -> None:
        os.umask(mask)

    previous = os.umask(0o022)
    yield set_mask
    os.umask(previous)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("name", ["events.csv", "events.parquet"])
def test_a_new_table_gets_the_umask(tmp_path: Path, umask, mask: int, name: str) -> None:
    umask(mask)
    assert current_umask() == mask
    path = tmp_path / name
    write_events(pd.DataFrame([dict.fromkeys(COLUMNS, "")]), path)
    assert mode(path) == 0o666 & ~mask


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask) -> None:
    umask(0o022)
    path = tmp_path / "events.csv"
    path.write_text("old")
    path.chmod(0o640)
    write_atomically(path, lambda out: out.write(b"new"))
    assert path.read_bytes() == b"new" and mode(path) == 0o640
