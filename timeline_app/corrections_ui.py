"""Corrections from the detail panel, over extract.table.corrections.

The app keeps the rows as read from the events file (`raw_rows`) and shows them with the
corrections file applied. Saving an edit records the fields the user changed since the form
was loaded (not the whole form: a stale tab never re-saves fields its user did not touch) with
`record_correction` (locked, atomic, checked by the reader before it replaces the file; last
write wins per field) and re-applies the file, so the change shows at once and survives a
restart. Re-applying is linear in lines + rows (one read of the file); it is kept rather than
applying the new line alone, which would drift from what `extract` does when several lines
touch one event. What the form accepts is what the readers accept (extract/table/values.py).
The corrections path is fixed at startup (never taken from the browser).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.table import corrections as _corrections
from extract.table import values as values_
from extract.table.schema import RowProblem, date_problem
from timeline_app.data import EventData, build_data, load_data

EDIT_FIELDS = ("date", "date_end", "precision", "summary", "category")
DATING = ("date", "date_end", "precision")
LABELS = {
    "date": "Date",
    "date_end": "End date",
    "precision": "Precision",
    "summary": "Summary",
    "category": "Category",
}
SHAPES = {
    "day": "YYYY-MM-DD",
    "month": "YYYY-MM",
    "season": "YYYY-MM, with an end date",
    "year": "YYYY",
    "decade": "YYYY, with an end date",
    "approx": "YYYY, YYYY-MM or YYYY-MM-DD",
}


def default_corrections_path(events_path: str | Path) -> Path:
    return Path(events_path).parent / _corrections.CORRECTIONS_FILE


def apply_file(
    raw_rows: pd.DataFrame, path: Path, name: str, problems: list[RowProblem]
) -> EventData:
    """The data to show: raw rows with the corrections file applied (if any); the file is read
    once. If it cannot be used, the rows are shown as extracted with a note saying why."""
    if not path.exists():
        return build_data(raw_rows, name, problems=problems)
    try:
        lines = _corrections.read_corrections(path)
        base = raw_rows
        if "status" in base.columns:  # rows the extractor already added from this file
            added = {(c.event_id, c.doc) for c in lines[0] if c.action == "add"}
            keys = pd.Series(list(zip(base["event_id"], base["doc"], strict=True)), dtype=object)
            again = (base["status"] == "added").to_numpy() & keys.isin(added).to_numpy()
            base = base[~again]
        rows, report = _corrections.apply_corrections(base, path, lines)
    except _corrections.CorrectionsFileError as error:
        data = build_data(raw_rows, name, problems=problems)
        data.notes.append(f"Corrections not applied: {error}")
        return data
    data = build_data(rows, name, problems=problems)
    data.notes.extend(report.lines())
    return data


@dataclass
class DataHolder:
    """The current data, swapped whole when a correction is saved (readers never lock)."""

    data: EventData
    raw_rows: pd.DataFrame
    corrections_path: Path | None
    version: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stamp: tuple[int, int, int] | None = None  # the corrections file as last applied

    @property
    def editable(self) -> bool:
        return self.corrections_path is not None and self.data.ok

    def refresh(self) -> None:
        """Apply the corrections file again if it changed since it was applied: another worker
        process of the server saved a correction, or someone edited the file. One stat call
        per request."""
        if self.corrections_path is None or _stamp(self.corrections_path) == self.stamp:
            return
        with self.lock:
            stamp = _stamp(self.corrections_path)
            if stamp != self.stamp:
                self._apply(stamp)

    def _apply(self, stamp: tuple[int, int, int] | None) -> None:
        """Under the lock: the raw rows with the corrections file (as of `stamp`) applied."""
        assert self.corrections_path is not None
        self.data = apply_file(
            self.raw_rows, self.corrections_path, self.data.path, self.data.problems
        )
        self.stamp = stamp
        self.version += 1


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells that a file changed: its modification time, size and inode (None: none)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


def load_holder(
    events_path: str | Path,
    corrections_path: str | Path | None = None,
    data: EventData | None = None,
) -> DataHolder:
    if data is not None:  # prepared elsewhere (benchmarks): read-only
        return DataHolder(data=data, raw_rows=data.rows, corrections_path=None)
    raw = load_data(events_path)
    if not raw.ok:
        return DataHolder(data=raw, raw_rows=raw.rows, corrections_path=None)
    path = (
        Path(corrections_path)
        if corrections_path is not None
        else default_corrections_path(events_path)
    )
    stamp = _stamp(path)
    data = apply_file(raw.rows, path, raw.path, raw.problems)
    return DataHolder(data=data, raw_rows=raw.rows, corrections_path=path, stamp=stamp)


def form_changes(
    values: Mapping[str, object], loaded: Mapping[str, object] | None, event: Mapping[str, object]
) -> dict[str, str]:
    """The fields the user changed: the form's values compared with the values the form was
    loaded with (`loaded`; the event's current values when there are none), so a tab opened
    before another tab saved never sends back fields its user did not touch."""
    base = loaded if loaded is not None else event
    changes: dict[str, str] = {}
    for name in EDIT_FIELDS:
        if name not in values:
            continue
        new = _text(values.get(name))
        if new != _text(base.get(name)):
            changes[name] = new
    return changes


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def edit_problem(event: Mapping[str, object], changes: Mapping[str, str]) -> str | None:
    """Why these changes cannot be saved (a message naming the field), or None. The rules are
    the corrections reader's (extract/table/values.py, schema.date_problem), so what the form
    accepts, every reader accepts."""
    for name, value in changes.items():
        problem = values_.field_problem(name, value)
        if problem:
            return f"{LABELS.get(name, name)}: {problem}"
    if any(name in changes for name in DATING):
        row = {name: changes.get(name, _text(event.get(name))) for name in DATING}
        return dating_hint(row["date"], row["date_end"], row["precision"])
    return None


def dating_hint(date: object, date_end: object, precision: object) -> str | None:
    """What is wrong with a date, end date and precision typed in the form, in words."""
    date, date_end, precision = _text(date), _text(date_end), _text(precision)
    for name, value in (("date", date), ("date_end", date_end)):
        if value and (problem := values_.iso_date_problem(value)):
            return f"{LABELS[name]}: {problem}"
    problem = date_problem(date, date_end, precision)
    if problem:
        column, message = problem
        if "at " in message and "precision" in message:
            message += f" ({SHAPES.get(precision, 'YYYY-MM-DD')})"
        return f"{LABELS.get(column, column)}: {message}"
    return None


def save_edit(
    holder: DataHolder,
    event_id: str,
    values: Mapping[str, object],
    reject: bool = False,
    author: str = "app",
    loaded: Mapping[str, object] | None = None,
) -> str:
    """Record the changed fields (or a reject) and reload; returns a message for the user.
    Nothing is written unless every reader of the file would accept it."""
    if not holder.editable or holder.corrections_path is None:
        return "Editing is not available for this table."
    event = holder.data.event(event_id)
    if event is None:
        return f"Event {event_id} is not in the table any more."
    anchor = {"evidence": str(event["evidence"]), "sentence": str(event["sentence"])}
    if reject:
        changes: dict[str, str] = {"reason": _text(values.get("reason"))}
        action = "reject"
    else:
        changes = form_changes(values, loaded, event.to_dict())
        if not changes:
            return "Nothing changed."
        problem = edit_problem(event.to_dict(), changes)
        if problem:
            return f"Not saved: {problem}"
        action = "set"
    error = _record(holder, event_id, changes, action, author, anchor)
    if error:
        return f"Not saved: {error}"
    if reject:
        return f"Rejected: the event is removed (recorded in {holder.corrections_path.name})."
    return f"Saved {', '.join(changes)} (recorded in {holder.corrections_path.name})."


def undo_reject(holder: DataHolder, event_id: str, author: str = "app") -> str:
    """Undo a reject from the form: the reject line(s) of the event are taken back (a restore)."""
    if not holder.editable or holder.corrections_path is None:
        return "Editing is not available for this table."
    if not values_.EVENT_ID_RE.match(event_id or ""):
        return "Nothing to undo."
    error = _record(holder, event_id, {}, "restore", author, None)
    if error:
        return f"Not restored: {error}"
    if holder.data.event(event_id) is None:
        return f"Event {event_id} could not be restored."
    return f"Restored: the event is back (recorded in {holder.corrections_path.name})."


def _record(
    holder: DataHolder,
    event_id: str,
    changes: Mapping[str, str],
    action: str,
    author: str,
    anchor: Mapping[str, str] | None,
) -> str | None:
    """Write one correction and show it; the reason it was refused, or None."""
    assert holder.corrections_path is not None
    with holder.lock:
        try:
            _corrections.record_correction(
                holder.corrections_path,
                event_id,
                changes,
                action=action,
                author=author,
                anchor=anchor,
            )
        except (ValueError, OSError, _corrections.CorrectionsFileError) as error:
            return str(error)
        holder._apply(_stamp(holder.corrections_path))
    return None
