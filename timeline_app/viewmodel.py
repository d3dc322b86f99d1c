"""The view as pure functions of the data and the view state, with no Dash in them: what a view
shows (`view_of`: the events matching the filters, the window, the events in it, a
presentation's story), the state machine of user actions (`next_state`), the figure of a view
(`figure_for`, shared by the page and the exports) with the words of an export, and the names a
view gets (file names)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract.table.eras import Era, ErasFileError, read_eras
from timeline_app import ids
from timeline_app.data import OTHER_ACTORS, EventData
from timeline_app.describe import default_title, footer, outlets_of, subtitle
from timeline_app.export import IMAGE_FORMATS, PRESETS, ExportPreset, safe_filename
from timeline_app.figure import (
    COLUMNS,
    TINTED_ERA_GROUP,
    FigureOptions,
    Shown,
    browser_figure,
    browser_json,
    build_figure,
    shown_figure_dict,
)
from timeline_app.filters import filter_events, filter_mask, neighbour, overlaps, visible_range
from timeline_app.state import STORY_MODES, ViewState, clean_date, normalise
from timeline_app.story import story_events
from timeline_app.timelinejs import timeline_json

PRESENT_YEARS = 6  # a presentation frames each event in about this many years
ZOOM_YEARS = {ids.BTN_ZOOM_1Y: 1, ids.BTN_ZOOM_5Y: 5, ids.BTN_ZOOM_10Y: 10, ids.BTN_ZOOM_ALL: 0}


@dataclass(frozen=True, eq=False)
class View:
    """What one view state shows. The events are kept as positions in `data.events`; their
    tables are sliced when first asked for (the chart takes only its columns, from
    `data.columns`)."""

    data: EventData = field(repr=False)
    matching: np.ndarray  # positions of the events matching the filters (in date order)
    window: tuple[pd.Timestamp, pd.Timestamp]  # the chart's time window
    inside: np.ndarray  # which of the matching events are inside the window (mask)
    lanes: tuple[str, ...]  # the lanes that hold matching events, in the table's order
    story: pd.DataFrame | None = None  # presentation: its events in date order
    current: str = ""  # presentation: the event on screen

    @functools.cached_property
    def shown(self) -> np.ndarray:
        """Positions of the events matching the filters and inside the window."""
        return self.matching[self.inside]

    @functools.cached_property
    def events(self) -> pd.DataFrame:
        """The events matching the filters, in date order."""
        return self.data.events_at(self.matching)

    @functools.cached_property
    def in_view(self) -> pd.DataFrame:
        """The events matching the filters and inside the window."""
        if len(self.shown) == len(self.matching):
            return self.events
        return self.data.events_at(self.shown)

    @property
    def position(self) -> tuple[int, int]:
        """(step, steps) of a presentation: '4 / 18'."""
        if self.story is None or not self.current:
            return 0, 0
        where = np.flatnonzero(self.story["event_id"].to_numpy() == self.current)
        return (int(where[0]) + 1 if len(where) else 0), len(self.story)


def eras_for(state: ViewState) -> tuple:
    """The eras to draw (none when switched off, or when eras.csv cannot be read)."""
    if not state.eras:
        return ()
    try:
        return read_eras()
    except ErasFileError:
        return ()


def eras_at(day: dt.date) -> list[Era]:
    """Who was in office on `day`: one era per group (the later one on a day of handover)."""
    try:
        eras = read_eras()
    except ErasFileError:
        return []
    holders: dict[str, Era] = {}
    for era in eras:
        if era.start <= day and (era.end is None or day <= era.end):
            holders[era.group] = era
    return list(holders.values())


def lanes_for(
    data: EventData, events: pd.DataFrame | Mapping[str, np.ndarray], mode: str
) -> tuple[str, ...]:
    """The lanes that hold some of `events` (rows of data.events, or their columns by name):
    empty lanes disappear under filters."""
    if mode == "category":
        codes = np.unique(np.asarray(events["cat_code"]))
        present = {data.categories[c] for c in codes if c >= 0}
        return tuple(c for c in data.categories if c in present)
    codes = np.unique(np.asarray(events["actor_code"]))
    combos = [data.actor_combos[c] if c >= 0 else [] for c in codes]
    actors = {a for combo in combos for a in combo}
    lanes = [a for a in data.actor_lanes if a in actors]
    named = set(lanes)
    if OTHER_ACTORS in data.actor_lanes and any(not named.intersection(c) for c in combos):
        lanes.append(OTHER_ACTORS)
    return tuple(lanes)


def current_event(story: pd.DataFrame, sel: str) -> str:
    """The event a presentation shows: the selected one if it is in the story, else the first."""
    if story.empty:
        return ""
    ids_ = story["event_id"].to_numpy()
    return sel if sel in ids_ else str(ids_[0])


def presentation_window(
    data: EventData, event_id: str, years: int = PRESENT_YEARS
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """A window of about `years` centred on the event (wider for a longer event), so the class
    sees the event in its near context, wherever it is (1953 too)."""
    event = data.event(event_id)
    if event is None:
        return None
    start, end = pd.Timestamp(event["start"]), pd.Timestamp(event["end"])
    width = max(pd.Timedelta(days=365 * years), (end - start) * 1.3)
    mid = start + (end - start) / 2
    return mid - width / 2, mid + width / 2


def view_of(data: EventData, state: ViewState) -> View:
    mask = filter_mask(data, state)
    matching = np.flatnonzero(mask)
    names = ("start", "end", "cat_code", "actor_code")
    if len(matching) == len(mask):  # all of them: no copies
        columns = {name: data.columns[name] for name in names}
    else:
        columns = data.columns.take(matching, names)
    starts, ends = columns["start"], columns["end"]
    lanes = lanes_for(data, columns, state.lanes)
    window = visible_range(starts, ends, state)
    if not state.present:
        return View(data, matching, window, overlaps(starts, ends, *window), lanes)
    story = story_events(data.events_at(matching), state.story)
    current = current_event(story, state.sel)
    if current and not (state.x0 and state.x1):
        window = presentation_window(data, current) or window
    return View(data, matching, window, overlaps(starts, ends, *window), lanes, story, current)


def figure_for(
    data: EventData,
    state: ViewState,
    size: tuple[int, int] | None = None,
    view: View | None = None,
    **extra: object,
) -> go.Figure:
    """The figure for a view state (the same function serves the page and the exports)."""
    view = view or view_of(data, state)
    return build_figure(view.events, figure_options(state, view, size, **extra))


def browser_figure_for(
    data: EventData,
    state: ViewState,
    size: tuple[int, int] | None = None,
    view: View | None = None,
    **extra: object,
) -> dict:
    """`figure_for` as the browser receives it (JSON-ready dict, the same JSON), built without
    plotly's Figure objects, from the view's rows as arrays: what the page's callbacks send."""
    view = view or view_of(data, state)
    shown = Shown(
        len(view.shown),
        lambda: data.columns.take(view.shown, COLUMNS),
        lambda: (view.events, view.inside),
    )
    return browser_json(shown_figure_dict(shown, figure_options(state, view, size, **extra)))


def figure_options(
    state: ViewState, view: View, size: tuple[int, int] | None = None, **extra: object
) -> FigureOptions:
    """The figure's options for a view state and what it shows."""
    revision = "|".join(
        [state.date_from, state.date_to, state.x0, state.x1, state.lanes, str(state.present)]
    )
    width, height = size or (None, None)
    return FigureOptions(
        lanes=state.lanes,
        lane_order=view.lanes,
        x_range=view.window,
        selected=view.current or state.sel,
        present=state.present,
        uirevision=revision,
        width=width,
        height=height,
        labels=state.labels,
        eras=eras_for(state),
        story=None if view.story is None else tuple(view.story["event_id"]),
        **extra,  # type: ignore[arg-type]
    )


def export_texts(
    data: EventData, state: ViewState, view: View, today: dt.date
) -> tuple[str, str, str]:
    """(default title, subtitle, footer) of an export of the view."""
    shown = view.in_view
    rows = data.rows[data.rows["event_id"].isin(set(shown["event_id"]))]
    outlets, documents = outlets_of(rows)
    return (
        default_title(state, shown, view.window),
        subtitle(state, len(shown), len(data.events)),
        footer(outlets, documents, today),
    )


def export_figure(
    data: EventData,
    state: ViewState,
    spec: ExportPreset = PRESETS["slide"],
    title: str = "",
    today: dt.date | None = None,
) -> go.Figure:
    """The view laid out for a slide or a report page: the view as on screen (labels, eras,
    legend), with a title (the default says what the view shows), a subtitle with the
    filters and a footer with the sources and the date of the export."""
    return build_figure(*_export_parts(data, state, spec, title, today))


def _export_parts(
    data: EventData, state: ViewState, spec: ExportPreset, title: str, today: dt.date | None
) -> tuple[pd.DataFrame, FigureOptions]:
    """The events and figure options of an export."""
    view = view_of(data, state)
    default, sub, foot = export_texts(data, state, view, today or dt.date.today())
    options = figure_options(
        state,
        view,
        size=(spec.width, spec.height),
        font_size=spec.font,
        title=(title or "").strip() or default,
        subtitle=sub,
        footer=foot,
    )
    return view.events, options


def image_job(
    data: EventData,
    state: ViewState,
    fmt: str,
    preset: str,
    title: str = "",
    today: dt.date | None = None,
) -> dict:
    """What the browser needs to render an export: the figure laid out for the preset, the
    format, the size and the file name (assets/timeline.js passes it to Plotly.toImage)."""
    preset = preset if preset in PRESETS else "slide"
    fmt = fmt if fmt in IMAGE_FORMATS else "png"
    spec = PRESETS[preset]
    figure = browser_figure(*_export_parts(data, state, spec, title, today))
    return {
        "figure": figure,
        "format": fmt,
        "width": spec.width,
        "height": spec.height,
        "scale": spec.scale if fmt == "png" else 1,
        "filename": f"{view_name(state)}_{preset}.{fmt}",
    }


def timelinejs_document(data: EventData, state: ViewState, today: dt.date | None = None) -> dict:
    """The events in view as a TimelineJS document, titled like an export of the view."""
    view = view_of(data, state)
    title, sub, _ = export_texts(data, state, view, today or dt.date.today())
    rows = data.rows[data.rows["event_id"].isin(set(view.in_view["event_id"]))]
    # TimelineJS draws eras on one line: the South's presidencies, as tinted on the chart
    eras = tuple(era for era in eras_for(state) if era.group == TINTED_ERA_GROUP)
    return timeline_json(view.in_view, rows, title, sub, eras)


def view_name(state: ViewState) -> str:
    """A file name for the view: 'korea-timeline_2018-2019_summit_talks'."""
    parts = ["korea-timeline"]
    if state.date_from or state.date_to:
        parts.append(f"{state.date_from or 'start'}-{state.date_to or 'end'}")
    parts.extend(state.categories[:2])
    return safe_filename("_".join(parts))


def zoom_from_relayout(relayout: object) -> tuple[str, str] | None:
    """(x0, x1) from a plotly relayout event; ('', '') for a reset; None if not a zoom."""
    if not isinstance(relayout, dict):
        return None
    if relayout.get("xaxis.autorange"):
        return "", ""
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        lo, hi = relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]
    elif isinstance(relayout.get("xaxis.range"), list) and len(relayout["xaxis.range"]) == 2:
        lo, hi = relayout["xaxis.range"]
    else:
        return None
    return clean_date(str(lo)), clean_date(str(hi))


def zoom_preset(events: pd.DataFrame, years: int) -> tuple[str, str]:
    """The window of a zoom button: every matching event ('all', years=0), or the last `years`
    years up to the latest event that is not planned (so '1 y' does not jump to a plan)."""
    if events.empty:
        return "", ""
    if years == 0:
        lo, hi = pd.Timestamp(events["start"].min()), pd.Timestamp(events["end"].max())
        pad = max((hi - lo) * 0.02, pd.Timedelta(days=10))
        return str((lo - pad).date()), str((hi + pad).date())
    past = events[~events["planned"].to_numpy()]
    hi = pd.Timestamp((past if len(past) else events)["start"].max()) + pd.Timedelta(days=20)
    lo = hi - pd.DateOffset(years=years)
    return str(lo.date()), str(hi.date())


def next_state(data: EventData, state: ViewState, trigger: str | None, values: dict) -> ViewState:
    """The new view state after a user action. `values` holds the filter controls' values by
    id, and the graph's or table's event ('click', 'relayout', 'cell')."""
    if trigger == ids.BTN_RESET:
        return ViewState(lanes=state.lanes, present=state.present)
    if trigger in ids.FILTERS:
        return _filtered(state, trigger, values)
    if trigger in ZOOM_YEARS:
        x0, x1 = zoom_preset(filter_events(data, state), ZOOM_YEARS[trigger])
        return normalise(state.with_(x0=x0, x1=x1))
    if trigger == ids.ZOOM:
        zoom = zoom_from_relayout(values.get("relayout"))
        return state if zoom is None else normalise(state.with_(x0=zoom[0], x1=zoom[1]))
    if trigger == ids.CLICK:
        point = ((values.get("click") or {}).get("points") or [{}])[0]
        if "z" in point and point.get("x"):  # density cell: zoom into its year
            year = str(point["x"])[:4]
            return normalise(state.with_(x0=f"{year}-01-01", x1=f"{year}-12-31"))
        return _select(state, point.get("customdata"))
    if trigger == ids.TABLE_CELL:
        return _select(state, (values.get("cell") or {}).get("row_id"))
    if trigger == ids.BTN_PRESENT:
        if state.present:
            return normalise(state.with_(present=False, x0="", x1=""))
        story = story_events(filter_events(data, state), state.story)
        return normalise(state.with_(present=True, x0="", x1="", sel=current_event(story, "")))
    if trigger == ids.BTN_STORY:
        mode = STORY_MODES[(STORY_MODES.index(state.story) + 1) % len(STORY_MODES)]
        story = story_events(filter_events(data, state), mode)
        return normalise(state.with_(story=mode, sel=current_event(story, state.sel)))
    if trigger in (ids.BTN_PREV, ids.BTN_NEXT):
        return _step(data, state, 1 if trigger == ids.BTN_NEXT else -1)
    return state


def _filtered(state: ViewState, trigger: str, values: dict) -> ViewState:
    shown = values.get(ids.SHOW)
    shown = ["labels", "eras"] if shown is None else shown
    state = state.with_(
        date_from=values.get(ids.FROM) or "",
        date_to=values.get(ids.TO) or "",
        text=values.get(ids.TEXT) or "",
        categories=tuple(values.get(ids.CATEGORY) or ()),
        actors=tuple(values.get(ids.ACTOR) or ()),
        sources=tuple(values.get(ids.SOURCE) or ()),
        precisions=tuple(values.get(ids.PRECISION) or ()),
        lanes=values.get(ids.LANES) or "category",
        labels="labels" in shown,
        eras="eras" in shown,
    )
    if trigger in (ids.FROM, ids.TO):
        state = state.with_(x0="", x1="")
    return normalise(state)


def _select(state: ViewState, event_id: object) -> ViewState:
    return normalise(state.with_(sel=event_id)) if isinstance(event_id, str) else state


def _step(data: EventData, state: ViewState, step: int) -> ViewState:
    """The next (or previous) event of the presentation's story; the window follows it."""
    story = story_events(filter_events(data, state), state.story)
    sel = neighbour(story, current_event(story, state.sel), step)
    return normalise(state.with_(sel=sel, x0="", x1=""))
