"""The view as pure functions of the data and the view state, with no Dash in them: the state
machine of user actions (`next_state`), the figure of a view (`figure_for`, shared by the page
and the PNG export) and the names a view gets (file names)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from timeline_app import ids
from timeline_app.data import EventData
from timeline_app.export import safe_filename
from timeline_app.figure import FigureOptions, build_figure
from timeline_app.filters import filter_events, neighbour, visible_range
from timeline_app.state import ViewState, clean_date, normalise


def figure_for(
    data: EventData, state: ViewState, events: pd.DataFrame | None = None, **extra: object
) -> go.Figure:
    """The figure for a view state (the same function serves the page and the PNG export)."""
    events = filter_events(data, state) if events is None else events
    lanes = tuple(data.categories if state.lanes == "category" else data.actor_lanes)
    x0, x1 = visible_range(events, state)
    if state.present and state.sel and not (state.x0 and state.x1):
        x0, x1 = presentation_window(data, state.sel, x0, x1)
    revision = "|".join(
        [state.date_from, state.date_to, state.x0, state.x1, state.lanes, str(state.present)]
    )
    options = FigureOptions(
        lanes=state.lanes,
        lane_order=lanes,
        x_range=(x0, x1),
        selected=state.sel,
        present=state.present,
        uirevision=revision,
        **extra,  # type: ignore[arg-type]
    )
    return build_figure(events, options)


def presentation_window(
    data: EventData, event_id: str, lo: pd.Timestamp, hi: pd.Timestamp, years: int = 10
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """In presentation mode, a window of about `years` centred on the current event (within
    the full range), so the class sees the event in its near context."""
    event = data.event(event_id)
    width = pd.Timedelta(days=365 * years)
    if event is None or hi - lo <= width:
        return lo, hi
    start, end = pd.Timestamp(event["start"]), pd.Timestamp(event["end"])
    mid = start + (end - start) / 2
    start = min(max(mid - width / 2, lo), hi - width)
    return start, start + width


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


def next_state(data: EventData, state: ViewState, trigger: str | None, values: dict) -> ViewState:
    """The new view state after a user action. `values` holds the filter controls' values by
    id, and the graph's or table's event ('click', 'relayout', 'cell')."""
    if trigger == ids.BTN_RESET:
        return ViewState(lanes=state.lanes, present=state.present)
    if trigger in ids.FILTERS:
        return _filtered(state, trigger, values)
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
        present = not state.present
        sel = state.sel
        if present and not sel:
            sel = neighbour(filter_events(data, state), "", 1)
        return normalise(state.with_(present=present, sel=sel))
    if trigger in (ids.BTN_PREV, ids.BTN_NEXT):
        return _step(data, state, 1 if trigger == ids.BTN_NEXT else -1)
    return state


def _filtered(state: ViewState, trigger: str, values: dict) -> ViewState:
    state = state.with_(
        date_from=values.get(ids.FROM) or "",
        date_to=values.get(ids.TO) or "",
        text=values.get(ids.TEXT) or "",
        categories=tuple(values.get(ids.CATEGORY) or ()),
        actors=tuple(values.get(ids.ACTOR) or ()),
        sources=tuple(values.get(ids.SOURCE) or ()),
        precisions=tuple(values.get(ids.PRECISION) or ()),
        lanes=values.get(ids.LANES) or "category",
    )
    if trigger in (ids.FROM, ids.TO):
        state = state.with_(x0="", x1="")
    return normalise(state)


def _select(state: ViewState, event_id: object) -> ViewState:
    return normalise(state.with_(sel=event_id)) if isinstance(event_id, str) else state


def _step(data: EventData, state: ViewState, step: int) -> ViewState:
    """The next (or previous) event in presentation order; the window follows it."""
    sel = neighbour(filter_events(data, state), state.sel, step)
    state = state.with_(sel=sel)
    if sel and state.x0 and state.x1:
        event = data.event(sel)
        lo, hi = pd.Timestamp(state.x0), pd.Timestamp(state.x1)
        if event is not None and not (lo <= event["start"] <= hi):
            half = (hi - lo) / 2
            mid = event["start"]
            state = state.with_(x0=str((mid - half).date()), x1=str((mid + half).date()))
    return normalise(state)
