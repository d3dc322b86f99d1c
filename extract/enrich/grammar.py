"""Just enough English grammar for headlines: words with their offsets and a coarse word class,
verb groups, and present-tense forms.

A statistical tagger would need a model downloaded at run time; news sentences are regular enough
for closed word lists, morphology (lemminflect's tables, which ship with the package) and a few
position rules: a past form after a determiner is an adjective ("a failed launch"), an -ing form
after one is a noun ("the meeting"), a capitalised word inside a sentence is a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas, getInflection

from extract.dating.calendar import WEEKDAYS
from extract.dating.vocabulary import SCHEDULE_VERBS

WORD_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-[A-Za-z0-9]+)*|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|[A-Za-z0-9][A-Za-z0-9’'.\-]*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]"
)

DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your some any no every each "
    "another such both all".split()
)
PRONOUNS = frozenset("he she it they we i you him them us".split())
PREPOSITIONS = frozenset(
    """in on at by for with from to of into onto over under about against during through across
    near toward towards between among via per without within along amid despite beyond behind
    around off upon like than as aboard inside outside beside below above""".split()
)
CONJUNCTIONS = frozenset("and or but nor".split())
SUBORDINATORS = frozenset(
    """after before because since when while although though until if unless whereas once
    whether where""".split()
)
RELATIVES = frozenset("which who whom whose".split())
AUXILIARIES = frozenset(
    """is are was were be been being am has have had do does did will would shall should can
    could may might must 'll ’ll""".split()
)
# Verbs that report speech or findings: a date next to one dates the saying.
REPORTING = frozenset(
    """say says said tell tells told announce announces announced report reports reported add
    adds added stated claim claims claimed warn warns warned insist insists insisted
    confirm confirms confirmed note notes noted accuse accuses accused deny denies denied allege
    alleges alleged argue argues argued declare declares declared threaten threatens threatened
    vow vows vowed urge urges urged call calls called posted tweet tweets tweeted writes
    wrote""".split()
)
# Verbs a that-clause after their object tells the content of, beyond the reporting verbs:
# "telling supporters at the headquarters that he accepted", "hear from a contact that".
CONTENT_VERBS = frozenset(
    """telling saying announcing warning insisting arguing noting adding hear hears heard
    learn learns learned learnt know knows knew show shows showed shown convince convinced
    persuade persuaded assure assured assuring remind reminded reminding""".split()
)
# Nouns a that-clause tells the content of ("reports that the North ..."), not a relative's.
COMPLEMENT_NOUNS = frozenset(
    """evidence fact claim claims report reports hope hopes news sign signs warning warnings
    assurance assurances belief view idea concern concerns fear fears suggestion proof rumors
    rumours statement possibility likelihood chance risk expectation expectations promise
    pledge threat doubt doubts notion assessment conclusion argument""".split()
)
# Participles that give a noun its name right after it ("a village called Panmunjom").
NAMING_PARTICIPLES = frozenset("called named dubbed titled".split())
# -s words that are nearly always nouns in news text, even after a name ("North Korea talks").
PLURAL_NOUNS = frozenset(
    """talks tests launches drills exercises sanctions relations forces officials missiles
    leaders troops weapons ties years months weeks days times plans efforts calls visits
    meetings reports attacks threats hopes needs means news""".split()
)
# Past forms that are usually adjectives in news ("limited", "united").
NOT_VERBS = frozenset(
    """united limited based armed red need indeed hundred willing leading following ongoing
    upcoming remaining existing outstanding""".split()
)


@dataclass(unsafe_hash=True, slots=True)  # never changed; not frozen (5x slower to build)
class Word:
    text: str
    start: int  # offset in the analysed text
    end: int
    kind: str  # see tag()
    lower: str = field(repr=False, compare=False)  # text.lower(), read often: made once


@lru_cache(maxsize=8192)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a word by word class, remembered (shared: not to be changed)."""
    return getAllLemmas(word)


@lru_cache(maxsize=16384)
def is_english(word: str) -> bool:
    """A word the lexicon knows ('Mount', 'Supreme'), not a foreign name ('Kaesong')."""
    return bool(word_lemmas(word.lower()))


def is_noun(word: str) -> bool:
    """'meeting', 'training' (nouns in -ing too), not 'using'."""
    return "NOUN" in word_lemmas(word.lower())


def is_adverb(word: str) -> bool:
    """'reportedly', 'largely', 'also' (not 'assembly', 'family', 'early')."""
    lemmas = word_lemmas(word.lower())
    return "ADV" in lemmas and "NOUN" not in lemmas and "ADJ" not in lemmas


@lru_cache(maxsize=16384)
def is_adjective(word: str) -> bool:
    """A word that is only an adjective ('next', 'new'): a past form after it is one too."""
    lemmas = word_lemmas(word)
    return "ADJ" in lemmas and "NOUN" not in lemmas and "VERB" not in lemmas


# Nouns that make a compound verb with the verb after them: "test-fired", "test launched".
VERB_PREFIXES = frozenset({"test"})
COMPOUNDED_VERBS = frozenset({"launch", "fire"})  # "test launched", not "the test took place"


def _compound(word: str) -> tuple[str, str]:
    """'test-fired' -> ('test-', 'fired'), 'test launched' -> ('test-', 'launched'); any other
    word -> ('', word)."""
    for separator in "- ":
        head, found, tail = word.partition(separator)
        if found and head in VERB_PREFIXES and tail:
            return f"{head}-", tail
    return "", word


@lru_cache(maxsize=16384)
def verb_lemma(word: str) -> str | None:
    """The verb a word is a form of ('met' -> 'meet', 'test-fired' -> 'test-fire'), or None."""
    prefix, tail = _compound(word.lower())
    lemmas = word_lemmas(tail).get("VERB")
    return prefix + lemmas[0] if lemmas else None


@lru_cache(maxsize=16384)
def is_past(word: str) -> bool:
    """'halted', 'met', 'blew', 'shut', 'test-fired' (a past or past participle form of a
    verb)."""
    _, lower = _compound(word.lower())
    if lower in NOT_VERBS:
        return False
    lemma = verb_lemma(lower)
    if lemma is None:
        return False
    forms = _inflections(lemma)
    return lower in forms.get("VBD", ()) or lower in forms.get("VBN", ())


@lru_cache(maxsize=16384)
def is_participle(word: str) -> bool:
    """'signed', 'held', 'blown' (not 'began', 'blew')."""
    _, lower = _compound(word.lower())
    lemma = verb_lemma(lower)
    return lemma is not None and lower in _participles(lemma)


@lru_cache(maxsize=8192)
def _participles(lemma: str) -> tuple[str, ...]:
    """The past participles of a verb (lemminflect lists a regular one only under VBD)."""
    return tuple(getInflection(lemma, tag="VBN"))


@lru_cache(maxsize=8192)
def _inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    return getAllInflections(lemma, upos="VERB")


@lru_cache(maxsize=16384)
def present(lemma: str, plural: bool) -> str:
    """The headline present of a verb: 'meets' (one subject) or 'meet' (several)."""
    if lemma == "be":
        return "are" if plural else "is"
    if plural:
        return lemma
    forms = getInflection(lemma, tag="VBZ")
    return forms[0] if forms else lemma + "s"


# Reporting verbs followed directly by what was reported ("says the North's radio made ...").
SAYING = frozenset(
    """say says said announce announces announced report reports reported add adds added claim
    claims claimed note notes noted stated insist insists insisted confirm confirms
    confirmed posted tweet tweets tweeted writes wrote""".split()
)
CONTRACTED_PRONOUN_RE = re.compile(r"(?:he|she|it|they|we|i|you)[’'](?:d|ll|s|re|ve|m)$")
NUMBER_WORDS = frozenset("hundred thousand million billion trillion".split())
SENTENCE_OPENERS = frozenset({".", ":", "“", '"', "(", "—", "–", "-"})


def tag(words: list[str], lowers: list[str]) -> list[str]:
    """A coarse word class for each word of a sentence (`lowers`: the words lower-cased):
    DET PRON PREP CONJ SUB REL AUX REPORT PAST ING PRES BASE NAME NUM PUNCT WORD."""
    kinds: list[str] = []
    previous = previous_word = ""  # the kind and the word before
    for index, word in enumerate(words):
        lower = lowers[index]
        if not word[0].isalnum():
            kind = "PUNCT"
        elif word[0].isdigit():
            kind = "NUM"
        elif lower == "that" and index + 1 < len(words) and lowers[index + 1] in AUXILIARIES:
            kind = "REL"  # "the progress that was made": not a determiner before a verb
        elif (
            lower == "that"
            and previous in ("WORD", "NAME")
            and index + 1 < len(words)
            and is_past(lowers[index + 1])
        ):
            kind = "REL"  # "a forest fire that broke out on Sunday"
        elif (
            lower == "that"
            and previous == "WORD"
            # ("a promise from his mother that they would meet")
            and not COMPLEMENT_NOUNS.intersection(lowers[max(0, index - 5) : index])
            and is_noun(previous_word)
            and "DET" in kinds[max(0, index - 4) : index - 1]  # "the (joint field) exercises"
            # ("told the court that his client", "telling supporters ... that he"): what was told
            and "REPORT" not in kinds
            and not CONTENT_VERBS.intersection(lowers[:index])
            and index + 1 < len(words)
            and (
                lowers[index + 1]
                in ("the", "a", "an", "its", "his", "her", "their", "he", "she", "they")
                or words[index + 1][0].isupper()  # "the treaty that Kim Jong Un signed"
            )
        ):
            kind = "REL"  # "the exercises that the alliance scaled back": no determiner
        elif lower in DETERMINERS and not (lower == "that" and _after_report(kinds, index)):
            kind = "DET"
        elif lower in PRONOUNS or (_contracted(lower) and CONTRACTED_PRONOUN_RE.match(lower)):
            kind = "PRON"  # "he’d", "they're"
        elif word[0].isupper() and index > 0 and previous_word not in SENTENCE_OPENERS:
            kind = "NAME"  # "the United States", "in May", ", Sung Kim,": a name, not a verb
        elif lower in DO_FORMS and _do_as_verb(lowers, index):
            kind = "PAST" if lower == "did" else "PRES"  # "when they did the first test"
        elif lower in AUXILIARIES:
            kind = "AUX"
        elif lower in RELATIVES or (lower == "that" and previous not in ("DET",)):
            kind = "REL"
        elif lower in CONJUNCTIONS:
            kind = "CONJ"
        elif lower in SUBORDINATORS:
            kind = "SUB"
        elif lower in PREPOSITIONS:
            kind = "PREP"
        elif (
            lower in NAMING_PARTICIPLES
            and previous == "WORD"
            and index + 1 < len(words)
            and words[index + 1][0].isupper()
            and lowers[index + 1] not in WEEKDAYS
        ):
            kind = "WORD"  # "a village called Panmunjom": the noun's name, not a verb
        elif lower in REPORTING and previous not in ("DET",) and not previous_word.endswith("'s"):
            kind = "REPORT"
        elif (
            is_past(lower)
            and previous not in ("DET", "PREP", "NUM")  # not "1.25 trillion won"
            and previous_word not in NUMBER_WORDS
            and previous_word not in ("get", "gets", "getting", "got")  # "got married"
            and not previous_word.endswith(("'s", "’s"))
            # (but "and later fired": after a conjunction "later" is an adverb)
            and not (
                is_adjective(previous_word)
                and not (
                    previous_word in ("later", "soon") and index > 1 and kinds[index - 2] == "CONJ"
                )
            )
            and not (previous_word.endswith("ly") and index > 1 and kinds[index - 2] == "DET")
        ):
            kind = "PAST"  # not "a failed launch", "North Korea's failed launch", "next scheduled"
        elif (
            lower.endswith("ing")
            and verb_lemma(lower)
            and previous != "DET"
            and lower not in NOT_VERBS
        ):
            kind = "ING"
        elif (
            previous == "AUX"
            and lower in ADVERBS_BEFORE_PARTICIPLE
            and index + 1 < len(words)
            and is_past(lowers[index + 1])
        ):
            kind = "WORD"  # "were last held", "was first tested": an adverb, not "to last"
        elif (
            previous == "AUX"
            or (
                index > 1
                and kinds[index - 2] == "AUX"
                and is_adverb(previous_word)
                and previous_word not in PREPOSITIONS  # "had been in place": a noun
            )
        ) and verb_lemma(lower) == lower:
            kind = "BASE"  # "will host", "did not respond", "would partially suspend"
        elif _is_present(words, lowers, kinds, index):
            kind = "PRES"
        elif word[0].isupper():
            kind = "NAME"
        else:
            kind = "WORD"
        kinds.append(kind)
        previous, previous_word = kind, lower
    return kinds


DO_FORMS = frozenset("did does".split())
QUESTION_WORDS = frozenset("when why how what where which who whom whose".split())


def _do_as_verb(lowers: list[str], index: int) -> bool:
    """'did'/'does' before a determiner is the verb 'do' ("did its first nuclear test"), unless
    it asks ("When did the war end?")."""
    return (
        index + 1 < len(lowers)
        and lowers[index + 1] in DETERMINERS
        and lowers[index + 1] != "that"
        and not (index and lowers[index - 1] in QUESTION_WORDS)
        and lowers[0] not in QUESTION_WORDS
    )


def _contracted(lower: str) -> bool:
    """An apostrophe, which every contracted pronoun has (a cheap test before the pattern)."""
    return "'" in lower or "’" in lower


PARTICLE_WORDS = frozenset("up down off out over back away".split())
# Words between an auxiliary and a participle that are adverbs there ("were last held").
ADVERBS_BEFORE_PARTICIPLE = frozenset("last first once".split())
# Words that may follow a verb where an object would ("lands south of", "kills millions").
OBJECT_ADVERBS = frozenset(
    "south north east west near home abroad millions thousands hundreds dozens".split()
)


def _after_report(kinds: list[str], index: int) -> bool:
    """'said that', 'said Friday that', 'said on Friday that': 'that' opens what was said."""
    recent = kinds[max(0, index - 3) : index]
    if recent[-1:] in (["REPORT"], ["PAST"]):
        return True
    if "REPORT" not in recent:
        return False
    last = len(recent) - 1 - recent[::-1].index("REPORT")
    return all(kind in ("NAME", "PREP", "NUM") for kind in recent[last + 1 :])


# Adverbs between a subject and its verb: "It next plays", "Seoul now wants".
ADVERBS_AFTER_SUBJECT = frozenset("now also still then already again later next soon".split())


def _verb_before(kinds: list[str], index: int) -> bool:
    """A verb earlier in the same clause (back to a punctuation mark, a conjunction, a
    relative or a subordinator; a pronoun opens a clause of its own)."""
    for kind in reversed(kinds[:index]):
        if kind in ("PUNCT", "CONJ", "REL", "SUB", "PRON"):
            return False
        if kind in ("PAST", "PRES", "REPORT", "ING"):
            return True
    return False


def _after_relative_insertion(lowers: list[str], kinds: list[str], index: int) -> bool:
    """Whether the comma before `index` closes ', who/which ...,' after a name."""
    opening = next((j for j in range(index - 2, 0, -1) if lowers[j] == ","), None)
    return (
        opening is not None
        and kinds[opening + 1] == "REL"
        and lowers[opening + 1] in ("who", "which")
        and kinds[opening - 1] == "NAME"
    )


def _is_present(words: list[str], lowers: list[str], kinds: list[str], index: int) -> bool:
    """A verb in the present after its subject: 'North Korea blows up ...', 'The two Koreas hold
    their ...', 'A North Korean missile lands south ...' (not 'talks' or 'tests', nouns there).
    A word that can also be a noun counts only before an object, a preposition or a particle
    (`lowers`: the words lower-cased)."""
    lower = lowers[index]
    after_pronoun = index > 0 and kinds[index - 1] == "PRON"  # "It plans to submit ..."
    if (
        lower in PLURAL_NOUNS and not after_pronoun and not _name_acts_on_name(words, kinds, index)
    ) or lower.endswith("ss"):
        return False
    lemma = verb_lemma(lower)
    if lemma is None:
        return False
    third_person = lower.endswith("s") and lemma != lower
    if not third_person and lemma != lower:
        return False
    previous = kinds[index - 1] if index else ""
    previous_word = lowers[index - 1] if index else ""
    if lemma in SCHEDULE_VERBS:
        # "The two days of games begin on Wednesday ... and end on Thursday", "His term ends
        # in February": a schedule
        following = lowers[index + 1] if index + 1 < len(words) else "."
        # (the date itself may be blanked out: "His term ends [in February].")
        timed = following in ("on", "at", "in", "with", ".", ",", ";") or following in WEEKDAYS
        plural_subject = previous == "WORD" and (previous_word.endswith("s") or third_person)
        coordinated = previous == "CONJ" and any(k in ("PRES", "PAST") for k in kinds[:index])
        if timed and (plural_subject or coordinated):
            return True
    before_previous = kinds[index - 2] if index > 1 else ""
    if previous_word in ADVERBS_AFTER_SUBJECT and before_previous in ("NAME", "PRON"):
        previous, previous_word = before_previous, lowers[index - 2]  # "It next plays"
        before_previous = kinds[index - 3] if index > 2 else ""
    if previous in ("NAME", "WORD") and _verb_before(kinds, index):
        return False  # "halted its loudspeaker broadcasts along", "prompting evacuation orders"
        # on": the object of the verb before
    following_word = lowers[index + 1] if index + 1 < len(words) else ""
    if (
        previous_word == ","
        and third_person
        and (
            following_word in PREPOSITIONS
            or following_word in DETERMINERS
            or following_word in SUBORDINATORS
            or following_word in PARTICLE_WORDS  # "The summit, in Hanoi, breaks down over"
        )
    ):
        previous = "NAME"  # a caption: "Sung Kim, speaks after ...", "Park, second from left,
        # presides over ..."
    elif previous_word == "," and third_person and _after_relative_insertion(lowers, kinds, index):
        previous = "NAME"  # "Park Young-ja, who was born in Sinuiju, turns 90"
    if previous == "REL" and previous_word in ("who", "which", "that") and third_person:
        return True  # "Yoon, who takes office on May 10"
    if previous in ("NAME", "PRON") and not third_person:
        # a base form needs a plural subject: "Trump and Kim meet", "the two Koreas hold"
        recent = lowers[max(0, index - 6) : index]
        subject = (
            previous_word.endswith("s")
            or "and" in recent
            or previous_word
            in (
                "they",
                "we",
                "i",
                "you",
            )
        )
    elif previous in ("NAME", "PRON"):
        subject = True
    elif previous == "WORD" and before_previous not in ("PREP", "DET", "CONJ", "WORD"):
        lemmas = word_lemmas(previous_word)
        plural = previous_word.endswith("s") and "NOUN" in lemmas
        subject = "NOUN" in lemmas and "ADJ" not in lemmas and (third_person or plural)
    else:
        subject = False
    if not subject:
        return False
    following = words[index + 1] if index + 1 < len(words) else ""
    if third_person and previous == "NAME" and index > 1 and kinds[index - 2] == "REL":
        return True  # "the summit, which Washington expects [by early June], ...": a verb
    if third_person and "NOUN" not in word_lemmas(lower):
        return (
            following_word not in AUXILIARIES
            and following not in (",", ".")
            and not is_past(following)
        )
    if "NOUN" in word_lemmas(lower) or not third_person:
        return (
            following_word in DETERMINERS
            or following_word in PRONOUNS
            or following_word in PREPOSITIONS
            or following_word in PARTICLE_WORDS
            or following_word in ("to", "that")
            or following_word in OBJECT_ADVERBS
            or following_word in TITLE_MODIFIERS
            or following_word.startswith(("then-", "ex-"))  # "meets then-President Medvedev"
            or following[:1].isupper()
            or following[:1].isdigit()
            or (not third_person and _plural_noun(following))  # "Koreans see relatives"
        )
    return True


# Words before a title and a name: "meets former President Moon".
TITLE_MODIFIERS = frozenset("former acting incoming outgoing".split())


def _name_acts_on_name(words: list[str], kinds: list[str], index: int) -> bool:
    """'Foreign Minister Sergei Lavrov visits Pyongyang': a word that is mostly a plural noun
    ('visits', 'talks') is a verb between a name and a name (not after a possessive)."""
    if index == 0 or index + 1 >= len(words) or kinds[index - 1] != "NAME":
        return False
    if words[index - 1].endswith(("'s", "’s")):
        return False
    return words[index + 1][:1].isupper()


def _plural_noun(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and "NOUN" in word_lemmas(lower) and verb_lemma(lower) != lower[:-1]


def split_words(text: str) -> list[tuple[str, int, int]]:
    """The words and punctuation of a text with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _join_compounds(text: str, pieces: list[tuple[str, int, int]]) -> None:
    """A verb prefix and the verb after it one word, in place ("test launched", "test-fired" is
    one already)."""
    for index in range(len(pieces) - 2, -1, -1):
        word, start, _ = pieces[index]
        following, next_start, end = pieces[index + 1]
        adjacent = word.lower() in VERB_PREFIXES and next_start == start + len(word) + 1
        if adjacent and verb_lemma(following) in COMPOUNDED_VERBS:
            pieces[index : index + 2] = [(text[start:end], start, end)]


def analyse(text: str) -> list[Word]:
    """The words of a text with offsets and word classes ("test launched" one verb)."""
    pieces = split_words(text)
    lowered = text.lower()
    if any(prefix in lowered for prefix in VERB_PREFIXES):  # (else no word lower-cases to one)
        _join_compounds(text, pieces)
    texts = [piece[0] for piece in pieces]
    lowers = [word.lower() for word in texts]
    kinds = tag(texts, lowers)
    return [
        Word(word, start, end, kind, lower)
        for (word, start, end), kind, lower in zip(pieces, kinds, lowers, strict=True)
    ]
