"""Loading the events table once and precomputing what every filter and figure needs.

`EventData` holds two tables:
- `rows`: every row of the file (one per event and source document), strings as read;
- `events`: one row per event_id (the first source's fields), sorted by start, with parsed
  `start`/`end` (datetime64, end exclusive), `kind` (point, span = a whole month/season/year/
  decade, interval = date to date_end, ongoing = from the date to the latest report of it),
  `approx`, `planned`, `n_sources`, `importance` (the weight, or a fallback), a lowercase
  `search` text, and integer codes for fast filtering.

A view reads its events from `EventData.columns` (`Columns`): arrays taken by position, a
few microseconds for all the columns a chart needs, where a DataFrame slice costs tens per
column (most of a filter callback on a small table).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from extract.table.schema import COLUMNS, EventsFileError, RowProblem, read_events, split_list
from extract.table.vocabulary import ONGOING_MARKER, PLANNED_MARKER, PRECISIONS
from timeline_app.dates import parse_starts_ends

DEFAULT_EVENTS = Path(__file__).resolve().parent.parent / "events.csv"
OTHER_ACTORS = "other actors"
NO_CATEGORY = "(none)"
MAX_ACTOR_LANES = 12
# Importance of an event without a weight (older tables): a quarter per source telling it.
FALLBACK_WEIGHT_PER_SOURCE = 0.25


class Columns:
    """The columns of a table as arrays to take rows from by position: numbers, dates and flags
    as numpy arrays (views of the table's), text as one pyarrow table sharing the table's
    buffers (nothing is copied; taking its rows is one call for all text columns). `take`
    gives what `frame.iloc[positions][name].to_numpy()` gives, at a fraction of the cost."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.arrays: dict[str, np.ndarray] = {}
        text: dict[str, pa.ChunkedArray] = {}
        for name in frame.columns:
            column = frame[name]
            values = _text_values(column)
            if values is None:
                self.arrays[name] = column.to_numpy()
            else:
                text[name] = values
        self.text = pa.table(text)

    def __getitem__(self, name: str) -> np.ndarray:
        """A whole column that is not text (text: `take`)."""
        return self.arrays[name]

    def take(self, positions: np.ndarray, names: Iterable[str]) -> dict[str, np.ndarray]:
        """The rows at `positions` of the named columns, as numpy arrays (text as objects)."""
        names = list(names)
        out = {name: self.arrays[name][positions] for name in names if name in self.arrays}
        text = [name for name in names if name not in out]
        if text:
            taken = self.text.select(text).take(pa.array(positions, type=pa.int64()))
            for name in text:
                out[name] = taken.column(name).to_numpy(zero_copy_only=False)
        return {name: out[name] for name in names}

    def isin(self, name: str, values: Iterable[str]) -> np.ndarray:
        """Which rows' `name` is one of `values` (as Series.isin)."""
        if name in self.arrays:
            return pd.Series(self.arrays[name]).isin(list(values)).to_numpy(dtype=bool)
        column = self.text.column(name)
        found = pc.is_in(column, value_set=pa.array(list(values), type=column.type))
        return found.to_numpy(zero_copy_only=False)

    def contains(self, name: str, text: str, positions: np.ndarray | None = None) -> np.ndarray:
        """Which rows (all, or those at `positions`) hold `text` in column `name` (as
        Series.str.contains(text, regex=False), which is arrow's match_substring)."""
        if name in self.arrays:
            values = self.arrays[name] if positions is None else self.arrays[name][positions]
            return pd.Series(values).str.contains(text, regex=False).to_numpy(dtype=bool)
        column = self.text.column(name)
        if positions is not None:
            column = column.take(pa.array(positions, type=pa.int64()))
        return pc.match_substring(column, text).to_numpy(zero_copy_only=False)


def _text_values(column: pd.Series) -> pa.ChunkedArray | None:
    """A text column without missing values as arrow data (the table's own buffers for the
    str dtype); None for anything else, which stays a numpy array as pandas gives it."""
    if isinstance(column.dtype, np.dtype) and column.dtype != object:
        return None
    try:
        values = pa.array(column)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all text
        return None
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    kind = values.type
    if values.null_count or not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return None
    return values


def empty_rows() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=str) for c in [*COLUMNS, "status"]})


@dataclass
class EventData:
    path: str
    rows: pd.DataFrame
    events: pd.DataFrame
    problems: list[RowProblem] = field(default_factory=list)
    error: str | None = None
    categories: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actor_lanes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    precisions: list[str] = field(default_factory=list)
    # actor_combo code -> list of actors; source_combo code -> set of outlets
    actor_combos: list[list[str]] = field(default_factory=list)
    source_combos: list[set[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. corrections report lines

    @property
    def ok(self) -> bool:
        return self.error is None

    @functools.cached_property
    def columns(self) -> Columns:
        """`events` as arrays, for taking a view's rows (made once, when first needed)."""
        return Columns(self.events)

    def events_at(self, positions: np.ndarray) -> pd.DataFrame:
        """The events at these positions (`events` itself when they are all of them)."""
        if len(positions) == len(self.events):
            return self.events
        return self.events.iloc[positions]

    def sources_for(self, event_id: str) -> pd.DataFrame:
        """Every row (source document) of one event."""
        return self.rows[self.rows["event_id"] == event_id]

    def event(self, event_id: str) -> pd.Series | None:
        hit = self.events.index[self.events["event_id"] == event_id]
        return None if len(hit) == 0 else self.events.loc[hit[0]]


def prepare_events(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per event_id with parsed spans and search/filter helpers (see module doc).

    An event told at several precisions ("2018", "June 12, 2018") takes its most precise row's
    date and summary, and of equally precise rows one that tells it happen rather than planned;
    every row stays a source."""
    rows = rows.reset_index(drop=True)
    if rows["event_id"].duplicated().any():
        starts, ends = parse_starts_ends(rows["date"], rows["date_end"])
        planned = rows["summary"].str.endswith(PLANNED_MARKER).to_numpy()
        rows = rows.iloc[np.lexsort((planned, ends - starts))].reset_index(drop=True)
    duplicated = rows["event_id"].duplicated(keep=False)
    first = ~rows["event_id"].duplicated(keep="first")
    events = rows[first].copy()
    if duplicated.any():
        # vectorised: the k-th source of every shared event, for k = 1, 2, ...
        dup = rows.loc[duplicated, ["event_id", "sentence", "source"]]
        rank = dup.groupby("event_id", sort=False).cumcount()
        counts = dup["event_id"].value_counts()
        events["n_sources"] = events["event_id"].map(counts).fillna(1).astype(int).to_numpy()
        keys = events["event_id"]
        all_sentences = events["sentence"].copy()
        source_set = events["source"].copy()
        for k in range(1, int(rank.max()) + 1):
            part = dup[rank.to_numpy() == k].set_index("event_id")
            more = keys.map(part["sentence"])
            has = more.notna().to_numpy()
            all_sentences = all_sentences.where(~has, all_sentences + " " + more.fillna(""))
            outlet = keys.map(part["source"]).fillna("")
            add = has & (outlet != "").to_numpy()
            source_set = source_set.where(~add, source_set + ";" + outlet)
        events["source_set"] = source_set
    else:
        events["n_sources"] = 1
        all_sentences = events["sentence"]
        events["source_set"] = events["source"]
    events["search"] = (events["summary"] + "\n" + all_sentences).str.lower()
    start, end = parse_starts_ends(events["date"], events["date_end"])
    events["start"] = start
    events["end"] = end
    precision = events["precision"]
    has_end = events["date_end"] != ""
    span = precision.isin(["month", "year", "season", "decade"]) | (
        (precision == "approx") & (events["date"].str.len() < 10)
    )
    kind = np.where(span, "span", "point")
    kind = np.where(has_end & ~precision.isin(["season", "decade"]), "interval", kind)
    published = pd.to_datetime(events["published"], format="%Y-%m-%d", errors="coerce")
    summary = events["summary"]
    events["planned"] = (
        summary.str.endswith(PLANNED_MARKER) | (published.notna() & (events["start"] > published))
    ).to_numpy()
    ongoing = (summary.str.endswith(ONGOING_MARKER) & ~has_end).to_numpy()
    if ongoing.any():
        report = _latest_report(rows, events["event_id"][ongoing]) + pd.Timedelta(days=1)
        runs_on = ongoing.copy()
        runs_on[ongoing] = (report > events["end"][ongoing]).to_numpy()
        events.loc[runs_on, "end"] = report[runs_on[ongoing]].to_numpy()
        kind = np.where(runs_on, "ongoing", kind)
    events["kind"] = kind
    events["approx"] = (precision == "approx").to_numpy()
    weight = pd.to_numeric(events["weight"], errors="coerce")
    fallback = np.minimum(1.0, FALLBACK_WEIGHT_PER_SOURCE * events["n_sources"])
    events["importance"] = weight.fillna(fallback).to_numpy(dtype=float)
    events["category"] = events["category"].where(events["category"] != "", NO_CATEGORY)
    events = events.sort_values(["start", "end", "event_id"], kind="stable").reset_index(drop=True)
    return events


def _latest_report(rows: pd.DataFrame, event_ids: pd.Series) -> pd.Series:
    """The latest publication date among the rows of each event (NaT when none has one)."""
    told = rows[rows["event_id"].isin(set(event_ids))]
    latest = told.groupby("event_id")["published"].max()
    dates = pd.to_datetime(event_ids.map(latest), format="%Y-%m-%d", errors="coerce")
    return dates.astype("datetime64[s]")


def build_data(
    rows: pd.DataFrame,
    path: str = "",
    problems: list[RowProblem] | None = None,
    error: str | None = None,
) -> EventData:
    """Precompute everything for an already validated table of rows."""
    rows = rows.reset_index(drop=True)
    events = prepare_events(rows)
    data = EventData(path=path, rows=rows, events=events, problems=problems or [], error=error)
    by_count = events["category"].value_counts()
    data.categories = list(by_count.index)
    events["cat_code"] = pd.Categorical(events["category"], categories=data.categories).codes

    combos = pd.Categorical(events["actors"])
    events["actor_code"] = combos.codes
    data.actor_combos = [split_list(c) for c in combos.categories]
    counts: dict[str, int] = {}
    combo_counts = np.bincount(combos.codes[combos.codes >= 0], minlength=len(combos.categories))
    for actors, n in zip(data.actor_combos, combo_counts, strict=True):
        for actor in actors:
            counts[actor] = counts.get(actor, 0) + int(n)
    data.actors = sorted(counts, key=lambda a: (-counts[a], a))
    data.actor_lanes = data.actors[:MAX_ACTOR_LANES]
    top = set(data.actor_lanes)
    pairs = zip(data.actor_combos, combo_counts, strict=True)
    if any(n and not top.intersection(a) for a, n in pairs):
        data.actor_lanes = [*data.actor_lanes, OTHER_ACTORS]

    scombos = pd.Categorical(events["source_set"])
    events["source_code"] = scombos.codes
    data.source_combos = [set(split_list(c)) for c in scombos.categories]
    data.sources = sorted(set(rows["source"].unique()) - {""})
    present = set(events["precision"].unique())
    data.precisions = [p for p in PRECISIONS if p in present]
    return data


def load_data(path: str | Path) -> EventData:
    """Read and prepare the events file; never raises for a bad file (see `error`)."""
    name = str(path)
    try:
        rows, problems = read_events(path)
    except EventsFileError as error:
        return build_data(empty_rows(), name, error=str(error))
    except Exception as error:  # anything else unreadable: still a message, not a traceback
        return build_data(empty_rows(), name, error=f"{name}: cannot be read ({error})")
    if rows.empty and problems:
        data = build_data(empty_rows(), name, problems=problems)
        data.error = f"{name}: no usable rows ({len(problems)} row(s) with problems)"
        return data
    return build_data(rows, name, problems=problems)
