"""The events table's reader on the columns added for the story: label and weight."""

from __future__ import annotations

from pathlib import Path

from extract.table.schema import COLUMNS, read_events


def test_a_bad_weight_is_reported_with_line_and_column_and_ignored(tmp_path: Path) -> None:
    header = ",".join(COLUMNS)
    row = dict.fromkeys(COLUMNS, "")
    row.update(event_id="e1", date="2018", precision="year", summary="Summit", label="Summit")
    lines = [header]
    for event_id, weight in (("e1", "0.75"), ("e2", "1.5"), ("e3", "heavy"), ("e4", "")):
        lines.append(",".join({**row, "event_id": event_id, "weight": weight}[c] for c in COLUMNS))
    path = tmp_path / "events.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, problems = read_events(path)
    assert list(frame["event_id"]) == ["e1", "e2", "e3", "e4"]
    assert list(frame["weight"]) == ["0.75", "", "", ""]
    assert [(p.line, p.column) for p in problems] == [(3, "weight"), (4, "weight")]
    assert "'1.5' is not a weight between 0 and 1" in str(problems[0])


def test_an_old_table_without_label_and_weight_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("event_id,date,precision,summary\ne1,2018,year,Summit\n", encoding="utf-8")
    frame, problems = read_events(path)
    assert problems == []
    assert frame.loc[0, "label"] == "" and frame.loc[0, "weight"] == ""
