"""Incremental extraction: per-document results kept in a SQLite file next to the output.

An entry is keyed by (doc name, content key, cache version):
- the content key is the sha256 of the document's bytes (plus its metadata.csv row when the file
  has no front matter), computed by whoever reads the document (extract.run.tasks);
- the cache version hashes EXTRACTOR_VERSION (the code and data that shape rows, see
  extract/run/version.py) with the cache format: any change there ignores and prunes old entries;
- the doc name is part of every row, so the same text under another name is extracted again.

Only documents that were read and extracted are stored (with their rows and any warning);
documents with errors are not cached, so they are retried, and reported, on every run.
Writes go in transactions committed every few hundred documents: a run that is killed keeps
what was committed (the next run reuses it) and never leaves a half-written entry. After a
complete run, entries not used by it (deleted or edited documents) are pruned.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import time
import uuid
from pathlib import Path

from extract.run.results import DocResult
from extract.run.version import EXTRACTOR_VERSION
from extract.table.schema import COLUMNS

CACHE_FORMAT = "1"
SQLITE_HEADER = b"SQLite format 3\x00"
COMMIT_EVERY = 500  # documents
COMMIT_SECONDS = 5.0
LOOKUP_BATCH = 500  # doc names per SELECT ... IN (...)


class CacheError(Exception):
    """The cache file cannot be used (not a cache, unreadable); the message is one line."""


def _sqlite_errors(method):
    """SQLite failures during a run (disk full, locked too long) become one-line CacheErrors."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise CacheError(
                f"{self.path}: cache failed ({error}); run again, or with --no-cache"
            ) from None

    return wrapper


def cache_version() -> str:
    digest = hashlib.sha1(f"{CACHE_FORMAT}:{EXTRACTOR_VERSION}:{','.join(COLUMNS)}".encode())
    return digest.hexdigest()[:16]


def default_cache_path(output: Path) -> Path:
    """events.csv -> events.csv.cache.sqlite (one cache per output table)."""
    return output.with_name(output.name + ".cache.sqlite")


class ResultCache:
    """The cache of one run: look up known keys, take hits, store new results, prune at the end."""

    def __init__(self, path: Path, version: str | None = None) -> None:
        self.path = Path(path)
        self.version = version or cache_version()
        self.run = uuid.uuid4().hex
        self.hits = 0
        self._pending = 0
        self._last_commit = time.monotonic()
        self._check_file()
        try:
            self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._setup()
        except sqlite3.Error as error:
            raise CacheError(f"{self.path}: cannot use as a cache ({error})") from None
        self.db.execute("BEGIN")

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise CacheError(f"{self.path}: is a folder, expected a cache file")
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return
        try:
            with self.path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise CacheError(f"{self.path}: cannot read ({error.strerror})") from None
        if header and header != SQLITE_HEADER:
            raise CacheError(
                f"{self.path}: exists and is not an extractor cache; "
                "choose another --cache path or delete the file"
            )

    def _setup(self) -> None:
        db = self.db
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "extract_cache_meta" not in tables:
            raise CacheError(
                f"{self.path}: is an SQLite file but not an extractor cache; "
                "choose another --cache path or delete the file"
            )
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "CREATE TABLE IF NOT EXISTS extract_cache_meta (key TEXT PRIMARY KEY, value TEXT)"
        )
        row = db.execute("SELECT value FROM extract_cache_meta WHERE key='format'").fetchone()
        if row is None or row[0] != CACHE_FORMAT:
            db.execute("DROP TABLE IF EXISTS entries")
            db.execute(
                "INSERT OR REPLACE INTO extract_cache_meta VALUES ('format', ?)", (CACHE_FORMAT,)
            )
        db.execute(
            "CREATE TABLE IF NOT EXISTS entries ("
            " doc TEXT NOT NULL, key TEXT NOT NULL, version TEXT NOT NULL,"
            " rows TEXT NOT NULL, warning TEXT NOT NULL, run TEXT NOT NULL,"
            " PRIMARY KEY (doc, key, version)) WITHOUT ROWID"
        )
        # A changed extractor ignores old entries; they would never be hit again: prune them.
        db.execute("DELETE FROM entries WHERE version != ?", (self.version,))
        db.execute("COMMIT")

    # -- lookups --------------------------------------------------------------------------------

    @_sqlite_errors
    def known(self, docs: list[str]) -> dict[str, dict[str, tuple[str, str]]]:
        """For each doc name with entries: {content key: (rows json, warning)}."""
        found: dict[str, dict[str, tuple[str, str]]] = {}
        unique = list(dict.fromkeys(docs))
        for start in range(0, len(unique), LOOKUP_BATCH):
            batch = unique[start : start + LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            for doc, key, rows, warning in self.db.execute(
                "SELECT doc, key, rows, warning FROM entries"
                f" WHERE version = ? AND doc IN ({marks})",
                (self.version, *batch),
            ):
                found.setdefault(doc, {})[key] = (rows, warning)
        return found

    @_sqlite_errors
    def hit(self, doc: str, key: str, payload: tuple[str, str]) -> DocResult:
        """The stored result of a document whose key matched; marks the entry as used."""
        rows_json, warning = payload
        columns, values = json.loads(rows_json)
        rows = [dict(zip(columns, row, strict=True)) for row in values]
        self.db.execute(
            "UPDATE entries SET run = ? WHERE doc = ? AND key = ? AND version = ?",
            (self.run, doc, key, self.version),
        )
        self.hits += 1
        self._wrote()
        return DocResult(doc, rows=rows, warning=warning, key=key)

    # -- writes ---------------------------------------------------------------------------------

    @_sqlite_errors
    def store(self, result: DocResult) -> None:
        """Keep a freshly extracted result (results with errors or without a key are skipped)."""
        if result.error or not result.key or result.cached:
            return
        columns = list(result.rows[0]) if result.rows else list(COLUMNS)
        values = [[row[c] for c in columns] for row in result.rows]
        self.db.execute(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?)",
            (
                result.doc,
                result.key,
                self.version,
                json.dumps([columns, values], ensure_ascii=False, separators=(",", ":")),
                result.warning,
                self.run,
            ),
        )
        self._wrote()

    def _wrote(self) -> None:
        self._pending += 1
        if self._pending >= COMMIT_EVERY or time.monotonic() - self._last_commit > COMMIT_SECONDS:
            self.commit()

    @_sqlite_errors
    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self._pending = 0
        self._last_commit = time.monotonic()

    @_sqlite_errors
    def close(self, complete: bool) -> None:
        """Commit; after a complete run, prune the entries this run did not use."""
        try:
            if complete:
                self.db.execute("DELETE FROM entries WHERE run != ?", (self.run,))
            self.db.execute("COMMIT")
        finally:
            self.db.close()
