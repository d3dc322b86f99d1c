"""What an event is, as a set of words two reports of it share: the clue that lets "nuclear talks
collapsed in 2019" and "negotiations ... broke down in 2019" be one event.

The words of the event's clause are reduced to their base forms (lemminflect) and to one word
per meaning ("negotiations", "dialogue" -> talks; "broke down" -> collapse; "met" -> summit);
words that name no event (reporting verbs, the two Koreas, function words) are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas

from extract.enrich.grammar import word_lemmas
from extract.enrich.headlines import Clause
from extract.table.vocabulary import ONGOING_MARKER

# One word per meaning: what two reports of one event may say differently.
SYNONYMS: dict[str, str] = {
    "negotiation": "talks",
    "dialogue": "talks",
    "talk": "talks",
    "meeting": "summit",
    "meet": "summit",
    "encounter": "summit",
    "collapse": "collapse",
    "break down": "collapse",
    "breakdown": "collapse",
    "stall": "collapse",
    "fall apart": "collapse",
    "test-fire": "launch",
    "fire": "launch",
    "test-launch": "launch",
    "shut down": "close",
    "shutdown": "close",
    "closure": "close",
    "suspend": "halt",
    "suspension": "halt",
    "stop": "halt",
    "cut": "halt",
    "cut off": "halt",
    "sever": "halt",
    "restore": "reopen",
    "resume": "reopen",
    "reconnect": "reopen",
    "hotline": "channel",
    "line": "channel",
    "liaison": "channel",
    "communication": "channel",
    "advance": "advance",
    "capability": "capability",
    "inauguration": "office",
    "assume": "office",
    "enter": "office",
    "blow up": "demolish",
    "explosion": "demolish",
    "loudspeaker": "broadcast",
    "propaganda": "broadcast",
    "icbm": "missile",
    "dprk": "",
    "pyongyang": "",
    "seoul": "",
}
NOT_EVENT_WORDS = frozenset(
    """the a an of in on at to for with by from and or but as that this these those its his her
    their it he she they be have do say tell announce report add state claim note confirm
    north south korea korean koreas nk rok us u.s. united states kim president leader official
    officials government first second third last new also would will could may might
    more than about some other its own state-run""".split()
)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9.'’-]*")
PHRASES = ("break down", "shut down", "cut off", "blow up", "fall apart")


# Verbs whose object names the event: "hold a summit", "conduct a test", "stage drills".
LIGHT_VERBS = frozenset("hold have conduct stage carry make take give deliver issue be".split())
ACTION = "!"  # marks the action word in a signature ("!summit", "!collapse")


def signature(clause: Clause) -> frozenset[str]:
    """The event's words: its action (marked with ACTION) and the other words, as base forms,
    one per meaning, without the words that name no event."""
    words = set(_words(" ".join([clause.subject, *clause.rest])))
    action = ""
    if clause.verb:
        verb = clause.action or clause.verb
        if verb in REPORTING_LEMMAS:  # "announces he'd suspend the war games": a suspension
            verb = next((v for v in map(_verb_of, clause.rest[:8]) if v), verb)
        if verb in TRAVEL and _event_after_for(clause.rest):  # "flies ... for the summit"
            verb = _event_after_for(clause.rest)
        action = SYNONYMS.get(_base(verb), _base(verb))
        if clause.verb.split()[0] in LIGHT_VERBS:  # "hold a summit", "the summit was held"
            named = clause.subject if clause.passive else " ".join(_object_phrase(clause.rest))
            action = next(iter(reversed(_words(named))), action)  # its head: "test"
    if action:
        words.discard(action)
        words.add(ACTION + action)
    words.update(NAME + name for name in _occasion_names(clause))
    return frozenset(words)


NAME = "@"  # marks a name of place or occasion in a signature ("@singapore", "@punggye-ri")
# Capitalised words that name no occasion: actors, months, weekdays, titles, openers.
NOT_OCCASIONS = frozenset(
    """north south korea korean koreas u.s. us united states america american china chinese
    japan japanese russia russian seoul pyongyang washington beijing tokyo moscow dprk rok un
    u.n. nations security council the a an january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday
    sunday president leader minister kim moon trump yoon lee park biden xi putin jong un
    jae-in suk yeol jae-myung state media news agency kcna yonhap party workers' assembly
    national people's republic democratic government military army""".split()
)
EVENT_WORDS = frozenset(
    """summit talks test launch treaty agreement declaration pact meeting visit election
    exercise drill shelling attack sinking""".split()
)


def _occasion_names(clause: Clause) -> list[str]:
    """Names in the clause that pick out one occasion: 'Singapore', 'Camp David', 'Hanoi'."""
    names = []
    words = [*clause.subject.split(), *clause.rest]
    for index, word in enumerate(words):
        clean = word.strip(",.’'").lower().removesuffix("’s").removesuffix("'s")
        if index == 0 and word_lemmas(clean):
            continue  # "Test is ...": a capital that only opens the sentence
        if word[:1].isupper() and clean not in NOT_OCCASIONS and len(clean) > 2:
            names.append(clean)
    return names


REPORTING_LEMMAS = frozenset(
    "say tell announce report add state claim note confirm declare write post tweet".split()
)
TRAVEL = frozenset("fly travel go head arrive come leave return".split())


def _verb_of(word: str) -> str:
    """The verb a word of a reported clause is a form of ('suspend', 'halted'), or ''."""
    lemmas = word_lemmas(word.lower())
    if "VERB" in lemmas and "NOUN" not in lemmas and word.lower() not in NOT_EVENT_WORDS:
        return lemmas["VERB"][0]
    return ""


def _event_after_for(rest: list[str]) -> str:
    """'for the first inter-Korean summit' -> 'summit'."""
    lowered = [w.lower() for w in rest]
    if "for" not in lowered:
        return ""
    for word in lowered[lowered.index("for") + 1 :][:5]:
        if word in ("summit", "talks", "meeting", "negotiations"):
            return word
    return ""


def _object_phrase(rest: list[str]) -> list[str]:
    """The words of the object, up to its first preposition ('its sixth nuclear test')."""
    phrase: list[str] = []
    for word in rest[:6]:
        if word.lower() in ("in", "on", "at", "of", "with", "for", "to", "from", "by", ","):
            break
        phrase.append(word)
    return phrase


def _words(text: str) -> list[str]:
    text = text.lower()
    for phrase in PHRASES:
        text = text.replace(phrase, phrase.replace(" ", "_"))
    words: list[str] = []
    for token in WORD_RE.findall(text):
        word = _event_word(token)
        if word and word not in words:
            words.append(word)
    return words


@lru_cache(maxsize=16384)
def _event_word(token: str) -> str:
    """A lower-cased token's word, one per meaning, or '' for a word that names no event."""
    token = token.removesuffix("’s").removesuffix("'s")  # "korea's" is "korea"
    word = _base(token.strip(".’'").replace("_", " "))
    word = SYNONYMS.get(word, word)
    return word if word not in NOT_EVENT_WORDS and len(word) > 2 else ""


@lru_cache(maxsize=16384)
def _base(word: str) -> str:
    """'negotiations' -> 'negotiation', 'broke' -> 'break', 'tested' -> 'test'."""
    if " " in word:
        return word
    lemmas = getAllLemmas(word)
    for pos in ("NOUN", "VERB", "ADJ"):
        if pos in lemmas:
            return lemmas[pos][0]
    return word


MIN_OVERLAP = 0.4  # share of words two events told without an action must have in common
# Actions that only say an event took place: an event told as a noun phrase may join them.
OCCURRING = frozenset(ACTION + a for a in "hold open begin start be happen occur take".split())


def same_what(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two signatures tell the same event: the same action and a word in common, or,
    when one tells no action, two words in common."""
    actions = (_actions(first), _actions(second))
    common = (first - actions[0]) & (second - actions[1])
    if any(w.startswith(NAME) for w in common) and (
        (actions[0] & actions[1]) or _event_words(first) & _event_words(second)
    ):
        return True  # "the Singapore summit" ... "held a summit in Singapore"
    if actions[0] and actions[1]:
        return actions[0] == actions[1] and len(common) >= 1
    if (actions[0] or actions[1]) - OCCURRING:
        return False  # "the Winter Olympics" is not "Kim sends a delegation to the Olympics"
    union = (first - actions[0]) | (second - actions[1])
    return len(common) >= 2 and len(common) / len(union) >= MIN_OVERLAP


@lru_cache(maxsize=65536)
def _actions(signature: frozenset[str]) -> frozenset[str]:
    """The action words of a signature (read once per signature: the table's identity step
    compares each with many)."""
    return frozenset(w for w in signature if w.startswith(ACTION))


def _event_words(signature: frozenset[str]) -> set[str]:
    return {w.lstrip(ACTION) for w in signature} & EVENT_WORDS


# "six nuclear tests", "a series of launches", "more than 60 missiles": a series is an event of
# its own, apart from its members ("34-year-old leader" counts nothing).
SERIES_RE = re.compile(
    r"(?<![\w-])(?:\d[\d,]*(?![\d,-])|two|three|four|five|six|seven|eight|nine|ten|dozens?|several|series|"
    r"more than|"
    r"multiple|many|record|number of|times)\b",
    re.IGNORECASE,
)


# "a record number of missiles", "dozens of launches": a total, never one salvo ("two missiles").
TOTAL_RE = re.compile(
    r"\b(?:dozens|several|series|more than|multiple|many|record|number of|times)\b", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def is_series(summary: str) -> bool:
    """A count or a series: "six nuclear tests", "more than 60 missiles"."""
    return bool(SERIES_RE.search(summary))


@lru_cache(maxsize=65536)
def is_total(summary: str) -> bool:
    """A total over a period: "a record number of missiles", "more than 60 missiles"."""
    return bool(TOTAL_RE.search(summary))


def same_kind(first: str, first_is_interval: bool, second: str, second_is_interval: bool) -> bool:
    """Whether two summaries can tell one event as far as their kind goes: a series never joins
    a single event, nor a total a salvo; something going on since a date joins a span
    ("advances in 2016 and 2017") or another one going on, not a single event."""
    if is_series(first) != is_series(second):
        return False
    ongoing = first.endswith(ONGOING_MARKER), second.endswith(ONGOING_MARKER)
    if is_total(first) != is_total(second) and not any(ongoing):
        return False  # "a record number of missiles this year", "two missiles Friday"
    if ongoing[0] == ongoing[1]:
        return True
    return second_is_interval if ongoing[0] else first_is_interval


def strongly_same(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two signatures that agree on the action and two more words ('collapse' + 'hanoi',
    'summit'): the same event even when the actors each text names disagree."""
    common = first & second
    return any(w.startswith(ACTION) for w in common) and len(common) >= 3
