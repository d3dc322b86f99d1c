"""Corrections from the detail panel, over extract.table.corrections.

The app keeps the rows as read from the events file (`raw_rows`) and shows them with the
corrections file applied. Saving an edit records it with `record_correction` (locked, atomic,
last write wins per field) and re-applies the file, so the change shows at once and survives a
restart. The corrections path is fixed at startup (never taken from the browser).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.table import corrections as _corrections
from extract.table.schema import RowProblem
from timeline_app.data import EventData, build_data, load_data

EDIT_FIELDS = ("date", "date_end", "precision", "summary", "category")


def default_corrections_path(events_path: str | Path) -> Path:
    return Path(events_path).parent / _corrections.CORRECTIONS_FILE


def _added_keys(path: Path) -> set[tuple[str, str]]:
    try:
        lines, _ = _corrections.read_corrections(path)
    except Exception:  # unreadable: apply_corrections reports it
        return set()
    return {(c.event_id, c.doc) for c in lines if c.action == "add"}


def apply_file(
    raw_rows: pd.DataFrame, path: Path, name: str, problems: list[RowProblem]
) -> EventData:
    """The data to show: raw rows with the corrections file applied (if any)."""
    if not path.exists():
        return build_data(raw_rows, name, problems=problems)
    base = raw_rows
    if "status" in base.columns:  # rows the extractor already added from this file
        added = _added_keys(path)
        keys = pd.Series(list(zip(base["event_id"], base["doc"], strict=True)), dtype=object)
        again = (base["status"] == "added").to_numpy() & keys.isin(added).to_numpy()
        base = base[~again]
    try:
        rows, report = _corrections.apply_corrections(base, path)
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


def save_edit(
    holder: DataHolder,
    event_id: str,
    values: dict[str, str],
    reject: bool = False,
    author: str = "app",
) -> str:
    """Record the changed fields (or a reject) and reload; returns a message for the user."""
    if not holder.editable or holder.corrections_path is None:
        return "Editing is not available for this table."
    event = holder.data.event(event_id)
    if event is None:
        return f"Event {event_id} is not in the table any more."
    anchor = {"evidence": str(event["evidence"]), "sentence": str(event["sentence"])}
    if reject:
        changes: dict[str, str] = {"reason": str(values.get("reason", "") or "")}
        action = "reject"
    else:
        changes = {}
        for name in EDIT_FIELDS:
            new = str(values.get(name) or "").strip()
            if new != str(event[name] or "").strip():
                changes[name] = new
        if not changes:
            return "Nothing changed."
        action = "set"
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
        except (ValueError, OSError) as error:
            return f"Not saved: {error}"
        holder._apply(_stamp(holder.corrections_path))
    if reject:
        return f"Rejected: the event is removed (recorded in {holder.corrections_path.name})."
    return f"Saved {', '.join(changes)} (recorded in {holder.corrections_path.name})."
