"""The per-document function and the table assembly, shared by every way of running the extractor.

`process_file` is pure and picklable (a path in, rows or an error out), so the same function runs
in one process, in a process pool, or on a Dask cluster; `build_table` turns the per-document
results into the events table (ids, cross-document merging, canonical order).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.corpus import Document, DocumentError, has_front_matter, parse_document
from extract.engine import extract_text
from extract.ids import content_id
from extract.schema import COLUMNS, join_list, sort_events, split_list
from extract.sources import metadata_row, read_bytes
from extract.summary import similar


def _extractor_version() -> str:
    """A hash of the extractor's own code: any change gives a new version (and cache key)."""
    digest = hashlib.sha1()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = _extractor_version()


@dataclass
class DocResult:
    """What one document gave: its rows (schema dicts), or an error; and any warning."""

    doc: str
    rows: list[dict[str, str]] = field(default_factory=list)
    error: str = ""
    warning: str = ""
    # The document's content key (see `content_key`), and True when it matched a key the caller
    # already has rows for: the document was read and hashed but not extracted (rows left empty).
    key: str = ""
    cached: bool = False


def content_key(raw: bytes, metadata: dict[str, str] | None = None) -> str:
    """sha256 of the document's bytes; for a file without front matter, its metadata.csv row is
    hashed too (it gives the title and the publication date that relative dates hang on)."""
    digest = hashlib.sha256(raw)
    if metadata:
        digest.update(b"\0metadata.csv\0")
        digest.update(json.dumps(metadata, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def process_file(path: str | Path, doc: str) -> DocResult:
    """Read and extract one document. Never raises for a bad document: the error is returned."""
    return process_document(str(path), doc)


def process_document(location: str, doc: str, known: tuple[str, ...] = ()) -> DocResult:
    """Read one document (a local path or an fsspec URL) and extract it, unless its content key
    is in `known` (the caller's cache has its rows): then only the key is returned, cached=True.
    Never raises for a bad document: the error is returned."""
    try:
        raw = read_bytes(location)
    except OSError as error:
        return DocResult(doc, error=f"{doc}: cannot read ({error.strerror or error})")
    metadata = None if has_front_matter(raw) else metadata_row(location)
    key = content_key(raw, metadata)
    if key in known:
        return DocResult(doc, key=key, cached=True)
    try:
        document = parse_document(raw, doc, lambda: metadata or {})
    except DocumentError as error:
        return DocResult(doc, error=str(error), key=key)
    return DocResult(doc, rows=document_rows(document), warning=document.warning, key=key)


def process_chunk(items: list[tuple[str, str, tuple[str, ...]]]) -> list[DocResult]:
    """`process_document` over (location, doc, known keys) items: one task for a worker. An
    unexpected failure on one document is reported for that document, not for the whole run."""
    results = []
    for location, doc, known in items:
        try:
            results.append(process_document(location, doc, known))
        except Exception as error:
            message = " ".join(str(error).split())[:200]
            results.append(
                DocResult(doc, error=f"{doc}: extractor failed ({type(error).__name__}: {message})")
            )
    return results


def document_rows(document: Document) -> list[dict[str, str]]:
    """The schema rows of one read document."""
    rows = []
    for row in extract_text(document.body, document.published):
        rows.append(
            {
                "event_id": content_id(document.doc, row.start),
                "date": row.date,
                "date_end": row.date_end,
                "precision": row.precision,
                "summary": row.summary,
                "category": row.category,
                "actors": join_list(row.actors),
                "evidence": row.evidence,
                "sentence": row.sentence,
                "doc": document.doc,
                "title": document.title,
                "source": document.source,
                "url": document.url,
                "published": document.published.isoformat() if document.published else "",
            }
        )
    return rows


def build_table(results: list[DocResult]) -> pd.DataFrame:
    """The events table: all rows, shared ids for one event told by several documents, sorted."""
    rows = [dict(row) for result in results for row in result.rows]
    share_event_ids(rows)
    return sort_events(pd.DataFrame(rows, columns=COLUMNS, dtype=str))


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
