"""Temporal mentions of one sentence: every expression the rule table finds, resolved.

Direct rules go first, longest match first; a match that does not resolve gives its words back
to shorter rules. Relational rules ("the next day", "hours after", "after the meeting") then
resolve in textual order from what precedes or follows them in the sentence and from the
narrative's reference time. Year-shaped counts, codes and sums of money are no dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from extract.dating.calendar import TimeValue, granularity_of, iso_span, safe_date
from extract.dating.resolvers import (
    BEGAN_RE,
    IMPOSED_RE,
    OPEN,
    Context,
    Told,
    counts_following_clause,
)
from extract.dating.rules import RULES, Rule
from extract.dating.scanner import DocumentScan, ScanTable
from extract.dating.tense import tense_before

# A year followed by one of these is a count or a measure, not a year ("2000 troops").
COUNT_NOUN_RE = re.compile(
    # ("1,000 more troops"; not "opened in 1972 for people displaced")
    r"\s*(?:(?!(?:for|of|in|on|at|to|by|from|with|and|or|as)\s)[a-z-]+\s+)?"
    r"(?:troops|soldiers|people|persons|residents|workers|troop|km|kilometers?|"
    r"kilometres?|miles|meters|metres|tons|tonnes|won|dollars|yuan|yen|units|rounds|shells|"
    r"rockets|missiles|balloons|leaflets|seats|families|defectors|cases|deaths|members|votes|"
    r"hectares|feet|pounds|kg|times|firms|companies|hours|days|points|percent)\b",
)
NOT_YEAR_BEFORE_RE = re.compile(
    r"(?:\b(?:No|no|Number|number|Resolutions?|resolutions?|Room|room|Route|Article|Section|Unit|"
    r"Flight|flight|Highway|Hill|Line|Post|Code|code|model|Model|Type|type|Pier|Gate|Vision)\.?\s*$)"
    r"|(?:[#$€£§]\s*$)|(?:(?<!\d)\d{1,3}(?:,\d{3})*\s*(?:-|to|and)\s*$)"
    r"|\b[Cc]lass(?:\s+of)?\s*$",  # a graduating class: "the Class of 2019", a name
)
# A year after the preposition that opens the sentence is a year, whatever follows ("In 2018
# soldiers from both sides cleared the mines"): a count there would be "In 2018, 300 soldiers".
OPENING_PREPOSITION_RE = re.compile(r"\W*(?:In|Since|By|Until|From|During|Through)\s+\d")
# An author-year citation of scholarly writing: the year of a publication, not of an event.
CITED_BEFORE_RE = re.compile(
    r"(?:[(;]\s*|^)[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?,?\s+$"
    r"|[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?\s+\($"
    r"|^\W*[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*)+\($"  # a reference list: "Kim, Y. (2011)."
)
# "(2009)", "(2009a;", "(2009, 45)", "(2009, pp. 45-50)"
CITED_AFTER_RE = re.compile(r"[a-z]?(?:,\s*(?:(?:p|pp)\.\s*)?\d+(?:[-–]\d+)?)?\s*[;)]")
NUMBER_WITH_YEAR_AFTER_RE = re.compile(r"\s*\((?:1[89]|20)\d\d\)")
# The year of a numbered text told with it, read before the year: "resolutions 1718 (2006),
# 1874 (2009)": the number is group 1.
CITED_NUMBER_RE = re.compile(r"\b(\d{3,5})\s*\(\s*$")


def numbered_citation(text: str, mention: Mention) -> re.Match[str] | None:
    """The number of the text a year in parentheses belongs to ("1874 (2009)"), if any."""
    return CITED_NUMBER_RE.search(text, max(0, mention.start - 12), mention.start)


TIME_ZONE_BEFORE_RE = re.compile(
    r"\d{1,4}(?::\d{2})?\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|EST|EDT|ET|PST|PDT|KST|JST)\s+$"
)
RESTATED_TIME_RE = re.compile(
    r"\W*(?:That|This|It)\s+(?:was|is|will\s+be)\s+\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?\s*$"
)
# "every Monday", "each other spring": a habit's time
RECURRING_BEFORE_RE = re.compile(r"\b(?i:every|each)\s+(?:(?i:other|second)\s+)?$")
MAX_RELATIONAL = 40  # "the next day", "hours after" ... resolved per sentence (more is a list)


@dataclass
class Mention:
    """A temporal expression found in a sentence and its resolved value."""

    start: int  # offset in the sentence
    end: int
    rule: Rule
    match: re.Match[str]
    value: TimeValue | None = None
    tense: str = "past"
    side: str = "around"  # where the event's words are: around, before or after the expression
    flashback: bool = False  # counted back from the story's time ("a decade earlier")
    recurring: bool = False  # "every Monday": a habit, no step of the story

    @property
    def moves_story_time(self) -> bool:
        """Whether the story goes on at this time: not a term of office told as background, nor
        a habit ("almost every Monday")."""
        return not self.rule.keeps_story_time and not self.recurring


def _candidates(text: str, scan: DocumentScan) -> tuple[list[Mention], list[Mention]]:
    """Every match of the searched rules in `text` (a rule runs only when its trigger words
    occur): (relational, direct), each in table order."""
    relational, direct = [], []
    for rule, match in scan.matches(text):
        mention = Mention(match.start(), match.end(), rule, match=match)
        (relational if rule.relational else direct).append(mention)
    return relational, direct


def _plausible(mention: Mention, text: str) -> bool:
    """Reject year-shaped numbers that are counts, codes or money, and a weekday that only
    restates a time in another zone ("at 7:10 a.m. (2210 GMT Wednesday)")."""
    before = text[max(0, mention.start - 30) : mention.start]
    if mention.rule.may_restate_zone:
        # "(2210 GMT Wednesday)", "That was 1:17 p.m. Tuesday in Washington.": a time told again
        return not (
            TIME_ZONE_BEFORE_RE.search(before) or RESTATED_TIME_RE.match(text[: mention.start])
        )
    if not mention.rule.may_be_number:
        return True
    after = text[mention.end : mention.end + 40]
    if NOT_YEAR_BEFORE_RE.search(before):
        return False
    if CITED_BEFORE_RE.search(before) and CITED_AFTER_RE.match(after):
        return False  # a citation: "(Haggard and Noland 2007; Kim 2011)", "Kim (2011)"
    if NUMBER_WITH_YEAR_AFTER_RE.match(after):
        return False  # a numbered thing with its year: "resolutions 1718 (2006), 1874 (2009)"
    opens_sentence = OPENING_PREPOSITION_RE.match(text[: mention.start + 40]) is not None
    return opens_sentence or not COUNT_NOUN_RE.match(after)


RULE_ORDER = {rule.name: index for index, rule in enumerate(RULES)}
ANTECEDENT_RULE = next(rule for rule in RULES if rule.antecedent)
# A fronted phrase before the main clause ("Amid a flurry of activities largely focused on ...,").
FRONTED_PHRASE_RE = re.compile(
    r"^(?:Amid|After|Before|In|On|At|During|With|Following|As)\b[^,]{0,120},\s"
)


def antecedent_mention(text: str, anchor: dt.date | None, reference: TimeValue) -> Mention | None:
    """The past event of an undated sentence that the next sentence's "The next day" counts
    from, dated at the story's time: its main past verb as evidence (None without one)."""
    fronted = FRONTED_PHRASE_RE.match(text)
    match = ANTECEDENT_RULE.pattern.search(text, fronted.end() if fronted else 0)
    if match is None or tense_before(text, match.end()) != "past":
        return None
    context = Context(anchor, "past", reference, text, match.start())
    value = ANTECEDENT_RULE.resolve(match, context)
    if value is None:
        return None
    return Mention(match.start(), match.end(), ANTECEDENT_RULE, match, value, "past")


@cache
def scan_table() -> ScanTable:
    """Every rule but the antecedent one (narrative applies it; nothing searches for it), made
    ready for scanning on first use: a run that extracts nothing does not pay for it."""
    return ScanTable([rule for rule in RULES if not rule.antecedent])


def scan_document(sentences: Sequence[str]) -> DocumentScan:
    """A document's sentences scanned once for every rule (pass it to `find_mentions`)."""
    return DocumentScan(sentences, scan_table())


def find_mentions(
    text: str,
    anchor: dt.date | None,
    reference: TimeValue | None,
    history: Sequence[Told] = (),
    day_reference: TimeValue | None = None,
    frame: TimeValue | None = None,
    scan: DocumentScan | None = None,
) -> tuple[list[Mention], TimeValue | None]:
    """Find and resolve the temporal expressions of one sentence, in textual order.

    Direct rules go first, longest match first; a match that does not resolve gives its words
    back to shorter rules. Relational rules ("the next day", "hours after", "after the meeting")
    then resolve in textual order from what precedes or follows them. Returns the dated mentions
    and the reference time after the sentence. `scan` (from `scan_document`) holds the
    document's sentences scanned once; without it the sentence is scanned on its own.
    """
    scan = scan if scan is not None else scan_document([text])
    relational, direct = _candidates(text, scan)
    if not relational and not direct:
        return [], reference  # most sentences
    taken: list[Mention] = []
    occupied = bytearray(len(text))  # characters already inside a taken expression
    # The same words matched again by the same rule in one sentence (a list, or junk) take
    # the first one's value: nothing is resolved twice.
    resolved: dict[tuple[str, str], tuple[TimeValue | None, str]] = {}
    for mention in relational:  # "in April that year": the whole phrase, not "in April"
        if mention.rule.absorbing:
            occupied[mention.start : mention.end] = b"\x02" * (mention.end - mention.start)
    for mention in sorted(
        direct, key=lambda m: (m.start - m.end, RULE_ORDER[m.rule.name], m.start)
    ):
        span = occupied[mention.start : mention.end]
        if 1 in span or 2 in span or not _plausible(mention, text):
            continue
        key = (mention.rule.name, mention.match.group(0))
        if key not in resolved:
            tense = tense_before(text, mention.start)
            # the longer dates are resolved first: "On 9 June 2020 ..., and on 16 June" reads
            # the bare day with the dated one before it
            earlier = [
                m.value
                for m in sorted(taken, key=lambda m: m.start)
                if m.end <= mention.start and m.value is not OPEN and m.value is not None
            ]
            context = Context(
                anchor, tense, reference, text, mention.start, earlier=earlier, frame=frame
            )
            resolved[key] = (mention.rule.resolve(mention.match, context), tense)
        mention.value, mention.tense = resolved[key]
        if mention.value is not None:
            taken.append(mention)
            occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    ordered = sorted(relational, key=lambda m: (m.start, RULE_ORDER[m.rule.name]))
    for mention in ordered[:MAX_RELATIONAL]:
        if 1 in occupied[mention.start : mention.end]:
            continue
        dated = sorted((m for m in taken if m.value is not OPEN), key=lambda m: m.start)
        before = [m.value for m in dated if m.end <= mention.start]
        later = [
            m.value
            for m in dated
            if m.start >= mention.end
            and not m.rule.relational
            and not _clause_break(text, mention.end, m.start)
        ]
        days_before = [v for v in before if v is not None and granularity_of(v) == "day"]
        mention.tense = tense_before(text, mention.start)
        context = Context(
            anchor,
            mention.tense,
            before[-1] if before else reference,
            text,
            mention.start,
            later=later,
            earlier=[v for v in before if v is not None],
            history=history,
            day_reference=days_before[-1] if days_before else day_reference,
            frame=frame,
        )
        mention.value = mention.rule.resolve(mention.match, context)
        if mention.value is not None:
            taken.append(mention)
            occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            mention.flashback = (
                context.reference is not None
                and mention.value is not OPEN
                and mention.value.date < context.reference.date[: len(mention.value.date)]
            )
            if mention.rule.absorbs_start and mention.value is not OPEN:
                # "began Monday and runs through Friday": the start is inside the span's row
                taken = [
                    m
                    for m in taken
                    if m is mention
                    or m.end > mention.start
                    or m.value is None
                    or m.value.date != mention.value.date
                    or (
                        m.tense == "past"
                        and not BEGAN_RE.search(text, max(0, m.start - 60), m.start)
                        and not IMPOSED_RE.search(text, max(0, m.start - 90), m.start)
                    )
                ]  # "lost on Thursday in the opener of the championship, which runs through
                # Jan. 27": the loss is an event of its own
            if mention.rule.counts_from_event:
                if later and before:
                    # "fired an ICBM on Monday, hours after it launched a missile late on
                    # Sunday": both events are dated already; the offset adds no row.
                    mention.value = OPEN
                mention.side = _offset_side(text, mention, bool(later))

    dated = _drop_counted_days_told(
        _drop_refined_months(
            _restated_in_apposition(
                _share_sentence_year(
                    _entry_year(
                        sorted((m for m in taken if m.value is not OPEN), key=lambda m: m.start)
                    )
                )
            )
        )
    )
    for mention in dated:
        mention.recurring = bool(
            RECURRING_BEFORE_RE.search(text, max(0, mention.start - 20), mention.start)
        )
    moving = story_steps(text, dated)
    return dated, (moving[-1].value if moving else reference)


def story_steps(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a sentence that move the story's time. A flashback ("which had begun a
    decade earlier") or a habit ("almost every Monday") does not; nor does a date in a relative
    clause that tells of a noun ("opened on July 10, 1951, a year after the war that began on
    June 25, 1950"; "Yoon, who is in Vilnius for a summit that opened Tuesday, was briefed"),
    nor a date that names an event in passing ("voiced concern over the July 11 shooting")."""
    return [
        m
        for m in mentions
        # ("Two days earlier, a rocket had broken apart. ... admitted the failure four hours
        # later": a flashback that opens its sentence takes the story back)
        if (not m.flashback or not text[: m.start].strip(' "“'))
        and m.moves_story_time
        and not _in_relative_clause(text, m)
        and not _names_an_event(text, m)
    ]


# "the July 11 shooting", "its Nov. 23 shelling": a date between a determiner and its noun
ATTRIBUTIVE_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$")
NOUN_AFTER_RE = re.compile(
    r"\s+(?!(?:and|or|of|to|in|at|on|for|from|when|as|with|by|after|before|that|which|is|was"
    r"|were|are|will|would|has|had|have)\b)[a-z][a-z-]+\b"
)


def _names_an_event(text: str, mention: Mention) -> bool:
    return (
        ATTRIBUTIVE_BEFORE_RE.search(text, max(0, mention.start - 8), mention.start) is not None
        and NOUN_AFTER_RE.match(text, mention.end) is not None
    )


# A relative clause about a noun whose verb comes right before the expression: "the war that
# began on", ", which had reopened in".
RELATIVE_BEFORE_RE = re.compile(
    r"(?:\b(?i:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:that|which|who)"
    r"|,\s*(?:which|who))(?:\s+[\w'’-]+){1,3}\s+$"
)


def _in_relative_clause(text: str, mention: Mention) -> bool:
    return RELATIVE_BEFORE_RE.search(text, max(0, mention.start - 80), mention.start) is not None


def _entry_year(mentions: list[Mention]) -> list[Mention]:
    """'* April 25, 2019 - Kim holds his first summit with Putin, two months after his February
    summit with Trump': a timeline entry's date dates the bare months and days of its own
    sentence, looking back from it in the past ('after failed launches on May 31') and forward
    in the future."""
    if len(mentions) < 2:
        return mentions
    entry = mentions[0]
    sentence = entry.match.string
    fronted = not sentence[: entry.start].strip(' *•-·"“')
    separator = sentence[entry.end : entry.end + 3].strip()[:1] in ("-", "–", "—", ":")
    if not (fronted and separator and entry.rule.absolute and entry.value):
        return mentions
    if granularity_of(entry.value) not in ("day", "month"):
        return mentions
    told = dt.date.fromisoformat((entry.value.date + "-01")[:10])
    for mention in mentions[1:]:
        value = mention.value
        if not (mention.rule.yearless and value) or value.date_end:
            continue
        month, day = int(value.date[5:7]), int(value.date[8:10]) if len(value.date) > 7 else 1
        ahead = mention.tense in ("future", "intent")
        year = told.year + (1 if ahead and (month, day) < (told.month, told.day) else 0)
        year -= 1 if not ahead and (month, day) > (told.month, told.day) else 0
        mention.value = TimeValue(f"{year:04d}{value.date[4:]}", value.precision)
    return mentions


def _share_sentence_year(mentions: list[Mention]) -> list[Mention]:
    """'Last year's drills, held in March' / 'Last year, ... in November': a month told without
    a year takes the year named first in the sentence. Unless a second clause tells another
    event (', and ...'), the two are one event and the year's row is dropped."""
    years = [
        m
        for m in mentions
        if m.value
        and granularity_of(m.value) == "year"
        and m.value.precision in ("year", "approx")
        and not m.value.date_end
    ]
    if len(years) != 1:
        return mentions
    year_mention = years[0]
    sentence = year_mention.match.string
    fronted = not sentence[: year_mention.start].strip()
    possessive = bool(re.match(r"['’]s\b", sentence[year_mention.end :]))
    # "more missiles this year than ever, including the Hwasong-17 on March 24": its members
    listed = bool(re.search(r",\s+including\b", sentence[year_mention.end :]))
    if not (fronted or possessive or listed):
        return mentions  # "who entered politics only last year, will be sworn in on May 10"
    year = year_mention.value.date  # type: ignore[union-attr]
    moved = 0
    for mention in mentions:
        value = mention.value
        if mention.rule.yearless and mention.start > year_mention.start and value:
            mention.value = TimeValue(
                year + value.date[4:],
                value.precision,
                (year + value.date_end[4:]) if value.date_end else "",
            )
            moved += 1
    between = sentence[year_mention.end : max(m.start for m in mentions)]
    one_event = moved == 1 and (
        possessive
        or not (
            re.search(r",\s+(?:and|but)\s|;", between)
            # "Last year, after the sinking of the Cheonan in March, he told ...": the month
            # dates the event the phrase names, the year the sentence's own
            or re.search(
                r"\b(?:after|before|following)\s+(?:the|a|an|its|his|her|their)\b", between
            )
        )
    )
    if moved and one_event and not listed:  # "Eight years ago, athletes marched ... on Feb. 9"
        return [m for m in mentions if m is not year_mention]
    return mentions


ERA_RULES = frozenset({"era_term", "era_own_term", "era_into"})  # a leader's or president's term


def _restated_in_apposition(mentions: list[Mention]) -> list[Mention]:
    """'Last month, on July 14, we marked ...', 'last summer, June thirtieth, Trump steps ...',
    'died in 1968, in the spring': a finer time right after a coarser one restates it: one row,
    the finer one's, a day in that time's year."""
    dropped: set[int] = set()
    for coarse, day in pairwise(mentions):
        if coarse.value is None or day.value is None or granularity_of(coarse.value) == "day":
            continue
        between = coarse.match.string[coarse.end : day.start]
        if not re.fullmatch(r",\s*(?:on\s+)?", between):
            continue
        if day.rule.name in ERA_RULES:
            dropped.add(id(day))  # "In the mid-1990s, under Kim Jong Il,": the era is context
            continue
        first, last = iso_span(coarse.value.date, coarse.value.date_end)
        if granularity_of(day.value) != "day" or day.value.date_end:
            finer = iso_span(day.value.date, day.value.date_end)
            if first <= finer[0] and finer[1] <= last and finer != (first, last):
                dropped.add(id(coarse))  # "in 1968, in the spring" (the year told before it)
            continue
        told = dt.date.fromisoformat(day.value.date)
        if day.rule.yearless and not day.value.date_end:
            moved = next(
                (
                    found
                    for year in (first.year, last.year)
                    if (found := safe_date(year, told.month, told.day)) and first <= found <= last
                ),
                None,
            )
            if moved is not None:
                day.value, told = TimeValue(moved.isoformat(), day.value.precision), moved
        if first <= told <= last:
            dropped.add(id(coarse))
    return [m for m in mentions if id(m) not in dropped]


def _drop_counted_days_told(mentions: list[Mention]) -> list[Mention]:
    """'Hours later, in a rare late-night news conference on Thursday, ...': a day counted from
    the story (approx) that the sentence then tells as that very day is the same act; the day
    told gives the row ("crossed on Sunday and inspected a center hours later" counts another
    act from the day told before it)."""
    told_after = [
        (m.start, m.value.date)
        for m in mentions
        if m.value is not None and not m.rule.relational and m.value.precision == "day"
    ]
    return [
        m
        for m in mentions
        if not (
            m.rule.counts_from_story
            and m.value is not None
            and m.value.precision == "approx"
            and not m.value.date_end
            and any(start > m.start and date == m.value.date for start, date in told_after)
        )
    ]


def _drop_refined_months(mentions: list[Mention]) -> list[Mention]:
    """'In April 2013, the North barred workers on the 3rd and pulled out its own on the 8th':
    the days date the events, the month that frames them gives no row of its own (unless a
    ';' puts an event of its own between them: 'Last month ...; on the 29th, ...')."""
    refined = {
        id(month)
        for day in mentions
        if day.value is not None
        for month in mentions
        if month.end <= day.start
        # "In April, ... on the 3rd"; an entry's label: "Later in September: ..., Sept. 20-25"
        and (day.rule.refines_month or month.match.string[month.end :].lstrip().startswith(":"))
        and month.value is not None
        and granularity_of(month.value) == "month"
        and not month.value.date_end
        and day.value.date.startswith(month.value.date)
        and ";" not in month.match.string[month.end : day.start]
    }
    return [m for m in mentions if id(m) not in refined]


def _offset_side(text: str, mention: Mention, has_later_date: bool) -> str:
    """Where the event dated by 'N days after/before' is told, for its summary."""
    if has_later_date:
        return "before"  # "the exercise took place hours before the launch on Monday"
    return "after" if counts_following_clause(text, mention.start, mention.end) else "around"


def _clause_break(text: str, start: int, end: int) -> bool:
    """True unless two expressions sit in one phrase (no punctuation, at most ten words apart)."""
    between = text[start:end]
    # (the dot of "4 p.m.", "U.S." ends no phrase)
    return bool(CLAUSE_PUNCTUATION_RE.search(between)) or len(between.split()) > 10


CLAUSE_PUNCTUATION_RE = re.compile(r"[,;:]\s|(?<!\b[A-Za-z]\.[A-Za-z])\.\s")
