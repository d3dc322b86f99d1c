"""From a document body and its publication date to dated event rows.

Steps: split sentences; find temporal expressions with the rule table (longest match wins);
resolve each against its anchor (the publication date, or a photo caption's own date), the
clause's tense and the narrative's reference time; drop what is not an event; keep one row per
event; describe each row (summary, category, actors).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from extract.calendar import TimeValue, granularity_of
from extract.sentences import Sentence, split_sentences
from extract.summary import clause_span, headline, similar
from extract.taxonomy import categorize, find_actors
from extract.temporal import OPEN, RULES, Context, Rule, counts_following_clause, number_value
from extract.tense import tense_before

# A year followed by one of these is a count or a measure, not a year ("2000 troops").
COUNT_NOUN_RE = re.compile(
    r"\s*(?:[a-z-]+\s+)?(?:troops|soldiers|people|persons|residents|workers|troop|km|kilometers?|"
    r"kilometres?|miles|meters|metres|tons|tonnes|won|dollars|yuan|yen|units|rounds|shells|"
    r"rockets|missiles|balloons|leaflets|seats|families|defectors|cases|deaths|members|votes|"
    r"hectares|feet|pounds|kg|times|firms|companies|hours|days|points|percent)\b",
)
NOT_YEAR_BEFORE_RE = re.compile(
    r"(?:\b(?:No|no|Number|number|Resolution|resolution|Room|room|Route|Article|Section|Unit|"
    r"Flight|flight|Highway|Hill|Line|Post|Code|code|model|Model|Type|type|Pier|Gate|Vision)\.?\s*$)"
    r"|(?:[#$€£]\s*$)|(?:(?<!\d)\d{1,3}(?:,\d{3})*\s*(?:-|to|and)\s*$)",
)
TIME_ZONE_BEFORE_RE = re.compile(
    r"\d{1,4}(?::\d{2})?\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|EST|EDT|ET|PST|PDT|KST|JST)\s+$"
)
# Lines that date the page, not an event: "Updated: 8:15 PM EDT, March 4, 2019", "Posted on ...".
PAGE_DATE_LINE_RE = re.compile(
    r"^\W*(?:(?:last\s+)?updated|published|posted|first published|date|dateline)\b[^.]{0,80}$",
    re.IGNORECASE,
)
COPULA_STATE_RE = re.compile(
    r"^\s*,\s*(?:[A-Z][\w’'.-]*\s+){0,6}?(?:was|were|is|are|remained|remains)\s+(?:the|a|an|its|their|still|not|[\w-]+est|one)\b"
)
COPULA_AFTER_RE = re.compile(r"^\s*,?\s*(?:was|were|is|are|remained|remains)\s+(?:a|an|still)\b")
STATIVE_RE = re.compile(
    r"\b(?:operate[sd]?|employ(?:s|ed)?|remain(?:s|ed)?|ha(?:s|d|ve)|hold(?:s)?|held|total(?:s|ed)?"
    r"|number(?:s|ed)|stood|stands?|live[sd]?|own(?:s|ed)?|house[sd]?|contain(?:s|ed)?)\b"
)
NEGATION_RE = re.compile(r"\b(?:did not|didn't|does not|doesn't|never)\b", re.IGNORECASE)
NEGATABLE_RULES = frozenset({"weekday", "deictic_day", "earlier_today"})
HABITUAL_RE = re.compile(r"\b(?:usually|typically|traditionally|normally|routinely|habitually)\b")
SINCE_BEFORE_RE = re.compile(r"\b[Ss]ince\s+(?:\w+\s+){0,2}$")
CAPTION_CUE_RE = re.compile(
    r"^(?:FILE|File)\b|\bphoto\b|\bPhoto\b|\bhandout\b|REUTERS|Reuters/|\bAP\b Photo|Getty Images"
    r"|\(AP\)|\(AFP\)|AFP/|Yonhap|\bpictured\b|\bis seen\b|\bposes?\b"
)
HISTORY_SIZE = 400
WINDOW = 300  # characters around an expression that its tests look at
MAX_RELATIONAL = 40  # "the next day", "hours after" ... resolved per sentence (more is a list)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'.-]*")


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


@dataclass
class Row:
    """One dated event of a document."""

    date: str
    date_end: str
    precision: str
    evidence: str
    sentence: str
    summary: str
    category: str
    actors: list[str]
    start: int  # offset of the evidence in the body
    planned: bool = False
    ongoing: bool = False
    rule: str = ""
    caption: bool = False
    attributive: bool = False  # "Wednesday's talks": names an event told before
    definite: bool = False  # "the 2017 blast": a definite description of an event
    before: str = ""  # the two words before the expression
    after: str = ""  # the two words after it
    event_words: frozenset[str] = frozenset()


def _candidates(text: str, rules: list[Rule]) -> list[Mention]:
    """Every match of the rules in `text`; a rule runs only when its trigger words occur."""
    triggered: dict[re.Pattern[str], bool] = {}
    found = []
    for rule in rules:
        trigger = rule.trigger
        if trigger is not None:
            if trigger not in triggered:
                triggered[trigger] = trigger.search(text) is not None
            if not triggered[trigger]:
                continue
        found.extend(
            Mention(match.start(), match.end(), rule, match=match)
            for match in rule.pattern.finditer(text)
            if match.end() > match.start()
        )
    return found


def _plausible(mention: Mention, text: str) -> bool:
    """Reject year-shaped numbers that are counts, codes or money, and a weekday that only
    restates a time in another zone ("at 7:10 a.m. (2210 GMT Wednesday)")."""
    before = text[max(0, mention.start - 30) : mention.start]
    if mention.rule.name == "weekday":
        return not TIME_ZONE_BEFORE_RE.search(before)
    if mention.rule.name not in ("year", "qualified_year"):
        return True
    after = text[mention.end : mention.end + 40]
    if NOT_YEAR_BEFORE_RE.search(before):
        return False
    return not COUNT_NOUN_RE.match(after)


RULE_ORDER = {rule.name: index for index, rule in enumerate(RULES)}
ANY_TRIGGER = re.compile(
    "|".join(sorted({rule.trigger.pattern for rule in RULES if rule.trigger is not None}))
)
DIRECT_RULES = [rule for rule in RULES if not rule.relational]
RELATIONAL_RULES = [rule for rule in RULES if rule.relational]


def find_mentions(
    text: str,
    anchor: dt.date | None,
    reference: TimeValue | None,
    history: Sequence[tuple[TimeValue, str]] = (),
    day_reference: TimeValue | None = None,
    frame: TimeValue | None = None,
) -> tuple[list[Mention], TimeValue | None]:
    """Find and resolve the temporal expressions of one sentence, in textual order.

    Direct rules go first, longest match first; a match that does not resolve gives its words
    back to shorter rules. Relational rules ("the next day", "hours after", "after the meeting")
    then resolve in textual order from what precedes or follows them. Returns the dated mentions
    and the reference time after the sentence.
    """
    if not ANY_TRIGGER.search(text):
        return [], reference  # most sentences: no word any rule could start from
    taken: list[Mention] = []
    occupied = bytearray(len(text))  # characters already inside a taken expression
    # The same words matched again by the same rule in one sentence (a list, or junk) take
    # the first one's value: nothing is resolved twice.
    resolved: dict[tuple[str, str], tuple[TimeValue | None, str]] = {}
    relational = _candidates(text, RELATIONAL_RULES)
    for mention in relational:  # "in April that year": the whole phrase, not "in April"
        if mention.rule.absorbing:
            occupied[mention.start : mention.end] = b"\x02" * (mention.end - mention.start)
    direct = _candidates(text, DIRECT_RULES)
    for mention in sorted(
        direct, key=lambda m: (m.start - m.end, RULE_ORDER[m.rule.name], m.start)
    ):
        span = occupied[mention.start : mention.end]
        if 1 in span or 2 in span or not _plausible(mention, text):
            continue
        key = (mention.rule.name, mention.match.group(0))
        if key not in resolved:
            tense = tense_before(text, mention.start)
            context = Context(anchor, tense, reference, text, mention.start, frame=frame)
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
            if mention.rule.name == "offset_from_event":
                if later and before:
                    # "fired an ICBM on Monday, hours after it launched a missile late on
                    # Sunday": both events are dated already; the offset adds no row.
                    mention.value = OPEN
                mention.side = _offset_side(text, mention, bool(later))

    dated = _share_sentence_year(
        sorted((m for m in taken if m.value is not OPEN), key=lambda m: m.start)
    )
    # A flashback ("which had begun a decade earlier") does not move the story's time.
    moving = [m for m in dated if not m.flashback]
    return dated, (moving[-1].value if moving else reference)


# Rules that give a month or day without a year of their own.
YEARLESS_RULES = frozenset("month_alone month_day day_month day_span month_span".split())


def _share_sentence_year(mentions: list[Mention]) -> list[Mention]:
    """'Last year's drills, held in March' / 'Last year, ... in November': a month told without
    a year takes the year named first in the sentence. Unless a second clause tells another
    event (', and ...'), the two are one event and the year's row is dropped."""
    years = [
        m for m in mentions if m.value and m.value.precision == "year" and not m.value.date_end
    ]
    if len(years) != 1:
        return mentions
    year_mention = years[0]
    sentence = year_mention.match.string
    fronted = not sentence[: year_mention.start].strip()
    possessive = bool(re.match(r"['’]s\b", sentence[year_mention.end :]))
    if not (fronted or possessive):
        return mentions  # "who entered politics only last year, will be sworn in on May 10"
    year = year_mention.value.date  # type: ignore[union-attr]
    moved = 0
    for mention in mentions:
        value = mention.value
        if mention.rule.name in YEARLESS_RULES and mention.start > year_mention.start and value:
            mention.value = TimeValue(
                year + value.date[4:],
                value.precision,
                (year + value.date_end[4:]) if value.date_end else "",
            )
            moved += 1
    one_event = moved == 1 and (
        possessive
        or not re.search(
            r",\s+(?:and|but)\s|;", sentence[year_mention.end : max(m.start for m in mentions)]
        )
    )
    if moved and one_event:  # "Eight years ago, athletes marched ... on Feb. 9": one event
        return [m for m in mentions if m is not year_mention]
    return mentions


def _offset_side(text: str, mention: Mention, has_later_date: bool) -> str:
    """Where the event dated by 'N days after/before' is told, for its summary."""
    if has_later_date:
        return "before"  # "the exercise took place hours before the launch on Monday"
    return "after" if counts_following_clause(text, mention.start, mention.end) else "around"


def _clause_break(text: str, start: int, end: int) -> bool:
    """True unless two expressions sit in one phrase (no punctuation, at most ten words apart)."""
    between = text[start:end]
    return bool(re.search(r"[,;:.]\s", between)) or len(between.split()) > 10


def _is_state(text: str, mention: Mention) -> bool:
    """A state, not an event: 'In 2024, South Korea was the seventh-largest trading partner',
    'Seoul in the 1980s was a military dictatorship', '124 firms operated there as of August'."""
    after = text[mention.end :]
    clause = (
        re.split(r"[,;]\s", text[max(0, mention.start - WINDOW) : mention.start])[-1]
        + re.split(r"[,;]\s", after[:WINDOW])[0]
    )
    if HABITUAL_RE.search(clause) and mention.rule.name not in ABSOLUTE_RULES:
        return True  # "where Kim usually sets goals for the coming year": a habit, not an event
    if mention.rule.name in NEGATABLE_RULES and NEGATION_RE.search(
        re.split(r"[,;]\s", text[max(0, mention.start - WINDOW) : mention.start])[-1]
    ):
        return True  # "state media did not mention the reunions on Thursday": nothing happened
    if text[mention.start : mention.end].lower().startswith("as of") or re.search(
        r"\bas of\s+$", text[max(0, mention.start - 20) : mention.start], re.IGNORECASE
    ):
        return bool(STATIVE_RE.search(text))
    if COPULA_AFTER_RE.match(after):
        return True
    return not text[: mention.start].strip() and bool(COPULA_STATE_RE.match(after))


QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")
ATTRIBUTION_RE = re.compile(
    r"^\s*,?\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,6}\s+)?"
    r"(?:said|says|told|added|wrote|asked|recalled)\b"
)


def _speech_day(text: str, mentions: list[Mention]) -> tuple[int, int, dt.date] | None:
    """A quotation whose speaking day is given after it ('..." Kim said on Friday'): the span
    of the quotation and that day, against which its own 'yesterday' or 'tomorrow' count."""
    for quote in QUOTE_RE.finditer(text):
        if not ATTRIBUTION_RE.match(text[quote.end() : quote.end() + 120]):
            continue
        told = [
            m.value
            for m in mentions
            if m.start >= quote.end()
            and m.value is not None
            and granularity_of(m.value) == "day"
            and not m.value.date_end
        ]
        if told:
            return quote.start(), quote.end(), dt.date.fromisoformat(told[0].date)
    return None


DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+$")


def _is_dateline(text: str, mention: Mention) -> bool:
    """'SEOUL, Oct. 22 (Yonhap) -- ...': the filing date of the story, not an event."""
    return bool(DATELINE_RE.match(text[: mention.start])) and bool(
        re.match(r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|-)\s", text[mention.end : mention.end + 40])
    )


def _is_since(text: str, mention: Mention) -> bool:
    """'since February 2016' starts something still going on; 'the first since 2017' does not."""
    evidence = text[mention.start : mention.end].lower()
    before = text[max(0, mention.start - WINDOW) : mention.start]
    if re.search(r"\bfirst(?:\s+\w+){0,2}\s+$", before, re.IGNORECASE):
        return False
    return evidence.startswith("since") or bool(SINCE_BEFORE_RE.search(before))


def _caption_anchor(
    paragraph: list[Sentence], published: dt.date | None
) -> tuple[dt.date | None, bool]:
    """A photo caption dates itself: its own full date anchors the relative words inside it."""
    text = " ".join(s.text for s in paragraph)
    if len(paragraph) > 3 or (
        not CAPTION_CUE_RE.search(text)
        and not re.search(
            r",\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?\s*$",
            paragraph[0].text,
        )
    ):
        return published, False
    for sentence in paragraph:
        for mention in find_mentions(sentence.text, None, None)[0]:
            value = mention.value
            if value is not None and value.precision == "day" and not value.date_end:
                return dt.date.fromisoformat(value.date), True
    return published, False


def extract_text(body: str, published: dt.date | None) -> list[Row]:
    """All dated event rows of one document body, one row per event, in textual order."""
    sentences = split_sentences(body)
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    anchors = {index: _caption_anchor(group, published) for index, group in paragraphs.items()}

    rows: list[Row] = []
    reference: TimeValue | None = None
    day_reference: TimeValue | None = None
    # What was told before, for events named again; bounded, so thousands of dates stay linear.
    history: deque[tuple[TimeValue, str]] = deque(maxlen=HISTORY_SIZE)
    context_actors: list[str] = []
    context_category = "other"
    frame: TimeValue | None = None  # what the previous sentence dated, if anything
    for sentence in sentences:
        if PAGE_DATE_LINE_RE.match(sentence.text):
            continue
        asks = sentence.text.rstrip(" \"”'’)").endswith("?")  # "What happened this week?"
        anchor, is_caption = anchors[sentence.paragraph]
        mentions, reference = find_mentions(
            sentence.text, anchor, reference, history, day_reference, frame
        )
        speech = _speech_day(sentence.text, mentions)
        if speech is not None:  # '"We met yesterday," she said on Friday': from that Friday
            start, end, day = speech
            spoken, _ = find_mentions(sentence.text, day, None, history, None, None)
            mentions = sorted(
                [m for m in mentions if not start <= m.start < end]
                + [m for m in spoken if start <= m.start < end],
                key=lambda m: m.start,
            )
        # A timeline entry ("Jan. 6, 2016: North Korea conducts ...") frames the next sentence;
        # a date in passing, or an opening "In 2022, ..." of its own story, does not.
        opening = mentions[0] if mentions else None
        frame = (
            opening.value
            if opening is not None
            and not sentence.text[: opening.start].strip(' -•*"“')
            and sentence.text[opening.end : opening.end + 2].lstrip().startswith(":")
            else None
        )
        told: set[TimeValue] = set()  # one row per date in a sentence (a list gives no more)
        for mention in mentions:
            assert mention.value is not None
            history.append((mention.value, sentence.text))
            if granularity_of(mention.value) == "day":
                day_reference = mention.value
            if (
                asks
                or mention.value in told
                or _is_state(sentence.text, mention)
                or _is_dateline(sentence.text, mention)
            ):
                continue
            told.add(mention.value)
            rows.append(
                _row(sentence, mention, anchor, is_caption, context_actors, context_category)
            )
        # "It has tested ... since 2006": a sentence naming no one speaks of the last one named.
        context_actors = find_actors(sentence.text) or context_actors
        sentence_category = categorize(sentence.text, sentence.text)
        if sentence_category != "other":
            context_category = sentence_category
    return _one_row_per_event(rows)


# Rules whose expression carries its own year: future only if the date is after the anchor.
ABSOLUTE_RULES = frozenset(
    """iso_date full_date_mdy full_date_dmy month_year month_span_dash year year_span year_from_to
    consecutive_years decade season_year qualified_year""".split()
)


def _is_planned(value: TimeValue, tense: str, anchor: dt.date | None, rule: str) -> bool:
    """A future event: dated after the anchor, or told in the future tense of a relative date."""
    if anchor is None:
        return tense == "future" and rule not in ABSOLUTE_RULES
    current = anchor.isoformat()[: len(value.date)]
    if value.date > current:
        return True
    return value.date == current and tense == "future" and rule not in ABSOLUTE_RULES


def _row(
    sentence: Sentence,
    mention: Mention,
    anchor: dt.date | None,
    is_caption: bool,
    context_actors: list[str],
    context_category: str,
) -> Row:
    """The row for one dated mention; actors and category fall back on the sentences before."""
    value = mention.value
    assert value is not None
    text = sentence.text
    evidence = text[mention.start : mention.end]
    ongoing = _is_since(text, mention)
    planned = not ongoing and _is_planned(value, mention.tense, anchor, mention.rule.name)
    value = _widen_multi_day(text, mention, value)
    attributive = (
        bool(re.match(r"['’]s\b", text[mention.end :]))
        or evidence.endswith(("'s", "’s"))
        or bool(
            re.search(
                r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts|[A-Za-z]+['’]s)\s+$",
                text[max(0, mention.start - 80) : mention.start],
            )
        )
        or (mention.rule.name == "holiday" and bool(re.match(r"\s+[a-z]", text[mention.end :])))
    )
    definite = bool(
        re.search(r"\b[Tt]he\s+$", text[max(0, mention.start - 10) : mention.start])
    ) and bool(re.match(r"\s+[a-z]", text[mention.end :]))
    before, after = _context_words(text, mention.start, mention.end)
    left, right = clause_span(text, mention.start, mention.end, mention.side)
    category = categorize(text[left:right], text)
    summary = headline(text, mention.start, mention.end, planned, ongoing, mention.side)
    return Row(
        date=value.date,
        date_end=value.date_end,
        precision=value.precision,
        evidence=evidence,
        sentence=text,
        summary=summary,
        category=category if category != "other" else context_category,
        actors=find_actors(text) or context_actors,
        start=sentence.start + mention.start,
        planned=planned,
        ongoing=ongoing,
        rule=mention.rule.name,
        caption=is_caption,
        attributive=attributive,
        definite=definite,
        before=before,
        after=after,
        event_words=_event_words(text, mention.start, mention.end),
    )


DAY_COUNT = (
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen)"
)
MULTI_DAY_RE = re.compile(rf"\b{DAY_COUNT}-day\b", re.IGNORECASE)
LASTING_RE = re.compile(
    rf"^\s*,?\s*(?:and\s+)?(?:(?:lasts?|lasting|runs?|running|continues?|continuing)\s+(?:for\s+)?"
    rf"|for\s+(?:another\s+|a\s+further\s+|the\s+next\s+)?){DAY_COUNT}\s+days\b"
    rf"|^\s+for\s+(?:the|a|an|another|its|their)\s+(?:\w+\s+)?"
    + DAY_COUNT.replace("?P<n>", "?P<n2>")
    + r"-day\b",
    re.IGNORECASE,
)
END_WORDS_RE = re.compile(r"\b(?:end|ended|ends|ending|concluded|closed|wrapped up|finished)\b")
START_WORDS_RE = re.compile(
    r"\b(?:begin|began|begins|beginning|open|opened|opens|opening|start|started|starts|starting"
    r"|kick off|kicked off|kicks off)\b"
)


def _day_count(word: str) -> int:
    return number_value(word)


def _widen_multi_day(text: str, mention: Mention, value: TimeValue) -> TimeValue:
    """'the two-day summit that ended on Thursday' covers Wednesday-Thursday; 'begins Tuesday
    and lasts three days' and 'will begin their 11-day exercise on Monday' run forward."""
    if value.date_end or granularity_of(value) != "day":
        return value
    day = dt.date.fromisoformat(value.date)
    lasting = LASTING_RE.match(text[mention.end :])
    if lasting is not None:
        end = day + dt.timedelta(days=_day_count(lasting["n"] or lasting["n2"]) - 1)
        return TimeValue(value.date, value.precision, end.isoformat())
    head = re.split(r"[;.]\s", text[max(0, mention.start - WINDOW) : mention.start])[-1]
    span = MULTI_DAY_RE.search(head)
    if span is None or _day_count(span["n"]) < 2:
        return value
    days = _day_count(span["n"])
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
    before = [w.lower() for w in WORD_RE.findall(sentence[:start])][-2:]
    after = [w.lower() for w in WORD_RE.findall(sentence[end:])][:2]
    return " ".join(before), " ".join(after)


# Words next to a date that do not name the event: reporting verbs, places, function words.
NOT_EVENT_WORDS = frozenset(
    """said says told announced reported added stated noted according officials official north
    south korea korean koreas state media news agency there then also than that which while when
    with from into during about after before since until this last next their there first
    second third time times many most more some other under over down only even still just
    again ever year years month months week weeks days both such early late later earlier
    will would could should have been were""".split()
)


def _event_words(sentence: str, start: int, end: int) -> frozenset[str]:
    """Content words right next to an expression ("the Olympics next month" -> {olympics})."""
    following = re.sub(r"^['’]s\b", "", sentence[end:])
    words = WORD_RE.findall(sentence[:start])[-2:] + WORD_RE.findall(following)[:2]
    return frozenset(
        w.lower().strip("’'.-")
        for w in words
        if len(w) > 3
        and w.lower() not in NOT_EVENT_WORDS
        and not w.lower().endswith(("'s", "’s", "ly"))
        and not find_actors(w)
    )


def _same_event(first: Row, second: Row) -> bool:
    """Whether `second` tells again the event of `first` (same document, same dates)."""
    if (first.date, first.date_end) != (second.date, second.date_end):
        return False
    if first.sentence == second.sentence:
        return first.precision == second.precision
    if (first.before and first.before == second.before) or (
        first.after and first.after == second.after
    ):
        return True
    if first.event_words & second.event_words:
        return True
    if second.attributive and len(second.date) >= 7:
        return True  # "the June 12 meeting", "Wednesday's talks": an event already told
    return first.caption != second.caption and similar(first.sentence, second.sentence)


def _names_earlier_event(row: Row) -> bool:
    """'The 2017 blast was ...': a definite description dated only by its year names again an
    event of that year told before with a sharper date (the caller checks that one was)."""
    return row.definite and row.precision == "year" and not row.date_end


def _one_row_per_event(rows: list[Row]) -> list[Row]:
    """Keep the first mention of each event; later mentions of it get no row."""
    kept: list[Row] = []
    by_dates: dict[tuple[str, str], list[Row]] = {}
    sharper_years: set[str] = set()  # years of the kept rows dated finer than a year
    for row in rows:
        same_dates = by_dates.setdefault((row.date, row.date_end), [])
        if any(_same_event(earlier, row) for earlier in same_dates):
            continue
        if _names_earlier_event(row) and row.date in sharper_years:
            continue
        kept.append(row)
        same_dates.append(row)
        if len(row.date) > 4:
            sharper_years.add(row.date[:4])
    return kept
