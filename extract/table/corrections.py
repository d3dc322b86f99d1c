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
from typing import TYPE_CHECKING

from extract.table import values as cells
from extract.table.atomic import write_atomically
from extract.table.schema import COLUMNS, RowProblem, date_problem, sort_events
from extract.table.textfile import decode_utf8, sniff_delimiter

try:  # POSIX; on other systems writes are still atomic, only not serialised
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:  # imported where a table is corrected: a run without corrections needs none
    import pandas as pd

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


@dataclass
class _Table:
    """A corrections file as read: its header (normalised and as spelled), data lines, and the
    form it was saved in (separator, BOM, line ends), kept when the file is rewritten."""

    header: list[str]
    spelled: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str = ","
    bom: bool = False
    newline: str = "\n"


def _read_table(path: Path) -> _Table:
    """The CSV file's header and (line number, cells) rows; blank lines dropped."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CorrectionsFileError(f"{name}: cannot read ({error.strerror})") from None
    text = decode_utf8(raw, name, CorrectionsFileError, hint="; save it as 'CSV UTF-8'")
    return _parse_table(text, name, bom=raw.startswith(b"\xef\xbb\xbf"))


def _parse_table(text: str, name: str, bom: bool = False) -> _Table:
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CorrectionsFileError(f"{name}:{line}: binary file (NUL bytes), not a CSV table")
    delimiter = sniff_delimiter(text)
    first_end = text.find("\n")
    newline = "\r\n" if first_end > 0 and text[first_end - 1] == "\r" else "\n"
    if first_end < 0 and "\r" in text:  # old Mac line ends
        newline = "\r"
    table = _Table([], [], [], delimiter, bom, newline)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    try:
        for row in reader:
            start, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in row):
                continue
            if not table.header:
                table.spelled = list(row)
                table.header = [c.strip().lower() for c in row]
                continue
            table.rows.append((start, row))
    except csv.Error as error:
        raise CorrectionsFileError(f"{name}:{reader.line_num}: not a valid CSV ({error})") from None
    return table


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
    table = _read_table(path)
    header, rows = table.header, table.rows
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
    for line, row in rows:
        if row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header) :]):
            problems.append(
                RowProblem(
                    name,
                    line,
                    header[-1],
                    (
                        f"{len(row)} cells but the header has {len(header)} (an unquoted "
                        f"separator in a value?); line skipped"
                    ),
                )
            )
            continue
        values = {c: _cell(row, i) for c, i in index.items()}
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


def _cell(row: list[str], index: int) -> str:
    """A cell's value: stripped, a spreadsheet's formula guard (') taken off."""
    return cells.unneutralise_cell(row[index].strip()) if index < len(row) else ""


def _line_problem(c: Correction) -> tuple[str, str] | None:
    """(column, message) for what is wrong with one correction line on its own, or None.
    What a value may hold is decided in extract/table/values.py."""
    problem = cells.event_id_problem(c.event_id)
    if problem:
        return "event_id", problem
    if c.action not in ACTIONS:
        return "action", f"unknown action {c.action!r} (expected one of {', '.join(ACTIONS)})"
    if c.action == "merge":
        if not c.value:
            return "value", "a merge needs the event_id to merge into this one"
        if c.value == c.event_id:
            return "value", "an event cannot be merged with itself"
        problem = cells.event_id_problem(c.value)
        return ("value", problem) if problem else None
    for column, value in (("evidence", c.evidence), ("sentence", c.sentence)):
        if cells.has_control(value) or len(value) > cells.MAX_CELL_CHARS:
            return column, "holds control characters or is too long for an anchor"
    if c.action == "reject":
        problem = cells.text_problem(c.value)
        return ("value", problem) if problem else None
    allowed = SET_FIELDS if c.action == "set" else ADD_FIELDS
    if c.field not in allowed:
        return "field", (
            f"{c.field!r} cannot be used with {c.action} (expected one of {', '.join(allowed)})"
        )
    problem = cells.field_problem(c.field, c.value)
    return ("value", problem) if problem else None


# ---------------------------------------------------------------- applying


def apply_corrections(
    events: pd.DataFrame,
    corrections_path: str | os.PathLike[str] | None,
    lines: tuple[list[Correction], list[RowProblem]] | None = None,
) -> tuple[pd.DataFrame, CorrectionReport]:
    """The events table with the corrections applied and a `status` column, and a report.

    `corrections_path` None (or a missing file) means no corrections: every row is 'extracted'.
    Raises CorrectionsFileError when the file as a whole is unusable. `lines`: the file as
    already read by `read_corrections` (a caller that needed it first need not read it twice).

    Time is proportional to lines + rows: the rows are indexed once by event_id and by anchor,
    and the columns are edited as lists, whatever the number of lines.
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
    corrections, problems = lines if lines is not None else read_corrections(corrections_path)
    report.problems = list(problems)
    by_action = {a: [c for c in corrections if c.action == a] for a in ACTIONS}
    frame = _apply_adds(frame, by_action["add"], name, report)
    rows = _Rows(frame)

    def resolve(c: Correction, event_id: str | None = None) -> str | None:
        """The current event_id the correction refers to, or None (reported as orphaned)."""
        wanted = event_id or c.event_id
        found = rows.of(wanted, c.doc)
        if found:
            if event_id is None and (c.evidence, c.sentence) == ("", ""):
                first = found[0]
                report.anchors[c.line] = (
                    cells.anchor_text(rows.column("evidence")[first]),
                    cells.anchor_text(rows.column("sentence")[first]),
                )
            return wanted
        if event_id is None and (c.evidence or c.sentence):
            ids = rows.anchored(c.evidence, c.sentence, c.doc)
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
                return ids[0]
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

    for c in by_action["merge"]:
        keep = resolve(c)
        other = resolve(c, event_id=c.value) if keep else None
        if keep and other:
            rows.merge(keep, other, c.doc)
            report.applied += 1

    targets: dict[tuple[str, str], list[Correction]] = {}
    for c in by_action["set"]:
        target = resolve(c)
        if target:
            targets.setdefault((target, c.doc), []).append(c)
    dating_columns = [rows.column(column) for column in DATING]
    for (target, doc), changes in targets.items():
        found = rows.of(target, doc)
        before = [[column[i] for i in found] for column in dating_columns]
        for c in changes:
            column = rows.column(c.field)
            for i in found:
                column[i] = c.value
        bad = next(
            (
                problem
                for i in found
                if (problem := date_problem(*(column[i] for column in dating_columns)))
            ),
            None,
        )
        dating = [c for c in changes if c.field in DATING]
        if bad:
            for column, old in zip(dating_columns, before, strict=True):
                for i, value in zip(found, old, strict=True):
                    column[i] = value
            report.problems.append(
                RowProblem(
                    name,
                    dating[-1].line,
                    bad[0],
                    (
                        f"event {target}: after the corrections on line(s) "
                        f"{', '.join(str(c.line) for c in dating)}, {bad[1]}; "
                        "its date, date_end and precision were left as extracted"
                    ),
                )
            )
            changes = [c for c in changes if c.field not in DATING]
        if changes:
            rows.mark(found)
        report.applied += len(changes)

    for c in by_action["reject"]:
        target = resolve(c)
        if target:
            rows.drop(rows.of(target, c.doc))
            report.applied += 1
    report.problems.sort(key=lambda p: p.line)
    return sort_events(rows.frame()), report


class _Rows:
    """The table being corrected, as one list per column, indexed by event_id (and, when a
    correction needs it, by its anchor), with the rows dropped so far."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.columns = list(frame.columns)
        self.data = {column: frame[column].tolist() for column in self.columns}
        self.alive = [True] * len(frame)
        self.by_id: dict[str, list[int]] = {}
        for i, event_id in enumerate(self.data["event_id"]):
            self.by_id.setdefault(event_id, []).append(i)
        self._by_anchor: dict[str, dict[str, list[int]]] = {}

    def column(self, name: str) -> list[str]:
        return self.data[name]

    def of(self, event_id: str, doc: str = "") -> list[int]:
        """The live rows of an event (only its row of `doc`, if given)."""
        docs = self.data["doc"]
        return [
            i for i in self.by_id.get(event_id, ()) if self.alive[i] and (not doc or docs[i] == doc)
        ]

    def _anchor_index(self, column: str) -> dict[str, list[int]]:
        if column not in self._by_anchor:
            index: dict[str, list[int]] = {}
            for i, text in enumerate(self.data[column]):
                index.setdefault(cells.anchor_text(text), []).append(i)
            self._by_anchor[column] = index
        return self._by_anchor[column]

    def anchored(self, evidence: str, sentence: str, doc: str) -> list[str]:
        """The distinct event_ids of the live rows with this anchor (and doc, if given)."""
        column, text = ("evidence", evidence) if evidence else ("sentence", sentence)
        ids: list[str] = []
        for i in self._anchor_index(column).get(text, ()):
            if not self.alive[i] or (doc and self.data["doc"][i] != doc):
                continue
            if evidence and sentence and cells.anchor_text(self.data["sentence"][i]) != sentence:
                continue
            if self.data["event_id"][i] not in ids:
                ids.append(self.data["event_id"][i])
        return ids

    def mark(self, found: list[int]) -> None:
        status = self.data["status"]
        for i in found:
            if status[i] != STATUS_ADDED:
                status[i] = STATUS_CORRECTED

    def merge(self, keep: str, other: str, doc: str) -> None:
        """The rows of `other` (of `doc`) take the id `keep`; where `keep` already has a row
        of the same document, the merged row is dropped (one row per event and document)."""
        kept_docs = {self.data["doc"][i] for i in self.of(keep)}
        moved = self.of(other, doc)
        self.mark(moved)
        ids, docs = self.data["event_id"], self.data["doc"]
        for i in moved:
            ids[i] = keep
            self.by_id[other].remove(i)
            self.by_id.setdefault(keep, []).append(i)
        self.drop([i for i in moved if docs[i] in kept_docs])

    def drop(self, found: list[int]) -> None:
        for i in found:
            self.alive[i] = False

    def frame(self) -> pd.DataFrame:
        import pandas as pd

        keep = [i for i, alive in enumerate(self.alive) if alive]
        return pd.DataFrame(
            {column: [values[i] for i in keep] for column, values in self.data.items()},
            columns=self.columns,
        )


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
    import pandas as pd

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


def _rewrite(path: Path, edit) -> None:  # edit(records) mutates the list of row dicts in place
    """Under the lock: read the file (all cells kept), let `edit` change it, write it atomically
    in the form the user saved it in (separator, BOM, line ends, header spelling). New cells are
    cleaned and neutralised (values.clean_cell, values.neutralise_cell) by the callers."""
    with locked(path):
        table = _read_table(path) if path.exists() else _Table([], [], [])
        header, spelled = table.header, table.spelled
        if not header:
            header, spelled = list(CORRECTION_COLUMNS), list(CORRECTION_COLUMNS)
        missing = [c for c in CORRECTION_COLUMNS if c not in header]
        header, spelled = header + missing, spelled + missing
        records = [
            {h: (row[i] if i < len(row) else "") for i, h in enumerate(header)}
            for _, row in table.rows
        ]
        overflow = [row[len(header) :] for _, row in table.rows]  # kept as they were
        if edit(records) is False:
            return
        out = io.StringIO()
        writer = csv.writer(out, delimiter=table.delimiter, lineterminator=table.newline)
        writer.writerow(spelled)
        extra = dict(zip(map(id, records), overflow, strict=False))
        for record in records:
            writer.writerow([record.get(h, "") for h in header] + extra.get(id(record), []))
        text = out.getvalue()
        try:  # never write a file its own reader rejects
            _parse_table(text, str(path))
        except CorrectionsFileError as error:
            raise ValueError(f"not saved, the file would not be readable: {error}") from None
        data = ("\ufeff" if table.bom else "") + text
        write_atomically(path, lambda stream: stream.write(data.encode("utf-8")))


def _stored(value: object) -> str:
    """A value as written to the file: no control characters, formulas neutralised."""
    return cells.neutralise_cell(cells.clean_cell(value))


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
    evidence = cells.anchor_text(anchor.get("evidence", ""))
    sentence = cells.anchor_text(anchor.get("sentence", ""))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    lines: list[Correction] = []
    if action == "reject":
        reason = str(changes.get("reason", "") or "").strip()
        lines.append(Correction(0, event_id, doc, "reject", "", reason))
    elif action == "merge":
        other = str(changes.get("other", "") or "").strip()
        lines.append(Correction(0, event_id, doc, "merge", "", other))
    elif action in ("set", "add"):
        lines = [
            Correction(0, event_id, doc, action, str(f), str(v or "").strip())
            for f, v in changes.items()
        ]
    elif action != "restore":
        raise ValueError(f"unknown action {action!r} (expected set, reject, merge, add, restore)")
    for c in lines:
        problem = _line_problem(c)
        if problem:
            raise ValueError(f"{problem[0]}: {problem[1]}")

    def key(record: Mapping[str, str]) -> tuple[str, ...]:
        action_ = _plain(record, "action").lower()
        return (
            _plain(record, "event_id"),
            _plain(record, "doc"),
            action_,
            _plain(record, "field").lower(),
            _plain(record, "value") if action_ == "merge" else "",
        )

    def edit(records: list[dict[str, str]]) -> None:
        if action == "restore":
            records[:] = [r for r in records if key(r)[:3] != (event_id, doc, "reject")]
            return
        for c in lines:
            new = {
                "event_id": c.event_id,
                "doc": _stored(c.doc),
                "action": c.action,
                "field": c.field,
                "value": _stored(c.value),
                "evidence": _stored(evidence),
                "sentence": _stored(sentence),
                "author": _stored(author),
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


def _plain(record: Mapping[str, str], column: str) -> str:
    """A cell of a stored line as the reader sees it (stripped, formula guard taken off)."""
    return cells.unneutralise_cell(str(record.get(column, "") or "").strip())


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
            k = tuple(_plain(record, c) for c in ("event_id", "doc", "action", "field", "value"))
            k = (k[0], k[1], k[2].lower(), k[3].lower(), k[4])
            anchor = wanted.get(k)
            if anchor and not _plain(record, "evidence") and not _plain(record, "sentence"):
                record["evidence"], record["sentence"] = _stored(anchor[0]), _stored(anchor[1])
                pinned += 1
        return pinned > 0

    _rewrite(path, edit)
    return pinned


CORRECTED_COLUMNS = [*COLUMNS, "status"]  # the columns of a table the corrections went over


def apply_for_cli(
    rows: list[dict[str, str]], output: Path, corrections: Path | None, disabled: bool
) -> tuple[list[dict[str, str]], CorrectionReport]:
    """What `python -m extract` does after tabulating: apply `corrections` (default: beside the
    output) to the rows, print the report lines to stderr, pin anchors of hand-written lines.
    The rows come back with CORRECTED_COLUMNS; without a corrections file, as they were with
    the status `extracted` (and pandas is not imported)."""
    import sys

    path = None if disabled else (corrections or output.parent / CORRECTIONS_FILE)
    if corrections is not None and not disabled and not corrections.exists():
        print(f"warning: {corrections}: corrections file not found; none applied", file=sys.stderr)
    if path is None or not path.exists():
        report = CorrectionReport(path=str(path or ""))
        return [{**row, "status": STATUS_EXTRACTED} for row in rows], report
    import pandas as pd

    table, report = apply_corrections(pd.DataFrame(rows, columns=COLUMNS, dtype=str), path)
    for line in report.lines():
        print(line, file=sys.stderr)
    try:
        pin_anchors(path, report)
    except (OSError, CorrectionsFileError) as error:  # the table is still right
        print(f"warning: {path}: could not store anchors ({error})", file=sys.stderr)
    return table.to_dict("records"), report
