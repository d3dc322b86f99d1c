"""build_figure: marks per precision, approx styling, lanes, shared events, density view."""

from __future__ import annotations

import pandas as pd
import pytest

from extract.table.schema import COLUMNS, validate_events
from timeline_app.data import build_data, prepare_events
from timeline_app.figure import (
    TRACE_APPROX_POINT,
    TRACE_APPROX_SPAN,
    TRACE_DENSITY,
    TRACE_HANDLES,
    TRACE_INTERVAL,
    TRACE_POINT,
    TRACE_SELECTED,
    TRACE_SPAN,
    FigureOptions,
    build_figure,
)
from timeline_app.sample import synthetic_events


def table(rows: list[dict]) -> pd.DataFrame:
    base = {c: "" for c in COLUMNS}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    good, problems = validate_events(frame, "fixture.csv")
    assert problems == []
    return good


ROWS = [
    {
        "event_id": "p1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "a",
    },
    {
        "event_id": "p1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "b",
        "source": "Yonhap",
    },
    {
        "event_id": "p1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "c",
    },
    {
        "event_id": "m1",
        "date": "2018-06",
        "precision": "month",
        "summary": "Talks",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "a",
    },
    {
        "event_id": "s1",
        "date": "2018-09",
        "date_end": "2018-11",
        "precision": "season",
        "summary": "Fall exercises",
        "category": "military/nuclear/missile",
        "actors": "South Korea;United States",
        "doc": "a",
    },
    {
        "event_id": "i1",
        "date": "2019-02-27",
        "date_end": "2019-02-28",
        "precision": "day",
        "summary": "Hanoi summit",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "a",
    },
    {
        "event_id": "a1",
        "date": "2025-06",
        "precision": "approx",
        "summary": "Maybe talks",
        "category": "summit/talks",
        "actors": "North Korea",
        "doc": "a",
    },
    {
        "event_id": "a2",
        "date": "2017-05-10",
        "precision": "approx",
        "summary": "About a day",
        "category": "politics",
        "actors": "South Korea",
        "doc": "a",
    },
    {
        "event_id": "d1",
        "date": "1990",
        "date_end": "1999",
        "precision": "decade",
        "summary": "Famine years",
        "category": "humanitarian",
        "actors": "North Korea",
        "doc": "a",
    },
]


def traces(fig) -> dict:
    return {t.name: t for t in fig.data}


def ids(trace) -> list[str]:
    return [] if trace.customdata is None else list(trace.customdata)


def test_precision_encoding_point_span_bar_and_approx():
    fig = build_figure(table(ROWS))
    by = traces(fig)
    assert ids(by[TRACE_POINT]) == ["p1"]  # exact day: a point
    assert ids(by[TRACE_APPROX_POINT]) == ["a2"]  # approximate day: hollow point
    assert by[TRACE_APPROX_POINT].marker.symbol == "circle-open"
    assert by[TRACE_POINT].marker.symbol == "circle"
    # spans and bars are line segments (start, end, gap) covering the whole period
    span_x = [x for x in by[TRACE_SPAN].x if x is not None]
    assert sorted(span_x) == sorted(
        ["1990-01-01", "2000-01-01", "2018-06-01", "2018-07-01", "2018-09-01", "2018-12-01"]
    )
    assert list(by[TRACE_INTERVAL].x[:2]) == ["2019-02-27", "2019-03-01"]
    assert by[TRACE_APPROX_SPAN].line.dash == "dash"
    assert list(by[TRACE_APPROX_SPAN].x[:2]) == ["2025-06-01", "2025-07-01"]
    assert by[TRACE_SPAN].line.dash in (None, "solid")
    # every span/bar has one handle carrying hover and click
    assert sorted(ids(by[TRACE_HANDLES])) == ["a1", "d1", "i1", "m1", "s1"]
    assert fig.layout.showlegend is True


def test_one_mark_per_event_with_sources_count_in_hover():
    fig = build_figure(table(ROWS))
    marks = [
        i
        for t in fig.data
        if t.name in (TRACE_POINT, TRACE_APPROX_POINT, TRACE_HANDLES)
        for i in ids(t)
    ]
    assert sorted(marks) == sorted({r["event_id"] for r in ROWS})
    point = traces(fig)[TRACE_POINT]
    assert "3 sources" in point.hovertext[0]
    assert "3 Jan 2018" in point.hovertext[0]
    handles = traces(fig)[TRACE_HANDLES]
    hover = dict(zip(handles.customdata, handles.hovertext, strict=True))
    assert "Feb 27-28, 2019" in hover["i1"]
    assert "fall 2018" in hover["s1"]
    assert "1990s" in hover["d1"]
    assert "about June 2025" in hover["a1"]
    assert "1 source<" in hover["m1"] or hover["m1"].endswith("1 source")


def test_lanes_by_category_and_by_actor():
    fig = build_figure(table(ROWS))
    cats = list(fig.layout.yaxis.ticktext)
    assert "summit/talks" in cats and "humanitarian" in cats
    handles = traces(fig)[TRACE_HANDLES]
    lane = dict(zip(handles.customdata, handles.y, strict=True))
    assert round(lane["m1"]) == round(lane["i1"]) == cats.index("summit/talks")

    fig = build_figure(table(ROWS), FigureOptions(lanes="actor"))
    actors = list(fig.layout.yaxis.ticktext)
    assert set(actors) == {"North Korea", "South Korea", "United States"}
    handles = traces(fig)[TRACE_HANDLES]
    lanes_of_i1 = {
        actors[round(y)] for c, y in zip(handles.customdata, handles.y, strict=True) if c == "i1"
    }
    assert lanes_of_i1 == {"North Korea", "United States"}


def test_hover_escapes_document_text():
    rows = [{**ROWS[0], "summary": "<img src=x onerror=alert(1)> <script>x</script>"}]
    fig = build_figure(table(rows))
    hover = traces(fig)[TRACE_POINT].hovertext[0]
    assert "<img" not in hover and "<script>" not in hover
    assert "&lt;img src=x onerror=alert(1)&gt;" in hover


def test_density_view_above_threshold_and_detail_when_zoomed():
    rows = synthetic_events(3000, seed=1)
    events = prepare_events(validate_events(rows, "x")[0])
    fig = build_figure(events, FigureOptions(density_threshold=2000))
    assert [t.name for t in fig.data] == [TRACE_DENSITY]
    z = fig.data[0].z
    total = sum(v for row in z for v in row if v == v)
    assert total == len(events)  # every event counted once (category lanes)
    zoom = (pd.Timestamp("2000-01-01"), pd.Timestamp("2001-01-01"))
    fig = build_figure(events, FigureOptions(density_threshold=2000, x_range=zoom))
    names = {t.name for t in fig.data}
    assert TRACE_DENSITY not in names and TRACE_POINT in names
    assert fig.layout.xaxis.range[0].startswith("2000-01-01")


def test_density_bins_per_year_over_long_ranges():
    events = prepare_events(validate_events(synthetic_events(3000, seed=2), "x")[0])
    fig = build_figure(events, FigureOptions(density_threshold=100))
    assert len(fig.data[0].x) < 100  # 1950-2030 in years, not ~970 months
    fig = build_figure(
        events,
        FigureOptions(
            density_threshold=100, x_range=(pd.Timestamp("1990-01-01"), pd.Timestamp("2010-01-01"))
        ),
    )
    assert 230 < len(fig.data[0].x) < 250  # months


def test_selected_event_is_highlighted_and_presentation_is_large():
    fig = build_figure(table(ROWS), FigureOptions(selected="i1", present=True))
    selected = traces(fig)[TRACE_SELECTED]
    assert list(selected.customdata) == ["i1"]
    assert fig.layout.font.size >= 20
    assert fig.layout.showlegend is False
    assert any("Feb 27-28, 2019" in a.text for a in fig.layout.annotations)
    normal = build_figure(table(ROWS), FigureOptions(selected="i1"))
    assert normal.layout.font.size < fig.layout.font.size


def test_empty_table_gives_an_empty_figure_with_a_note():
    fig = build_figure(table(ROWS).iloc[:0])
    assert all(len(ids(t)) == 0 for t in fig.data)
    assert any("No events" in a.text for a in fig.layout.annotations)


@pytest.mark.parametrize("lanes", ["category", "actor"])
def test_lane_order_is_stable_when_filtering(lanes):
    data = build_data(table(ROWS))
    order = tuple(data.categories if lanes == "category" else data.actor_lanes)
    sub = data.events[data.events["event_id"] == "d1"]
    fig = build_figure(sub, FigureOptions(lanes=lanes, lane_order=order))
    assert list(fig.layout.yaxis.ticktext)[: len(order)] == list(order)


def test_density_counts_each_event_once_per_lane():
    events = table(ROWS)
    fig = build_figure(events, FigureOptions(density_threshold=0))
    z = fig.data[0].z
    assert sum(v for row in z for v in row if v == v) == 7  # 7 events, one category each
    fig = build_figure(events, FigureOptions(density_threshold=0, lanes="actor"))
    names = list(fig.layout.yaxis.ticktext)
    per_lane = {names[i]: sum(v for v in row if v == v) for i, row in enumerate(fig.data[0].z)}
    assert per_lane["North Korea"] == 5 and per_lane["United States"] == 3
    assert per_lane["South Korea"] == 3
