"""Calendar arithmetic on ISO values: the small set of operations the temporal rules need."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.table.vocabulary import MONTH_NAMES

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(name.lower() for name in MONTH_NAMES)
# Northern meteorological seasons: (first month, number of months).
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


@dataclass(frozen=True)
class TimeValue:
    """A resolved time: ISO start, optional ISO end (intervals only), and its precision word."""

    date: str
    precision: str
    date_end: str = ""


def iso_day(day: dt.date) -> str:
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def day_value(day: dt.date, precision: str = "day") -> TimeValue:
    return TimeValue(iso_day(day), precision)


def month_value(year: int, month: int, precision: str = "month") -> TimeValue:
    return TimeValue(iso_month(year, month), precision)


def year_value(year: int, precision: str = "year") -> TimeValue:
    return TimeValue(f"{year:04d}", precision)


def season_value(year: int, season: str) -> TimeValue:
    first = SEASONS[season]
    start = dt.date(year, first, 1)
    end = add_months(start, 2)
    return TimeValue(iso_month(start.year, start.month), "season", iso_month(end.year, end.month))


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def week_interval(day: dt.date) -> TimeValue:
    """The Monday-Sunday week holding `day`, as an approx interval."""
    monday = day - dt.timedelta(days=day.weekday())
    return TimeValue(iso_day(monday), "approx", iso_day(monday + dt.timedelta(days=6)))


def pick_year(
    anchor: dt.date, month: int, day: int | None, tense: str, strict: bool = False
) -> int | None:
    """The year for a month (and day) given without one, by tense relative to the anchor.

    past -> the latest occurrence on or before the anchor; future -> the earliest on or after;
    otherwise the closest. With `strict`, the anchor's own month/day is excluded ("last May").
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            start = dt.date(year, month, 1)
            end = add_months(start, 1) - dt.timedelta(days=1)
        else:
            start = end = safe_date(year, month, day)  # type: ignore[assignment]
            if start is None:
                continue
        candidates.append((year, start, end))
    if not candidates:
        return None
    if strict:
        # "last May" / "next May": the anchor's own month (or day) does not count.
        low = anchor.replace(day=1) if day is None else anchor
        high = (
            add_months(anchor.replace(day=1), 1) - dt.timedelta(days=1) if day is None else anchor
        )
        if tense == "past":
            fits = [c for c in candidates if c[2] < low]
            return max(fits)[0] if fits else None
        fits = [c for c in candidates if c[1] > high]
        return min(fits)[0] if fits else None
    if tense == "past":
        fits = [c for c in candidates if c[1] <= anchor]
        return max(fits)[0] if fits else None
    if tense == "future":
        fits = [c for c in candidates if c[2] >= anchor]
        return min(fits)[0] if fits else None

    def distance(c: tuple[int, dt.date, dt.date]) -> int:
        if c[1] <= anchor <= c[2]:
            return 0
        return min(abs((c[1] - anchor).days), abs((c[2] - anchor).days))

    return min(candidates, key=lambda c: (distance(c), c[0]))[0]


def shift(value: TimeValue, amount: int, unit: str) -> dt.date:
    """The start date of `value` moved by amount units (day/week/fortnight/month/year/decade)."""
    start = start_date(value)
    if unit == "day":
        return start + dt.timedelta(days=amount)
    if unit == "week":
        return start + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return start + dt.timedelta(weeks=2 * amount)
    if unit == "month":
        return add_months(start, amount)
    if unit == "decade":
        return add_months(start, 120 * amount)
    return add_months(start, 12 * amount)


def start_date(value: TimeValue) -> dt.date:
    parts = [int(p) for p in value.date.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def value_at_granularity(day: dt.date, granularity: str, precision: str) -> TimeValue:
    """`day` expressed at a granularity ('day'|'month'|'year'), labelled with `precision`."""
    if granularity == "day":
        return day_value(day, precision)
    if granularity == "month":
        return month_value(day.year, day.month, precision)
    return year_value(day.year, precision)


def granularity_of(value: TimeValue) -> str:
    return {10: "day", 7: "month"}.get(len(value.date), "year")


@functools.lru_cache(maxsize=4096)  # de-duplication asks for the same rows' spans many times
def iso_span(date: str, date_end: str = "") -> tuple[dt.date, dt.date]:
    """The first and last day an ISO value (and its end, for an interval) covers:
    '2018' -> 2018-01-01..2018-12-31, '2018-06' -> 2018-06-01..2018-06-30."""
    first = start_date(TimeValue(date, ""))
    last_value = date_end or date
    last = start_date(TimeValue(last_value, ""))
    if len(last_value) == 4:
        last = dt.date(last.year, 12, 31)
    elif len(last_value) == 7:
        last = add_months(last, 1) - dt.timedelta(days=1)
    return first, last


def nested(first: tuple[dt.date, dt.date], second: tuple[dt.date, dt.date]) -> bool:
    """Whether one span lies inside the other."""
    return (first[0] <= second[0] and second[1] <= first[1]) or (
        second[0] <= first[0] and first[1] <= second[1]
    )


# The years a resolved date may fall in: what the sources can tell (the years the rules read
# run from 1800) and what the table and the app can draw (pandas' datetimes end in 2262).
FIRST_YEAR, LAST_YEAR = 1800, 2199


def datable(value: TimeValue) -> bool:
    """Whether a resolved value is a real date (or interval) within FIRST_YEAR..LAST_YEAR."""
    try:
        first, last = iso_span(value.date, value.date_end)
    except (ValueError, OverflowError):
        return False
    return first.year >= FIRST_YEAR and last.year <= LAST_YEAR and first <= last


def within_calendar(resolve: Callable[..., TimeValue | None]) -> Callable[..., TimeValue | None]:
    """`resolve` (a rule's resolver) made safe at the calendar's edges: arithmetic that leaves
    the calendar ("9999-12-31; two days later", year 1 minus a day) or a date outside the years
    the table holds gives no value (that mention gives no row; the rest of the document stays),
    never an OverflowError or ValueError that would lose the whole document."""

    @functools.wraps(resolve)
    def guarded(match: re.Match[str], context: object) -> TimeValue | None:
        try:
            value = resolve(match, context)
        except (OverflowError, ValueError):
            return None
        if value is None or not value.date:  # no value, or an open one (OPEN)
            return value
        return value if datable(value) else None

    return guarded
