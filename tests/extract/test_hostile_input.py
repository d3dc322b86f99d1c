"""Issue 14: one hostile string or date never kills a run or loses a document.

The document reader decides what text is acceptable (lone surrogates, NULs, file names that are
not UTF-8), header values that open with a YAML indicator are text, and a date that leaves the
calendar gives no row instead of an exception."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from extract.cli import main
from extract.dating.calendar import TimeValue, datable, within_calendar
from extract.documents.reader import DocumentError, parse_document
from extract.run.tasks import process_document
from extract.table.schema import read_events
from extract.table.textfile import clean_name, clean_text

BODY = "North Korea fired a missile on May 5, 2018. The two Koreas held talks on Monday.\n"


def doc(header: str, body: str = BODY) -> bytes:
    return ("---\n" + header + "published: 2018-06-12\n---\n" + body).encode("utf-8")


def test_clean_text_pairs_escaped_surrogates_and_replaces_lone_ones() -> None:
    assert clean_text("\ud83d\ude00 ok") == "😀 ok"
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_text("nul\x00here") == "nul\ufffdhere"
    assert clean_text("plain 한국") == "plain 한국"


def test_clean_name_keeps_non_utf8_names_distinct_and_printable() -> None:
    assert clean_name("caf\udce9.txt") == "caf\\xe9.txt"
    assert clean_name("caf\udce8.txt") != clean_name("caf\udce9.txt")
    assert clean_name("한국.txt") == "한국.txt"
    clean_name("x\ud800").encode("utf-8")  # not an escaped byte: still encodable


@pytest.mark.parametrize(
    "header",
    [
        'title: "\\ud800"\n',
        'title: "\\udfff tail"\nsource: "\\ud83d"\n',
        'title: "\\ud83d\\ude00 emoji"\n',
        'title: "nul \\0 inside"\n',
        'url: "\\uDC80"\n',
    ],
)
def test_escaped_surrogates_in_front_matter_give_clean_text(header: str) -> None:
    document = parse_document(doc(header), "d.txt")
    for text in (document.title, document.source, document.url, document.body):
        text.encode("utf-8")  # would raise on a surrogate
        assert "\x00" not in text


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("cache", [True, False])
def test_surrogates_and_odd_names_never_kill_a_run(
    tmp_path: Path, capsys, suffix: str, cache: bool
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(doc('title: "\\ud800"\n'))
    (corpus / "b.txt").write_bytes(doc('title: "\\ud83d\\ude00"\nsource: "\\udcff"\n'))
    odd = os.fsencode(str(corpus)) + b"/caf\xe9.txt"
    with open(odd, "wb") as handle:
        handle.write(doc("title: odd name\n"))
    out = tmp_path / f"events{suffix}"
    args = [str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]
    assert main(args + ([] if cache else ["--no-cache"])) == 0
    assert "Traceback" not in capsys.readouterr().err
    table, problems = read_events(out)
    assert problems == []
    assert set(table["doc"]) == {"a.txt", "b.txt", "caf\\xe9.txt"}
    assert "\ufffd" in set(table.loc[table["doc"] == "a.txt", "title"]).pop()
    if cache:  # the second run reuses all three, names included
        assert main(args) == 0
        assert "3 reused" in capsys.readouterr().err
        with sqlite3.connect(tmp_path / f"events{suffix}.cache.sqlite") as db:
            assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 3


@pytest.mark.parametrize(
    "title",
    [
        "*Breaking* North Korea fires missile",
        "&Co report",
        "!Important talks",
        "@KCNA says",
        "`quoted` words",
        "%20 off",
        "*it's* here",
    ],
)
def test_titles_opening_with_yaml_indicators_are_text(title: str) -> None:
    document = parse_document(doc(f"title: {title}\n"), "d.txt")
    assert document.title == title


def test_anchors_aliases_and_tags_stay_harmless() -> None:
    bomb = "a: [&a x, x]\nb: [*a, *a, *a]\n"
    with pytest.raises(DocumentError, match="anchors/aliases"):
        parse_document(doc(bomb), "d.txt")
    # as a value of its own, an anchor or a tag is text, never a reference or a constructor
    document = parse_document(doc("title: !!python/object/apply:os.system ['echo x']\n"), "d.txt")
    assert document.title == "!!python/object/apply:os.system ['echo x']"
    assert parse_document(doc("title: AT&T and *all* of it\n"), "d.txt").title == (
        "AT&T and *all* of it"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The summit was on 9999-12-31; two days later North Korea fired a missile.",
        "The talks opened on 0001-01-01; the day before, North Korea fired a missile.",
        "The treaty of 9999-12-31 lapsed 3 years later, when North Korea fired a missile.",
        "North Korea fired a missile on 9999-12-31 and again on 0001-01-01.",
    ],
)
def test_an_impossible_date_loses_no_document(tmp_path: Path, text: str) -> None:
    path = tmp_path / "d.txt"
    path.write_text(
        "---\npublished: 2018-06-12\n---\n" + text + " South Korea held talks on May 5, 2018.\n"
    )
    result = process_document(str(path), "d.txt")
    assert result.error == ""
    dates = {row["date"] for row in result.rows}
    assert "2018-05-05" in dates
    assert not any(d.startswith(("9999", "0001", "10000")) for d in dates)


def test_within_calendar_turns_overflow_into_no_value() -> None:
    def overflowing(match, context):
        raise OverflowError("date value out of range")

    assert within_calendar(overflowing)(None, None) is None
    assert within_calendar(lambda m, c: TimeValue("9999-12", "month"))(None, None) is None
    assert within_calendar(lambda m, c: TimeValue("2018-06", "month"))(None, None) == (
        TimeValue("2018-06", "month")
    )
    assert not datable(TimeValue("2019-02-30", "day"))
    assert datable(TimeValue("1953-07-27", "day"))
