"""Analysts' hand corrections, kept in `corrections.csv` and applied on every extraction run.

The file sits next to the events table (`<output dir>/corrections.csv`, or `--corrections PATH`).
It is a plain CSV, one change per line, easy to edit in a spreadsheet (`,` or `;` separated,
UTF-8 with or without BOM, CRLF or LF; blank lines and lines whose first cell starts with `#`
are ignored). Header (column order is free; `event_id` and `action` are required, the rest may
be missing or empty; extra columns are kept untouched):

    event_id,doc,action,field,value,evidence,sentence,author,timestamp

- `event_id` the event to correct (as in events.csv).
- `doc`      optional: only the row of this document (an event told by several documents has
             one row per document); empty = every row of the event.
- `action`   one of
    `set`    change `field` to `value`. Fields: date, date_end, precision, summary, label,
             category, actors (`;`-separated). Dates are ISO (2018, 2018-04, 2018-04-27) and
             must fit the row's precision (day, month, year, season, decade, approx); the
             fields of one row are checked together, so `precision=month` and `date=2018-04`
             on two lines is fine. An empty value clears the field (e.g. date_end). Several
             `set` lines for the same event and field: the last line wins.
    `reject` drop the row(s) from the table (`value` may hold a reason).
    `merge`  the rows of event `value` join event `event_id` (they take its id). One row per
             event and document: where both events have a row in the same document, the
             row of `event_id` stays and the other is dropped.
    `add`    an event typed by hand: one line per field (`field`/`value`) with the same event_id
             (choose any unused id, e.g. `hand-0001`) and the same `doc`. Needs date, precision
             and summary, and a source: `doc`, or field `source` or `url`. Other fields: date_end,
             category (default `other`), actors, title, source, url, published, evidence, sentence.
             Lines with the same event_id but another `doc` add a second source of the event.
- `evidence`, `sentence` optional anchor: the row's evidence and sentence when the correction
             was made. When the event_id is no longer found (text was inserted before the event in
             its document, or the event became or stopped being shared by several documents), the
             row is re-found by this anchor. The app fills them in; on hand-written lines
             the extractor fills them in on the first run that finds the event.
- `author`, `timestamp` who and when (written by the app; free text for hand edits).

Every output row gets `status`: extracted, corrected or added (rejected rows are removed).
A correction whose event is not in the new extraction is reported (file, line, event_id) and
stays in the file; a malformed line is reported (file, line, column) and the others are applied.

`record_correction` is the writer used by the app: under an exclusive lock (fcntl.flock on
`.corrections.csv.lock`) it re-reads the file, replaces the line with the same (event_id, doc,
action, field) or appends one, and writes a temp file renamed into place, so two browser tabs
saving at once never lose an update (per field, the last write wins; both are saved).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.table.atomic import write_atomically
from extract.table.schema import (
    COLUMNS,
    DAY_RE,
    MONTH_RE,
    PRECISIONS,
    YEAR_RE,
    RowProblem,
    _valid_iso,
    date_problem,
    sort_events,
)
from extract.table.textfile import decode_utf8, sniff_delimiter
from extract.table.vocabulary import CATEGORIES

try:  # POSIX; on other systems writes are still atomic, only not serialised
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

CORRECTIONS_FILE = "corrections.csv"
CORRECTION_COLUMNS: list[str] = [
    "event_id",
    "doc",
    "action",
    "field",
    "value",
    "evidence",
    "sentence",
    "author",
    "timestamp",
]
ACTIONS: tuple[str, ...] = ("set", "reject", "merge", "add")
SET_FIELDS: tuple[str, ...] = (
    "date",
    "date_end",
    "precision",
    "summary",
    "label",
    "category",
    "actors",
)
ADD_FIELDS: tuple[str, ...] = (
    *SET_FIELDS,
    "evidence",
    "sentence",
    "title",
    "source",
    "url",
    "published",
)
DATING = ("date", "date_end", "precision")
STATUS_EXTRACTED, STATUS_CORRECTED, STATUS_ADDED = "extracted", "corrected", "added"


class CorrectionsFileError(Exception):
    """The corrections file as a whole cannot be used (unreadable, not UTF-8, bad header)."""


@dataclass(frozen=True)
class Correction:
    line: int
    event_id: str
    doc: str
    action: str
    field: str
    value: str
    evidence: str = ""
    sentence: str = ""


@dataclass
class CorrectionReport:
    """What applying a corrections file did, for the CLI summary and stderr."""

    path: str = ""
    applied: int = 0  # correction lines that took effect
    refound: list[RowProblem] = field(default_factory=list)  # applied through the anchor
    orphaned: list[RowProblem] = field(default_factory=list)  # event not found: not applied
    problems: list[RowProblem] = field(default_factory=list)  # malformed or invalid: not applied
    # line -> (evidence, sentence) of lines found by event_id that had no anchor yet
    anchors: dict[int, tuple[str, str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """One stderr line per thing the analyst should know about."""
        return (
            [f"warning: {p}" for p in self.problems]
            + [f"warning: {p}" for p in self.orphaned]
            + [f"note: {p}" for p in self.refound]
        )

    def summary(self) -> str:
        text = f"{self.applied} corrections applied"
        if self.orphaned:
            text += f", {len(self.orphaned)} orphaned"
        if self.problems:
            text += f", {len(self.problems)} invalid"
        return text


# ---------------------------------------------------------------- reading


def _read_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], str]:
    """(header, [(line number, cells)], delimiter) of a CSV file; blank lines dropped."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorrectionsFileError(f"{name}: cannot read ({error.strerror})") from None
    text = decode_utf8(raw, name, CorrectionsFileError, hint="; save it as 'CSV UTF-8'")
    if "\x00" in text:
        raise CorrectionsFileError(f"{name}: binary file (NUL bytes), not a CSV table")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] = []
    previous = 0
    try:
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if not header:
                header = [c.strip().lower() for c in cells]
                continue
            rows.append((start, cells))
    except csv.Error as error:
        raise CorrectionsFileError(f"{name}:{reader.line_num}: not a valid CSV ({error})") from None
    return header, rows, delimiter


def read_corrections(path: str | os.PathLike[str]) -> tuple[list[Correction], list[RowProblem]]:
    """The well-formed correction lines and a problem for each malformed one.

    A missing file is no corrections. Raises CorrectionsFileError when the file cannot be used.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        return [], []
    if path.is_dir():
        raise CorrectionsFileError(f"{name}: is a folder, expected a corrections CSV")
    header, rows, _ = _read_table(path)
    if not header:
        return [], []
    missing = [c for c in ("event_id", "action") if c not in header]
    if missing:
        raise CorrectionsFileError(
            f"{name}:1: missing column(s) {', '.join(missing)}; "
            f"the header must name: {','.join(CORRECTION_COLUMNS)}"
        )
    index = {column: header.index(column) for column in CORRECTION_COLUMNS if column in header}
    corrections: list[Correction] = []
    problems: list[RowProblem] = []
    for line, cells in rows:
        if cells[0].lstrip().startswith("#"):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            problems.append(
                RowProblem(
                    name,
                    line,
                    header[-1],
                    (
                        f"{len(cells)} cells but the header has {len(header)} (an unquoted "
                        f"separator in a value?); line skipped"
                    ),
                )
            )
            continue
        values = {c: (cells[i].strip() if i < len(cells) else "") for c, i in index.items()}
        correction = Correction(
            line=line,
            event_id=values.get("event_id", ""),
            doc=values.get("doc", ""),
            action=values.get("action", "").lower(),
            field=values.get("field", "").lower(),
            value=values.get("value", ""),
            evidence=values.get("evidence", ""),
            sentence=values.get("sentence", ""),
        )
        problem = _line_problem(correction)
        if problem:
            problems.append(RowProblem(name, line, problem[0], problem[1] + "; line skipped"))
        else:
            corrections.append(correction)
    return corrections, problems


def _date_shape_ok(value: str) -> bool:
    return any(r.match(value) for r in (DAY_RE, MONTH_RE, YEAR_RE)) and _valid_iso(value)


def _line_problem(c: Correction) -> tuple[str, str] | None:
    """(column, message) for what is wrong with one correction line on its own, or None."""
    if not c.event_id:
        return "event_id", "is empty"
    if c.action not in ACTIONS:
        return "action", f"unknown action {c.action!r} (expected one of {', '.join(ACTIONS)})"
    if c.action == "merge":
        if not c.value:
            return "value", "a merge needs the event_id to merge into this one"
        if c.value == c.event_id:
            return "value", "an event cannot be merged with itself"
        return None
    if c.action == "reject":
        return None
    allowed = SET_FIELDS if c.action == "set" else ADD_FIELDS
    if c.field not in allowed:
        return "field", (
            f"{c.field!r} cannot be used with {c.action} (expected one of {', '.join(allowed)})"
        )
    if c.field == "precision" and c.value not in PRECISIONS:
        return "value", f"unknown precision {c.value!r} (expected one of {', '.join(PRECISIONS)})"
    if c.field == "category" and c.value not in CATEGORIES:
        return "value", f"unknown category {c.value!r} (expected one of {', '.join(CATEGORIES)})"
    dated = c.field in ("date", "date_end") and (c.value or c.field == "date")
    if dated and not _date_shape_ok(c.value):
        return "value", f"{c.value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if c.field == "summary" and not c.value:
        return "value", "a summary cannot be empty"
    return None


# ---------------------------------------------------------------- applying


def apply_corrections(
    events: pd.DataFrame, corrections_path: str | os.PathLike[str] | None
) -> tuple[pd.DataFrame, CorrectionReport]:
    """The events table with the corrections applied and a `status` column, and a report.

    `corrections_path` None (or a missing file) means no corrections: every row is 'extracted'.
    Raises CorrectionsFileError when the file as a whole is unusable.
    """
    frame = events.copy()
    for column in COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame.fillna("").astype(str).reset_index(drop=True)
    frame["status"] = STATUS_EXTRACTED
    report = CorrectionReport(path=str(corrections_path or ""))
    if corrections_path is None:
        return frame, report
    name = str(corrections_path)
    corrections, report.problems = read_corrections(corrections_path)
    by_action = {a: [c for c in corrections if c.action == a] for a in ACTIONS}

    frame = _apply_adds(frame, by_action["add"], name, report)

    def resolve(c: Correction, event_id: str | None = None) -> str | None:
        """The current event_id the correction refers to, or None (reported as orphaned)."""
        wanted = event_id or c.event_id
        found = frame["event_id"] == wanted
        if c.doc:
            found &= frame["doc"] == c.doc
        if found.any():
            first = frame.index[found][0]
            if event_id is None and (c.evidence, c.sentence) == ("", ""):
                report.anchors[c.line] = (frame.at[first, "evidence"], frame.at[first, "sentence"])
            return wanted
        if event_id is None and (c.evidence or c.sentence):
            match = pd.Series(True, index=frame.index)
            if c.evidence:
                match &= frame["evidence"] == c.evidence
            if c.sentence:
                match &= frame["sentence"] == c.sentence
            if c.doc:
                match &= frame["doc"] == c.doc
            ids = frame.loc[match, "event_id"].unique()
            if len(ids) == 1:
                report.refound.append(
                    RowProblem(
                        name,
                        c.line,
                        "event_id",
                        (
                            f"event {c.event_id} is now {ids[0]} (re-found by its evidence and "
                            "sentence); applied"
                        ),
                    )
                )
                return str(ids[0])
        doc = f" in {c.doc}" if c.doc else ""
        column = "event_id" if event_id is None else "value"
        report.orphaned.append(
            RowProblem(
                name,
                c.line,
                column,
                (
                    f"event {wanted}{doc} is not in this extraction (its text changed or "
                    "its document is gone); not applied, kept in the file"
                ),
            )
        )
        return None

    def rows_of(event_id: str, doc: str) -> pd.Series:
        mask = frame["event_id"] == event_id
        return mask & (frame["doc"] == doc) if doc else mask

    def mark(mask: pd.Series) -> None:
        frame.loc[mask & (frame["status"] != STATUS_ADDED), "status"] = STATUS_CORRECTED

    for c in by_action["merge"]:
        keep = resolve(c)
        other = resolve(c, event_id=c.value) if keep else None
        if keep and other:
            kept_docs = set(frame.loc[frame["event_id"] == keep, "doc"])
            mask = rows_of(other, c.doc)
            frame.loc[mask, "event_id"] = keep
            mark(mask)
            # one row per event and document: a merged row of a document the kept event
            # already has is dropped (the kept row stays)
            frame = frame[~(mask & frame["doc"].isin(kept_docs))].reset_index(drop=True)
            report.applied += 1

    targets: dict[tuple[str, str], list[Correction]] = {}
    for c in by_action["set"]:
        target = resolve(c)
        if target:
            targets.setdefault((target, c.doc), []).append(c)
    for (target, doc), changes in targets.items():
        mask = rows_of(target, doc)
        before = frame.loc[mask, list(DATING)].copy()
        for c in changes:
            frame.loc[mask, c.field] = c.value
        bad = [
            (index, problem)
            for index, (date, date_end, precision) in frame.loc[mask, list(DATING)].iterrows()
            if (problem := date_problem(date, date_end, precision))
        ]
        dating = [c for c in changes if c.field in DATING]
        if bad:
            frame.loc[mask, list(DATING)] = before
            report.problems.append(
                RowProblem(
                    name,
                    dating[-1].line,
                    bad[0][1][0],
                    (
                        f"event {target}: after the corrections on line(s) "
                        f"{', '.join(str(c.line) for c in dating)}, {bad[0][1][1]}; "
                        "its date, date_end and precision were left as extracted"
                    ),
                )
            )
            changes = [c for c in changes if c.field not in DATING]
        if changes:
            mark(mask)
        report.applied += len(changes)

    for c in by_action["reject"]:
        target = resolve(c)
        if target:
            frame = frame[~rows_of(target, c.doc)].reset_index(drop=True)
            report.applied += 1
    report.problems.sort(key=lambda p: p.line)
    return sort_events(frame), report


def _apply_adds(
    frame: pd.DataFrame, adds: list[Correction], name: str, report: CorrectionReport
) -> pd.DataFrame:
    groups: dict[tuple[str, str], list[Correction]] = {}
    for c in adds:
        groups.setdefault((c.event_id, c.doc), []).append(c)
    existing = set(zip(frame["event_id"], frame["doc"], strict=True))
    new_rows = []
    for (event_id, doc), lines in groups.items():
        row = {column: "" for column in frame.columns}
        row.update(event_id=event_id, doc=doc, status=STATUS_ADDED, category="other")
        for c in lines:
            row[c.field] = c.value
        first = lines[0].line

        def problem(column: str, message: str, line: int = first, eid: str = event_id) -> None:
            report.problems.append(
                RowProblem(name, line, column, (f"added event {eid}: {message}; not added"))
            )

        if (event_id, doc) in existing:
            problem(
                "event_id",
                "this event_id and doc are already in the extraction "
                "(use set to change it, or choose another id)",
            )
        elif not row["summary"]:
            problem("field", "needs a line with field 'summary'")
        elif not (doc or row["source"] or row["url"]):
            problem("doc", "needs a source: a doc, or a line with field 'source' or 'url'")
        elif dating := date_problem(row["date"], row["date_end"], row["precision"]):
            problem(dating[0], dating[1])
        else:
            new_rows.append(row)
            report.applied += len(lines)
    if not new_rows:
        return frame
    return pd.concat([frame, pd.DataFrame(new_rows, columns=frame.columns)], ignore_index=True)


# ---------------------------------------------------------------- writing


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock for read-modify-write of `path` (a hidden `.NAME.lock` beside it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.parent / f".{path.name}.lock"
    with open(lock_path, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _rewrite(path: Path, edit) -> None:  # edit(header, rows) mutates rows of dicts in place
    """Under the lock: read the file (all cells kept), let `edit` change it, write it atomically."""
    with locked(path):
        if path.exists():
            header, rows, delimiter = _read_table(path)
        else:
            header, rows, delimiter = [], [], ","
        if not header:
            header = list(CORRECTION_COLUMNS)
        header += [c for c in CORRECTION_COLUMNS if c not in header]
        records = [
            {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}
            for _, cells in rows
        ]
        overflow = [cells[len(header) :] for _, cells in rows]  # kept as they were
        if edit(records) is False:
            return
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        extra = dict(zip(map(id, records), overflow, strict=False))
        for record in records:
            writer.writerow([record.get(h, "") for h in header] + extra.get(id(record), []))
        write_atomically(path, lambda stream: stream.write(out.getvalue().encode("utf-8")))


def record_correction(
    path: str | os.PathLike[str],
    event_id: str,
    changes: Mapping[str, str],
    doc: str | None = None,
    action: str = "set",
    *,
    author: str = "",
    anchor: Mapping[str, str] | None = None,
) -> None:
    """Save one correction to the corrections file at once (locked, atomic; see the docstring).

    - action 'set': `changes` maps fields (date, date_end, precision, summary, category, actors)
      to new values; each replaces the earlier line for the same event, doc and field.
    - action 'reject': `changes` may hold {'reason': ...}. 'restore' removes a reject.
    - action 'merge': `changes` is {'other': EVENT_ID_TO_MERGE_INTO_THIS_ONE}.
    - action 'add': `changes` holds the new event's fields (see ADD_FIELDS); `doc` its document.
    `anchor` (optional): the row as shown, its 'evidence' and 'sentence' are stored so the
    correction can re-find the row if its event_id moves. Raises ValueError for a bad change.
    """
    path = Path(path)
    doc = doc or ""
    anchor = anchor or {}
    evidence = str(anchor.get("evidence", "") or "")
    sentence = str(anchor.get("sentence", "") or "")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    lines: list[Correction] = []
    if action == "reject":
        lines.append(Correction(0, event_id, doc, "reject", "", str(changes.get("reason", ""))))
    elif action == "merge":
        lines.append(Correction(0, event_id, doc, "merge", "", str(changes.get("other", ""))))
    elif action in ("set", "add"):
        lines = [Correction(0, event_id, doc, action, str(f), str(v)) for f, v in changes.items()]
    elif action != "restore":
        raise ValueError(f"unknown action {action!r} (expected set, reject, merge, add, restore)")
    for c in lines:
        problem = _line_problem(c)
        if problem:
            raise ValueError(f"{problem[0]}: {problem[1]}")

    def key(record: Mapping[str, str]) -> tuple[str, ...]:
        action_ = record.get("action", "").strip().lower()
        return (
            record.get("event_id", "").strip(),
            record.get("doc", "").strip(),
            action_,
            record.get("field", "").strip().lower(),
            record.get("value", "").strip() if action_ == "merge" else "",
        )

    def edit(records: list[dict[str, str]]) -> None:
        if action == "restore":
            records[:] = [r for r in records if key(r)[:3] != (event_id, doc, "reject")]
            return
        for c in lines:
            new = {
                "event_id": c.event_id,
                "doc": c.doc,
                "action": c.action,
                "field": c.field,
                "value": c.value,
                "evidence": evidence,
                "sentence": sentence,
                "author": author,
                "timestamp": now,
            }
            wanted = key(new)
            for record in records:
                if key(record) == wanted:
                    if not evidence and not sentence:  # keep an anchor pinned earlier
                        new["evidence"] = record.get("evidence", "")
                        new["sentence"] = record.get("sentence", "")
                    record.update(new)
                    break
            else:
                records.append(new)

    _rewrite(path, edit)


def pin_anchors(path: str | os.PathLike[str], report: CorrectionReport) -> int:
    """Fill in the evidence/sentence anchor of hand-written lines that were found by event_id,
    so they survive a later move of their event_id. Returns the number of lines pinned."""
    path = Path(path)
    if not report.anchors or not path.exists():
        return 0
    wanted = {}
    corrections, _ = read_corrections(path)
    for c in corrections:
        if c.line in report.anchors:
            wanted[(c.event_id, c.doc, c.action, c.field, c.value)] = report.anchors[c.line]
    pinned = 0

    def edit(records: list[dict[str, str]]) -> bool:
        nonlocal pinned
        for record in records:
            k = tuple(
                record.get(c, "").strip() for c in ("event_id", "doc", "action", "field", "value")
            )
            k = (k[0], k[1], k[2].lower(), k[3].lower(), k[4])
            anchor = wanted.get(k)
            if (
                anchor
                and not record.get("evidence", "").strip()
                and not record.get("sentence", "").strip()
            ):
                record["evidence"], record["sentence"] = anchor
                pinned += 1
        return pinned > 0

    _rewrite(path, edit)
    return pinned


def apply_for_cli(
    table: pd.DataFrame, output: Path, corrections: Path | None, disabled: bool
) -> tuple[pd.DataFrame, CorrectionReport]:
    """What `python -m extract` does after build_table: apply `corrections` (default: beside the
    output), print the report lines to stderr, pin anchors of hand-written lines."""
    import sys

    path = None if disabled else (corrections or output.parent / CORRECTIONS_FILE)
    if corrections is not None and not disabled and not corrections.exists():
        print(f"warning: {corrections}: corrections file not found; none applied", file=sys.stderr)
    table, report = apply_corrections(table, path)
    for line in report.lines():
        print(line, file=sys.stderr)
    if path is not None:
        try:
            pin_anchors(path, report)
        except (OSError, CorrectionsFileError) as error:  # the table is still right
            print(f"warning: {path}: could not store anchors ({error})", file=sys.stderr)
    return table, report
