"""One event, one mark: mentions of an event at several precisions in one document become one
row (the most precise), and rows of several documents share one id; series, different acts and
ambiguous rows stay apart."""

from __future__ import annotations

import datetime as dt

from extract.documents.reader import Document
from extract.pipeline import document_events, document_rows
from extract.tabulate import build_table


def rows_of(text: str, published: str) -> list[tuple[str, str]]:
    return [(r.date, r.precision) for r in document_events(text, dt.date.fromisoformat(published))]


def ids_of(*documents: Document) -> dict[str, str]:
    """Each document's event id in the table of their rows (one row per document)."""
    table = build_table([row for document in documents for row in document_rows(document)])
    return dict(zip(table["doc"], table["event_id"], strict=True))


def test_an_event_told_at_two_precisions_in_one_document_is_one_row_at_the_finer_date() -> None:
    text = (
        "North Korea conducted its sixth nuclear test in September 2017. "
        "It conducted the nuclear test on Sept. 3, 2017, at its Punggye-ri site."
    )
    assert rows_of(text, "2018-01-10") == [("2017-09-03", "day")]


def test_a_series_and_one_of_its_members_stay_two_rows() -> None:
    text = (
        "North Korea tested three intercontinental ballistic missiles in 2017. "
        "On Nov. 29, 2017, North Korea tested the Hwasong-15 intercontinental ballistic missile."
    )
    assert sorted(rows_of(text, "2018-01-10")) == [("2017", "year"), ("2017-11-29", "day")]


def test_a_total_over_the_year_and_a_salvo_in_it_stay_two_rows() -> None:
    text = (
        "North Korea fired two short-range ballistic missiles toward its eastern waters Friday. "
        "Pyongyang has test-fired a record number of missiles this year."
    )
    assert dt.date(2022, 12, 23).strftime("%A") == "Friday"
    assert sorted(rows_of(text, "2022-12-26")) == [("2022", "year"), ("2022-12-23", "day")]


def test_different_acts_at_nested_dates_stay_apart() -> None:
    text = (
        "North Korea launched a long-range rocket in February 2016. "
        "South Korea suspended the Kaesong complex on Feb. 10, 2016."
    )
    assert sorted(rows_of(text, "2016-03-01")) == [("2016-02", "month"), ("2016-02-10", "day")]


def document(doc: str, body: str, published: str) -> Document:
    return Document(doc, doc, "test", "", dt.date.fromisoformat(published), body)


def event_ids(*texts: tuple[str, str]) -> dict[str, str]:
    """The event id of each document's one row: (body, published) per document, named a.txt,
    b.txt, c.txt in order."""
    documents = [document(f"{name}.txt", *text) for name, text in zip("abc", texts, strict=False)]
    table = build_table([row for doc in documents for row in document_rows(doc)])
    return dict(zip(table["doc"], table["event_id"], strict=True))


def test_two_documents_at_different_precisions_share_the_event_id() -> None:
    first = document(
        "a.txt", "Trump and Kim held a summit in Singapore in June 2018.", "2019-01-02"
    )
    second = document(
        "b.txt", "Trump and Kim held a summit in Singapore on June 12, 2018.", "2018-06-14"
    )
    third = document(
        "c.txt", "Moon and Kim held a summit at Panmunjom in April 2018.", "2018-05-02"
    )
    table = build_table([*document_rows(first), *document_rows(second), *document_rows(third)])
    ids = dict(zip(table["doc"], table["event_id"], strict=True))
    assert ids["a.txt"] == ids["b.txt"]
    assert ids["c.txt"] != ids["a.txt"]
    dates = dict(zip(table["doc"], table["date"], strict=True))
    assert (dates["a.txt"], dates["b.txt"]) == ("2018-06", "2018-06-12")  # each keeps its own


def test_a_missile_tested_and_a_missile_fired_are_one_launch() -> None:
    ids = event_ids(
        ("North Korea fired an intercontinental ballistic missile on Nov. 29, 2017.", "2017-12-01"),
        (
            "North Korea tested a new intercontinental ballistic missile in November 2017.",
            "2018-01-10",
        ),
        ("North Korea tested a new rocket engine in November 2017.", "2018-01-10"),
    )
    assert ids["a.txt"] == ids["b.txt"]
    assert ids["c.txt"] != ids["a.txt"]


def test_a_coarse_row_that_fits_two_events_joins_neither() -> None:
    first = document("a.txt", "North Korea conducted a nuclear test on Jan. 6, 2016.", "2016-01-07")
    second = document(
        "b.txt", "North Korea conducted a nuclear test on Sept. 9, 2016.", "2016-09-10"
    )
    third = document("c.txt", "North Korea conducted a nuclear test in 2016.", "2017-01-02")
    table = build_table([*document_rows(first), *document_rows(second), *document_rows(third)])
    assert table["event_id"].nunique() == 3


def test_the_start_of_a_long_period_is_not_the_period() -> None:
    outbreak = document(
        "a.txt", "The Korean War began on June 25, 1950, when the North invaded.", "2020-06-21"
    )
    war = document("b.txt", "Week 3: The Korean War, 1950-1953, and its armistice.", "2025-08-25")
    table = build_table([*document_rows(outbreak), *document_rows(war)])
    spans = dict(zip(table["doc"], zip(table["date"], table["date_end"], strict=True), strict=True))
    assert spans == {"a.txt": ("1950-06-25", ""), "b.txt": ("1950", "1953")}
    assert table["event_id"].nunique() == 2


def test_a_period_that_a_bound_fits_joins_no_other_story() -> None:
    opening = document(
        "a.txt",
        "APEC meetings open on Monday with senior officials' sessions in Gyeongju.",
        "2025-10-25",
    )
    arrival = document(
        "b.txt",
        "Trump is due to arrive in Gyeongju on Wednesday for the APEC summit.",
        "2025-10-25",
    )
    season = document("c.txt", "Gyeongju hosts the APEC summit in the fall.", "2025-06-02")
    ids = ids_of(opening, arrival, season)
    assert ids["c.txt"] not in (ids["a.txt"], ids["b.txt"])


def test_an_age_is_no_count() -> None:
    # "34-year-old" once made a row a series, which no single event may join.
    first = document(
        "a.txt",
        "With North Korea's advances in 2016 and 2017 in its nuclear and missile capabilities"
        " under 34-year-old leader Kim Jong-un, Pyongyang has evolved into a threat.",
        "2018-01-10",
    )
    second = document(
        "b.txt",
        "North Korea has made advances in nuclear weapons and missile capabilities since 2016.",
        "2022-12-01",
    )
    table = build_table([*document_rows(first), *document_rows(second)])
    assert len(table) == 2 and table["event_id"].nunique() == 1


def _row(doc: str, start: int, what: str, actors: str) -> dict[str, str]:
    from extract.table.ids import content_id
    from extract.table.schema import COLUMNS

    row = dict.fromkeys(COLUMNS, "")
    row.update(
        event_id=content_id(doc, start),
        date="2018-06-12",
        precision="day",
        summary="North Korea and South Korea meet",
        category="summit/talks",
        actors=actors,
        evidence="on June 12, 2018",
        sentence=f"{what} on June 12, 2018.",
        doc=doc,
        _kind="0.5",
        _prominence="0",
        _what={"summit": "!summit @singapore kim", "hotline": "!reopen hotline border"}[what],
    )
    return row


def test_two_events_with_the_same_date_precision_and_summary_never_share_an_id() -> None:
    """Issue 14, item 5: two stories told by the same two documents, whose first rows agree in
    date, precision and summary, got one id; the app then dropped one of each document's rows."""
    rows = [
        _row("a.txt", 10, "summit", "North Korea"),
        _row("a.txt", 90, "hotline", "North Korea"),
        _row("b.txt", 10, "summit", "North Korea"),
        _row("b.txt", 90, "hotline", "North Korea"),
    ]
    table = build_table(rows)
    by_what = {
        what: set(table.loc[table["sentence"].str.startswith(what), "event_id"])
        for what in ("summit", "hotline")
    }
    assert len(by_what["summit"]) == 1 and len(by_what["hotline"]) == 1  # shared across docs
    assert by_what["summit"] != by_what["hotline"]  # and not with each other
    assert not table.duplicated(["event_id", "doc"]).any()


def test_two_rows_of_one_document_at_one_place_get_two_ids() -> None:
    rows = [_row("a.txt", 10, "summit", "North Korea"), _row("a.txt", 10, "hotline", "China")]
    assert build_table(rows)["event_id"].nunique() == 2


def test_one_day_one_kind_and_shared_words_join_across_verbs() -> None:
    """Two reports of one day's event told with different verbs ('blew up', 'destroyed') share
    an id; another event of that day, kind and actor with fewer words in common does not."""
    ids = event_ids(
        (
            "North Korea blew up the inter-Korean liaison office in Kaesong on June 16, 2020.",
            "2020-06-17",
        ),
        (
            "North Korea destroyed the inter-Korean liaison office in Kaesong on June 16, 2020.",
            "2020-06-18",
        ),
        ("North Korea cut the inter-Korean hotlines on June 16, 2020.", "2020-06-18"),
    )
    assert ids["a.txt"] == ids["b.txt"]
    assert ids["c.txt"] != ids["a.txt"]


def test_how_many_people_an_act_concerns_is_no_series() -> None:
    """'pulled out its 53,000 workers' and 'withdrew its workers' tell one act ("pull out" and
    "withdraw" are one action); 'fired 60 missiles' is a series."""
    first = document(
        "a.txt", "North Korea pulled out its 53,000 workers in April 2013.", "2026-01-31"
    )
    second = document(
        "b.txt", "North Korea withdrew its workers from the zone on 2013-04-08.", "2016-02-12"
    )
    ids = ids_of(first, second)
    assert ids["a.txt"] == ids["b.txt"]
    third = document("c.txt", "North Korea fired 60 missiles in April 2013.", "2026-01-31")
    fourth = document("d.txt", "North Korea fired a missile on 2013-04-08.", "2016-02-12")
    ids = ids_of(third, fourth)
    assert ids["c.txt"] != ids["d.txt"]


def test_a_death_told_by_its_noun_is_the_death_told_by_its_verb() -> None:
    first = document("a.txt", "Kim Il Sung died on July 8, 1994, of a heart attack.", "2008-03-02")
    second = document(
        "b.txt",
        "Crowds wept after Kim Il Sung's death on July 8, 1994, in Pyongyang.",
        "2012-04-16",
    )
    third = document("c.txt", "Kim Jong Il died on Dec. 17, 2011, on a train.", "2012-04-16")
    ids = ids_of(first, second, third)
    assert ids["a.txt"] == ids["b.txt"]
    assert ids["c.txt"] != ids["a.txt"]


def test_a_pronoun_next_to_two_dates_does_not_make_them_one_event() -> None:
    text = (
        "On Friday the two leaders met at the border. That afternoon, they planted a pine tree. "
        "In the paper they signed that evening, they made some promises."
    )
    assert dt.date(2018, 4, 27).strftime("%A") == "Friday"
    assert rows_of(text, "2018-04-30") == [("2018-04-27", "day")] * 3


def test_one_period_told_alike_shares_its_id_when_the_texts_name_different_sides() -> None:
    ids = event_ids(
        (
            "Kim said the sea border was drawn by the U.S.-led United Nations Command after the"
            " 1950-53 Korean War.",
            "2024-01-16",
        ),
        (
            "South Korea's unification minister visited the park where families separated by the"
            " 1950-53 Korean War bow toward relatives they cannot reach.",
            "2026-02-13",
        ),
    )
    assert ids["a.txt"] == ids["b.txt"]
