"""The timeline figure as a pure function of (events, options): no Dash, no I/O.

Encoding (the legend explains it in every mode and in exports):
- an exact day is a point; an approximate day is a hollow point; a planned day an open diamond;
- a month / season / year / decade is a light bar over the whole period, with a dark edge;
- an interval (date .. date_end) is a solid dark bar; an approximate period a hollow bar; a
  planned period a hatched bar;
- "ongoing since" is a bar from its date to the latest report of it, open at that end (▸);
- bars take hover and click themselves: nothing is drawn in their middle.
Events of one lane are stacked in sub-rows, so events of the same day never hide each other,
and the heaviest events in view are labelled where a label overlaps no mark and no other label
(timeline_app.placement). Eras (extract/table/eras.csv) are named bands above the lanes; the
South's presidencies also tint the lanes. Above `density_threshold` marks in view, a heatmap of
events per month (or per year over long ranges) per lane replaces the marks.

The figure is laid out in pixels for its size (`width` x `height`), so labels are placed
exactly; exports add a title, a subtitle and a footer in the margins.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import json
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import make_colorscale, sequential

from extract.table.eras import Era
from extract.table.schema import split_list
from timeline_app.data import NO_CATEGORY, OTHER_ACTORS, prepare_events
from timeline_app.dates import event_date_label, format_date_label
from timeline_app.filters import default_span, in_range
from timeline_app.placement import (
    FONT_FAMILY,
    LabelRequest,
    free_position,
    lines_width,
    place_labels,
    stack_rows,
    text_width,
    wrap,
)
from timeline_app.story import importance_order, label_text

DENSITY_THRESHOLD = 2000
BLUES = make_colorscale(sequential.Blues)  # the density heatmap's colours (plotly's "Blues")
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1200, 560

TRACE_POINT = "Day"
TRACE_APPROX_POINT = "About a day"
TRACE_PLANNED_POINT = "Planned (day)"
TRACE_SPAN = "Month, season, year, decade"
TRACE_INTERVAL = "Date to end date"
TRACE_APPROX_SPAN = "Approximate period"
TRACE_PLANNED_SPAN = "Planned (period)"
TRACE_ONGOING = "Ongoing to its latest report ▸"
TRACE_CONTEXT = "Other events"
TRACE_SELECTED = "Selected event"
TRACE_DENSITY = "Events per period"
TRACE_ERAS = "Eras"

COLOR_TEXT = "#111111"
COLOR_POINT = "#1d3557"
COLOR_SPAN_FILL = "#a9c8e8"
COLOR_APPROX = "#c2410c"
COLOR_PLANNED = "#6d28d9"
COLOR_ONGOING = "#0f766e"
COLOR_CONTEXT = "#9aa3ae"
COLOR_SELECTED = "#d90429"
COLOR_ERA = ("#e2e8f0", "#cbd5e1")
COLOR_ERA_TINT = "rgba(148, 163, 184, 0.12)"
COLOR_SEPARATOR = "#e5e7eb"
LABEL_BACKGROUND = "rgba(255, 255, 255, 0.85)"
# The y-axis name of each group of eras.
ERA_ROLES = {
    "South Korea": "S. Korean president",
    "United States": "US president",
    "North Korea": "N. Korean leader",
}
TINTED_ERA_GROUP = "South Korea"  # whose terms tint the lanes behind the marks
MIN_BAR_PX = 5  # a period shorter than this is widened around its middle to stay visible
LEADER_LABELS = 8  # the heaviest events in view may have their label further away, on a line
# The columns the figure reads (a narrow copy of the events in view is cheap to slice).
COLUMNS = (
    "event_id",
    "date",
    "date_end",
    "precision",
    "summary",
    "label",
    "category",
    "actors",
    "n_sources",
    "kind",
    "approx",
    "planned",
    "importance",
    "start",
    "end",
)
LABEL_COLUMNS = (
    "event_id",
    "label",
    "summary",
    "lane",
    "px_left",
    "px_top",
    "px_right",
    "px_bottom",
)
LabelMark = namedtuple("LabelMark", LABEL_COLUMNS)
RANK_COLUMNS = ("precision", "start", "n_sources", "importance")  # story.importance_order


@dataclass(frozen=True)
class FigureOptions:
    lanes: str = "category"  # or "actor"
    lane_order: tuple[str, ...] | None = None  # stable lane order (from the whole table)
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None
    selected: str = ""
    present: bool = False
    density_threshold: int = DENSITY_THRESHOLD
    uirevision: str = "timeline"
    height: int | None = None
    width: int | None = None
    font_size: int | None = None  # base font in px (default from the mode and the width)
    labels: bool = True
    eras: tuple[Era, ...] = ()
    story: tuple[str, ...] | None = None  # presentation: the story's events (others muted)
    title: str = ""  # exports: title, subtitle and footer in the margins
    subtitle: str = ""
    footer: str = ""


@dataclass(frozen=True)
class Style:
    """Sizes in pixels for one figure."""

    font: int
    label: int
    marker: int
    bar: int
    title: int

    @property
    def pitch(self) -> int:
        """Distance between two sub-rows of a lane."""
        return max(self.marker + 4, self.bar + 3, int(self.label * 0.9))


def _style(options: FigureOptions, width: int) -> Style:
    if options.font_size:
        font = options.font_size
    elif options.present:
        font = 20 if width >= 1500 else 17
    else:
        font = 15 if width >= 1500 else 13
    marker = round(font * (0.85 if options.present else 0.75))
    return Style(font=font, label=font + 1, marker=marker, bar=marker, title=round(font * 1.9))


@dataclass(frozen=True)
class Frame:
    """The figure's geometry in pixels: margins, the time window, the era ribbons and the
    lanes. The y axis counts pixels down from the top of the plot area, so what is computed
    here is exactly where plotly draws it; lanes are as tall as their stacked marks need."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x0: pd.Timestamp
    x1: pd.Timestamp
    n_ribbons: int
    ribbon_px: float
    lane_tops: tuple[float, ...] = ()
    lane_heights: tuple[float, ...] = ()

    @property
    def plot_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def ribbons_px(self) -> float:
        """Height of the era ribbons and the gap below them."""
        return self.n_ribbons * self.ribbon_px + (6 if self.n_ribbons else 0)

    def ribbon_y(self, k: int) -> float:
        return (k + 0.5) * self.ribbon_px

    def lane_centre(self, lane: int) -> float:
        return self.lane_tops[lane] + self.lane_heights[lane] / 2

    def x_px(self, times: np.ndarray) -> np.ndarray:
        seconds = times.astype("datetime64[s]").astype(np.int64)
        lo = np.datetime64(self.x0.to_datetime64(), "s").astype(np.int64)
        hi = np.datetime64(self.x1.to_datetime64(), "s").astype(np.int64)
        return (seconds - lo) / (hi - lo) * self.plot_w

    def x_date(self, px: float) -> str:
        when = self.x0 + (self.x1 - self.x0) * (px / self.plot_w)
        return when.isoformat()

    def ms_per_px(self) -> float:
        return (self.x1 - self.x0).total_seconds() * 1000 / self.plot_w


def _esc(text: object) -> str:
    """Escape &, < and > so plotly shows document text literally (plotly decodes these three
    entities but not &quot;, so quotes are left as they are: they are harmless in text)."""
    return html.escape(str(text), quote=False)


def _iso(values: np.ndarray) -> np.ndarray:
    return np.datetime_as_string(values.astype("datetime64[D]"), unit="D").astype(object)


BOX_COLUMNS = ("px_left", "px_top", "px_right", "px_bottom")


class Rows:
    """The marks of a figure: columns of equal length (numpy arrays) by name. The figure slices
    its few dozen rows many times; a DataFrame's cost per operation would be most of a filter
    callback's time."""

    __slots__ = ("columns",)

    def __init__(self, columns: dict[str, np.ndarray]) -> None:
        self.columns = columns

    @classmethod
    def of(cls, frame: pd.DataFrame) -> Rows:
        return cls({c: frame[c].to_numpy() for c in frame.columns})

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), ()))

    def __getitem__(self, key):  # a column by name, or the rows of a mask or positions
        if isinstance(key, str):
            return self.columns[key]
        return Rows({c: values[key] for c, values in self.columns.items()})

    def assign(self, **values: object) -> Rows:
        """New columns (a scalar is repeated on every row)."""
        new = dict(self.columns)
        for name, value in values.items():
            if np.ndim(value):
                new[name] = np.asarray(value)
            else:
                text = isinstance(value, str)
                new[name] = np.full(len(self), value, dtype=object if text else None)
        return Rows(new)

    def row(self, i: int) -> dict:
        return {c: values[i] for c, values in self.columns.items()}

    def boxes(self) -> np.ndarray:
        """The marks' boxes in pixels, (n, 4)."""
        return np.column_stack([self.columns[c].astype(float) for c in BOX_COLUMNS]).reshape(-1, 4)


def _lane_rows(events: Rows, options: FigureOptions) -> tuple[Rows, list[str]]:
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
            out = events[np.concatenate(idx)].assign(lane=np.concatenate(lanes))
        else:
            out = events[np.array([], dtype=int)].assign(lane=np.array([], dtype=int))
        used = sorted(set(out["lane"]))
        if OTHER_ACTORS in order and lane_of[OTHER_ACTORS] not in used:
            order = [o for o in order if o != OTHER_ACTORS]
        return out, order
    order = list(options.lane_order or [])
    cats = np.where(events["category"] != "", events["category"], NO_CATEGORY)
    for cat in pd.unique(cats):
        if cat not in order:
            order.append(cat)
    lane_of = {name: i for i, name in enumerate(order)}
    return events.assign(lane=np.array([lane_of[c] for c in cats], dtype=int)), order


def _hover(rows: Rows) -> list[str]:
    """Hover text; document text is HTML-escaped so plotly shows it literally."""
    out = []
    for date, date_end, precision, kind, end, summary, category, n in zip(
        rows["date"],
        rows["date_end"],
        rows["precision"],
        rows["kind"],
        rows["end"],
        rows["summary"],
        rows["category"],
        rows["n_sources"],
        strict=True,
    ):
        label = _esc(event_date_label(date, date_end, precision, kind, end))
        sources = f"{n} source" + ("" if n == 1 else "s")
        out.append(f"<b>{label}</b><br>{_esc(summary)}<br>{_esc(category)} · {sources}")
    return out


def _density_lanes(
    events: pd.DataFrame, mask: np.ndarray, options: FigureOptions
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(start, lane index) pairs of the events in `mask`, without copying string columns
    (an event with several actor lanes gives one pair per lane), and the lane names."""
    starts = events["start"].to_numpy()[mask]
    order = list(options.lane_order or [])
    if options.lanes == "actor":
        if not order:
            order = _lane_rows(Rows.of(events.loc[mask, ["actors"]].head(20_000)), options)[1]
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
    lane_y: list[float],
    x0: pd.Timestamp,
    x1: pd.Timestamp,
    present: bool,
) -> tuple[dict, str]:
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
    # lane names come from the data: escaped, so the hover shows them as text, never markup
    labels = np.array([_esc(name) for name in order], dtype=object)[:, None].repeat(n_cols, axis=1)
    trace = {
        "type": "heatmap",
        "x": _iso(bins[:-1].astype("datetime64[D]")),
        "y": lane_y,
        "z": z,
        "customdata": labels,
        "name": TRACE_DENSITY,
        "colorscale": BLUES,
        "hovertemplate": f"%{{customdata}}<br>%{{x|{fmt}}}: %{{z}} events<extra></extra>",
        "colorbar": {"title": {"text": f"events per {word}"}, "thickness": 12},
        "hoverongaps": False,
        "xgap": 0,
        "ygap": 2 if not present else 3,
    }
    return trace, word


def _window(events: pd.DataFrame, options: FigureOptions) -> tuple[pd.Timestamp, pd.Timestamp]:
    if options.x_range is not None:
        return options.x_range
    if len(events):
        lo, hi = default_span(events)
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=15))
        return lo - pad, hi + pad
    return pd.Timestamp("2000-01-01"), pd.Timestamp("2030-01-01")


def _tick_text(name: str) -> str:
    """A lane name on at most two lines (after a slash or a space), to keep the margin narrow."""
    name = _esc(name)
    if len(name) <= 16:
        return name
    cuts = [i + 1 for i, ch in enumerate(name) if ch == "/"] + [
        i for i, ch in enumerate(name) if ch == " "
    ]
    if not cuts:
        return name
    cut = min(cuts, key=lambda i: abs(i - len(name) / 2))
    return name[:cut].rstrip() + "<br>" + name[cut:].lstrip()


def _era_groups(eras: tuple[Era, ...]) -> list[str]:
    groups: list[str] = []
    for era in eras:
        if era.group not in groups:
            groups.append(era.group)
    return groups


def _legend_height(names: list[str], style: Style, width: float) -> float:
    """Height of the horizontal legend. Plotly lays its items out in a grid whose columns are
    as wide as the widest item when they do not fit on one line."""
    if not names:
        return 0
    items = [50 + text_width(name, style.font) for name in names]
    per_row = len(items) if sum(items) <= width else max(1, int(width // max(items)))
    rows = -(-len(items) // per_row)
    return rows * style.font * 1.6 + 6


def _frame(
    options: FigureOptions,
    style: Style,
    window: tuple[pd.Timestamp, pd.Timestamp],
    ticks: list[str],
    legend: list[str],
    header: tuple[str, str],
    n_ribbons: int,
    colorbar: bool,
) -> Frame:
    """Margins from what they hold (tick labels, legend, title, footer); no lanes yet."""
    width = options.width or DEFAULT_WIDTH
    height = options.height or DEFAULT_HEIGHT
    left = int(max([lines_width(t, style.font) for t in ticks] + [40]) + 14)
    right = 100 if colorbar else 18
    title, subtitle = header
    top = 8 + _legend_height(legend, style, width - left)
    top += (title.count("<br>") + 1) * style.title * 1.3 if title else 0
    top += (subtitle.count("<br>") + 1) * style.font * 1.45 + 6 if subtitle else 0
    bottom = style.font * 1.7 + 10 + (style.font * 1.6 + 6 if options.footer else 0)
    return Frame(
        width=width,
        height=height,
        left=left,
        right=right,
        top=int(top),
        bottom=int(bottom),
        x0=window[0],
        x1=window[1],
        n_ribbons=n_ribbons,
        ribbon_px=round(style.font * 1.45),
    )


def _with_lanes(frame: Frame, needs: list[float], minimum: float, extra: float = 0) -> Frame:
    """The lanes' heights. Each gets what its stacked marks need (at least `minimum`), then,
    room allowing, `extra` (a line for labels above and below), and what is left is shared in
    proportion. When the room is short, every lane keeps its minimum (room for its name) and
    the fuller lanes give up sub-rows."""
    available = frame.plot_h - frame.ribbons_px
    marks = np.maximum(np.array(needs, dtype=float), minimum) if needs else np.array([available])
    if marks.sum() <= available:
        wanted = marks + extra
        if wanted.sum() <= available:
            heights = wanted * available / wanted.sum()
        else:
            heights = marks + (available - marks.sum()) / len(marks)
    elif minimum * len(marks) < available:
        over = marks - minimum
        heights = minimum + over * (available - minimum * len(marks)) / over.sum()
    else:
        heights = np.full(len(marks), available / len(marks))
    tops = frame.ribbons_px + np.concatenate([[0.0], np.cumsum(heights)[:-1]])
    return replace(frame, lane_tops=tuple(tops), lane_heights=tuple(heights))


def _mark_class(rows: Rows, story: tuple[str, ...] | None) -> np.ndarray:
    """The legend entry of each mark."""
    kind = rows["kind"]
    point = kind == "point"
    cls = np.where(point, TRACE_POINT, TRACE_SPAN).astype(object)
    cls[kind == "interval"] = TRACE_INTERVAL
    cls[kind == "ongoing"] = TRACE_ONGOING
    approx = rows["approx"]
    cls[approx & point] = TRACE_APPROX_POINT
    cls[approx & ~point] = TRACE_APPROX_SPAN
    planned = rows["planned"]
    cls[planned & point] = TRACE_PLANNED_POINT
    cls[planned & ~point] = TRACE_PLANNED_SPAN
    if story is not None:
        told = set(story)
        cls[np.array([i not in told for i in rows["event_id"]], dtype=bool)] = TRACE_CONTEXT
    return cls


POINT_CLASSES = (TRACE_POINT, TRACE_APPROX_POINT, TRACE_PLANNED_POINT)
BAR_CLASSES = (TRACE_SPAN, TRACE_INTERVAL, TRACE_ONGOING, TRACE_APPROX_SPAN, TRACE_PLANNED_SPAN)


def _extents(rows: Rows, frame: Frame, style: Style) -> Rows:
    """Pixel extent of every mark along x (a period shorter than MIN_BAR_PX is widened around
    its middle; an ongoing bar ends in an arrow)."""
    px0 = frame.x_px(rows["start"])
    px1 = frame.x_px(rows["end"])
    point = rows["kind"] == "point"
    centre = (px0 + px1) / 2
    size = style.marker + np.minimum(rows["n_sources"] - 1, 2) * 2
    half_bar = np.maximum((px1 - px0) / 2, MIN_BAR_PX / 2)
    left = np.where(point, px0 - size / 2, centre - half_bar)
    right = np.where(point, px0 + size / 2, centre + half_bar)
    right = right + np.where(rows["kind"] == "ongoing", style.bar + 2, 0)
    return rows.assign(
        px_left=left,
        px_right=right,
        size=size,
        mark_h=np.where(point, size, style.bar),
        bar_left=centre - half_bar,
        bar_right=centre + half_bar,
    )


def _slots(height: float, pitch: float) -> int:
    """How many sub-rows fit in a lane (an odd number, centred on the lane's middle)."""
    return max(1, 2 * int(((height - 6) / pitch - 1) // 2) + 1)


def _stack(
    rows: Rows, frame: Frame, style: Style, n_lanes: int, labels: bool
) -> tuple[Rows, Frame]:
    """Lanes as tall as their marks need (and a line for labels above and below them), and
    every mark's y: sub-rows from the middle out, so events of the same day sit one above the
    other, the lightest taken first so the heaviest end up where a label fits next to them.
    When the figure is too short for every sub-row, the fullest lanes overlap their marks as
    little as possible."""
    lanes = rows["lane"]
    left, right = rows["px_left"], rows["px_right"]
    lightest_first = np.lexsort((left, rows["importance"], lanes))
    members = {lane: lightest_first[lanes[lightest_first] == lane] for lane in range(n_lanes)}
    offsets = np.zeros(len(rows), dtype=int)
    used = []
    for index in members.values():
        offsets[index] = stack_rows(left[index], right[index], 61)
        used.append(len(np.unique(offsets[index])) if len(index) else 1)
    slots = 2 * (np.array(used) // 2) + 1  # rows from the middle out, so an odd number
    minimum = max(2 * style.pitch + 6, 2.6 * style.font)  # two lines of a lane's name
    available = frame.plot_h - frame.ribbons_px
    pitch = style.pitch
    while pitch > style.marker + 1 and np.maximum(slots * pitch + 6, minimum).sum() > available:
        pitch -= 1  # marks closer together before any of them overlap
    label_room = 2 * (style.label * 1.3 + 5) if labels else 0  # a line above and below
    frame = _with_lanes(frame, list(slots * pitch + 6), minimum, label_room)
    for lane, index in members.items():
        capacity = _slots(frame.lane_heights[lane], pitch)
        if len(index) and np.abs(offsets[index]).max() > capacity // 2:
            offsets[index] = stack_rows(left[index], right[index], capacity)
    centres = np.array([frame.lane_centre(i) for i in range(len(frame.lane_heights))])
    y = centres[lanes] + offsets * pitch if len(rows) else np.zeros(0)
    half = rows["mark_h"] / 2
    return rows.assign(y=y, px_top=y - half, px_bottom=y + half), frame


def _bar_trace(part: Rows, name: str, frame: Frame, style: Style) -> dict:
    start = part["start"].astype("datetime64[ms]")
    length = (part["end"].astype("datetime64[ms]") - start).astype(float)
    shortest = MIN_BAR_PX * frame.ms_per_px()
    widen = np.maximum(shortest - length, 0)  # widened around its middle
    base = start - (widen / 2).astype("timedelta64[ms]")
    length = length + widen
    marker: dict = {"line": {"width": 1.5, "color": COLOR_POINT}}
    if name == TRACE_SPAN:
        marker["color"] = COLOR_SPAN_FILL
    elif name == TRACE_INTERVAL:
        marker["color"] = COLOR_POINT
    elif name == TRACE_ONGOING:
        marker.update(color=COLOR_ONGOING, line={"width": 0, "color": COLOR_ONGOING})
    elif name == TRACE_APPROX_SPAN:
        marker.update(color="rgba(255,255,255,0)", line={"width": 2, "color": COLOR_APPROX})
    elif name == TRACE_PLANNED_SPAN:
        marker.update(
            color="white",
            line={"width": 1.5, "color": COLOR_PLANNED},
            pattern={"shape": "/", "fgcolor": COLOR_PLANNED, "size": 6, "solidity": 0.3},
        )
    else:  # context
        marker.update(color=COLOR_CONTEXT, line={"width": 0, "color": COLOR_CONTEXT})
    return {
        "type": "bar",
        "orientation": "h",
        "base": np.datetime_as_string(base, unit="ms").astype(object),
        "x": length,
        "y": part["y"],
        "width": style.bar,
        "name": name,
        "marker": marker,
        "customdata": part["event_id"],
        "hovertext": _hover(part),
        "hoverinfo": "text",
        "showlegend": True,
    }


def _point_trace(part: Rows, name: str) -> dict:
    if name == TRACE_POINT:
        marker = {"symbol": "circle", "color": COLOR_POINT, "line": {"width": 1, "color": "white"}}
    elif name == TRACE_APPROX_POINT:
        marker = {"symbol": "circle-open", "color": COLOR_APPROX, "line": {"width": 2.5}}
    elif name == TRACE_PLANNED_POINT:
        marker = {"symbol": "diamond-open", "color": COLOR_PLANNED, "line": {"width": 2.5}}
    else:  # context
        marker = {"symbol": "circle", "color": COLOR_CONTEXT, "line": {"width": 0}}
    return {
        "type": "scatter",
        "x": _iso(part["start"]),
        "y": part["y"],
        "mode": "markers",
        "name": name,
        "customdata": part["event_id"],
        "hovertext": _hover(part),
        "hoverinfo": "text",
        "marker": {**marker, "size": part["size"], "opacity": 1},
    }


def _mark_traces(rows: Rows, frame: Frame, style: Style) -> list[dict]:
    traces: list[dict] = []
    cls = rows["mark"]
    point = rows["kind"] == "point"
    for name in (*POINT_CLASSES, *BAR_CLASSES, TRACE_CONTEXT):
        of_name = cls == name
        if not of_name.any():  # most classes are absent: no slicing for them
            continue
        for as_point in (True, False):
            where = np.flatnonzero(of_name & (point == as_point))
            if not len(where):
                continue
            part = rows[where]
            if as_point:
                traces.append(_point_trace(part, name))
            else:
                traces.append(_bar_trace(part, name, frame, style))
                if name == TRACE_CONTEXT:
                    traces[-1]["showlegend"] = not (cls[point] == TRACE_CONTEXT).any()
    is_ongoing = rows["kind"] == "ongoing"
    if is_ongoing.any():
        ongoing = rows[is_ongoing]
        color = np.where(ongoing["mark"] == TRACE_CONTEXT, COLOR_CONTEXT, COLOR_ONGOING)
        traces.append(
            {
                "type": "scatter",
                "x": [frame.x_date(px) for px in ongoing["px_right"] - (style.bar + 2) / 2],
                "y": ongoing["y"],
                "mode": "markers",
                "name": TRACE_ONGOING + " (open end)",
                "showlegend": False,
                "hoverinfo": "skip",
                "marker": {"symbol": "triangle-right", "size": style.bar + 2, "color": color},
            }
        )
    return traces


def _visible_eras(eras: tuple[Era, ...], x0: pd.Timestamp, x1: pd.Timestamp) -> tuple[Era, ...]:
    first, last = x0.date(), x1.date()
    return tuple(e for e in eras if e.start < last and (e.end is None or e.end >= first))


def _era_traces(
    frame: Frame, style: Style, eras: tuple[Era, ...], groups: list[str]
) -> tuple[list, list]:
    """Era ribbons (one bar per term, named when the name fits) and the tints of the lanes."""
    x0 = frame.x0.to_pydatetime().date()
    x1 = frame.x1.to_pydatetime().date()
    bases, lengths, ys, texts, hovers, colors = [], [], [], [], [], []
    tints: list[dict] = []
    size = round(style.font * 0.9)
    for k, group in enumerate(groups):
        terms = [e for e in eras if e.group == group]
        for i, era in enumerate(terms):
            end = (era.end or x1) + dt.timedelta(days=1)
            lo, hi = max(era.start, x0), min(end, x1)
            if lo >= hi:
                continue
            px = frame.plot_w * (hi - lo).days / max((x1 - x0).days, 1)
            names = [era.name, *sorted(era.aliases, key=len)]
            fits = [n for n in names if text_width(n, size) + 8 <= px]
            bases.append(lo.isoformat())
            lengths.append((hi - lo).days * 86_400_000)
            ys.append(frame.ribbon_y(k))
            texts.append(_esc(fits[0]) if fits else "")
            until = format_date_label(era.end.isoformat()) if era.end else "in office"
            since = format_date_label(era.start.isoformat())
            hovers.append(f"<b>{_esc(era.name)}</b><br>{_esc(group)}: {since} – {until}")
            colors.append(COLOR_ERA[i % 2])
            if group == TINTED_ERA_GROUP and i % 2:
                tints.append(
                    {
                        "type": "rect",
                        "xref": "x",
                        "yref": "y",
                        "x0": lo.isoformat(),
                        "x1": hi.isoformat(),
                        "y0": frame.ribbons_px,
                        "y1": frame.plot_h,
                        "fillcolor": COLOR_ERA_TINT,
                        "line": {"width": 0},
                        "layer": "below",
                    }
                )
    if not bases:
        return [], tints
    trace = {
        "type": "bar",
        "orientation": "h",
        "base": bases,
        "x": lengths,
        "y": ys,
        "width": frame.ribbon_px - 3,
        "name": TRACE_ERAS,
        "text": texts,
        "textposition": "inside",
        "insidetextanchor": "middle",
        "textfont": {"size": size, "color": COLOR_TEXT},
        "constraintext": "none",
        "hovertext": hovers,
        "hoverinfo": "text",
        "marker": {"color": colors, "line": {"width": 1, "color": "white"}},
        "showlegend": False,
    }
    return [trace], tints


def _obstacles(rows: Rows, frame: Frame, extra: list[tuple]) -> np.ndarray:
    boxes = rows.boxes()
    ribbons = [(0.0, 0.0, frame.plot_w, frame.ribbons_px)] if frame.n_ribbons else []
    return np.vstack([boxes.reshape(-1, 4), *(np.array([b]) for b in [*ribbons, *extra])])


def _label_annotations(
    rows: Rows,
    frame: Frame,
    style: Style,
    options: FigureOptions,
    reserved: list[tuple],
) -> list[dict]:
    """Labels of the heaviest events in view where they fit (placement.place_labels)."""
    event_ids = rows["event_id"]
    keep = np.ones(len(rows), dtype=bool)
    if options.story is not None:
        keep &= rows["mark"] != TRACE_CONTEXT
    if options.present:
        keep &= event_ids != options.selected
    candidates = np.flatnonzero(keep)
    # an event in several actor lanes is labelled in its first one
    firsts = np.unique(event_ids[candidates], return_index=True)[1]
    candidates = candidates[np.sort(firsts)]
    columns = {c: rows[c] for c in (*LABEL_COLUMNS, *RANK_COLUMNS)}
    ranked = candidates[importance_order({c: a[candidates] for c, a in columns.items()})]
    first = event_ids[ranked] == options.selected
    ranked = np.concatenate([ranked[first], ranked[~first]])[:80]
    marks = zip(*(columns[c][ranked] for c in LABEL_COLUMNS), strict=True)
    requests: list[LabelRequest] = []
    texts: dict[str, str] = {}
    for rank, mark in enumerate(LabelMark._make(values) for values in marks):
        text = label_text(mark.label, mark.summary)
        texts[mark.event_id] = text
        band_top = frame.lane_tops[mark.lane]
        requests.append(
            LabelRequest(
                key=mark.event_id,
                mark=(mark.px_left, mark.px_top, mark.px_right, mark.px_bottom),
                band=(band_top, band_top + frame.lane_heights[mark.lane]),
                width=text_width(text, style.label) + 6,
                height=style.label * 1.3 + 2,
                leader=rank < LEADER_LABELS,
            )
        )
    limit = max(4, int(frame.plot_w / (3 * style.label)))
    area = (0.0, 0.0, frame.plot_w, frame.plot_h)
    placed = place_labels(requests, _obstacles(rows, frame, reserved), area, limit)
    notes = []
    for label in placed:
        x0, y0, x1, y1 = label.box
        note = {
            "x": frame.x_date(x0),
            "y": (y0 + y1) / 2,
            "xref": "x",
            "yref": "y",
            "xanchor": "left",
            "yanchor": "middle",
            "text": _esc(texts[label.key]),
            "showarrow": False,
            "font": {"size": style.label, "color": COLOR_TEXT},
            "bgcolor": LABEL_BACKGROUND,
            "borderpad": 1,
            "name": f"label:{label.key}",
        }
        if label.leader is not None:  # a line from the mark to the label, nothing crossed
            x, y_mark, _, _ = label.leader
            note.update(
                x=frame.x_date(x),
                y=y_mark,
                xanchor="center",
                yanchor="middle",
                showarrow=True,
                arrowhead=0,
                arrowwidth=1,
                arrowcolor="#4b5563",
                standoff=0,
                ax=(x0 + x1) / 2 - x,
                ay=(y0 + y1) / 2 - y_mark,
            )
        notes.append(note)
    return notes


def _selected(
    rows: Rows, frame: Frame, style: Style, options: FigureOptions
) -> tuple[list[dict], list[dict], list[tuple]]:
    """The selected event's highlight (traces), its callout in presentation mode (annotation)
    and the boxes they cover (kept free of labels)."""
    hit = rows[rows["event_id"] == options.selected]
    if not len(hit):
        return [], [], []
    traces: list[dict] = []
    boxes: list[tuple] = []
    ring = style.marker + 14
    for mark in map(hit.row, range(len(hit))):
        y, left, right = mark["y"], mark["px_left"], mark["px_right"]
        if mark["kind"] == "point":
            x = (left + right) / 2
            boxes.append((x - ring / 2, y - ring / 2, x + ring / 2, y + ring / 2))
        else:
            boxes.append((left - 3, y - style.bar, right + 3, y + style.bar))

    def highlight(part: Rows) -> dict:
        return {
            "y": part["y"],
            "name": TRACE_SELECTED,
            "showlegend": False,
            "customdata": part["event_id"],
            "hovertext": _hover(part),
            "hoverinfo": "text",
        }

    line = {"width": 4 if options.present else 3, "color": COLOR_SELECTED}
    points = hit[hit["kind"] == "point"]
    if len(points):
        traces.append(
            {
                "type": "scatter",
                "x": _iso(points["start"]),
                "mode": "markers",
                "marker": {
                    "symbol": "circle-open",
                    "size": ring,
                    "color": COLOR_SELECTED,
                    "line": line,
                },
                **highlight(points),
            }
        )
    spans = hit[hit["kind"] != "point"]
    if len(spans):
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "base": [frame.x_date(px - 3) for px in spans["bar_left"]],
                "x": (spans["bar_right"] - spans["bar_left"] + 6) * frame.ms_per_px(),
                "width": style.bar + 8,
                "marker": {"color": "rgba(0,0,0,0)", "line": line},
                **highlight(spans),
            }
        )
    notes: list[dict] = []
    if options.present:
        note, box = _callout(hit.row(0), rows, frame, style)
        notes.append(note)
        boxes.append(box)
    return traces, notes, boxes


def _callout(mark: dict, rows: Rows, frame: Frame, style: Style) -> tuple[dict, tuple]:
    """Presentation mode: the current event's date and label in a box next to it, where it
    covers no mark (above or below, then shifted sideways). A day gets an arrow; a period
    gets none (its whole length is outlined), so nothing points at its middle."""
    date = format_date_label(mark["date"], mark["date_end"], mark["precision"])
    label = label_text(mark["label"], mark["summary"])
    size = style.font + 4
    text = f"<b>{_esc(date)}</b><br>{_esc(label)}"
    width = max(text_width(date, size, bold=True), text_width(label, size)) + 16
    height = size * 2.6 + 8
    point = mark["kind"] == "point"
    visible_left = max(mark["px_left"], 0.0)
    visible_right = min(mark["px_right"], frame.plot_w)
    x = (visible_left + visible_right) / 2
    gaps = (30, 60, 95) if point else (8, 30, 60)
    tries = []
    for gap in gaps:
        for shift in (0.0, -0.5, 0.5, -1.0, 1.0):
            left = min(max(x - width / 2 + shift * width, 0.0), frame.plot_w - width)
            tries.append((left, mark["px_top"] - 4 - gap - height))
            tries.append((left, mark["px_bottom"] + 4 + gap))
    others = rows[rows["event_id"] != mark["event_id"]]
    obstacles = others.boxes()
    area = (0.0, frame.ribbons_px, frame.plot_w, frame.plot_h)
    left, top = free_position(tries, width, height, obstacles, area)
    box = (left, top, left + width, top + height)
    note = {
        "text": text,
        "bgcolor": "white",
        "bordercolor": COLOR_SELECTED,
        "borderwidth": 2,
        "borderpad": 4,
        "font": {"size": size, "color": COLOR_TEXT},
        "name": "callout",
        "xref": "x",
        "yref": "y",
    }
    if point:
        note.update(
            x=frame.x_date(x),
            y=float(mark["y"]),
            showarrow=True,
            arrowhead=2,
            arrowwidth=3,
            arrowcolor=COLOR_SELECTED,
            ax=left + width / 2 - x,
            ay=top + height / 2 - float(mark["y"]),
        )
    else:
        note.update(
            x=frame.x_date(left + width / 2),
            y=top + height / 2,
            xanchor="center",
            yanchor="middle",
            showarrow=False,
        )
    return note, box


def _header(options: FigureOptions, style: Style, width: int) -> tuple[str, str]:
    """Title and subtitle (exports), wrapped to the figure's width."""
    room = width - 40
    title = wrap(_esc(options.title), style.title, room) if options.title else ""
    subtitle = wrap(_esc(options.subtitle), style.font, room) if options.subtitle else ""
    return title, subtitle


def _margin_notes(frame: Frame, style: Style, options: FigureOptions, header) -> list[dict]:
    """Title and subtitle above the legend, footer below the axis (paper coordinates)."""
    title, subtitle = header
    left = -frame.left / frame.plot_w + 10 / frame.plot_w
    notes = []
    y = 8.0  # pixels from the top of the figure
    for text, size in ((title, style.title), (subtitle, style.font)):
        if not text:
            continue
        notes.append(
            {
                "text": f"<b>{text}</b>" if size == style.title else text,
                "x": left,
                "y": 1 + (frame.top - y) / frame.plot_h,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
                "font": {"size": size, "color": COLOR_TEXT if size == style.title else "#374151"},
                "name": "title" if size == style.title else "subtitle",
            }
        )
        lines = text.count("<br>") + 1
        y += lines * (size * 1.3 if size == style.title else size * 1.45) + 6
    if options.footer:
        room = frame.width - 20
        footer = wrap(_esc(options.footer), style.font * 0.9, room, max_lines=1)
        notes.append(
            {
                "text": footer,
                "x": left,
                "y": -(frame.bottom - 6) / frame.plot_h,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "showarrow": False,
                "font": {"size": round(style.font * 0.9), "color": "#374151"},
                "name": "footer",
            }
        )
    return notes


def build_figure(events: pd.DataFrame, options: FigureOptions | None = None) -> go.Figure:
    """The timeline for the given (already filtered) events, as a plotly Figure (exports,
    tests): `figure_dict` checked by plotly's validators."""
    return go.Figure(figure_dict(events, options))


def browser_figure(events: pd.DataFrame, options: FigureOptions | None = None) -> dict:
    """The timeline as the browser receives it: `browser_json(figure_dict(...))`."""
    return browser_json(figure_dict(events, options))


def browser_json(figure: dict) -> dict:
    """A figure dict as plotly.py would send it to the browser, without building a Figure
    (whose validation costs most of a filter callback): the named template expanded and
    numeric arrays as typed arrays (base64). The same JSON as
    `go.Figure(figure).to_plotly_json()` (tests/app/test_figure.py checks it on many views)."""
    layout = dict(figure["layout"])
    if isinstance(layout.get("template"), str):
        layout["template"] = _template(layout["template"])
    out = {"data": [dict(trace) for trace in figure["data"]], "layout": layout}
    _typed_arrays(out)  # in place, on the copies
    return out


# plotly.js's names of the numpy types it reads from base64 (as in _plotly_utils.utils)
TYPED_ARRAY_TYPES = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
NOT_TYPED = ("geojson", "layer", "layers", "range")  # keys plotly leaves as they are


def _typed_arrays(value: object) -> None:
    """Numeric numpy arrays that are values of a dict become typed array specs, in place, as
    plotly.py's convert_to_base64 does it (which costs a quarter of a figure on its own)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, np.ndarray):
                if key not in NOT_TYPED:
                    value[key] = _typed_array(item)
            elif isinstance(item, dict | list | tuple):
                _typed_arrays(item)
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, dict | list | tuple):
                _typed_arrays(item)


def _typed_array(values: np.ndarray) -> object:
    """plotly.py's to_typed_array_spec for a numpy array: 64-bit integers narrowed to the
    smallest type that holds them, then {"dtype", "bdata"}; other arrays as they are."""
    if values.size == 0:
        return values
    if values.dtype == np.int64 or values.dtype == np.uint64:
        signed = values.dtype == np.int64
        low, high = values.min(), values.max()
        for bits in (8, 16, 32):
            kind = np.dtype(f"int{bits}" if signed else f"uint{bits}")
            if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max:
                values = values.astype(kind)
                break
        else:
            return values
    code = TYPED_ARRAY_TYPES.get(str(values.dtype))
    if code is None:
        return values
    spec = {"dtype": code, "bdata": base64.b64encode(np.ascontiguousarray(values)).decode("ascii")}
    if values.ndim > 1:
        spec["shape"] = str(values.shape)[1:-1]
    return spec


@functools.cache
def _template_json(name: str) -> str:
    return json.dumps(pio.templates[name].to_plotly_json())


def _template(name: str) -> dict:
    return json.loads(_template_json(name))  # a fresh copy: figures never share it


@dataclass(frozen=True)
class Shown:
    """The events a figure draws, read only as far as it needs them: how many are in its
    window, their marks (`marks()`: the COLUMNS of those events as arrays) and, for a density
    view, the table with the mask of those events (`table()`)."""

    count: int
    marks: Callable[[], dict[str, np.ndarray]]
    table: Callable[[], tuple[pd.DataFrame, np.ndarray]]


def figure_dict(events: pd.DataFrame, options: FigureOptions | None = None) -> dict:
    """The timeline for the given (already filtered) events as a plain figure dict
    ({"data": [...], "layout": {...}}, numpy arrays inside): no plotly objects.

    `events` is a prepared table (timeline_app.data.prepare_events); a raw events table as
    read by extract.table.schema.read_events is prepared on the fly.
    """
    options = options or FigureOptions()
    if "start" not in events.columns:
        events = prepare_events(events)
    window = _window(events, options)
    mask = in_range(events, *window)
    shown = Shown(
        int(mask.sum()),
        lambda: Rows.of(events.loc[mask, list(COLUMNS)]).columns,
        lambda: (events, mask),
    )
    return shown_figure_dict(shown, replace(options, x_range=window))


def shown_figure_dict(shown: Shown, options: FigureOptions) -> dict:
    """`figure_dict` of the events `shown` in the window `options.x_range` (which must be
    set): for a caller that has those events' columns at hand (viewmodel: the view's rows,
    taken from the table's arrays, not sliced out of a DataFrame)."""
    assert options.x_range is not None, "shown_figure_dict needs the window"
    x0, x1 = options.x_range
    n_in_view = shown.count
    width = options.width or DEFAULT_WIDTH
    style = _style(options, width)
    density = n_in_view > options.density_threshold
    if density:
        events, mask = shown.table()
        starts, lanes, order = _density_lanes(events, mask, options)
        rows = Rows.of(events.iloc[:0][list(COLUMNS)]).assign(lane=0, mark="")
    else:
        rows, order = _lane_rows(Rows(shown.marks()), options)
        rows = rows.assign(mark=_mark_class(rows, options.story))
    eras = _visible_eras(options.eras, x0, x1)
    groups = _era_groups(eras)
    legend = [] if density else [n for n in dict.fromkeys(rows["mark"]) if n]
    legend.sort(key=[*POINT_CLASSES, *BAR_CLASSES, TRACE_CONTEXT].index)
    header = _header(options, style, width)
    ticks = [*(ERA_ROLES.get(g, g) for g in groups), *(_tick_text(o) for o in order)]
    frame = _frame(options, style, (x0, x1), ticks, legend, header, len(groups), density)

    data: list[dict] = []
    annotations: list[dict] = []
    if density:
        frame = _with_lanes(frame, [1.0] * len(order), minimum=0)
        lane_y = [frame.lane_centre(i) for i in range(len(order))]
        trace, word = _density_trace(starts, lanes, order, lane_y, x0, x1, options.present)
        data.append(trace)
        annotations.append(
            _note(
                f"{n_in_view:,} events in view: showing events per {word}. "
                "Drag to zoom in and see individual events.",
                style,
            )
        )
        if options.selected:
            chosen = events["event_id"] == options.selected
            hit = _lane_rows(Rows.of(events.loc[chosen, list(COLUMNS)]), options)[0]
            rows = _extents(hit.assign(mark=TRACE_POINT), frame, style)
            rows = rows.assign(y=[lane_y[lane] for lane in rows["lane"]])
            rows = rows.assign(px_top=rows["y"] - style.bar, px_bottom=rows["y"] + style.bar)
    else:
        rows, frame = _stack(_extents(rows, frame, style), frame, style, len(order), options.labels)
        data.extend(_mark_traces(rows, frame, style))
        if not len(rows):
            annotations.append(_note("No events match the filters in this range.", style))
    era_traces, tints = _era_traces(frame, style, eras, groups)
    data.extend(era_traces)
    traces, notes, reserved = _selected(rows, frame, style, options)
    data.extend(traces)
    annotations.extend(notes)
    if options.labels and not density:
        annotations.extend(_label_annotations(rows, frame, style, options, reserved))
    annotations.extend(_margin_notes(frame, style, options, header))
    separators = [
        {
            "type": "line",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": top,
            "y1": top,
            "line": {"width": 1, "color": COLOR_SEPARATOR},
            "layer": "below",
        }
        for top in frame.lane_tops[1:]
    ]
    tick_vals = [frame.ribbon_y(k) for k in range(len(groups))] + [
        frame.lane_centre(i) for i in range(len(order))
    ]
    layout = {
        "template": "none",  # colours are set below
        "width": frame.width,
        "height": frame.height,
        "font": {"size": style.font, "color": COLOR_TEXT, "family": FONT_FAMILY},
        "margin": {
            "l": frame.left,
            "r": frame.right,
            "t": frame.top,
            "b": frame.bottom,
            "autoexpand": False,
        },
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hovermode": "closest",
        "dragmode": "zoom",
        "barmode": "overlay",
        "uirevision": options.uirevision,
        "showlegend": bool(legend),
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1 + 2 / frame.plot_h,
            "x": 0,
            "xanchor": "left",
            "font": {"size": style.font},
            "itemclick": False,
            "itemdoubleclick": False,
            "traceorder": "normal",
        },
        "hoverlabel": {"font": {"size": style.font + 2}, "align": "left"},
        "annotations": annotations,
        "shapes": tints + separators,
        "xaxis": {
            "type": "date",
            "range": [x0.isoformat(), x1.isoformat()],
            "showgrid": True,
            "gridcolor": "#e5e7eb",
            "tickfont": {"size": style.font},
            "linecolor": COLOR_TEXT,
            "showline": True,
            "automargin": False,
            "zeroline": False,
        },
        "yaxis": {
            "tickvals": tick_vals,
            "ticktext": ticks,
            "range": [frame.plot_h, 0],
            "fixedrange": True,
            "zeroline": False,
            "showgrid": False,
            "tickfont": {"size": style.font},
            "automargin": False,
        },
    }
    for key in ("annotations", "shapes"):  # as plotly does: no empty arrays of layout items
        if not layout[key]:
            del layout[key]
    return {"data": data, "layout": layout}


def _note(text: str, style: Style) -> dict:
    return {
        "text": _esc(text),
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "xanchor": "center",
        "yanchor": "middle",
        "showarrow": False,
        "bgcolor": LABEL_BACKGROUND,
        "font": {"size": style.font + 1, "color": "#374151"},
        "name": "note",
    }
