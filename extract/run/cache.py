"""Incremental extraction: per-document results kept in a SQLite file next to the output.

An entry is keyed by (doc name, content key, cache version):
- the content key is the sha256 of the document's bytes (plus its metadata.csv row when the file
  has no front matter), computed by whoever reads the document (extract.run.tasks);
- the cache version hashes EXTRACTOR_VERSION (the code and data that shape rows, see
  extract/run/version.py) with the cache format: any change there ignores and prunes old entries;
- the doc name is part of every row, so the same text under another name is extracted again.

Only documents that were read and extracted are stored (with their rows and any warning);
documents with errors are not cached, so they are retried, and reported, on every run.
Writes are queued in memory and committed by a background thread every half second (at once
when a few hundred are waiting), each batch in one short transaction: a run that is killed keeps
every document finished more than half a second before (the next run reuses it) and never
leaves a half-written entry. No transaction stays open between batches, so two runs sharing a
cache take turns (SQLite's busy timeout) instead of failing with "database is locked". After a
complete run, entries not used by it (deleted or edited documents) are pruned.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import threading
import uuid
from pathlib import Path

from extract.run.results import DocResult
from extract.run.version import EXTRACTOR_VERSION
from extract.table.schema import COLUMNS

CACHE_FORMAT = "1"
SQLITE_HEADER = b"SQLite format 3\x00"
COMMIT_EVERY = 500  # writes waiting: committed at once
COMMIT_SECONDS = 0.5  # the background thread commits what waits this often
BUSY_TIMEOUT = 120.0  # seconds a run waits for another run's transaction on a shared cache
LOOKUP_BATCH = 500  # doc names per SELECT ... IN (...)
Entry = tuple[list[dict[str, str]], str]  # a stored result: its rows and its warning


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
        self._pending: list[tuple[str, tuple[str, ...]]] = []  # (statement, parameters)
        self._pending_lock = threading.Lock()  # guards _pending
        self._db_lock = threading.Lock()  # one statement or batch at a time on the connection
        self._failure: CacheError | None = None  # the background commit's, raised on next write
        self._check_file()
        try:
            # autocommit between batches: reads take no lock a concurrent run would wait for
            self.db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
            self._setup()
        except sqlite3.Error as error:
            raise CacheError(f"{self.path}: cannot use as a cache ({error})") from None
        self._closing = threading.Event()
        self._committer = threading.Thread(
            target=self._commit_regularly, name="cache-commit", daemon=True
        )
        self._committer.start()

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
    def known(self, docs: list[str]) -> dict[str, dict[str, Entry]]:
        """For each doc name with entries: {content key: (rows, warning)}. The rows are read
        here, with the lookup, so a run reads them while its workers extract the misses."""
        found: dict[str, dict[str, Entry]] = {}
        unique = list(dict.fromkeys(docs))
        for start in range(0, len(unique), LOOKUP_BATCH):
            batch = unique[start : start + LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            with self._db_lock:
                selected = self.db.execute(
                    "SELECT doc, key, rows, warning FROM entries"
                    f" WHERE version = ? AND doc IN ({marks})",
                    (self.version, *batch),
                ).fetchall()
            for doc, key, rows_json, warning in selected:
                columns, values = json.loads(rows_json)
                rows = [dict(zip(columns, row, strict=True)) for row in values]
                found.setdefault(doc, {})[key] = (rows, warning)
        return found

    @_sqlite_errors
    def hit(self, doc: str, key: str, entry: Entry) -> DocResult:
        """The stored result of a document whose key matched; marks the entry as used."""
        rows, warning = entry
        self._queue(
            "UPDATE entries SET run = ? WHERE doc = ? AND key = ? AND version = ?",
            (self.run, doc, key, self.version),
        )
        self.hits += 1
        return DocResult(doc, rows=rows, warning=warning, key=key)

    # -- writes ---------------------------------------------------------------------------------

    @_sqlite_errors
    def store(self, result: DocResult) -> None:
        """Keep a freshly extracted result (results with errors or without a key are skipped)."""
        if result.error or not result.key or result.cached:
            return
        columns = list(result.rows[0]) if result.rows else list(COLUMNS)
        values = [[row[c] for c in columns] for row in result.rows]
        self._queue(
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

    def _queue(self, statement: str, parameters: tuple[str, ...]) -> None:
        """A write for the next batch; a full batch is committed at once."""
        if self._failure is not None:
            raise self._failure
        with self._pending_lock:
            self._pending.append((statement, parameters))
            full = len(self._pending) >= COMMIT_EVERY
        if full:
            self.commit()

    def _commit_regularly(self) -> None:
        """The background thread: commit what waits every COMMIT_SECONDS until the run closes."""
        while not self._closing.wait(COMMIT_SECONDS):
            try:
                self.commit()
            except CacheError as error:
                self._failure = error
                return

    @_sqlite_errors
    def commit(self) -> None:
        """Write every queued statement in one transaction (waiting for a concurrent run's)."""
        with self._db_lock:
            with self._pending_lock:
                batch, self._pending = self._pending, []
            if not batch:
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement, parameters in batch:
                    self.db.execute(statement, parameters)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @_sqlite_errors
    def close(self, complete: bool) -> None:
        """Commit; after a complete run, prune the entries this run did not use."""
        try:
            self._closing.set()
            self._committer.join()
            if self._failure is not None:
                raise self._failure
            self.commit()
            if complete:
                with self._db_lock:
                    self.db.execute("DELETE FROM entries WHERE run != ?", (self.run,))
        finally:
            self.db.close()
