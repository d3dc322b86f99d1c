"""The events table's reader on the columns added for the story: label and weight."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract.table.schema import COLUMNS, EventsFileError, read_events, validate_events


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


# Issue 14, item 14: every events-file error names the file and the line (and the column).
HEADER = ",".join(COLUMNS)
ROW = "e1,2018-06-12,,day,Summit,,summit/talks,,0.5,e,s,a.txt,,,,2018-06-12"


def _read_error(tmp_path, text: str) -> str:
    path = tmp_path / "events.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(EventsFileError) as error:
        read_events(path)
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(path) + ":")
    return message[len(str(path)) :]


def test_cr_only_line_ends_are_lines(tmp_path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(f"{HEADER}\r{ROW}\r{ROW.replace('e1', 'e2')}\r".encode())
    frame, problems = read_events(path)
    assert list(frame["event_id"]) == ["e1", "e2"] and problems == []
    path.write_bytes(f"{HEADER}\r{ROW}\r{ROW.replace('day', 'week')}\r".encode())
    assert [str(p).split(": ", 1)[0] for p in read_events(path)[1]] == [f"{path}:3"]


def test_csv_damage_names_the_line(tmp_path) -> None:
    assert _read_error(tmp_path, f'{HEADER}\n{ROW}\ne2,2018,,year,"Summit\n') == (
        ":3: a quoted cell that opens in this record is never closed (the file ends)"
    )
    long_row = ROW.replace("Summit", "x" * 140_000)
    assert _read_error(tmp_path, f"{HEADER}\n{ROW}\n\n{long_row}\n") == (
        ":4: a cell is longer than 128 KB"
    )
    assert _read_error(tmp_path, f'{HEADER}\n{ROW}\ne3,"2018"x,,year,S\n').startswith(
        ":3: not valid CSV ("
    )


def test_duplicate_header_names_are_a_clear_message(tmp_path) -> None:
    assert _read_error(tmp_path, f"{HEADER},date\n{ROW},x\n") == (
        ":1: column 'date' is named twice in the header (cells 2 and 17); name each column once"
    )
    assert "'summary' is named twice" in _read_error(
        tmp_path, HEADER.replace("label", " summary ") + f"\n{ROW}\n"
    )
    frame = pd.DataFrame([[ROW.split(",")[1]] * 2], columns=["date", "date"])
    with pytest.raises(EventsFileError, match="date named twice"):
        validate_events(frame, "t.parquet")


def test_a_row_with_too_many_cells_is_skipped_with_its_line(tmp_path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(f"{HEADER}\n{ROW}\n{ROW.replace('e1', 'e2')},x,y\n{ROW.replace('e1', 'e3')},\n")
    frame, problems = read_events(path)
    assert list(frame["event_id"]) == ["e1", "e3"]  # a trailing empty cell is harmless
    assert [str(p) for p in problems] == [
        f"{path}:3: column '17': 18 cells but the header names 16; row skipped"
    ]


def test_dates_and_weights_in_other_digits_are_bad_values_with_their_line(tmp_path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(
        f"{HEADER}\n{ROW}\n{ROW.replace('e1', 'e2').replace('2018-06-12', '２０１８-06-12', 1)}\n"
        f"{ROW.replace('e1', 'e3').replace('0.5', '0.５')}\n"
    )
    frame, problems = read_events(path)
    assert list(frame["event_id"]) == ["e1", "e3"]
    assert [(p.line, p.column) for p in problems] == [(3, "date"), (4, "weight")]
