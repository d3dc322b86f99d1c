"""One document's dated events, before de-duplication: a row for each dated mention that tells
an event, with what the event is in time (planned, ongoing since, a multi-day span) and the
clues that tell whether two rows are one event (the words around the date, a description)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from extract.dating.calendar import TimeValue, granularity_of, iso_span, weekday_on_or_after
from extract.dating.mentions import Mention, numbered_citation
from extract.dating.narrative import DatedSentence
from extract.dating.tense import PAST_VERB
from extract.dating.vocabulary import DAY_COUNT, WEEKDAY_WORDS, number_value, weekday_number
from extract.events.filters import (
    WINDOW,
    is_comparison,
    is_dateline,
    is_measure_record,
    is_ruled_out,
    is_state,
)
from extract.sentences import words_after, words_before

SINCE_BEFORE_RE = re.compile(r"\b[Ss]ince\s+(?:\w+\s+){0,2}$")


@dataclass
class Row:
    """One dated event of a document. Dating and filtering fill the first part; enrichment
    (extract.enrich) fills summary, label, category, actors, kind and event_words; the
    de-duplication counts its mentions."""

    date: str
    date_end: str
    precision: str
    evidence: str
    sentence: str
    start: int  # offset of the evidence in the body (of its own clause for a second act)
    story_index: int  # which sentence of the story (extract.dating.narrative) holds it
    mention_start: int  # offset of the evidence in the sentence
    mention_end: int
    side: str = "around"  # where the event's words are: around, before or after the evidence
    planned: bool = False
    ongoing: bool = False
    rule: str = ""
    caption: bool = False
    attributive: bool = False  # "Wednesday's talks": names an event told before
    definite: bool = False  # "the 2017 blast": a definite description of an event
    before: str = ""  # the two words before the expression
    after: str = ""  # the two words after it
    summary: str = ""
    label: str = ""
    category: str = ""
    actors: list[str] = field(default_factory=list)
    kind: float = 0.0  # what kind of event, as a weight (extract.enrich.importance)
    event_words: frozenset[str] = frozenset()
    what: frozenset[str] = frozenset()  # the event's words, for identity (extract.enrich.identity)
    mentions: int = 1  # how often the document tells it (later mentions get no row)


def find_events(story: list[DatedSentence]) -> list[Row]:
    """A row for every dated mention that tells an event; one per date and sentence (a list of
    the same date gives no more, unless each is the year of a numbered text: "resolutions 2087
    (2013) and 2094 (2013)")."""
    rows: list[Row] = []
    for index, dated in enumerate(story):
        text = dated.sentence.text
        told: dict[TimeValue, int] = {}  # a date given a row, and where its expression ended
        ends_told: list[int] = []  # where the end day of a span told before stands
        previous_rowed = False  # whether the mention before gave a row
        for mention in dated.mentions:
            assert mention.value is not None
            rowed_before, previous_rowed = previous_rowed, False
            if mention.start in ends_told:
                continue  # "Monday" of "for a round that ends Monday": the span's end
            if mention.rule.name in LIST_ITEM_RULES and not rowed_before:
                continue  # "Each summer ... in July and August": as the list's first item
            if (
                # (not a question quoted after the date: 'On Saturday, she opened with a
                # question: "Who here had a balloon land on their roof?"')
                (dated.question and not QUOTED_QUESTION_RE.search(text, mention.end))
                or _is_header(text, mention)
                or (
                    mention.value in told
                    and not numbered_citation(text, mention)
                    and not mention.rule.tells_another_event
                    and not _in_a_clause_of_its_own(text, told[mention.value], mention)
                )
                or is_state(text, mention)
                or is_dateline(text, mention)
                or is_comparison(text, mention)
                or is_ruled_out(text, mention)
                or is_measure_record(text, mention)
                or _told_finer(dated.mentions, mention)
            ):
                continue
            told[mention.value] = mention.end
            previous_rowed = True
            round_ends = ROUND_ENDS_RE.match(text[mention.end :])
            if round_ends is not None:
                ends_told.append(mention.end + round_ends.start("weekday"))
            rows.append(_row(dated, index, mention))
            second = _second_act(text, mention)
            if second is not None and not any(m.start > second for m in dated.mentions):
                rows.append(_second_row(rows[-1], dated, second))
            last_day_of = LAST_DAY_OF_RE.match(text[mention.end :])
            if last_day_of is not None and granularity_of(mention.value) == "day":
                rows.append(_span_row(rows[-1], dated, mention.end, last_day_of))
    return rows


LIST_ITEM_RULES = frozenset({"month_in_list"})  # "in March and May": the list's next item


def _told_finer(mentions: list[Mention], mention: Mention) -> bool:
    """'Seven years later he returned for the second summit, in October 2007': a counted date
    that the sentence also tells finer, with its year, is the same act (the finer one dates
    it)."""
    if mention.rule.absolute or mention.value is None or mention.value.date_end:
        return False
    first, last = iso_span(mention.value.date)
    return any(
        other.rule.absolute
        and other.value is not None
        and other.value.precision in ("day", "month")
        and first <= iso_span(other.value.date, other.value.date_end)[0]
        and iso_span(other.value.date, other.value.date_end)[1] <= last
        and len(other.value.date) > len(mention.value.date)
        for other in mentions
        if other.start > mention.end  # told after it: "that year" after "In November 2018"
    )


# A new clause: ", and the fire was contained by about 11 a.m."
NEW_CLAUSE_RE = re.compile(r",\s+(?:and|but|then)\s|;\s")


def _in_a_clause_of_its_own(text: str, told_end: int, mention: Mention) -> bool:
    """'began dropping water at dawn on Tuesday, and the fire was contained by about 11 a.m.',
    'Seoul plans to spend 70 billion won next year ..., and a joint survey ... is expected
    early next year': a date in a clause of its own tells another act of the date told
    before it."""
    return bool(NEW_CLAUSE_RE.search(text, told_end, mention.start)) and not re.search(
        r"\b[Tt]he\s+$", text[max(0, mention.start - 5) : mention.start]
    )  # ("..., and it sits above the 1999 flood line": a name, the year told before)


def _is_header(text: str, mention: Mention) -> bool:
    """'FRIDAY, APRIL 27' on a line of its own heads what follows (it dates the entries under it),
    and 'Last updated: Tuesday, August 29, 2023', '3 August 2016 (Heisei 28)', 'Today is
    Wednesday, July 27, 2016' date the page: no event of their own."""
    if _masthead_field(text, mention) or CAPITALS_LABEL_RE.fullmatch(text.strip()):
        return True  # "KOREA DIARY: WEEK OF SEPT. 15-21": a heading in capitals
    if LIFE_DATES_RE.fullmatch(text.strip()):
        return True  # a life's dates under a name: "May 14, 1931 - March 7, 2012"
    if EDITORS_NOTE_RE.match(text):
        return True  # "(Corrects day of arrival in paragraph 2 to Tuesday from Monday)"
    if STAMP_TIME_BEFORE_RE.search(text, 0, mention.start) and (
        STAMP_ZONE_AFTER_RE.match(text, mention.end) or text.startswith("(cur")
    ):
        return True  # a signature or revision stamp: "(talk) 09:12, 11 June 2018 (UTC)"
    if PAGE_LABEL_BEFORE_RE.search(text, 0, mention.start) and re.match(
        r"\s*[);|]", text[mention.end :]
    ):
        return True  # "NEWS (posted 10 July 2023): ...", "| Page updated: 10 July 2023 |"
    return bool(HEADER_BEFORE_RE.fullmatch(text[: mention.start])) and not HEADER_AFTER_RE.sub(
        "", text[mention.end :]
    ).strip(" .:*#")


# A wire story's note to editors on what a write-through changed: page furniture
EDITORS_NOTE_RE = re.compile(
    r"\s*\(?\s*(?:Corrects|Adds|Updates|Recasts|Changes|Removes|Refiles|Fixes)\s+[^.]{0,120}?"
    r"\b(?:paragraph|para|graf|headline|lead|dateline|spelling)s?\b"
)
LIFE_DATES_RE = re.compile(
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\.?\s+)?\d{4}\s*[-–—]\s*"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\.?\s+)?\d{4}"
)
STAMP_TIME_BEFORE_RE = re.compile(r"\d{1,2}:\d{2},\s*$")
STAMP_ZONE_AFTER_RE = re.compile(r"\s*\(UTC\)")
# A short heading in capitals with a label: "KOREA DIARY: WEEK OF SEPT. 15-21".
CAPITALS_LABEL_RE = re.compile(r"[A-Z][A-Z ]{2,40}:\s+[^a-z]{3,60}")


def _masthead_field(text: str, mention: Mention) -> bool:
    """A short field of a masthead ("Weekly Bulletin | Third Sunday after Pentecost | June 21,
    2020"): page furniture, unless it tells an act ("Event held Tuesday, April 9, 2013"). A
    table row ("| 2018-04-27 | Summit |") opens with its bar."""
    if text.count("|") < 2 or text.lstrip(" *#").startswith("|"):
        return False
    start = text.rfind("|", 0, mention.start) + 1
    end = text.find("|", mention.end)
    field = text[start : end if end >= 0 else len(text)]
    # "Event held Tuesday, April 9, 2013": a field that tells an act dates it
    # ("Last reviewed: 8 December 2023" is a label, not an act)
    return len(field.split()) <= MASTHEAD_FIELD_WORDS and not re.search(
        PAST_VERB + r"(?!\s*:)", field, re.IGNORECASE
    )


MASTHEAD_FIELD_WORDS = 6


# The labels of a page's own dates, in any case ("Posted", "RELEASED", "Page last updated").
PAGE_LABELS = (
    r"(?i:(?:Feed\s+|Page\s+)?(?:last\s+)?(?:updated|refreshed|modified|reviewed)|Posted"
    r"|Published|Released|First published|pubDate|Today is|Dated?|Retrieved"
    r"|(?:This page was )?last edited(?: on)?|Airdate|Aired)"
)
# A page label right before a date in brackets or a field: "(posted ", "| Page updated: ".
PAGE_LABEL_BEFORE_RE = re.compile(r"(?:\(|\|\s*|;\s*|^)\s*" + PAGE_LABELS + r"\s*(?i:on)?\s*:?\s*$")
HEADER_BEFORE_RE = re.compile(
    r"[\s*#]*(?:[^|\n]{1,80}\|\s*)*"  # a masthead: "KOREA WATCH WEEKLY | Issue 112 | ..."
    r"(?:(?:Issue|Vol\.|Volume|No\.)\s*(?:No\.\s*)?\d+\s*[|•·,–—-]\s*)?"  # "Issue No. 212 |"
    r"(?:" + PAGE_LABELS + r"\s*:?\s*)?(?:[\d:.]+\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4})?,?\s*)?"
    r"(?:(?:[A-Za-z]+(?i:day)|Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s*)?"
)
# a parenthesised era year or note, or a clock time after the date: "(Heisei 28)", "3:40 p.m. KST"
HEADER_AFTER_RE = re.compile(
    r"\([^)]{0,40}\)|,?\s*[\d:.]+\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4})?"
    r"|,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[A-Z]{2,4}|[+-]\d{4}))?"  # "07:30:00 +0900"
    r"|\s*\|\s*\d+\s+new\s+items?"  # "| 8 new items"
    r"|\s*[·•|]\s*\d+\s*(?:min|minutes|pages?)"  # "Released July 30, 2021 · 46 min"
    r"|\s*:\s*Column\s+\d+[A-Z]{0,3}"  # a printed record's page head: "23 Jan 2003 : Column 468W"
)


QUOTED_QUESTION_RE = re.compile(r"[:,]\s*[\"“][^\"”]*\?[\"”]\s*$")


# "... and the South returned fire", "... and Washington unveiled new sanctions": "and", a new
# subject (one to four words, not a pronoun) and a verb in the past. The same subject's second
# verb ("Kim declared ... and ordered ...") tells one event, as every gold set has it.
SECOND_ACT_RE = re.compile(
    r",?\s+and\s+(?!(?:he|she|it|they|we|then|later|also)\b)"
    # (not "... and the North has not replied": nothing done)
    r"(?:(?!"
    + PAST_VERB
    + r"|(?:that|which|who|not|never)\b|\w+n['’]t\b)[\w’'-]+\s+){1,4}?"
    + PAST_VERB
)


def _second_act(text: str, mention: Mention) -> int | None:
    """'On Monday, the North fired shells and the South returned fire': a fronted date of two
    acts told one after the other dates both. The offset where the second act is told, or None."""
    if text[: mention.start].strip(' "“') or not text[mention.end :].startswith(","):
        return None
    first_verb = re.compile(PAST_VERB).search(text, mention.end)
    if first_verb is None or re.search(r"[;:]", text[mention.end : first_verb.start()]):
        return None
    second = SECOND_ACT_RE.search(text, first_verb.end())
    if (
        second is None
        or re.search(
            r"[;:]|,\s+(?!and\b)|\b(?:that|as|when|while|because|would|will|could)\b"
            r"|\bto\s+(?!(?:the|a|an|his|her|its|their)\b)[a-z]",  # "came on TV to announce"
            text[first_verb.end() : second.start()],
        )
    ):
        return None  # "announced that he and Kim had agreed": one act reported ("released video
        # ... as trucks and excavators moved in", "said it would cut off roads and railways
        # connected to the South", "came on television to announce ... and to read": one act,
        # the second verb in its clause)
    return second.start() + second.group(0).index("and") + len("and ")


def _span_row(day: Row, dated: DatedSentence, offset: int, told: re.Match[str]) -> Row:
    """The row of the event of several days a day is the last of, told right after it."""
    last = dt.date.fromisoformat(day.date)
    first = last - dt.timedelta(days=number_value(told["n"]) - 1)
    # (the headline reads the event's noun phrase after the words "the last day of a")
    start, end = offset + told.start("phrase"), offset + told.start("n")
    return replace(
        day,
        date=first.isoformat(),
        date_end=last.isoformat(),
        evidence=told["phrase"],
        start=dated.sentence.start + start,
        mention_start=start,
        mention_end=end,
        before="",
        after="",
        attributive=False,
    )


def _second_row(first: Row, dated: DatedSentence, offset: int) -> Row:
    """The row of the second act: the same date words, told from `offset` of the sentence."""
    return replace(
        first,
        start=dated.sentence.start + offset,
        mention_start=offset,
        mention_end=offset,
        side="after",
        before="",
        after="",
    )


def _row(dated: DatedSentence, index: int, mention: Mention) -> Row:
    value = mention.value
    assert value is not None
    text = dated.sentence.text
    evidence = text[mention.start : mention.end]
    ongoing = _is_since(text, mention)
    planned = not ongoing and _is_planned(value, mention, dated.anchor)
    # the days of "a five-day visit that ended on Tuesday" are not those of a later "on Sunday"
    told_before = max((m.end for m in dated.mentions if m.end <= mention.start), default=0)
    value = _widen_multi_day(text, mention, value, told_before)
    attributive = (
        bool(re.match(r"['’]s\b", text[mention.end :]))
        or evidence.endswith(("'s", "’s"))
        or bool(
            re.search(
                r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts|[A-Za-z]+['’]s)\s+$",
                text[max(0, mention.start - 80) : mention.start],
            )
        )
        or (
            mention.rule.names_occasion
            and bool(re.match(r"\s+[a-z]", text[mention.end :]))
            # ("in a Liberation Day speech on Tuesday": a new event, not one told before)
            and not re.search(
                r"\b(?:[Aa]n?|[Oo]ne)\s+$", text[max(0, mention.start - 10) : mention.start]
            )
        )
    )
    definite = bool(
        re.search(r"\b[Tt]he\s+$", text[max(0, mention.start - 10) : mention.start])
    ) and bool(re.match(r"\s+[a-z]", text[mention.end :]))
    before, after = _context_words(text, mention.start, mention.end)
    return Row(
        date=value.date,
        date_end=value.date_end,
        precision=value.precision,
        evidence=evidence,
        sentence=text,
        start=dated.sentence.start + mention.start,
        story_index=index,
        mention_start=mention.start,
        mention_end=mention.end,
        side=mention.side,
        planned=planned,
        ongoing=ongoing,
        rule=mention.rule.name,
        caption=dated.caption,
        attributive=attributive,
        definite=definite,
        before=before,
        after=after,
    )


def _is_since(text: str, mention: Mention) -> bool:
    """'since February 2016' starts something still going on; 'the first since 2017', 'Putin's
    first trip to North Korea since July 2000', 'the largest drill since 2018' do not (the date
    is the last such event)."""
    evidence = text[mention.start : mention.end].lower()
    before = text[max(0, mention.start - WINDOW) : mention.start]
    if FIRST_SINCE_RE.search(before):
        return False
    return evidence.startswith("since") or bool(SINCE_BEFORE_RE.search(before))


FIRST_SINCE_RE = re.compile(
    r"\b(?:first|largest|biggest|highest|lowest|worst|best|longest|strongest|deadliest|heaviest"
    r"|closest|fewest|most\s+\w+)(?:\s+[\w'’-]+){0,7}\s+$"
    # "the first time North Korean gunfire had struck a South Korean guard post since"
    r"|\b(?:first|last|only)\s+time\b[^.;:!?()]{0,160}$",
    re.IGNORECASE,
)


def _is_planned(value: TimeValue, mention: Mention, anchor: dt.date | None) -> bool:
    """A future event: dated after the anchor, or told in the future tense of a relative date
    (an expression with its own year is future only when it is after the anchor)."""
    relative_future = mention.tense == "future" and not mention.rule.absolute
    if anchor is None:
        return relative_future
    current = anchor.isoformat()[: len(value.date)]
    if value.date > current:
        return True
    return value.date == current and relative_future


MULTI_DAY_RE = re.compile(rf"\b{DAY_COUNT}-day\b", re.IGNORECASE)
LASTING_RE = re.compile(
    # ("began on Nov. 30 and took 18 days")
    rf"^\s*,?\s*(?:and\s+)?(?:(?:lasts?|lasted|lasting|runs?|ran|running|continues?|continued"
    rf"|continuing|took|takes)\s+(?:for\s+)?"
    rf"|for\s+(?:another\s+|a\s+further\s+|the\s+next\s+)?){DAY_COUNT}\s+days\b"
    rf"|^\s+for\s+(?:the|a|an|another|its|their)\s+(?:\w+\s+)?"
    + DAY_COUNT.replace("?P<n>", "?P<n2>")
    + r"-day\b",
    re.IGNORECASE,
)
# A span the words after a day tell it ends: "returned on Nov. 20 from a four-day trip to
# Pyongyang", "left on Sunday after a three-week visit", "flew home on Wednesday at the end of
# a five-day tour" (ANNOTATION rule 3: the visit, from its first day to that one)
# (not "resumed on Monday after a two-day break": only a stay told after "from"; nor "after a
# five-day visit that ended on Tuesday", whose end is told)
ENDS_SPAN_RE = re.compile(
    rf"^\s+from\s+(?:a|an|the|its|their|his|her)\s+{DAY_COUNT}-(?P<unit>day|week)\b"
    r"|^,?\s+(?:after|at\s+the\s+end\s+of|ending|concluding|wrapping\s+up|capping)"
    r"\s+(?:a|an|the|its|their|his|her)\s+"
    + DAY_COUNT.replace("?P<n>", "?P<n2>")
    + r"-(?P<unit2>day|week)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay|summit|talks|meeting"
    r"|conference|mission|journey|session|forum)s?\b"
    r"(?![^,.;]{0,40}?\b(?:that|which)\s+(?:ended|ends|finished|concluded|closed|wrapped)\b)",
    re.IGNORECASE,
)
# "travel to the resort on Saturday for a round that ends Monday": from the day to that weekday
ROUND_ENDS_RE = re.compile(
    rf"^\s+for\s+(?:a|an|the)\s+(?:[\w-]+\s+){{1,2}}?that\s+(?:ends|will\s+end)\s+(?:on\s+)?"
    rf"(?P<weekday>{WEEKDAY_WORDS})\b"
)
# An event of several days the day is the last of: "signed the document on Thursday, the last day
# of a three-day summit" (the signing, and the summit: two rows)
LAST_DAY_OF_RE = re.compile(
    rf"^\s*,\s*(?P<phrase>the\s+(?:last|final|closing)\s+day\s+of\s+(?:a|an|the|its|their)\s+"
    rf"{DAY_COUNT}-day\s+[\w-]+)",
    re.IGNORECASE,
)
# ... or starts: "on Tuesday, at the start of three days of reunions"
STARTS_SPAN_RE = re.compile(
    rf"^\s*,?\s*(?:at\s+)?the\s+(?:start|beginning|first\s+day|opening)\s+of\s+(?:a\s+|the\s+)?"
    rf"{DAY_COUNT}(?:-day\b|\s+days\b)",
    re.IGNORECASE,
)
# The entry a clock time or day opens: "9:30 a.m. — The three-day talks opened at Diaoyutai".
OPENED_AFTER_RE = re.compile(
    rf"\s*[—–:-]*\s*(?:[Tt]he|[Aa]n?|[Tt]heir|[Ii]ts)\s+(?:\w+\s+)?{DAY_COUNT}-day\s+(?:[\w-]+\s+){{1,3}}?"
    r"(?:opened|began|started|got under way|kicked off)\b"
)
END_WORDS_RE = re.compile(r"\b(?:end|ended|ends|ending|concluded|closed|wrapped up|finished)\b")
START_WORDS_RE = re.compile(
    r"\b(?:begin|began|begins|beginning|open|opened|opens|opening|start|started|starts|starting"
    r"|kick off|kicked off|kicks off)\b"
)


def _widen_multi_day(text: str, mention: Mention, value: TimeValue, told_before: int) -> TimeValue:
    """'the two-day summit that ended on Thursday' covers Wednesday-Thursday; 'begins Tuesday
    and lasts three days' and 'will begin their 11-day exercise on Monday' run forward. The
    number of days is looked for after `told_before` (the end of the date told before)."""
    if value.date_end or granularity_of(value) != "day":
        return value
    day = dt.date.fromisoformat(value.date)
    after = text[mention.end :]
    lasting = LASTING_RE.match(after) or STARTS_SPAN_RE.match(after)
    if lasting is not None:
        end = day + dt.timedelta(days=number_value(lasting["n"] or lasting["n2"]) - 1)
        return TimeValue(value.date, value.precision, end.isoformat())
    round_ends = ROUND_ENDS_RE.match(after)
    if round_ends is not None:
        end = weekday_on_or_after(day + dt.timedelta(days=1), weekday_number(round_ends["weekday"]))
        return TimeValue(value.date, value.precision, end.isoformat())
    ending = ENDS_SPAN_RE.match(after)
    if ending is not None:
        unit = ending["unit"] or ending["unit2"]
        days = number_value(ending["n"] or ending["n2"]) * (7 if unit.lower() == "week" else 1)
        first = day - dt.timedelta(days=days - 1)
        return TimeValue(first.isoformat(), value.precision, value.date)
    head = re.split(r"[;.]\s", text[max(0, told_before, mention.start - WINDOW) : mention.start])[
        -1
    ]
    span = MULTI_DAY_RE.search(head)
    opened = OPENED_AFTER_RE.match(text, mention.end)
    if span is None and opened is not None:  # "9:30 a.m. — The three-day talks opened ..."
        end = day + dt.timedelta(days=number_value(opened["n"]) - 1)
        return TimeValue(value.date, value.precision, end.isoformat()) if end > day else value
    if span is None or number_value(span["n"]) < 2:
        return value
    days = number_value(span["n"])
    ends = [m.end() for m in END_WORDS_RE.finditer(head)]
    starts = [m.end() for m in START_WORDS_RE.finditer(head)]
    if ends and (not starts or ends[-1] > starts[-1]):
        first = day - dt.timedelta(days=days - 1)
        return TimeValue(first.isoformat(), value.precision, value.date)
    if starts:
        return TimeValue(
            value.date, value.precision, (day + dt.timedelta(days=days - 1)).isoformat()
        )
    return value


def _context_words(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The two words before and after an expression, lowercased."""
    before = [w.lower() for w in words_before(sentence, start, 2)]
    after = [w.lower() for w in words_after(sentence, end, 2)]
    return " ".join(before), " ".join(after)
