"""Temporal expressions as data: each rule is a named pattern and the function that dates a match.

The table `RULES` is the readable heart of the extractor, in the manner of HeidelTime/Duckling.
Patterns find expressions; resolvers turn a match plus its context (the anchor date, the clause's
tense, the narrative's reference time) into a `TimeValue`, or None when the text leaves the time
open. dateparser is not used as a finder: its free-text search mistakes "may", "march" and bare
numbers for dates and knows no tense.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from extract.calendar import (
    MONTHS,
    WEEKDAYS,
    TimeValue,
    add_months,
    day_value,
    granularity_of,
    iso_day,
    month_value,
    pick_year,
    safe_date,
    season_value,
    shift,
    start_date,
    value_at_granularity,
    week_interval,
    weekday_on_or_after,
    weekday_on_or_before,
    year_value,
)

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------
MONTH_WORDS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\."
)
WEEKDAY_WORDS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
NUMBER = r"(?:\d{1,3}|(?i:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))"
FUZZY = r"(?i:about|around|roughly|some|approximately|nearly|almost|more than|over|at least|less than|just over|just under|well over|up to|close to)"
# Modifiers that bound the time on one side only: the expression leaves it open (no row).
OPEN_BOUNDS = (
    "nearly",
    "almost",
    "more than",
    "over",
    "at least",
    "less than",
    "just over",
    "just under",
    "well over",
    "up to",
    "close to",
)
UNIT = r"(?P<unit>(?i:hour|minute|day|week|month|year|decade))s?"
# "about three days", "two years"; and the bare "hours"/"minutes" of "hours after the launch".
COUNT = rf"(?:(?P<mod>{FUZZY})\s+)?(?P<num>{NUMBER})\s+{UNIT}"
COUNT_OR_HOURS = rf"(?:{COUNT}|(?P<bare>(?i:hours|minutes)))"


def _sub(pattern: str) -> str:
    """Expand {MONTH}/{DAY}/{YEAR}/... placeholders; a digit suffix names a second group."""

    def token(match: re.Match[str]) -> str:
        name, suffix = match.group(1), match.group(2) or ""
        if name == "MONTH":
            return rf"(?P<month{suffix}>{MONTH_WORDS})(?![A-Za-z])"
        if name == "DAY":
            return rf"(?P<day{suffix}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
        if name == "YEAR":
            return rf"(?P<year{suffix}>1[89]\d\d|20\d\d)(?![\d%])"
        if name == "WEEKDAY":
            return rf"(?P<weekday{suffix}>{WEEKDAY_WORDS})"
        raise KeyError(name)

    return re.sub(r"\{([A-Z]+)(\d?)\}", token, pattern)


def month_number(word: str) -> int:
    return MONTHS.index(next(m for m in MONTHS if m.startswith(word.rstrip(".").lower()[:3]))) + 1


def weekday_number(word: str) -> int:
    return WEEKDAYS.index(word.lower())


def number_value(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# ---------------------------------------------------------------------------------------------
# Context passed to resolvers
# ---------------------------------------------------------------------------------------------
@dataclass
class Context:
    """What a resolver may use besides the match: anchor date, clause tense, reference time."""

    anchor: dt.date | None
    tense: str
    reference: TimeValue | None
    sentence: str
    start: int
    later: list[TimeValue] = field(default_factory=list)  # dated expressions later in the clause
    history: Sequence[tuple[TimeValue, str]] = ()  # earlier (value, sentence), oldest first
    day_reference: TimeValue | None = None  # the latest day-precise time told
    frame: TimeValue | None = None  # the time the previous sentence was about, if it named one


# A match whose time the text leaves open ("more than two years ago", "days after"): it gives no
# row, and it keeps shorter rules from reading a date into its words.
OPEN = TimeValue("", "open")

Resolver = Callable[[re.Match[str], Context], TimeValue | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    relational: bool = False  # needs the other expressions of its sentence (second pass)
    absorbing: bool = False  # its words are kept from the first pass ("in April that year")
    trigger: re.Pattern[str] | None = None  # a cheap test: without it the rule cannot match


# ---------------------------------------------------------------------------------------------
# Resolvers
# ---------------------------------------------------------------------------------------------
def _year(match: re.Match[str], name: str = "year") -> int:
    return int(match[name])


def _full_year(first: int, second: str) -> int:
    """'1950-53' -> 1953; '2016-2017' -> 2017."""
    if len(second) == 4:
        return int(second)
    century = first - first % 100
    value = century + int(second)
    return value if value > first else value + 100


def full_date(match: re.Match[str], ctx: Context) -> TimeValue | None:
    day = safe_date(_year(match), month_number(match["month"]), int(match["day"]))
    return day_value(day) if day else None


def iso_date(match: re.Match[str], ctx: Context) -> TimeValue | None:
    day = safe_date(int(match["year"]), int(match["mon"]), int(match["day"]))
    return day_value(day) if day else None


def _tense_for(match: re.Match[str], ctx: Context) -> tuple[str, bool]:
    """Tense and strictness from 'last'/'next'/'this' words inside the match, else the clause's."""
    text = match.group(0).lower()
    if re.match(r"(last|past|previous)\b", text):
        return "past", True
    if re.match(r"(next|coming|following)\b", text):
        return "future", True
    if re.match(r"this\b", text):
        return "present", False
    if re.match(r"since\b", text):
        return "past", False
    return ctx.tense, False


def month_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    month, day = month_number(match["month"]), int(match["day"])
    if match.groupdict().get("year"):
        found = safe_date(_year(match), month, day)
        return day_value(found) if found else None
    if ctx.anchor is None:
        return None
    year = _year_for(ctx, month, day, ctx.tense)
    found = safe_date(year, month, day) if year else None
    return day_value(found) if found else None


def _year_for(
    ctx: Context, month: int, day: int | None, tense: str, strict: bool = False
) -> int | None:
    """The year of a month (or month and day) told without one.

    A timeline keeps its time: after the entry "Jan. 6, 2016: ...", a past "in March" is the
    first March from that time on (if it is not after publication). Otherwise the tense decides,
    from the anchor; a mere intention ("offering to hold talks on January 9") points forward
    only to a date within a few months.
    """
    assert ctx.anchor is not None
    if ctx.frame is not None and tense not in ("future", "intent") and not strict:
        frame_start = start_date(ctx.frame)
        for year in (frame_start.year, frame_start.year + 1):
            first = safe_date(year, month, day or 1)
            last = (
                add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
                if day is None
                else first
            )
            if first is None or last is None:
                break
            if (last.year, last.month) >= (frame_start.year, frame_start.month) and (
                granularity_of(ctx.frame) == "year" or last >= frame_start
            ):
                if first <= ctx.anchor:
                    return year
                break
    if tense == "intent":
        ahead = pick_year(ctx.anchor, month, day, "future")
        if ahead is not None:
            start = dt.date(ahead, month, day or 1)
            if (start - ctx.anchor).days <= 183:
                return ahead
        return pick_year(ctx.anchor, month, day, "past", strict)
    return pick_year(ctx.anchor, month, day, tense, strict)


def day_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'June 6 and 7', 'Feb. 27-28, 2019', 'June 30-July 2'."""
    month1 = month_number(match["month"])
    month2 = month_number(match["month2"]) if match.groupdict().get("month2") else month1
    day1, day2 = int(match["day"]), int(match["day2"])
    if match.groupdict().get("year"):
        year = _year(match)
    elif ctx.anchor is not None:
        year = pick_year(ctx.anchor, month1, day1, ctx.tense)
    else:
        return None
    if year is None:
        return None
    start = safe_date(year, month1, day1)
    end = safe_date(year + (1 if month2 < month1 else 0), month2, day2)
    if not start or not end or end <= start or (end - start).days > 62:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def night_to(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the night to June 9' covers June 8-9."""
    value = month_day(match, ctx)
    if value is None:
        return None
    end = start_date(value)
    return TimeValue(iso_day(end - dt.timedelta(days=1)), "day", iso_day(end))


def month_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return month_value(_year(match), month_number(match["month"]))


def month_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from March to May 2018', 'March-April 2018', 'between May and July'."""
    first, second = month_number(match["month"]), month_number(match["month2"])
    if match.groupdict().get("year"):
        end_year = _year(match)
        start_year = end_year - (1 if second < first else 0)
    elif ctx.anchor is not None:
        tense, strict = _tense_for(match, ctx)
        start_year = pick_year(ctx.anchor, first, None, tense, strict)
        if start_year is None:
            return None
        end_year = start_year + (1 if second < first else 0)
    else:
        return None
    if (end_year, second) <= (start_year, first):
        return None
    return TimeValue(f"{start_year:04d}-{first:02d}", "month", f"{end_year:04d}-{second:02d}")


class _Second:
    """A match seen through its second-date groups (month2/day2/year2) as if they were the first."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def __getitem__(self, name: str) -> str:
        return self._match[f"{name}2"]

    def groupdict(self) -> dict[str, str | None]:
        return {k[:-1]: v for k, v in self._match.groupdict().items() if k.endswith("2")}


def _second(match: re.Match[str], resolver: Resolver) -> TimeValue | None:
    return resolver(_Second(match), None)  # type: ignore[arg-type]


def _range(first: TimeValue | None, second: TimeValue | None) -> TimeValue | None:
    """Two dates of one precision as an interval (None unless the second is later)."""
    if first is None or second is None or second.date <= first.date:
        return None
    return TimeValue(first.date, first.precision, second.date)


def full_date_range(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from Jan. 3, 2018 to Feb. 5, 2018'."""
    return _range(full_date(match, ctx), _second(match, full_date))


def month_year_range(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from November 2017 to February 2018'."""
    return _range(month_year(match, ctx), _second(match, month_year))


def _month_or_day(match: re.Match[str], year: int) -> TimeValue | None:
    """The match's month (and day, when it names one) in the given year."""
    month = month_number(match["month"])
    if match.groupdict().get("day"):
        found = safe_date(year, month, int(match["day"]))
        return day_value(found) if found else None
    return month_value(year, month)


def month_relative_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'June last year', 'May 3 next year', 'in August this year'."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(match["which"].lower(), 0)
    return _month_or_day(match, year)


def month_alone(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    tense, strict = _tense_for(match, ctx)
    month = month_number(match["month"])
    year = _year_for(ctx, month, None, tense, strict)
    return month_value(year, month) if year else None


def year_only(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return year_value(_year(match))


def year_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    first = _year(match)
    second = _full_year(first, match["year2"])
    if not first < second <= first + 60:
        return None
    return TimeValue(f"{first:04d}", "year", f"{second:04d}")


def consecutive_years(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in 2016 and 2017', 'late 2023 and early 2024': two adjacent years read as one span."""
    first, second = _year(match), _year(match, "year2")
    return TimeValue(f"{first:04d}", "year", f"{second:04d}") if second == first + 1 else None


def decade(match: re.Match[str], ctx: Context) -> TimeValue | None:
    start = int(match["decade"])
    return TimeValue(f"{start:04d}", "decade", f"{start + 9:04d}")


def season(match: re.Match[str], ctx: Context) -> TimeValue | None:
    name = match["season"].lower()
    if match.groupdict().get("year"):
        return season_value(_year(match), name)
    if ctx.anchor is None:
        return None
    tense, strict = _tense_for(match, ctx)
    options = [season_value(y, name) for y in range(ctx.anchor.year - 2, ctx.anchor.year + 2)]

    def bounds(value: TimeValue) -> tuple[dt.date, dt.date]:
        start = start_date(value)
        return start, add_months(start, 3) - dt.timedelta(days=1)

    current = [v for v in options if bounds(v)[0] <= ctx.anchor <= bounds(v)[1]]
    if tense == "past":
        fits = [
            v
            for v in options
            if (bounds(v)[1] < ctx.anchor if strict else bounds(v)[0] <= ctx.anchor)
        ]
        return fits[-1] if fits else None
    if tense == "future":
        fits = [
            v
            for v in options
            if (bounds(v)[0] > ctx.anchor if strict else bounds(v)[1] >= ctx.anchor)
        ]
        return fits[0] if fits else None
    if current:
        return current[0]
    return min(options, key=lambda v: abs((bounds(v)[0] - ctx.anchor).days))


HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
}


def holiday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    name = re.sub(r"\s+", " ", match["holiday"].replace("’", "'")).lower()
    month, day = HOLIDAYS[name]
    if match.groupdict().get("year"):
        found = safe_date(_year(match), month, day)
        return day_value(found) if found else None
    if ctx.anchor is None:
        return None
    year = pick_year(ctx.anchor, month, day, ctx.tense)
    return day_value(dt.date(year, month, day)) if year else None


DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def deictic_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    word = match["word"].lower()
    if word == "today" and ctx.tense == "present" and not ctx.sentence[: ctx.start].strip():
        return OPEN  # "Today the North mostly ignores the calls": nowadays, not a date
    return day_value(ctx.anchor + dt.timedelta(days=DEICTIC_DAYS.get(word, 0)))


def weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    target = weekday_number(match["weekday"])
    tense, strict = _tense_for(match, ctx)
    return day_value(_weekday_date(ctx.anchor, target, tense, strict))


def _weekday_date(anchor: dt.date, target: int, tense: str, strict: bool) -> dt.date:
    before = weekday_on_or_before(anchor - dt.timedelta(days=1 if strict else 0), target)
    after = weekday_on_or_after(anchor + dt.timedelta(days=1 if strict else 0), target)
    if tense == "past":
        return before
    if tense in ("future", "intent"):
        return after
    return before if (anchor - before) <= (after - anchor) else after


def weekday_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Sunday through early Monday': the end day by tense, the start the days before it."""
    if ctx.anchor is None:
        return None
    first, last = weekday_number(match["weekday"]), weekday_number(match["weekday2"])
    end = _weekday_date(ctx.anchor, last, ctx.tense, False)
    start = end - dt.timedelta(days=(last - first) % 7)
    if start == end:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def relative_unit(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """last/next/this/the coming week|month|year|weekend, against the anchor."""
    which = re.sub(r"^the\s+", "", match["which"].lower())
    if ctx.anchor is None:
        return None
    if re.search(r"\bfor\s+$", ctx.sentence[max(0, ctx.start - 5) : ctx.start], re.IGNORECASE):
        return OPEN  # "policy goals for the coming year": the period a plan covers, no event
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    return _unit_value(ctx.anchor, match["unit"].lower(), step, ctx.tense)


def _unit_value(anchor: dt.date, unit: str, step: int, tense: str) -> TimeValue:
    if unit == "week":
        return week_interval(anchor + dt.timedelta(weeks=step))
    if unit == "weekend":
        return weekend(anchor, step, tense)
    if unit == "month":
        moved = add_months(anchor.replace(day=1), step)
        return month_value(moved.year, moved.month)
    return year_value(anchor.year + step)


def weekend(anchor: dt.date, step: int, tense: str) -> TimeValue:
    if step > 0 or (step == 0 and tense == "future"):
        saturday = weekday_on_or_after(anchor + dt.timedelta(days=1 if step > 0 else 0), 5)
    else:
        saturday = weekday_on_or_before(anchor, 5)
        if step < 0 and anchor.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
    return TimeValue(iso_day(saturday), "approx", iso_day(saturday + dt.timedelta(days=1)))


def over_the_weekend(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    return weekend(ctx.anchor, 0, ctx.tense)


def _amount_value(base: dt.date, unit: str, fuzzy: bool, amount: int = 1) -> TimeValue:
    """A date reached by counting units: its precision follows the unit and the fuzziness.

    'roughly one year ago' is that month; 'in 36 years' is about that year.
    """
    if unit in ("hour", "minute"):
        return day_value(base, "approx")
    if unit == "day":
        return day_value(base, "approx" if fuzzy else "day")
    if unit == "week":
        return day_value(base, "approx")
    if unit == "month":
        return month_value(base.year, base.month, "approx" if fuzzy else "month")
    if unit == "decade":
        return year_value(base.year, "approx")
    if fuzzy:
        if amount > 1:
            return year_value(base.year, "approx")
        return month_value(base.year, base.month, "approx")
    return year_value(base.year)


def _modifier(match: re.Match[str]) -> tuple[bool, bool]:
    """(open, fuzzy) from the modifier before a count: 'more than' is open, 'about' is fuzzy."""
    modifier = (match.groupdict().get("mod") or "").strip().lower()
    if not modifier:
        return False, False
    return modifier in OPEN_BOUNDS, True


def ago(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'three days ago', 'roughly one year ago'; 'more than two years ago' is open."""
    if ctx.anchor is None:
        return None
    is_open, fuzzy = _modifier(match)
    if is_open:
        return OPEN
    unit = match["unit"].lower()
    amount = number_value(match["num"])
    base = shift(day_value(ctx.anchor), -amount, unit if unit not in ("hour", "minute") else "day")
    return _amount_value(base, unit, fuzzy, amount)


def _reference(ctx: Context, unit: str = "") -> TimeValue | None:
    """The narrative's reference time; before any date is told, 'around publication' (month).

    A count of days or hours needs a day: it skips a coarser reference (a "2018 pact" named in
    passing) for the latest day-precise one.
    """
    if ctx.reference is not None:
        coarse = granularity_of(ctx.reference) != "day"
        if coarse and unit in ("day", "week", "hour", "minute") and ctx.day_reference is not None:
            return ctx.day_reference
        return ctx.reference
    if ctx.anchor is None:
        return None
    return month_value(ctx.anchor.year, ctx.anchor.month, "approx")


def later_earlier(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'two days later' counts from the narrative's reference time; 'hours later' is that day."""
    unit = (match.groupdict().get("unit") or match["bare"]).lower().rstrip("s")
    if _vague_count_before(ctx):
        return OPEN  # "several hours later"
    reference = _reference(ctx, unit)
    if reference is None:
        return None
    is_open, fuzzy = _modifier(match)
    if is_open:
        return OPEN
    if unit in ("hour", "minute"):
        return _not_finer_than(day_value(start_date(reference), "approx"), reference)
    direction = 1 if match["dir"].lower() in ("later", "after") else -1
    amount = number_value(match["num"]) * direction
    base = shift(reference, amount, unit)
    value = _amount_value(base, unit, fuzzy or reference.precision == "approx")
    return _not_finer_than(value, reference)


def _vague_count_before(ctx: Context) -> bool:
    """'several hours later', 'for a few hours before': a duration, not a point in time."""
    return bool(
        re.search(
            r"\b(?:several|a few|few|many|some|for|(?:lasted|lasting|lasts|spent)(?:\s+\w+)?)\s+$",
            ctx.sentence[: ctx.start],
            re.I,
        )
    )


def _not_finer_than(value: TimeValue, reference: TimeValue) -> TimeValue:
    """A count from a month- or year-precise reference cannot give a day: coarsen, mark approx."""
    order = {"day": 0, "month": 1, "year": 2}
    if order[granularity_of(value)] >= order[granularity_of(reference)]:
        return value
    return value_at_granularity(start_date(value), granularity_of(reference), "approx")


def reference_unit(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the previous month', 'the following year', 'later that year': from the reference time."""
    unit = match["unit"].lower()
    reference = _reference(ctx, unit)
    if reference is None:
        return None
    which = (match.groupdict().get("which") or "").lower()
    step = {"previous": -1, "preceding": -1, "prior": -1, "next": 1, "following": 1}.get(which, 0)
    start = start_date(reference)
    if unit == "week":
        return week_interval(start + dt.timedelta(weeks=step))
    if unit == "month":
        if granularity_of(reference) == "year":
            return None  # "that month" after "in 2019" says no month
        moved = add_months(start.replace(day=1), step)
        return month_value(moved.year, moved.month)
    return year_value(start.year + step)


def that_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'that day', 'later that afternoon': the reference day ('later'/'earlier' make it approx)."""
    reference = _reference(ctx, "day")
    if reference is None or granularity_of(reference) != "day":
        return None
    fuzzy = bool(match["fuzz"]) or reference.precision == "approx"
    return day_value(start_date(reference), "approx" if fuzzy else "day")


def in_that_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in April that year', 'on April 27 that year', 'that fall': in the reference's year."""
    reference = _reference(ctx, "year")
    if reference is None:
        return None
    year = start_date(reference).year
    season = match.groupdict().get("season") or match.groupdict().get("season2")
    if season:
        return season_value(year, season.lower())
    return _month_or_day(match, year)


def next_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the next day', 'the day before': one day from the reference time."""
    reference = _reference(ctx, "day")
    if reference is None:
        return None
    text = match.group(0).lower()
    step = -1 if ("before" in text or "previous" in text or "earlier" in text) else 1
    if "same" in text:
        step = 0
    base = shift(reference, step, "day")
    precision = "day" if reference.precision == "day" and not reference.date_end else "approx"
    return _not_finer_than(day_value(base, precision), reference)


def past_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in the past two years': from that long before the anchor up to it, by month."""
    if ctx.anchor is None:
        return None
    unit = match["unit"].lower()
    amount = number_value(match["num"])
    if unit in ("hour", "minute"):
        return None
    if unit in ("day", "week"):
        start = shift(day_value(ctx.anchor), -amount, unit)
        return TimeValue(iso_day(start), "approx", iso_day(ctx.anchor))
    start = shift(day_value(ctx.anchor), -amount, unit)
    return TimeValue(
        f"{start.year:04d}-{start.month:02d}",
        "approx",
        f"{ctx.anchor.year:04d}-{ctx.anchor.month:02d}",
    )


def in_amount(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'their first in eight months' (back from the anchor), 'will resume in two weeks', or
    'within 30 days' (from the anchor to then)."""
    if ctx.anchor is None:
        return None
    if _modifier(match)[0]:
        return OPEN
    unit = match["unit"].lower()
    if unit in ("hour", "minute"):
        return None
    amount = number_value(match["num"])
    before = ctx.sentence[: ctx.start].lower()
    if re.search(r"\bfirst\b", before):
        base = shift(day_value(ctx.anchor), -amount, unit)
        return _amount_value(base, unit, True, amount)
    if match.group(0).lower().startswith("within"):
        # "within 30 days": any time from now to then
        end = shift(day_value(ctx.anchor), amount, unit)
        return TimeValue(iso_day(ctx.anchor), "approx", iso_day(end))
    if ctx.tense in ("future", "intent"):
        base = shift(day_value(ctx.anchor), amount, unit)
        return _amount_value(base, unit, True, amount)
    return None


def offset_from_event(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'hours before the launch on Monday', 'two months after the court ruled', 'one day after'.

    With a date later in the clause, the offset counts from it. Otherwise the clause after
    'after'/'before' is an event dated from the reference time: "X came one day after Y" puts Y
    one day before the reference; fronted "Two days after Y, X ..." puts X two days after it.
    """
    unit = (match.groupdict().get("unit") or match["bare"]).lower().rstrip("s")
    amount = number_value(match["num"]) if match.groupdict().get("num") else 0
    if (not amount and unit not in ("hour", "minute")) or _vague_count_before(ctx):
        return OPEN  # "days after" / "several hours before" leave the time open
    is_open, fuzzy = _modifier(match)
    if is_open:
        return OPEN
    after = match["dir"].lower() == "after"
    step_unit = "day" if unit in ("hour", "minute") else unit
    if unit in ("hour", "minute"):
        amount = 0
    if ctx.later:
        target = ctx.later[0]
        # "came a day after the North fired ... on Wednesday": Wednesday + 1
        base = shift(target, amount if after else -amount, step_unit)
        return _not_finer_than(_offset_value(base, unit, fuzzy), target)
    reference = _named_event(ctx, match.end()) or (
        _reference(ctx, unit) if ctx.reference is not None else None
    )
    if reference is None:
        return None
    direction = -1 if after == counts_following_clause(ctx.sentence, ctx.start, match.end()) else 1
    base = shift(reference, direction * amount, step_unit)
    return _not_finer_than(_offset_value(base, unit, fuzzy), reference)


DETERMINERS = frozenset("the this that these those its his her their".split())


def _named_event(ctx: Context, end: int) -> TimeValue | None:
    """The date of an event named again after 'hours after': 'the launch', 'the vote'.

    The noun is looked up in the sentences told before (with its synonyms, when it has some).
    """
    following = re.match(
        r"\s*(?:the|this|that|its|their|his|her)\s+([A-Za-z-]+)", ctx.sentence[end:]
    )
    if following is None:
        return None
    noun = following[1].lower()
    clue = re.compile(EVENT_NOUN_CLUES.get(noun, re.escape(noun[:6])), re.IGNORECASE)
    # "Hours after the launch": the launch the story is about, i.e. the first day-dated one told.
    return next(
        (
            value
            for value, sentence in ctx.history
            if granularity_of(value) == "day" and clue.search(sentence)
        ),
        None,
    )


def counts_following_clause(sentence: str, start: int, end: int) -> bool:
    """Whether 'N days after ...' dates the clause that follows rather than its own clause.

    Fronted ("Two days after the summit, Kim ...") or followed by a short definite noun phrase
    ("... three months after the vote"): the sentence's own event counts from the reference.
    Followed by a clause ("... comes one day after Biden said ..."): that clause's event is the
    one counted back from the reference.
    """
    fronted = not sentence[:start].strip(' "“')
    following = re.match(r"\s*([^,;.]*)", sentence[end:])[1].split()  # type: ignore[index]
    anaphoric = len(following) <= 3 and bool(following) and following[0].lower() in DETERMINERS
    return not (fronted or anaphoric)


def _offset_value(base: dt.date, unit: str, fuzzy: bool) -> TimeValue:
    """An offset from another event is exact only in days; 'two months after' is approx."""
    if unit == "day":
        return day_value(base, "approx" if fuzzy else "day")
    if unit == "year":
        return year_value(base.year, "approx")
    return _amount_value(base, unit, True)


# An event named again by a noun ("after the meeting", "since Yoon's inauguration") takes the
# date of the latest earlier sentence that tells of it; each noun lists the words that do.
EVENT_NOUN_CLUES: dict[str, str] = {
    "meeting": r"\bme(?:et|ets|t|eting)\b|summit|talks",
    "summit": r"summit|\bmet\b|meeting",
    "talks": r"\btalks\b|negotiat|\bmet\b|meeting",
    "inauguration": r"inaugurat|(?:took|assumed|entered|taking) office|sworn in",
    "election": r"\belect",
    "vote": r"\bvot|\belect|referendum|approv|adopt",
    "broadcasts": r"broadcast|loudspeaker|blast",
    "launches": r"launch|\bfired\b",
    "launch": r"launch|\bfired\b",
    "test": r"\btest|launch|detonat",
    "visit": r"\bvisit|arriv|\btrip\b",
    "speech": r"\bspeech|\baddress\b",
    "address": r"\baddress\b|\bspeech",
    "announcement": r"announc",
    "attack": r"attack|shell|struck|\bsank\b",
    "exercise": r"exercise|\bdrill",
    "exercises": r"exercise|\bdrill",
    "drills": r"exercise|\bdrill",
    "ruling": r"\bcourt\b|\brul",
    "agreement": r"agree|\bsigned\b|accord",
}


def event_anaphor(match: re.Match[str], ctx: Context) -> TimeValue | None:
    clue = re.compile(EVENT_NOUN_CLUES[match["noun"].lower()], re.IGNORECASE)
    referent = next(
        (value for value, sentence in reversed(ctx.history) if clue.search(sentence)), None
    )
    if referent is None:
        return None
    if match["prep"].lower() == "since":
        return referent
    if ctx.sentence[: ctx.start].strip(' "“'):
        return None  # a trailing "... after the launch" leaves the time open; a fronted one sets it
    return TimeValue(referent.date, "approx", referent.date_end)


def qualified_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return year_value(_year(match))


def relative_qualified(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'later this year', 'the end of last year', 'early next month'."""
    if ctx.anchor is None:
        return None
    step = {"last": -1, "next": 1}.get(match["which"].lower(), 0)
    return _unit_value(ctx.anchor, match["unit"].lower(), step, ctx.tense)


def the_year_alone(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'by the end of the year' / 'earlier this year' speak of the anchor's year."""
    if ctx.anchor is None:
        return None
    return _unit_value(ctx.anchor, match["unit"].lower(), 0, ctx.tense)


def earlier_today(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return day_value(ctx.anchor) if ctx.anchor else None


# ---------------------------------------------------------------------------------------------
# The rule table
# ---------------------------------------------------------------------------------------------
# Each rule's cheap pre-test: a sentence without these words cannot hold a match, so the
# rule's full pattern is not run on it (most sentences have no date at all).
_YEAR_TRIGGER = r"\d{4}"
_MONTH_TRIGGER = r"\b(?:" + MONTH_WORDS.replace("\\.?", "").replace("\\.", "") + r")"
TRIGGERS: dict[str, str] = {
    **dict.fromkeys(
        """iso_date full_date_mdy full_date_dmy full_date_range month_year_range month_span_dash
        month_year year_span year_from_to consecutive_years decade qualified_year year
        season_year""".split(),
        _YEAR_TRIGGER,
    ),
    **dict.fromkeys(
        "day_span night_to month_day day_month month_span month_alone month_relative_year".split(),
        _MONTH_TRIGGER,
    ),
    "weekday": WEEKDAY_WORDS,
    "weekday_span": WEEKDAY_WORDS,
    "season": r"(?i:spring|summer|fall|autumn|winter)",
    "holiday": r"New Year|Christmas",
    "earlier_today": r"(?i:today|in the day|this (?:morning|afternoon|evening))",
    "deictic_day": r"(?i:today|tonight|yesterday|tomorrow)",
    "over_the_weekend": r"(?i:weekend)",
    "relative_qualified": r"(?i:\b(?:this|last|next)\b)",
    "relative_unit": r"(?i:\b(?:this|last|next|coming|past)\b)",
    "the_year": r"(?i:the (?:year|month)\b)",
    "ago": r"(?i:\bago\b)",
    "later_earlier": r"(?i:later|earlier)",
    "next_day": r"(?i:\bday\b|morning|evening|night)",
    "reference_unit": r"(?i:\b(?:week|month|year)\b)",
    "that_day": r"(?i:\bthat\s)",
    "in_that_year": r"(?i:\b(?:that|same)\s)",
    "weekday_runs_through": WEEKDAY_WORDS,
    "past_span": r"(?i:\b(?:past|last)\b)",
    "in_amount": r"(?i:\b(?:in|within)\b)",
    "offset_from_event": r"(?i:after|before)",
    "event_anaphor": r"(?i:after|since|following)",
}


def _rule(
    name: str, pattern: str, resolve: Resolver, relational: bool = False, absorbing: bool = False
) -> Rule:
    # re.compile caches by pattern text, so rules sharing a trigger share one compiled object.
    return Rule(
        name,
        re.compile(_sub(pattern)),
        resolve,
        relational,
        absorbing,
        re.compile(TRIGGERS[name]),
    )


PART_OF = r"(?:(?i:early|mid|late)[- ]|(?i:the )?(?i:end|beginning|start|middle|first half|second half|first|last) (?i:days? |weeks? )?of )"
ON = r"(?:\b(?i:on|in|since|from|by|until|till|through|during|before|after|of|as of)\s+)?"

RULES: list[Rule] = [
    _rule("iso_date", r"\b(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", iso_date),
    _rule("full_date_mdy", ON + r"(?:{WEEKDAY},?\s+)?{MONTH}\s*{DAY},?\s*{YEAR}", full_date),
    _rule(
        "full_date_dmy", ON + r"(?:{WEEKDAY},?\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", full_date
    ),
    _rule(
        "day_span",
        ON
        + r"{MONTH}\s*{DAY}\s*(?:-|–|—|(?i:and|to|through|until))\s*(?:{MONTH2}\s*)?{DAY2}(?:,?\s*{YEAR})?",
        day_span,
    ),
    _rule(
        "night_to",
        r"(?i:the\s+)?(?i:night|overnight)\s+(?i:to|into|before)\s+{MONTH}\s*{DAY}(?:,?\s*{YEAR})?",
        night_to,
    ),
    _rule("month_day", ON + r"(?:{WEEKDAY},?\s+)?{MONTH}\s*{DAY}(?!\s*(?:-|–|,?\s*\d))", month_day),
    _rule("day_month", ON + r"\b{DAY}\s+(?:of\s+)?{MONTH}(?!,?\s+\d)", month_day),
    _rule(
        "month_span",
        r"(?i:from|between)\s+{MONTH}\s+(?i:to|and|through|until)\s+{MONTH2}(?:,?\s+{YEAR})?",
        month_span,
    ),
    _rule(
        "full_date_range",
        r"(?i:from|between)\s+{MONTH}\s*{DAY},?\s*{YEAR}\s+(?i:to|and|through|until)\s+{MONTH2}\s*{DAY2},?\s*{YEAR2}",
        full_date_range,
    ),
    _rule(
        "month_year_range",
        r"(?i:from|between)\s+{MONTH}\s+(?:of\s+)?{YEAR}\s+(?i:to|and|through|until)\s+{MONTH2}\s+(?:of\s+)?{YEAR2}",
        month_year_range,
    ),
    _rule("month_span_dash", r"{MONTH}\s*[-–]\s*{MONTH2},?\s+{YEAR}", month_span),
    _rule("month_year", ON + PART_OF + r"?{MONTH},?\s+(?:of\s+)?{YEAR}", month_year),
    _rule(
        "month_relative_year",
        ON
        + r"{MONTH}(?:\s+{DAY})?,?\s+(?:(?i:of)\s+)?(?P<which>(?i:last|next|this))\s+(?i:year)\b",
        month_relative_year,
    ),
    _rule(
        "month_alone",
        r"(?:\b(?i:in|since|until|till|by|for|from|through|during|last|next|this|early|late|mid|as of|"
        r"their|its|his|her|the|"
        r"the end of|the beginning of|the start of|the middle of)[\s-]+(?:(?i:early|late|mid)[\s-]+)?"
        r"(?:(?i:the end of|the beginning of|the start of|the middle of)\s+)?){MONTH}"
        r"(?:'s|’s)?(?![\w-]|\s+\d)",
        month_alone,
    ),
    _rule("year_span", ON + r"{YEAR}\s*(?:-|–|—)\s*(?P<year2>\d{4}|\d{2})(?![\d-])", year_span),
    _rule(
        "year_from_to",
        r"(?i:from|between)\s+{YEAR}\s+(?i:to|and|through|until)\s+(?P<year2>\d{4})(?!\d)",
        year_span,
    ),
    _rule(
        "consecutive_years",
        ON + PART_OF + r"?{YEAR}\s+(?i:and|or)\s+" + PART_OF + r"?{YEAR2}",
        consecutive_years,
    ),
    _rule(
        "decade",
        r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[- ])?(?P<decade>1[89]\d0|20\d0)['’]?s\b",
        decade,
    ),
    _rule(
        "season",
        r"(?:(?i:in|during|by|until|since|this|last|next|early|late|the|past|coming)\s+)+"
        r"(?P<season>spring|summer|fall|autumn|winter)(?![a-z])(?:\s+(?:of\s+)?{YEAR})?(?!\s+[A-Z])",
        season,
    ),
    _rule(
        "season_year",
        r"(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?{YEAR}",
        season,
    ),
    _rule(
        "holiday",
        # "New Year's" alone is a day only before an address, speech or message of that day
        # (a "New Year's news conference" may fall on any day of early January).
        r"(?<!Lunar )(?P<holiday>New Year['’]s(?: Day| Eve|(?=\s+(?:address|speech|message)\b))"
        r"|Christmas(?: Day| Eve)?)\b(?:,?\s+{YEAR})?",
        holiday,
    ),
    _rule("qualified_year", ON + PART_OF + r"{YEAR}", qualified_year),
    _rule("year", ON + r"(?<![\w$€£#.,/-]){YEAR}(?:['’]s)?(?![\w-]|,\d|\.\d)", year_only),
    _rule(
        "earlier_today",
        r"(?i:(?:earlier|later)\s+(?:in\s+the\s+day|today|this\s+(?:morning|afternoon|evening))"
        r"|this\s+(?:morning|afternoon|evening))",
        earlier_today,
    ),
    _rule(
        "deictic_day", r"\b(?P<word>(?i:today(?!['’]s)|tonight|yesterday|tomorrow))\b", deictic_day
    ),
    _rule(
        "weekday_runs_through",
        r"(?:(?i:on)\s+)?{WEEKDAY}\b[^.;]{0,60}?\b(?i:that|which)?\s*(?i:runs?|ran|lasts?|lasted|continues?|continued|running|lasting)\s+"
        r"(?i:through|until|till|to|into)\s+(?:(?i:early|late)\s+)?{WEEKDAY2}",
        weekday_span,
    ),
    _rule(
        "weekday_span",
        r"(?:(?i:from)\s+)?{WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night))?\s+"
        r"(?i:through|to|and|until|till|into)\s+(?:(?i:early|late)\s+)?(?:(?i:on)\s+)?{WEEKDAY2}"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
        weekday_span,
    ),
    _rule(
        "weekday",
        r"(?:(?i:on|last|next|this|early|late|by|until|from|since|past|coming)\s+)?{WEEKDAY}(?:['’]s)?"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
        weekday,
    ),
    _rule("over_the_weekend", r"(?i:over|during|at|on)\s+the\s+(?i:weekend)", over_the_weekend),
    _rule(
        "relative_qualified",
        r"(?i:(?:earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
        r"the\s+middle\s+of|the\s+rest\s+of)\s+)(?P<which>(?i:this|last|next))\s+(?P<unit>(?i:year|month|week))",
        relative_qualified,
    ),
    _rule(
        "relative_unit",
        r"(?<!the )(?<!The )(?P<which>(?i:last|next|this|the\s+coming|the\s+past))\s+"
        r"(?P<unit>(?i:week|month|year|weekend))\b(?!-)",
        relative_unit,
    ),
    _rule(
        "the_year",
        r"(?i:(?:by|before|until|at|since|from)\s+the\s+(?:end|start|beginning|middle)\s+of\s+the\s+)(?P<unit>(?i:year|month))",
        the_year_alone,
    ),
    _rule(
        "ago",
        COUNT + r"\s+(?i:ago)",
        ago,
    ),
    _rule(
        "later_earlier",
        COUNT_OR_HOURS + r"\s+(?P<dir>(?i:later|earlier))",
        later_earlier,
        relational=True,
    ),
    _rule(
        "reference_unit",
        r"(?i:\bthe\s+(?P<which>previous|preceding|prior|next|following)\s+|"
        r"\b(?:(?:later|earlier|early|late)\s+(?:in\s+)?)?(?:that|the\s+same)\s+)"
        r"(?P<unit>(?i:week|month|year))\b",
        reference_unit,
        relational=True,
    ),
    _rule(
        "that_day",
        r"(?:(?P<fuzz>(?i:later|earlier))\s+)?(?i:that)\s+(?i:day|morning|afternoon|evening|night)\b",
        that_day,
        relational=True,
    ),
    _rule(
        "in_that_year",
        r"(?:(?:\b(?i:in|on|by|since|until)\s+)?{MONTH}(?:\s+{DAY})?\s+(?:(?i:of)\s+)?"
        r"|(?P<season>(?i:spring|summer|fall|autumn|winter))\s+(?:(?i:of)\s+)?)(?i:that|the\s+same)\s+year\b"
        # "That fall, Moon ..." is a season; "actions that fall below the threshold" is a verb
        r"|\b(?i:that)\s+(?P<season2>(?i:spring|summer|autumn|winter)\b|(?i:fall)(?=\s*[,.;]))",
        in_that_year,
        relational=True,
        absorbing=True,
    ),
    _rule(
        "next_day",
        r"(?i:the\s+(?:next|following|previous|same)\s+(?:day|morning|evening|night)|the\s+day\s+(?:before|after)"
        r"|a\s+day\s+(?:earlier|later))",
        next_day,
        relational=True,
    ),
    _rule(
        "past_span",
        r"(?i:in|over|during)\s+the\s+(?i:past|last)\s+(?P<num>" + NUMBER + r")\s+" + UNIT + r"\b",
        past_span,
    ),
    _rule(
        "in_amount",
        r"\b(?i:in|within)\s+(?:(?P<mod>"
        + FUZZY
        + r")\s+)?(?P<num>"
        + NUMBER
        + r")\s+"
        + UNIT
        + r"\b(?!\s+(?i:ago|later|earlier|after|before))",
        in_amount,
    ),
    _rule(
        "offset_from_event",
        COUNT_OR_HOURS + r"\s+(?P<dir>(?i:after|before))",
        offset_from_event,
        relational=True,
    ),
    _rule(
        "event_anaphor",
        r"(?P<prep>(?i:after|since|following))\s+(?:(?i:the|this|that|his|her|their|its)|[A-Z][\w’'-]+['’]s)\s+"
        r"(?:[\w-]+\s+)?(?P<noun>(?i:" + "|".join(EVENT_NOUN_CLUES) + r"))\b",
        event_anaphor,
        relational=True,
    ),
]


RULES_BY_NAME = {rule.name: rule for rule in RULES}
