"""The extractor's command line: bad files reported and skipped, metadata fallback, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract.table import schema
from extract.table.schema import read_events

ROOT = Path(__file__).resolve().parents[2]

GOOD = """---
title: "Talks resume"
source: "Test Wire"
url: "https://example.org/talks"
published: "2019-07-01"
---
The two leaders met Sunday at Panmunjom. Their first summit was held in Singapore in June 2018.
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "---\ntitle: x\n---\nCaf\xe9 talks on Monday.".encode("latin-1")
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (folder / "broken.txt").write_text(
        "---\ntitle: never closed\nThe talks began.\n", encoding="utf-8"
    )
    (folder / "bad_yaml.txt").write_text(
        '---\ntitle: "unterminated\n---\nText here.\n', encoding="utf-8"
    )
    (folder / "notes.csv").write_text("not a document\n", encoding="utf-8")
    return folder


def test_bad_files_are_reported_by_name_and_the_rest_is_extracted(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    result = run(str(corpus), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    named = {
        name: [e for e in errors if name in e]
        for name in ("latin1.txt", "empty.txt", "binary.md", "broken.txt", "bad_yaml.txt")
    }
    assert all(len(v) == 1 for v in named.values()), result.stderr
    assert "not UTF-8" in named["latin1.txt"][0]
    assert "empty" in named["empty.txt"][0]
    assert "binary" in named["binary.md"][0]
    assert "never closed" in named["broken.txt"][0]
    assert "bad_yaml.txt:" in named["bad_yaml.txt"][0] and "YAML" in named["bad_yaml.txt"][0]
    assert "Traceback" not in result.stderr
    table, problems = read_events(out)
    assert problems == []
    assert set(table["doc"]) == {"good.txt"}
    assert ("2019-06-30", "day") in set(zip(table["date"], table["precision"], strict=True))
    assert ("2018-06", "month") in set(zip(table["date"], table["precision"], strict=True))
    assert "6 documents (5 skipped), 2 events" in result.stderr


def test_strict_turns_skipped_documents_into_a_failure(corpus: Path, tmp_path: Path) -> None:
    result = run(str(corpus), "-o", str(tmp_path / "out.csv"), "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "out.csv").exists()


def test_missing_input_and_bad_output_suffix_are_clear_errors(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere"), "-o", str(tmp_path / "o.csv"), cwd=tmp_path)
    assert result.returncode == 2 and "not found" in result.stderr and "nowhere" in result.stderr
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run(str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.json"), cwd=tmp_path)
    assert result.returncode == 2 and "o.json" in result.stderr


def test_metadata_csv_gives_dates_to_documents_without_front_matter(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("The hotline was reopened on Wednesday.", encoding="utf-8")
    (folder / "metadata.csv").write_text(
        "file,title,source,published\na.txt,Hotline,Wire,2018-01-03\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "Seoul offered talks on Tuesday. The summit took place on June 12, 2018.", encoding="utf-8"
    )
    out = tmp_path / "events.csv"
    result = run(str(folder), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0
    table, _ = read_events(out)
    a_rows = table[table["doc"] == "a.txt"]
    assert list(a_rows["date"]) == ["2018-01-03"]  # 2018-01-03 was a Wednesday
    assert list(a_rows["title"]) == ["Hotline"]
    # b.txt has no date: the absolute date is kept, the bare weekday is skipped, and we say so.
    assert list(table[table["doc"] == "b.txt"]["date"]) == ["2018-06-12"]
    warning = [line for line in result.stderr.splitlines() if "b.txt" in line]
    assert warning and "no publication date" in warning[0] and "absolute" in warning[0]


def test_progress_bar_and_summary_for_more_than_a_few_documents(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(8):
        (folder / f"d{index}.txt").write_text(GOOD, encoding="utf-8")
    result = run(str(folder), "-o", str(tmp_path / "e.csv"), "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0
    assert "0/8" in result.stderr and "doc/s" in result.stderr  # tqdm bar on stderr
    assert "8 documents (0 skipped), 16 events" in result.stderr


def test_failed_write_leaves_the_previous_table_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.csv"
    out.write_text("previous contents\n", encoding="utf-8")
    frame = pd.DataFrame([{"date": "2018", "precision": "year", "summary": "x"}])

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)  # the disk fills up while the table is written
    with pytest.raises(OSError):
        schema.write_events(frame, out)
    assert out.read_text(encoding="utf-8") == "previous contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
