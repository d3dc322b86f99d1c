"""Events to the table: each event's row in the schema, ids shared across documents, weights,
sorted.

Within a document each event has its own id (a hash of the document and the evidence's place);
rows of different documents that tell the same event share one id, so the app draws one mark
with all its sources. An event's weight (0-1) ranks it for chart labels and a presentation's key
events: what kind of event it is, how many documents tell it, and how prominent it is in them
(in the lead, in the title, told again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.events.similarity import similar
from extract.table.ids import content_id
from extract.table.schema import COLUMNS, join_list, sort_events, split_list

if TYPE_CHECKING:
    import pandas as pd

    from extract.documents.reader import Document
    from extract.events.candidates import Row


LEAD_SENTENCES = 3  # an event told in the first sentences of a story is its news
# Clues for the weight that travel with a document's rows (and its cache entry), not in the table.
KIND, PROMINENCE = "_kind", "_prominence"


def table_row(document: Document, row: Row) -> dict[str, str]:
    """One event of a document as a row of the events table (weight left to build_table), with
    the clues for its weight."""
    lead = row.story_index < LEAD_SENTENCES and not row.caption
    in_title = bool(document.title) and similar(document.title, row.sentence, threshold=0.2)
    repeated = min(1.0, (row.mentions - 1) / 2)
    prominence = 0.5 * lead + 0.3 * in_title + 0.2 * repeated
    return {
        "event_id": content_id(document.doc, row.start),
        "date": row.date,
        "date_end": row.date_end,
        "precision": row.precision,
        "summary": row.summary,
        "label": row.label,
        "category": row.category,
        "actors": join_list(row.actors),
        "weight": "",
        "evidence": row.evidence,
        "sentence": row.sentence,
        "doc": document.doc,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published.isoformat() if document.published else "",
        KIND: f"{row.kind:.3f}",
        PROMINENCE: f"{prominence:.3f}",
    }


def build_table(rows: Iterable[dict[str, str]]) -> pd.DataFrame:
    """The events table: all rows, shared ids for one event told by several documents, sorted."""
    import pandas as pd

    copies = [dict(row) for row in rows]
    share_event_ids(copies)
    weigh_events(copies)
    return sort_events(pd.DataFrame(copies, columns=COLUMNS, dtype=str))


def weigh_events(rows: list[dict[str, str]]) -> None:
    """Set each row's weight, the same for every row of an event: 0.45 x the heaviest kind of
    event its rows tell + 0.30 x how many documents tell it (one: 0, three or more: 1) + 0.25 x
    its best prominence in a document."""
    by_event: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_event.setdefault(row["event_id"], []).append(row)
    for event_rows in by_event.values():
        kind = max(float(row.get(KIND) or 0) for row in event_rows)
        prominence = max(float(row.get(PROMINENCE) or 0) for row in event_rows)
        sources = min(1.0, (len({row["doc"] for row in event_rows}) - 1) / 2)
        weight = f"{0.45 * kind + 0.30 * sources + 0.25 * prominence:.3f}"
        for row in event_rows:
            row["weight"] = weight


KEY_COLUMNS = ("date", "date_end", "precision", "category")


@dataclass
class _Story:
    """One event as told by one or more documents, while ids are being shared."""

    first: dict[str, str]
    actors: frozenset[str]
    docs: set[str] = field(default_factory=set)
    rows: list[dict[str, str]] = field(default_factory=list)


def share_event_ids(rows: list[dict[str, str]]) -> None:
    """Rows of different documents that tell one event get one id, so the app shows one mark
    with all its sources: same dates, precision and category, actors in common (or unnamed),
    and summaries with words in common. Within a document each event keeps its own id.

    Plain dicts and a summary index keep this linear in the usual case (the same story
    repeated by many documents), even for archives of a million rows.
    """
    groups: dict[tuple[str, ...], list[_Story]] = {}
    by_summary: dict[tuple[str, ...], _Story] = {}
    for row in rows:
        key = tuple(row[column] for column in KEY_COLUMNS)
        actors = frozenset(split_list(row["actors"]))
        exact = by_summary.get((*key, row["summary"]))
        stories = groups.setdefault(key, [])
        candidates = [exact] if exact is not None else stories[-MAX_STORIES_COMPARED:]
        home = next(
            (story for story in candidates if story is not None and _fits(story, row, actors)),
            None,
        )
        if home is None:
            home = _Story(first=row, actors=actors)
            stories.append(home)
            by_summary.setdefault((*key, row["summary"]), home)
        home.docs.add(row["doc"])
        home.rows.append(row)
    for stories in groups.values():
        for story in stories:
            if len(story.docs) > 1:
                shared = content_id(
                    "event", *(story.first[c] for c in KEY_COLUMNS), story.first["summary"]
                )
                for row in story.rows:
                    row["event_id"] = shared


MAX_STORIES_COMPARED = 50  # per (dates, category): older stories are not searched further


def _fits(story: _Story, row: dict[str, str], actors: frozenset[str]) -> bool:
    if row["doc"] in story.docs:
        return False  # a document tells each event once
    if story.actors and actors and not story.actors & actors:
        return False
    return story.first["summary"] == row["summary"] or similar(
        story.first["summary"], row["summary"], threshold=0.3
    )
