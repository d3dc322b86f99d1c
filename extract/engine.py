"""From a document body and its publication date to dated event rows.

Steps: split sentences; find temporal expressions with the rule table (longest match wins);
resolve each against its anchor (the publication date, or a photo caption's own date), the
clause's tense and the narrative's reference time; drop what is not an event; keep one row per
event; describe each row (summary, category, actors).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from extract.calendar import TimeValue
from extract.sentences import Sentence, split_sentences
from extract.taxonomy import categorize, find_actors
from extract.temporal import RULES, Context, Rule
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
    r"|(?:[#$€£]\s*$)|(?:\d[\d,]*\s*(?:-|to|and)\s*$)",
)
COPULA_STATE_RE = re.compile(
    r"^\s*,?\s*(?:[A-Z][\w’'.-]*\s+){0,6}?(?:was|were|is|are|remained|remains)\s+(?:the|a|an|its|their|still|not|[\w-]+est|one)\b"
)
SINCE_BEFORE_RE = re.compile(r"\b[Ss]ince\s+(?:\w+\s+){0,2}$")
CAPTION_CUE_RE = re.compile(
    r"^(?:FILE|File)\b|\bphoto\b|\bPhoto\b|\bhandout\b|REUTERS|Reuters/|\bAP\b Photo|Getty Images"
    r"|\(AP\)|\(AFP\)|AFP/|Yonhap|\bpictured\b|\bis seen\b|\bposes?\b"
)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'.-]*")


@dataclass
class Mention:
    """A temporal expression found in a sentence and its resolved value."""

    start: int  # offset in the sentence
    end: int
    rule: Rule
    value: TimeValue | None = None
    tense: str = "past"


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


def _candidates(text: str, rules: list[Rule]) -> list[Mention]:
    found = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                found.append(Mention(match.start(), match.end(), rule))
    return found


def _select(candidates: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Longest match wins; earlier rules win ties; no overlaps with what is already taken."""
    order = {rule.name: index for index, rule in enumerate(RULES)}
    chosen = list(taken)
    picked = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), order[m.rule.name], m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
            picked.append(mention)
    return picked


def _plausible(mention: Mention, text: str) -> bool:
    """Reject year-shaped numbers that are counts, codes or money."""
    if mention.rule.name not in ("year", "qualified_year"):
        return True
    before, after = text[: mention.start], text[mention.end :]
    if NOT_YEAR_BEFORE_RE.search(before):
        return False
    return not COUNT_NOUN_RE.match(after)


def find_mentions(
    text: str, anchor: dt.date | None, reference: TimeValue | None,
    history: list[tuple[TimeValue, str]] | None = None,
) -> tuple[list[Mention], TimeValue | None]:
    """Find and resolve the temporal expressions of one sentence, in textual order.

    Returns the mentions that resolved to a value and the reference time after the sentence.
    """
    direct = [r for r in RULES if not r.relational]
    relational = [r for r in RULES if r.relational]
    mentions = [m for m in _select(_candidates(text, direct), []) if _plausible(m, text)]
    mentions += _select(_candidates(text, relational), mentions)
    mentions.sort(key=lambda m: m.start)
    resolved: list[Mention] = []
    for index, mention in enumerate(mentions):
        mention.tense = tense_before(text, mention.start)
        later = [
            m.value for m in mentions[index + 1 :]
            if m.value is not None and not m.rule.relational and not _clause_break(text, mention.end, m.start)
        ]
        if mention.rule.relational:
            # Resolve direct expressions later in the clause first, so the offset can count from them.
            for m in mentions[index + 1 :]:
                if m.value is None and not m.rule.relational:
                    m.value = _resolve(m, text, anchor, reference)
            later = [
                m.value for m in mentions[index + 1 :]
                if m.value is not None and not m.rule.relational
                and not _clause_break(text, mention.end, m.start)
            ]
        if mention.value is None:
            mention.value = _resolve(mention, text, anchor, reference, later, history)
        if mention.value is not None:
            resolved.append(mention)
            reference = mention.value
    return resolved, reference


def _resolve(
    mention: Mention, text: str, anchor: dt.date | None, reference: TimeValue | None,
    later: list[TimeValue] | None = None, history: list[tuple[TimeValue, str]] | None = None,
) -> TimeValue | None:
    match = mention.rule.pattern.match(text, mention.start)
    if match is None or match.end() != mention.end:
        match = next(
            (m for m in mention.rule.pattern.finditer(text) if m.start() == mention.start), None
        )
    if match is None:
        return None
    context = Context(
        anchor=anchor, tense=tense_before(text, mention.start), reference=reference,
        sentence=text, start=mention.start, later=later or [], history=history or [],
    )
    return mention.rule.resolve(match, context)


def _clause_break(text: str, start: int, end: int) -> bool:
    """True unless two expressions sit in one phrase (no punctuation, at most ten words apart)."""
    between = text[start:end]
    return bool(re.search(r"[,;:.]\s", between)) or len(between.split()) > 10


def _is_state(text: str, mention: Mention) -> bool:
    """'In 2024, South Korea was the seventh-largest trading partner': a state, not an event."""
    before = text[: mention.start].strip()
    if before:
        return False
    return bool(COPULA_STATE_RE.match(text[mention.end :]))


def _is_since(text: str, mention: Mention) -> bool:
    evidence = text[mention.start : mention.end].lower()
    return evidence.startswith("since") or bool(SINCE_BEFORE_RE.search(text[: mention.start]))


def _caption_anchor(
    paragraph: list[Sentence], published: dt.date | None
) -> tuple[dt.date | None, bool]:
    """A photo caption dates itself: its own full date anchors the relative words inside it."""
    text = " ".join(s.text for s in paragraph)
    if len(paragraph) > 3 or not CAPTION_CUE_RE.search(text) and not re.search(
        r",\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?\s*$",
        paragraph[0].text,
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
    history: list[tuple[TimeValue, str]] = []
    for sentence in sentences:
        anchor, is_caption = anchors[sentence.paragraph]
        mentions, reference = find_mentions(sentence.text, anchor, reference, history)
        for mention in mentions:
            assert mention.value is not None
            history.append((mention.value, sentence.text))
            if _is_state(sentence.text, mention):
                continue
            rows.append(_row(sentence, mention, anchor, is_caption))
    return _one_row_per_event(rows, body)


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


def _row(sentence: Sentence, mention: Mention, anchor: dt.date | None, is_caption: bool) -> Row:
    value = mention.value
    assert value is not None
    text = sentence.text
    evidence = text[mention.start : mention.end]
    ongoing = _is_since(text, mention)
    planned = not ongoing and _is_planned(value, mention.tense, anchor, mention.rule.name)
    attributive = bool(re.match(r"['’]s\b", text[mention.end :])) or evidence.endswith(("'s", "’s")) or (
        mention.rule.name == "holiday" and bool(re.match(r"\s+[a-z]", text[mention.end :]))
    )
    clause = _clause(text, mention)
    summary = _summary(clause, evidence, planned, ongoing)
    return Row(
        date=value.date,
        date_end=value.date_end,
        precision=value.precision,
        evidence=evidence,
        sentence=text,
        summary=summary,
        category=categorize(clause, text),
        actors=find_actors(text),
        start=sentence.start + mention.start,
        planned=planned,
        ongoing=ongoing,
        rule=mention.rule.name,
        caption=is_caption,
        attributive=attributive,
    )


def _context_words(sentence: str, start: int, end: int) -> tuple[str, str]:
    before = [w.lower() for w in WORD_RE.findall(sentence[:start])][-2:]
    after = [w.lower() for w in WORD_RE.findall(sentence[end:])][:2]
    return " ".join(before), " ".join(after)


def _one_row_per_event(rows: list[Row], body: str) -> list[Row]:
    """Drop second mentions: same dates in one sentence, or same dates and same wording around."""
    kept: list[Row] = []
    seen_context: set[tuple[str, str, str, str]] = set()
    for row in rows:
        offset = row.start - body.find(row.sentence, max(0, row.start - len(row.sentence)))
        before, after = _context_words(row.sentence, offset, offset + len(row.evidence))
        value = (row.date, row.date_end, row.precision)
        if any(
            (k.date, k.date_end, k.precision) == value and k.sentence == row.sentence for k in kept
        ):
            continue
        keys = {("b",) + value[:2] + (before,), ("a",) + value[:2] + (after,)}
        keys = {k for k in keys if k[-1]}
        if keys & seen_context:
            continue
        if row.attributive and any((k.date, k.date_end) == value[:2] for k in kept):
            continue
        twin = next((k for k in kept if (k.date, k.date_end) == value[:2] and k.caption != row.caption), None)
        if twin is not None and _similar(twin.sentence, row.sentence):
            continue
        seen_context |= keys
        kept.append(row)
    return kept


STOPWORDS = frozenset(
    """the a an of in on at to for with by from and or but as that this is are was were be been
    has have had it its his her their he she they said says will would after before during""".split()
)


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in WORD_RE.findall(text) if w.lower() not in STOPWORDS and len(w) > 2}


def _similar(first: str, second: str, threshold: float = 0.25) -> bool:
    """Word-stem overlap (Jaccard): a photo caption and a body sentence telling the same event."""
    a, b = _stems(first), _stems(second)
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


CLAUSE_SPLIT_RE = re.compile(r"\s*(?:;|—|–|\s-\s|,\s+(?=(?:and|but|while|which|who|as|after|when)\b)|,\s*(?=[“\"]))\s*")
LEADING_FILLER_RE = re.compile(
    r"^(?:(?:and|but|however|meanwhile|also|then|so|which|who|while|as|earlier|later|"
    r"in addition|still|yet|now)\b[,\s]*)+",
    re.IGNORECASE,
)
DANGLING_RE = re.compile(r"(?:\s+(?:on|in|at|since|by|of|for|from|to|the|a|an|and|or|with|during|until|"
                         r"after|before|than|its|their|his|her|that|this))+\s*$", re.IGNORECASE)


def _clause(text: str, mention: Mention) -> str:
    """The clause around the mention, widened when it is only an adverbial ('In 2018,')."""
    parts = []
    position = 0
    for match in CLAUSE_SPLIT_RE.finditer(text):
        parts.append((position, match.start()))
        position = match.end()
    parts.append((position, len(text)))
    for index, (start, end) in enumerate(parts):
        if start <= mention.start < max(end, start + 1):
            clause_start, clause_end = start, end
            rest = (text[clause_start:mention.start] + text[mention.end:clause_end]).split()
            if len(rest) < 4 and index + 1 < len(parts):
                clause_end = parts[index + 1][1]
            return text[clause_start:clause_end]
    return text


def _summary(clause: str, evidence: str, planned: bool, ongoing: bool, limit: int = 12) -> str:
    """A short headline: the event's clause without the date words, cut at about a dozen words."""
    text = clause.replace(evidence, " ", 1)
    text = re.sub(r"\(\s*\)|\s+,", " ", text)
    text = re.sub(r"^[\s,;:.“”\"'’‘()-]+", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = LEADING_FILLER_RE.sub("", text).strip(" ,")
    words = text.split()
    if len(words) > limit:
        words = words[:limit]
    text = " ".join(words)
    text = text.rstrip(" ,;:.“”\"'’)—–-")
    previous = None
    while previous != text:
        previous = text
        text = DANGLING_RE.sub("", text).rstrip(" ,;:")
    if text.count("“") > text.count("”"):
        text = text.replace("“", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    if not text:
        text = "Event"
    text = text[0].upper() + text[1:]
    if ongoing:
        text += " (ongoing since)"
    elif planned:
        text += " (planned)"
    return text
