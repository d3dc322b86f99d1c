"""extract/table/values.py decides what a cell may hold; the corrections reader and writer
agree with it: what the writer writes, the reader reads back unchanged."""

from __future__ import annotations

import pandas as pd
import pytest

from extract.table import values
from extract.table.corrections import (
    CorrectionsFileError,
    apply_corrections,
    read_corrections,
    record_correction,
)
from extract.table.schema import COLUMNS, date_problem


@pytest.mark.parametrize("text", ["１９５３", "١٩٥٣", "1953-０６", "２０１８-06-12", "1953\u00b2"])
def test_non_ascii_digits_are_no_date(text):
    assert not values.is_real_iso(text)
    assert values.iso_date_problem(text)
    assert date_problem(text, "", "approx") is not None


def test_non_ascii_digits_named_in_the_message():
    assert "non-ASCII digits" in values.iso_date_problem("１９５３")
    assert "real calendar date" in values.iso_date_problem("2019-02-30")
    assert values.iso_date_problem("2019-02-28") is None


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "  =1", "\t=1", "\r1", "'=1", "''-2", "ok"],
)
def test_neutralise_is_reversible_and_safe(text):
    stored = values.neutralise_cell(text)
    assert values.unneutralise_cell(stored) == text
    assert stored.lstrip(" \t\r\n")[:1] not in ("=", "+", "-", "@")


def test_field_problems():
    assert values.field_problem("summary", "x" * (values.MAX_CELL_CHARS + 1))
    assert values.field_problem("summary", "a\x00b")
    assert values.field_problem("summary", "a\nb")
    assert values.field_problem("actors", "North Korea;Atlantis")
    assert values.field_problem("actors", "North Korea;South Korea") is None
    assert values.field_problem("date", "") and values.field_problem("date_end", "") is None
    assert values.anchor_text(" a\x00b ") == "ab"
    assert values.anchor_text("x" * (values.MAX_CELL_CHARS + 1)) == ""


def _events(**extra):
    base = {c: "" for c in COLUMNS}
    row = {
        **base,
        "event_id": "e1",
        "date": "2018-06",
        "precision": "month",
        "summary": "Summit",
        "doc": "d1",
        "evidence": "June 2018",
        "sentence": "In June 2018\x00 they met.",
        **extra,
    }
    return pd.DataFrame([row], columns=COLUMNS)


def test_refused_values_never_reach_the_file(tmp_path):
    path = tmp_path / "corrections.csv"
    for changes in (
        {"date": "１９５３"},
        {"summary": "x" * (values.MAX_CELL_CHARS + 1)},
        {"summary": "bad\x00"},
        {"actors": "Atlantis"},
    ):
        with pytest.raises(ValueError):
            record_correction(path, "e1", changes)
    assert not path.exists()


def test_written_values_read_back_unchanged(tmp_path):
    path = tmp_path / "corrections.csv"
    anchor = {"evidence": "June 2018", "sentence": "In June 2018\x00 they met."}
    record_correction(path, "e1", {"summary": '=HYPERLINK("x")', "label": "-5"}, anchor=anchor)
    text = path.read_text(encoding="utf-8")
    assert "\x00" not in text and "'=HYPERLINK" in text and "'-5" in text
    lines, problems = read_corrections(path)
    assert not problems
    assert {c.field: c.value for c in lines} == {"summary": '=HYPERLINK("x")', "label": "-5"}
    assert {c.sentence for c in lines} == {"In June 2018 they met."}
    # the anchor matches the row whose sentence holds the NUL (both cleaned the same way)
    record_correction(path, "gone", {"summary": "Moved"}, anchor=anchor)
    frame, report = apply_corrections(_events(), path)
    assert frame.loc[0, "summary"] == "Moved" and len(report.refound) == 1


def test_a_summary_of_the_longest_cell_is_written_and_read(tmp_path):
    path = tmp_path / "corrections.csv"
    long = "y" * values.MAX_CELL_CHARS
    record_correction(path, "e1", {"summary": long})
    lines, problems = read_corrections(path)
    assert not problems and lines[0].value == long


def test_rewrite_keeps_bom_crlf_separator_and_header_spelling(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_bytes(
        b"\xef\xbb\xbfEvent_ID;Doc;Action;Field;Value;Note\r\ne1;;set;summary;Hand;mine\r\n"
    )
    record_correction(path, "e1", {"label": "Label"})
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfEvent_ID;Doc;Action;Field;Value;Note;")
    assert raw.count(b"\r\n") == 3 and raw.count(b"\n") == 3
    assert b"e1;;set;summary;Hand;mine" in raw
    lines, _ = read_corrections(path)
    assert [(c.field, c.value) for c in lines] == [("summary", "Hand"), ("label", "Label")]


def test_hand_written_bad_lines_are_reported_not_fatal(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(
        "event_id,action,field,value\n"
        "e1,set,date,１９５３\n"
        "e1,set,actors,Atlantis\n"
        "e 1,set,summary,x\n"
        "e1,set,summary,'=ok\n",
        encoding="utf-8",
    )
    lines, problems = read_corrections(path)
    assert [p.line for p in problems] == [2, 3, 4]
    assert [c.value for c in lines] == ["=ok"]
    path.write_bytes(b"event_id,action\ne1,reject\n" + b"x" * 10 + b"\x00\n")
    with pytest.raises(CorrectionsFileError, match=r"corrections.csv:3: binary file"):
        read_corrections(path)


def test_rewrite_keeps_cr_only_line_ends(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_bytes(b"event_id,action,field,value\re1,set,summary,A\r")
    record_correction(path, "e2", {"summary": "B"})
    raw = path.read_bytes()
    assert b"\n" not in raw and raw.count(b"\r") == 3
    assert [c.value for c in read_corrections(path)[0]] == ["A", "B"]
