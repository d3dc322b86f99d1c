"""The timeline figure as a pure function of (events, options): no Dash, no I/O.

Encoding (explained by the legend):
- an exact day is a point; an approximate day is a hollow point;
- a month / season / year / decade is a light, thick span covering the whole period;
- an interval (date .. date_end) is a solid dark bar from the start of `date` to the end of
  `date_end`; approximate spans and intervals are dashed;
- each span/bar carries a small handle at its middle for hover and click.
Above `density_threshold` marks in view, a heatmap of events per month (or per year over long
ranges) per lane replaces the marks; zooming in brings the marks back.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract.table.schema import split_list
from timeline_app.data import NO_CATEGORY, OTHER_ACTORS, prepare_events
from timeline_app.dates import format_date_label
from timeline_app.filters import default_span, in_range

DENSITY_THRESHOLD = 2000
WEBGL_THRESHOLD = 400

TRACE_POINT = "Exact day (point)"
TRACE_APPROX_POINT = "Approximate day (hollow point)"
TRACE_SPAN = "Month, season, year or decade (light span = whole period)"
TRACE_INTERVAL = "Interval: from date to end date (solid bar)"
TRACE_APPROX_SPAN = "Approximate period or interval (dashed)"
TRACE_HANDLES = "event handles"
TRACE_SELECTED = "Selected event"
TRACE_DENSITY = "Events per period"

COLOR_POINT = "#1d3557"
COLOR_APPROX = "#c2410c"
COLOR_SPAN = "rgba(69,123,157,0.45)"
COLOR_INTERVAL = "#1d3557"
COLOR_SELECTED = "#d90429"
SUBLANE_OFFSETS = np.array([0.0, -0.22, 0.22])


@dataclass(frozen=True)
class FigureOptions:
    lanes: str = "category"  # or "actor"
    lane_order: tuple[str, ...] | None = None  # stable lane order (from the whole table)
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None
    selected: str = ""
    present: bool = False
    density_threshold: int = DENSITY_THRESHOLD
    webgl_threshold: int = WEBGL_THRESHOLD
    uirevision: str = "timeline"
    height: int | None = None
    width: int | None = None
    title: str = ""


def _esc(text: object) -> str:
    """Escape &, < and > so plotly shows document text literally (plotly decodes these three
    entities but not &quot;, so quotes are left as they are: they are harmless in text)."""
    return html.escape(str(text), quote=False)


def _iso(values: np.ndarray) -> np.ndarray:
    return np.datetime_as_string(values.astype("datetime64[D]"), unit="D").astype(object)


def _lane_rows(events: pd.DataFrame, options: FigureOptions) -> tuple[pd.DataFrame, list[str]]:
    """Assign each event to its lane(s): by category, or one row per actor lane."""
    if options.lanes == "actor":
        order = list(options.lane_order or [])
        if not order:
            counts: dict[str, int] = {}
            for actors in events["actors"]:
                for actor in split_list(actors):
                    counts[actor] = counts.get(actor, 0) + 1
            order = sorted(counts, key=lambda a: (-counts[a], a))[:12]
        known = set(order) - {OTHER_ACTORS}
        codes, uniques = pd.factorize(events["actors"])
        per_combo: list[list[str]] = []
        for combo in uniques:
            actors = [a for a in split_list(combo) if a in known]
            per_combo.append(actors or [OTHER_ACTORS])
        lane_of = {name: i for i, name in enumerate(order)}
        if OTHER_ACTORS not in lane_of:
            lane_of[OTHER_ACTORS] = len(order)
            order = [*order, OTHER_ACTORS]
        idx: list[np.ndarray] = []
        lanes: list[np.ndarray] = []
        for code, actors in enumerate(per_combo):
            rows = np.flatnonzero(codes == code)
            for actor in actors:
                idx.append(rows)
                lanes.append(np.full(len(rows), lane_of[actor]))
        if idx:
            take = np.concatenate(idx)
            out = events.iloc[take].copy()
            out["lane"] = np.concatenate(lanes)
        else:
            out = events.iloc[:0].copy()
            out["lane"] = np.array([], dtype=int)
        used = sorted(set(out["lane"]))
        if OTHER_ACTORS in order and lane_of[OTHER_ACTORS] not in used:
            order = [o for o in order if o != OTHER_ACTORS]
        return out, order
    order = list(options.lane_order or [])
    cats = events["category"].where(events["category"] != "", NO_CATEGORY)
    for cat in pd.unique(cats):
        if cat not in order:
            order.append(cat)
    out = events.copy()
    out["lane"] = pd.Categorical(cats, categories=order).codes
    return out, order


def _hover(rows: pd.DataFrame) -> list[str]:
    """Hover text; document text is HTML-escaped so plotly shows it literally."""
    out = []
    for date, date_end, precision, summary, category, n in zip(
        rows["date"],
        rows["date_end"],
        rows["precision"],
        rows["summary"],
        rows["category"],
        rows["n_sources"],
        strict=True,
    ):
        label = _esc(format_date_label(date, date_end, precision))
        sources = f"{n} source" + ("" if n == 1 else "s")
        out.append(f"<b>{label}</b><br>{_esc(summary)}<br>{_esc(category)} · {sources}")
    return out


def _segments(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    n = len(rows)
    x = np.empty(3 * n, dtype=object)
    y = np.empty(3 * n, dtype=object)
    x[0::3] = _iso(rows["start"].to_numpy())
    x[1::3] = _iso(rows["end"].to_numpy())
    x[2::3] = None
    ys = rows["y"].to_numpy()
    y[0::3] = ys
    y[1::3] = ys
    y[2::3] = None
    return x, y


def _midpoints(rows: pd.DataFrame) -> np.ndarray:
    start = rows["start"].to_numpy().astype("datetime64[s]")
    end = rows["end"].to_numpy().astype("datetime64[s]")
    return _iso(start + (end - start) / 2)


def _detail_traces(rows: pd.DataFrame, options: FigureOptions) -> list[go.BaseTraceType]:
    big = options.present
    traces: list[go.BaseTraceType] = []
    # WebGL for many marks; SVG for few (software WebGL makes a first paint slow)
    scatter = go.Scattergl if len(rows) > options.webgl_threshold else go.Scatter
    line_w = 14 if big else 10
    spans = rows[(rows["kind"] == "span") & ~rows["approx"]]
    intervals = rows[(rows["kind"] == "interval") & ~rows["approx"]]
    approx_spans = rows[(rows["kind"] != "point") & rows["approx"]]
    for name, part, style in (
        (TRACE_SPAN, spans, {"color": COLOR_SPAN, "width": line_w}),
        (TRACE_INTERVAL, intervals, {"color": COLOR_INTERVAL, "width": line_w - 4}),
        (TRACE_APPROX_SPAN, approx_spans, {"color": COLOR_APPROX, "width": 4, "dash": "dash"}),
    ):
        x, y = _segments(part)
        traces.append(
            scatter(
                x=x,
                y=y,
                mode="lines",
                name=name,
                line=style,
                hoverinfo="skip",
                legendrank=3,
                showlegend=True,
                visible=True if len(part) else "legendonly",
            )
        )
    handles = rows[rows["kind"] != "point"]
    traces.append(
        scatter(
            x=_midpoints(handles),
            y=handles["y"].to_numpy(),
            mode="markers",
            name=TRACE_HANDLES,
            showlegend=False,
            customdata=handles["event_id"].to_numpy(),
            hovertext=_hover(handles),
            hoverinfo="text",
            marker={
                "symbol": "diamond",
                "size": 9 if big else 7,
                "color": np.where(handles["approx"], COLOR_APPROX, COLOR_POINT),
                "line": {"width": 1, "color": "white"},
            },
        )
    )
    points = rows[(rows["kind"] == "point") & ~rows["approx"]]
    approx_points = rows[(rows["kind"] == "point") & rows["approx"]]
    size = 14 if big else 9
    for name, part, marker in (
        (
            TRACE_POINT,
            points,
            {"symbol": "circle", "color": COLOR_POINT, "line": {"width": 1, "color": "white"}},
        ),
        (
            TRACE_APPROX_POINT,
            approx_points,
            {
                "symbol": "circle-open",
                "color": COLOR_APPROX,
                "line": {"width": 2, "color": COLOR_APPROX},
            },
        ),
    ):
        n = part["n_sources"].to_numpy()
        traces.append(
            scatter(
                x=_iso(part["start"].to_numpy()),
                y=part["y"].to_numpy(),
                mode="markers",
                name=name,
                customdata=part["event_id"].to_numpy(),
                hovertext=_hover(part),
                hoverinfo="text",
                marker={**marker, "size": size + np.minimum(n - 1, 4) * 2, "opacity": 1},
                visible=True if len(part) else "legendonly",
            )
        )
    return traces


def _density_lanes(
    events: pd.DataFrame, mask: np.ndarray, options: FigureOptions
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(start, lane index) pairs of the events in `mask`, without copying string columns
    (an event with several actor lanes gives one pair per lane), and the lane names."""
    starts = events["start"].to_numpy()[mask]
    order = list(options.lane_order or [])
    if options.lanes == "actor":
        if not order:
            order = _lane_rows(events[mask].head(20_000), options)[1]
        codes, uniques = pd.factorize(events["actors"])
        codes = codes[mask]
        known = {name: i for i, name in enumerate(order)}
        if OTHER_ACTORS not in known:
            known[OTHER_ACTORS] = len(order)
            order = [*order, OTHER_ACTORS]
        member = np.zeros((len(uniques) + 1, len(order)), dtype=bool)
        for code, combo in enumerate(uniques):
            lanes = [known[a] for a in split_list(combo) if a in known and a != OTHER_ACTORS]
            member[code, lanes or [known[OTHER_ACTORS]]] = True
        member[-1, known[OTHER_ACTORS]] = True  # code -1: no actors
        rows, lanes = np.nonzero(member[codes])
        return starts[rows], lanes, order
    cats = events["category"]
    codes, uniques = pd.factorize(cats.where(cats != "", NO_CATEGORY))
    for cat in uniques:
        if cat not in order:
            order.append(cat)
    lane_of = np.array([order.index(u) for u in uniques] + [0], dtype=int)
    return starts, lane_of[codes[mask]], order


def _density_trace(
    starts: np.ndarray,
    lane: np.ndarray,
    order: list[str],
    x0: pd.Timestamp,
    x1: pd.Timestamp,
    present: bool,
) -> tuple[go.Heatmap, str]:
    years = (x1 - x0).days / 365.25
    unit = "M" if years <= 50 else "Y"
    word = "month" if unit == "M" else "year"
    lo = np.datetime64(x0.to_datetime64(), unit)
    hi = np.datetime64(x1.to_datetime64(), unit) + 1
    bins = np.arange(lo, hi + 1)
    starts = starts.astype(f"datetime64[{unit}]")
    col = np.clip((starts - lo).astype(int), 0, len(bins) - 2)
    lane = lane.astype(int)
    n_cols = len(bins) - 1
    counts = np.bincount(lane * n_cols + col, minlength=len(order) * n_cols)
    z = counts.reshape(len(order), n_cols).astype(float)
    z[z == 0] = np.nan
    fmt = "%b %Y" if unit == "M" else "%Y"
    labels = np.array(order, dtype=object)[:, None].repeat(n_cols, axis=1)
    trace = go.Heatmap(
        x=_iso(bins[:-1].astype("datetime64[D]")),
        y=list(range(len(order))),
        z=z,
        customdata=labels,
        name=TRACE_DENSITY,
        colorscale="Blues",
        hovertemplate=f"%{{customdata}}<br>%{{x|{fmt}}}: %{{z}} events<extra></extra>",
        colorbar={"title": {"text": f"events per {word}"}, "thickness": 12},
        hoverongaps=False,
        xgap=0,
        ygap=2 if not present else 3,
    )
    return trace, word


def build_figure(events: pd.DataFrame, options: FigureOptions | None = None) -> go.Figure:
    """The timeline for the given (already filtered) events.

    `events` is a prepared table (timeline_app.data.prepare_events); a raw events table as
    read by extract.table.schema.read_events is prepared on the fly.
    """
    options = options or FigureOptions()
    if "start" not in events.columns:
        events = prepare_events(events)
    if options.x_range is not None:
        x0, x1 = options.x_range
    elif len(events):
        lo, hi = default_span(events)
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=15))
        x0, x1 = lo - pad, hi + pad
    else:
        x0, x1 = pd.Timestamp("2000-01-01"), pd.Timestamp("2030-01-01")
    mask = in_range(events, x0, x1)
    n_in_view = int(mask.sum())
    big = options.present
    fig = go.Figure()
    density = n_in_view > options.density_threshold
    note = ""
    if density:
        starts, lanes, order = _density_lanes(events, mask, options)
        trace, word = _density_trace(starts, lanes, order, x0, x1, big)
        fig.add_trace(trace)
        note = (
            f"{n_in_view:,} events in view: showing events per {word}. "
            "Drag to zoom in and see individual events."
        )
        rows = events.iloc[:0]
    else:
        rows, order = _lane_rows(events[mask], options)
        rank = rows.groupby("lane", sort=False).cumcount().to_numpy() % len(SUBLANE_OFFSETS)
        rows = rows.assign(y=rows["lane"].to_numpy() + SUBLANE_OFFSETS[rank])
        for trace in _detail_traces(rows, options):
            fig.add_trace(trace)
        if not len(rows):
            note = "No events match the filters in this range."
    if options.selected:
        _add_selected(
            fig,
            rows
            if not density
            else _lane_rows(events[events["event_id"] == options.selected], options)[0].assign(
                y=lambda r: r["lane"].astype(float)
            ),
            options,
        )
    n_lanes = max(len(order), 1)
    font = 22 if big else 13
    height = options.height or (None if big else max(360, 46 * n_lanes + 170))
    fig.update_layout(
        template="none",  # set colours below; a named template is deep-copied per figure
        height=height,
        width=options.width,
        font={"size": font, "color": "#111111", "family": "Arial, Helvetica, sans-serif"},
        margin={"l": 10, "r": 20, "t": 70 if not big else 90, "b": 30 if not big else 60},
        hovermode="closest",
        dragmode="zoom",
        uirevision=options.uirevision,
        showlegend=not big and not density,
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "font": {"size": 12},
            "itemclick": False,
            "itemdoubleclick": False,
        },
        hoverlabel={"font": {"size": 20 if big else 13}, "align": "left"},
        title={"text": _esc(options.title), "x": 0.01} if options.title else None,
        xaxis={
            "type": "date",
            "range": [x0.isoformat(), x1.isoformat()],
            "rangeslider": {"visible": not big, "thickness": 0.07},
            "rangeselector": {
                "visible": not big,
                "x": 1,
                "xanchor": "right",
                "y": 1.0,
                "yanchor": "bottom",
                "font": {"size": 12},
                "buttons": [
                    {"count": 1, "label": "1 y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5 y", "step": "year", "stepmode": "backward"},
                    {"count": 10, "label": "10 y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
            },
            "showgrid": True,
            "gridcolor": "#e5e7eb",
            "tickfont": {"size": font},
            "linecolor": "#111111",
            "showline": True,
        },
        yaxis={
            "tickvals": list(range(len(order))),
            "ticktext": [_esc(o) for o in order],
            "range": [n_lanes - 0.5, -0.5],
            "fixedrange": True,
            "zeroline": False,
            "showgrid": True,
            "gridcolor": "#eef0f3",
            "tickfont": {"size": font},
            "automargin": True,
        },
    )
    if note and not big:
        fig.add_annotation(
            text=_esc(note),
            xref="paper",
            yref="paper",
            x=0,
            y=1.0,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font={"size": font, "color": "#374151"},
        )
    return fig


def _add_selected(fig: go.Figure, rows: pd.DataFrame, options: FigureOptions) -> None:
    hit = rows[rows["event_id"] == options.selected]
    if hit.empty:
        return
    first = hit.iloc[0]
    if first["kind"] == "point":
        x = _iso(hit["start"].to_numpy())
    else:
        x = _midpoints(hit)
        seg_x, seg_y = _segments(hit)
        fig.add_trace(
            go.Scatter(
                x=seg_x,
                y=seg_y,
                mode="lines",
                showlegend=False,
                hoverinfo="skip",
                name=TRACE_SELECTED + " span",
                line={"color": COLOR_SELECTED, "width": 5},
            )
        )
    big = options.present
    fig.add_trace(
        go.Scatter(
            x=x,
            y=hit["y"].to_numpy(),
            mode="markers",
            name=TRACE_SELECTED,
            showlegend=False,
            customdata=hit["event_id"].to_numpy(),
            hovertext=_hover(hit),
            hoverinfo="text",
            marker={
                "symbol": "circle-open",
                "size": 34 if big else 22,
                "color": COLOR_SELECTED,
                "line": {"width": 5 if big else 3, "color": COLOR_SELECTED},
            },
        )
    )
    if big:
        label = format_date_label(first["date"], first["date_end"], first["precision"])
        fig.add_annotation(
            x=x[0],
            y=float(hit["y"].iloc[0]),
            text=f"<b>{_esc(label)}</b>",
            showarrow=True,
            arrowhead=2,
            arrowwidth=3,
            arrowcolor=COLOR_SELECTED,
            ax=0,
            ay=-60,
            bgcolor="white",
            bordercolor=COLOR_SELECTED,
            borderwidth=2,
            font={"size": 24, "color": "#111111"},
        )
