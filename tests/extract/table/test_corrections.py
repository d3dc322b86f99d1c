"""corrections.csv: applied on every run, surviving re-extraction and edits of the documents,
orphans reported and kept, malformed lines named, concurrent saves never losing an update."""

from __future__ import annotations

import csv
import multiprocessing
import threading
from pathlib import Path

import pandas as pd
import pytest

from extract.cli import main
from extract.run.tasks import process_document
from extract.table.corrections import (
    CorrectionsFileError,
    apply_corrections,
    read_corrections,
    record_correction,
)
from extract.table.schema import read_events
from extract.tabulate import build_table

HEADER = "event_id,doc,action,field,value,evidence,sentence,author,timestamp\n"
FRONT = "---\ntitle: Test\nsource: Wire\npublished: 2021-08-01\n---\n"
SUMMIT = "North and South Korea held a summit in Panmunjom on April 27, 2018.\n\n"
ICBM = "Pyongyang tested an ICBM on Nov. 29, 2017, the South said.\n\n"
HOTLINE = "The two Koreas reopened the hotline on July 27, 2021.\n"
OTHER = (
    "---\ntitle: Other\npublished: 2019-01-01\n---\nThe South held elections on June 13, 2018.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(FRONT + SUMMIT + ICBM + HOTLINE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def run(corpus: Path, out: Path, *extra: str, capsys=None) -> tuple[pd.DataFrame, str]:
    code = main([str(corpus), "-o", str(out), "--quiet", "--jobs", "1", *extra])
    err = capsys.readouterr().err if capsys else ""
    assert code == 0, err
    frame, problems = read_events(out)
    assert problems == []
    return frame, err


def row(frame: pd.DataFrame, evidence: str) -> pd.Series:
    found = frame[frame["evidence"] == evidence]
    assert len(found) == 1, (evidence, frame["evidence"].tolist())
    return found.iloc[0]


def write(path: Path, *lines: str) -> None:
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


def test_set_survives_reextraction_and_status_column(corpus, tmp_path, capsys):
    out = tmp_path / "out" / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    assert set(first["status"]) == {"extracted"}
    summit = row(first, "on April 27, 2018")
    write(
        out.parent / "corrections.csv",
        f"{summit.event_id},,set,date,2018-04-28,,,ana,",
        f"{summit.event_id},,set,summary,Panmunjom summit,,,ana,",
    )
    for _ in range(2):  # applied on every run, not once
        frame, err = run(corpus, out, capsys=capsys)
        fixed = row(frame, "on April 27, 2018")
        assert (fixed.date, fixed.summary, fixed.status) == (
            "2018-04-28",
            "Panmunjom summit",
            "corrected",
        )
        assert row(frame, "on Nov. 29, 2017").status == "extracted"
        assert "2 corrections applied" in err
    assert out.read_text(encoding="utf-8").split("\n", 1)[0].endswith(",published,status")


def test_no_corrections_option_and_explicit_path(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    event_id = row(first, "on July 27, 2021").event_id
    elsewhere = tmp_path / "mine.csv"
    write(elsewhere, f"{event_id},,reject,,,,,,")
    frame, _ = run(corpus, out, "--corrections", str(elsewhere), capsys=capsys)
    assert "on July 27, 2021" not in set(frame["evidence"])
    frame, _ = run(corpus, out, "--corrections", str(elsewhere), "--no-corrections", capsys=capsys)
    assert "on July 27, 2021" in set(frame["evidence"])


def test_reject_merge_add(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    summit = row(first, "on April 27, 2018").event_id
    icbm = row(first, "on Nov. 29, 2017").event_id
    hotline = row(first, "on July 27, 2021").event_id
    election = row(first, "on June 13, 2018").event_id
    write(
        out.parent / "corrections.csv",
        f"{hotline},,reject,,duplicate,,,,",
        f"{summit},,merge,,{election},,,,",
        f"{summit},,merge,,{icbm},,,,",  # same document: one row per event and doc
        "hand-1,notes.txt,add,date,2018-09-19,,,,",
        "hand-1,notes.txt,add,precision,day,,,,",
        "hand-1,notes.txt,add,summary,Pyongyang summit,,,,",
        "hand-1,notes.txt,add,category,summit/talks,,,,",
        "hand-1,notes.txt,add,actors,North Korea;South Korea,,,,",
        "hand-1,notes.txt,add,url,https://example.org/x,,,,",
    )
    frame, err = run(corpus, out, capsys=capsys)
    assert hotline not in set(frame["event_id"])
    assert tuple(row(frame, "on June 13, 2018")[["event_id", "status"]]) == (summit, "corrected")
    assert "on Nov. 29, 2017" not in set(frame["evidence"])
    assert row(frame, "on April 27, 2018").status == "extracted"
    added = frame[frame["event_id"] == "hand-1"].iloc[0]
    assert (added.date, added.precision, added.doc, added.status, added.url) == (
        "2018-09-19",
        "day",
        "notes.txt",
        "added",
        "https://example.org/x",
    )
    assert "warning" not in err


def test_invalid_add_is_reported_not_added(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    run(corpus, out, capsys=capsys)
    write(
        out.parent / "corrections.csv",
        "hand-2,,add,date,2018-09,,,,",
        "hand-2,,add,precision,day,,,,",
        "hand-2,,add,summary,No source and wrong precision,,,,",
        "hand-3,x.txt,add,date,2018-09,,,,",
        "hand-3,x.txt,add,precision,day,,,,",
        "hand-3,x.txt,add,summary,wrong precision,,,,",
    )
    frame, err = run(corpus, out, capsys=capsys)
    assert not frame["event_id"].str.startswith("hand-").any()
    assert "corrections.csv:2: column 'doc'" in err and "needs a source" in err
    assert "corrections.csv:5: column 'date'" in err and "day precision" in err


def test_changed_document_elsewhere_keeps_the_correction(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    icbm = row(first, "on Nov. 29, 2017").event_id
    write(out.parent / "corrections.csv", f"{icbm},a.txt,set,category,humanitarian,,,,")
    # text added after the event (and a new paragraph at the end): same id
    (corpus / "a.txt").write_text(
        FRONT + SUMMIT + ICBM + HOTLINE + "\nSeoul offered food aid on May 3, 2021.\n",
        encoding="utf-8",
    )
    frame, err = run(corpus, out, capsys=capsys)
    assert row(frame, "on Nov. 29, 2017").category == "humanitarian"
    assert "orphaned" not in err


def test_text_inserted_before_event_refound_by_anchor(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    icbm = row(first, "on Nov. 29, 2017").event_id
    corrections = out.parent / "corrections.csv"
    write(corrections, f"{icbm},,set,category,humanitarian,,,,")
    run(corpus, out, capsys=capsys)  # the first run that finds the event pins its anchor
    pinned = list(csv.DictReader(corrections.open(encoding="utf-8")))
    assert pinned[0]["evidence"] == "on Nov. 29, 2017"
    assert pinned[0]["sentence"].startswith("Pyongyang tested an ICBM")
    (corpus / "a.txt").write_text(
        FRONT + "A new lead paragraph was inserted here.\n\n" + SUMMIT + ICBM + HOTLINE,
        encoding="utf-8",
    )
    frame, err = run(corpus, out, capsys=capsys)
    moved = row(frame, "on Nov. 29, 2017")
    assert moved.event_id != icbm  # the id did move...
    assert (moved.category, moved.status) == ("humanitarian", "corrected")  # ...and was re-found
    assert f"event {icbm} is now {moved.event_id}" in err


def test_changed_event_text_is_orphaned_and_kept(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    icbm = row(first, "on Nov. 29, 2017").event_id
    summit = row(first, "on April 27, 2018").event_id
    corrections = out.parent / "corrections.csv"
    write(corrections, f"{summit},,set,summary,kept,,,,", f"{icbm},,reject,,,,,,")
    before = corrections.read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(
        FRONT + SUMMIT + "Pyongyang tested a new ICBM on Nov. 28, 2017.\n\n" + HOTLINE,
        encoding="utf-8",
    )
    frame, err = run(corpus, out, capsys=capsys)
    assert "on Nov. 28, 2017" in set(frame["evidence"])  # the reject no longer applies
    assert row(frame, "on April 27, 2018").summary == "kept"
    assert f"corrections.csv:3: column 'event_id': event {icbm} is not in this extraction" in err
    assert "1 corrections applied, 1 orphaned" in err
    lines = corrections.read_text(encoding="utf-8").splitlines()
    assert f"{icbm},,reject,,,,,," in lines  # never dropped from the file
    assert len(lines) == len(before.splitlines())


def test_malformed_lines_named_and_the_rest_applied(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    summit = row(first, "on April 27, 2018").event_id
    write(
        out.parent / "corrections.csv",
        f"{summit},,delete,,,,,,",
        f"{summit},,set,precision,weekly,,,,",
        f"{summit},,set,category,war,,,,",
        f"{summit},,set,date,2018-02-30,,,,",
        f"{summit},,set,title,x,,,,",
        f"{summit},,set,summary,a,b,c,d,e,f,g",
        ",,reject,,,,,,",
        "# a comment line,,,,,,,,",
        f"{summit},,set,summary,good one,,,,",
    )
    frame, err = run(corpus, out, capsys=capsys)
    assert row(frame, "on April 27, 2018").summary == "good one"
    name = str(out.parent / "corrections.csv")
    for expected in (
        f"{name}:2: column 'action': unknown action 'delete'",
        f"{name}:3: column 'value': unknown precision 'weekly'",
        f"{name}:4: column 'value': unknown category 'war'",
        f"{name}:5: column 'value': '2018-02-30' is not a real calendar date",
        f"{name}:6: column 'field': 'title' cannot be used with set",
        f"{name}:7: column 'timestamp': 11 cells but the header has 9",
        f"{name}:8: column 'event_id': is empty",
    ):
        assert expected in err
    assert "1 corrections applied, 7 invalid" in err


def test_dating_fields_checked_together(corpus, tmp_path):
    table = build_table(process_document(str(corpus / "a.txt"), "a.txt").rows)
    summit = row(table, "on April 27, 2018").event_id
    icbm = row(table, "on Nov. 29, 2017").event_id
    path = tmp_path / "corrections.csv"
    write(
        path,
        f"{summit},,set,precision,month,,,,",
        f"{summit},,set,date,2018-04,,,,",
        f"{icbm},,set,precision,year,,,,",  # date stays 2017-11-29: not a year
        f"{icbm},,set,summary,still applied,,,,",
    )
    frame, report = apply_corrections(table, path)
    assert tuple(row(frame, "on April 27, 2018")[["date", "precision"]]) == ("2018-04", "month")
    icbm_row = row(frame, "on Nov. 29, 2017")
    assert (icbm_row.date, icbm_row.precision, icbm_row.summary) == (
        "2017-11-29",
        "day",
        "still applied",
    )
    assert [str(p).split(": ", 1)[0] for p in report.problems] == [f"{path}:4"]
    assert "left as extracted" in str(report.problems[0])


def test_excel_style_file_semicolons_bom_crlf(corpus, tmp_path):
    table = build_table(process_document(str(corpus / "a.txt"), "a.txt").rows)
    summit = row(table, "on April 27, 2018").event_id
    path = tmp_path / "corrections.csv"
    path.write_bytes(
        (
            f"\ufeffEvent_ID;Action;Field;Value\r\n{summit};set;summary;Summit, with a comma\r\n"
        ).encode()
    )
    frame, report = apply_corrections(table, path)
    assert row(frame, "on April 27, 2018").summary == "Summit, with a comma"
    assert report.problems == [] and report.applied == 1


def test_extract_filling_in_anchors_keeps_bom_crlf_and_header(corpus, tmp_path, capsys):
    """extract pins the anchors of hand-written lines: the user's file keeps its BOM (Excel
    reads UTF-8 by it), its CRLF line ends, separator and header spelling (issue 14, item 12)."""
    out = tmp_path / "events.csv"
    first, _ = run(corpus, out, capsys=capsys)
    summit = row(first, "on April 27, 2018").event_id
    path = out.parent / "corrections.csv"
    path.write_bytes(
        f"\ufeffEvent_ID;Action;Field;Value\r\n{summit};set;summary;=Summit\r\n".encode()
    )
    frame, _ = run(corpus, out, capsys=capsys)
    assert row(frame, "on April 27, 2018").summary == "=Summit"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfEvent_ID;Action;Field;Value;")
    assert raw.count(b"\r\n") == raw.count(b"\n") == 2
    lines, problems = read_corrections(path)
    assert problems == [] and lines[0].evidence == "on April 27, 2018"
    assert lines[0].value == "=Summit"


def test_unusable_file_stops_before_writing(corpus, tmp_path, capsys):
    out = tmp_path / "events.csv"
    run(corpus, out, capsys=capsys)
    before = out.read_bytes()
    corrections = tmp_path / "corrections.csv"
    corrections.write_bytes(b"event_id,action\nab\xff,reject\n")
    assert main([str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert f"{corrections}:2: not UTF-8" in err and "--no-corrections" in err
    assert out.read_bytes() == before
    corrections.write_text("id,what\nx,y\n", encoding="utf-8")
    with pytest.raises(CorrectionsFileError, match=r"corrections.csv:1: missing column\(s\) "):
        read_corrections(corrections)


def test_record_correction_upserts_per_field(tmp_path):
    path = tmp_path / "sub" / "corrections.csv"
    record_correction(path, "e1", {"date": "2018-04", "precision": "month"}, author="ana")
    record_correction(path, "e1", {"date": "2018-05"}, author="bo")
    record_correction(path, "e1", {}, action="reject", doc="a.txt")
    record_correction(path, "e2", {"other": "e3"}, action="merge")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    sets = {(r["field"], r["value"], r["author"]) for r in rows if r["action"] == "set"}
    assert sets == {("date", "2018-05", "bo"), ("precision", "month", "ana")}
    assert [(r["event_id"], r["doc"]) for r in rows if r["action"] == "reject"] == [("e1", "a.txt")]
    assert all(r["timestamp"].startswith("20") for r in rows)
    record_correction(path, "e1", {}, action="restore", doc="a.txt")
    assert not [r for r in csv.DictReader(path.open(encoding="utf-8")) if r["action"] == "reject"]
    with pytest.raises(ValueError, match="unknown category"):
        record_correction(path, "e1", {"category": "nonsense"})
    with pytest.raises(ValueError, match="field"):
        record_correction(path, "e1", {"evidence": "x"})
    assert not list(tmp_path.glob("sub/.*.tmp"))


def test_record_correction_keeps_hand_columns_and_lines(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(
        "event_id;action;field;value;note\nx;reject;;;checked by hand\ny;bogus;;;keep me\n",
        encoding="utf-8",
    )
    record_correction(path, "z", {"summary": "s"})
    text = path.read_text(encoding="utf-8")
    assert "x;reject;;;checked by hand" in text and "y;bogus;;;keep me" in text
    assert text.startswith("event_id;action;field;value;note;")


def _save_many(path: str, field: str, count: int) -> None:
    for index in range(count):
        value = str(2000 + index) if field.startswith("date") else f"{field}-{index}"
        record_correction(path, "shared", {field: value})


def test_concurrent_threads_save_different_fields(tmp_path):
    path = tmp_path / "corrections.csv"
    threads = [
        threading.Thread(target=_save_many, args=(str(path), f, 30)) for f in ("summary", "label")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert sorted((r["field"], r["value"]) for r in rows) == [
        ("label", "label-29"),
        ("summary", "summary-29"),
    ]


def test_concurrent_processes_save_different_fields(tmp_path):
    path = tmp_path / "corrections.csv"
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_save_many, args=(str(path), f, 25))
        for f in ("summary", "label", "date_end")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert sorted((r["field"], r["value"]) for r in rows) == [
        ("date_end", "2024"),
        ("label", "label-24"),
        ("summary", "summary-24"),
    ]
