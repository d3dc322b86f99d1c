"""What an event is, as a set of words two reports of it share: the clue that lets "nuclear talks
collapsed in 2019" and "negotiations ... broke down in 2019" be one event.

The words of the event's clause are reduced to their base forms (lemminflect) and to one word
per meaning ("negotiations", "dialogue" -> talks; "broke down" -> collapse; "met" -> summit);
words that name no event (reporting verbs, the two Koreas, function words) are left out.
extract.enrich.matching compares two signatures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas

from extract.enrich.grammar import word_lemmas
from extract.enrich.headlines import Clause
from extract.enrich.matching import ACTION, NAME

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
    "fly": "visit",  # "Kim Dae-jung flew to Pyongyang", "went to Pyongyang", "his trip"
    "go": "visit",
    "travel": "visit",
    "trip": "visit",
    "pull out": "withdraw",  # "pulled out its 53,000 workers", "withdrew its workers"
    "withdrawal": "withdraw",
    "switch off": "halt",
    "turn off": "halt",
    "switch on": "reopen",
    "turn on": "reopen",
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
PHRASES = (
    "break down",
    "shut down",
    "cut off",
    "blow up",
    "fall apart",
    "pull out",
    "switch off",
    "turn off",
    "switch on",
    "turn on",
)


# Verbs whose object names the event: "hold a summit", "conduct a test", "stage drills".
LIGHT_VERBS = frozenset("hold have conduct stage carry make take give deliver issue be".split())


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
    if not action:  # "Kim Il Sung's death", "the shelling of Yeonpyeong": the noun's act
        action = next((NOMINAL_ACTIONS[w] for w in words if w in NOMINAL_ACTIONS), "")
        words.discard(next((w for w in words if NOMINAL_ACTIONS.get(w) == action), ""))
    if action == "test" and words & MISSILE_WORDS:
        action = "launch"  # "tests a new ICBM", "fires an ICBM": one launch
    if action:
        words.discard(action)
        words.add(ACTION + action)
    words.update(NAME + name for name in _occasion_names(clause))
    return frozenset(words)


MISSILE_WORDS = frozenset("missile missiles rocket rockets ballistic".split())
# The act an event's noun names, as its verb's base form would be read: "his death" is "died".
NOMINAL_ACTIONS: dict[str, str] = {
    "death": "die",
    "killing": "kill",
    "shelling": "shell",
    "sinking": "sink",
    "invasion": "invade",
    "election": "elect",
    "impeachment": "impeach",
    "resignation": "resign",
    "execution": "execute",
    "arrest": "arrest",
    "release": "release",
    "signing": "sign",
    "founding": "found",
    "attack": "attack",
    "summit": "summit",
    "talks": "talks",
    "visit": "visit",
    "launch": "launch",
    "test": "test",
    "close": "close",
    "demolish": "demolish",
    "withdraw": "withdraw",
    "halt": "halt",
    "reopen": "reopen",
}


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
