"""Holidays and national days that news dates events by, and the day each falls on in a year.

Fixed days (Christmas, Liberation Day, the Day of the Sun ...) are month and day; the moving ones
(Thanksgiving, Seollal and Chuseok, which follow the lunar calendar) come from the `holidays`
library, which knows both Koreas' and the United States' holidays, rather than from a hand-made
table of lunar dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Holiday:
    """A holiday: the words that name it, and either its fixed (month, day) or the country and
    name under which the `holidays` library lists it."""

    pattern: str
    fixed: tuple[int, int] | None = None
    country: str = ""
    library_name: str = ""


APOSTROPHE = "['’]"
LEADER_TITLES = (
    r"(?:(?:the\s+)?(?:late\s+)?(?:state\s+|national\s+)?(?:founder|leader|President|Chairman)\s+)?"
)
# Korea's own national days are in the news under several names; "Victory Day" is Russia's May 9
# when Russia's, and a Christmas tower or tree is a thing, not a day.
HOLIDAYS: tuple[Holiday, ...] = (
    Holiday(
        r"(?:Lunar|Korean) New Year" + APOSTROPHE + r"?s?(?: Day)?|Seollal",
        None,
        "KR",
        "Korean New Year",
    ),
    Holiday(r"New Year" + APOSTROPHE + r"s Day", (1, 1)),
    Holiday(r"New Year" + APOSTROPHE + r"s Eve", (12, 31)),
    # "New Year's" alone is a day only before an address, speech or message of that day (a "New
    # Year's news conference" may fall on any day of early January).
    Holiday(r"New Year" + APOSTROPHE + r"s(?=\s+(?:address|speech|message)\b)", (1, 1)),
    Holiday(r"Christmas Eve", (12, 24)),
    Holiday(
        r"Christmas(?: Day)?(?!\s+(?:trees?|towers?|cards?|lights|decorations|carols?|gifts?"
        r"|presents|markets?)\b)",
        (12, 25),
    ),
    Holiday(r"Thanksgiving(?: Day)?", None, "US", "Thanksgiving Day"),
    Holiday(
        r"(?:the )?Fourth of July|(?:U\.S\.|US|America['’]s|American) Independence Day", (7, 4)
    ),
    Holiday(r"Chuseok|Korean Thanksgiving", None, "KR", "Chuseok"),
    Holiday(r"(?:National )?Liberation Day", (8, 15)),
    Holiday(
        r"(?<!Russia['’]s )(?<!Russian )Victory Day|Day of Victory|[Aa]rmistice [Dd]ay"
        r"|(?:the )?armistice anniversary|anniversary of the (?:Korean War )?armistice"
        # Pyongyang's name for it: "the 60th anniversary of the victory in the great Fatherland
        # Liberation War"
        r"|anniversary of the victory in the (?:great )?Fatherland Liberation War",
        (7, 27),
    ),
    Holiday(
        r"(?:March (?:First|1st) )?Independence Movement Day|Samiljeol|March (?:First|1st) Day"
        r"|anniversary of the March (?:First|1st|1) (?:Independence )?Movement",
        (3, 1),
    ),
    Holiday(r"National Foundation Day|Gaecheonjeol", (10, 3)),
    Holiday(r"Children" + APOSTROPHE + r"s Day", (5, 5)),  # South Korea's, May 5
    Holiday(r"Hangeul Day|Hangul Day|Hangeulnal", (10, 9)),
    Holiday(
        r"Day of the Foundation of the DPRK"
        r"|(?:DPRK|North Korea|the North|the [Rr]epublic)['’]s? (?:founding|foundation)"
        r" (?:anniversary|[Dd]ay)"
        r"|anniversary of (?:the )?(?:DPRK|North Korea|the North|the [Rr]epublic)['’]s?"
        r" (?:founding|foundation)"
        r"|(?:founding|foundation) anniversary of the (?:DPRK|[Rr]epublic)",
        (9, 9),
    ),
    # the two days are the birthdays of Kim Il Sung and Kim Jong Il
    Holiday(
        r"Day of the Sun|(?:birth anniversary|anniversary of the birth) of "
        + LEADER_TITLES
        + r"Kim Il[- ]?Sung",
        (4, 15),
    ),
    Holiday(
        r"Day of the Shining Star|(?:birth anniversary|anniversary of the birth) of "
        + LEADER_TITLES
        + r"Kim Jong[- ]?Il",
        (2, 16),
    ),
    Holiday(
        r"(?:Workers['’] )?[Pp]arty(?:['’]s)? (?:(?:founding|foundation) )?(?:anniversary|[Dd]ay)"
        r"|anniversary of the (?:Workers['’] )?[Pp]arty['’]s (?:founding|foundation)"
        # "the 70th anniversary of the (founding of the) Workers' Party (of Korea)"
        r"|anniversary of the (?:(?:founding|foundation) of the )?Workers['’] Party(?: of Korea)?",
        (10, 10),
    ),
)
HOLIDAY_WORDS = "|".join(f"(?:{h.pattern})" for h in HOLIDAYS)
COMPILED = tuple((re.compile(h.pattern), h) for h in HOLIDAYS)


def holiday_named(text: str, start: int, end: int) -> Holiday:
    """The holiday named by text[start:end], a match of HOLIDAY_WORDS (read in its text, as some
    names are told by the words around them)."""
    return next(
        h for pattern, h in COMPILED if (m := pattern.match(text, start)) and m.end() == end
    )


@cache
def _library_days(country: str, name: str, year: int) -> tuple[dt.date, ...]:
    import holidays as holiday_calendars  # (0.04 s: imported by the first moving holiday told)

    calendar = holiday_calendars.country_holidays(country, years=year)
    return tuple(sorted(day for day, names in calendar.items() if name in names.split("; ")))


def holiday_day(holiday: Holiday, year: int) -> dt.date | None:
    """The day the holiday falls on in `year` (the first day of a holiday of several days)."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    if holiday.fixed is not None:
        month, day = holiday.fixed
        return dt.date(year, month, day)
    days = _library_days(holiday.country, holiday.library_name, year)
    return days[0] if days else None
