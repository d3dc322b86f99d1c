"""The eras table: complete, sourced and consistent terms of office."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from extract.table.eras import ErasFileError, read_eras


def test_each_group_is_a_chain_of_terms_with_sources() -> None:
    eras = read_eras()
    groups = {era.group for era in eras}
    assert groups == {"South Korea", "United States", "North Korea"}
    for group in groups:
        terms = sorted((e for e in eras if e.group == group), key=lambda e: e.start)
        assert terms[-1].end is None, f"{group}: the last term is still running"
        for before, after in itertools.pairwise(terms):
            assert before.end is not None and before.end <= after.start, (before, after)
        assert all(era.source.startswith("https://") for era in terms)
    first = {g: min(e.start for e in eras if e.group == g) for g in groups}
    assert first["South Korea"] <= dt.date(1988, 2, 25)
    assert first["United States"] <= dt.date(1989, 1, 20)
    moon = next(e for e in eras if e.name == "Moon Jae-in")
    assert (moon.start, moon.end) == (dt.date(2017, 5, 10), dt.date(2022, 5, 9))
    assert "Moon" in moon.aliases


def test_a_broken_eras_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "eras.csv"
    path.write_text(
        "group,name,aliases,start,end,source\nSouth Korea,X,X,2020-05-01,2019-01-01,https://x\n"
    )
    with pytest.raises(ErasFileError, match=r"eras.csv:2: end 2019-01-01 is before start"):
        read_eras(path)
