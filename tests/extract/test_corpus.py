"""The extractor on the project's corpus: the seed events, and properties every row must have."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.dating.calendar import iso_span
from extract.documents.locations import discover
from extract.documents.reader import parse_document
from extract.run.tasks import process_document
from extract.table.schema import COLUMNS, date_problem
from extract.table.vocabulary import CATEGORIES
from extract.tabulate import build_table

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SEED_NEWS = "seed_001_2a95c5febc102c80.txt"
SEED_COLUMN = "seed_000_82f1d13adf70bd1b.txt"


def rows_of(doc: str) -> list[dict[str, str]]:
    result = process_document(str(CORPUS / doc), doc)
    assert not result.error, result.error
    return result.rows


def find(rows: list[dict[str, str]], **wanted: str) -> list[dict[str, str]]:
    return [r for r in rows if all(r[k] == v for k, v in wanted.items())]


def test_channel_suspended_since_february_2016_is_an_ongoing_month() -> None:
    hits = find(rows_of(SEED_NEWS), date="2016-02", precision="month")
    assert len(hits) == 1
    assert "since February 2016" in hits[0]["evidence"]
    assert hits[0]["summary"].endswith("(ongoing since)")
    assert "Panmunjom communication channel has been suspended" in hits[0]["sentence"]
    assert hits[0]["category"] == "communication channel"


def test_panmunjom_channel_reopened_on_wednesday_2018_01_03() -> None:
    hits = find(rows_of(SEED_NEWS), date="2018-01-03", precision="day", evidence="Wednesday")
    assert len(hits) == 1
    assert "reopened a key cross-border communication channel" in hits[0]["sentence"]
    assert "North Korea" in hits[0]["actors"].split(";")
    assert "(planned)" not in hits[0]["summary"]


def test_new_years_address_monday_and_trump_tuesday() -> None:
    rows = rows_of(SEED_NEWS)
    # Published Wednesday 2018-01-03: Monday is Jan 1, Tuesday is Jan 2.
    assert len(find(rows, date="2018-01-01", precision="day")) == 1
    tuesdays = find(rows, date="2018-01-02", precision="day")
    assert any("boasted" in r["sentence"] for r in tuesdays)
    assert any("South Korean offer on Tuesday" in r["sentence"] for r in tuesdays)
    assert find(rows, date="2018-02", precision="month")[0]["summary"].endswith("(planned)")
    assert find(rows, date="2017", precision="year")[0]["evidence"] == "last year"


def test_singapore_summit_in_2018_is_a_year() -> None:
    hits = [
        r
        for r in find(rows_of(SEED_COLUMN), date="2018", precision="year")
        if "Singapore" in r["sentence"]
    ]
    assert len(hits) == 1
    assert hits[0]["evidence"] == "Singapore in 2018"  # "in 2018" is told twice
    assert hits[0]["category"] == "summit/talks"


def test_both_loudspeaker_halts_are_rows_dated_through_the_lee_administration() -> None:
    # "Some 10 days into the Lee Jae-myung administration" (inaugurated 2025-06-04) is about
    # 2025-06-14; the South's instruction to suspend loudspeakers is told then, and "The next
    # day, North Korea halted its broadcasts" is the day after.
    rows = rows_of(SEED_COLUMN)
    assert rows[0]["published"] == "2025-06-16"
    south = [r for r in rows if "instructed" in r["sentence"] and "loudspeakers" in r["sentence"]]
    north = [
        r
        for r in rows
        if "halted its broadcasts" in r["sentence"] and r["evidence"] == "The next day"
    ]
    assert [(r["date"], r["precision"]) for r in south] == [("2025-06-14", "approx")]
    assert [(r["date"], r["precision"]) for r in north] == [("2025-06-15", "approx")]
    assert {r["category"] for r in south + north} == {"propaganda/border"}
    assert south[0]["event_id"] != north[0]["event_id"]


def test_opinion_column_last_week_is_the_monday_to_sunday_before_publication() -> None:
    # Published Monday 2025-06-16: last week is Mon 2025-06-09 .. Sun 2025-06-15.
    hits = find(rows_of(SEED_COLUMN), evidence="last week")
    assert [(h["date"], h["date_end"], h["precision"]) for h in hits] == [
        ("2025-06-09", "2025-06-15", "approx")
    ]


@pytest.mark.parametrize("path,doc", discover([CORPUS]), ids=lambda v: str(v))
def test_every_row_cites_its_sentence_verbatim(path: Path, doc: str) -> None:
    body = parse_document(path.read_bytes(), doc).body
    result = process_document(str(path), doc)
    assert not result.error
    for row in result.rows:
        assert row["evidence"] and row["evidence"] in row["sentence"], row
        assert row["sentence"] in body, row
        assert date_problem(row["date"], row["date_end"], row["precision"]) is None, row
        assert row["category"] in CATEGORIES
        assert row["summary"] and len(row["summary"].split()) <= 18, row["summary"]
        assert row["summary"] != row["sentence"]


def test_table_is_sorted_with_schema_columns_and_shared_ids_across_documents() -> None:
    results = [process_document(str(path), doc) for path, doc in discover([CORPUS])]
    table = build_table(row for result in results for row in result.rows)
    assert list(table.columns) == COLUMNS
    assert list(table["date"]) == sorted(table["date"])
    # One row per event per document: (event_id, doc) is unique.
    assert not table.duplicated(["event_id", "doc"]).any()
    # Ids are stable: a second build gives the same ids.
    again = build_table(
        row for path, doc in discover([CORPUS]) for row in process_document(str(path), doc).rows
    )
    assert list(again["event_id"]) == list(table["event_id"])
    shared = table.groupby("event_id")["doc"].nunique()
    for event_id in shared[shared > 1].index:
        group = table[table["event_id"] == event_id]
        # each row keeps the date its text supports; the dates of one event nest
        spans = [iso_span(d, e) for d, e in zip(group["date"], group["date_end"], strict=True)]
        finest = min(spans, key=lambda span: span[1] - span[0])
        assert all(span[0] <= finest[0] and finest[1] <= span[1] for span in spans), group
    # The two reports of the Panmunjom channel reopening on 2018-01-03 are one event.
    seed_row = table[(table["date"] == "2018-01-03") & (table["doc"] == SEED_NEWS)]
    seed_row = seed_row[seed_row["evidence"] == "Wednesday"]
    reopening = table[table["event_id"] == seed_row["event_id"].iloc[0]]
    assert set(reopening["doc"]) == {SEED_NEWS, "03_voa_hotline_reopen_2018.txt"}


def test_every_event_has_one_weight_between_0_and_1_and_a_short_label() -> None:
    table = build_table(
        row for path, doc in discover([CORPUS]) for row in process_document(str(path), doc).rows
    )
    assert table.groupby("event_id")["weight"].nunique().max() == 1
    weights = table["weight"].astype(float)
    assert weights.between(0, 1).all() and weights.nunique() > 5
    labels = table["label"]
    assert (labels != "").all()
    assert labels.str.split().str.len().between(1, 6).all()


def test_the_key_events_of_the_corpus_weigh_among_its_fifteen_heaviest() -> None:
    # Issue 11's list, less the 2016 Kaesong closure: the corpus never dates it (its only
    # report says "South Korea suspended operations in response to ... a missile Sunday").
    table = build_table(
        row for path, doc in discover([CORPUS]) for row in process_document(str(path), doc).rows
    )
    events = table.assign(weight=table["weight"].astype(float)).groupby("event_id")
    top = events["weight"].first().nlargest(15).index
    told = {event: " ".join(rows["summary"]) for event, rows in events if event in top}
    starts = {event: set(rows["date"]) for event, rows in events if event in top}
    wanted = {
        "hotline reopened": lambda e: "2018-01-03" in starts[e] and "reopen" in told[e],
        "Singapore summit": lambda e: "2018-06" in starts[e] and "Singapore" in told[e],
        "channel suspended": lambda e: "2016-02" in starts[e] and "suspended" in told[e],
        "loudspeaker halt": lambda e: "2025-06-14" in starts[e] and "suspends" in told[e],
    }
    assert {name for name, holds in wanted.items() if any(holds(e) for e in top)} == set(wanted)


def test_a_summit_held_weighs_as_a_summit() -> None:
    from extract.enrich.importance import kind_weight

    # the verb as describe passes it: its form first ("held hold"), then its lemma
    assert kind_weight("held hold", "Trump and Kim held a summit in Singapore") == 1.0
    assert kind_weight("said say", "North Korea said it would respond") < 0.5


def test_date_words_told_of_several_acts_are_widened_until_a_search_finds_them_once() -> None:
    doc = "07_voa_us_envoy_seoul_2021.txt"
    body = parse_document((CORPUS / doc).read_bytes(), doc).body.lower()
    saturday = [r["evidence"] for r in rows_of(doc) if r["date"] == "2021-10-23"]
    assert sorted(saturday) == ["U.S. Saturday", "arrived Saturday", "reporters Saturday"]
    assert all(body.count(evidence.lower()) == 1 for evidence in saturday)
    assert find(rows_of(doc), date="2021-10-24")[0]["evidence"] == "Sunday"  # told once: as is
