"""Resolvers: each turns a rule's match and its context (the anchor date, the clause's tense, the
narrative's reference time, the sentences told before) into a `TimeValue`, `OPEN` when the text
leaves the time open (no row, and the words stay taken), or None when the match is no date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from extract.dating.calendar import (
    SEASONS,
    WEEKDAYS,
    TimeValue,
    add_months,
    day_value,
    granularity_of,
    iso_day,
    iso_span,
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
from extract.dating.holidays import HOLIDAY_WORDS, Holiday, holiday_day, holiday_named
from extract.dating.tense import last_done
from extract.dating.vocabulary import (
    DAY_COUNT,
    ERA_NAMES,
    EVENT_NOUN_CLUES,
    MONTH_WORDS,
    OCCASION_PARTS,
    OPEN_BOUNDS,
    SPOKEN_DAYS,
    WEEKDAY_WORDS,
    month_number,
    number_value,
    ordinal_value,
    spoken_decade,
    spoken_year,
    weekday_number,
)
from extract.table.eras import Era, read_eras


class Told(NamedTuple):
    """A date told before, for what a later expression counts from or names again."""

    value: TimeValue
    sentence: str
    start: int = -1  # where its expression begins and ends in the sentence (-1: a heading's day)
    end: int = -1


@dataclass
class Context:
    """What a resolver may use besides the match: anchor date, clause tense, reference time."""

    anchor: dt.date | None
    tense: str
    reference: TimeValue | None
    sentence: str
    start: int
    later: list[TimeValue] = field(default_factory=list)  # dated expressions later in the clause
    earlier: list[TimeValue] = field(
        default_factory=list
    )  # dated expressions before, same sentence
    history: Sequence[Told] = ()  # the dates told before, oldest first
    day_reference: TimeValue | None = None  # the latest day-precise time told
    frame: TimeValue | None = None  # the time the previous sentence was about, if it named one


# A date right after an expression ("since taking office last May", "... in 2017").
DATE_FOLLOWS_RE = re.compile(
    r"\s+(?:(?:in|on|last|this|early|late|mid)\s+)*(?:"
    + MONTH_WORDS
    + "|"
    + WEEKDAY_WORDS
    + r"|\d{4}\b)"
)
ERA_NAME_RE = re.compile(r"\b(?:" + ERA_NAMES + r")\b")
# A match whose time the text leaves open ("more than two years ago", "days after"): it gives no
# row, and it keeps shorter rules from reading a date into its words.
OPEN = TimeValue("", "open")

Resolver = Callable[[re.Match[str], Context], TimeValue | None]


# "last", "this", "next" (year, month, week ...): steps from the anchor's
RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}


def _year(match: re.Match[str], name: str = "year") -> int:
    """The year a group tells, in digits or spoken ('two thousand nine', 'oh-six')."""
    told = match[name]
    return int(told) if told.isdigit() else spoken_year(told)


def _day(match: re.Match[str], name: str = "day") -> int:
    """The day of the month a group tells: '12', '12th' or spoken ('twelfth', 'twenty-fifth')."""
    told = match[name]
    return int(told) if told.isdigit() else SPOKEN_DAYS[told.lower()]


def _full_year(first: int, second: str) -> int:
    """'1950-53' -> 1953; '2016-2017' -> 2017."""
    if len(second) == 4:
        return int(second)
    century = first - first % 100
    value = century + int(second)
    return value if value > first else value + 100


def full_date(match: re.Match[str], ctx: Context) -> TimeValue | None:
    day = safe_date(_year(match), month_number(match["month"]), _day(match))
    return day_value(day) if day else None


def iso_date(match: re.Match[str], ctx: Context) -> TimeValue | None:
    day = safe_date(_year(match), int(match["mon"]), _day(match))
    return day_value(day) if day else None


def numeric_date(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'2/15/2013' is month first (US); '15/2/2013' day first, as its first number is no month."""
    first, second = int(match["first"]), int(match["second"])
    month, day = (first, second) if first <= 12 else (second, first)
    found = safe_date(_year(match), month, day)
    return day_value(found) if found else None


def numeric_day_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'(2019. 2. 27.-28.)': Korean style, the second day in the same month."""
    start = safe_date(_year(match), int(match["mon"]), _day(match))
    end = safe_date(_year(match), int(match["mon"]), _day(match, "day2"))
    if start is None or end is None or end <= start:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def numeric_month_day_weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'6. 21.(Fri)': Korean style without a year; the year nearest the anchor in which that
    day falls on that weekday."""
    if ctx.anchor is None:
        return None
    month, day = int(match["mon"]), _day(match)
    prefix = match["weekday"].lower()[:3]
    weekday = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(prefix))
    days = [
        found
        for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
        if (found := safe_date(year, month, day)) is not None and found.weekday() == weekday
    ]
    if not days:
        return None
    return day_value(min(days, key=lambda found: abs((found - ctx.anchor).days)))


def year_apostrophe(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "in '94" is 1994, "the '18 summit" 2018."""
    return year_value(_short_year(match["yy"]))


def _short_year(digits: str) -> int:
    short = int(digits)
    return short + (2000 if short < 50 else 1900)


def fiscal_year_relative(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'this fiscal year' is the publication year; 'next fiscal year' the year after."""
    if ctx.anchor is None:
        return None
    which = match["which"].lower().split()[-1]
    return year_value(ctx.anchor.year + {"last": -1, "next": 1, "coming": 1}.get(which, 0))


QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


def quarter(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Q3 2019', 'the third quarter of 2019' are July-September 2019 (month precision); without
    a year, the quarter by tense and nearness."""
    groups = match.groupdict()
    if FIGURE_OF_QUARTER_RE.fullmatch(match.group(0)) and re.match(
        r"\s+[a-z]", ctx.sentence[ctx.start + len(match.group(0)) :]
    ):
        return OPEN  # "record second-quarter operating profit": the period of a figure
    number = int(groups["q"]) if groups.get("q") else QUARTERS[groups["ordinal"].lower()]
    return _part_of_year(match, ctx, 3 * number - 2, 3)


def quarter_relative(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'last quarter' (published in May 2016) is January-March 2016, 'this quarter' April-June,
    'next quarter' July-September (month precision)."""
    if ctx.anchor is None:
        return None
    which = match["which"].lower().split()[-1]
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    first = add_months(
        dt.date(ctx.anchor.year, 3 * ((ctx.anchor.month - 1) // 3) + 1, 1), 3 * offset
    )
    last = add_months(first, 2)
    return TimeValue(
        f"{first.year:04d}-{first.month:02d}", "month", f"{last.year:04d}-{last.month:02d}"
    )


# A quarter as an adjective, with no year: "second-quarter", "third-quarter results"
FIGURE_OF_QUARTER_RE = re.compile(r"(?i:first|second|third|fourth|final)-(?i:quarter)")


def this_day_in_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'On this day in 1953': the publication's month and day in that year."""
    if ctx.anchor is None:
        return None
    found = safe_date(_year(match), ctx.anchor.month, ctx.anchor.day)
    return day_value(found) if found else None


def first_months(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the first nine months of this year': January to September (month precision); without
    a year, by tense and nearness."""
    return _part_of_year(match, ctx, 1, number_value(match["num"]))


def half_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the first half of 2024' is January-June 2024 (month precision), 'the second half'
    July-December; without a year, the half by tense and nearness."""
    return _part_of_year(match, ctx, 1 if match["ordinal"].lower() == "first" else 7, 6)


YEAR_TOLD_RE = re.compile(r"\b(?:in|since|of|during)\s+(1[89]\d\d|20\d\d)\b(?![\d-])")


def _part_of_year(match: re.Match[str], ctx: Context, first: int, months: int) -> TimeValue | None:
    """The months first .. first + months - 1 of the match's year, or of the year that tense
    and nearness give ('which': this/last/next year)."""
    groups = match.groupdict()
    # "since 2001, when 583 people arrived in the first six months": the year told before
    told = YEAR_TOLD_RE.findall(ctx.sentence, 0, ctx.start)
    if groups.get("year"):
        year = _year(match)
    elif groups.get("which") and ctx.anchor is not None:
        year = ctx.anchor.year + RELATIVE_YEARS.get(groups["which"].lower(), 0)
    elif told:
        year = int(told[-1])
    elif ctx.anchor is None:
        return None
    else:
        spans = [
            (
                y,
                dt.date(y, first, 1),
                add_months(dt.date(y, first, 1), months) - dt.timedelta(days=1),
            )
            for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)
        ]
        if ctx.tense == "past":
            year = max(y for y, start, _ in spans if start <= ctx.anchor)
        elif ctx.tense in ("future", "intent"):
            year = min(y for y, _, end in spans if end >= ctx.anchor)
        else:
            year = min(spans, key=lambda s: abs((s[1] - ctx.anchor).days))[0]
    last = first + months - 1
    return TimeValue(f"{year:04d}-{first:02d}", "month", f"{year:04d}-{last:02d}")


def first_quarters(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the first three quarters of this year' are January-September (month precision), the
    year as for one quarter."""
    first = quarter(match, ctx)
    if first is None:
        return None
    count = {"two": 2, "three": 3}[match["count"].lower()]
    return TimeValue(first.date, "month", f"{first.date[:4]}-{3 * count:02d}")


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


# A month and day that name something ("the June 15 declaration", "the Feb. 8 Vinalon Complex"):
# a document noun within two words, or a capitalised name ending before a preposition or verb.
NAMED_DOCUMENT = (
    r"\s+(?:[\w-]+\s+){0,2}(?i:agreement|accord|declaration|deal|communiqu[eé]|pact|"
    r"joint\s+statement|measure|package|era|spirit)s?\b"  # "the June 15 era"
)
NAMED_BY_DATE_RE = re.compile(
    NAMED_DOCUMENT + r"|\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|of|on"
    r"|to|with|by|for|and|or|that|which|was|were|is|are|has|had|signed|agreed|reached|adopted)\b)"
)
NAMED_DOCUMENT_RE = re.compile(NAMED_DOCUMENT)


def names_by_date(match: re.Match[str], ctx: Context) -> bool:
    """'the Sept. 19 agreement', 'the April 25 House of Culture': a name, not a date this year;
    so is a document named by its date at the head of a sentence, a glossary's or a list's entry
    ("June 15 Joint Declaration. The accord of the first summit", "May 24 measures. ...")."""
    after = ctx.start + len(match.group(0))
    if re.search(r"\b[Tt]he\s+[\"“‘']?$", ctx.sentence[: ctx.start]):
        return bool(NAMED_BY_DATE_RE.match(ctx.sentence, after))
    return not ctx.sentence[: ctx.start].strip(" \"“‘'*•-") and bool(
        NAMED_DOCUMENT_RE.match(ctx.sentence, after)
    )


def month_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    month, day = month_number(match["month"]), _day(match)
    if not match.groupdict().get("year") and names_by_date(match, ctx):
        return OPEN  # the text does not give the year of the named agreement
    if match.groupdict().get("year"):
        found = safe_date(_year(match), month, day)
        return day_value(found) if found else None
    if ctx.anchor is None:
        return None
    listed_with = LISTED_DATE_RE.match(match.string, match.end())
    if listed_with:  # "on April 27 and May 26, 2018": the year told once for both
        found = safe_date(int(listed_with["year"]), month, day)
        return day_value(found) if found else None
    if match.groupdict().get("weekday"):  # "on Monday, 11 September": the year whose day it is
        weekday = weekday_number(match["weekday"])
        fits = [
            found
            for year in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1)
            if (found := safe_date(year, month, day)) and found.weekday() == weekday
        ]
        if fits:
            return day_value(min(fits, key=lambda found: abs((found - ctx.anchor).days)))
    year = _year_for(ctx, month, day, ctx.tense)
    found = safe_date(year, month, day) if year else None
    return day_value(found) if found else None


LISTED_DATE_RE = re.compile(
    r",?\s+(?:and|or)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?P<year>(?:1[89]|20)\d\d)\b"
)


# A month and year told in the sentence ("Sep 2018", "September, 2018").
# "since (late) November 2012", "Since he took office in May 2022, ...": a time since which
SINCE_BEFORE_RE = re.compile(r"\bsince\b[^,;]*$", re.IGNORECASE)
SINCE_AT_RE = re.compile(r"since\s", re.IGNORECASE)
AFTER_RE = re.compile(r"\bafter\b", re.IGNORECASE)
MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{MONTH_WORDS})(?![A-Za-z]),?\s+(?P<year>(?:19|20)\d\d)\b")


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
    if (year := _apposed_year(ctx)) is not None and not strict:
        return year
    same_month = [
        int(told["year"])
        for told in MONTH_YEAR_RE.finditer(ctx.sentence, 0, ctx.start)
        if month_number(told["month"]) == month
    ]
    if same_month and not strict:  # "| Sep 2018 | ... talks from Sept. 18-20 |": that month's
        return same_month[-1]
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
    month_told = ctx.earlier[-1] if ctx.earlier else None
    if (
        month_told is not None
        and granularity_of(month_told) == "month"
        and tense in ("past", "present")
        and not strict
        and not last_done(ctx.sentence, ctx.start)  # "set up in September 2013, last met in
        # December": the most recent December
        and not SINCE_AT_RE.match(ctx.sentence, ctx.start)  # "opened in September 2018 ... and
        # closed since January": a state that lasts until the text, so the latest January
    ):
        # "cut off in late November 1950 and evacuated by sea in December", "In the summer of
        # 1994 ...: Kim Il Sung died on July 8": a month or day told bare after a month or
        # season of an earlier year in the same sentence is the next such one (the story goes
        # on), if the text was not yet written then
        story = start_date(month_told)
        told_at = [m for m in MONTH_YEAR_RE.finditer(ctx.sentence, 0, ctx.start)]
        since = bool(told_at) and SINCE_BEFORE_RE.search(ctx.sentence, 0, told_at[-1].start())
        # "in August 2017, weeks after the North's first two tests ... in July": before it
        back = bool(told_at) and AFTER_RE.search(ctx.sentence, told_at[-1].end(), ctx.start)
        # "signed in September 2018, the paper says the North has violated it ... in October":
        # the story has come back to the present
        now = bool(told_at) and (
            NOW_BETWEEN_RE.search(ctx.sentence, told_at[-1].end(), ctx.start)
            or ANOTHER_WHO_RE.search(ctx.sentence, told_at[-1].end(), ctx.start)
        )
        candidates = [
            found
            for y in (story.year - 1, story.year, story.year + 1)
            if (found := safe_date(y, month, day or 1)) is not None
            and ((found <= story) if back else (found >= story))
        ]
        # ("jailed since November 2012, and Paul Reiner ... was sentenced in September": the
        # time of another act, not the story's)
        # (only after a time told with its year: "in February last year, and an advisory on
        # March 21" is this year's March 21, the nearest)
        year_told = YEAR_DIGITS_RE.search(ctx.sentence, 0, ctx.start) is not None
        if candidates and year_told and not since and not now and story.year < ctx.anchor.year:
            chosen = candidates[-1] if back else candidates[0]
            if chosen <= ctx.anchor:
                return chosen.year
    told = None if last_done(ctx.sentence, ctx.start) else _story_day(ctx)
    # ("founded on October 10, 1945, ... visited the palace on October 10": the same day of the
    # year again is its anniversary, not the story's day)
    again = told is not None and (told.month, told.day) == (month, day)
    if told is not None and tense in ("past", "present") and not strict and not again:
        # "Ten years ago today, on Feb. 10, 2016, ... The decision came three days after a launch
        # on Feb. 7"; "On 9 June 2020, the North said ..., and on 16 June it demolished the
        # office": a story told in a past year keeps its year for the dates it leaves bare. A
        # day of the month is the nearest such day to the story's day, and so is a month told
        # after a day of the same sentence; a month alone told in a later sentence goes by tense
        # from the story's day (a new paragraph may come back to the present).
        if day is not None or any(granularity_of(v) == "day" for v in ctx.earlier):
            candidates = [
                found
                for y in range(told.year - 1, told.year + 2)
                if (found := safe_date(y, month, day or 1)) is not None
            ]
            year = min(candidates, key=lambda d: abs((told - d).days)).year if candidates else None
        else:
            year = pick_year(told, month, day, tense)
        first = safe_date(year, month, day or 1) if year else None
        if first is not None and abs((told - first).days) <= 120 and first <= ctx.anchor:
            return year
    if tense == "intent":
        ahead = pick_year(ctx.anchor, month, day, "future")
        if ahead is not None:
            start = dt.date(ahead, month, day or 1)
            if (start - ctx.anchor).days <= 183:
                return ahead
        return pick_year(ctx.anchor, month, day, "past", strict)
    return pick_year(ctx.anchor, month, day, tense, strict)


YEAR_DIGITS_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
MOVED_ON_RE = re.compile(r"\b(?i:following|next|previous|later|earlier|after|before|last)\b")
# A year told right before, set off by a comma: "died in 1968, in the spring", "in 1968, in March".
APPOSED_YEAR_RE = re.compile(r"\b(?i:in\s+)?(?P<year>(?:1[89]|20)\d\d),\s*$")


NOW_BETWEEN_RE = re.compile(r"\b(?:says|say|has|have)\b")
# "for Kim Jong Un, who took over ... in December 2011, and for President Park Geun-hye, who
# took office in February": another person's relative clause, not the story going on
ANOTHER_WHO_RE = re.compile(r"\band\b[^.;]*?,\s+who\b")


def _apposed_year(ctx: Context) -> int | None:
    """The year a bare month or season restates more closely ("in 1968, in the spring"), if any."""
    told = APPOSED_YEAR_RE.search(ctx.sentence, 0, ctx.start)
    return int(told["year"]) if told else None


def _story_day(ctx: Context) -> dt.date | None:
    """The day the story is at when it is told in an earlier year than its publication (a day,
    or a span's first day, told before in the sentence, else in an earlier one), else None."""
    # told before in the sentence (not a term: "under Roh Moo-hyun, ... under Lee Myung-bak, who
    # took office in February" is no February of Roh's first year)
    days = [v for v in ctx.earlier if granularity_of(v) == "day" and not _long_span(v)]
    told = days[-1] if days else ctx.day_reference or ctx.reference
    if told is None or ctx.anchor is None or granularity_of(told) != "day":
        return None
    day = start_date(told)
    return day if day.year < ctx.anchor.year else None


def _long_span(value: TimeValue) -> bool:
    """A span of days longer than a month (a president's term)."""
    first, last = iso_span(value.date, value.date_end)
    return (last - first).days > 31


# A date and its comma right before: the words after it are the next items of a list.
LIST_ITEM_BEFORE_RE = re.compile(r"\d,\s*(?:(?i:on)\s+)?$")


def day_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'June 6 and 7', 'Feb. 27-28, 2019', 'June 30-July 2'; 'April 27 and May 26' are two
    days, not a span (None: each is read on its own)."""
    month1 = month_number(match["month"])
    month2 = month_number(match["month2"]) if match.groupdict().get("month2") else month1
    day1, day2 = _day(match), _day(match, "day2")
    before = match.string[max(0, match.start() - 9) : match.start()] + match.group(0)[:8]
    listed = re.search(r"\band\b", match.group(0), re.IGNORECASE) and not re.search(
        r"\b(?:between|from)\s", before, re.IGNORECASE
    )  # "between January 24 and February 9" is a span
    if listed and (
        (month2, day2) != (month1, day1 + 1)
        or LIST_ITEM_BEFORE_RE.search(match.string, 0, match.start())
    ):
        return None  # ("on Sept. 25, Sept. 28 and Sept. 29": the last two days of a list)
    if match.groupdict().get("year"):
        year = _year(match)
    elif ctx.anchor is not None:
        year = _year_for(ctx, month1, day1, ctx.tense)
    else:
        return None
    if year is None:
        return None
    start = safe_date(year, month1, day1)
    end = safe_date(year + (1 if month2 < month1 else 0), month2, day2)
    # a span longer than two months needs its year told ("6 March - 28 June 2026": an exhibition)
    longest = 366 if match.groupdict().get("year") else 62
    if not start or not end or end <= start or (end - start).days > longest:
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
    """'May 2018', 'a March morning in 2013', 'February '19'."""
    if match.groupdict().get("yy"):
        return month_value(_short_year(match["yy"]), month_number(match["month"]))
    return month_value(_year(match), month_number(match["month"]))


def qualified_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'early 2018' is the year; 'by the end of 2026' its last month, as 'by the end of the
    year' is."""
    if re.search(r"\bend\s+of\b", match.group(0), re.IGNORECASE):
        return month_value(_year(match), 12)
    return year_value(_year(match))


def month_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from March to May 2018', 'March-April 2018', 'between May and July'."""
    first, second = month_number(match["month"]), month_number(match["month2"])
    if match.groupdict().get("year"):
        end_year = _year(match)
        start_year = end_year - (1 if second < first else 0)
    elif match.groupdict().get("which") and ctx.anchor is not None:
        end_year = ctx.anchor.year + RELATIVE_YEARS[match["which"].lower()]
        start_year = end_year - (1 if second < first else 0)
    elif ctx.anchor is not None:
        tense, strict = _tense_for(match, ctx)
        start_year = pick_year(ctx.anchor, first, None, tense, strict)
        if start_year is None:
            return None
        end_year = start_year + (1 if second < first else 0)
    else:
        return None
    return _months(start_year, first, end_year, second)


def _months(start_year: int, first: int, end_year: int, second: int) -> TimeValue | None:
    """The months from one to another, as a month interval (None unless the second is later)."""
    if (end_year, second) <= (start_year, first):
        return None
    return TimeValue(f"{start_year:04d}-{first:02d}", "month", f"{end_year:04d}-{second:02d}")


def month_pair(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in May and June 2013', 'in late May and early June': two months in a row are one span
    (as 'June 6 and 7' are); two months apart ('in March and May 2013') are two, each read on
    its own (None)."""
    first, second = month_number(match["month"]), month_number(match["month2"])
    if second != first % 12 + 1:
        return None
    if match["year"] or match["which"] or ctx.anchor is None:
        return month_span(match, ctx)
    # "in late May and early June": the first month's year, as for a month told alone
    tense, strict = _tense_for(match, ctx)
    year = _year_for(ctx, first, None, tense, strict)
    return _months(year, first, year + (second < first), second) if year else None


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


def numeric_date_range(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from 2000.08.15 to 2000.08.18'."""
    return _range(iso_date(match, ctx), _second(match, iso_date))


def full_date_range(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from Jan. 3, 2018 to Feb. 5, 2018'."""
    return _range(full_date(match, ctx), _second(match, full_date))


def month_year_range(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from November 2017 to February 2018'."""
    return _range(month_year(match, ctx), _second(match, month_year))


def _month_or_day(match: re.Match[str], year: int) -> TimeValue | None:
    """The match's month (and day, or days, when it names them) in the given year."""
    month = month_number(match["month"])
    if match.groupdict().get("day"):
        found = safe_date(year, month, _day(match))
        last = (
            safe_date(year, month, _day(match, "day2")) if match.groupdict().get("day2") else None
        )
        if found and last and last > found:
            return TimeValue(iso_day(found), "day", iso_day(last))
        return day_value(found) if found else None
    return month_value(year, month)


def month_relative_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'June last year', 'May 3 next year', 'in August this year'."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + RELATIVE_YEARS.get(match["which"].lower(), 0)
    return _month_or_day(match, year)


def day_span_relative_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on May 1-3 last year'."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + RELATIVE_YEARS[match["which"].lower()]
    month = month_number(match["month"])
    start, end = safe_date(year, month, _day(match)), safe_date(year, month, _day(match, "day2"))
    if start is None or end is None or end <= start:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def month_alone(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    if re.match(r"(?i:the)\s", match.group(0)) and re.match(
        r"\s+[A-Z]", ctx.sentence[ctx.start + len(match.group(0)) :]
    ):
        return None  # "the May Day Stadium", "the April Revolution": a name
    month = month_number(match["month"])
    listed = MONTH_YEAR_LISTED_AFTER_RE.match(ctx.sentence, ctx.start + len(match.group(0)))
    if listed is not None:  # "in March and May 2013": the year the list ends with
        year = int(listed["year"]) - (month > month_number(listed["month"]))
        return month_value(year, month)
    tense, strict = _tense_for(match, ctx)
    year = _year_for(ctx, month, None, tense, strict)
    return month_value(year, month) if year else None


# A month and year after a month told alone: "in March and May 2013"
MONTH_YEAR_LISTED_AFTER_RE = re.compile(
    rf"\s+(?:and|or)\s+(?:in\s+)?(?P<month>{MONTH_WORDS})\.?,?\s+(?P<year>(?:1[89]|20)\d\d)\b"
)


def year_turned(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'The year I turned twelve': the year of birth told before ('born in Hamhung in 1938')
    and that many years; None when no birth year was told."""
    born = next(
        (
            told.value
            for told in reversed(ctx.history)
            if granularity_of(told.value) == "year"
            and not told.value.date_end
            and BORN_BEFORE_RE.search(told.sentence, 0, max(told.start, 0))
        ),
        None,
    )
    if born is None:
        return None
    return year_value(int(born.date) + number_value(match["num"]))


BORN_BEFORE_RE = re.compile(r"\bborn\b[^.;]{0,40}$")


def month_in_list(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in March and May': May, read as a month told alone, when a month stands right before
    the 'and' (not 'and may': a verb)."""
    if match["month"] == "may" or not MONTH_BEFORE_LIST_RE.search(ctx.sentence, 0, ctx.start):
        return None
    return month_alone(match, ctx)


MONTH_BEFORE_LIST_RE = re.compile(rf"\b(?:{MONTH_WORDS})\s+$")


def year_only(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return year_value(_year(match))


NUMBERED_BEFORE_RE = re.compile(r"\b(?:No|Nos|Number|Notice|Resolution|Decree|Case)\.?\s*$", re.I)


def year_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if NUMBERED_BEFORE_RE.search(ctx.sentence, 0, ctx.start):
        return OPEN  # "NOTICE No. 2015-47", "Resolution 2015-12": a number, not years
    first = _year(match)
    second = _full_year(first, match["year2"])
    if not first < second <= first + 60:
        return None
    precision = "approx" if match.groupdict().get("about") else "year"
    return TimeValue(f"{first:04d}", precision, f"{second:04d}")


def year_until_relative(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'from 1999 until last year': from that year to the year before publication (or this)."""
    if ctx.anchor is None:
        return None
    first = _year(match)
    last = ctx.anchor.year + RELATIVE_YEARS[match["which"].lower()]
    return TimeValue(f"{first:04d}", "year", f"{last:04d}") if first < last else None


def consecutive_years(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in 2016 and 2017', 'late 2023 and early 2024': two adjacent years read as one span."""
    first, second = _year(match), _year(match, "year2")
    return TimeValue(f"{first:04d}", "year", f"{second:04d}") if second == first + 1 else None


def decade(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the 1990s'; 'the 1970s and 1980s': from the first to the end of the last."""
    told = match["decade"]
    start = int(told) if told.isdigit() else spoken_decade(told)
    last = int(match["decade2"]) if match.groupdict().get("decade2") else start
    if last < start:
        return None
    return TimeValue(f"{start:04d}", "decade", f"{last + 9:04d}")


def season_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Summer-Fall 1952': from the first month of the first season to the last of the second."""
    year = _year(match)
    first = season_value(year, match["season"].lower())
    second = season_value(year, match["season2"].lower())
    if second.date_end <= first.date_end:
        return None  # "Fall-Spring 1952": the order is not told
    return TimeValue(first.date, "season", second.date_end)


def season(match: re.Match[str], ctx: Context) -> TimeValue | None:
    name = match["season"].lower()
    if match.groupdict().get("year"):
        return season_value(_year(match), name)
    if ctx.anchor is None:
        return None
    if SEASON_KIND_AFTER_RE.match(ctx.sentence, ctx.start + len(match.group(0))):
        return OPEN  # "as the spring crab season nears its end": a kind of season, every year
    if told := match.groupdict().get("year_told"):  # "the spring of last year"
        return season_value(ctx.anchor.year + RELATIVE_YEARS[told.lower()], name)
    if (year := _apposed_year(ctx)) is not None:
        return season_value(year, name)
    tense, strict = _tense_for(match, ctx)
    told = re.search(
        r"(?i)\b(last|past|next|coming)\s+(?:spring|summer|fall|autumn|winter)\b", match[0]
    )
    if told:  # "since last spring" told in March: the spring before this one
        tense, strict = ("past" if told[1].lower() in ("last", "past") else "future"), True
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


def seasons_ago(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'two summers ago': counted back from the last such season over before publication."""
    if ctx.anchor is None:
        return None
    name = match["season"].lower()
    over = [
        value
        for year in range(ctx.anchor.year - 2, ctx.anchor.year + 1)
        if add_months(start_date(value := season_value(year, name)), 3) <= ctx.anchor
    ]
    count = number_value(match["num"])
    if not over or not 1 <= count <= 50:
        return None
    return season_value(start_date(over[-1]).year - (count - 1), name)


# "for Chuseok", "for the Chuseok holiday and National Foundation Day", "to mark the ruling
# party's anniversary"
HOLIDAY_AS_REASON_RE = re.compile(
    r"\b(?i:for|to\s+mark|marking|to\s+celebrate|celebrating|to\s+commemorate|commemorating)\s+"
    r"(?:the\s+)?(?:(?:[A-Z][\w’']*(?:\s+[\w’']+){0,3}\s+(?:and|or)|[a-z]+)\s+)?$"
)


def holiday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on Christmas Eve', 'on Chuseok', 'Liberation Day 2019': the holiday's day in the year
    given, else in the year by tense and nearness."""
    if re.match(
        r"\s+(?:harvest\s+)?(?:holidays?|festival|season|break|period)\b",
        ctx.sentence[match.end() :],
    ):
        return OPEN  # "the Chuseok holiday" runs several days: which one is not told
    before = ctx.sentence[: ctx.start]
    if HOLIDAY_AS_REASON_RE.search(before) and (ctx.earlier or DATE_WORD_RE.search(before)):
        return OPEN  # "closed on Monday for Chuseok": the reason of an act dated before it
    if CALLED_BEFORE_RE.search(before):
        return OPEN  # 'On April 2, which Trump called "Liberation Day"': a nickname, not the day
    if DATE_TOLD_AFTER_RE.match(ctx.sentence, match.end()):
        return OPEN  # "the Victory Day parade on May 9": the date tells the day (Russia's)
    named = holiday_named(match.string, *match.span("holiday"))
    if match.groupdict().get("which") and ctx.anchor is not None:
        step = RELATIVE_YEARS.get(match["which"].lower(), 0)
        if match["unit"].lower() == "year":
            found = holiday_day(named, ctx.anchor.year + step)
        elif match["unit"].lower() != "month":  # "last August": the latest August before
            month_told = month_number(match["unit"])
            year = ctx.anchor.year + step
            if step < 0 and month_told < ctx.anchor.month:
                year += 1
            elif step > 0 and month_told > ctx.anchor.month:
                year -= 1
            found = holiday_day(named, year)
            found = found if found and found.month == month_told else None
        else:
            month = add_months(ctx.anchor.replace(day=1), step)
            found = holiday_day(named, month.year)
            found = found if found and found.month == month.month else None
        return day_value(found) if found else None
    if match.groupdict().get("year"):
        found = holiday_day(named, _year(match))
        value = day_value(found) if found else None
    else:
        value = _holiday_by_tense(named, ctx)
    if value is not None and AROUND_RE.search(before):
        return TimeValue(value.date[:7], "approx")  # "around the Lunar New Year of 2020"
    return value


# A date told in words before ("on Friday", "on Oct. 9", "yesterday", "in 2020").
DATE_WORD_RE = re.compile(
    rf"\b(?:{WEEKDAY_WORDS}|(?:{MONTH_WORDS})\s*\d|yesterday|today|(?:19|20)\d\d)\b"
)
AROUND_RE = re.compile(r"\b(?i:around|about|near|close\s+to)\s+(?:the\s+)?$")
# A month and day told right after a holiday's name: "the Victory Day parade on May 9" (not
# an apposition: "Victory Day, July 27," is the holiday's own day)
DATE_TOLD_AFTER_RE = re.compile(
    rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?i:on)\s+(?:{MONTH_WORDS})\.?\s+\d{{1,2}}\b"
)
# A name given to something: "which Trump called 'Liberation Day'", "dubbed 'Victory Day'"
CALLED_BEFORE_RE = re.compile(
    r"\b(?i:called|calls|dubbed|dubs|named|branded|billed\s+as|hailed\s+as)\s+"
    r"(?:(?:it\s+)?(?:a|an|the|his|her|their)\s+[\"“‘']?"  # "called it the 'Day of ...'"
    r"|(?:[\w-]+\s+){1,3}?[\"“‘']"  # "dubbed the anniversary 'Victory Day'"
    r"|[\"“‘']?)$"
)


# A season's name that tells what kind of season: "the spring crab season", "the summer break"
SEASON_KIND_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:season|semester|term|break|holidays?|vacation|heat|cold|weather"
    r"|monsoon|rains|months)\b"
)


def _holiday_by_tense(named: Holiday, ctx: Context) -> TimeValue | None:
    """The holiday's day by tense and nearness to the anchor."""
    if ctx.anchor is None:
        return None
    days = [
        day
        for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
        if (day := holiday_day(named, year)) is not None
    ]
    if ctx.tense == "past":
        fits = [day for day in days if day <= ctx.anchor]
        return day_value(fits[-1]) if fits else None
    if ctx.tense in ("future", "intent"):
        fits = [day for day in days if day >= ctx.anchor]
        return day_value(fits[0]) if fits else None
    return day_value(min(days, key=lambda day: abs((day - ctx.anchor).days))) if days else None


DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}


# A speaker's act told in the present: "Today, I present a new doctrine", "Today we announce".
PERFORMATIVE_RE = re.compile(
    r"\s*,?\s*(?:I|[Ww]e)\s+(?:hereby\s+)?(?:present|announce|propose|declare|pledge|unveil"
    r"|launch|open|dedicate|offer|call on|urge|join|mark|observe|celebrate|commemorate"
    r"|remember|gather|honou?r)\b"  # "Today we join churches ... in observing the Sunday of Prayer"
)


def deictic_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    word = " ".join(match["word"].lower().split())
    if (
        word == "today"
        and ctx.tense == "present"
        and not ctx.sentence[: ctx.start].strip()
        and not PERFORMATIVE_RE.match(ctx.sentence, ctx.start + len(match.group(0)))
    ):
        return OPEN  # "Today the North mostly ignores the calls": nowadays, not a date
    return day_value(ctx.anchor + dt.timedelta(days=DEICTIC_DAYS.get(word, 0)))


def overnight_into(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'overnight into Tuesday': the day before that weekday and the weekday (day precision)."""
    day = weekday(match, ctx)
    if day is None or day is OPEN:
        return day
    last = start_date(day)
    return TimeValue(iso_day(last - dt.timedelta(days=1)), "day", iso_day(last))


def weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    target = weekday_number(match["weekday"])
    tense, strict = _tense_for(match, ctx)
    if match.group(0).lower().startswith("this") and ctx.tense != "past":
        tense = "future"  # "This Thursday marks the 70th anniversary": the one ahead
    elif (
        tense == "present"
        and ctx.anchor is not None
        and ctx.earlier
        and start_date(ctx.earlier[-1]) > ctx.anchor
    ):
        tense = "future"  # "arrives on Tuesday, then travels to Tokyo on Thursday before
        # returning to Washington on Friday": a schedule goes on ahead
    elif (
        tense == "present"
        and ctx.anchor is not None
        and ctx.earlier
        and iso_span(ctx.earlier[-1].date, ctx.earlier[-1].date_end)[1] < ctx.anchor
    ):
        tense = "past"  # "staged naval drills last week and a three-way exercise with Japan on
        # Friday": a list of what was done goes on in the past
    same = [
        start_date(v) for v in ctx.earlier if _single_day(v) and start_date(v).weekday() == target
    ]
    if same and not strict:  # "| 2019-06-30 | ... set foot in North Korea on Sunday": that day
        return day_value(same[-1])
    ahead = [start_date(v) for v in ctx.earlier if _single_day(v) and start_date(v) > ctx.anchor]
    if (
        ahead
        and tense in ("present", "future")
        and not strict
        and SCHEDULE_LINK_RE.search(ctx.sentence[: ctx.start].split(",")[-1])
    ):
        # "is set to arrive on Wednesday ... before meeting Xi on Thursday" (told on a
        # Thursday): the schedule goes on from its last day, not from the text's
        return day_value(weekday_on_or_after(ahead[-1], target))
    return day_value(_weekday_date(ctx.anchor, target, tense, strict))


# What links the steps of one schedule ("..., before meeting Xi on Thursday"; not "..., and army
# units will light the tower on Saturday": another act, dated on its own)
SCHEDULE_LINK_RE = re.compile(r"\b(?:then|before|after|followed\s+by)\b", re.IGNORECASE)


def _weekday_date(anchor: dt.date, target: int, tense: str, strict: bool) -> dt.date:
    before = weekday_on_or_before(anchor - dt.timedelta(days=1 if strict else 0), target)
    after = weekday_on_or_after(anchor + dt.timedelta(days=1 if strict else 0), target)
    if tense == "past":
        return before
    if tense in ("future", "intent"):
        return after
    return before if (anchor - before) <= (after - anchor) else after


def days_from_weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'for 12 days starting next Monday': that many days from the weekday."""
    if ctx.anchor is None:
        return None
    days = number_value(match["num"])
    if not 1 < days <= 366:
        return None
    ahead = (match["which"] or "").lower() == "next"
    tense, strict = ("future", True) if ahead else (ctx.tense, False)
    start = _weekday_date(ctx.anchor, weekday_number(match["weekday"]), tense, strict)
    return TimeValue(iso_day(start), "day", iso_day(start + dt.timedelta(days=days - 1)))


def weekday_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Sunday through early Monday': the start day by tense, the end the days after it (a
    standstill put 'from Tuesday until Thursday', told on the Wednesday between, began the day
    before and ends the day after)."""
    if ctx.anchor is None:
        return None
    first, last = weekday_number(match["weekday"]), weekday_number(match["weekday2"])
    start = _weekday_date(ctx.anchor, first, ctx.tense, False)
    end = start + dt.timedelta(days=(last - first) % 7)
    if start == end:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def weekday_to_date(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'a launch window from Wednesday through Dec. 1': the weekday by tense, the end the first
    such date after it."""
    if ctx.anchor is None:
        return None
    start = _weekday_date(ctx.anchor, weekday_number(match["weekday"]), ctx.tense, False)
    month, day = month_number(match["month"]), _day(match)
    if match.groupdict().get("year"):
        end = safe_date(_year(match), month, day)
    else:
        end = safe_date(start.year, month, day)
        if end is not None and end < start:
            end = safe_date(start.year + 1, month, day)
    if end is None or end <= start or (end - start).days > 366:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def date_to_weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the Expo, which ran from May 12 until Sunday': the weekday by tense, the start the
    latest such date before it."""
    if ctx.anchor is None:
        return None
    end = _weekday_date(ctx.anchor, weekday_number(match["weekday"]), ctx.tense, False)
    month, day = month_number(match["month"]), _day(match)
    start = safe_date(end.year, month, day)
    if start is not None and start >= end:
        start = safe_date(end.year - 1, month, day)
    if start is None or start >= end or (end - start).days > 366:
        return None
    return TimeValue(iso_day(start), "day", iso_day(end))


def weekday_runs_through(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'began Monday and will run through Friday': the start by the tense of its own clause, the
    end the first such weekday after it."""
    if ctx.anchor is None:
        return None
    start = _weekday_date(ctx.anchor, weekday_number(match["weekday"]), ctx.tense, False)
    end = start + dt.timedelta(days=(weekday_number(match["weekday2"]) - start.weekday()) % 7)
    return TimeValue(iso_day(start), "day", iso_day(end)) if end > start else None


FORECAST_RE = re.compile(r"\b(?:forecast|predicted|warned)\b", re.IGNORECASE)


def runs_through(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'will run through Friday', 'runs through March 18': from the day the sentence says it
    began (ctx.earlier), else from publication, to the first such day after the start. A state
    ('will be open daily through Oct. 31', rule stays_through) spans from a start told
    ('reopened on Friday'); without one, it dates the day it ends."""
    if ctx.anchor is None:
        return None
    start_value = ctx.earlier[-1] if ctx.earlier else None
    told = (
        start_value is not None
        and granularity_of(start_value) == "day"
        and not start_value.date_end
    )
    if told:
        start = start_date(start_value)
    elif ctx.tense == "past" and not FORECAST_RE.search(ctx.sentence, 0, ctx.start):
        # "ran through Friday": when it began is not told; the day it ended is ("forecast more
        # rain through Sunday" is ahead)
        if match["weekday"]:
            return day_value(weekday_on_or_before(ctx.anchor, weekday_number(match["weekday"])))
        return month_day(match, ctx)
    else:
        start = ctx.anchor
    if match["weekday"]:  # "began August 21 and runs through Thursday": this week's Thursday
        after = max(start + dt.timedelta(days=1), ctx.anchor)
        end = weekday_on_or_after(after, weekday_number(match["weekday"]))
    else:
        month, day = month_number(match["month"]), _day(match)
        end = next(
            (
                found
                for year in (start.year, start.year + 1)
                if (found := safe_date(year, month, day)) is not None and found > start
            ),
            None,
        )
    if end is None or (end - start).days > 366:
        return None
    if match.groupdict().get("state") and not told:
        return day_value(end)
    return TimeValue(iso_day(start), "day", iso_day(end))


# the start a span's row takes in ("began Monday and runs through Friday")
BEGAN_RE = re.compile(
    r"\b(?:began|begins?|begun|beginning|started|starts?|(?:re)?opened|(?:re)?opens|kicked off"
    r"|kicks off|broke out|breaks out)\b",
    re.IGNORECASE,
)
# What a state that lasts begins with: "raised its fire alert on Friday and said the alert
# would remain in place until May 15"
IMPOSED_RE = re.compile(r"\b(?:raised|imposed|declared|issued|introduced)\b", re.IGNORECASE)
# "... and end on Thursday", "and will end Friday": an end still ahead (the event goes on)
ENDS_AHEAD_RE = re.compile(r"\b(?:ends?|will\s+end)\s+(?:on\s+)?(?:early\s+|late\s+)?$", re.I)
MAX_BEGAN_TO_ENDED_DAYS = 31


def ended_after_began(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'began on Saturday evening, Aug. 22, and ended early Tuesday', 'began on Monday, Aug. 17,
    and ends today': one span from the day it began; without a start told, the day it ended."""
    if ctx.anchor is None:
        return None
    start_value = ctx.earlier[-1] if ctx.earlier else None
    start = (
        start_date(start_value)
        if start_value is not None
        and _single_day(start_value)
        and BEGAN_RE.search(ctx.sentence, 0, ctx.start)
        else None
    )
    if match["deictic"]:
        end = ctx.anchor + dt.timedelta(days=DEICTIC_DAYS[match["deictic"].lower()])
    elif match["month"]:
        if start is None:
            return month_day(match, ctx)
        month, day = month_number(match["month"]), _day(match)
        found = [safe_date(year, month, day) for year in (start.year, start.year + 1)]
        end = next((d for d in found if d is not None and d > start), start)
    elif start is not None:
        # "started on March 6 and end Thursday" (published on a Wednesday): the coming Thursday
        ahead = ENDS_AHEAD_RE.search(ctx.sentence, max(0, ctx.start - 30), ctx.start)
        first = start + dt.timedelta(days=1)
        weekday = weekday_number(match["weekday"])
        end = weekday_on_or_after(max(first, ctx.anchor) if ahead else first, weekday)
        latest = weekday_on_or_before(ctx.anchor, weekday)
        if not ahead and first <= latest and (latest - start).days <= MAX_BEGAN_TO_ENDED_DAYS:
            end = latest  # "began on Aug. 16 and ended on Thursday" (published Aug. 30): the
            # Thursday before publication, not the first one after the start
    elif ctx.tense in ("future", "intent") or ctx.sentence[: ctx.start].rstrip().endswith("ends"):
        end = weekday_on_or_after(ctx.anchor, weekday_number(match["weekday"]))
    else:
        end = weekday_on_or_before(ctx.anchor, weekday_number(match["weekday"]))
    if start is None or not 0 < (end - start).days <= MAX_BEGAN_TO_ENDED_DAYS:
        return day_value(end)
    return TimeValue(iso_day(start), "day", iso_day(end))


def day_of_month(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on the 12th': that day of the month told in the sentence, else of the month the story
    is in when it is this month or last, else of publication's ('on the 13th', 'the 15th of
    this month', 'the 16th of last month': Korean newsroom English dates this month's days so;
    a day still ahead in a past report is last month's)."""
    day = _day(match)
    if EACH_MONTH_RE.match(ctx.sentence, ctx.start + len(match.group(0))):
        return OPEN  # "paid between the 10th and the 20th of each month": a habit
    which = (match.groupdict().get("which") or "").lower()
    dated = bool(match["on"] or match["part"] or which) or ctx.sentence[: ctx.start].endswith("(")
    if not dated:
        return OPEN  # "The 27th, the 68th anniversary ...": a bare ordinal tells no date
    if which and ctx.anchor is not None:
        month = add_months(ctx.anchor.replace(day=1), RELATIVE_YEARS[which])
        return _day_of(month, day)
    told = [v for v in ctx.earlier if granularity_of(v) in ("month", "day")]
    reference = told[-1] if told else ctx.reference
    if reference is not None and granularity_of(reference) != "year":
        first = start_date(reference)
        recent = ctx.anchor is None or 0 <= (ctx.anchor - first).days <= RECENT_STORY_DAYS
        if told:
            return _day_in_story_month(reference, day)
        if recent:
            first_day = start_date(reference)
            if _single_day(reference) and day < first_day.day:
                # "the fourth wave since the night of May 28 ... On the 4th, the Cabinet": the
                # story goes on to the next such day
                following = _day_of(add_months(first_day.replace(day=1), 1), day)
                if following is not OPEN and ctx.anchor and start_date(following) <= ctx.anchor:
                    return following
            return _day_in_story_month(reference, day)
    if ctx.anchor is None:
        return OPEN
    month = ctx.anchor.replace(day=1)
    if day > ctx.anchor.day and ctx.tense not in ("future", "intent"):
        month = add_months(month, -1)  # "was released on the 27th" (published on the 5th)
    elif day < ctx.anchor.day and ctx.tense == "future":
        month = add_months(month, 1)
    return _day_of(month, day)


def spoken_day_of_month(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'sworn in on the twenty-fifth': that day of the month the story is in (a month or day
    told before), else no row."""
    reference = ctx.reference
    if reference is None or granularity_of(reference) == "year":
        return OPEN
    return _day_in_story_month(reference, _day(match))


RECENT_STORY_DAYS = 31  # a story told up to a month before publication keeps its month
EACH_MONTH_RE = re.compile(r"[^.;]{0,40}?\bof\s+(?:each|every)\s+month\b", re.IGNORECASE)


def _day_in_story_month(reference: TimeValue, day: int) -> TimeValue:
    """The day of the reference's month ("talks from Sept. 18-20 ... on the 19th": that month);
    a span over two months does not tell which."""
    if reference.date_end and reference.date_end[:7] != reference.date[:7]:
        return OPEN
    return _day_of(start_date(reference), day)


def _day_of(month: dt.date, day: int) -> TimeValue:
    found = safe_date(month.year, month.month, day)
    return day_value(found) if found else OPEN


def clock_time(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'at 6:40 a.m.': the day of the sentence's own date, else of the header over it ("FRIDAY,
    APRIL 27"), else of the story's lead event (the first day told), else the publication date;
    with a date after it in the phrase ('at 7 a.m. on Monday') that date tells the day."""
    if (
        ctx.later
        or ctx.anchor is None
        or DAY_FOLLOWS_RE.match(ctx.sentence, ctx.start + len(match.group(0)))
    ):
        return OPEN  # "at 8:55 a.m. that day": the words after it tell the day
    if ctx.earlier:
        if DATE_JUST_BEFORE_RE.search(ctx.sentence, 0, ctx.start):
            return OPEN  # "last edited on 3 March 2016, at 04:12": the date's own time
        told = ctx.earlier[-1]
        return day_value(start_date(told), told.precision) if _single_day(told) else OPEN
    days = [(told.value, told.sentence) for told in ctx.history if _single_day(told.value)]
    headers = [value for value, sentence in days if HEADER_RE.match(sentence)]
    if headers:
        return day_value(start_date(headers[-1]))  # the entries under "FRIDAY, APRIL 27"
    if days and CLOCK_TOLD_RE.search(days[-1][1]) and start_date(days[-1][0]) <= ctx.anchor:
        # "struck the post at around 7:41 a.m. on Sunday. ... the first at 7:56 a.m.": the
        # clock goes on from the day told last with a time of its own
        return day_value(start_date(days[-1][0]))
    if days:
        return day_value(start_date(days[0][0]))  # the day of the story's lead event
    # "The talks will begin at 3 p.m.": a plan's day is not told
    return OPEN if ctx.tense in ("future", "intent") else day_value(ctx.anchor)


# A clock time in a sentence: "at around 7:41 a.m.", "at 10.05 a.m.", "at 9 p.m."
CLOCK_TOLD_RE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b", re.IGNORECASE)


# The end of a date told right before an expression: "3 March 2016, at 04:12", "on 12 July this
# year, the day after ...", "on Monday, the day after ..."
DATE_END = r"(?:\d|day|\b(?:this|last)\s+year)"
DATE_JUST_BEFORE_RE = re.compile(DATE_END + r"\s*,?\s*$")
DAY_FOLLOWS_RE = re.compile(
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:on\s+)?(?:that|the\s+(?:same|next|following|previous))\s+"
    r"(?:day|morning|afternoon|evening|night)\b|\s+(?:yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
# A line that is only a date: a header over the entries that follow.
HEADER_RE = re.compile(r"^[-=*_~#\s]*[\w ,.]{3,40}[-=*_~#\s]*$")  # "----- Tuesday, May 28 -----"


def month_or_month(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'late March or early April', 'in December or January': one approx month interval, its
    first month by tense and nearness, the second the next such month after it."""
    if ctx.anchor is None:
        return None
    first, second = month_number(match["month"]), month_number(match["month2"])
    year = _year_for(ctx, first, None, ctx.tense)
    if year is None or first == second:
        return None
    end_year = year + (1 if second < first else 0)
    if (end_year - year) * 12 + second - first > 3:
        return None  # "in March or October": two guesses, not one span
    return TimeValue(f"{year:04d}-{first:02d}", "approx", f"{end_year:04d}-{second:02d}")


def _era_person(ctx: Context, named: str | None) -> list[Era]:
    """The terms of the person a match names, else of the first person of eras.csv the sentence
    names before it (its subject), else after it ("Since taking office, Lee has ...")."""
    if named is None:
        before = ERA_NAME_RE.findall(ctx.sentence[: ctx.start])
        after = ERA_NAME_RE.findall(ctx.sentence[ctx.start :])
        named = before[0] if before else (after[0] if after else None)
    if named is None:
        return []
    return [era for era in read_eras() if named in era.aliases]


def _era(match: re.Match[str], ctx: Context) -> Era | None:
    """The term a match speaks of: 'first'/'second' term by order, else the latest begun by
    publication ("under Trump" in 2025 is his second term; "under Lee" in 2019 Lee Myung-bak)."""
    groups = match.groupdict()
    terms = sorted(_era_person(ctx, groups.get("who") or groups.get("who2")), key=lambda e: e.start)
    if not terms or ctx.anchor is None:
        return None
    if groups.get("ord"):
        index = 0 if groups["ord"].lower() == "first" else 1
        return terms[index] if index < len(terms) else None
    begun = [era for era in terms if era.start <= ctx.anchor]
    return begun[-1] if begun else None


# "the first family reunions held under Moon", "its lowest level since he took office": a
# comparison within a term, not the time of an event.
COMPARED_RE = re.compile(
    r"\b(?:first|last|only|lowest|highest|largest|biggest|worst|best|most|least|[a-z]+est)\b"
    r"(?:\s+[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)
CLAUSE_DATE_RE = re.compile(
    r"\b(?:in|on|since|by)\s+(?:" + MONTH_WORDS + r"|\d{4}\b)|\b(?:" + WEEKDAY_WORDS + r")\b"
    r"|\b(?:" + MONTH_WORDS + r")\s+\d{1,2}\b|\b(?:19|20)\d\d\b"
)


def _era_is_frame(match: re.Match[str], ctx: Context) -> bool:
    """A term that is no time of its own: after a comparison ("the first reunions held under
    Moon"), or beside another date of its clause ("Since 2016, ... advances under Kim Jong Un");
    a list after a colon ("during his first term: in Singapore on June 12, 2018, ...") is apart."""
    if COMPARED_RE.search(ctx.sentence[: ctx.start]):
        return True
    after = re.split(r"[:;]", ctx.sentence[ctx.start + len(match.group(0)) :])[0]
    before = re.split(r"[:;]", ctx.sentence[: ctx.start])[-1]
    if before.strip(' "“'):
        # (not a relative clause on the person: "the policy pursued under former President Moon
        # Jae-in, who met Kim three times in 2018"; a fronted term frames the sentence's dates)
        after = re.split(r",\s+(?:who|which)\b", after)[0]
    clause = before + " " + after
    return bool(CLAUSE_DATE_RE.search(clause))


def era_term(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'under Moon', 'during the Biden administration', 'during his first term': the term of
    office as a day interval (to publication while it runs); 'under Moon's predecessor' the term
    before his in the same country."""
    era = _era(match, ctx)
    if era is None or _era_is_frame(match, ctx):
        return OPEN
    if match.groupdict().get("pred"):
        chain = sorted((e for e in read_eras() if e.group == era.group), key=lambda e: e.start)
        index = chain.index(era) + (-1 if match["pred"].lower() == "predecessor" else 1)
        if not 0 <= index < len(chain):
            return OPEN
        era = chain[index]
    assert ctx.anchor is not None
    end = era.end or max(ctx.anchor, era.start)
    if era.start <= ctx.anchor < end:
        end = ctx.anchor  # a term still running when the text was written: up to publication
    if end <= era.start:
        return day_value(era.start)
    return TimeValue(iso_day(era.start), "day", iso_day(end))


def era_into(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'some 10 days into the Lee Jae-myung administration': that long after the inauguration,
    approx (a day for days and weeks, a month for months, a year for years)."""
    era = _era(match, ctx)
    if era is None or _modifier(match)[0]:
        return OPEN
    unit = match["unit"].lower()
    base = shift(day_value(era.start), number_value(match["num"]), unit)
    value = _amount_value(base, unit, True, number_value(match["num"]))
    return TimeValue(value.date, "approx")


def since_taking_office(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Moon has met Kim three times since taking office': his inauguration day (ongoing since);
    with no one of eras.csv named in the sentence the time is open."""
    if DATE_FOLLOWS_RE.match(ctx.sentence, ctx.start + len(match.group(0))) or COMPARED_RE.search(
        ctx.sentence[: ctx.start]
    ):
        return OPEN  # "since taking office last May": the text dates it itself
    era = _era(match, ctx)
    return day_value(era.start) if era is not None else OPEN


def relative_unit(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """last/next/this/the coming week|month|year|weekend, against the anchor."""
    which = re.sub(r"^the\s+", "", match["which"].lower())
    if ctx.anchor is None:
        return None
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    possessive = re.match(r"['’]s\b", ctx.sentence[ctx.start + len(match.group(0)) :])
    if (
        re.search(r"\bfor\s+$", ctx.sentence[max(0, ctx.start - 5) : ctx.start], re.IGNORECASE)
        and not possessive  # "chosen for last month's reunions": the reunions' month
        and not (step >= 0 and SCHEDULED_FOR_RE.search(ctx.sentence, 0, ctx.start))
    ):
        return OPEN  # "policy goals for the coming year": the period a plan covers, no event
        # ("exercises planned for next month" are then: a row; "had been planned for last
        # month, was put off": not)
    return _unit_value(ctx.anchor, match["unit"].lower(), step, ctx.tense)


SCHEDULED_FOR_RE = re.compile(
    r"\b(?:planned|scheduled|slated|set|due|penciled|pencilled|booked)\s+for\s+$", re.IGNORECASE
)


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
    if unit in ("week", "fortnight"):
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


HOURS_PER_DAY = 24


def ago(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'three days ago', 'roughly one year ago'; 'more than two years ago' is open."""
    if ctx.anchor is None:
        return None
    is_open, fuzzy = _modifier(match)
    if is_open:
        return OPEN
    if AGO_THEN_DATE_RE.match(ctx.sentence, ctx.start + len(match.group(0))):
        return OPEN  # "Forty years ago next month, on Aug. 18, 1976, ...": the date tells
    unit = match["unit"].lower()
    amount = number_value(match["num"])
    if unit in ("hour", "minute"):  # "about an hour ago": the day of the text ("36 hours ago": the
        # day before it)
        days = amount // HOURS_PER_DAY if unit == "hour" else 0
        return day_value(ctx.anchor - dt.timedelta(days=days), "approx")
    base = shift(day_value(ctx.anchor), -amount, unit)
    value = _amount_value(base, unit, fuzzy, amount)
    if unit in ("month", "year"):
        # "two years ago" is about that year, not the calendar year: approx ("three days ago"
        # stays a day)
        return TimeValue(value.date, "approx")
    return value


def ago_today(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Ten years ago today' is that day N years back (an anniversary piece's day); 'ago
    tomorrow' the day after, 'ago yesterday' the day before; 'ago this week' that week (approx),
    'ago next month' that month."""
    if ctx.anchor is None or match["unit"].lower() != "year":
        return None
    is_open, fuzzy = _modifier(match)
    if is_open or fuzzy:
        return None
    told = (match["today"] or "").lower()
    after = ctx.start + len(match.group(0))
    if told.endswith(("week", "month")) and EXPLICIT_DATE_AFTER_RE.match(ctx.sentence, after):
        return OPEN  # "Forty years ago next month, on Aug. 18, 1976, ...": the date tells
    day = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(told, 0))
    if match.groupdict().get("weekday"):  # "Sixty years ago this Friday": the Friday ahead
        which = match["which"].lower()
        day = _weekday_date(
            ctx.anchor,
            weekday_number(match["weekday"]),
            "past" if which == "last" else "future",
            strict=which != "this",
        )
    found = safe_date(day.year - number_value(match["num"]), day.month, day.day)
    if found and told.endswith("week"):
        return week_interval(found)
    if found and told.endswith("month"):
        month = add_months(found.replace(day=1), {"next": 1, "last": -1}.get(told.split()[0], 0))
        return month_value(month.year, month.month)
    return day_value(found) if found else None


def _reference(ctx: Context, unit: str = "") -> TimeValue | None:
    """The narrative's reference time; before any date is told, 'around publication' (month).

    A count of days or hours needs a day: it skips a coarser reference (a "2018 pact" named in
    passing) for the latest day-precise one. A past clause counts from the past: after "a step
    due to take effect on Aug. 11", "A day later, the North blew up ..." counts from the latest
    date told that is not after publication.
    """
    if ctx.reference is not None:
        coarse = granularity_of(ctx.reference) != "day"
        counts_days = unit in ("day", "week", "fortnight", "hour", "minute")
        if (
            coarse
            and counts_days
            and ctx.day_reference is not None
            # not a day the story has moved on from ("| Nov 2017 | ... the same day" after a
            # row of September)
            and start_date(ctx.day_reference) >= start_date(ctx.reference)
        ):
            return _past_for_past(ctx.day_reference, ctx, counts_days)
        return _past_for_past(ctx.reference, ctx, counts_days)
    if ctx.anchor is None:
        return None
    return month_value(ctx.anchor.year, ctx.anchor.month, "approx")


def _past_for_past(reference: TimeValue, ctx: Context, day: bool) -> TimeValue:
    """The reference, or for a past clause whose reference lies after publication (a plan told
    in passing), the latest date told before that does not (a day, for a count of days)."""
    if ctx.tense != "past" or ctx.anchor is None or start_date(reference) <= ctx.anchor:
        return reference
    return next(
        (
            told.value
            for told in reversed(ctx.history)
            if start_date(told.value) <= ctx.anchor
            and (not day or granularity_of(told.value) == "day")
        ),
        reference,
    )


def to_the_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on 15 August 1948, three years to the day after the end of Japanese rule': the other
    event falls that many years before (after) the day told before it."""
    told = ctx.earlier[-1] if ctx.earlier else None
    if told is None or not _single_day(told) or match["unit"].lower().rstrip("s") != "year":
        return OPEN
    direction = -1 if match["dir"].lower() == "after" else 1
    day = start_date(told)
    found = safe_date(day.year + direction * number_value(match["num"]), day.month, day.day)
    return day_value(found) if found else OPEN


def later_earlier(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'two days later' counts from the narrative's reference time; 'hours later' is that day."""
    unit = (match.groupdict().get("unit") or match["bare"]).lower().rstrip("s")
    after = ctx.sentence[ctx.start + len(match.group(0)) :]
    if _vague_count_before(ctx) or re.match(r"\s+than\b", after):
        return OPEN  # "several hours later", "a month earlier than usual"
    if EXPLICIT_DATE_AFTER_RE.match(after):
        return OPEN  # "Three years later, on August 15, 1948, ...": the date itself tells
    named = NAMED_EVENT_BEFORE_RE.search(ctx.sentence[: ctx.start])
    reference = (
        named is not None
        and named["noun"].lower() in EVENT_NOUN_CLUES
        and _dated_event(named["noun"].lower(), ctx)
    ) or _reference(ctx, unit)
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


def eve_of(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on the eve of the summit': the day before the summit's first day: the earliest of the
    day the story is at and the recent days told in sentences that name a summit (None when
    none was told)."""
    clue = _event_clue(match["event"].split()[-1].lower())
    days = [
        _first_day_told(told)
        for told in ctx.history
        if granularity_of(told.value) == "day" and clue.search(told.sentence)
    ]
    if ctx.day_reference is not None and granularity_of(ctx.day_reference) == "day":
        days.append(start_date(ctx.day_reference))
    latest = max(days, default=None)
    recent = [day for day in days if latest is not None and (latest - day).days <= EVE_WINDOW_DAYS]
    if not recent:
        return None
    return day_value(min(recent) - dt.timedelta(days=1))


EVE_WINDOW_DAYS = 14  # days of one occasion (a summit, a visit, talks) told in one story
# The end of an occasion of several days told right before its last day: "the two-day NATO
# summit that ended on Wednesday"
ENDED_AFTER_DAYS_RE = re.compile(
    rf"\b{DAY_COUNT}-day\b[^.;]{{0,60}}?\b(?:ended|ends|closed|concluded|wrapped\s+up)\s+"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)


def _first_day_told(told: Told) -> dt.date:
    """The first day of a time told: a span's, or that of the occasion of several days a day
    ends ("the two-day summit that ended on Wednesday": Tuesday)."""
    first = start_date(told.value)
    ended = ENDED_AFTER_DAYS_RE.search(told.sentence, 0, max(told.start, 0))
    if ended is not None and not told.value.date_end:
        return first - dt.timedelta(days=number_value(ended["n"]) - 1)
    return first


def within_hours(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'within hours of the test': the day of the test told before, approx (None when none
    was; 'admitted the failure within hours' counts from nothing it names: no row)."""
    event = _named_event(ctx, match.start("event"))
    return day_value(start_date(event), "approx") if event is not None else None


# "learned of the death some four hours later": the event the count starts from
NAMED_EVENT_BEFORE_RE = re.compile(r"\b(?:the|this|that|its|their)\s+(?P<noun>[a-z]+)\s+$")
# a date with its year right after a relative expression, set off by a comma or not
EXPLICIT_DATE_AFTER_RE = re.compile(r",?\s+(?:on|in)\s+[^;]{0,18}?\b(?:1[89]|20)\d\d\b")
AGO_THEN_DATE_RE = re.compile(
    r"(?:\s+(?i:this|next|last)\s+year)?" + EXPLICIT_DATE_AFTER_RE.pattern
)


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
    if reference.date_end:  # "on 14 June 2000, the second evening of the summit of 13-15 June;
        # later that night": the day told in the span, not its first day
        first, last = iso_span(reference.date, reference.date_end)
        inside = [v for v in ctx.earlier if _single_day(v) and first <= start_date(v) <= last]
        reference = inside[-1] if inside else reference
    fuzzy = bool(match["fuzz"]) or reference.precision == "approx"
    return day_value(start_date(reference), "approx" if fuzzy else "day")


def date_of_signature(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on the date of signature of this Agreement': the day the text is dated."""
    return day_value(ctx.anchor) if ctx.anchor is not None else None


def the_day_when(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the day the law was promulgated': the day told before of the act its verb names; right
    after a date ('issued on 15 August 2000, the day the first reunions opened'), that date."""
    if APPOSITION_BEFORE_RE.search(ctx.sentence, 0, ctx.start) and ctx.earlier:
        told = ctx.earlier[-1]
        return told if _single_day(told) else None
    verb = match["verb"]
    stem = re.compile(
        r"\b" + re.escape(verb[:-2][:7] if verb.endswith("ed") else verb[:3]), re.IGNORECASE
    )  # ("the day the allies began": 'beg', as in 'began' and 'beginning')
    return next(  # the first day-dated sentence that tells the act
        (
            told.value
            for told in ctx.history
            if _single_day(told.value) and stem.search(told.sentence)
        ),
        None,
    )


def the_year_apposition(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in the spring of 2001, the year after two men held hands': the year before the date told
    right before it ('the year before ...': the year after)."""
    if not ctx.earlier:
        return None
    step = -1 if match["dir"].lower() == "after" else 1
    return year_value(start_date(ctx.earlier[-1]).year + step)


def in_that_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in April that year', 'on April 27 that year', 'that fall': in the reference's year."""
    reference = _reference(ctx, "year")
    if reference is not None and _spans_years(reference):
        # "payments in May and June 2013 ... and between 2009 and 2013. ... in early July that
        # year": a span of years names no one year; the last single year told before does
        reference = next(
            (
                told.value
                for told in reversed(ctx.history)
                if not _spans_years(told.value) and told.value.precision not in ("open", "decade")
            ),
            None,
        )
    digits = list(YEAR_DIGITS_RE.finditer(ctx.sentence, 0, ctx.start))
    if digits and not MOVED_ON_RE.search(ctx.sentence, digits[-1].end(), ctx.start):
        # "In 2013 the North pulled its workers out in April, and ... in September that year":
        # the last year the sentence told in digits ("in 2018, in Hanoi the following February
        # and at Panmunjom that June": the story has moved on to 2019)
        reference = year_value(int(digits[-1].group(0)))
    if reference is None:
        return None
    year = start_date(reference).year
    season = match.groupdict().get("season") or match.groupdict().get("season2")
    value = season_value(year, season.lower()) if season else _month_or_day(match, year)
    if value is not None and ctx.tense == "past" and ctx.anchor and start_date(value) > ctx.anchor:
        return OPEN  # "In December of that year my father took me": not a year told yet
    return value


def _spans_years(value: TimeValue) -> bool:
    """A time that runs over more than one calendar year ("between 2009 and 2013")."""
    first, last = iso_span(value.date, value.date_end)
    return first.year != last.year


def following_season_or_month(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the following summer', 'the following February', 'the previous winter': the first such
    season (month) after the reference time, or the last before it."""
    reference = _reference(ctx, "month")
    if reference is None:
        return None
    start, end = iso_span(reference.date, reference.date_end)
    after = match["which"].lower() in ("following", "next")
    season = match.groupdict().get("season")
    key = season.lower() if season else ""
    first_month = SEASONS[key] if season else month_number(match["month"])
    # after a year told, the following season is of a later year ("In 1971 ... the following
    # summer"); after a month or day, the first one that starts later
    pivot = end if after and granularity_of(reference) == "year" else start
    years = (
        range(pivot.year - 1, pivot.year + 2) if after else range(pivot.year, pivot.year - 3, -1)
    )
    for year in years:
        begins = dt.date(year, first_month, 1)
        if (after and begins > pivot) or (not after and begins < pivot.replace(day=1)):
            return season_value(year, key) if season else month_value(year, first_month)
    return None


def next_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the next day', 'the day before': one day from the reference time; 'the day before the
    sale': from the sale, told before."""
    text = match.group(0)[: len(match.group(0)) - len(match["named"] or "")].lower()
    apposition = APPOSITION_BEFORE_RE.search(ctx.sentence, 0, ctx.start)
    named = (
        _named_event(ctx, ctx.start + len(text))
        if text in ("the day before", "the day after") and not apposition
        else None
    )
    if match["named"] and named is None and not apposition:
        return None  # "the day after the vote" when no vote was dated: no row
    reference = named or _reference(ctx, "day")
    if reference is None:
        return None
    step = -1 if ("before" in text or "previous" in text or "earlier" in text) else 1
    if "same" in text:
        step = 0
    if text.startswith("the day ") and apposition:
        step = -step  # "since July 12, the day after a soldier shot ...": the shooting, July 11
    base = shift(reference, step, "day")
    precision = "day" if reference.precision == "day" and not reference.date_end else "approx"
    return _not_finer_than(day_value(base, precision), reference)


# A date set off by a comma right before the expression: "since July 12, the day after ..."
APPOSITION_BEFORE_RE = re.compile(DATE_END + r",\s+$")


NTH_DAY = {"first": 0, "opening": 0, "second": 1, "third": 2}


def nth_day_of_a_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'on the first day' of the span of days its sentence told before it (None without one)."""
    span = next((v for v in reversed(ctx.earlier) if v.date_end and v.precision == "day"), None)
    if span is None:
        return None
    first, last = iso_span(span.date, span.date_end)
    nth = match["nth"].lower()
    day = last if nth in ("last", "final", "closing") else first + dt.timedelta(days=NTH_DAY[nth])
    return day_value(day) if day <= last else None


def antecedent_event(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """The event a following "The next day" counts from: the story's time (ctx.reference)."""
    return ctx.reference


HOLIDAY_RE = re.compile(HOLIDAY_WORDS)
HOLIDAY_RUN_ON = 60  # characters a holiday's name may run on past an anniversary's words


def anniversary(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the 70th anniversary of the armistice' dates the armistice: N years before the
    anniversary's day when the sentence tells it (a day date beside it, or a holiday it names:
    July 27), else N years before publication (year). Without 'of ...' only a founding, birth or
    death anniversary is read ("the 80th founding anniversary")."""
    if ctx.anchor is None:
        return None
    years = ordinal_value(match["nth"])
    if not re.search(r"\bof\b|founding|birth|death", match.group(0), re.IGNORECASE):
        return OPEN  # "its 50th anniversary": of what is not told
    original_year = re.compile(rf"(?<!\d){ctx.anchor.year - years:04d}(?!\d)")
    if original_year.search(match.group(0)):
        return year_value(ctx.anchor.year - years)  # "the 25th anniversary of the 1994 ..."
    if original_year.search(ctx.sentence):
        return OPEN  # "... the 77th founding anniversary of the party, founded on October 10, 1945"
    told = [v for v in (*ctx.later[:1], *ctx.earlier[-1:]) if _single_day(v)]
    if not told and TODAY_RE.search(ctx.sentence):
        told = [day_value(ctx.anchor)]  # "Today, on the 67th anniversary of Liberation"
    if (
        not told
        and not ctx.earlier  # "Next year, on the 80th anniversary": not the story's day
        and ctx.tense not in ("future", "intent")
        and ctx.day_reference is not None
        and _single_day(ctx.day_reference)
        and re.search(r"\bon\s+the\s+$", ctx.sentence[: ctx.start], re.IGNORECASE)
    ):
        told = [ctx.day_reference]  # "came on the 68th anniversary ...": the story's day
    if not told and "birthday" in match.group(0).lower():
        return OPEN  # "on his 35th birthday", its day not told: the birth's day is not either
    # the holiday the anniversary names, in it or running on past it ("the 60th anniversary of
    # the victory in the great Fatherland Liberation War")
    named = HOLIDAY_RE.search(match.string, match.start(), match.end() + HOLIDAY_RUN_ON)
    if named is not None and named.start() >= match.end():
        named = None
    holiday = holiday_named(match.string, named.start(), named.end()) if named else None
    if told:
        day: dt.date | None = start_date(told[0])
        if holiday is not None and holiday.fixed and day and (day.month, day.day) != holiday.fixed:
            # "visited on Saturday, ahead of the 70th anniversary of the party's founding": the
            # anniversary is the holiday's own day of that year, not the day of the visit
            day = safe_date(day.year, *holiday.fixed)
    elif holiday is not None:
        # the Nth anniversary is the one nearest the story, ahead or past ("marks the 66th
        # anniversary of the armistice" published 2019-07-03 is 2019's: 1953)
        holiday_value = _holiday_by_tense(holiday, replace(ctx, tense="present"))
        day = start_date(holiday_value) if holiday_value and holiday_value is not OPEN else None
        years_told = [v for v in ctx.earlier[-1:] if granularity_of(v) in ("month", "year")]
        if day is not None and years_told:  # "July 2023 - ... 70th anniversary of the armistice"
            day = safe_date(int(years_told[0].date[:4]), day.month, day.day) or day
    else:  # "in 2045, when we celebrate the 100th anniversary": of the year told beside it
        years_told = [v for v in ctx.earlier[-1:] if granularity_of(v) == "year"]
        return year_value((int(years_told[0].date[:4]) if years_told else ctx.anchor.year) - years)
    if day is None:
        return None
    original = safe_date(day.year - years, day.month, day.day)
    return day_value(original) if original else year_value(day.year - years)


TODAY_RE = re.compile(r"\b(?i:today)\b")


def _single_day(value: TimeValue) -> bool:
    return granularity_of(value) == "day" and not value.date_end and value.precision == "day"


TRIP_DAYS = {"second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6}


def nth_day_of_a_trip(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'On our second day': a day after the first day told ('early on Wednesday morning ... On
    our second day' is Thursday); 'The morning after, ...': the day after the one told last."""
    reference = ctx.day_reference if ctx.reference is not None else None
    if reference is None or not _single_day(reference):
        return OPEN
    nth = (match.groupdict().get("nth") or "").lower()
    if nth == "last":
        return OPEN  # the trip's length is not told
    told = start_date(reference)
    if nth:  # the trip's first day: the earliest day told in the week up to the last one told
        days = [start_date(told.value) for told in ctx.history if _single_day(told.value)]
        first = min((d for d in days if 0 <= (told - d).days <= TRIP_DAYS[nth]), default=told)
        return day_value(first + dt.timedelta(days=TRIP_DAYS[nth]))
    return day_value(told + dt.timedelta(days=1))


def months_ended(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the six months ended June 30, 2016': the months up to that day's (2016-01..2016-06);
    'the fiscal year ended March 31, 2016' twelve of them, 'the quarter ended ...' three."""
    last = month_value(_year(match), month_number(match["month"]))
    months = 3 if (match["period"] or "").lower() == "quarter" else 12
    first = add_months(
        start_date(last), 1 - (number_value(match["num"]) if match["num"] else months)
    )
    return TimeValue(f"{first.year:04d}-{first.month:02d}", "month", last.date)


def week_of(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'the week of 28 September': the Monday-Sunday week holding that day (approx); its year
    told, or by tense and nearness."""
    groups = match.groupdict()
    month = month_number(groups.get("month") or groups["month2"])
    day = _day(match, "day" if groups.get("day") else "day2")
    if groups.get("year"):
        year: int | None = _year(match)
    elif ctx.anchor is not None:
        year = _year_for(ctx, month, day, ctx.tense)
    else:
        return None
    found = safe_date(year, month, day) if year else None
    return week_interval(found) if found else None


def days_that_followed(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'The three-day summit that followed': that many days from the day the story is at (the
    crossing 'on 2 October' it followed)."""
    reference = ctx.day_reference if ctx.reference is not None else None
    days = number_value(match["num"])
    if reference is None or not _single_day(reference) or not 2 <= days <= 31:
        return OPEN
    first = start_date(reference)
    return TimeValue(iso_day(first), "day", iso_day(first + dt.timedelta(days=days - 1)))


def the_day_began(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'The day began with a parade': the day the story is at."""
    reference = ctx.day_reference if ctx.reference is not None else None
    if reference is None or not _single_day(reference):
        return OPEN
    return day_value(start_date(reference))


def soon_after(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'Shortly afterwards', 'soon after': about the day of the event told before (approx); after
    a month or a year ("took office in June. Soon after, ...") the time is left open."""
    if ctx.reference is None or granularity_of(ctx.reference) != "day":
        return OPEN
    return day_value(start_date(ctx.reference), "approx")


def past_span(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'in the past two years', 'over the past month': from that long before the anchor up to it,
    by month; 'in the past week' by day."""
    if ctx.anchor is None:
        return None
    unit = match["unit"].lower()
    if unit == "decade" or (not match["num"] and match["plural"]):
        return OPEN  # "over the past decade(s)": too long or not told
    amount = number_value(match["num"]) if match["num"] else 1
    if unit in ("hour", "minute"):
        return None
    if unit in ("day", "week", "fortnight"):
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
        # "since June last year, when the government switched them on for the first time in six
        # years": counted from the time the 'when' clause is about
        told = ctx.earlier[-1] if ctx.earlier and WHEN_CLAUSE_RE.search(before) else None
        start = start_date(told) if told is not None else ctx.anchor
        base = shift(day_value(start), -amount, unit)
        return _amount_value(base, unit, True, amount)
    if match.group(0).lower().startswith("within"):
        if REQUIRED_RE.search(before) or CONDITION_AFTER_RE.match(
            ctx.sentence, ctx.start + len(match.group(0))
        ):
            return OPEN  # "the appeal must be filed within seven days", "raise incomes within ten
            # years if it gives up its weapons": a rule or a condition, no event
        # "within 30 days": any time from now to then
        end = shift(day_value(ctx.anchor), amount, unit)
        return TimeValue(iso_day(ctx.anchor), "approx", iso_day(end))
    if ctx.tense in ("future", "intent"):
        base = shift(day_value(ctx.anchor), amount, unit)
        return _amount_value(base, unit, True, amount)
    return None


WHEN_CLAUSE_RE = re.compile(r",\s+when\b[^,;]*$")
REQUIRED_RE = re.compile(r"\b(?:must|shall|are\s+required\s+to|is\s+required\s+to)\b[^,;]*$")
CONDITION_AFTER_RE = re.compile(r",?\s+(?:if|unless|provided)\b")


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
    if DATE_AFTER_OBJECT_RE.match(ctx.sentence, match.end()) and not ctx.sentence[
        : ctx.start
    ].strip(' "“'):
        return OPEN  # "Three years after liberation, on this day in 1948, ...": the date tells
    after = match["dir"].lower() == "after"
    step_unit = "day" if unit in ("hour", "minute") else unit
    if unit in ("hour", "minute"):
        amount = 0
    if ctx.later:
        target = ctx.later[0]
        # "came a day after the North fired ... on Wednesday": Wednesday + 1
        base = shift(target, amount if after else -amount, step_unit)
        return _not_finer_than(_offset_value(base, unit, fuzzy), target)
    if THIS_TEXT_ACT_RE.match(ctx.sentence, match.end()) and ctx.anchor is not None:
        # "shall take effect 14 days after the adoption of this resolution": the text's own day
        base = shift(day_value(ctx.anchor), amount if after else -amount, step_unit)
        return _offset_value(base, unit, fuzzy)
    if ctx.earlier and DATE_JUST_BEFORE_RE.search(ctx.sentence, 0, ctx.start):
        # "in March 2005, three months after the complex produced its first goods": what
        # follows "after" is that date less the offset
        told = ctx.earlier[-1]
        base = shift(told, -amount if after else amount, step_unit)
        return _not_finer_than(_offset_value(base, unit, fuzzy), told)
    following = counts_following_clause(ctx.sentence, ctx.start, match.end())
    # "The speech came 11 days after ...": the event the sentence names as its subject
    subject = SUBJECT_EVENT_CAME_RE.match(ctx.sentence[: ctx.start]) if following else None
    reference = (
        (_dated_event(subject["noun"].lower(), ctx) if subject is not None else None)
        or _named_event(ctx, match.end())
        or (_reference(ctx, unit) if ctx.reference is not None else None)
    )
    if reference is None:
        return None
    direction = -1 if after == following else 1
    base = shift(reference, direction * amount, step_unit)
    return _not_finer_than(_offset_value(base, unit, fuzzy), reference)


# An event noun as the subject of "came": "The speech came 11 days after ...", "The launch came"
SUBJECT_EVENT_CAME_RE = re.compile(
    r"\s*(?:The|This|That|Its|Their|His|Her)\s+(?P<noun>[a-z]+)\s+(?:came|comes|was|is)\s+$"
)


# The act of the text itself, done on the day it is dated: "after the adoption of this
# resolution", "after the date of signature of the present Agreement".
THIS_TEXT_ACT_RE = re.compile(
    r"\s+(?i:the\s+)?(?i:adoption|signature|signing|date(?:\s+of\s+signature)?|promulgation"
    r"|publication|entry\s+into\s+force)\s+(?i:of\s+)?(?i:this|the\s+present)\s+"
    r"(?i:resolution|agreement|law|act|decision|treaty|declaration|decree|notice|accord|protocol)\b"
)


# The object of a fronted offset, then a date of the clause's own: "... after liberation, on
# this day in 1948,".
DATE_AFTER_OBJECT_RE = re.compile(r"[^,;]{0,40}," + EXPLICIT_DATE_AFTER_RE.pattern)
DEFINITE_WORDS = frozenset("the this that these those its his her their".split())


def _named_event(ctx: Context, end: int) -> TimeValue | None:
    """The date of an event named again after 'hours after': 'the launch', 'the vote'.

    The noun is looked up in the sentences told before (with its synonyms, when it has some).
    """
    following = re.match(
        r"\s*(?:the|this|that|its|their|his|her)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", ctx.sentence[end:]
    )
    if following is None:
        return None
    words = following[1].lower().split()
    if ORDINAL_WORDS & set(words):
        return None  # "its fourth nuclear test": which one, the story may not have told
    # "the launch on Monday": the event noun; "that news conference": the phrase's last word
    noun = next((w for w in words if w in EVENT_NOUN_CLUES), None)
    if noun is None:
        last = next((i for i, w in enumerate(words) if w in NOT_NOUN_WORDS), len(words))
        noun = words[max(0, last - 1)]
    return _dated_event(noun, ctx)


ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth last latest previous next".split()
)
NOT_NOUN_WORDS = frozenset(
    "on in at of by and or to for with from was were is are that which".split()
)


def _dated_event(noun: str, ctx: Context) -> TimeValue | None:
    """The day of the first event told before that the noun names ('the launch', 'the
    shooting'), or None: the first whose date is told with the noun ('the July 11 shooting',
    'the shooting on July 11'), else the first day-dated sentence that names it."""
    clue = _event_clue(noun)
    # "Hours after the launch": the launch the story is about, i.e. the first day-dated one told.
    named = [
        told
        for told in ctx.history
        if granularity_of(told.value) == "day" and clue.search(told.sentence)
    ]
    beside = (
        told
        for told in named
        if told.start >= 0
        and any(
            0 <= found.start() - told.end <= 1 or 0 <= told.start - found.end() <= 4
            for found in clue.finditer(told.sentence)
        )
    )
    found = next(beside, named[0] if named else None)
    return found.value if found is not None else None


@lru_cache(maxsize=256)
def _event_clue(noun: str) -> re.Pattern[str]:
    """What the sentences that tell the event a noun names hold ('the blast': 'blew up')."""
    return re.compile(EVENT_NOUN_CLUES.get(noun, re.escape(noun[:6])), re.IGNORECASE)


def counts_following_clause(sentence: str, start: int, end: int) -> bool:
    """Whether 'N days after ...' dates the clause that follows rather than its own clause.

    Fronted ("Two days after the summit, Kim ...") or followed by a short definite noun phrase
    ("... three months after the vote"): the sentence's own event counts from the reference.
    Followed by a clause ("... comes one day after Biden said ..."): that clause's event is the
    one counted back from the reference.
    """
    fronted = not sentence[:start].strip(' "“')
    following = re.match(r"\s*([^,;.]*)", sentence[end:])[1].split()  # type: ignore[index]
    anaphoric = len(following) <= 3 and bool(following) and following[0].lower() in DEFINITE_WORDS
    return not (fronted or anaphoric)


def _offset_value(base: dt.date, unit: str, fuzzy: bool) -> TimeValue:
    """An offset from another event is exact only in days; 'two months after' is approx."""
    if unit == "day":
        return day_value(base, "approx" if fuzzy else "day")
    if unit == "year":
        return year_value(base.year, "approx")
    return _amount_value(base, unit, True)


def event_anaphor(match: re.Match[str], ctx: Context) -> TimeValue | None:
    clue = _event_clue(match["noun"].lower())
    referent = next(
        (told.value for told in reversed(ctx.history) if clue.search(told.sentence)), None
    )
    if referent is None and match["noun"].lower() in OCCASION_PARTS:
        referent = ctx.day_reference if ctx.reference is not None else None
    if referent is None:
        return None
    if match["prep"].lower() == "since":
        return referent
    if ctx.sentence[: ctx.start].strip(' "“'):
        return None  # a trailing "... after the launch" leaves the time open; a fronted one sets it
    return TimeValue(referent.date, "approx", referent.date_end)


def relative_qualified(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'later this year', 'the end of last year', 'early next month'."""
    if ctx.anchor is None:
        return None
    step = RELATIVE_YEARS.get(match["which"].lower(), 0)
    return _end_of(match, _unit_value(ctx.anchor, match["unit"].lower(), step, ctx.tense))


def the_year_alone(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'by the end of the year' / 'until the end of the month' / 'by year-end' speak of the
    anchor's year or month; 'by the end of the decade' of the last month of its decade."""
    if ctx.anchor is None:
        return None
    if match["unit"].lower() == "decade":
        ending = re.search(r"\bend\b", match.group(0), re.IGNORECASE)
        return month_value(ctx.anchor.year // 10 * 10 + 9, 12) if ending else OPEN
    return _end_of(match, _unit_value(ctx.anchor, match["unit"].lower(), 0, ctx.tense))


def _end_of(match: re.Match[str], value: TimeValue) -> TimeValue:
    """'the end of the year' is its last month (month precision), as 'the end of July' is July."""
    if re.search(r"\bend\b", match.group(0), re.IGNORECASE) and granularity_of(value) == "year":
        return month_value(int(value.date), 12)
    return value


def earlier_today(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """'earlier today', 'this morning': the day of publication; 'earlier in the day', 'later in
    the day': the day the story is at ('said on Thursday that the bombers had flown earlier in
    the day')."""
    if ctx.anchor is None:
        return None
    if "day" in match.group(0).lower().split():
        told = [v for v in ctx.earlier if _single_day(v)]
        story = told[-1] if told else ctx.day_reference or ctx.reference
        # (a day of this week's news, not "its first launch since April 13")
        if (
            story is not None
            and _single_day(story)
            and 0 <= (ctx.anchor - start_date(story)).days <= 7
        ):
            return day_value(start_date(story))
    return day_value(ctx.anchor)
