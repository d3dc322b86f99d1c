"""build_figure without a browser: marks per precision (honest spans, planned, ongoing), lanes,
stacking of same-day events, labels, eras, presentation, export decorations, density view."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from _plotly_utils.utils import to_typed_array_spec
from plotly.io.json import to_json_plotly

from extract.table.eras import Era, read_eras
from extract.table.schema import COLUMNS, validate_events
from timeline_app.data import build_data, prepare_events
from timeline_app.figure import (
    TRACE_APPROX_POINT,
    TRACE_APPROX_SPAN,
    TRACE_CONTEXT,
    TRACE_DENSITY,
    TRACE_ERAS,
    TRACE_INTERVAL,
    TRACE_ONGOING,
    TRACE_PLANNED_POINT,
    TRACE_PLANNED_SPAN,
    TRACE_POINT,
    TRACE_SELECTED,
    TRACE_SPAN,
    FigureOptions,
    _typed_array,
    browser_figure,
    build_figure,
    figure_dict,
)
from timeline_app.sample import synthetic_events


def table(rows: list[dict]) -> pd.DataFrame:
    base = {c: "" for c in COLUMNS}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    good, problems = validate_events(frame, "fixture.csv")
    assert problems == []
    return good


HOTLINE = {
    "event_id": "p1",
    "date": "2018-01-03",
    "precision": "day",
    "summary": "Hotline reopened",
    "label": "Hotline reopened",
    "weight": "0.9",
    "category": "communication channel",
    "actors": "North Korea;South Korea",
    "doc": "a",
    "published": "2018-01-04",
}
ROWS = [
    HOTLINE,
    {**HOTLINE, "doc": "b", "source": "Yonhap"},
    {**HOTLINE, "doc": "c"},
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
    {
        "event_id": "pl1",
        "date": "2028-04",
        "precision": "month",
        "summary": "Next scheduled elections (planned)",
        "category": "politics",
        "actors": "South Korea",
        "doc": "a",
        "published": "2025-06-04",
    },
    {
        "event_id": "pl2",
        "date": "2018-01-09",
        "precision": "day",
        "summary": "Talks offered for January 9 (planned)",
        "category": "summit/talks",
        "actors": "South Korea",
        "doc": "a",
        "published": "2018-01-02",
    },
    {
        "event_id": "on1",
        "date": "2016-02",
        "precision": "month",
        "summary": "The channel has been suspended (ongoing since)",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "a",
        "published": "2017-12-20",
    },
    {
        "event_id": "on1",
        "date": "2016-02",
        "precision": "month",
        "summary": "The channel has been suspended (ongoing since)",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "b",
        "published": "2018-01-02",
    },
]
ALL_IDS = {"p1", "m1", "s1", "i1", "a1", "a2", "d1", "pl1", "pl2", "on1"}


def traces(fig) -> dict:
    return {t.name: t for t in fig.data}


def ids(trace) -> list[str]:
    return [] if trace.customdata is None else list(trace.customdata)


def bar_ends(trace, event_id: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    i = ids(trace).index(event_id)
    start = pd.Timestamp(trace.base[i])
    return start, start + pd.Timedelta(milliseconds=float(trace.x[i]))


def labels(fig) -> dict[str, str]:
    return {
        a.name.removeprefix("label:"): a.text
        for a in fig.layout.annotations
        if (a.name or "").startswith("label:")
    }


def test_each_precision_has_its_mark_and_spans_cover_the_whole_period():
    fig = build_figure(table(ROWS), FigureOptions(x_range=WIDE))
    by = traces(fig)
    assert ids(by[TRACE_POINT]) == ["p1"]  # exact day: a point
    assert by[TRACE_POINT].marker.symbol == "circle"
    assert ids(by[TRACE_APPROX_POINT]) == ["a2"]  # approximate day: hollow point
    assert by[TRACE_APPROX_POINT].marker.symbol == "circle-open"
    assert by[TRACE_SPAN].type == "bar" and by[TRACE_SPAN].orientation == "h"
    assert set(ids(by[TRACE_SPAN])) == {"m1", "s1", "d1"}
    start, end = bar_ends(by[TRACE_SPAN], "d1")  # the 1990s: 1 Jan 1990 to 1 Jan 2000
    assert abs(start - pd.Timestamp("1990-01-01")) < pd.Timedelta(hours=1)
    assert abs(end - pd.Timestamp("2000-01-01")) < pd.Timedelta(hours=1)
    start, end = bar_ends(by[TRACE_SPAN], "s1")  # fall 2018: September to November
    assert start.month == 9 and end == pd.Timestamp("2018-12-01")
    assert ids(by[TRACE_INTERVAL]) == ["i1"]
    assert ids(by[TRACE_APPROX_SPAN]) == ["a1"]
    assert by[TRACE_APPROX_SPAN].marker.color == "rgba(255,255,255,0)"  # hollow
    assert fig.layout.showlegend is True


def test_a_span_has_no_point_in_its_middle():
    """Spans take hover and click themselves: no marker anywhere but at days."""
    fig = build_figure(table(ROWS), FigureOptions(x_range=WIDE))
    marker_ids = {
        i for t in fig.data if t.type == "scatter" and t.customdata is not None for i in ids(t)
    }
    assert marker_ids == {"p1", "a2", "pl2"}  # the three days
    spans = [t for t in fig.data if t.type == "bar" and t.name != TRACE_ERAS]
    assert all(t.hovertext is not None and len(t.hovertext) == len(t.x) for t in spans)


def test_planned_events_are_drawn_as_planned():
    by = traces(build_figure(table(ROWS), FigureOptions(x_range=WIDE)))
    assert ids(by[TRACE_PLANNED_POINT]) == ["pl2"]
    assert by[TRACE_PLANNED_POINT].marker.symbol == "diamond-open"
    assert ids(by[TRACE_PLANNED_SPAN]) == ["pl1"]
    assert by[TRACE_PLANNED_SPAN].marker.pattern.shape == "/"  # hatched


def test_ongoing_since_runs_to_the_latest_report_with_an_open_end():
    by = traces(build_figure(table(ROWS), FigureOptions(x_range=WIDE)))
    start, end = bar_ends(by[TRACE_ONGOING], "on1")
    assert start.date() == dt.date(2016, 2, 1)
    assert end.date() == dt.date(2018, 1, 3)  # the later of its two reports, 2 Jan 2018
    arrow = traces(build_figure(table(ROWS), FigureOptions(x_range=WIDE)))[
        TRACE_ONGOING + " (open end)"
    ]
    assert arrow.marker.symbol == "triangle-right"
    hover = by[TRACE_ONGOING].hovertext[0]
    assert "since February 2016, still at the report of 2 Jan 2018" in hover


def test_one_mark_per_event_with_sources_count_in_hover():
    fig = build_figure(table(ROWS), FigureOptions(x_range=WIDE))
    marks = [i for t in fig.data if t.name not in (TRACE_ERAS,) for i in ids(t)]
    assert sorted(marks) == sorted(ALL_IDS)
    point = traces(fig)[TRACE_POINT]
    assert "3 sources" in point.hovertext[0] and "3 Jan 2018" in point.hovertext[0]
    hover = {}
    for trace in fig.data:
        hover.update(zip(ids(trace), trace.hovertext or [], strict=False))
    assert "Feb 27-28, 2019" in hover["i1"]
    assert "fall 2018" in hover["s1"]
    assert "1990s" in hover["d1"]
    assert "about June 2025" in hover["a1"]
    assert hover["m1"].endswith("1 source")


def test_lanes_by_category_and_by_actor():
    fig = build_figure(table(ROWS), FigureOptions(x_range=WIDE))
    lanes = dict(zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals, strict=True))
    assert "summit/talks" in lanes and "humanitarian" in lanes
    by = traces(fig)
    y_m1 = by[TRACE_SPAN].y[ids(by[TRACE_SPAN]).index("m1")]
    y_i1 = by[TRACE_INTERVAL].y[0]
    assert abs(y_m1 - lanes["summit/talks"]) < 40 and abs(y_i1 - lanes["summit/talks"]) < 40

    fig = build_figure(table(ROWS), FigureOptions(lanes="actor", x_range=WIDE))
    ticks = list(fig.layout.yaxis.ticktext)
    assert set(ticks) == {"North Korea", "South Korea", "United States"}
    interval = traces(fig)[TRACE_INTERVAL]
    assert len(ids(interval)) == 2  # the Hanoi summit in both of its actors' lanes


def test_hover_escapes_document_text():
    rows = [{**HOTLINE, "summary": "<img src=x onerror=alert(1)> <script>x</script>"}]
    fig = build_figure(table(rows))
    hover = traces(fig)[TRACE_POINT].hovertext[0]
    assert "<img" not in hover and "<script>" not in hover
    assert "&lt;img src=x onerror=alert(1)&gt;" in hover


def same_day(n: int) -> list[dict]:
    return [
        {
            **HOTLINE,
            "event_id": f"sd{i}",
            "summary": f"Same-day event {i}",
            "label": f"Event {i}",
            "weight": f"0.{i}",
        }
        for i in range(1, n + 1)
    ]


def test_same_day_events_in_one_lane_do_not_hide_each_other():
    fig = build_figure(table(same_day(5)), FigureOptions(width=1000, height=400))
    point = traces(fig)[TRACE_POINT]
    ys = sorted(point.y)
    sizes = point.marker.size
    assert len(set(point.x)) == 1 and len(ys) == 5
    assert min(np.diff(ys)) >= max(sizes)  # one above the other, none covering another
    lane_top, lane_bottom = 0, fig.layout.yaxis.range[0]
    assert all(lane_top < y < lane_bottom for y in ys)


def test_the_heaviest_events_in_view_are_labelled_with_their_label_or_summary():
    rows = [
        {**HOTLINE, "label": "Hotline back", "weight": "0.9"},
        {
            **ROWS[3],
            "label": "",
            "weight": "0.4",
            "summary": "Trump and Kim meet at last in Singapore for a summit the world watched",
        },
        {**ROWS[5], "weight": "0.2", "label": "Hanoi summit"},
    ]
    fig = build_figure(table(rows), FigureOptions(width=1400, height=500))
    shown = labels(fig)
    assert shown["p1"] == "Hotline back"
    assert shown["m1"].startswith("Trump and Kim meet") and shown["m1"].endswith("…")
    assert len(shown["m1"]) <= 33
    assert shown["i1"] == "Hanoi summit"
    off = build_figure(table(rows), FigureOptions(width=1400, height=500, labels=False))
    assert labels(off) == {}


def test_zooming_in_labels_more_events():
    """40 events in the first half of 2018 among a few others: the whole range has room for a
    few labels there, the heaviest; zoomed into 2018 many more get one."""
    cluster = [
        {
            **HOTLINE,
            "event_id": f"c{i:02d}",
            "date": f"2018-{1 + i // 8:02d}-{1 + 3 * (i % 8):02d}",
            "label": f"Event number {i}",
            "weight": f"{(i * 37 % 40) / 40:.3f}",
            "published": "",
        }
        for i in range(40)
    ]
    spread = [
        {**HOTLINE, "event_id": f"y{year}", "date": f"{year}-06-01", "label": f"In {year}"}
        for year in range(2010, 2026, 3)
    ]
    events = table(cluster + spread)
    wide = labels(build_figure(events, FigureOptions(width=1366, height=450)))
    zoom = (pd.Timestamp("2017-12-15"), pd.Timestamp("2018-06-15"))
    narrow = labels(build_figure(events, FigureOptions(width=1366, height=450, x_range=zoom)))
    in_cluster = [key for key in wide if key.startswith("c")]
    assert len([key for key in narrow if key.startswith("c")]) > len(in_cluster) + 5
    weights = {row["event_id"]: float(row["weight"]) for row in cluster}
    labelled = [weights[key] for key in in_cluster]
    unlabelled = [w for key, w in weights.items() if key not in wide]
    assert max(weights, key=weights.get) in wide  # the heaviest first,
    assert np.mean(labelled) > np.mean(unlabelled)  # then others where there is room


WIDE = (pd.Timestamp("1988-01-01"), pd.Timestamp("2030-01-01"))


def test_eras_are_named_bands_that_can_be_switched_off():
    eras = read_eras()
    window = (pd.Timestamp("2016-01-01"), pd.Timestamp("2020-01-01"))
    fig = build_figure(table(ROWS), FigureOptions(eras=eras, x_range=window, width=1600))
    band = traces(fig)[TRACE_ERAS]
    names = [t for t in band.text if t]
    assert "Moon Jae-in" in names and "Kim Jong Un" in names
    assert any(t.startswith("Donald Trump") for t in names)
    assert {"S. Korean president", "US president", "N. Korean leader"} <= set(
        fig.layout.yaxis.ticktext
    )
    assert any(s.type == "rect" for s in fig.layout.shapes)  # the South's terms tint the lanes
    off = build_figure(table(ROWS), FigureOptions(x_range=window, width=1600))
    assert TRACE_ERAS not in traces(off) and "US president" not in off.layout.yaxis.ticktext
    early = (pd.Timestamp("1952-01-01"), pd.Timestamp("1955-01-01"))
    only_north = build_figure(table(ROWS), FigureOptions(eras=eras, x_range=early))
    assert "US president" not in only_north.layout.yaxis.ticktext  # no term in view
    assert "N. Korean leader" in only_north.layout.yaxis.ticktext


def test_a_name_that_does_not_fit_its_band_is_shortened_or_left_out():
    era = Era(
        "South Korea",
        "Somebody With A Very Long Name",
        ("Long",),
        dt.date(2018, 1, 1),
        dt.date(2018, 1, 20),
        "x",
    )
    window = (pd.Timestamp("2015-01-01"), pd.Timestamp("2020-01-01"))
    fig = build_figure(table(ROWS), FigureOptions(eras=(era,), x_range=window, width=1000))
    assert list(traces(fig)[TRACE_ERAS].text) == [""]


def test_presentation_is_large_with_a_legend_and_mutes_events_outside_the_story():
    fig = build_figure(
        table(ROWS), FigureOptions(selected="i1", present=True, story=("i1", "p1"), x_range=WIDE)
    )
    selected = [t for t in fig.data if t.name == TRACE_SELECTED]
    assert selected and list(selected[0].customdata) == ["i1"]
    assert fig.layout.font.size >= 17
    assert fig.layout.showlegend is True
    context = {i for t in fig.data if t.name == TRACE_CONTEXT for i in ids(t)}
    assert context == ALL_IDS - {"i1", "p1"}
    callout = [a for a in fig.layout.annotations if a.name == "callout"]
    assert len(callout) == 1 and "Feb 27-28, 2019" in callout[0].text
    assert callout[0].showarrow is False  # a period: nothing points at its middle
    day = build_figure(
        table(ROWS), FigureOptions(selected="p1", present=True, story=("p1",), x_range=WIDE)
    )
    assert [a.showarrow for a in day.layout.annotations if a.name == "callout"] == [True]
    normal = build_figure(table(ROWS), FigureOptions(selected="i1"))
    assert normal.layout.font.size < fig.layout.font.size


def test_export_decorations_sit_in_the_margins_and_nothing_else_is_drawn():
    fig = build_figure(
        table(ROWS),
        FigureOptions(
            width=1920,
            height=1080,
            font_size=20,
            title="Inter-Korean relations, 2018: summit and talks",
            subtitle="2 of 10 events · category: summit/talks",
            footer="Exported 2 Dec 2026 · Sources: Yonhap",
        ),
    )
    notes = {a.name: a for a in fig.layout.annotations}
    assert "summit and talks" in notes["title"].text and notes["title"].y > 1
    assert notes["subtitle"].y > 1 and notes["footer"].y < 0
    assert fig.layout.xaxis.rangeslider.visible in (None, False)
    assert not fig.layout.xaxis.rangeselector.buttons
    assert fig.layout.margin.autoexpand is False  # what we placed stays where we placed it


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
    shown = [t.replace("<br>", "").replace(" ", "") for t in fig.layout.yaxis.ticktext]
    assert shown == [o.replace(" ", "") for o in order]


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


def test_density_counts_each_event_once_per_lane():
    events = table(ROWS)
    fig = build_figure(events, FigureOptions(density_threshold=0, x_range=WIDE))
    z = fig.data[0].z
    assert sum(v for row in z for v in row if v == v) == len(ALL_IDS)
    fig = build_figure(events, FigureOptions(density_threshold=0, lanes="actor", x_range=WIDE))
    names = list(fig.layout.yaxis.ticktext)
    per_lane = {names[i]: sum(v for v in row if v == v) for i, row in enumerate(fig.data[0].z)}
    assert per_lane["North Korea"] == 6 and per_lane["United States"] == 3
    assert per_lane["South Korea"] == 6


def test_density_hovers_and_lane_names_show_data_as_text():
    """Lane names come from the data (a category or actor cell): in the density view they are
    escaped in the hover (customdata) and in the axis, so no markup from a file renders."""
    hostile = '<b>bold</b><a href="https://x">link</a>'
    rows = [{**r, "category": hostile, "actors": hostile} for r in ROWS]
    events = table(rows)
    for lanes in ("category", "actor"):
        fig = build_figure(events, FigureOptions(density_threshold=0, lanes=lanes, x_range=WIDE))
        names = {str(v) for row in fig.data[0].customdata for v in row}
        assert '&lt;b&gt;bold&lt;/b&gt;&lt;a href="https://x"&gt;link&lt;/a&gt;' in names
        assert not any("<b>" in name or "<a " in name for name in names)
        assert not any("<a " in tick for tick in fig.layout.yaxis.ticktext)


SENT_AS_PLOTLY_WOULD = {
    "every mark": FigureOptions(x_range=WIDE),
    "default window, eras": FigureOptions(eras=read_eras()),
    "selected period, actor lanes": FigureOptions(selected="i1", lanes="actor", x_range=WIDE),
    "selected day, no labels": FigureOptions(selected="p1", labels=False),
    "presentation": FigureOptions(
        selected="p1", present=True, story=("p1", "i1"), x_range=WIDE, eras=read_eras()
    ),
    "presentation of a period": FigureOptions(selected="i1", present=True, story=("i1",)),
    "export": FigureOptions(
        width=1920, height=1080, font_size=20, title="T <1>", subtitle="s", footer="f"
    ),
    "density by category": FigureOptions(density_threshold=0, x_range=WIDE, selected="p1"),
    "density by actor": FigureOptions(density_threshold=0, lanes="actor", present=True),
    "nothing in view": FigureOptions(x_range=(pd.Timestamp("1960"), pd.Timestamp("1961"))),
}


@pytest.mark.parametrize("options", SENT_AS_PLOTLY_WOULD.values(), ids=SENT_AS_PLOTLY_WOULD)
def test_the_browser_gets_the_json_of_the_plotly_figure(options):
    """The page's callbacks send browser_figure (plain dicts: plotly's validation would cost
    most of a filter); it is exactly what the validated figure would have sent."""
    events = table(ROWS)
    sent = json.loads(to_json_plotly(browser_figure(events, options)))
    validated = go.Figure(figure_dict(events, options))  # raises on an invalid property
    assert sent == json.loads(to_json_plotly(validated))
    assert sent["layout"]["template"] == {"data": {"scatter": [{"type": "scatter"}]}}


@pytest.mark.parametrize(
    "values",
    [
        np.array([1, 2, 3]),
        np.array([-300, 7]),
        np.array([2**40, 1]),
        np.array([70_000], dtype=np.uint64),
        np.array([0.5, np.nan]),
        np.arange(6, dtype=float).reshape(2, 3),
        np.array([True, False]),
        np.array(["a", "b"], dtype=object),
        np.array([], dtype=float),
    ],
    ids=str,
)
def test_typed_arrays_are_written_as_plotly_writes_them(values):
    ours, theirs = _typed_array(values), to_typed_array_spec(values)
    assert json.loads(to_json_plotly({"v": ours})) == json.loads(to_json_plotly({"v": theirs}))
