"""Eras: the terms of South Korean presidents (since 1988), US presidents (since 1989) and North
Korean leaders, from `eras.csv` beside this module (start and end dates, a source for each).

The extractor dates what news dates by administrations with it ("some 10 days into the Lee
Jae-myung administration"); the app draws it as named background bands. `end` is the last day
in office, empty while in office.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.table.textfile import decode_utf8

ERAS_FILE = Path(__file__).resolve().parent / "eras.csv"
ERA_COLUMNS = ("group", "name", "aliases", "start", "end", "source")


class ErasFileError(Exception):
    """The eras file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Era:
    group: str  # "South Korea", "United States" or "North Korea"
    name: str  # "Moon Jae-in", "Donald Trump (first term)"
    aliases: tuple[str, ...]  # how texts name the person ("Moon Jae-in", "Moon")
    start: dt.date
    end: dt.date | None  # last day in office; None while in office
    source: str


@cache
def read_eras(path: Path = ERAS_FILE) -> tuple[Era, ...]:
    """The eras, in file order. Raises ErasFileError naming the file and line."""
    name = str(path)
    try:
        text = decode_utf8(path.read_bytes(), name, ErasFileError)
    except OSError as error:
        raise ErasFileError(f"{name}: cannot read ({error.strerror})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != ERA_COLUMNS:
        raise ErasFileError(f"{name}:1: the header must be {','.join(ERA_COLUMNS)}")
    eras = []
    for record in reader:
        line = reader.line_num
        try:
            start = dt.date.fromisoformat(record["start"])
            end = dt.date.fromisoformat(record["end"]) if record["end"] else None
        except ValueError as error:
            raise ErasFileError(f"{name}:{line}: {error}") from None
        if end is not None and end < start:
            raise ErasFileError(f"{name}:{line}: end {end} is before start {start}")
        if not record["name"] or not record["source"]:
            raise ErasFileError(f"{name}:{line}: every era needs a name and a source")
        aliases = tuple(a.strip() for a in record["aliases"].split(";") if a.strip())
        eras.append(Era(record["group"], record["name"], aliases, start, end, record["source"]))
    return tuple(eras)
