"""The rule table: every temporal expression the extractor knows, one record per rule.

A rule is a name, a pattern (with {MONTH}/{DAY}/{YEAR}/{WEEKDAY} placeholders), a trigger (a cheap
test: a sentence without it cannot hold a match), the resolver that dates a match (in
`extract.dating.resolvers`), and the flags the mention finder and the event filters ask about. In
the manner of HeidelTime and Duckling, the table is the readable heart of the extractor; every
rule has examples in tests/extract/dating/examples.yaml, and docs/dating.md says what each class
of expression gives. dateparser is not used as a finder: its free-text search mistakes "may",
"march" and bare numbers for dates and knows no tense.

To add a rule: write its resolver (or reuse one), add its record here in the place its priority
wants (longer matches win; on a tie, the earlier rule), and add examples, positive and negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.dating.calendar import within_calendar
from extract.dating.holidays import HOLIDAY_WORDS
from extract.dating.resolvers import (
    Resolver,
    ago,
    ago_today,
    anniversary,
    antecedent_event,
    clock_time,
    consecutive_years,
    date_of_signature,
    date_to_weekday,
    day_of_month,
    day_span,
    day_span_relative_year,
    days_from_weekday,
    days_that_followed,
    decade,
    deictic_day,
    earlier_today,
    ended_after_began,
    era_into,
    era_term,
    eve_of,
    event_anaphor,
    first_months,
    first_quarters,
    fiscal_year_relative,
    following_season_or_month,
    full_date,
    full_date_range,
    half_year,
    holiday,
    in_amount,
    in_that_year,
    iso_date,
    later_earlier,
    month_alone,
    month_day,
    month_in_list,
    month_or_month,
    month_pair,
    month_relative_year,
    month_span,
    month_year,
    month_year_range,
    months_ended,
    next_day,
    night_to,
    nth_day_of_a_span,
    nth_day_of_a_trip,
    numeric_date,
    numeric_date_range,
    numeric_day_span,
    numeric_month_day_weekday,
    offset_from_event,
    over_the_weekend,
    overnight_into,
    past_span,
    qualified_year,
    quarter,
    quarter_relative,
    reference_unit,
    relative_qualified,
    relative_unit,
    runs_through,
    season,
    season_span,
    seasons_ago,
    since_taking_office,
    soon_after,
    spoken_day_of_month,
    that_day,
    the_day_began,
    the_day_when,
    the_year_alone,
    the_year_apposition,
    this_day_in_year,
    to_the_day,
    week_of,
    weekday,
    weekday_runs_through,
    weekday_span,
    weekday_to_date,
    within_hours,
    year_apostrophe,
    year_only,
    year_span,
    year_turned,
    year_until_relative,
)
from extract.dating.tense import PAST_VERB
from extract.dating.vocabulary import (
    COUNT,
    COUNT_OR_HOURS,
    ERA_KINDS,
    ERA_NAMES,
    ERA_TITLE,
    EVENT_NOUN_CLUES,
    FUZZY,
    MONTH_WORDS,
    NUMBER,
    ORDINAL,
    SPOKEN_DAY,
    SPOKEN_DAYS,
    SPOKEN_FULL_YEAR,
    SPOKEN_SHORT_YEAR,
    UNIT,
    WEEKDAY_WORDS,
    expand_placeholders,
)

# A spoken day alone from the 13th ("the twenty-fifth"); a spoken year after a month without
# "twenty" or "thirty" alone ("March twenty" may be a day)
CLOCK_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)"  # "6:30 a.m.", "10pm"
SPOKEN_LATE_DAY = "(?:" + "|".join(w for w, v in SPOKEN_DAYS.items() if v >= 13) + r")(?![\w-])"
SPOKEN_MONTH_YEAR = SPOKEN_SHORT_YEAR.replace("twenty|thirty|", "")
# Right after a preposition, as look-behinds: the scanner then finds the year words themselves
# (a search for "in " would stop at every other word).
AFTER_PREPOSITION = (
    "(?:"
    + "|".join(
        rf"(?<=\b{word} )"
        for word in ("in", "In", "since", "Since", "until", "by", "from", "during")
    )
    + ")"
)


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: how to find it, how to date it, how to treat it."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    trigger: re.Pattern[str]  # a cheap test: without a match of it the rule cannot match
    relational: bool = False  # needs the other expressions of its sentence (second pass)
    absorbing: bool = False  # its words are kept from the first pass ("in April that year")
    absolute: bool = False  # carries its own year: future only when after the anchor
    yearless: bool = False  # a month or day without a year: takes a year named before it
    negatable: bool = False  # "did not ... on Monday" tells that nothing happened: no event
    may_be_number: bool = False  # a year-shaped number may be a count, code or sum of money
    may_restate_zone: bool = False  # "(2210 GMT Wednesday)" restates a time told before
    names_occasion: bool = False  # before a noun it names an occasion ("Christmas address")
    counts_from_event: bool = False  # "N days after ...": dates the clause on one side of it
    absorbs_start: bool = False  # "began Monday and runs through Friday": one span, one row
    keeps_story_time: bool = False  # a term of office is background: the story's time stays
    counts_from_story: bool = False  # "The next day, ...": counts from the event told just before
    antecedent: bool = False  # not searched: dates the event "The next day" counts from
    refines_month: bool = False  # "In April, ... on the 3rd": the month gives no row of its own
    # dates an event of its own beside the date it restates ("issued on 15 August 2000, the day
    # the first reunions opened": two events, one day)
    tells_another_event: bool = False


def rule(name: str, pattern: str, resolve: Resolver, *, trigger: str, **flags: bool) -> Rule:
    """A rule record with its pattern and trigger compiled (re.compile caches by text, so rules
    sharing a trigger share one compiled object). No match starts inside a word: "won
    Wednesday's" holds "Wednesday's", not "on Wednesday's". The resolver is guarded at the
    calendar's edges (extract.dating.calendar.within_calendar)."""
    return Rule(
        name,
        re.compile(r"(?<!\w)(?:" + expand_placeholders(pattern) + ")"),
        within_calendar(resolve),
        re.compile(trigger),
        **flags,
    )


# Triggers shared by many rules: a four-digit number, a month name.
YEAR_TRIGGER = r"\d{4}"
MONTH_TRIGGER = r"\b(?:" + MONTH_WORDS.replace("\\.?", "").replace("\\.", "") + r")"
# A name of extract/table/eras.csv (a rule for eras runs only when one is in the sentence).
ERA_TRIGGER = r"\b(?:" + ERA_NAMES + r")\b"
# A weekday inside a name: after a name's adjective, or after "the" before a capitalised word.
NAME_WEEKDAY = r"(?<!Good )(?<!Black )(?<!Bloody )(?<!Super )(?<!Holy )(?!(?<=[Tt]he )\w+\s+[A-Z])"
# The clause after "the day" that tells an act: "the law was promulgated", "the reunions opened".
DAY_WHEN_CLAUSE = (
    r"(?:the|a|an|its|his|her|their|[A-Z][a-z]+)\s+(?:\S+\s+){0,4}?"
    r"(?:(?:was|were|had\s+been)\s+)?(?P<verb>[a-z]{2,}ed|began|met|held|fell|broke|struck"
    r"|sank|shot|flew|took|won|lost|left|came|went)(?![\w-])"
)
# Pattern pieces: a part of a period ("early", "the end of"), a preposition before a date.
PART_OF = r"(?:(?i:early|mid|late)[- ]|(?i:the )?(?i:end|beginning|start|middle|first half|second half|first|last|most) (?i:days? |weeks? )?of )"
ON = r"(?:\b(?i:on|in|since|from|by|until|till|through|during|before|after|of|as of)\s+)?"

RULES: tuple[Rule, ...] = (
    rule(
        "iso_date",
        r"\b(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b",
        iso_date,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "numeric_date_ymd",
        # Korean style: "2013.02.15", "2013/02/15", "2013. 2. 15."
        r"(?<![\w.,/-]){YEAR}(?P<sep>[./])\s?(?P<mon>[01]?\d)(?P=sep)\s?(?P<day>[0-3]?\d)(?![\w/-]|\.\d)",
        iso_date,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "numeric_day_span",
        # Korean style: "(2019. 2. 27.-28.)", "2019.2.27~28"
        r"(?<![\w.,/-]){YEAR}\.\s?(?P<mon>[01]?\d)\.\s?(?P<day>[0-3]?\d)\.?\s?[-–~]\s?"
        r"(?P<day2>[0-3]?\d)\.?(?![\w/-]|\.\d)",
        numeric_day_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "numeric_month_day_weekday",
        # Korean style without a year, its weekday in brackets: "on 6. 21.(Fri)"
        ON
        + r"(?<![\w.,/-])(?P<mon>[01]?\d)\.\s?(?P<day>[0-3]?\d)\.\s?\((?P<weekday>(?i:mon|tue|wed"
        r"|thu|fri|sat|sun))\w*\.?\)",
        numeric_month_day_weekday,
        trigger=r"\d\.\s?\((?i:mon|tue|wed|thu|fri|sat|sun)",
    ),
    rule(
        "numeric_date_range",
        # "from 2000.08.15 to 2000.08.18", "from 2018. 8. 20. to 2018. 8. 26.", "from 2013-04-09
        # to 2013-09-15"
        r"(?i:from|between)\s+{YEAR}(?P<sep>[./-])\s?(?P<mon>[01]?\d)(?P=sep)\s?(?P<day>[0-3]?\d)\.?\s+"
        r"(?i:to|and|through|until)\s+{YEAR2}(?P=sep)\s?(?P<mon2>[01]?\d)(?P=sep)\s?(?P<day2>[0-3]?\d)"
        r"(?![\w/-]|\.\d)",
        numeric_date_range,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "juche_date",
        # KCNA: "July 27, Juche 112 (2023)": the Gregorian year in brackets
        ON + r"{MONTH}\s*{DAY},?\s+Juche\s+\d{1,3}\s+\({YEAR}\)",
        full_date,
        trigger=r"Juche",
        absolute=True,
    ),
    rule(
        "juche_month",
        ON + r"{MONTH},?\s+Juche\s+\d{1,3}\s+\({YEAR}\)",
        month_year,
        trigger=r"Juche",
        absolute=True,
    ),
    rule(
        "juche_year",
        ON + r"Juche\s+\d{1,3}\s+\({YEAR}\)",
        year_only,
        trigger=r"Juche",
        absolute=True,
    ),
    rule(
        "numeric_date_mdy",
        # "2/15/2013" (US month first); "15/2/2013" when the first number cannot be a month
        r"(?<![\w.,/-])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{YEAR}(?![\w/-])",
        numeric_date,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "full_date_mdy",
        ON + r"(?:{DATEDAY},?\s+)?{MONTH}\s*{DAY},?\s*{YEAR}",
        full_date,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "full_date_dmy",
        ON + r"(?:{DATEDAY},?\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",
        full_date,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "day_span",
        ON
        + r"{MONTH}\s*{DAY}\s*(?:-|–|—|(?i:and|to|through|until))\s*(?:{MONTH2}\s*)?{DAY2}(?:,?\s*{YEAR})?",
        day_span,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "day_span_dmy_months",
        # across a month's end, day first: "from 26 September to 1 October 2009", "(26 November
        # - 1 December 2018)", "from Saturday 8 November to Wednesday 12 November 2008"
        r"(?:\b(?i:from|between)\s+)?(?:{DATEDAY},?\s+)?\b{DAY}\s+{MONTH}\s*"
        r"(?:-|–|(?i:to|and|until|through))\s*(?:{DATEDAY2},?\s+)?{DAY2}\s+{MONTH2},?\s+{YEAR}",
        day_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "day_span_dmy_months_yearless",
        # the same without a year: "accepted from 15 October to 14 November" (year by tense)
        r"(?:\b(?i:from|between)\s+)?(?:{DATEDAY},?\s+)?\b{DAY}\s+{MONTH}\s*"
        r"(?:-|–|(?i:to|and|until|through))\s*(?:{DATEDAY2},?\s+)?{DAY2}\s+{MONTH2}(?![,\s]*\d)",
        day_span,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "day_span_dmy",
        # day first, as British and UN/NGO reports write: "on 27 and 28 July 2024", "27-28 July"
        ON + r"\b{DAY}\s*(?:-|–|(?i:and|to))\s*{DAY2}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?",
        day_span,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "night_to",
        r"(?i:the\s+)?(?i:night|overnight)\s+(?i:to|into|before)\s+{MONTH}\s*{DAY}(?:,?\s*{YEAR})?",
        night_to,
        trigger=MONTH_TRIGGER,
    ),
    rule(
        "month_day",
        ON + r"(?:{DATEDAY},?\s+)?{MONTH}\s*{DAY}(?!\s*(?:-|–|,?\s*\d))",
        month_day,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "day_month",
        # "on 11 September", "on Monday, 11 September"
        # ("Wed 24 July, 18:15": a kick-off time after it, no year)
        ON + r"(?:{DATEDAY},?\s+)?\b{DAY}\s+(?:of\s+)?{MONTH}(?!,?\s+\d(?!\d?[:.]\d\d))",
        month_day,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "months_ended",
        # a financial period: "for the six months ended June 30, 2016" is January-June 2016
        # ("for the fiscal year ended March 31, 2016" is April 2015-March 2016, a quarter three months)
        r"(?:\b(?i:for)\s+)?(?i:the\s+)?(?:(?P<num>three|six|nine|twelve|3|6|9|12)\s+(?i:months)|"
        r"(?P<period>(?i:(?:fiscal\s+|financial\s+)?year|quarter)))\s+"
        r"(?i:ended|ending)\s+{MONTH}\s*{DAY},?\s*{YEAR}",
        months_ended,
        trigger=r"(?i:(?:months|year|quarter)\s+end)",
        absolute=True,
    ),
    rule(
        "week_of",
        # "results will be announced in the week of 28 September": that Monday-Sunday week
        r"(?:\b(?i:in|during)\s+)?(?i:the\s+)?(?i:week)\s+(?i:of)\s+(?:{DAY}\s+{MONTH}|{MONTH2}\s*{DAY2})"
        r"(?:,?\s*{YEAR})?",
        week_of,
        trigger=MONTH_TRIGGER,
    ),
    # Spoken dates, as transcripts write them (vocabulary.spoken_year and SPOKEN_DAYS).
    rule(
        "spoken_month_day",
        # "June twelfth", "on Friday, May eighth", "June twelfth, twenty-eighteen"
        ON + r"(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>" + SPOKEN_DAY + r")"
        r"(?:,?\s+(?P<year>" + SPOKEN_FULL_YEAR + r"))?",
        month_day,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "spoken_day_of_month",
        # "sworn in on the twenty-fifth.": the month the story is in (not "the first", "the
        # second": words of their own)
        r"(?<=\bthe )(?P<day>" + SPOKEN_LATE_DAY + r")(?=\s*[,.;:]|\s+(?:and|when)\b)",
        spoken_day_of_month,
        relational=True,
        trigger=r"(?i:teenth|twent|thirt)",
        refines_month=True,
    ),
    rule(
        "spoken_month_year",
        # "October of oh-two", "In June oh-eight", "May of two thousand nine"
        ON
        + r"{MONTH}\s+(?:(?i:of)\s+)?(?P<year>"
        + SPOKEN_FULL_YEAR
        + "|"
        + SPOKEN_MONTH_YEAR
        + ")",
        month_year,
        trigger=MONTH_TRIGGER,
        absolute=True,
    ),
    rule(
        "spoken_season_year",
        # "in the fall of oh-four"
        r"(?:\b(?i:in|during|by|since)\s+)?(?i:the\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))"
        r"\s+(?i:of)\s+(?P<year>" + SPOKEN_FULL_YEAR + "|" + SPOKEN_SHORT_YEAR + ")",
        season,
        trigger=r"(?i:(?:spring|summer|fall|autumn|winter)\s+of\s)",
        absolute=True,
    ),
    rule(
        "spoken_year",
        # "In two thousand nine", "Back in oh-six", "in eighty-seven as well" (not "in
        # eighty-seven countries", "in fifty percent")
        AFTER_PREPOSITION
        + r"(?P<year>"
        + SPOKEN_FULL_YEAR
        + "|"
        + SPOKEN_SHORT_YEAR
        + r")(?!\s+(?:[a-z]{3,}s|percent|per|of|million|billion|thousand|hundred|people)\b)",
        year_only,
        trigger=r"(?i:\b(?:thousand|twenty|nineteen|oh[- ]|forty|fifty|sixty|seventy|eighty|ninety))",
        absolute=True,
    ),
    rule(
        "spoken_decade",
        # "the mid-nineties", "the eighties" (not "in his eighties": an age)
        r"(?<=\b[Tt]he )(?:(?i:early|mid|late)[- ])?(?P<decade>(?i:fifties|sixties|seventies|eighties"
        r"|nineties))\b",
        decade,
        trigger=r"(?i:ties\b)",
    ),
    rule(
        "month_span",
        # ("between June and October last year", "from mid-February to early July 2021": the
        # months, whatever part of each)
        r"(?i:from|between)\s+"
        + PART_OF
        + r"?{MONTH}\s+(?i:to|and|through|until)\s+"
        + PART_OF
        + r"?{MONTH2}(?:,?\s+{YEAR}"
        r"|\s+(?P<which>(?i:last|this|next))\s+(?i:year)\b)?",
        month_span,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "full_date_range",
        # ("through 12:01 a.m. eastern standard time, March 25, 2018": the clock time is the end's)
        r"(?i:from|between)\s+{MONTH}\s*{DAY},?\s*{YEAR},?\s+(?i:to|and|through|until)\s+"
        r"(?:\d{1,2}[:.]\d{2}\s*[ap]\.m\.(?:\s+[a-z]+){0,3},?\s+)?{MONTH2}\s*{DAY2},?\s*{YEAR2}",
        full_date_range,
        trigger=YEAR_TRIGGER,
    ),
    rule(
        "month_year_range",
        r"(?i:from|between)\s+{MONTH}\s+(?:of\s+)?{YEAR}\s+(?i:to|and|through|until)\s+{MONTH2}\s+(?:of\s+)?{YEAR2}",
        month_year_range,
        trigger=YEAR_TRIGGER,
    ),
    rule(
        "month_span_period",
        # "in the January-March period", "the October-December quarter of 2010": those months
        r"(?:\b(?i:in|during|for|over)\s+)?(?i:the\s+)?{MONTH}\s*[-–]\s*{MONTH2}\s+"
        r"(?i:period|quarter)(?:\s+(?i:of\s+)?{YEAR})?\b",
        month_span,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "month_pair",
        # "paid in May and June 2013", "in late May and early June": two months in a row, one
        # span
        r"(?:\b(?i:in|during)\s+)?"
        + PART_OF
        + r"?{MONTH}\s+(?i:and)\s+"
        + PART_OF
        + r"?{MONTH2}(?:,?\s+{YEAR}|\s+(?P<which>(?i:last|this|next))\s+(?i:year)\b)?",
        month_pair,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "month_span_dash",
        r"{MONTH}\s*[-–]\s*{MONTH2},?\s+{YEAR}",
        month_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "month_year",
        ON + PART_OF + r"?{MONTH},?\s+(?:of\s+)?{YEAR}",
        month_year,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "month_year_apostrophe",
        # "the end of February '19", "in May '08": 00-49 are 20xx, 50-99 19xx
        ON + PART_OF + r"?{MONTH},?\s+['’‘](?P<yy>\d{2})(?![\w'’\"”%])",
        month_year,
        trigger=r"['’‘]\d\d",
        absolute=True,
    ),
    rule(
        "month_part_of_day_year",
        # "on a March morning in 2013", "one June night of 1950": that month
        r"\b(?i:an?|one|that)\s+{MONTH}\s+(?i:morning|afternoon|evening|night|day)\s+(?i:in|of)\s+"
        r"{YEAR}",
        month_year,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "month_relative_year",
        ON
        + r"{MONTH}(?:\s+{DAY})?,?\s+(?:(?i:of)\s+)?(?P<which>(?i:last|next|this))\s+(?i:year)\b",
        month_relative_year,
        trigger=MONTH_TRIGGER,
    ),
    rule(
        "day_span_relative_year",
        # "on May 1-3 last year": the days of that year
        ON + r"{MONTH}\s*{DAY}\s*[-–]\s*{DAY2},?\s+(?P<which>(?i:last|next|this))\s+(?i:year)\b",
        day_span_relative_year,
        trigger=MONTH_TRIGGER,
    ),
    rule(
        "day_month_relative_year",
        # "on 2 March this year", "the 15th of June last year"
        ON + r"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+(?P<which>(?i:last|next|this))\s+(?i:year)\b",
        month_relative_year,
        trigger=MONTH_TRIGGER,
    ),
    rule(
        "month_alone",
        r"(?:\b(?i:in|since|until|till|by|for|from|through|during|last|next|this|early|late|mid|as of|"
        r"their|its|his|her|the|"
        r"the end of|the beginning of|the start of|the middle of)[\s-]+(?:(?i:early|late|mid)[\s-]+)?"
        r"(?:(?i:the end of|the beginning of|the start of|the middle of|most of)\s+)?){MONTH}"
        # "the Jan. 6 test" is a day: an abbreviation is not cut before its dot and day
        r"(?:'s|’s)?(?![\w-]|\.?\s*\d)",
        month_alone,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "year_turned",
        # "The year I turned twelve" of someone "born in Hamhung in 1938": 1950
        r"\b(?i:the\s+year\s+(?:I|he|she)\s+turned)\s+(?P<num>" + NUMBER + r")\b",
        year_turned,
        relational=True,
        trigger=r"(?i:\bturned\s)",
    ),
    rule(
        "month_in_list",
        # "in March and May", "in June or July": the month after a month told in a list
        r"(?<=\s)(?i:and|or)\s+{MONTH}(?:'s|’s)?(?![\w-]|\.?\s*\d)",
        month_in_list,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "year_span",
        ON + r"{YEAR}\s*(?:-|–|—)\s*(?P<year2>\d{4}|\d{2})(?![\d-])",
        year_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "year_from_to",
        # ("from in or about 2018 through 2023": about, approx)
        r"(?i:from|between)\s+(?P<about>(?i:in\s+or\s+)?(?i:about|around|approximately)\s+)?"
        r"{YEAR}\s+(?i:to|and|through|until)\s+(?P<year2>\d{4})(?!\d)",
        year_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "year_until_relative",
        # "from 1999 until last year" (published 2008): 1999-2007
        r"(?i:from|between)\s+{YEAR}\s+(?i:to|and|through|until|till)\s+"
        r"(?P<which>(?i:last|this))\s+(?i:year)\b",
        year_until_relative,
        trigger=YEAR_TRIGGER,
        absolute=True,  # its first year is told: a habit over those years is their series
    ),
    rule(
        "consecutive_years",
        ON + PART_OF + r"?{YEAR}\s+(?i:and|or)\s+" + PART_OF + r"?{YEAR2}",
        consecutive_years,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "decade",
        r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[- ])?(?P<decade>1[89]\d0|20\d0)['’]?s\b"
        # "the 1970s and 1980s", "the 1980s to the 2000s", "the late 1970s and early 1980s":
        # one stretch
        r"(?:\s+(?i:and|to|through|into)\s+(?:(?i:the)\s+)?(?:(?i:early|mid|late)[- ])?"
        r"(?P<decade2>1[89]\d0|20\d0)['’]?s\b)?",
        decade,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "season",
        r"(?:(?i:in|during|by|until|since|this|last|next|early|late|the|past|coming)\s+)+"
        r"(?P<season>spring|summer|fall|autumn|winter)(?![a-z])"
        r"(?:\s+(?:of\s+)?{YEAR}|\s+of\s+(?P<year_told>(?i:last|this|next))\s+year\b)?(?!\s+[A-Z])"
        # "the last summer of the war" is the war's, not the one before the article ("the spring
        # of last year" is dated with its year)
        r"(?!\s+of\s+(?!(?i:last|next|this|that|the\s+same|the\s+following|the\s+previous)"
        r"\s+year\b))",
        season,
        trigger=r"(?i:spring|summer|fall|autumn|winter)",
    ),
    rule(
        "season_span_year",
        # "Korea, Summer-Fall 1952", "the spring and summer of 2019": from the first season to
        # the end of the second
        r"(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s*(?:[-–/]|\s(?i:and|to)\s)\s*"
        r"(?P<season2>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?{YEAR}",
        season_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "season_year",
        r"(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?{YEAR}",
        season,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "holiday",
        # the holidays and national days of extract.dating.holidays, with or without a year
        # ("New Year's Day address in 2018", "Liberation Day speech last month", "by Seollal next
        # year": the year or month told after it)
        r"(?P<holiday>"
        + HOLIDAY_WORDS
        + r")\b(?:(?:,?\s+|(?:\s+(?:address|speech|message))?\s+(?:in|of)\s+)"
        r"(?:{MONTH}\s+)?{YEAR}|(?:\s+(?:address|speech|message))?\s+(?P<which>last|next|this)\s+"
        # ("Liberation Day speech last August": that August's)
        r"(?P<unit>year|month|January|February|March|April|May|June|July|August|September"
        r"|October|November|December)\b"
        r"|\s+in\s+{MONTH2}(?!\s*\d))?",  # "the party founding anniversary in October": its month
        holiday,
        trigger=r"New Year|Christmas|Thanksgiving|Chuseok|Seollal|Liberation|Victory|[Aa]rmistice"
        r"|Day of|[Pp]arty|Fourth of July|Independence|Samiljeol|March (?:First|1st)"
        r"|[Ff]ound(?:ing|ation)|Gaecheonjeol|Hange?ul|birth anniversary|anniversary of the birth"
        r"|Children",
        names_occasion=True,
    ),
    rule(
        "year_holiday",
        # "the 1974 Liberation Day ceremony", "the 2018 Lunar New Year": that year's day
        r"\b{YEAR}\s+(?P<holiday>" + HOLIDAY_WORDS + r")\b",
        holiday,
        trigger=YEAR_TRIGGER,
        absolute=True,
        names_occasion=True,
    ),
    rule(
        "fiscal_year",
        # "fiscal year 2019", "FY2019", "FY 2019", "fiscal 2019": that year ("the 2019 fiscal year"
        # is a year as it stands)
        r"(?:\b(?i:in|for|during|by|since|until|through)\s+)?(?:(?i:the\s+)?(?i:fiscal)\s+"
        r"(?:(?i:year)\s+)?|\bFY\s?){YEAR}\b",
        year_only,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "fiscal_year_relative",
        r"(?P<which>(?i:this|next|last|the\s+current|the\s+coming|the\s+next|the\s+last))\s+"
        r"(?i:fiscal\s+year)\b",
        fiscal_year_relative,
        trigger=r"(?i:fiscal year)",
    ),
    rule(
        "quarter",
        # "Q3 2019", "the third quarter of 2019", "in the first quarter" (its year by tense)
        r"(?:\b(?i:in|during|by|for|since|until|through)\s+)?(?i:the\s+)?(?P<ordinal>(?i:first|"
        r"second|third|fourth|final))[- ](?i:quarter)(?:\s+(?:(?i:of)\s+)?(?:{YEAR}|(?P<which>(?i:this|last|next))"
        r"\s+(?i:year)))?(?![\w-])",
        quarter,
        trigger=r"(?i:quarter)",
    ),
    rule(
        "quarter_relative",
        # "an operating loss last quarter", "sales this quarter", "in the previous quarter": the
        # calendar quarter before, of or after the publication's ("the last quarter" of a game,
        # "the past quarter century" are none)
        r"(?:\b(?i:in|during|for|over)\s+)?(?P<which>(?<!(?i:the)\s)(?i:last|this|next)|(?i:the\s+"
        r"(?:previous|past|current|coming|next)))\s+(?i:quarter)(?![\w-]|\s+(?i:of\s+a\s+)?(?i:century))",
        quarter_relative,
        trigger=r"(?i:quarter)",
    ),
    rule(
        "this_day_in_year",
        # a "this day in history" column: "On this day in 1953" is publication's day in 1953
        r"(?i:on\s+)?(?i:this\s+(?:day|date))\s+(?i:in)\s+{YEAR}\b",
        this_day_in_year,
        trigger=r"(?i:\bthis\s+(?:day|date)\s+in\b)",
    ),
    rule(
        "half_year",
        # "in the first half of 2024", "the second half of this year", "in the first half"
        r"(?:\b(?i:in|during|by|for|since|until|through)\s+)?(?i:the\s+)?(?P<ordinal>(?i:first|"
        r"second))[- ](?i:half)(?:\s+(?:(?i:of)\s+)?(?:{YEAR}|(?P<which>(?i:this|last|next))"
        r"\s+(?i:year))|\s+(?i:of\s+the\s+year))?(?![\w-])"
        # ("That second half of his sentence", "the first half of the match": not of a year)
        r"(?!\s+(?i:of)\s+(?!(?i:the\s+)?(?i:fiscal)\b))",
        half_year,
        trigger=r"(?i:\bhalf\b)",
    ),
    rule(
        "first_quarters",
        # "the first three quarters of this year": from January to the last of them
        r"(?:\b(?i:in|during|by|for|over)\s+)?(?i:the\s+)?(?P<ordinal>(?i:first))\s+"
        r"(?P<count>(?i:two|three))\s+(?i:quarters)(?:\s+(?:(?i:of)\s+)?(?:{YEAR}"
        r"|(?P<which>(?i:this|last|next))\s+(?i:year)))?(?![\w-])",
        first_quarters,
        trigger=r"(?i:quarters)",
    ),
    rule(
        "first_months",
        # "in the first nine months of this year", "in the first six months": from January
        r"(?:\b(?i:in|during|for|over)\s+)?(?i:the\s+)?(?i:first)\s+(?P<num>(?i:two|three|four|five"
        r"|six|seven|eight|nine|ten|eleven|[2-9]|1[01]))\s+(?i:months)(?:\s+(?:(?i:of)\s+)?(?:{YEAR}"
        r"|(?P<which>(?i:this|last|next))\s+(?i:year)))?(?![\w-])",
        first_months,
        trigger=r"(?i:first\s+\w+\s+months)",
    ),
    rule(
        "quarter_q",
        r"(?:\b(?i:in|during|by|for|since|until|through)\s+)?\bQ(?P<q>[1-4])(?:\s+{YEAR}\b)?(?![\w-])",
        quarter,
        trigger=r"\bQ[1-4]\b",
    ),
    rule(
        "year_apostrophe",
        # "in '94", "the '18 summit": 00-49 are 20xx, 50-99 19xx
        r"(?:\b(?i:in|since|until|by|from|during|of)\s+)?(?<![\w'’‘])['’‘](?P<yy>\d{2})(?![\w'’\"”%])",
        year_apostrophe,
        trigger=r"['’‘]\d\d",
        absolute=True,
        may_be_number=True,
    ),
    rule(
        "era_term",
        # "under Moon", "under former President Moon Jae-in", "during the Biden administration",
        # "under Moon's predecessor": the term of office, from extract/table/eras.csv
        r"\b(?:(?i:under)\s+(?:(?i:the)\s+)?" + ERA_TITLE + r"(?P<who>" + ERA_NAMES + r")"
        r"(?:['’]s\s+(?P<pred>predecessor|successor)\b|(?:['’]s)?\s+(?:" + ERA_KINDS + r")\b"
        r"|(?![\w'’-]))"
        r"|(?i:during|throughout)\s+(?:(?i:the)\s+)?" + ERA_TITLE + r"(?P<who2>" + ERA_NAMES + r")"
        r"(?:['’]s)?\s+(?:(?P<ord>first|second)\s+)?(?:" + ERA_KINDS + r")\b)",
        era_term,
        trigger=ERA_TRIGGER,
        keeps_story_time=True,
    ),
    rule(
        "era_own_term",
        # "during his first term", "in her presidency": the term of the person the sentence names
        r"\b(?i:during|in|throughout|under)\s+(?i:his|her)\s+(?:(?P<ord>first|second)\s+)?"
        r"(?i:term|administration|presidency|tenure)\b",
        era_term,
        trigger=r"(?i:\b(?:his|her)\b)",
        keeps_story_time=True,
    ),
    rule(
        "era_into",
        # "some 10 days into the Lee Jae-myung administration", "100 days into his presidency"
        COUNT
        + r"\s+(?i:into)\s+(?:(?i:the|his|her)\s+)?(?:(?P<who>"
        + ERA_NAMES
        + r")(?:['’]s)?\s+)?"
        r"(?:(?P<ord>first|second)\s+)?(?i:administration|presidency|government|term|tenure)\b",
        era_into,
        trigger=r"(?i:\binto\b)",
    ),
    rule(
        "since_taking_office",
        # "since taking office", with the person named in the sentence, "since President Lee
        # took office": the inauguration day
        r"(?i:since)\s+(?:(?i:taking|assuming|entering)\s+office|(?:(?i:he|she)|(?:(?:President"
        r"|Prime\s+Minister|Chairman)\s+)?(?P<who>"
        + ERA_NAMES
        + r"))\s+(?i:took|assumed|entered)\s+office)\b",
        since_taking_office,
        trigger=r"(?i:\boffice\b)",
        keeps_story_time=True,
    ),
    rule(
        "qualified_year",
        ON + PART_OF + r"{YEAR}",
        qualified_year,
        trigger=YEAR_TRIGGER,
        absolute=True,
        may_be_number=True,
    ),
    rule(
        "year",
        # ("1817 GMT": a clock time)
        ON + r"(?<![\w$€£#.,/-]){YEAR}(?:['’]s)?(?![\w-]|,\d|\.\d|\s+(?:GMT|UTC|KST|hours\b))",
        year_only,
        trigger=YEAR_TRIGGER,
        absolute=True,
        may_be_number=True,
    ),
    rule(
        "earlier_today",
        r"(?i:(?:earlier|later)\s+(?:in\s+the\s+day|today|this\s+(?:morning|afternoon|evening))"
        r"|this\s+(?:morning|afternoon|evening))",
        earlier_today,
        # (relational: resolved after the sentence's own dates, which "in the day" reads)
        relational=True,
        trigger=r"(?i:today|in the day|this (?:morning|afternoon|evening))",
        negatable=True,
        # "said on Thursday that two bombers had flown earlier in the day": another act
        tells_another_event=True,
    ),
    rule(
        "deictic_day",
        # ("the negotiators of today": nowadays)
        r"\b(?<!\bof\s)(?P<word>(?i:today(?!['’]s)|tonight|yesterday|tomorrow|last\s+night))\b",
        deictic_day,
        trigger=r"(?i:today|tonight|yesterday|tomorrow|last\s+night)",
        negatable=True,
    ),
    rule(
        "weekday_runs_through",
        r"(?:(?i:on)\s+)?{WEEKDAY}\b[^.;]{0,60}?\b(?i:that|which)?\s*(?i:runs?|ran|lasts?|lasted|continues?|continued|running|lasting)\s+"
        r"(?i:through|until|till|to|into)\s+(?:(?i:early|late)\s+)?{WEEKDAY2}",
        weekday_runs_through,
        trigger=WEEKDAY_WORDS,
    ),
    rule(
        "days_from_weekday",
        # "will be held for 12 days starting next Monday", "for four days of joint drills with
        # the South starting Sunday"
        r"\b(?i:for)\s+(?P<num>" + NUMBER + r")\s+(?i:days)\s+"
        r"(?:(?i:of)\s+(?:[\w-]+\s+){1,6}?)?(?i:starting|beginning|from)\s+"
        r"(?:(?P<which>(?i:next|this|on))\s+)?{WEEKDAY}\b",
        days_from_weekday,
        trigger=WEEKDAY_WORDS,
    ),
    rule(
        "weekday_to_date",
        # "a launch window running from Wednesday through Dec. 1"
        r"(?i:from)\s+{WEEKDAY}\s+(?i:through|to|until|till)\s+{MONTH}\s*{DAY}(?:,?\s*{YEAR})?",
        weekday_to_date,
        trigger=WEEKDAY_WORDS,
    ),
    rule(
        "date_to_weekday",
        # "the Expo, which ran from May 12 until Sunday"
        r"(?i:from)\s+{MONTH}\s*{DAY}\s+(?i:through|to|until|till)\s+{WEEKDAY}\b",
        date_to_weekday,
        trigger=WEEKDAY_WORDS,
    ),
    rule(
        "weekday_span",
        # "from Tuesday to Thursday", "from 6:30 a.m. Tuesday until 6:30 a.m. Thursday"
        # ("from noon Thursday to noon Saturday")
        r"(?:(?i:from)\s+)?(?:(?:" + CLOCK_TIME + r"|noon|midnight)\s+)?{WEEKDAY}"
        r"(?:\s+(?i:morning|afternoon|evening|night))?\s+"
        r"(?i:through|to|and|until|till|into)\s+(?:(?i:early|late)\s+)?"
        r"(?:(?:" + CLOCK_TIME + r"|noon|midnight)\s+)?"
        r"(?:(?i:on)\s+)?{WEEKDAY2}"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
        weekday_span,
        trigger=WEEKDAY_WORDS,
    ),
    rule(
        "weekday",
        r"(?:(?i:early|late)\s+(?=(?i:on)\s))?"  # "turned back early on Monday"
        r"(?:(?i:on|last|next|this|early|late|by|until|from|since|past|coming)\s+)?"
        # not a habit ("on Saturdays") nor a name ("Good Friday", "The Sunday Times")
        + NAME_WEEKDAY
        + r"{WEEKDAY}(?!s\b)(?!\s+school)(?:['’]s)?"
        r"(?:\s+(?i:morning|afternoon|evening|night))?",
        weekday,
        trigger=WEEKDAY_WORDS,
        negatable=True,
        may_restate_zone=True,
    ),
    rule(
        "seasons_ago",
        # "Two summers ago" (published in November 2024) is the summer of 2023: the last summer
        # over before publication is one summer ago
        r"\b(?P<num>"
        + NUMBER
        + r")\s+(?P<season>(?i:summer|winter|spring|autumn|fall))s\s+(?i:ago)\b",
        seasons_ago,
        trigger=r"(?i:(?:summer|winter|spring|autumn|fall)s\s+ago)",
    ),
    rule(
        "weekday_in_month",
        # "He spoke to me on a Tuesday in August": some day of that month (month precision)
        r"(?:\b(?i:on)\s+)?\b(?i:an?|one)\s+{WEEKDAY}\s+(?i:in)\s+{MONTH}(?!\s*\d)",
        month_alone,
        trigger=WEEKDAY_WORDS,
    ),
    rule(
        "overnight_into",
        # "crossed the line overnight into Tuesday": the night from Monday to Tuesday, two days
        r"\b(?i:overnight)\s+(?i:into|to)\s+{WEEKDAY}\b",
        overnight_into,
        trigger=WEEKDAY_WORDS,
        negatable=True,
    ),
    rule(
        "over_the_weekend",
        r"(?i:over|during|at|on)\s+the\s+(?i:weekend)",
        over_the_weekend,
        trigger=r"(?i:weekend)",
    ),
    rule(
        "relative_qualified",
        r"(?i:(?:earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
        r"the\s+middle\s+of|the\s+rest\s+of)\s+)(?P<which>(?i:this|last|next))\s+(?P<unit>(?i:year|month|week))",
        relative_qualified,
        trigger=r"(?i:\b(?:this|last|next)\b)",
    ),
    rule(
        "relative_unit",
        # (not "By its last year the zone had 124 firms": the last of its years)
        r"(?<!the )(?<!The )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bour )(?<!\bmy )"
        r"(?P<which>(?i:last|next|this|the\s+coming|the\s+past))\s+"
        r"(?P<unit>(?i:week|month|year|weekend))\b(?!-)",
        relative_unit,
        trigger=r"(?i:\b(?:this|last|next|coming|past)\b)",
    ),
    rule(
        "the_year",
        r"(?i:(?:by|before|until|till|at|since|from)\s+the\s+(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?)"
        r"(?P<unit>(?i:year|month|decade))\b",
        the_year_alone,
        trigger=r"(?i:\bof (?:the )?(?:year|month|decade)\b)",
    ),
    rule(
        "year_end",
        r"(?i:(?:by|before|until|till|at|toward|towards)\s+(?:the\s+)?)(?P<unit>(?i:year|month))[- ](?i:end)\b",
        the_year_alone,
        trigger=r"(?i:(?:year|month)[- ]end)",
    ),
    rule(
        "ago_today",
        # "Ten years ago today": that very day, N years back ("Seventy years ago tomorrow")
        # "Sixty-six years ago this week", "Forty years ago next month": that week, that month;
        # "Sixty years ago this Friday", "Seventy years ago next Thursday": that Friday
        # (Thursday), N years back
        COUNT
        + r"\s+(?i:ago)\s+(?:(?P<today>(?i:today|yesterday|tomorrow|this\s+week|(?:this|next|last)"
        + r"\s+month))|(?P<which>(?i:this|next|last))\s+{WEEKDAY})\b",
        ago_today,
        trigger=r"(?i:\bago\s+(?:today|yesterday|tomorrow|this|next|last)\b)",
    ),
    rule("ago", COUNT + r"\s+(?i:ago)", ago, trigger=r"(?i:\bago\b)"),
    rule(
        "to_the_day",
        # "proclaimed on 15 August 1948, three years to the day after the end of Japanese rule":
        # the other event, that many years from the day told before it
        COUNT + r"\s+(?i:to\s+the\s+day)\s+(?P<dir>(?i:after|before))",
        to_the_day,
        relational=True,
        trigger=r"(?i:to the day)",
        counts_from_event=True,
    ),
    rule(
        "later_earlier",
        COUNT_OR_HOURS + r"\s+(?P<dir>(?i:later|earlier))",
        later_earlier,
        relational=True,
        trigger=r"(?i:later|earlier)",
        counts_from_story=True,
    ),
    rule(
        "within_hours",
        # "convened its security council within hours of the test": the test's day, approx
        r"(?i:within\s+(?:(?:a\s+few|an?|one|two|three|four|five|six|\d{1,2})\s+)?(?:hours?|minutes)"
        r"\s+of)(?P<event>\s+(?i:the|its|this|that)\s+[a-z]+)",
        within_hours,
        relational=True,
        trigger=r"(?i:within)",
        counts_from_story=True,
    ),
    rule(
        "following_season_or_month",
        # "the following summer", "the following February", "the previous winter"
        r"(?i:\bthe\s+(?P<which>previous|preceding|next|following)\s+)"
        r"(?:(?P<season>(?i:spring|summer|fall|autumn|winter))\b|{MONTH})",
        following_season_or_month,
        relational=True,
        trigger=r"(?i:\b(?:previous|preceding|next|following)\s)",
    ),
    rule(
        "reference_unit",
        # "That was the year Moon and Kim met three times": the year told before
        r"(?i:\bthe\s+(?P<which>previous|preceding|prior|next|following)\s+|"
        r"\b(?:(?:early|late)\s+(?:in\s+)?)?that\s+|\b(?-i:That|It)\s+was\s+the\s+"
        r"(?=(?:year|month)\s+(?!before\b|after\b|of\b)))"
        r"(?P<unit>(?i:week|month|year))\b",
        reference_unit,
        relational=True,
        trigger=r"(?i:\b(?:week|month|year)\b)",
    ),
    rule(
        "reference_unit_apart",
        # "the disclosure in October that ... during talks ... earlier that month", "in a joint
        # statement in September 2005 ... sanctions imposed the same month": another event of
        # the same month
        r"\b(?:(?i:later|earlier)\s+(?:(?i:in)\s+)?(?i:that|the\s+same)|(?:(?i:early|late)\s+"
        r"(?:(?i:in)\s+)?)?(?i:th(?:e|at)\s+same))\s+(?P<unit>(?i:week|month|year))\b",
        reference_unit,
        relational=True,
        trigger=r"(?i:\b(?:later|earlier|same)\b)",
        tells_another_event=True,
    ),
    rule(
        "that_day",
        r"(?:(?P<fuzz>(?i:later|earlier))\s+)?(?i:that)\s+(?i:day|morning|afternoon|evening|night)\b",
        that_day,
        relational=True,
        trigger=r"(?i:\bthat\s)",
        # "stepped across the line on April 27, 2018, he told an interviewer that day": two events
        tells_another_event=True,
    ),
    rule(
        "date_of_signature",
        # "shall enter into force on the date of signature (of this Agreement)": the text's own
        # date, the day it is signed
        r"(?i:(?:on|from|upon|as\s+of)\s+the\s+(?:date|day)\s+of\s+(?:its\s+)?signature"
        r"(?:\s+of\s+(?:this|the\s+present)\s+(?:agreement|accord|treaty|protocol|declaration))?"
        r"|upon\s+(?:its\s+)?signature)",
        date_of_signature,
        trigger=r"(?i:signature)",
    ),
    rule(
        "the_day_when",
        # "on 15 August 2000, the day the first reunions opened": that day; "filed a complaint on
        # the day the law was promulgated": the day the promulgation was told
        r"(?<![\d],\s)(?:(?i:on)\s+)?(?i:the\s+day)\s+(?:(?i:that|when|on\s+which)\s+)?"
        + DAY_WHEN_CLAUSE,
        the_day_when,
        relational=True,
        trigger=r"(?i:the\s+day\s)",
    ),
    rule(
        "the_day_apposition",
        # "issued on 15 August 2000, the day the first reunions opened": that day, another event
        # (its clause stays for the headline)
        r"(?<=\d,\s)(?i:the\s+day)(?=\s+(?:(?i:that|when|on\s+which)\s+)?" + DAY_WHEN_CLAUSE + ")",
        the_day_when,
        relational=True,
        trigger=r"(?i:the\s+day\s)",
        tells_another_event=True,
    ),
    rule(
        "the_year_apposition",
        # "born in the spring of 2001, the year after two men held hands in Pyongyang": another
        # event, the year before ("1953, the year the armistice was signed" names the year's
        # event already told: no second row)
        r"(?<=\d,\s)(?i:the\s+year)\s+(?P<dir>(?i:after|before))(?=\s+(?:(?i:that|when|in\s+which)\s+)?"
        r"(?:the|a|an|two|three|its|his|her|their|[A-Z][a-z]+)\s+(?:\S+\s+){0,5}?"
        + PAST_VERB
        + ")",
        the_year_apposition,
        relational=True,
        trigger=r"(?i:\d,\s+the\s+year\s)",
        tells_another_event=True,
    ),
    rule(
        "in_that_year",
        # "from Sept. 18 to 20 that year": the span
        # ("in early July that year": the month)
        r"(?:(?:\b(?i:in|on|by|since|until|from)\s+)?"
        + PART_OF
        + r"?{MONTH}(?:\s+{DAY}(?:\s*(?:-|–|(?i:to|through"
        r"|until))\s*{DAY2})?)?\s+(?:(?i:of)\s+)?"
        r"|(?P<season>(?i:spring|summer|fall|autumn|winter))\s+(?:(?i:of)\s+)?)(?i:that|the\s+same)\s+year\b"
        # "That fall, Moon ..." is a season; "actions that fall below the threshold" is a verb
        r"|\b(?i:that)\s+(?P<season2>(?i:spring|summer|autumn|winter)\b|(?i:fall)(?=\s*[,.;]))",
        in_that_year,
        relational=True,
        absorbing=True,
        trigger=r"(?i:\b(?:that|same)\s)",
    ),
    rule(
        "that_month",
        # "at the DMZ that June": that month of the year the story is in
        r"\b(?i:that)\s+{MONTH}(?![\w-]|\.?\s*\d)",
        in_that_year,
        relational=True,
        absorbing=True,
        trigger=r"(?i:\bthat\s)",
    ),
    rule(
        "next_day",
        r"(?i:the\s+(?:next|following|previous|same)\s+(?:day|morning|evening|night)"
        r"|a\s+day\s+(?:earlier|later)|the\s+day\s+(?:before|after)"
        # "the day after the shooting": the event it counts from is in the evidence
        r"(?P<named>\s+(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:"
        + "|".join(EVENT_NOUN_CLUES)
        + r")\b)?)",
        next_day,
        relational=True,
        trigger=r"(?i:\bday\b|morning|evening|night)",
        counts_from_story=True,
        # "lodged a protest on Sunday, while Xi opened the summit the same day": two events
        tells_another_event=True,
    ),
    rule(
        "antecedent_event",
        # "Some 10 days into ..., A. Lee also instructed ... The next day, the North halted ...":
        # the undated past event that "the next day" counts from is on the story's date (its
        # "also" or "then", else its past verb, is the evidence); applied by
        # extract.dating.narrative, never searched for
        r"\b(?:also|then)(?=\s+" + PAST_VERB + r")|" + PAST_VERB,
        antecedent_event,
        relational=True,
        trigger=r"[a-z]",
        antecedent=True,
    ),
    rule(
        "runs_through",
        # "will run through Friday", "runs through March 18": from the start told before it in
        # the sentence ("began Monday and runs through Sept. 1"), else from publication
        r"\b(?i:runs?|running|lasts?|lasting|continues?|continuing|goes\s+on|go\s+on)\s+"
        r"(?i:through|until|till)\s+(?:(?i:early|late)\s+)?(?:{WEEKDAY}|{MONTH}\s*{DAY}(?!,?\s*\d))",
        runs_through,
        relational=True,
        absorbing=True,
        trigger=r"(?i:\b(?:run|runs|running|last|lasts|lasting|continue|continues|continuing|go|goes)\s)",
        absorbs_start=True,
    ),
    rule(
        "through_weekday",
        # "would keep testing the air through Friday", "forecast more rain through Sunday": what
        # goes on from the start told before it (else from publication) to that day
        # (a direct rule: a longer span, "from Monday through Friday", wins over it)
        r"\b(?i:through)\s+(?:(?i:early|late)\s+)?{WEEKDAY}(?![\w-])",
        runs_through,
        trigger=r"(?i:\bthrough\s)",
    ),
    rule(
        "stays_through",
        # "reopened on Friday and will be open from 9 a.m. to 5 p.m. daily through Oct. 31": a
        # state from the start the sentence told (without one, "until Friday" is a weekday)
        r"\b(?P<state>(?i:be|remains?|stays?)\s+(?i:open|closed|shut|in\s+place|in\s+effect))"
        r"(?:\s+(?!(?i:through|until|till)\b)[\w.:]+){0,7}?\s+"
        r"(?i:through|until|till)\s+(?:(?i:early|late)\s+)?(?:{WEEKDAY}|{MONTH}\s*{DAY}(?!,?\s*\d))",
        runs_through,
        relational=True,
        absorbing=True,
        trigger=r"(?i:\b(?:began|begun|started|(?:re)?opened|(?:re)?opens|closed|shut|raised|imposed"
        r"|declared|issued|introduced)\b.{0,150}?"
        r"\b(?:be|remains?|stays?)\s+(?:open|closed|shut|in\s+place|in\s+effect)\b)",
        absorbs_start=True,
    ),
    rule(
        "ended_after_began",
        # "began on Saturday, Aug. 22, and ended early Tuesday", "... and end today", "which
        # began on Saturday evening and ended early on Tuesday", "opened on March 5 and closed
        # on March 20": from the start told before it in the sentence
        # (the verb stays out of the evidence: the headline tells it)
        # ("broke out in Uljin on March 4 ... before it was put out on March 13": a fire's span)
        r"(?:(?<=\bended\s)|(?<=\bends\s)|(?<=\bend\s)|(?<=\bclosed\s)|(?<=\bconcluded\s)"
        r"|(?<=\bfinished\s)|(?<=\bput\sout\s)|(?<=\bextinguished\s))"
        r"(?:(?i:early|late)\s+(?=(?i:on)\s))?(?:(?i:on)\s+)?(?:(?i:early|late)\s+)?"
        r"(?:{WEEKDAY}|(?P<deictic>(?i:today|yesterday))|{MONTH}\s*{DAY}(?!,?\s*\d))\b",
        ended_after_began,
        relational=True,
        absorbing=True,
        # only where the sentence tells a start: "closed on Monday" alone is a weekday
        trigger=r"(?i:\b(?:began|begun|begins?|started|starts?|opened|opens|broke\s+out)\b.{0,150}?"
        r"\b(?:ended|ends|end|concluded|closed|finished|put\s+out|extinguished)\s)",
        absorbs_start=True,
    ),
    rule(
        "day_of_month",
        # "on the 12th", "the morning of the 14th", "(the 10th)", "the 15th of this month",
        # "the 27th (local time)": that day of the month the story is in, else of publication
        # (Korean newsroom English dates the days of this month so)
        r"(?:\b(?P<on>(?i:on|by|until|since))\s+)?(?:\b(?i:the)\s+(?P<part>(?i:morning|afternoon|evening"
        r"|night))\s+(?i:of)\s+)?\b(?i:the)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
        r"(?:\s+(?i:of)\s+(?P<which>(?i:this|last|next))\s+(?i:month))?"
        r"(?=\s*(?:[,.;:)(]|$)|\s+(?:and|or|but|when|while|as|after|before|at|in|with|to|by"
        r"|from|that|which|into)\b"
        # after "on", a verb may follow ("North Korea on the 13th released"), not a noun it
        # counts ("on the 13th floor", "on the 5th day")
        r"|(?(on)\s+(?!(?:floor|anniversary|century|parallel|round|day|days|time|times|birthday"
        r"|place|straight|consecutive|annual|session|congress|plenary|meeting|year|month|week"
        r"|generation|division|corps|fleet|army|grade|edition|game|match|stage|attempt|try"
        r"|of)\b)[a-z]+\b|(?!)))",
        day_of_month,
        relational=True,
        trigger=r"\d(?:st|nd|rd|th)\b",
        refines_month=True,
        absorbing=True,  # "the 15th of this month": not "this month"
    ),
    rule(
        "clock_time",
        # "at 6:40 a.m.": the day the story is at, or the publication date when none was told
        # ("9:29 a.m. — Kim walks ...": a liveblog entry)
        # ("until about 1:30 p.m.", "called to order at 10.05 a.m.": the same)
        r"\b(?i:at|until|around|about)\s+(?:(?i:about|around|approximately)\s+)?"
        r"(?:" + CLOCK_TIME + r"|[0-2]?\d:[0-5]\d(?![\d:]|\s*[ap]\.?m)"  # "at 11:34", "at 18:45"
        r"|noon(?![\w-]))"  # "announced at noon that Kim had died"
        # a schedule's or a log's entry opening with its time: "9:29 a.m. — Kim walks",
        # "8.00pm The Last Train North" (not a time and its zone: "2:07 p.m. EDT")
        r"|^" + CLOCK_TIME + r"(?=\s*[—–-]|\s+(?![A-Z]{0,4}T\b|UTC\b)[A-Z\d])"
        # a fixture's 24-hour kick-off time before its teams: "16:10 · Korea Republic v Japan"
        r"|^[0-2]?\d:[0-5]\d(?=\s*[·|•—–]\s*[A-Z])",
        clock_time,
        relational=True,
        trigger=r"\d\s*[ap]\.?m\b|\d:[0-5]\d|\bnoon\b",
    ),
    rule(
        "late_and_early_month",
        # "from late August into early September 2016": one stretch across the turn of a month
        # ("in late August and early September 2016" is month_pair's)
        r"(?:\b(?i:in|during|from)\s+)?(?i:late)[- ]{MONTH}\s+(?i:to|into)\s+(?i:early)[- ]"
        r"{MONTH2},?\s+{YEAR}",
        month_span,
        trigger=YEAR_TRIGGER,
        absolute=True,
    ),
    rule(
        "month_or_month",
        # "late March or early April", "in December or January": one approx interval
        r"(?:\b(?i:in|by|during|until|around)\s+)?(?:(?i:early|mid|late)[- ])?{MONTH}\s+(?i:or)\s+"
        r"(?:(?i:early|mid|late)[- ])?{MONTH2}(?![\w-]|\.?\s*\d)",
        month_or_month,
        trigger=MONTH_TRIGGER,
        yearless=True,
    ),
    rule(
        "anniversary",
        # "the 70th anniversary of the armistice (on July 27)", "the 80th founding anniversary":
        # the original event, N years before the anniversary's day when the sentence tells it
        r"\b(?P<nth>" + ORDINAL + r")\s+(?:(?i:founding|birth|death)\s+)?(?i:anniversary|birthday)"
        r"(?:\s+of\s+(?:[\w'’.-]+\s+){0,8}?[\w'’-]+(?=\s+(?:on|in|at|with|by|and|when|as|this|last|next"
        r"|was|is|will|falls|fell|later|earlier|today|tomorrow|yesterday|between|against|for|from"
        r"|after|before|to|that|which|who)\b"
        r"|\s*[,.;:)\"”]|\s*$))?",
        anniversary,
        relational=True,
        absorbing=True,
        trigger=r"(?i:anniversary|birthday)",
    ),
    rule(
        "nth_day_of_a_span",
        # "attended the forum on Wednesday and Thursday and met Putin on the first day": that
        # day of the span its sentence told
        # ("inspected the vessel on the second day of their visit": the span told is the visit)
        r"\b(?i:on\s+)?(?i:the)\s+(?P<nth>(?i:first|second|third|last|final|closing|opening))"
        r"\s+(?i:day)\b(?:\s+(?i:of)\s+(?i:the|their|his|her|its)\s+(?i:visit|trip|stay|talks"
        r"|summit|conference|tour|meeting|games|festival|exhibition)\b)?"
        r"(?!\s+(?i:of|in|since|after|before)\b)",
        nth_day_of_a_span,
        relational=True,
        trigger=r"(?i:\bday\b)",
        tells_another_event=True,
    ),
    rule(
        "nth_day_of_a_trip",
        # a trip told day by day: "On our second day we hiked", "The morning after, we soaked"
        r"\b(?i:on\s+)?(?i:our|their)\s+(?P<nth>(?i:second|third|fourth|fifth|sixth|seventh|last))"
        r"\s+(?i:day|morning|evening)\b(?!\s+(?i:of)\b)"
        r"|\b(?i:the)\s+(?:morning|day|evening|night)\s+after(?=\s*,)",
        nth_day_of_a_trip,
        relational=True,
        trigger=r"(?i:\b(?:our|their)\s|\safter\s*,)",
    ),
    rule(
        "days_that_followed",
        # "The three-day summit that followed ...": from the day the story is at
        r"\b(?i:the)\s+(?P<num>" + NUMBER + r")-day\s+(?:[\w-]+\s+){0,2}?"
        r"(?i:summit|talks|visit|meeting|meetings|conference|trip|games|festival|exercise)"
        r"\s+(?i:that|which)\s+(?i:followed|began|opened)\b",
        days_that_followed,
        relational=True,
        trigger=r"(?i:-day\s)",
    ),
    rule(
        "the_day_began",
        # "The day began with a visit to Camp Humphreys": the day the story is at
        r"\b(?i:the)\s+day\s+(?i:began|started|opened|ended|closed|kicked\s+off|wrapped\s+up)\b",
        the_day_began,
        relational=True,
        trigger=r"(?i:\bday\b)",
    ),
    rule(
        "soon_after",
        # "Shortly afterwards, ...", "Soon after, ...": the previous event's day, approx
        r"\b(?i:shortly|soon|immediately|right)\s+(?i:afterwards?|thereafter|after(?=\s*[,.;]))",
        soon_after,
        relational=True,
        trigger=r"(?i:after)",
    ),
    rule(
        "past_span",
        # "in the past two years", "over the past week" (one unit: "the past decades" is open)
        r"(?i:in|over|during)\s+the\s+(?i:past|last)\s+(?:(?P<num>" + NUMBER + r")\s+)?"
        r"(?P<unit>(?i:hour|minute|day|week|month|year|decade))(?P<plural>s)?\b(?!\s+of\b)",
        past_span,
        trigger=r"(?i:\b(?:past|last)\b)",
    ),
    rule(
        "in_amount",
        r"\b(?i:in|within)\s+(?:(?P<mod>"
        + FUZZY
        + r")\s+)?(?P<num>"
        + NUMBER
        + r")\s+"
        + UNIT
        + r"\b(?!\s+(?i:ago|later|earlier|after|before))",
        in_amount,
        trigger=r"(?i:\b(?:in|within)\b)",
    ),
    rule(
        "offset_from_event",
        COUNT_OR_HOURS + r"\s+(?P<dir>(?i:after|before))",
        offset_from_event,
        relational=True,
        trigger=r"(?i:after|before)",
        counts_from_event=True,
    ),
    rule(
        "eve_of",
        # "On the eve of the summit": the day before the summit's day told before it
        r"\b(?:(?i:on)\s+)?(?i:the)\s+(?i:eve)\s+(?i:of)(?P<event>\s+(?i:the|this|that|its|their|his|her)\s+"
        r"(?:[\w-]+\s+){0,2}?[\w-]+)",
        eve_of,
        relational=True,
        trigger=r"(?i:\beve\s+of\b)",
    ),
    rule(
        "event_anaphor",
        r"(?P<prep>(?i:after|since|following))\s+(?:(?i:the|this|that|his|her|their|its)|[A-Z][\w’'-]+['’]s)\s+"
        r"(?:[\w-]+\s+)?(?P<noun>(?i:" + "|".join(EVENT_NOUN_CLUES) + r"))\b",
        event_anaphor,
        relational=True,
        trigger=r"(?i:after|since|following)",
    ),
)
