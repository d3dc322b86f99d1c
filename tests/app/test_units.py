"""Pure parts of the app: date labels, filters, URL state, CSV safety, bad files, views."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest
from dash import html
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.table.schema import COLUMNS
from timeline_app.app import create_app
from timeline_app.data import Columns, build_data, load_data
from timeline_app.dates import format_date_label, parse_starts_ends, parse_user_date
from timeline_app.export import events_csv, neutralise_cell
from timeline_app.filters import OUTLIER_SHARE, default_span, filter_events, neighbour, span_of
from timeline_app.state import DEFAULT_STATE, ViewState, query_to_state, state_to_query
from timeline_app.viewmodel import next_state, zoom_from_relayout
from timeline_app.views import detail_panel, highlight, notices, safe_link, table_page


def write_table(path, rows: list[dict]) -> str:
    base = {c: "" for c in COLUMNS}
    pd.DataFrame([{**base, **r} for r in rows], columns=COLUMNS).to_csv(path, index=False)
    return str(path)


ROWS = [
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d1",
        "source": "Yonhap",
        "sentence": "On 3 January 2018 the hotline rang.",
        "evidence": "3 January 2018",
        "title": "Hotline",
        "url": "https://example.org/1",
        "published": "2018-01-04",
    },
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d2",
        "source": "KCNA",
        "sentence": "The line opened on January 3.",
        "evidence": "January 3",
        "title": "Line",
        "url": "javascript:alert(1)",
        "published": "2018-01-05",
    },
    {
        "event_id": "e2",
        "date": "2018-06",
        "precision": "month",
        "summary": "Singapore summit",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "d1",
        "source": "Reuters",
        "sentence": "In June 2018 they met.",
        "evidence": "June 2018",
    },
    {
        "event_id": "e3",
        "date": "2019-02-27",
        "date_end": "2019-02-28",
        "precision": "day",
        "summary": "Hanoi summit",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "d3",
        "source": "AP",
        "sentence": "Talks in Hanoi on Feb 27-28.",
        "evidence": "Feb 27-28",
    },
    {
        "event_id": "e4",
        "date": "1990",
        "date_end": "1999",
        "precision": "decade",
        "summary": "Famine",
        "category": "humanitarian",
        "actors": "North Korea",
        "doc": "d4",
        "source": "BBC",
        "sentence": "In the 1990s a famine struck.",
        "evidence": "1990s",
    },
    {
        "event_id": "e5",
        "date": "2020",
        "precision": "approx",
        "summary": "Border closed",
        "category": "propaganda/border",
        "actors": "China;North Korea",
        "doc": "d5",
        "source": "NK News",
        "sentence": "Around 2020 the border closed.",
        "evidence": "2020",
    },
]


@pytest.fixture()
def data(tmp_path):
    return load_data(write_table(tmp_path / "events.csv", ROWS))


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "end", "precision", "label"),
    [
        ("2018-01-03", "", "day", "3 Jan 2018"),
        ("2018-06", "", "month", "June 2018"),
        ("2018-09", "2018-11", "season", "fall 2018"),
        ("2018-12", "2019-02", "season", "winter 2018-19"),
        ("2018-03", "2018-05", "season", "spring 2018"),
        ("2019-02-27", "2019-02-28", "day", "Feb 27-28, 2019"),
        ("2019-02-27", "2019-03-02", "day", "Feb 27 - Mar 2, 2019"),
        ("2018-12-30", "2019-01-02", "day", "30 Dec 2018 - 2 Jan 2019"),
        ("1990", "1999", "decade", "1990s"),
        ("2025-06", "", "approx", "about June 2025"),
        ("2018", "", "year", "2018"),
        ("2018", "2019", "year", "2018-2019"),
        ("2018-06", "2018-08", "month", "June-August 2018"),
    ],
)
def test_format_date_label(date, end, precision, label):
    assert format_date_label(date, end, precision) == label


def test_format_date_label_never_raises_on_odd_input():
    assert format_date_label("20x8-1", "", "day") == "20x8-1"


def test_parse_starts_ends_cover_whole_period():
    start, end = parse_starts_ends(
        pd.Series(["2018-01-03", "2018-06", "2018", "2018-12", "1990"]),
        pd.Series(["", "", "", "2019-02", "1999"]),
    )
    assert [str(s) for s in start] == [
        "2018-01-03",
        "2018-06-01",
        "2018-01-01",
        "2018-12-01",
        "1990-01-01",
    ]
    assert [str(e) for e in end] == [
        "2018-01-04",
        "2018-07-01",
        "2019-01-01",
        "2019-03-01",
        "2000-01-01",
    ]


def test_parse_user_date():
    assert parse_user_date("2018") == pd.Timestamp("2018-01-01")
    assert parse_user_date("2018-06", end=True) == pd.Timestamp("2018-07-01")
    for bad in ("2019-02-30", "18", "abc", "2018-13", "../etc", None, "9999-01-01"):
        assert parse_user_date(bad) is None


# --- filters ---------------------------------------------------------------------------


def ids(frame) -> list[str]:
    return list(frame["event_id"])


def test_filters(data):
    assert ids(filter_events(data, DEFAULT_STATE)) == ["e4", "e1", "e2", "e3", "e5"]
    assert ids(filter_events(data, ViewState(date_from="2018-02", date_to="2019"))) == ["e2", "e3"]
    # the decade overlaps 1995: spans count where they overlap the range
    assert ids(filter_events(data, ViewState(date_from="1995", date_to="1995"))) == ["e4"]
    assert ids(filter_events(data, ViewState(categories=("summit/talks",)))) == ["e2", "e3"]
    assert ids(filter_events(data, ViewState(actors=("China",)))) == ["e5"]
    assert ids(filter_events(data, ViewState(actors=("United States", "China")))) == [
        "e2",
        "e3",
        "e5",
    ]
    # source filter matches any source of a shared event
    assert ids(filter_events(data, ViewState(sources=("KCNA",)))) == ["e1"]
    assert ids(filter_events(data, ViewState(precisions=("decade", "approx")))) == ["e4", "e5"]
    # search covers summary and every source's sentence, case-insensitively
    assert ids(filter_events(data, ViewState(text="HANOI"))) == ["e3"]
    assert ids(filter_events(data, ViewState(text="line opened"))) == ["e1"]
    assert ids(filter_events(data, ViewState(text="a.*"))) == []  # not a regex
    assert ids(filter_events(data, ViewState(categories=("no such",)))) == []
    both = ViewState(categories=("summit/talks",), date_from="2019")
    assert ids(filter_events(data, both)) == ["e3"]


def test_shared_event_counts_sources(data):
    events = data.events.set_index("event_id")
    assert events.loc["e1", "n_sources"] == 2
    assert events.loc["e2", "n_sources"] == 1


def test_neighbour_steps_in_date_order(data):
    events = filter_events(data, DEFAULT_STATE)
    assert neighbour(events, "", 1) == "e4"
    assert neighbour(events, "e1", 1) == "e2"
    assert neighbour(events, "e1", -1) == "e4"
    assert neighbour(events, "e5", 1) == "e5"  # stays on the last
    assert neighbour(events, "gone", -1) == "e5"


def test_next_state_actions(data):
    state = ViewState(categories=("summit/talks",))
    present = next_state(data, state, "btn-present", {})
    assert present.present and present.sel == "e2"  # the story starts at its first event
    assert next_state(data, present, "btn-next", {}).sel == "e3"
    assert next_state(data, present.with_(sel=""), "btn-next", {}).sel == "e3"  # "" shows e2
    assert next_state(data, present.with_(sel="e3"), "btn-prev", {}).sel == "e2"
    assert not next_state(data, present, "btn-present", {}).present
    click = {"click": {"points": [{"x": "2018-01-03", "y": 0, "customdata": "e1"}]}}
    assert next_state(data, state, "graph.clickData", click).sel == "e1"
    cell = {"cell": {"row": 0, "column": 0, "row_id": "e3", "column_id": "when"}}
    assert next_state(data, state, "table.active_cell", cell).sel == "e3"
    zoom = {"relayout": {"xaxis.range[0]": "2018-01-01 05:00", "xaxis.range[1]": "2018-12-31"}}
    zoomed = next_state(data, state, "graph.relayoutData", zoom)
    assert (zoomed.x0, zoomed.x1) == ("2018-01-01", "2018-12-31")
    reset = next_state(data, zoomed, "graph.relayoutData", {"relayout": {"xaxis.autorange": True}})
    assert (reset.x0, reset.x1) == ("", "")
    assert next_state(data, zoomed, "btn-reset", {}) == ViewState()
    typed = next_state(data, zoomed, "f-from", {"f-from": "2019", "f-lanes": "actor"})
    assert typed.date_from == "2019" and typed.lanes == "actor" and typed.x0 == ""


def test_relayout_ignores_non_zoom_events():
    assert zoom_from_relayout({"autosize": True}) is None
    assert zoom_from_relayout(None) is None
    assert zoom_from_relayout({"xaxis.range": ["2001-01-01", "2002-01-01"]}) == (
        "2001-01-01",
        "2002-01-01",
    )


# --- URL state -------------------------------------------------------------------------


def test_state_round_trip_and_defaults():
    state = ViewState(
        date_from="2018",
        date_to="2019-06-30",
        categories=("summit/talks", "a&b"),
        actors=("North Korea",),
        sources=("Yonhap",),
        precisions=("day",),
        text="hot line=1&x",
        x0="2018-01-01",
        x1="2018-06-01",
        lanes="actor",
        labels=False,
        eras=False,
        present=True,
        story="all",
        sel="e1",
    )
    query = state_to_query(state)
    assert query.startswith("?") and "present=1" in query
    assert "eras=0" in query and "labels=0" in query and "story=all" in query
    assert query_to_state(query) == state
    assert state_to_query(DEFAULT_STATE) == ""
    assert query_to_state("") == DEFAULT_STATE


@pytest.mark.parametrize(
    "garbage",
    [
        "?from=notadate&to=2019-02-30&lanes=../../etc/passwd&present=maybe&sel=<script>",
        "?%%%%&&==",
        "?x0=2020&x1=2010",  # inverted zoom is dropped
        "?events=/etc/passwd&path=../x",
        None,
        42,
        "?" + "cat=x&" * 5000,
    ],
)
def test_garbage_url_gives_defaults_not_errors(garbage):
    state = query_to_state(garbage)
    assert state.date_from == "" and state.date_to == "" and state.lanes == "category"
    assert state.x0 == "" and state.sel == "" and state.present is False
    assert len(state.categories) <= 50


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_query_to_state_never_raises(text):
    state = query_to_state(text)
    assert query_to_state(state_to_query(state)) == state


def test_url_cannot_switch_the_events_file(tmp_path):
    app = create_app(write_table(tmp_path / "events.csv", ROWS))
    data = app.server.config["TIMELINE_DATA"].data
    assert data.path == str(tmp_path / "events.csv")
    state = query_to_state("?events=/etc/passwd&file=/etc/passwd")
    assert state == DEFAULT_STATE


# --- CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("North Korea", "North Korea"),
        ("", ""),
        ("a=b", "a=b"),
        ("  =1+1", "'  =1+1"),  # after leading whitespace too
        ("'=1", "''=1"),  # reversible: values.unneutralise_cell gives '=1 back
    ],
)
def test_neutralise_cell(cell, safe):
    assert neutralise_cell(cell) == safe


def test_events_csv_neutralises_every_column():
    frame = pd.DataFrame(
        [
            {
                **{c: "" for c in COLUMNS},
                "summary": "=cmd|' /C calc'!A0",
                "sentence": "@x",
                "date": "2018",
            }
        ]
    )
    text = events_csv(frame)
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back.loc[0, "summary"] == "'=cmd|' /C calc'!A0"
    assert back.loc[0, "sentence"] == "'@x"
    assert back.loc[0, "date"] == "2018"
    assert list(back.columns)[: len(COLUMNS)] == COLUMNS


# --- bad files -------------------------------------------------------------------------


def test_missing_file(tmp_path):
    data = load_data(tmp_path / "nope.csv")
    assert data.error and "nope.csv" in data.error and "not found" in data.error
    assert len(data.events) == 0


def test_empty_file(tmp_path):
    (tmp_path / "e.csv").write_text("")
    data = load_data(tmp_path / "e.csv")
    assert "e.csv" in data.error and "empty" in data.error


def test_missing_columns(tmp_path):
    (tmp_path / "e.csv").write_text("event_id,summary\nx,y\n")
    data = load_data(tmp_path / "e.csv")
    assert "e.csv" in data.error and "date" in data.error and "precision" in data.error


def test_bad_dates_are_reported_with_line_and_column_and_good_rows_kept(tmp_path):
    rows = [
        *ROWS[:3],
        {**ROWS[3], "event_id": "bad1", "date": "2019-02-30"},
        {**ROWS[4], "event_id": "bad2", "precision": "fortnight"},
        ROWS[5],
    ]
    data = load_data(write_table(tmp_path / "events.csv", rows))
    assert data.error is None
    assert sorted(set(data.events["event_id"])) == ["e1", "e2", "e5"]
    texts = [str(p) for p in data.problems]
    assert len(texts) == 2
    assert "events.csv:5: column 'date'" in texts[0] and "2019-02-30" in texts[0]
    assert "events.csv:6: column 'precision'" in texts[1]
    shown = json.dumps(notices(data)[0].to_plotly_json(), default=str)
    assert "events.csv:5" in shown and "2 row(s)" in shown


def test_app_starts_on_a_missing_file_and_reports_on_console(tmp_path, capsys):
    app = create_app(tmp_path / "missing.csv")
    err = capsys.readouterr().err
    assert "missing.csv" in err and "not found" in err
    layout = json.dumps(app.layout().to_plotly_json(), default=str)
    assert "missing.csv: file not found" in layout and "Traceback" not in layout


# --- views -----------------------------------------------------------------------------


def flatten(component) -> str:
    return json.dumps(component, default=lambda c: c.to_plotly_json())


def test_detail_panel_lists_every_source_and_highlights_evidence(data):
    panel = detail_panel(data, "e1")
    text = flatten(panel)
    assert "Hotline reopened" in text and "3 Jan 2018" in text
    assert "Yonhap" in text and "KCNA" in text and "published 2018-01-04" in text
    marks = [c for item in _walk(panel) if isinstance(item, html.Mark) for c in [item.children]]
    assert marks == ["3 January 2018", "January 3"]
    links = [c.href for c in _walk(panel) if isinstance(c, html.A)]
    assert links == ["https://example.org/1"]  # the javascript: URL is not a link


def _walk(node):
    if isinstance(node, list | tuple):
        for child in node:
            yield from _walk(child)
    elif hasattr(node, "children"):
        yield node
        yield from _walk(node.children)


def test_highlight_and_links_keep_text_as_text():
    payload = "<script>window.__xss=1</script> on <b>June 2018</b>"
    parts = highlight(payload, "June 2018")
    assert parts[0] == "<script>window.__xss=1</script> on <b>"
    assert isinstance(parts[1], html.Mark) and parts[1].children == "June 2018"
    assert highlight("no match here", "2019") == ["no match here"]
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,x") is None
    assert safe_link("https://a.org/x") == "https://a.org/x"


def test_table_page_sorts_and_pages(data):
    events = filter_events(data, DEFAULT_STATE)
    records, pages = table_page(events, 0, 2, None)
    assert pages == 3 and [r["id"] for r in records] == ["e4", "e1"]
    assert records[1]["when"] == "3 Jan 2018" and records[1]["n_sources"] == 2
    records, _ = table_page(events, 0, 2, [{"column_id": "when", "direction": "desc"}])
    assert [r["id"] for r in records] == ["e5", "e3"]
    records, _ = table_page(events, 9, 2, [{"column_id": "summary", "direction": "asc"}])
    assert [r["id"] for r in records] == ["e2"]  # "Singapore..." sorts last; page clamped


def test_build_data_on_empty_table():
    data = build_data(pd.DataFrame({c: pd.Series([], dtype=str) for c in COLUMNS}))
    assert len(filter_events(data, ViewState(text="x", actors=("a",)))) == 0


def test_presentation_window_frames_the_event_wherever_it_is(data):
    from timeline_app.viewmodel import presentation_window

    x0, x1 = presentation_window(data, "e3")
    assert x0 < pd.Timestamp("2019-02-27") < x1 and 5 * 365 <= (x1 - x0).days <= 7 * 365
    x0, x1 = presentation_window(data, "e4")  # the 1990s: the whole decade and some context
    assert x0 < pd.Timestamp("1990-01-01") and x1 > pd.Timestamp("2000-01-01")
    assert presentation_window(data, "gone") is None


def test_density_click_zooms_into_that_year(data):
    click = {"click": {"points": [{"x": "2018-06-01", "y": 2, "z": 40, "customdata": "x"}]}}
    state = next_state(data, ViewState(), "graph.clickData", click)
    assert (state.x0, state.x1, state.sel) == ("2018-01-01", "2018-12-31", "")


def test_default_span_leaves_out_a_lone_early_outlier_but_not_a_spread_table():
    starts = pd.to_datetime(["1953-07-27"] + [f"{year}-06-01" for year in range(2013, 2026)] * 3)
    events = pd.DataFrame({"start": starts, "end": starts + pd.Timedelta(days=1)})
    lo, hi = default_span(events)
    assert lo == pd.Timestamp("2013-06-01") and hi == pd.Timestamp("2025-06-02")
    spread = pd.DataFrame({"start": starts[1:], "end": starts[1:] + pd.Timedelta(days=1)})
    spread.loc[len(spread)] = [pd.Timestamp("2010-01-01"), pd.Timestamp("2010-01-02")]
    assert default_span(spread)[0] == pd.Timestamp("2010-01-01")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(-20_000, 30_000), min_size=1, max_size=50),
    st.integers(0, 40_000),
    st.sampled_from(["s", "ns"]),
)
def test_the_span_of_arrays_is_the_span_pandas_computes(days, outlier, unit):
    """span_of reads numpy arrays; it gives what the Series arithmetic gave, to the unit."""
    starts = np.array([days[0] - outlier, *days], dtype="datetime64[D]").astype(f"M8[{unit}]")
    ends = starts + np.timedelta64(1, "D")
    series = pd.Series(starts)
    lo, hi = pd.Timestamp(series.min()), pd.Timestamp(pd.Series(ends).max())
    bulk = pd.Timestamp(series.quantile(OUTLIER_SHARE))
    if bulk - lo > (hi - lo) * 0.25:
        lo = pd.Timestamp(series[series >= bulk].min())
    span = span_of(starts, ends)
    assert span == (lo, hi) and [t.unit for t in span] == [lo.unit, hi.unit]


def test_columns_take_the_rows_pandas_takes():
    """Columns.take gives what frame.iloc[positions][name].to_numpy() gives: text (one or
    several arrow chunks, missing values, mixed objects), numbers, flags and times; isin and
    contains what Series.isin and Series.str.contains(regex=False) give."""
    two_chunks = pd.concat([pd.Series(["x", "y"], dtype="str"), pd.Series(["z", "w"], dtype="str")])
    frame = pd.DataFrame(
        {
            "text": pd.Series(["a", "b", "", "ü"], dtype="str"),
            "chunks": two_chunks.reset_index(drop=True),
            "missing": pd.Series(["a", None, "c", "d"], dtype="str"),
            "mixed": pd.Series(["a", 1, None, 2.5], dtype=object),
            "number": [1, 2, 3, 4],
            "weight": [0.5, np.nan, 1.0, 0.25],
            "flag": [True, False, True, False],
            "when": pd.to_datetime(["2018-01-01", "1953-07-27", "2030-06-01", "2001-02-03"]).astype(
                "M8[s]"
            ),
        }
    )
    columns = Columns(frame)
    for positions in ([2, 0], [], [0, 1, 2, 3], [3]):
        taken = columns.take(np.array(positions, dtype=np.int64), frame.columns)
        assert list(taken) == list(frame.columns)
        for name in frame.columns:
            expected = frame.iloc[positions][name].to_numpy()
            assert taken[name].dtype == expected.dtype, name
            assert [repr(v) for v in taken[name]] == [repr(v) for v in expected], name
    for name in ("text", "chunks", "missing"):
        for values in (["a", "z"], ["ü"], []):
            expected = frame[name].isin(values).to_numpy(dtype=bool)
            assert columns.isin(name, values).tolist() == expected.tolist()
        for text, positions in (("a", None), ("", None), ("ü", [3, 0]), ("z", [])):
            rows = frame[name] if positions is None else frame[name].iloc[positions]
            expected = rows.str.contains(text, regex=False).to_numpy(dtype=bool)
            at = None if positions is None else np.array(positions, dtype=np.int64)
            assert columns.contains(name, text, at).tolist() == expected.tolist()


@pytest.mark.parametrize(
    "typed, iso",
    [
        ("June 2018", "2018-06"),
        ("3 Jan 2018", "2018-01-03"),
        ("Jan. 3, 2018", "2018-01-03"),
        ("2018-06", "2018-06"),
        ("2019-02-30", ""),
        ("2018-13", ""),
        ("banana 2018", ""),
        ("last year", ""),
        ("fall 2018", ""),
    ],
)
def test_date_inputs_accept_month_names_but_not_loose_guesses(typed, iso):
    from timeline_app.state import clean_date

    assert clean_date(typed) == iso


def test_the_vendored_plotly_bundle_is_the_version_plotly_py_writes_for():
    """The page loads plotly.js from assets/vendor (the light "cartesian" bundle); figures
    are written by plotly.py for its own plotly.js. Upgrading plotly.py means fetching the
    same version of the bundle: npm pack plotly.js-cartesian-dist-min@VERSION."""
    from plotly.offline import get_plotlyjs_version

    from timeline_app.app import ASSETS

    bundles = sorted((ASSETS / "vendor").glob("plotly-cartesian-*.min.js"))
    assert [b.name for b in bundles] == [f"plotly-cartesian-{get_plotlyjs_version()}.min.js"]
    head = bundles[0].read_text(encoding="utf-8")[:200]
    assert f"(cartesian - minified) v{get_plotlyjs_version()}" in head


def test_an_event_told_at_several_precisions_takes_its_most_precise_date():
    base = dict.fromkeys(COLUMNS, "")
    rows = pd.DataFrame(
        [
            {
                **base,
                "event_id": "s",
                "date": "2018",
                "precision": "year",
                "doc": "a",
                "summary": "Trump and Kim meet",
            },
            {
                **base,
                "event_id": "s",
                "date": "2018-06-12",
                "precision": "day",
                "doc": "b",
                "summary": "Trump and Kim meet in Singapore",
            },
            {
                **base,
                "event_id": "s",
                "date": "2018-06",
                "precision": "month",
                "doc": "c",
                "summary": "Singapore summit",
            },
        ]
    )
    data = build_data(rows)
    event = data.event("s")
    assert (event["date"], event["summary"], event["n_sources"]) == (
        "2018-06-12",
        "Trump and Kim meet in Singapore",
        3,
    )
    assert len(data.sources_for("s")) == 3


def test_of_equally_precise_rows_the_event_shows_one_that_tells_it_happen():
    base = dict.fromkeys(COLUMNS, "")
    planned = {
        **base,
        "event_id": "h",
        "date": "2018-01-03",
        "precision": "day",
        "doc": "a",
        "summary": "North Korea restores a cross-border channel (planned)",
    }
    done = {**planned, "doc": "b", "summary": "Kim Jong Un reopens a cross-border channel"}
    for order in ([planned, done], [done, planned]):
        event = build_data(pd.DataFrame(order)).event("h")
        assert event["summary"] == "Kim Jong Un reopens a cross-border channel"
