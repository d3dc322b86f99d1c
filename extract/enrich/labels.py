"""Chart labels: the shortest name of an event (2-6 words), from its clause.

A label names the action and what it bore on: the object with the verb's participle ("Noise
broadcasts halted", "Liaison office blown up"), a meeting by its place ("Singapore summit"), an
event told as a noun phrase by that phrase ("Winter Olympics in Pyeongchang"), a statement by its
speaker ("North Korea statement").
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getInflection

from extract.enrich.grammar import (
    ADVERBS_AFTER_SUBJECT,
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING,
    SUBORDINATORS,
    is_adjective,
    is_adverb,
    is_english,
    is_noun,
    is_participle,
    is_past,
    present,
    verb_lemma,
)
from extract.enrich.headlines import Clause, abbreviated, without_dates

MAX_LABEL_WORDS = 6
DANGLING_WORDS = PREPOSITIONS | DETERMINERS | {"and", "or"}  # a label does not end with one
# Meetings are named by their place: "Trump and Kim meet in Singapore" -> "Singapore summit".
MEETING_VERBS = {"meet": "summit", "hold": "", "host": "summit", "visit": "visit"}
# Objects too light to name an event ("take office", "take place"): keep the verb phrase.
LIGHT_OBJECTS = frozenset("office place power effect part hold shape".split())
SPEECH_NOUNS = {
    "say": "statement",
    "announce": "announcement",
    "warn": "warning",
    "accuse": "accusation",
    "threaten": "threat",
    "urge": "appeal",
    "vow": "vow",
    "declare": "declaration",
    "deny": "denial",
    "claim": "claim",
    "call": "call",
    "tell": "statement",
    "report": "report",
    "confirm": "confirmation",
}


def label_of(clause: Clause) -> str:
    """A 2-6 word name for the event of a clause."""
    words = _label_words(clause)
    words = [w for w in words if w not in (",", "-")][:MAX_LABEL_WORDS]
    while len(words) > 2 and words[-1].lower() in DANGLING_WORDS:
        if words[-1].lower() in PARTICLE_WORDS and verb_lemma(words[-2].lower()):
            break  # "Talks break off"
        words.pop()
    return abbreviated(" ".join(words))


def _label_words(clause: Clause) -> list[str]:
    rest = without_dates(clause.rest)  # "said on Monday ...": no date
    if not clause.verb:  # an event told as a noun phrase: its head, up to "of <what>"
        return _noun_phrase_label(rest) or clause.subject.split()[-3:]
    lemma, *particle = clause.verb.split()
    place = _place(rest)
    if lemma in MEETING_VERBS and place:
        noun = MEETING_VERBS[lemma] or _head(rest) or "meeting"
        return [place, noun]
    intended = _object(rest[2:]) if len(rest) > 2 and rest[0].lower() == "to" else []
    if intended and verb_lemma(rest[1].lower()):  # "offers to hold talks": "Talks offered"
        return [*intended, _participle(lemma)]
    if lemma in REPORTING or lemma in SPEECH_NOUNS:
        reported = _reported(rest)  # "says it placed a spy satellite": what was said happened
        if reported:
            return reported
        return [*_short(clause.subject), SPEECH_NOUNS.get(lemma, "statement")]
    subject = _short(clause.subject)
    if lemma in LINKING_VERBS and rest:  # "Putin becomes first Kremlin leader"
        complement = _object([w for w in rest if not _adverb(w)]) or _content(rest)[:3]
        return [*subject, present(lemma, clause.plural), *complement]
    if lemma == "be":  # "Military solutions are now fully in place", "the island was the target"
        complement = [w for w in rest if not _adverb(w)]
        complement = _object(complement) or _content(complement)[:3]
        return [*subject, *complement] if clause.form in BE_FORMS else complement
    gerund = verb_lemma(rest[0].lower()) if rest and rest[0].lower().endswith("ing") else None
    if gerund and _object(rest[1:]):  # "began removing land mines": "Land mines removed"
        return [*_object(rest[1:]), _participle(gerund)]
    obj = _object(rest)
    key = _key_name(rest, obj)
    said = obj and obj[-1].lower() in SAID_OBJECTS and lemma in SAYING_LIGHT_VERBS
    if said and subject and subject[0].lower() not in PRONOUNS:
        return [*subject, obj[-1].lower()]  # "Kim Yo Jong issued a statement": whose statement
    if clause.passive and subject and obj and not any(is_noun(w) for w in obj):
        return [*subject, clause.form, *obj]  # "A South Korean tourist shot dead"
    if obj and (len(obj) > 1 or obj[0].lower() not in LIGHT_OBJECTS):  # not 'take office'
        participle = clause.form if clause.passive else _participle(lemma)
        return [*key, *obj, participle, *particle]
    verb = clause.form if clause.passive else present(lemma, clause.plural)
    if not obj and rest[:1] == ["with"] and rest[1:2] and rest[1][:1].isupper():
        # "Kim Jong Un meets with Trump"
        obj = ["with", *_object(rest[1:])]
    return [*subject, verb, *particle, *obj]


# "made the announcement", "issued a statement": a statement, named by who made it.
SAID_OBJECTS = frozenset("announcement statement remarks comments speech decision address".split())
SAYING_LIGHT_VERBS = frozenset("make issue give deliver release".split())
LINKING_VERBS = frozenset("become remain".split())  # what the subject is, not what it did
BE_FORMS = frozenset("be been being is are was were".split())
STILL_WORDS = ADVERBS_AFTER_SUBJECT | frozenset("just yet hard".split())


def _adverb(word: str) -> bool:
    """'now', 'fully' (not 'in', which may be an adverb too)."""
    lower = word.lower()
    return lower in STILL_WORDS or (lower.endswith("ly") and is_adverb(lower))


MODALS = frozenset("will would can could may might shall should must".split())
PASSIVE_AUXILIARIES = BE_FORMS | MODALS


def _reported(rest: list[str]) -> list[str]:
    """The label of a reported clause: its first verb's object and participle ('says it placed
    a spy satellite', 'says it is pulling its workers out', 'will suspend the pact'), or its
    subject for a passive ('says the lines will be severed': 'Lines severed')."""
    for index, word in enumerate(rest):
        lower = word.lower()
        lemma = verb_lemma(lower)
        if lemma in REPORTING or lemma in SPEECH_NOUNS:
            return []  # "says it has told the U.S.": a statement about a statement
        if not lemma or lemma in ("be", "have", "will", "would", "do"):
            continue
        previous = rest[index - 1].lower() if index else ""
        progressive = lower.endswith("ing") and previous in BE_FORMS
        modal = lower == lemma and any(w.lower() in MODALS for w in rest[max(index - 2, 0) : index])
        if not (is_past(word) or progressive or modal):  # "will (partially) suspend"
            continue
        if is_past(word) and previous in BE_FORMS:  # a passive: what it befalls
            first_auxiliary = next(
                (i for i, w in enumerate(rest[:index]) if w.lower() in PASSIVE_AUXILIARIES), index
            )
            subject = _object(rest[:first_auxiliary])[-2:]
            return [*subject, _participle(lemma)] if subject else []
        obj = _object(rest[index + 1 :])
        particle = [w for w in rest[index + 1 : index + 6] if w.lower() in PARTICLE_WORDS][:1]
        return [*obj, _participle(lemma), *particle] if obj else []  # "Workers pulled out"
    return []


# Names that tell nothing about which event it was (the actors are a column of their own).
ACTOR_NAMES = frozenset(
    """North South Korea Korean Koreas U.S. United States America American China Chinese
    Japan Japanese Russia Russian Seoul Pyongyang Washington Beijing Tokyo Moscow DPRK ROK
    UN U.N. The""".split()
)


def _key_name(rest: list[str], obj: list[str]) -> list[str]:
    """A proper name after the object that says where or what ('operations ... at Kaesong'):
    prefixed to the label when the object holds none."""
    if any(word[:1].isupper() for word in obj):
        return []
    following = [word.strip(",.") for word in rest[len(obj) :][:8]]
    index = 0
    while index < len(following):
        word = following[index]
        run = [word]
        while word[:1].isupper() and index + len(run) < len(following):
            if not following[index + len(run)][:1].isupper():
                break
            run.append(following[index + len(run)])
        index += len(run)
        if word[:1].isupper() and word.lower() not in DETERMINERS and _place_name(run):
            return [word]
    return []


def _place_name(run: list[str]) -> bool:
    """A run of capitalised words that a place's own name opens ('Kaesong', 'the Kaesong
    Industrial Complex', 'the Yalu River', 'Pyeongchang Olympics', 'Punggye-ri'); not an actor's
    ('UN Security Council'), a person's ('Kim Jong Un') or an English word ('the Demilitarized
    Zone', 'Mount Kumgang', 'the Northern Limit Line', 'South Korean-built')."""
    first = run[0]
    if is_english(first) or first.lower() in NOT_PLACES or ACTOR_NAMES & set(run):
        return False
    if "-" in first and is_past(first.rsplit("-", 1)[1]):
        return False  # "Korean-built" (not "K-pop")
    return len(run) == 1 or any(is_english(w) or w.lower() in NAMED_EVENTS for w in run[1:])


NAMED_EVENTS = frozenset({"olympics"})
# Capitalised words that are no place's own name though the lexicon does not know them.
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    northern southern eastern western""".split()
)


@lru_cache(maxsize=8192)
def _participle(lemma: str) -> str:
    forms = getInflection(lemma, tag="VBN")
    return forms[0] if forms else lemma


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w.lower() not in DETERMINERS and w not in (",", "-")]


# "one of its guard posts", "sections of two roads": the phrase after "of" names the object.
PARTITIVES = frozenset(
    """one some part parts sections section most all hundreds thousands dozens scores number
    numbers lots series decades years months weeks days""".split()
)
PHRASE_ENDS = PREPOSITIONS | SUBORDINATORS  # where an object's noun phrase ends


def _object(rest: list[str]) -> list[str]:
    """The noun phrase right after the verb, without articles, up to three words."""
    rest = _without_quantity(rest)
    if len(rest) > 3 and rest[1].lower() in PARTITIVES and rest[2].lower() == "of":
        rest = rest[3:]  # "large numbers of balloons"
    elif len(rest) > 2 and rest[0].lower() in PARTITIVES_AND_UNITS and rest[1].lower() == "of":
        rest = rest[2:]
    phrase: list[str] = []
    skip_to = 0
    for index, word in enumerate(rest):
        if index < skip_to:
            continue
        lower = word.lower()
        if lower == "and" and phrase and all(_modifier(w) for w in phrase):
            # "its sixth and most powerful nuclear test": the modifiers joined to the first go
            after = index + 1
            while after < len(rest) and (rest[after].lower() == "most" or _modifier(rest[after])):
                after += 1
            if after > index + 1 and after < len(rest) and is_noun(rest[after].lower()):
                skip_to = after
                continue
        if lower in PHRASE_ENDS or lower in (
            "and",
            "or",
            "to",
            "that",
            "which",
            ",",
            "-",
        ):
            break
        if lower.endswith("ing") and verb_lemma(lower) and not _noun_in_ing(rest, index):
            break  # "propaganda using balloons" (not "a security meeting")
        if lower in PRONOUNS or lower in AUXILIARIES:  # "relatives they had not seen"
            break
        if lower == "there" or lower in MEASURES or (word.islower() and lower in DIRECTIONS):
            break  # "agreed there will be", "flew about 950 km", "lands south of"
        if _adverb(lower):
            following = rest[index + 1].lower() if index + 1 < len(rest) else ""
            if not following or following in PHRASE_ENDS or following == ",":
                break  # "signed shortly after": no object
            if following[:1].isdigit():
                continue  # "roughly 11,000 troops"
        if phrase and is_participle(lower) and not is_adverb(phrase[-1]):
            break  # "balloons filled with trash" (not "domestically grown rice")

        if phrase and lower in PARTICLE_WORDS:  # "pulling its workers out"
            break
        counted = rest[index + 1 : index + 2] not in (["times"], ["time"])
        if lower[:1].isdigit() and not phrase and counted:
            continue  # "its 53,000 workers"
        if lower in ("times", "time", "again", "together") or (lower[:1].isdigit() and not phrase):
            if phrase and phrase[-1].lower() in NUMBER_WORDS:
                phrase.pop()  # "tested a device six times"
            break  # "met three times": no object
        if lower in DETERMINERS or (lower.endswith(("’s", "'s")) and lower in ("its’s",)):
            continue
        phrase.append(word)
    start = max(0, len(phrase) - 3)
    while start > 0 and len(phrase) - start < 5 and phrase[start][:1].isupper():
        if not phrase[start - 1][:1].isupper():
            break
        start -= 1  # "New Year's Day address": a name is not cut
    return phrase[start:]


def _modifier(word: str) -> bool:
    """An ordinal or a word that is only an adjective ('sixth', 'powerful')."""
    lower = word.lower()
    return lower in ORDINALS or is_adjective(lower)


ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
PARTICLE_WORDS = frozenset("out off up down back away".split())
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
# Measures are no object: "flew about 950 km".
MEASURES = frozenset(
    "km kilometers kilometres miles meters metres feet percent % degrees hours minutes".split()
)
# Units a label looks through: "50,000 tons of rice" is rice.
UNITS = frozenset("tons tonnes kilograms barrels pieces units bags boxes".split())
# Money is a quantity: "1.25 trillion won".
CURRENCIES = frozenset("won dollars yen yuan euros".split())
LARGE_NUMBERS = frozenset("hundred thousand million billion trillion".split())
AMOUNTS = LARGE_NUMBERS | CURRENCIES  # "1.25 trillion won"
PARTITIVES_AND_UNITS = PARTITIVES | UNITS  # "sections of roads", "tons of rice"
QUANTIFIERS = frozenset(
    "more less fewer than at least about nearly almost around over some all".split()
)
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds".split())


def _noun_in_ing(rest: list[str], index: int) -> bool:
    """'a security meeting', 'the testing pace': a noun in -ing, not a verb taking an object
    ('ending a moratorium')."""
    following = rest[index + 1] if index + 1 < len(rest) else ""
    lower = following.lower()
    takes_object = lower in DETERMINERS or lower in PRONOUNS or following[:1].isupper()
    return is_noun(rest[index].lower()) and not takes_object


def _without_quantity(rest: list[str]) -> list[str]:
    """'more than 80 ballistic missiles' -> 'ballistic missiles' ('met 3 times' stays)."""
    index = 0
    while index < len(rest) and rest[index].lower() in QUANTIFIERS:
        if not any(word[:1].isdigit() for word in rest[index : index + 3]):
            return rest
        index += 1
    counted = index + 1 < len(rest) and rest[index + 1].lower() not in ("times", "time")
    if index < len(rest) and rest[index][:1].isdigit() and counted:
        index += 1
        while index < len(rest) and rest[index].lower() in AMOUNTS:
            index += 1  # "1.25 trillion won"
    return rest[index:]


def _place(rest: list[str]) -> str:
    """The capitalised place after 'in' or 'at' ('in Singapore', 'at Panmunjom')."""
    for index, word in enumerate(rest[:-1]):
        following = rest[index + 1]
        if word.lower() in ("in", "at") and following[:1].isupper():
            return following.rstrip(",")
    return ""


def _head(rest: list[str]) -> str:
    obj = _object(rest)
    return obj[-1] if obj else ""


SUBJECT_OPENERS = DETERMINERS | {"and", "or", "but"}  # not the first word of a label's subject


def _short(subject: str) -> list[str]:
    """A subject for a label: up to its first preposition, at most three words ('U.S. Special
    Representative for North Korea' -> 'U.S. Special Representative')."""
    words: list[str] = []
    for word in subject.split():
        if (word.lower() in PREPOSITIONS and words) or word.lower() == "including":
            break
        if word.lower() not in PREPOSITIONS:  # "With North Korea's (advances)": past the "With"
            words.append(word)
    words = words[-3:]
    while words and words[0].lower() in SUBJECT_OPENERS:
        words.pop(0)  # "South and North Korea": "North Korea"; "A moratorium": "Moratorium"
    return words


def _noun_phrase_label(rest: list[str]) -> list[str]:
    """'South Korean offer of high-level talks with ...' -> 'South Korean offer of talks'."""
    words = _content(rest)
    if "of" in [w.lower() for w in words[:4]]:
        cut = [w.lower() for w in words].index("of")
        following = [w for w in words[cut + 1 :] if w.lower() not in PREPOSITIONS][:2]
        return [*words[:cut], "of", *following][:MAX_LABEL_WORDS]
    head = []
    for word in words:
        if word.lower() in PREPOSITIONS and head:
            break
        head.append(word)
    owners = [i for i, word in enumerate(head) if word.endswith(("'s", "’s"))]
    if len(head) > 4 and owners and len(head) - owners[-1] > 2:
        head = head[owners[-1] + 1 :]  # "U.S. intelligence community’s annual threat assessment"
    return head[:4]
