"""Server-side filtering of the prepared events table (fast enough for a million events)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline_app.data import OTHER_ACTORS, EventData
from timeline_app.dates import parse_user_date
from timeline_app.state import ViewState


def _combo_mask(
    codes: np.ndarray, combos: list, wanted: set[str], other: set[str] | None = None
) -> np.ndarray:
    """True where the row's combination (a list/set of names) meets `wanted`.
    `other`: names that are *not* the catch-all lane, used when OTHER_ACTORS is wanted."""
    hits = np.array(
        [
            bool(wanted.intersection(c)) or (other is not None and not other.intersection(c))
            for c in combos
        ]
        + [False],
        dtype=bool,
    )
    return hits[codes]  # code -1 (missing) picks the trailing False


def filter_mask(data: EventData, state: ViewState) -> np.ndarray:
    """Boolean mask over data.events for the state's filters (not the zoom)."""
    mask = np.ones(len(data.events), dtype=bool)
    if len(mask) == 0:
        return mask
    columns = data.columns
    start = parse_user_date(state.date_from) if state.date_from else None
    end = parse_user_date(state.date_to, end=True) if state.date_to else None
    if start is not None:
        mask &= columns["end"] > start.to_datetime64()
    if end is not None:
        mask &= columns["start"] < end.to_datetime64()
    if state.categories:
        wanted = [data.categories.index(c) for c in state.categories if c in data.categories]
        mask &= np.isin(columns["cat_code"], wanted)
    if state.actors:
        wanted = set(state.actors)
        other = set(data.actor_lanes) - {OTHER_ACTORS} if OTHER_ACTORS in wanted else None
        mask &= _combo_mask(columns["actor_code"], data.actor_combos, wanted, other)
    if state.sources:
        mask &= _combo_mask(columns["source_code"], data.source_combos, set(state.sources))
    if state.precisions:
        mask &= columns.isin("precision", state.precisions)
    text = state.text.strip().lower()
    if text and mask.all():
        return columns.contains("search", text)
    if text:
        idx = np.flatnonzero(mask)
        found = columns.contains("search", text, idx)
        mask[:] = False
        mask[idx[found]] = True
    return mask


def filter_events(data: EventData, state: ViewState) -> pd.DataFrame:
    """The filtered events (data.events itself when nothing is filtered out), in date order."""
    mask = filter_mask(data, state)
    return data.events if mask.all() else data.events[mask]


def default_span(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span to open on: the whole table, unless a few early outliers (one 1953 treaty in a
    table of 2013-2025 news) would squeeze every other mark into a corner; the range slider
    and the "all" button still reach them."""
    return span_of(events["start"].to_numpy(), events["end"].to_numpy())


def span_of(starts: np.ndarray, ends: np.ndarray) -> tuple[pd.Timestamp, pd.Timestamp]:
    """`default_span` of events starting and ending at these times (datetime64 arrays; missing
    times are left out, as pandas does)."""
    starts, ends = starts[~np.isnat(starts)], ends[~np.isnat(ends)]
    lo, hi = pd.Timestamp(starts.min()), pd.Timestamp(ends.max())
    # Series.quantile's arithmetic: linear, on the integer times, truncated to the unit
    bulk = pd.Timestamp(np.quantile(starts.view("i8"), [OUTLIER_SHARE]).astype(starts.dtype)[0])
    if bulk - lo > (hi - lo) * 0.25:
        lo = pd.Timestamp(starts[starts >= bulk.to_datetime64()].min())
    return lo, hi


OUTLIER_SHARE = 0.03  # at most this share of the earliest events may be left out of the view


def visible_range(
    starts: np.ndarray, ends: np.ndarray, state: ViewState
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range to show for events starting and ending at these times (datetime64 arrays):
    the zoom if any, else the date filter, else the events' default span (padded)."""
    if state.x0 and state.x1:
        x0, x1 = parse_user_date(state.x0), parse_user_date(state.x1, end=True)
        if x0 is not None and x1 is not None and x0 < x1:
            return x0, x1
    lo = parse_user_date(state.date_from) if state.date_from else None
    hi = parse_user_date(state.date_to, end=True) if state.date_to else None
    if len(starts):
        span = span_of(starts, ends)
        lo = lo if lo is not None else span[0]
        hi = hi if hi is not None else span[1]
    lo = lo if lo is not None else pd.Timestamp("1950-01-01")
    hi = hi if hi is not None else pd.Timestamp("2030-01-01")
    if hi <= lo:
        hi = lo + pd.Timedelta(days=365)
    pad = (hi - lo) * 0.03
    return lo - pad, hi + pad


def in_range(events: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp) -> np.ndarray:
    """Which events overlap the window [x0, x1)."""
    return overlaps(events["start"].to_numpy(), events["end"].to_numpy(), x0, x1)


def overlaps(
    starts: np.ndarray, ends: np.ndarray, x0: pd.Timestamp, x1: pd.Timestamp
) -> np.ndarray:
    """Which of the periods [start, end) overlap the window [x0, x1)."""
    return (ends > x0.to_datetime64()) & (starts < x1.to_datetime64())


def neighbour(events: pd.DataFrame, current: str, step: int) -> str:
    """The event_id `step` places after (or before) `current` in date order among `events`;
    the first (or last) event when `current` is not among them."""
    if events.empty:
        return ""
    ids = events["event_id"].to_numpy()
    where = np.flatnonzero(ids == current)
    if len(where) == 0:
        return str(ids[0] if step >= 0 else ids[-1])
    pos = int(np.clip(where[0] + step, 0, len(ids) - 1))
    return str(ids[pos])
