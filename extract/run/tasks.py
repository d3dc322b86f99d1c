"""The task every runner runs: read one document where it is and extract it.

`process_document` is pure and picklable (a location in, rows or an error out), so the same
function runs in this process, in a process pool, or on a Dask cluster.
"""

from __future__ import annotations

import hashlib
import json

from extract.documents.locations import metadata_row, read_bytes
from extract.documents.reader import DocumentError, has_front_matter, parse_document
from extract.run.results import DocResult

# (location, doc name, content keys the caller's cache has rows for)
Item = tuple[str, str, tuple[str, ...]]


def content_key(raw: bytes, metadata: dict[str, str] | None = None) -> str:
    """sha256 of the document's bytes; for a file without front matter, its metadata.csv row is
    hashed too (it gives the title and the publication date that relative dates hang on)."""
    digest = hashlib.sha256(raw)
    if metadata:
        digest.update(b"\0metadata.csv\0")
        digest.update(json.dumps(metadata, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def read_keyed(location: str) -> tuple[bytes, dict[str, str] | None, str]:
    """A document's bytes, its metadata.csv row (None when it has front matter) and its content
    key; OSError when it cannot be read."""
    raw = read_bytes(location)
    metadata = None if has_front_matter(raw) else metadata_row(location)
    return raw, metadata, content_key(raw, metadata)


def cached_result(location: str, doc: str, known: tuple[str, ...]) -> DocResult | None:
    """The result of a document whose content key is in `known` (read and hashed, not
    extracted: cached=True), or None when it must be extracted or cannot be read (then
    `process_document` says why)."""
    if not known:
        return None
    try:
        key = read_keyed(location)[2]
    except OSError:
        return None
    return DocResult(doc, key=key, cached=True) if key in known else None


def process_document(location: str, doc: str, known: tuple[str, ...] = ()) -> DocResult:
    """Read one document (a local path or an fsspec URL) and extract it, unless its content key
    is in `known` (the caller's cache has its rows): then only the key is returned, cached=True.
    Never raises for a bad document: the error is returned."""
    try:
        raw, metadata, key = read_keyed(location)
    except OSError as error:
        return DocResult(doc, error=f"{doc}: cannot read ({error.strerror or error})")
    if key in known:
        return DocResult(doc, key=key, cached=True)
    try:
        document = parse_document(raw, doc, lambda: metadata or {})
    except DocumentError as error:
        return DocResult(doc, error=str(error), key=key)
    from extract.pipeline import document_rows  # the rules load with the first document extracted

    return DocResult(doc, rows=document_rows(document), warning=document.warning, key=key)


def process_chunk(items: list[Item]) -> list[DocResult]:
    """`process_document` over a chunk of items: one task for a worker. An unexpected failure
    on one document is reported for that document, not for the whole run."""
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
