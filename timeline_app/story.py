"""Which events matter most, and what the chart calls them.

Events are ranked by the extractor's `weight` (tables without one fall back to the number of
sources, see timeline_app.data), then by sources, precision and date, so the ranking is
stable. The ranking chooses the events that get a label on the chart and the key events of a
presentation: its story, told in date order. A label is the event's `label`, or its summary
shortened when the table has none.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from extract.table.vocabulary import ONGOING_MARKER, PLANNED_MARKER, PRECISIONS
from timeline_app.placement import shorten

STORY_SIZE = 18  # key events in a presentation, unless the teacher asks for all
LABEL_CHARS = 32


PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}


def by_importance(events: pd.DataFrame) -> pd.DataFrame:
    """The events, most important first."""
    return events.iloc[importance_order(events)]


def importance_order(events: pd.DataFrame | Mapping[str, np.ndarray]) -> np.ndarray:
    """The positions of the events (a table, or its columns as arrays), most important first:
    by weight, sources, precision, date, then id."""
    precision_rank = [PRECISION_RANK.get(p, 9) for p in events["precision"]]
    return np.lexsort(
        (
            np.asarray(events["event_id"]),
            np.asarray(events["start"]),
            np.asarray(precision_rank),
            -np.asarray(events["n_sources"]),
            -np.asarray(events["importance"]),
        )
    )


def story_events(events: pd.DataFrame, mode: str = "key", size: int = STORY_SIZE) -> pd.DataFrame:
    """The presentation's events in date order: the `size` most important ones, or all."""
    if mode == "all" or len(events) <= size:
        return events
    importance = events["importance"].to_numpy()
    # only events at least as important as the size-th are candidates (fast on a big table)
    threshold = np.partition(importance, len(importance) - size)[len(importance) - size]
    candidates = events[importance >= threshold]
    keep = by_importance(candidates).index[:size]
    return events.loc[events.index.isin(keep)]


def without_markers(text: str) -> str:
    """A summary without the extractor's "(planned)" / "(ongoing since)" suffix (the chart and
    the caption say it in their own way)."""
    text = (text or "").strip()
    for marker in (PLANNED_MARKER, ONGOING_MARKER):
        text = text.removesuffix(marker).strip()
    return text


def label_text(label: str, summary: str, limit: int = LABEL_CHARS) -> str:
    """What the chart writes next to an event: its label, else its summary, shortened. A label
    too long loses its first words, not its last: the end says what happened ("Cross-border
    communication channel reopened" -> "Communication channel reopened")."""
    label = without_markers(label)
    words = label.split()
    while len(label) > limit and len(words) > 2:
        words = words[1:]
        label = " ".join(words)
    if label and len(label) <= limit:
        return label[:1].upper() + label[1:]
    return shorten(label or without_markers(summary), limit)
