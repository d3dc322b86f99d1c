"""Describing one document's events: a headline, a chart label, a category, the actors and the
kind of each row, and the content words next to its date (a clue for de-duplication).

All of it comes from the event's own clause (extract.enrich.headlines.event_clause): the category
from the clause's keywords, else the sentence's, else the last sentence that had one; the actors
from the clause, else the sentence, else the last sentence that named some ("It has tested ...
since 2006" speaks of the country named before). Pronouns and short references are read against
the actors the story named before (extract.enrich.references).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Generic, TypeVar

from extract.dating.narrative import DatedSentence
from extract.enrich.actors import find_actors
from extract.enrich.categories import categorize
from extract.enrich.grammar import AUXILIARIES, is_noun, is_past
from extract.enrich.headlines import (
    MAX_WORDS,
    TRAILING_WORDS,
    Clause,
    anniversary_clause,
    dated_instrument_clause,
    event_after_clause,
    event_clause,
    summary_of,
)
from extract.enrich.identity import signature
from extract.enrich.importance import kind_weight
from extract.enrich.labels import label_of
from extract.enrich.references import Discourse, is_person
from extract.events.candidates import LIST_ITEM_RULES, Row
from extract.sentences import SPEAKER_LABEL_RE, words_after, words_before
from extract.table.vocabulary import OTHER_CATEGORY

T = TypeVar("T")


# Rules whose row dates another event than the clause tells: its headline names that event.
ORIGINAL_EVENT_CLAUSES = {"anniversary": anniversary_clause, "to_the_day": event_after_clause}


def describe(story: list[DatedSentence], rows: list[Row], title: str = "") -> None:
    """Fill in summary, label, category, actors, kind and event_words of every row (the title
    may tell who the text's "I" is, see speaker_of_title, and what instrument it is about)."""
    speaker = speaker_of_title(title)
    by_sentence: dict[int, list[Row]] = {}
    for row in rows:
        by_sentence.setdefault(row.story_index, []).append(row)
    last_category = _LastTold(story, _sentence_category)
    last_actors = _LastTold(story, find_actors)
    discourse = Discourse()
    discourse.instrument = instrument_of_title(title)
    interviewee = ""  # the person a "She spoke to us on Monday" note is about
    paragraph, turn = -1, ""
    for index, dated in enumerate(story):
        text = dated.sentence.text
        if dated.sentence.paragraph != paragraph:  # a transcript turn: "LEE HAE-WON: ..."
            paragraph, label = dated.sentence.paragraph, SPEAKER_LABEL_RE.match(text)
            turn = _speaker_name(label.group(0)) if label else ""
        discourse.narrator = turn or interviewee or speaker
        told: list[Row] = []  # the rows of this sentence described so far
        for row in by_sentence.get(index, ()):
            start, end = row.mention_start, row.mention_end
            if row.rule in LIST_ITEM_RULES and told:  # "in March and May": the same act again
                _describe_as(row, told[-1])
                told.append(row)
                continue
            named = ORIGINAL_EVENT_CLAUSES.get(row.rule)  # "70th anniversary of the armistice"
            clause = (
                (named and named(text, start, end))
                or dated_instrument_clause(text, start, end)  # "the 1994 Agreed Framework"
                or event_clause(text, start, end, row.side, discourse)
            )
            words = clause_text(clause)
            category = categorize(words, text)
            row.summary = summary_of(clause, row.planned, row.ongoing)
            row.label = label_of(clause)
            earlier = _earlier_occurrence(text[:start], row.evidence, clause)
            if earlier is not None:  # "their first quiet in about a year": the quiet before
                row.summary, row.label, clause = earlier
            row.category = (
                category
                if category != OTHER_CATEGORY
                else last_category.before(index) or OTHER_CATEGORY
            )
            row.actors = find_actors(words) or find_actors(text) or last_actors.before(index) or []
            row.kind = kind_weight(_verb_phrase(clause), clause_text(clause))
            row.event_words = _event_words(text, start, end)
            row.what = signature(clause)
            told.append(row)
        discourse.read(text)
        spoke = not interviewee and ("spoke" in text or "talked" in text)
        interviewed = INTERVIEWEE_RE.search(text) if spoke else None
        if interviewed:
            interviewee = discourse.resolve(interviewed.group(1))
            if interviewee.lower() in ("she", "he"):  # a name the story did not know as one
                told = " ".join(s.sentence.text for s in story[max(0, index - 2) : index])
                told += " " + text[: interviewed.start()]
                names = [n for n in FULL_NAME_RE.findall(told) if is_person(n)]
                interviewee = names[-1] if names else ""


def _describe_as(row: Row, first: Row) -> None:
    """Give `row` the description of the list's first item (its date stays its own)."""
    row.summary, row.label, row.category = first.summary, first.label, first.category
    row.actors, row.kind, row.what = list(first.actors), first.kind, first.what
    row.event_words = first.event_words


# A speech's title: "Address by the President on the 67th Anniversary of Liberation", "Full
# Text: President's Address on ...", "Remarks by Prime Minister Kishida".
SPEECH_TITLE_RE = re.compile(r"\b(?:Address|Speech|Remarks|Statement|Message)\b")
SPEAKER_IN_TITLE_RE = re.compile(
    r"\b((?:President|Prime Minister|Chairman|Secretary-General|Minister)"
    r"(?: (?!(?:on|of|at|to|for|and|the)\b)[A-Z][\w-]+){0,3})(?:['’]s)?\b"
)


def speaker_of_title(title: str) -> str:
    """Who gives the speech a title names ('President'), or ''."""
    if not SPEECH_TITLE_RE.search(title):
        return ""
    found = SPEAKER_IN_TITLE_RE.search(title)
    return found.group(1) if found else ""


# An instrument a title names, with a hyphenated modifier before it and what it does after it:
# "the anti-leaflet law", "the 2020 amendment banning leaflet launches toward North Korea".
INSTRUMENT_RE = re.compile(
    r"\b((?:[a-z]+-[a-z]+\s+)?"
    r"(?:amendment|bill|law|act|agreement|treaty|accord|resolution|decree|ordinance)s?"
    r"(?:\s+[a-z]+ing(?:\s+(?!(?:to|toward|towards|in|on|at|for|from|by|of|and)\b)[a-z]+){0,2})?)\b",
    re.IGNORECASE,
)


def instrument_of_title(title: str) -> str:
    """The instrument a title names ('Legislative history: the 2020 amendment banning leaflet
    launches toward North Korea' -> 'amendment banning leaflet launches'), or ''."""
    found = INSTRUMENT_RE.search(title)
    return found.group(1).lower() if found else ""


# "She spoke to us at her apartment in Sokcho on Monday": who the first person is after it.
INTERVIEWEE_RE = re.compile(r"\b(She|He|she|he)\s+(?:spoke|talked)\s+(?:to|with)\s+(?:us|me)\b")
FULL_NAME_RE = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?\b(?!['’])")
TITLES_RE = re.compile(r"^(?:REP|MR|MS|MRS|DR|SEN|GEN|AMB)\.?\s+")


def _speaker_name(label: str) -> str:
    """'[00:02:05] LEE HAE-WON: ' -> 'Lee Hae-won'; a role ('MINISTER: ') is no name."""
    label = re.sub(r"^\s*\[[\d:]+\]\s*", "", label).strip().rstrip(":").strip()
    named = re.search(r"\(([^)]+)\)$", label)  # "MODERATOR (DANA WHITFIELD)"
    name = TITLES_RE.sub("", named.group(1) if named else label)
    words = name.split()
    if len(words) < 2:
        return ""  # "MINISTER", "PARK": a role or a family name alone
    return " ".join(w.capitalize() for w in words)


# "their first quiet in about a year", "its first missile launch since mid-September": the date
# is the previous such thing's (ANNOTATION: "their first in eight months" is that month).
FIRST_SINCE_RE = re.compile(r"\bfirst\s+((?:[\w’'-]+\s+){1,5}?)(?:in|since)\b", re.IGNORECASE)
FIRST_TIME_RE = re.compile(r"\bthe\s+first\s+time\s+(?:in|since)\b", re.IGNORECASE)
PHRASE_LINKS = frozenset("to of between with".split())  # "trip | to North Korea"
# "in 18 years", "in a decade", "in nearly two years": a record's span, not a point in time
DURATION_RE = re.compile(r"\b(?:years?|decades?|months?|weeks?|days?)\b", re.IGNORECASE)


def _earlier_occurrence(
    before: str, evidence: str, clause: Clause
) -> tuple[str, str, Clause] | None:
    """The headline, label and clause of a row dated by 'the first ... in/since': the previous
    occurrence ('Previous quiet before North Korea halts ...'; 'for the first time in five years':
    'National Assembly last passes a budget ...')."""
    told = before[-60:] + evidence  # the words 'first ... in/since' end at the date's start
    times = [m for m in FIRST_TIME_RE.finditer(told) if m.end() >= len(told) - len(evidence)]
    if times and clause.verb:
        rest = re.sub(r"\b(?:for )?the first time\b", "", " ".join(clause.rest)).split()
        last = replace(clause, adverbs=["last", *clause.adverbs], rest=rest)
        return summary_of(last, False, False), label_of(clause), last
    first = next(
        (m for m in FIRST_SINCE_RE.finditer(told) if m.end() >= len(told) - len(evidence)), None
    )
    words = first.group(1).split() if first else []
    # the phrase's noun: its last word, or the first of a phrase with a place ("trip to North
    # Korea")
    to = next((i for i, w in enumerate(words) if w.lower() in PHRASE_LINKS), None)
    head = (words[to - 1] if to else words[-1]).lower() if words else ""
    if first is None or head == "time" or not is_noun(head) or is_past(head) or head in AUXILIARIES:
        return None  # "The first was in 2000", "first staged in 2002": no noun, no earlier one
    if first.group(0).lower().endswith("in") and not DURATION_RE.search(evidence):
        return None  # "held their first summit in Vladivostok in April": that summit itself
    noun = " ".join(w for w in first.group(1).split() if w.lower() not in ("ever", "such"))
    main = summary_of(clause, False, False)
    # "It was the first inter-Korean summit since 2007": before "the first inter-Korean summit"
    main = re.sub(r"^(?:It|This|That)\s+(?:is|was|will\s+be|would\s+be)\s+", "", main)
    if re.match(r"(?:The|A|An)\s", main):
        main = main[:1].lower() + main[1:]  # "... before the talks", not "... before The talks"
    words = f"Previous {noun} before {main}".split()[:MAX_WORDS]
    while words[-1].lower() in TRAILING_WORDS:
        words.pop()
    headline = " ".join(words).rstrip(",")
    previous = Clause("", "", "", False, False, ["previous", *noun.split()])
    return headline, f"Previous {noun}", previous


def _sentence_category(text: str) -> str:
    """The sentence's category, or "" if it has none."""
    category = categorize(text, text)
    return category if category != OTHER_CATEGORY else ""


class _LastTold(Generic[T]):
    """What the last sentence before a given one told (its category, its actors), read only
    when a row asks and only as far back as needed: a sentence is read at most once."""

    def __init__(self, story: list[DatedSentence], read: Callable[[str], T]) -> None:
        self.story, self.read = story, read
        self.known_for = 0  # the answer is known for this sentence
        self.known: T | None = None

    def before(self, index: int) -> T | None:
        """The last non-empty reading of the sentences before `index` (None if none)."""
        stop = self.known_for if index >= self.known_for else 0
        found = self.known if index >= self.known_for else None
        for earlier in range(index - 1, stop - 1, -1):
            value = self.read(self.story[earlier].sentence.text)
            if value:
                found = value
                break
        self.known_for, self.known = index, found
        return found


def _verb_phrase(clause: Clause) -> str:
    """The verb as the clause tells it, with its particle ('blew up', 'broke down'), and the
    action it orders ('instructed ... to suspend')."""
    if not clause.verb:
        return ""
    particle = clause.verb.split()[1:]
    return " ".join([clause.form, *particle, clause.verb, clause.action])


def clause_text(clause: Clause) -> str:
    """The words of an event's clause as one text (for keywords and actors)."""
    return " ".join([clause.subject, clause.form, *clause.rest])


# Words next to a date that do not name the event: reporting verbs, places, function words.
NOT_EVENT_WORDS = frozenset(
    """said says told announced reported added stated noted according officials official north
    south korea korean koreas state media news agency there then also than that which while when
    with from into during about after before since until this last next their there first
    second third time times many most more some other under over down only even still just
    again ever year years month months week weeks days both such early late later earlier
    will would could should have been were a.m. p.m. noon midnight morning afternoon evening
    night local hours minutes they them these those what whom whose your ours
    coast coastline island islands province region city capital waters area district county
    village town peninsula""".split()
)


POSSESSIVE_RE = re.compile(r"['’]s\b")


def _event_words(sentence: str, start: int, end: int) -> frozenset[str]:
    """Content words right next to an expression ("the Olympics next month" -> {olympics})."""
    possessive = POSSESSIVE_RE.match(sentence, end)
    following = possessive.end() if possessive else end
    words = words_before(sentence, start, 2) + words_after(sentence, following, 2)
    return frozenset(
        w.lower().strip("’'.-")
        for w in words
        if len(w) > 3
        and w.lower() not in NOT_EVENT_WORDS
        and not w.lower().endswith(("'s", "’s", "ly"))
        and not find_actors(w)
    )
