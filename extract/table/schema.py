"""The one schema of the events table, shared by the extractor (writer) and the app (reader).

Keeping columns, precision words, date formats and validation here means both sides agree on
what a valid row is, and a bad file gets the same clear message wherever it is read.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from extract.table import values
from extract.table.atomic import write_atomically
from extract.table.ids import content_id
from extract.table.textfile import decode_utf8, sniff_delimiter
from extract.table.vocabulary import PRECISIONS

if TYPE_CHECKING:  # pandas is imported by the functions that need it: a run that only writes
    import pandas as pd  # a CSV table does without it

COLUMNS: list[str] = [
    "event_id",
    "date",
    "date_end",
    "precision",
    "summary",
    "label",
    "category",
    "actors",
    "weight",
    "evidence",
    "sentence",
    "doc",
    "title",
    "source",
    "url",
    "published",
]
# Columns a file may carry beyond the required ones (written by later stages, e.g. corrections).
OPTIONAL_COLUMNS: list[str] = ["status"]
REQUIRED_COLUMNS: list[str] = ["date", "precision", "summary"]


# ASCII digits only (extract/table/values.py decides what a cell may hold)
DAY_RE, MONTH_RE, YEAR_RE = values.DAY_RE, values.MONTH_RE, values.YEAR_RE

# Which ISO shapes each precision allows for `date` (and `date_end`).
ALLOWED_SHAPES: dict[str, tuple[re.Pattern[str], ...]] = {
    "day": (DAY_RE,),
    "month": (MONTH_RE,),
    "year": (YEAR_RE,),
    "season": (MONTH_RE,),
    "decade": (YEAR_RE,),
    "approx": (DAY_RE, MONTH_RE, YEAR_RE),
}

LIST_SEPARATOR = ";"
# A weight ranks events for chart labels and a presentation's key events: 0 (least) to 1.
WEIGHT_RE = re.compile(r"^(?:0(?:\.[0-9]{1,6})?|1(?:\.0{1,6})?)$", re.ASCII)


def weight_problem(value: str) -> str | None:
    """What is wrong with a weight cell ('' is allowed: not ranked), or None."""
    if not value or WEIGHT_RE.match(value):
        return None
    return f"{value!r} is not a weight between 0 and 1 (like 0.42)"


class EventsFileError(Exception):
    """The events file as a whole cannot be used (missing, unreadable, missing columns)."""


@dataclass(frozen=True)
class RowProblem:
    """One bad row: where it is and what is wrong, phrased for a person."""

    path: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: column '{self.column}': {self.message}"


_valid_iso = values.is_real_iso  # True when the ISO string names a real calendar date


def date_problem(date: str, date_end: str, precision: str) -> tuple[str, str] | None:
    """Return (column, message) for the first thing wrong with a row's dating, or None."""
    if precision not in PRECISIONS:
        return (
            "precision",
            f"unknown precision {precision!r} (expected one of {', '.join(PRECISIONS)})",
        )
    shapes = ALLOWED_SHAPES[precision]
    for column, value in (("date", date), ("date_end", date_end)):
        if column == "date_end" and not value:
            continue
        if not value:
            return column, "is empty"
        if not any(shape.match(value) for shape in shapes):
            return column, f"{value!r} is not an ISO date at {precision} precision"
        if not _valid_iso(value):
            return column, f"{value!r} is not a real calendar date"
    if date_end and len(date_end) != len(date):
        return "date_end", f"{date_end!r} has a different precision from date {date!r}"
    if date_end and date_end < date:
        return "date_end", f"{date_end!r} is before date {date!r}"
    if precision in ("season", "decade") and not date_end:
        return "date_end", f"a {precision} needs date_end"
    return None


def read_events(path: str | os.PathLike[str]) -> tuple[pd.DataFrame, list[RowProblem]]:
    """Read an events table (.csv or .parquet), returning the good rows and the problems found.

    Raises EventsFileError when nothing usable can be read, with a message naming the file.
    """
    import pandas as pd

    path = Path(path)
    name = str(path)
    if not path.exists():
        raise EventsFileError(f"{name}: file not found")
    if path.is_dir():
        raise EventsFileError(f"{name}: is a folder, expected an events table")
    if path.suffix.lower() == ".parquet":
        try:
            frame = pd.read_parquet(path).astype(str).replace({"None": "", "nan": ""})
        except Exception as error:  # pyarrow raises many types; all mean "not a usable table"
            raise EventsFileError(f"{name}: not a readable Parquet file ({error})") from None
        return validate_events(frame, name, first_line=2)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise EventsFileError(f"{name}: cannot read ({error.strerror})") from None
    text = decode_utf8(raw, name, EventsFileError)
    if not text.strip():
        raise EventsFileError(
            f"{name}: file is empty (expected a header line: {','.join(COLUMNS)})"
        )
    frame, lines, problems = _parse_csv(text, name)
    good, row_problems = validate_events(frame, name, first_line=2, line_numbers=lines)
    return good, sorted([*problems, *row_problems], key=lambda problem: problem.line)


MAX_CELL = csv.field_size_limit()  # 128 KB: a longer cell is damage, not text


def _parse_csv(text: str, name: str) -> tuple[pd.DataFrame, list[int], list[RowProblem]]:
    """The cells of a CSV text by column name, the physical line each record starts on (a
    quoted cell may span lines; LF, CRLF and CR-only ends are all lines), and the records
    skipped. Raises EventsFileError naming file and line when the text is not a CSV table."""
    import pandas as pd

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
    header: list[str] | None = None
    records: list[list[str]] = []
    lines: list[int] = []
    problems: list[RowProblem] = []
    start = 1
    try:
        for cells in reader:
            first, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue  # a blank line
            if header is None:
                header = [cell.strip() for cell in cells]
                _check_header(header, name, first)
                continue
            if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
                problems.append(
                    RowProblem(
                        name,
                        first,
                        str(len(header) + 1),
                        f"{len(cells)} cells but the header names {len(header)}; row skipped",
                    )
                )
                continue
            records.append(cells[: len(header)] + [""] * (len(header) - len(cells)))
            lines.append(first)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            problem = f"a cell is longer than {MAX_CELL // 1024} KB"
            line = reader.line_num
        elif "unexpected end of data" in str(error):
            problem = "a quoted cell that opens in this record is never closed (the file ends)"
            line = start
        else:
            problem, line = f"not valid CSV ({error})", reader.line_num
        raise EventsFileError(f"{name}:{line}: {problem}") from None
    if header is None:
        raise EventsFileError(f"{name}: no header line (expected: {','.join(COLUMNS)})")
    known = {column: index for index, column in enumerate(header) if column in KNOWN_COLUMNS}
    frame = pd.DataFrame(
        {column: [record[index] for record in records] for column, index in known.items()},
        columns=list(known),
        dtype=str,
    )
    return frame, lines, problems


KNOWN_COLUMNS = frozenset([*COLUMNS, *OPTIONAL_COLUMNS])


def _check_header(header: list[str], name: str, line: int) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise EventsFileError(
            f"{name}:{line}: missing column(s) {', '.join(missing)}; "
            f"the header must name: {','.join(COLUMNS)}"
        )
    seen: dict[str, int] = {}
    for position, column in enumerate(header, start=1):
        if column and column in seen:
            raise EventsFileError(
                f"{name}:{line}: column '{column}' is named twice in the header "
                f"(cells {seen[column]} and {position}); name each column once"
            )
        seen[column] = position


def validate_events(
    frame: pd.DataFrame, name: str, first_line: int = 2, line_numbers: list[int] | None = None
) -> tuple[pd.DataFrame, list[RowProblem]]:
    """Check columns and every row; return (good rows with all schema columns, problems)."""
    import pandas as pd

    twice = sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})
    if twice:
        raise EventsFileError(
            f"{name}: column(s) {', '.join(twice)} named twice; name each column once"
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise EventsFileError(
            f"{name}: missing column(s) {', '.join(missing)}; "
            f"the header must name: {','.join(COLUMNS)}"
        )
    frame = frame.copy()
    for column in [*COLUMNS, *OPTIONAL_COLUMNS]:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[[*COLUMNS, *OPTIONAL_COLUMNS]].fillna("").astype(str)
    for column in frame.columns:
        frame[column] = frame[column].str.strip()

    # Check each distinct dating once (a million rows hold a few thousand distinct datings).
    dating = list(zip(frame["date"], frame["date_end"], frame["precision"], strict=True))
    verdicts = {triple: date_problem(*triple) for triple in set(dating)}
    dating_problems = [verdicts[triple] for triple in dating]
    duplicated = (frame["event_id"] != "") & frame.duplicated(["event_id", "doc"], keep="first")
    first_line_of = {}
    if duplicated.any():
        lines = line_numbers or [first_line + offset for offset in range(len(frame))]
        for offset, key in enumerate(zip(frame["event_id"], frame["doc"], strict=True)):
            first_line_of.setdefault(key, lines[offset])

    problems: list[RowProblem] = []
    bad_weights = {w: weight_problem(w) for w in frame["weight"].unique()}
    for offset, weight in enumerate(frame["weight"]):
        if bad_weights[weight]:
            line = line_numbers[offset] if line_numbers else first_line + offset
            problems.append(RowProblem(name, line, "weight", f"{bad_weights[weight]}; ignored"))
            frame.iat[offset, frame.columns.get_loc("weight")] = ""
    keep: list[bool] = []
    for offset, (problem, is_duplicate) in enumerate(zip(dating_problems, duplicated, strict=True)):
        if not problem and not is_duplicate:
            keep.append(True)
            continue
        line = line_numbers[offset] if line_numbers else first_line + offset
        keep.append(False)
        if problem:
            problems.append(RowProblem(name, line, problem[0], problem[1] + "; row skipped"))
        else:
            key = (frame["event_id"].iat[offset], frame["doc"].iat[offset])
            problems.append(
                RowProblem(
                    name,
                    line,
                    "event_id",
                    f"duplicate of line {first_line_of[key]} (same event_id and doc); row skipped",
                )
            )
    good = frame[pd.Series(keep, index=frame.index, dtype=bool)].reset_index(drop=True)
    good = fill_missing_ids(good)
    problems.sort(key=lambda problem: problem.line)
    return good, problems


def fill_missing_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """Give rows without an event_id a stable one, so the app can still address them."""
    empty = frame["event_id"] == ""
    if empty.any():
        frame = frame.copy()
        frame.loc[empty, "event_id"] = [
            content_id(d, s, e)
            for d, s, e in frame.loc[empty, ["date", "summary", "doc"]].itertuples(index=False)
        ]
    return frame


def split_list(value: str) -> list[str]:
    """Split a `;`-separated cell (actors) into its items."""
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def join_list(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


SORT_COLUMNS = ["date", "doc", "event_id"]  # the table's canonical order


def sort_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The table's canonical order: by date, then doc (then evidence position for stability)."""
    return frame.sort_values(SORT_COLUMNS, kind="stable").reset_index(drop=True)


def sort_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """`sort_events` for a table held as rows (stable, the same order)."""
    return sorted(rows, key=itemgetter(*SORT_COLUMNS))


def write_events(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write the table atomically (.csv or .parquet by suffix): readers see old or new, whole."""
    columns = [*COLUMNS, *[c for c in OPTIONAL_COLUMNS if c in frame.columns]]
    frame = frame.reindex(columns=columns).astype(object).fillna("")
    write_rows(frame.to_dict("records"), columns, path)


def write_rows(
    rows: list[dict[str, str]], columns: list[str], path: str | os.PathLike[str]
) -> None:
    """`write_events` for a table held as rows (dicts with these columns): a CSV is written
    with the csv module (as pandas' to_csv does, without importing pandas), Parquet by pandas."""
    if Path(path).suffix.lower() == ".parquet":
        import pandas as pd

        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        write_atomically(path, lambda out: frame.to_parquet(out, index=False))
        return
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row[column] for column in columns] for row in rows)
    write_atomically(path, lambda out: out.write(text.getvalue().encode()))
