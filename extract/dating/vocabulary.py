"""The words temporal expressions are made of, as regular-expression pieces and their values:
month and weekday names, numbers in words, fuzzy and one-sided modifiers, units, counts, and the
nouns that name an event again ("after the meeting")."""

from __future__ import annotations

import re

from extract.dating.calendar import MONTHS, WEEKDAYS
from extract.table.eras import read_eras

MONTH_WORDS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\."
    # "Mar" and "Dec" without a dot are words too ("mar", "dec"): months only before a year
    # ("DOB 14 Mar 1961", "Dec 3, 2019")
    r"|(?:Mar|Dec)(?=\s+(?:[0-3]?\d,?\s+)?(?:1[89]|20)\d\d\b)"
    # headers in capitals ("FRIDAY, APRIL 27"); "MAY" is left out, a word in a capitalised title
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    # and their abbreviations with a dot ("RELEASED FRIDAY, AUG. 18, 2000"), "MAY" before a day
    r"|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.|MAY(?=\s+[0-3]?\d\b)"
)
WEEKDAY_WORDS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Verbs that tell a schedule in their plain present ("the games begin on Wednesday and end on
# Thursday", "His term ends in February"): the tense reader and the headline tagger use them
SCHEDULE_VERBS = frozenset("begin start end open close resume".split())
# Short weekdays, only right before a date's day or month ("Sat 20 July", "Wed. Nov. 3"): alone,
# "Sun" and "Sat" are words.
SHORT_WEEKDAY_WORDS = r"Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
TENS |= {"eighty": 80, "ninety": 90}
NUMBER_WORDS |= TENS
UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "14", "fourteen", "sixty-seven" (a spelled tens word and its unit, as one number)
NUMBER = (
    r"(?:\d{1,3}|(?i:(?:"
    + "|".join(TENS)
    + r")(?:[- ](?:"
    + UNITS
    + r"))?(?![\w-])|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))"
)
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
UNIT = r"(?P<unit>(?i:hour|minute|day|week|fortnight|month|year|decade))s?"  # fortnight: 14 days
# "about three days", "two years"; and the bare "hours"/"minutes" of "hours after the launch".
COUNT = rf"(?:(?P<mod>{FUZZY})\s+)?(?P<num>{NUMBER})\s+{UNIT}"
COUNT_OR_HOURS = rf"(?:{COUNT}|(?P<bare>(?i:hours|minutes)))"


def expand_placeholders(pattern: str) -> str:
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
        if name == "DATEDAY":  # a weekday before a date, whole or short
            return rf"(?P<weekday{suffix}>{WEEKDAY_WORDS}|(?:{SHORT_WEEKDAY_WORDS})\.?(?![\w.]))"
        raise KeyError(name)

    return re.sub(r"\{([A-Z]+)(\d?)\}", token, pattern)


def month_number(word: str) -> int:
    return MONTHS.index(next(m for m in MONTHS if m.startswith(word.rstrip(".").lower()[:3]))) + 1


def weekday_number(word: str) -> int:
    """'Monday', 'monday', 'Mon', 'Tues.' -> 0, 0, 0, 1."""
    prefix = word.lower()[:3]
    return next(i for i, day in enumerate(WEEKDAYS) if day.startswith(prefix))


# The nouns of signed or adopted instruments ("the 2018 military agreement", "the armistice of
# 1953", "the 2024 treaty"): a year beside one names its signing.
INSTRUMENT_NOUNS = frozenset(
    """armistice agreement declaration treaty accord pact communique statement framework
    convention resolution charter""".split()
)


# What "by" names when it tells how, not who: "adopted by consensus", "arrived by ferry" (no
# agent, so no passive participle)
MEANS = frozenset(
    """consensus acclamation vote ferry bus train plane car boat ship road rail sea air land foot
    phone telephone email mail video hand force default chance proxy""".split()
)


# "a two-day summit", "lasts three days": a number of days, in digits or words (2 to 15).
DAY_COUNT = (
    r"(?P<n>\d{1,2}|"
    + "|".join(word for word, value in NUMBER_WORDS.items() if 2 <= value <= 15)
    + ")"
)


def number_value(word: str) -> int:
    """14, 'fourteen', 'sixty-seven' (or 'sixty seven')."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return sum(NUMBER_WORDS[part] for part in re.split(r"[- ]", word))


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
    "shooting": r"\bsho(?:t|ot|oting)\b",
    "killing": r"\bkill|\bshot dead\b",
    "death": r"\bdie[ds]?\b|\bdeath\b|\bkilled\b|\bshot dead\b",
    "explosion": r"explo|\bblast|blew up|blown up",
    "blast": r"explo|\bblast|blew up|blown up",
    "crash": r"\bcrash",
    "arrest": r"\barrest",
    "exercise": r"exercise|\bdrill",
    "exercises": r"exercise|\bdrill",
    "drills": r"exercise|\bdrill",
    "ruling": r"\bcourt\b|\brul",
    "agreement": r"agree|\bsigned\b|accord",
    # parts of the occasion a story is about: "After the banquet, ..." is that occasion's day
    "banquet": r"banquet",
    "dinner": r"\bdinner|\bdined\b",
    "luncheon": r"luncheon|\blunch",
    "lunch": r"luncheon|\blunch",
    "ceremony": r"ceremon",
    "reception": r"reception",
    "parade": r"parade",
}
# Nouns of EVENT_NOUN_CLUES that name a part of the occasion the story is about: told before or
# not, "After the banquet, ..." is on the story's day (approx).
OCCASION_PARTS = frozenset("banquet dinner luncheon lunch ceremony reception parade".split())


# The people whose terms of office date events ("under Moon", "during the Biden administration"):
# the aliases of extract/table/eras.csv, longest first. A name shared by two terms ("Trump",
# "Lee") is told apart by the date (extract.dating.resolvers).
ERA_NAMES = "|".join(
    re.escape(alias)
    for alias in sorted({a for era in read_eras() for a in era.aliases}, key=lambda a: (-len(a), a))
)
ERA_KINDS = r"administration|presidency|government|tenure|rule|era|term|years"
# Titles before a name: "former President Moon Jae-in", "U.S. President Joe Biden".
ERA_TITLE = (
    r"(?:(?i:former|then|late|current)\s+)?(?:(?:South\s+Korean|North\s+Korean|U\.S\.|US|American)\s+)?"
    r"(?:(?i:president|leader|chairman)\s+)?"
)

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "seventy-fifth": 75,
    "eightieth": 80,
    "hundredth": 100,
}
# "the 70th", "the seventieth": an ordinal before "anniversary".
ORDINAL = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?i:"
    + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    + r"))"
)


def ordinal_value(word: str) -> int:
    word = word.lower()
    return int(word[:-2]) if word[:1].isdigit() else ORDINAL_WORDS[word]


# Spoken dates, as transcripts write them: "June twelfth", "the twenty-fifth", "two thousand
# nine", "twenty-eighteen", "nineteen ninety-four", "October of oh-two", "the mid-nineties".
_DAY_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
    " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
SPOKEN_DAYS = {word: index + 1 for index, word in enumerate(_DAY_ORDINALS)}
SPOKEN_DAYS |= {"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31}
SPOKEN_DAYS |= {
    f"twenty{joint}{word}": 20 + SPOKEN_DAYS[word] for word in _DAY_ORDINALS[:9] for joint in "- "
}
SPOKEN_DAY = "(?:" + "|".join(sorted(SPOKEN_DAYS, key=len, reverse=True)) + ")(?![\\w-])"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TWO_DIGITS = rf"(?:(?:{_TENS})(?:[- ](?:{UNITS}))?|{_TEENS}|oh[- ](?:{UNITS}))"
# A whole year: "two thousand (and) nine", "twenty-eighteen", "nineteen ninety-four"
SPOKEN_FULL_YEAR = (
    rf"(?:two thousand(?:(?: and)? (?:{_TEENS}|{UNITS}))?(?![- ]\\w)"
    rf"|(?:twenty|nineteen)[- ]{_TWO_DIGITS}(?![\\w-]))"
)
# Two digits for a year, after a month or a preposition: "oh-six", "ninety-four" (not "twelve")
SPOKEN_SHORT_YEAR = rf"(?:oh[- ](?:{UNITS})|(?:{_TENS})(?:[- ](?:{UNITS}))?)(?![\\w-])"
SPOKEN_DECADES = {"fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}


def spoken_year(words: str) -> int:
    """'two thousand nine' -> 2009, 'twenty-eighteen' -> 2018, 'nineteen ninety-four' -> 1994,
    'oh-six' -> 2006, 'ninety-four' -> 1994 (two digits: 19xx from 50, else 20xx)."""
    parts = re.split(r"[- ]+", words.lower().replace(" and ", " "))
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS[p] for p in parts[2:])
    if len(parts) > 1 and parts[0] in ("twenty", "nineteen") and parts[1] not in UNITS.split("|"):
        century = 2000 if parts[0] == "twenty" else 1900
        return century + _two_digits(parts[1:])
    value = _two_digits(parts)
    return value + (1900 if value >= 50 else 2000)


def _two_digits(parts: list[str]) -> int:
    return sum(NUMBER_WORDS[p] for p in parts if p != "oh")


def spoken_decade(word: str) -> int:
    """'nineties' -> 1990."""
    return 1900 + SPOKEN_DECADES[word.lower()]
