"""A view described in words, for exports: a title that says what the chart shows
("Inter-Korean relations, 2018: summit and talks"), a subtitle with the filters and the count,
and a footer with the sources and the date of the export. Pure functions of the view."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from timeline_app.dates import format_date_label
from timeline_app.state import ViewState

SUBJECT = "Inter-Korean relations"
APP_NAME = "Korea timeline"
MAX_OUTLETS = 6


def and_list(items: list[str] | tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def category_words(category: str) -> str:
    """'summit/talks' -> 'summit and talks'; 'military/nuclear/missile' -> 'military, nuclear
    and missile'."""
    return and_list([part.strip() for part in category.split("/")])


def period(events: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> str:
    """'2018' or '2013-2025': the years the chart shows events in, from the first event that
    starts in the window to the last one that ends in it (a state running in from before or
    on after the window does not stretch the title)."""
    if events.empty:
        return ""
    lo, hi = window
    starts, ends = events["start"], events["end"] - pd.Timedelta(days=1)
    inside_starts, inside_ends = starts[starts >= lo], ends[ends < hi]
    first = pd.Timestamp(inside_starts.min() if len(inside_starts) else lo).year
    last = pd.Timestamp(inside_ends.max() if len(inside_ends) else hi).year
    return str(first) if first >= last else f"{first}-{last}"


def default_title(
    state: ViewState, events: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]
) -> str:
    """What the view shows, in words, from the events in view and the filters."""
    when = period(events, window)
    title = f"{SUBJECT}, {when}" if when else SUBJECT
    topics = []
    if state.categories:
        topics.append(and_list([category_words(c) for c in state.categories]))
    if state.actors:
        topics.append("involving " + and_list(list(state.actors)))
    if state.text:
        topics.append(f"mentioning “{state.text}”")
    if state.sources:
        topics.append("as reported by " + and_list(list(state.sources)))
    if state.precisions:
        topics.append("dated to the " + and_list(list(state.precisions)))
    return title + (": " + ", ".join(topics) if topics else "")


def subtitle(state: ViewState, shown: int, total: int) -> str:
    """The count and every filter of the view, e.g. '14 of 83 events · category: summit/talks ·
    from 2018 to 2019 · lanes by actor'."""
    parts = [f"{shown:,} of {total:,} events" if shown != total else f"all {total:,} events"]
    if state.date_from and state.date_from == state.date_to:
        parts.append(f"in {format_date_label(state.date_from)}")
    elif state.date_from or state.date_to:
        start = format_date_label(state.date_from) if state.date_from else "the start"
        end = format_date_label(state.date_to) if state.date_to else "the end"
        parts.append(f"from {start} to {end}")
    for name, values in (
        ("category", state.categories),
        ("actors", state.actors),
        ("sources", state.sources),
        ("precision", state.precisions),
    ):
        if values:
            parts.append(f"{name}: {', '.join(values)}")
    if state.text:
        parts.append(f"search: “{state.text}”")
    parts.append(f"lanes by {state.lanes}")
    if state.eras:
        parts.append("bands: presidents and leaders in office")
    return " · ".join(parts)


def footer(outlets: list[str], documents: int, today: dt.date) -> str:
    """'Exported 20 Jun 2025 from the Korea timeline · Sources (17 documents): VOA, CRS, ...'."""
    shown = outlets[:MAX_OUTLETS]
    more = len(outlets) - len(shown)
    names = "; ".join(shown) + (f" and {more} more" if more > 0 else "")
    noun = "document" if documents == 1 else "documents"
    when = format_date_label(today.isoformat())
    sources = f" · Sources ({documents:,} {noun}): {names}" if shown else ""
    return f"Exported {when} from the {APP_NAME}{sources}"


def outlets_of(rows: pd.DataFrame) -> tuple[list[str], int]:
    """The outlets of some rows, most frequent first, and the number of documents."""
    counts = rows.loc[rows["source"] != "", "source"].value_counts()
    return list(counts.index), int(rows["doc"].nunique())
