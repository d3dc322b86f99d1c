"""One document through the stages, in order: the data flow of the extractor in one place.

document -> sentences -> dated mentions (narrative order) -> candidate events
         -> headlines, categories, actors -> one row per event -> table rows
"""

from __future__ import annotations

import datetime as dt

from extract.dating.narrative import date_sentences
from extract.documents.reader import Document
from extract.enrich.describe import describe
from extract.events.candidates import Row, find_events
from extract.events.dedupe import one_row_per_event
from extract.sentences import split_sentences
from extract.tabulate import table_row


def document_events(body: str, published: dt.date | None, title: str = "") -> list[Row]:
    """The events of one document body, one row per event, in textual order (the title tells
    who a speech's "I" is)."""
    story = date_sentences(split_sentences(body), published)
    rows = find_events(story)
    describe(story, rows, title)
    return one_row_per_event(rows)


def document_rows(document: Document) -> list[dict[str, str]]:
    """The events table's rows (schema dicts, with the weight's per-document clues) of one read
    document."""
    events = document_events(document.body, document.published, document.title)
    return [table_row(document, row) for row in events]
