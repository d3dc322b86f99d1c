"""Events to the table: each event's row in the schema, ids shared across documents, weights,
sorted.

Within a document each event has its own id (a hash of the document and the evidence's place);
rows of different documents that tell the same event share one id, so the app draws one mark
with all its sources. An event's weight (0-1) ranks it for chart labels and a presentation's key
events: what kind of event it is, how many documents tell it, and how prominent it is in them
(in the lead, in the title, told again).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.dating.calendar import iso_span
from extract.enrich.matching import ACTION, Kind, kind_of, same_kind, same_what, strongly_same
from extract.events.similarity import similar
from extract.table.ids import content_id
from extract.table.schema import COLUMNS, join_list, sort_rows, split_list

if TYPE_CHECKING:
    import pandas as pd

    from extract.documents.reader import Document
    from extract.events.candidates import Row


LEAD_SENTENCES = 3  # an event told in the first sentences of a story is its news
# Clues for the weight that travel with a document's rows (and its cache entry), not in the table.
KIND, PROMINENCE, WHAT = "_kind", "_prominence", "_what"


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
        "evidence": findable_evidence(document.body, row),
        "sentence": row.sentence,
        "doc": document.doc,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published.isoformat() if document.published else "",
        KIND: f"{row.kind:.3f}",
        PROMINENCE: f"{prominence:.3f}",
        WHAT: " ".join(sorted(row.what)),
    }


def findable_evidence(body: str, row: Row, most_words: int = 4) -> str:
    """The row's date words, widened by their neighbours in the sentence (the word before, else
    the word after) until a reader's search (Ctrl+F, any case) finds them once in the document:
    "Saturday" told of two acts becomes "arrived Saturday" and "accused the U.S. Saturday"."""
    start, end = row.mention_start, row.mention_end
    sentence = row.sentence
    if end <= start or sentence[start:end] != row.evidence:
        return row.evidence  # a second act told with the first one's date words
    text = body.lower()
    for _ in range(most_words):
        if text.count(sentence[start:end].lower()) <= 1:
            break
        if word_before := re.search(r"\S+\s*$", sentence[:start]):
            start = word_before.start()
        elif word_after := re.match(r"\S*\s+\S+", sentence[end:]):
            end += word_after.end()
        else:
            break
    return sentence[start:end]


def table_rows(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """The events table as rows of its columns: all rows, shared ids for one event told by
    several documents, weights, sorted."""
    copies = [dict(row) for row in rows]
    share_event_ids(copies)
    weigh_events(copies)
    return sort_rows([{column: row[column] for column in COLUMNS} for row in copies])


def build_table(rows: Iterable[dict[str, str]]) -> pd.DataFrame:
    """`table_rows` as a DataFrame."""
    import pandas as pd

    return pd.DataFrame(table_rows(rows), columns=COLUMNS, dtype=str)


def weigh_events(rows: list[dict[str, str]]) -> None:
    """Set each row's weight, the same for every row of an event: 0.55 x the heaviest kind of
    event its rows tell + 0.25 x how many documents tell it (one: 0, three or more: 1) + 0.20 x
    its best prominence in a document."""
    by_event: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_event.setdefault(row["event_id"], []).append(row)
    for event_rows in by_event.values():
        kind = max(float(row.get(KIND) or 0) for row in event_rows)
        prominence = max(float(row.get(PROMINENCE) or 0) for row in event_rows)
        sources = min(1.0, (len({row["doc"] for row in event_rows}) - 1) / 2)
        weight = f"{0.55 * kind + 0.25 * sources + 0.20 * prominence:.3f}"
        for row in event_rows:
            row["weight"] = weight


@dataclass(eq=False)  # hashed by identity: a story is one object, looked up in sets
class _Story:
    """One event as told by one or more documents, while ids are being shared: anchored on its
    most precise mention (rows are taken finest first)."""

    first: dict[str, str]
    span: tuple[dt.date, dt.date]
    actors: frozenset[str]
    what: frozenset[str]
    kind: Kind
    docs: set[str] = field(default_factory=set)
    rows: list[dict[str, str]] = field(default_factory=list)


MAX_STORIES_COMPARED = 50  # per (year, event word): older stories are not searched further
MAX_YEARS_INDEXED = 12  # a row spanning more years ("since 2006") is looked up by its ends


def _same_day_and_kind(
    story: _Story,
    row: dict[str, str],
    span: tuple[dt.date, dt.date],
    actors: frozenset[str],
    what: frozenset[str],
) -> bool:
    """Rows of one single day, one category and a shared actor with two words in common tell
    one event even when their actions are told with different verbs ("North Korea blew up the
    liaison office in Kaesong" / "North Korea destroyed the liaison office in Kaesong")."""
    return (
        story.span == span
        and span[0] == span[1]
        and story.first["category"] == row["category"]
        and bool(story.actors & actors)
        and len({w for w in story.what & what if w.isalpha()}) >= 2
    )


BOUNDS = frozenset({ACTION + a for a in "begin start end break outbreak open close".split()})
LONG_PERIOD_DAYS = 62


def _bound_of_period(story: _Story, span: tuple[dt.date, dt.date]) -> bool:
    """'The Korean War begins' (1950-06-25) is not 'the Korean War' (1950-1953): the start or
    end of a long period is an event of its own (and a period that one fits joins no other
    story either: the fall's APEC summit is not Trump's arrival for it in October)."""
    return bool(story.what & BOUNDS) and (span[1] - span[0]).days > LONG_PERIOD_DAYS


def share_event_ids(rows: list[dict[str, str]]) -> None:
    """Rows of different documents that tell one event get one id, so the app shows one mark
    with all its sources, whatever the precision each text gives ("in 2018", "in June 2018",
    "on June 12, 2018"): one date lies inside the other, the actors agree, and the event's words
    agree (same action and a word in common, extract.enrich.identity). A wrong merge hides an
    event, so precision comes first: a row that fits several stories joins none, a series never
    joins a single event, and a document tells each event once. Different events always get
    different ids (unique_id).

    An index by (year, event word) keeps this near linear for archives of a million rows.
    """
    index: dict[tuple[int, str], list[_Story]] = {}
    stories: list[_Story] = []
    spans = [iso_span(row["date"], row["date_end"]) for row in rows]
    order = sorted(range(len(rows)), key=lambda i: (spans[i][1] - spans[i][0], i))
    for position in order:
        row, span = rows[position], spans[position]
        actors = frozenset(split_list(row["actors"]))
        what = frozenset(row.get(WHAT, "").split())
        kind = kind_of(row["summary"], bool(row["date_end"]))
        keys = [(year, word) for year in _years(span) for word in what]
        seen: set[_Story] = set()  # only a story that fits alone is taken: order is no matter
        for key in keys:
            if bucket := index.get(key):
                seen.update(bucket[-MAX_STORIES_COMPARED:])
        doc, (first_day, last_day) = row["doc"], span
        fits = [  # the cheap tests first: dates that nest (rows come finest first, so the
            # story's span lies inside this one), then the kind, then the words
            story
            for story in seen
            if first_day <= story.span[0]
            and story.span[1] <= last_day
            and doc not in story.docs
            and same_kind(story.kind, kind)
            and (same_what(story.what, what) or _same_day_and_kind(story, row, span, actors, what))
            and (
                not (story.actors and actors and not story.actors & actors)
                or strongly_same(story.what, what)
                # ("the 1950-53 Korean War" in two texts that name different sides)
                or (story.span == span and story.what == what and len(what) >= 2)
            )
        ]
        exact = [story for story in fits if story.span == span]
        home = exact[0] if len(exact) == 1 else (fits[0] if len(fits) == 1 else None)
        if any(_bound_of_period(story, span) for story in fits):
            home = None  # the start or end of the period fits it: the row joins nothing
        if home is None:
            home = _Story(first=row, span=span, actors=actors, what=what, kind=kind)
            stories.append(home)
            for key in keys:
                index.setdefault(key, []).append(home)
        home.docs.add(row["doc"])
        home.rows.append(row)
    taken: set[str] = set()
    for story in stories:
        first = story.first
        if len(story.docs) > 1:
            wanted = content_id(
                "event", first["date"], first["date_end"], first["precision"], first["summary"]
            )
        else:
            wanted = first["event_id"]
        event_id = unique_id(wanted, taken)
        for row in story.rows:
            row["event_id"] = event_id


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or when another event already has it (two events with the same date, precision
    and summary told by the same documents, or two rows of one document at one place), a stable
    variant of it: two different events never share an id. Takes the id it returns."""
    event_id, attempt = wanted, 1
    while event_id in taken:
        attempt += 1
        event_id = content_id(wanted, attempt)
    taken.add(event_id)
    return event_id


def _years(span: tuple[dt.date, dt.date]) -> list[int]:
    first, last = span[0].year, span[1].year
    if last - first >= MAX_YEARS_INDEXED:
        return [first, last]
    return list(range(first, last + 1))
