"""Turning the table's ISO dates (at their precision) into time spans and readable labels.

Everything here is pure and vectorised where it runs over whole columns, so a table of a
million events is parsed once at load in well under a few seconds.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
from dateparser.date import DateDataParser

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_SHORT = [m[:3] for m in MONTHS]
SEASONS = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}


def _shape(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "")


def parse_starts_ends(date: pd.Series, date_end: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return (start, end) as datetime64[D] arrays; end is exclusive (the day after the period).

    `date` and `date_end` are ISO strings at day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY)
    shape; the period a value names is the whole day, month or year. An empty `date_end`
    means the event covers only the period named by `date`.
    """
    date = date.astype(str).to_numpy(dtype=object)
    date_end = date_end.astype(str).to_numpy(dtype=object)
    last = np.where(date_end == "", date, date_end)
    start = np.array(date, dtype="datetime64[D]")
    end_start = np.array(last, dtype="datetime64[D]")
    lengths = np.fromiter((len(v) for v in last), dtype=np.int8, count=len(last))
    end = end_start + np.timedelta64(1, "D")
    month = lengths == 7
    if month.any():
        end[month] = (end_start[month].astype("datetime64[M]") + 1).astype("datetime64[D]")
    year = lengths == 4
    if year.any():
        end[year] = (end_start[year].astype("datetime64[Y]") + 1).astype("datetime64[D]")
    return start, end


def _day(value: str, short_month: bool = False) -> tuple[int, int, int]:
    return int(value[:4]), int(value[5:7]), int(value[8:10])


def _single_label(value: str) -> str:
    """'3 Jan 2018', 'June 2018' or '2018' for one ISO value."""
    shape = _shape(value)
    if shape == "day":
        year, month, day = _day(value)
        return f"{day} {MONTHS_SHORT[month - 1]} {year}"
    if shape == "month":
        return f"{MONTHS[int(value[5:7]) - 1]} {value[:4]}"
    return value


def _interval_label(date: str, date_end: str) -> str:
    shape = _shape(date)
    if shape == "day" and _shape(date_end) == "day":
        y1, m1, d1 = _day(date)
        y2, m2, d2 = _day(date_end)
        if (y1, m1) == (y2, m2):
            return f"{MONTHS_SHORT[m1 - 1]} {d1}-{d2}, {y1}"
        if y1 == y2:
            return f"{MONTHS_SHORT[m1 - 1]} {d1} - {MONTHS_SHORT[m2 - 1]} {d2}, {y1}"
        return f"{_single_label(date)} - {_single_label(date_end)}"
    if shape == "month" and _shape(date_end) == "month":
        if date[:4] == date_end[:4]:
            return f"{MONTHS[int(date[5:7]) - 1]}-{MONTHS[int(date_end[5:7]) - 1]} {date[:4]}"
        return f"{_single_label(date)} - {_single_label(date_end)}"
    return f"{_single_label(date)}-{_single_label(date_end)}"


def format_date_label(date: str, date_end: str = "", precision: str = "day") -> str:
    """The date as a text would give it: '3 Jan 2018', 'June 2018', 'fall 2018',
    'Feb 27-28, 2019', '1990s', 'about June 2025'. Never raises; odd input is shown as is."""
    date = (date or "").strip()
    date_end = (date_end or "").strip()
    try:
        if precision == "decade":
            return f"{date[:3]}0s" if len(date) >= 4 else date
        if precision == "season":
            first = int(date[5:7])
            season = SEASONS.get(first)
            if season and date_end:
                if first == 12:
                    return f"winter {date[:4]}-{date_end[2:4]}"
                return f"{season} {date[:4]}"
            return _interval_label(date, date_end) if date_end else _single_label(date)
        label = _interval_label(date, date_end) if date_end else _single_label(date)
        if precision == "approx":
            return f"about {label}"
        return label
    except (ValueError, IndexError):
        return f"{date}..{date_end}" if date_end else date


def event_date_label(
    date: str, date_end: str, precision: str, kind: str = "", end: object = None
) -> str:
    """An event's date in words; an ongoing state says until when the latest report saw it
    ('since 2016, still at the report of 7 Dec 2024'). `end` is the exclusive end."""
    label = format_date_label(date, date_end, precision)
    if kind == "ongoing" and end is not None:
        last = (pd.Timestamp(end) - pd.Timedelta(days=1)).date().isoformat()
        return f"since {label}, still at the report of {format_date_label(last)}"
    return label


def parse_user_date(value: object, end: bool = False) -> pd.Timestamp | None:
    """A date typed by a user or found in the URL ('2018', '2018-06', '2018-06-03') as a
    Timestamp (start of that period, or exclusive end when `end`), or None if it is not one."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _shape(value) == "" or not value[:4].isdigit():
        return None
    try:
        day = np.datetime64(value, "D")
    except ValueError:
        return None
    if str(day.astype("datetime64[Y]").astype(int) + 1970) != value[:4]:
        return None
    if not 1000 <= int(value[:4]) <= 2999:
        return None
    if end:
        shape = _shape(value)
        if shape == "day":
            day = day + np.timedelta64(1, "D")
        elif shape == "month":
            day = (day.astype("datetime64[M]") + 1).astype("datetime64[D]")
        else:
            day = (day.astype("datetime64[Y]") + 1).astype("datetime64[D]")
    return pd.Timestamp(day)


_WORDS_PARSER = DateDataParser(
    languages=["en"], settings={"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first"}
)


@lru_cache(maxsize=1024)
def iso_from_words(value: str) -> str:
    """A date typed in words ('June 2018', '3 Jan 2018') as ISO at the precision it names
    ('2018-06', '2018-01-03'), or '' when it is not one. Only text with a month name and a
    four-digit year is read this way: dateparser would also turn '2018-13' into a date."""
    if not (re.search(r"\b\d{4}\b", value) and re.search(r"[A-Za-z]{3}", value)):
        return ""
    data = _WORDS_PARSER.get_date_data(value)
    if data.date_obj is None or data.period not in ("day", "month"):
        return ""
    iso = data.date_obj.date().isoformat()
    return iso if data.period == "day" else iso[:7]
