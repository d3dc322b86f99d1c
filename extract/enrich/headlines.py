"""Headlines and chart labels: who did what, from the clause that a date belongs to.

The date's verb is found first (the nearest verb in its clause; a fronted "In 2018," reads on to
the main clause; "said Monday" dates the saying), then that verb's subject (a relative clause's
antecedent, the subject of a coordinated or reduced clause, a pronoun resolved to the actor it
stands for) and what follows it. The verb is put in the headline's present ("North Korea halts
noise broadcasts"), a passive keeps its participle ("Treaty signed"), date words, datelines,
credits, handles, quotes and markup are left out, and the result is cut to at most twelve words
at a phrase boundary. A date that names an event noun ("before the Winter Olympics next month",
"Monday's launch") heads with that noun phrase. The chart label is the shortest name of the
event: its key name or object with the action ("Singapore summit", "Hotlines cut").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from extract.dating.holidays import HOLIDAY_WORDS
from extract.dating.tense import RAISING_VERBS
from extract.dating.vocabulary import INSTRUMENT_NOUNS, MEANS
from extract.enrich.grammar import (
    ADVERBS_AFTER_SUBJECT,
    DETERMINERS,
    PREPOSITIONS,
    SAYING,
    Word,
    analyse,
    is_adverb,
    is_participle,
    present,
    verb_lemma,
)
from extract.enrich.references import COUNTRY_RE, NAME, Discourse
from extract.prefilter import PrefilterSet
from extract.sentences import SPEAKER_LABEL_RE
from extract.table.vocabulary import ONGOING_MARKER, PLANNED_MARKER

MAX_WORDS = 13
MIN_WORDS = 3  # a shorter headline does not stand alone
MAX_LABEL_WORDS = 6
VERB_KINDS = frozenset({"PAST", "PRES", "ING", "REPORT", "BASE"})
BOUNDARY_PUNCT = frozenset(",;:—–-()[]")  # "-" alone: a dash between spaces
# Characters blanked before analysis (offsets are kept): markup, quotes, handles, links, credits.
NOISE_RES = (
    re.compile(r"\]\((?:https?|javascript|mailto):[^)\s]*\)"),  # the link part of [text](url)
    re.compile(r"https?://\S+|www\.\S+"),
    re.compile(r"(?<!\w)@\w+"),
    re.compile(r"\*\*|__|[\[\]“”\"‘]|(?<!\w)'|'(?!\w)|(?<=\s)’|’(?=\s)|#(?=\w)"),
    re.compile(r"\((?:[^()]*\b(?:Photo|photo|AP|AFP|Reuters|Yonhap|Getty|file)\b[^()]*)\)"),
    re.compile(r"\((?:[^()]{1,40})\)"),  # "(DP)", "(Democratic)", "(Figure 1)", "(ICBMs)"
    re.compile(r"^(?:FILE(?: PHOTO)?|File photo)\s*[:-]\s*"),
    re.compile(
        r"^(?:Getty Images\s+)?In this (?:handout )?(?:image|photo|picture)[^,]*,\s*",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:Getty Images|AP Photo|AFP Photo|Reuters Photo)\b[:\s-]*"),
    re.compile(r"\b(?:BREAKING|URGENT|JUST IN|UPDATE)\b\s*[:-]?\s*"),
    # a wire dateline: "SEOUL, Oct. 22 (Yonhap) -- ", "SEOUL, South Korea (AP) — "
    re.compile(
        r"^[A-Z][A-Z .'-]{2,30}(?:,[^-—–(]{0,40}?)?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s+"
    ),
    re.compile(r"^By [A-Z][a-z]+(?: [A-Z][a-z.]+){1,3}\s*(?:,|--|—)\s*"),
    # a chat message's sender and time: "[Lee Dong-hoon 1101] [10:18 AM] "
    re.compile(r"^\s*\[[^\]\n]{1,40}\]\s*\[\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\]\s*"),
    # nor is a numeric date other than the row's own: "delivery was refused on 12/30/2019"
    re.compile(r"(?:\b(?:on|by|of|from|until|since)\s+)?\b\d{1,4}([/.-])\d{1,2}\1\d{1,4}\b"),
    # a clock time is no part of a headline: "at 2:00 p.m. local time", "3:30 p.m. KST"
    re.compile(
        r"(?:\b(?:at|around|about|from|until|by)\s+)?\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
        r"(?:\s+(?:local time|[A-Z][a-z]+ time|KST|GMT|UTC|ET|EST|EDT|JST))?",
        re.IGNORECASE,
    ),
    # a parenthetical adverb between commas: "Tours to Kumgang, however, were suspended"
    re.compile(
        r",\s*(?:however|meanwhile|though|too|moreover|nonetheless|nevertheless|in turn"
        r"|for (?:its|their|his|her) part)\s*,",
        re.IGNORECASE,
    ),
)
_NOISE = PrefilterSet(NOISE_RES)
LINK_OPENING_RE = re.compile(r"\[([^\]]+)\]\(")  # the "[" of [text](url)
# Words a headline never starts with, and never ends with.
LEADING_FILLERS = frozenset(
    """and but however meanwhile also then so yet still now thus later earlier already
    reportedly largely officially initially finally again once jointly as back""".split()
)
# A phrase a headline may not start with: "According to ...", "During the summit ...".
LEADING_PREPOSITIONS = frozenset(
    "with according at in on under during after before following amid including".split()
)
# Adverbs between a subject and its verb ("first staged", "jointly announced", "next plays").
ADVERBS_BEFORE_VERB = ADVERBS_AFTER_SUBJECT | frozenset("first once jointly last".split())
TRAILING_WORDS = frozenset(PREPOSITIONS) | frozenset(
    "the a an and or but that which who its their his her this these those as to".split()
)
# Verbs whose object is told to do the event ("ordered the military to halt broadcasts").
DIRECTIVES = frozenset("instruct order direct command".split())
# Verbs that pass their subject on to an infinitive ("appeared to open", "plans to restore").
RAISING = frozenset(
    """appear seem continue begin start plan intend aim expect schedule set slate agree decide
    move prepare""".split()
)
PARTICLES = frozenset("down up off out over place back away apart".split())
SWORN = frozenset("sworn swears swear".split())  # sworn in
# Nouns that name an event: a date next to one dates that event ("the Nov. 23 shelling").
EVENT_NOUNS = frozenset(
    """summit summits talks meeting meetings test tests round olympics games election elections
    visit visits launch launches exercise exercises drills ceremony address speech shelling
    attack attacks sinking inauguration vote referendum parade congress conference plenum
    session funeral reunion reunions broadcast broadcasts incursion crisis war truce armistice
    treaty agreement declaration deal pact accord strike strikes bombing explosion assessment
    review report strategy offer proposal announcement statement decision theft hacking hack
    heist cyberattack wiping killing assassination abduction kidnapping arrest execution
    expulsion closure shutdown blast collapse withdrawal invasion""".split()
)
# Verbs whose object is an event told with its own date: "Citing North Korea's fourth nuclear
# test in January, Seoul ...", "links it to the hacking of Sony Pictures in November 2014"
RELATION_VERBS = frozenset("cite link blame attribute accuse tie connect recall trace".split())
RELATION_REACH = 40  # words back from a noun phrase to the verb whose object it may be (a list)
TITLE_WORDS = frozenset(
    """leader president chairman premier minister secretary general chief envoy spokesman
    spokeswoman spokesperson official ambassador lawmaker commander""".split()
)
NAME_TITLE_RE = re.compile(
    r"^(?:[\w.’'-]+\s+){0,6}?(?:leader|Leader|President|president|Chairman|Premier|Minister|minister"
    r"|Secretary|Comrade|General|chief|Chief)\s+((?:[A-Z][\w’'-]+[ -]?){1,3})$"
)


@dataclass
class Clause:
    """The event's clause, as a headline needs it."""

    subject: str
    verb: str  # the verb's lemma ('' when the event is a noun phrase)
    form: str  # the verb as it appears ('signed' for a passive headline)
    passive: bool
    negated: bool
    rest: list[str]  # the words after the verb: object and complements
    plural: bool = False
    adverbs: list[str] = field(default_factory=list)  # kept before the verb ("first meet")
    action: str = ""  # what happened when it is not the verb ("ordered ... to halt": halt)


def summary_of(clause: Clause, planned: bool, ongoing: bool) -> str:
    """The headline of an event's clause, marked planned/ongoing."""
    summary = abbreviated(_assemble(clause)) or "Event"
    if ongoing:
        return f"{summary} {ONGOING_MARKER}"
    return f"{summary} {PLANNED_MARKER}" if planned else summary


# Names a headline writes short, as the news does ("North Korea tests ICBMs").
ABBREVIATIONS = (
    (re.compile(r"\b[Ii]ntercontinental ballistic missile(s?)\b"), r"ICBM\1"),
    (re.compile(r"\b[Ss]ubmarine-launched ballistic missile(s?)\b"), r"SLBM\1"),
    (re.compile(r"\b(?:the )?Demilitarized Zone\b"), "the DMZ"),
)


def abbreviated(headline: str) -> str:
    """The headline (or label) with the long names news writes short."""
    for pattern, short in ABBREVIATIONS:
        headline = pattern.sub(short, headline)
    return headline[:1].upper() + headline[1:]


# A stage of an instrument's history, its date after a colon: "Promulgated: 29 December 2020",
# "Passed by the plenary session: 14 December 2020", "Entered into force: 30 March 2021".
STAGE_LINE_RE = re.compile(r"\s*[-•*]?\s*(?P<verb>[A-Z][a-z]+ed)\b(?P<rest>[^:;]{0,80}?)\s*:\s*$")
INTRANSITIVE_STAGES = frozenset("enter come".split())  # "Entered into force": not a passive


def _stage_clause(stage: re.Match[str], instrument: str) -> Clause:
    """The instrument (from the title) and the stage it went through."""
    form = stage["verb"].lower()
    lemma = verb_lemma(form) or form
    rest = stage["rest"].replace("Rep.", "Rep").split()
    passive = lemma not in INTRANSITIVE_STAGES
    return Clause(instrument.capitalize(), lemma, form, passive, False, rest)


# The signing line of an agreement's text: "Done at Kaesong on 14 September 2018, in duplicate".
DONE_AT_RE = re.compile(r"\s*Done\s+at\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s*,?\s*")
# A resolution cited with its year, in a list of them: "resolutions 1718 (2006), 1874 (" + year
CITED_RESOLUTION_RE = re.compile(
    r"\b[Rr]esolutions?(?:\s+\d{3,5}\s*\(\d{4}\),?|\s+and)*\s+(\d{3,5})\s*\(\s*$"
)


def event_clause(text: str, start: int, end: int, side: str, discourse: Discourse) -> Clause:
    """The subject, verb and rest of the clause that text[start:end] dates."""
    stage = STAGE_LINE_RE.match(text[:start])
    if stage:  # "Promulgated: 29 December 2020", "Introduced by Rep. Song ...: 17 June 2020"
        return _stage_clause(stage, discourse.instrument)
    done = DONE_AT_RE.match(text)
    if done and done.end() <= start:  # "Done at Kaesong on 14 September 2018, in duplicate"
        return Clause("Agreement", "sign", "signed", True, False, ["at", done.group(1)])
    cited = CITED_RESOLUTION_RE.search(text, max(0, start - 200), start)
    if cited:  # "resolutions 1718 (2006), 1874 (2009)": the year a resolution was adopted
        return Clause(f"Resolution {cited.group(1)}", "adopt", "adopted", True, False, [])
    words = [w for w in analyse(_clean(text, start, end)) if w.text.strip()]
    if not words:
        return Clause("", "", "", False, False, [])
    noun_phrase = _event_noun_phrase(words, start, end) or _circumstance(words, start, end)
    if noun_phrase:
        return Clause("", "", "", False, False, noun_phrase)
    verb = _anchor_verb(words, start, end, side)
    if verb is not None:
        verb = _main_verb_of_attribution(words, verb)
        verb = _past_light_verb(words, verb, end)
    if verb is None:
        return Clause("", "", "", False, False, _phrase(words, start, end))
    local = discourse.copy()  # "... came in March 2018, when he traveled": named earlier on
    local.read(text[: words[verb].start])
    local.quoting = bool(QUOTE_RE.search(text))
    before, after = _index_near(words, start, end)
    limits = {"after": (after, len(words)), "before": (0, before + 1)}.get(side, (0, len(words)))
    witnessed = _witnessed_verb(words, verb)
    if witnessed is not None:  # "I watched on television as the president sat down": his act
        verb = witnessed
    clause = _clause_of(words, verb, local, limits)
    item = _verbless_item(words, verb, start, end)
    if item:  # "met three times: at Panmunjom in April": the date's own item
        clause.rest = item
    member = INCLUDED_BEFORE_RE.search(text, max(0, start - 120), start)
    if (
        member
        and clause.verb
        and not clause.passive
        and words[verb].start < member.start()  # the verb of the whole, not the member's own
        and words[verb].kind != "REPORT"
        and len(member.group(1).split()) <= MEMBER_WORDS
        and member.group(1).split()[-1].lower() not in DETERMINERS  # "the 2010 sinking of"
    ):
        # "has launched more missiles this year, including the Hwasong-17 on March 24": the
        # member the date tells ("North Korea launches the Hwasong-17")
        clause.rest = member.group(1).split()
    told_whole = clause.subject and verb > 0 and words[verb - 1].kind == "AUX"  # "was signed"
    short = len(_assemble(clause).split()) < MIN_WORDS
    if (short or _set_off_participle(words, verb, start)) and not told_whole:
        # "The decision, made on Tuesday, came ...", "Putin, newly elected, becomes ...": the
        # main clause tells more
        main = next((i for i in range(verb + 1, len(words)) if _is_verb(words, i)), None)
        if main is not None and not _in_other_time_clause(words[verb + 1 : main]):
            # ("suspended from April 9 to Sept. 15 after North Korea withdrew": another event)
            fuller = _clause_of(words, main, local)
            if len(_assemble(fuller).split()) >= MIN_WORDS:
                return fuller
    return clause


MEMBER_WORDS = 6  # a member named in a few words ("the Hwasong-17"), not a clause of its own
# The member of a list right before its date: ", including the Hwasong-17 on March 24".
INCLUDED_BEFORE_RE = re.compile(
    r",\s+including\s+(?!(?:by|in|at|on|with|for|from|to)\s)([^,;:()]{3,80}?)"
    r"(?:\s+(?:on|in))?\s*$"
)


# Words that open a clause of an event at another time than the date's ("after North Korea
# withdrew"), unlike "when", whose clause may tell the dated event itself.
OTHER_TIME = frozenset("after before since until".split())


WITNESSING = frozenset("watch see hear".split())


def _witnessed_verb(words: list[Word], verb: int) -> int | None:
    """The verb of what a witness saw, when the dated verb only tells the watching ("I watched
    on a hotel television in Seoul as an American president sat down in Singapore"): the verb
    of the "as"/"while" clause after it, or None."""
    if (verb_lemma(words[verb].lower) or "") not in WITNESSING:
        return None
    for index in range(verb + 1, min(len(words), verb + 15)):
        word = words[index]
        if word.lower in (".", ";") or (word.kind == "PUNCT" and word.text in ".;:"):
            return None
        if word.lower in ("as", "while") and index + 1 < len(words):
            return next(
                (i for i in range(index + 2, min(len(words), index + 8)) if _is_verb(words, i)),
                None,
            )
    return None


def _in_other_time_clause(between: list[Word]) -> bool:
    """Whether the words between two verbs open a clause of another time for the second
    ("suspended ... after North Korea withdrew"), not closed by "and" ("stood before 150,000
    people and spoke")."""
    inside = False
    for word in between:
        if word.kind == "SUB" and word.lower in OTHER_TIME:
            inside = True
        elif word.kind == "CONJ":
            inside = False
    return inside


# Nouns in -ment, -al ... that are bodies or people, not an action done to a thing.
NOT_ACTIONS = frozenset(
    "Government Parliament Department General Official Professional Funeral Burial Memorial "
    "Festival Survival".split()
)


def _set_off_participle(words: list[Word], verb: int, date: int) -> bool:
    """A participle set off by commas after a noun, the date outside them ("July 19-20, 2000 -
    Putin, newly elected, becomes"): it describes the noun; the sentence's verb comes after."""
    if words[verb].kind != "PAST":
        return False
    before = verb - 1
    while before > 0 and words[before].kind == "WORD" and words[before].lower.endswith("ly"):
        before -= 1
    return (
        before > 0
        and words[before].text == ","
        and words[before - 1].kind in ("NAME", "WORD")
        and verb + 1 < len(words)
        and words[verb + 1].text == ","
        and not words[before].start <= date <= words[verb + 1].start
    )


# "the 70th anniversary of the armistice" dates the armistice: its headline tells the original
# event ("Armistice signed"), not the commemoration.
ANNIVERSARY_OF_RE = re.compile(
    r"(?P<kind>founding|foundation|birth|death)?\s*anniversary\s+of\s+(?:the\s+)?(?P<what>.+)",
    re.IGNORECASE,
)
ORIGINAL_ACT_RE = re.compile(
    r"(?P<act>start|outbreak|beginning|end|signing|founding|foundation|opening|birth|death)\s+of"
    r"\s+(?:the\s+)?(?P<what>.+)",
    re.IGNORECASE,
)
# act -> (lemma, form, passive): "the start of the Korean War" -> "Korean War begins"
ORIGINAL_ACTS = {
    "start": ("begin", "", False),
    "outbreak": ("begin", "", False),
    "beginning": ("begin", "", False),
    "end": ("end", "", False),
    "signing": ("sign", "signed", True),
    "founding": ("found", "founded", True),
    "foundation": ("found", "founded", True),
    "opening": ("open", "opened", True),
    "birth": ("bear", "born", True),
    "death": ("die", "", False),
}
WAR_RE = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,3}War\b")
# The events a bare noun names in news about the two Koreas, and the act an anniversary of it
# marks: "the anniversary of the war" is of its outbreak.
DOMAIN_EVENTS = {"armistice": ("Korean War armistice", ""), "war": ("Korean War", "start")}
SIGNED_NOUNS = frozenset("armistice agreement declaration treaty accord pact communique".split())
ANNIVERSARY_OBJECT_END_RE = re.compile(
    r"\s+(?:that|which|who|with|on|in|at|when|as|by|and)\b.*$|[,;:].*$"
)


def anniversary_clause(sentence: str, start: int, end: int) -> Clause | None:
    """The original event of an anniversary ('the 75th anniversary of the start of the Korean
    War' -> 'Korean War begins'), or None when the words do not name it. A one-word original
    takes the phrase after it ('victory in the Fatherland Liberation War') or the war the
    sentence names ('the armistice that ended the Korean War' -> 'Korean War armistice')."""
    evidence = sentence[start:end]
    match = ANNIVERSARY_OF_RE.search(evidence)
    if match is None:
        owner = BIRTHDAY_OWNER_RE.search(sentence[:start])
        if "birthday" in evidence.lower() and owner is not None:
            return Clause(owner.group(1), "bear", "born", True, False, [])  # "Kim Jong Il born"
        return None
    what = ANNIVERSARY_OBJECT_END_RE.sub("", match["what"]).strip()
    return _original_event(what, (match["kind"] or "").lower(), sentence[end:], sentence)


def dated_instrument_clause(sentence: str, start: int, end: int) -> Clause | None:
    """A date between 'the' and an instrument's name dates the instrument, whatever the clause
    says of it: 'breached the 1994 Agreed Framework' -> 'Agreed Framework signed', 'the 2018
    military agreement' -> 'Military agreement signed', 'the 1951 Refugee Convention' ->
    'Refugee Convention adopted'; None for any other date."""
    before = INSTRUMENT_OF_DATE_RE.search(sentence, max(0, start - 60), start)
    if before is not None and sentence[start:end].lower().startswith("of "):
        what, rest = before.group(1), sentence[end:]  # "The armistice of 1953 is still ..."
    elif DATED_NAME_BEFORE_RE.search(sentence, max(0, start - 5), start):
        named = DATED_INSTRUMENT_RE.match(sentence, end)
        if named is None:
            return None
        what, rest = named.group(1), sentence[named.end() :]
    else:
        return None
    head = what.split()[-1].lower()
    if len(what.split()) == 1 and head not in DOMAIN_EVENTS:
        return None  # "the 1961 treaty": which treaty, the clause tells
    if head in ADOPTED_NOUNS:
        return Clause(what[:1].upper() + what[1:], "adopt", "adopted", True, False, [])
    return _original_event(what, "signing", rest, sentence)


DATED_NAME_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
INSTRUMENTS = "(?i:" + "|".join(sorted(INSTRUMENT_NOUNS)) + ")"
# "The armistice of 1953", "the Pyongyang Declaration of 2002": the instrument before its date
INSTRUMENT_OF_DATE_RE = re.compile(
    r"\b[Tt]he\s+((?:(?:[A-Z][\w’'-]*|[a-z]+(?:-[a-z]+)?)\s+){0,3}?" + INSTRUMENTS + r")\s+$"
)
ADOPTED_NOUNS = frozenset("convention resolution charter".split())
# The instrument named right after the date: "Agreed Framework", "joint statement", "Singapore
# statement", "military agreement", "Pyongyang Declaration" (up to three words before the noun)
DATED_INSTRUMENT_RE = re.compile(
    r"\s+((?:(?:[A-Z][\w’'-]*|[a-z]+(?:-[a-z]+)?)\s+){0,3}?" + INSTRUMENTS + r")\b(?![’'-])"
)


def event_after_clause(sentence: str, start: int, end: int) -> Clause | None:
    """'three years to the day after the end of Japanese rule' dates the end of Japanese rule:
    its headline tells that event ('Japanese rule ends')."""
    following = sentence[end:]
    what = re.sub(r"^\s*(?:the\s+)?", "", re.split(r"[,.;:]", following)[0]).strip()
    return _original_event(what, "", following, sentence) if what else None


def _original_event(what: str, act: str, following: str, sentence: str) -> Clause | None:
    """The clause of an event named by a noun phrase ('the start of the Korean War'); `following`
    is the sentence after the date words."""
    if not act and (inner := ORIGINAL_ACT_RE.fullmatch(what)):
        act, what = inner["act"].lower(), inner["what"]
    words = what.split()
    if not words or words[0].lower() in ("his", "her", "its", "their", "our", "my", "your"):
        return None
    if len(words) == 1:
        phrase = PHRASE_AFTER_RE.match(following)
        war = WAR_RE.search(sentence)
        if phrase is not None:
            what += phrase.group(0).rstrip()
        elif war is not None and what.lower() in SIGNED_NOUNS:
            what = f"{war.group(0)} {what}"
        elif what.lower() in DOMAIN_EVENTS:  # "the 66th anniversary of the armistice"
            what, default_act = DOMAIN_EVENTS[what.lower()]
            act = act or default_act
    subject = what[:1].upper() + what[1:]
    if act in ORIGINAL_ACTS:
        lemma, form, passive = ORIGINAL_ACTS[act]
        return Clause(subject, lemma, form, passive, False, [])
    if what.split()[-1].lower() in SIGNED_NOUNS:
        return Clause(subject, "sign", "signed", True, False, [])
    if FOUNDED_BODY_RE.search(what):  # "the 70th anniversary of the Workers' Party"
        return Clause(subject, "found", "founded", True, False, [])
    return Clause("", "", "", False, False, [subject])


# A body whose anniversary is that of its founding: "the Workers' Party (of Korea)", "the Korean
# People's Army".
FOUNDED_BODY_RE = re.compile(r"\b(?:Party|Republic|Army|League|Union)(?:\s+of\s+[A-Z][\w.]+)*$")


# "Kim Jong Il's 63rd birthday": whose
BIRTHDAY_OWNER_RE = re.compile(r"\b((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)['’]s\s+$")
# "victory| in the great Fatherland Liberation War": the phrase that completes a one-word name
PHRASE_AFTER_RE = re.compile(
    r"\s+(?:in|of|over|against)\s+(?:the\s+)?(?:[\w’'-]+\s*){1,6}?(?=[,.;:]|\s+(?:on|at|with|by|which|that|when)\b|$)"
)


def _main_verb_of_attribution(words: list[Word], verb: int) -> int:
    """'..., state media said Wednesday.', '..., South Korea's military said, and ...': a short
    attribution between commas dates what it reports, the sentence's main clause."""
    if words[verb].kind != "REPORT":
        return verb
    low, high = _segment(words, verb)
    after = [w for w in words[verb + 1 : high] if w.kind != "PUNCT"]
    closes = high >= len(words) or _boundary(words[high]) or words[high].text == "."
    attribution = low > 0 and words[low - 1].text == "," and not after and closes
    if not attribution or verb - low > 4:
        return verb
    first = next(
        (
            i
            for i in range(low)
            if (_is_verb(words, i) or _copula(words, i)) and not _relative_verb(words, i)
        ),
        None,
    )  # ("A forest fire that broke out on Sunday crossed ...": the main verb is "crossed")
    return verb if first is None else first


def _copula(words: list[Word], index: int) -> bool:
    """'are' in 'Military solutions are now fully in place': a copula as the main verb."""
    if words[index].lower not in ("is", "are", "was", "were"):
        return False
    return not any(w.kind in VERB_KINDS for w in words[index + 1 : index + 3])


# Verbs that only place an event in time: "The worst clash came in November 2010, when ...".
LIGHT_VERBS = frozenset("come happen occur take be".split())


def _past_light_verb(words: list[Word], verb: int, end: int) -> int:
    """A light verb whose date is followed by a when-clause gives way to that clause's verb."""
    if (verb_lemma(words[verb].lower) or "") not in LIGHT_VERBS:
        return verb
    for index in range(verb + 1, len(words) - 1):
        if words[index].start >= end and words[index].lower == "when":
            following = next((i for i in range(index + 1, len(words)) if _is_verb(words, i)), None)
            return following if following is not None else verb
        if _boundary(words[index]) and words[index].text != ",":
            break
    return verb


def _verbless_item(words: list[Word], verb: int, start: int, end: int) -> list[str]:
    """The words of the date's own list item when it has no verb and follows the verb's clause
    across a colon or comma ('met three times: at Panmunjom in April, and in Pyongyang in
    September')."""
    before, _ = _index_near(words, start, end)
    if verb > before:
        return []
    low, high = _segment(words, max(before, 0))
    if low <= verb:
        return []
    item = [w for w in words[low:high] if w.kind not in ("PUNCT", "CONJ") and w.lower != "again"]
    if any(_is_verb(words, i) for i in range(low, high)) or not item:
        return []
    if item[0].lower not in ("at", "in", "on") or not any(w.kind == "NAME" for w in item):
        return []  # a place ("at Panmunjom"), not a description ("the first time")
    return [w.text for w in item]


def _clean(text: str, start: int, end: int) -> str:
    """The sentence with the date words and page noise blanked out (offsets kept)."""
    chars = list(text)
    if NAMED_DAY_RE.fullmatch(text, start, end):  # "marked Liberation Day", "the 100th
        start = end  # anniversary of the March First Movement": the name tells what happened
    possessive = POSSESSIVE_RE.match(text, end)  # "next month's Winter Olympics"
    # a preposition left hanging before the date ("on" in "on Monday"): it ends the last word
    # before it, so it is searched for from there
    last_word_end = len(text[:start].rstrip())
    hanging = HANGING_RE.search(text, max(0, last_word_end - LONGEST_HANGING), start)
    if hanging and OWN_PREPOSITION_RE.match(text, start, end):
        hanging = None  # "sworn in on Monday": the date has its own; "in" is the verb's
    left = hanging.start() if hanging else start
    if ENTRY_LABEL_RE.fullmatch(text, 0, left) and text[end : end + 2].lstrip().startswith(":"):
        left = 0  # "Also next week: The first ship ...": the entry's label, date and all
    spans = [(left, possessive.end() if possessive else end), *_noise(text)]
    speaker = SPEAKER_LABEL_RE.match(text)
    if speaker and (TIMED_RE.match(text) or not FIRST_PERSON_RE.match(text, speaker.end())):
        # "REYES: Back in oh-six, ...", "[00:02:44] LEE HAE-WON: ...": who speaks, not who acted
        spans.append(speaker.span())
    for left, right in spans:
        chars[left:right] = " " * (right - left)
    return "".join(chars)


# An untimed turn that opens with its speaker acting ("MR. PRICE: We have said ..."): the
# label is the subject; a timed turn's stamp and label ("[00:02:44] LEE HAE-WON: ") never are.
TIMED_RE = re.compile(r"\s*\[[\d:]+\]")
FIRST_PERSON_RE = re.compile(r"\s*(?:I|We|I'm|We're|I’m|We’re)\b")
# What may precede an entry's date label: "Also next week:", "Later in September:"
ENTRY_LABEL_RE = re.compile(r"\s*[-•*]*\s*(?i:also|later|then|and|meanwhile|earlier)?\s*")
# A holiday or an anniversary named without numbers of a date (the date words then say what is
# marked): kept in the headline.
NAMED_DAY_RE = re.compile(
    r"(?:(?i:on|for|at|during|since|until|by)\s+)?(?:(?:the\s+)?\d+(?:st|nd|rd|th)\s+[^\d]*"
    r"anniversary\b[^\d]*|(?:\d{4}\s+)?(?:" + HOLIDAY_WORDS + r")(?:\s+in\s+[A-Z][a-z]+)?"
    # "The three-day summit that followed"
    r"|(?i:the)\s+[\w-]+-day\s+.*\b(?:that|which)\s+followed)"
)
QUOTE_RE = re.compile(r"[\"“”]|(?:^|\s)['‘]")
POSSESSIVE_RE = re.compile(r"['’]s\b")
HANGING_WORDS = "for on in at by since until from through during".split()
HANGING_RE = re.compile(rf"\b(?i:{'|'.join(HANGING_WORDS)})\s+$")  # 'In' too
LONGEST_HANGING = max(map(len, HANGING_WORDS))
OWN_PREPOSITION_RE = re.compile(rf"(?i:{'|'.join(HANGING_WORDS)})\s")


@lru_cache(maxsize=1024)
def _noise(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of page noise in a sentence (found once for all the rows of the sentence)."""
    spans = [match.span() for matches in _NOISE.finditer_each(text) for match in matches]
    spans.extend((m.start(), m.start() + 1) for m in LINK_OPENING_RE.finditer(text))
    return tuple(spans)


def _index_near(words: list[Word], start: int, end: int) -> tuple[int, int]:
    """The indices of the words just before and just after the blanked date (the words are in
    textual order and apart, so both are found by bisection)."""
    before = bisect_right(words, start, key=_END) - 1
    after = bisect_left(words, end, key=_START)
    return before, after


_START, _END = attrgetter("start"), attrgetter("end")


def _boundary(word: Word) -> bool:
    return word.kind == "PUNCT" and word.text in BOUNDARY_PUNCT


def _anchor_verb(words: list[Word], start: int, end: int, side: str) -> int | None:
    """The index of the verb the date belongs to: the nearest verb, a clause boundary counting
    as five words; left of the date first (a fronted date reads on to the right)."""
    before, after = _index_near(words, start, end)
    fronted = all(_boundary(w) or w.kind in ("PREP", "SUB", "DET") for w in words[: before + 1])
    # boundaries and clause openers among the first k words, for any k: counted once
    boundaries, openers_before, conjunctions = [0], [0], [0]  # and clauses joined by "and"
    for index, word in enumerate(words):
        boundaries.append(boundaries[-1] + _boundary(word))
        openers_before.append(openers_before[-1] + _clause_opener(words, index))
        conjunctions.append(conjunctions[-1] + (word.kind == "CONJ" and _opens(words, index)))
    best: tuple[float, int] | None = None
    # "A forest fire that broke out ... on Sunday crossed the line": a date in a relative clause
    # with a verb of its own is that verb's; the verb after it is the main clause's
    in_relative = _in_relative_clause(words, before)
    depth = _parenthesis_depths(words)
    date_depth = depth[min(max(before, 0), len(words) - 1)] if words else 0
    aside = _relative_on_date(words, after) if fronted else (0, 0)
    for index, word in enumerate(words):
        if not _is_verb(words, index):
            continue
        if depth[index] > date_depth:
            continue  # "in the mid-1990s (she cannot say which year) her father went": an aside
        if aside[0] <= index < aside[1]:
            continue  # 'On April 2, which Trump called "Liberation Day", he announced': the
            # relative tells of the date, the verb after it is the event's
        if word.lower in RAISING_VERBS and [w.lower for w in words[index + 1 : index + 3]] == [
            "to",
            "be",
        ]:
            continue  # "fired what appeared to be an ICBM": the firing is the event
        right = index >= after
        if (side == "before" and right) or (side == "after" and not right):
            continue
        low, high = (after, index) if right else (index, before)
        crossings = boundaries[high + 1] - boundaries[low]
        openers = openers_before[high + 1] - openers_before[low]
        # a verb after the date across "as"/"when"/"which" belongs to another clause
        distance = abs(index - (after if right else before)) + 5 * crossings
        if right and openers and _resumes_after_relative(words, after, index):
            openers -= 1  # "On Wednesday, the treaty that Kim signed in June took effect"
        distance += (20 if right else 5) * openers
        if right and not fronted:
            distance += 2
        if right and in_relative:
            distance += 20
        if right and conjunctions[index] > conjunctions[after]:
            distance += 10  # "conducted a test on Sept. 3 and twice fired missiles": another act
        if word.kind == "REPORT" and distance <= 1:
            distance -= 3  # "said Monday", "North Korea said Monday": the saying is dated
        by_after = index + 1 < len(words) and words[index + 1].lower == "by"
        if word.kind == "PAST" and by_after and index and words[index - 1].kind in ("NAME", "WORD"):
            distance += 8  # "areas hit by a typhoon": a participle, not the main verb
        if best is None or distance < best[0]:
            best = (distance, index)
    # "The first was in Singapore", "a moratorium that had been in place since 2017": the copula
    # of the date's own clause is its verb
    low, high = _segment(words, max(before, 0))
    if best is None or not low <= best[1] < high:
        copulas = [i for i in range(low, high) if words[i].lower in COPULAS]
        copulas = [i for i in copulas if i + 1 < high and not _is_verb(words, i + 1)]
        if copulas and not any(_is_verb(words, i) for i in range(low, high)):
            return copulas[0]
    return best[1] if best else None


COPULAS = frozenset("was were is are been".split())


def _relative_on_date(words: list[Word], after: int) -> tuple[int, int]:
    """The words of a relative clause set off by commas right after the date ("On April 2, which
    Trump called 'Liberation Day', ..."), as (start, end) indexes; (0, 0) when there is none.
    (Only for a date that opens the sentence: in "The sinking in March 2010, which killed 46
    sailors, raised tension", the relative tells of the sinking.)"""
    if not (
        after + 1 < len(words) and words[after].text == "," and words[after + 1].lower == "which"
    ):
        return 0, 0
    end = next((i for i in range(after + 2, len(words)) if words[i].text == ","), None)
    return (after + 1, end) if end is not None else (0, 0)


def _parenthesis_depths(words: list[Word]) -> list[int]:
    """How many brackets each word stands inside."""
    depths, depth = [], 0
    for word in words:
        if word.text in ")]":
            depth = max(0, depth - 1)
        depths.append(depth)
        if word.text in "([":
            depth += 1
    return depths


def _relative_verb(words: list[Word], verb: int) -> bool:
    """Whether the verb at `verb` is the first verb of a relative clause ("that broke out")."""
    for index in range(verb - 1, -1, -1):
        word = words[index]
        if _boundary(word) or _is_verb(words, index):
            return False
        if word.kind == "REL" and word.lower in ("that", "which", "who"):
            return True
    return False


def _resumes_after_relative(words: list[Word], after: int, verb: int) -> bool:
    """Whether the verb at `verb` is the main verb again after a relative clause opened between
    the date and it, with a verb of its own ("On Wednesday, the treaty that Kim Jong Un signed
    in June took effect"): the verb right after the relative's, neither joined to it by a
    conjunction nor an auxiliary of it."""
    relative = next(
        (i for i in range(after, verb) if words[i].kind == "REL" and words[i].lower == "that"),
        None,
    )
    if relative is None or any(_boundary(w) for w in words[relative:verb]):
        return False
    inner = [i for i in range(relative + 1, verb) if _is_verb(words, i)]
    return (
        len(inner) == 1
        and inner[0] + 1 < verb  # ("a launch that the activists said carried": what was said)
        and words[inner[0]].kind != "REPORT"
        and words[verb - 1].kind not in ("CONJ", "AUX")
        and words[verb - 1].kind != "PAST"
    )


def _in_relative_clause(words: list[Word], before: int) -> bool:
    """Whether the word at `before` (the one before a date) is in a relative clause that has a
    verb of its own before the date ("that broke out on the North Korean side on Sunday")."""
    for index in range(before, -1, -1):
        word = words[index]
        if _boundary(word):
            return False
        if word.kind == "REL" and word.lower in ("that", "which", "who"):
            return any(_is_verb(words, i) for i in range(index + 1, before + 1))
    return False


def _clause_opener(words: list[Word], index: int) -> bool:
    """A subordinator, a relative, or an 'as' that opens a clause ("as the rivals explored")."""
    word = words[index]
    if word.lower == "that" and index and words[index - 1].kind in ("PAST", "PRES"):
        return False  # "agreed that ...": the verb's own complement
    if word.kind in ("SUB", "REL"):
        return not _record_since(words, index) and not _preposition_after_verb(words, index)
    if word.lower == "as":
        return any(_is_verb(words, i) for i in range(index + 1, min(index + 5, len(words))))
    return False


def _record_since(words: list[Word], index: int) -> bool:
    """'the first time since 2017': a 'since' that measures a record, not a clause of its own."""
    following = words[index + 1].text if index + 1 < len(words) else ""
    return (
        words[index].lower == "since"
        and any(w.lower == "first" for w in words[max(0, index - 4) : index])
        and _date_word(following)
    )


def _preposition_after_verb(words: list[Word], index: int) -> bool:
    """'speaks after a meeting with Noh': an 'after'/'before' right after a verb, opening a
    noun phrase with no verb of its own, is a preposition of that verb's clause."""
    if words[index].lower not in ("after", "before") or index == 0:
        return False
    if not _is_verb(words, index - 1) or index + 1 >= len(words):
        return False
    if words[index + 1].kind != "DET":
        return False
    end = next((i for i in range(index + 1, len(words)) if _boundary(words[i])), len(words))
    return not any(_is_verb(words, i) or words[i].kind == "AUX" for i in range(index + 1, end))


def _is_verb(words: list[Word], index: int) -> bool:
    word = words[index]
    if word.kind in VERB_KINDS:
        if word.kind == "ING":  # "launching" after a subject; not "a security meeting"
            previous = words[index - 1] if index else None
            if previous is None or word.lower == "including":
                return False
            gerund = previous.lower in ("after", "before", "while", "since", "by", "upon")
            return previous.kind in ("NAME", "PRON", "AUX") or gerund
        return True
    return False


def _segment(words: list[Word], index: int) -> tuple[int, int]:
    """The clause segment around a word: between boundaries, relative pronouns, subordinators
    and a 'that' after a reporting verb."""
    low = index
    while low > 0 and not _opens(words, low):
        low -= 1
    high = index + 1
    while high < len(words) and not _opens(words, high) and not _boundary(words[high]):
        high += 1
    return low, high


ADVERBS_OF_SEQUENCE = frozenset("later then once again soon".split())  # also adjectives


def _opens(words: list[Word], index: int) -> bool:
    word = words[index]
    if _boundary(words[index - 1]) or _clause_opener(words, index):
        return True
    if words[index - 1].lower in SAYING and word.kind not in ("PREP", "PUNCT", "NAME"):
        return True  # "says the North's radio made ...": the reported clause
    if word.kind == "CONJ":  # "and has hardened": a coordinated verb phrase starts a clause
        following = words[index + 1 : index + 3]  # (also "and twice fired", "and later said")
        if len(following) == 2 and (
            following[0].lower in ADVERBS_OF_SEQUENCE or is_adverb(following[0].lower)
        ):
            following = following[1:]
        if any(w.kind in ("AUX", "PAST", "PRES", "REPORT") for w in following[:1]):
            return True
        return _clause_after_clause(words, index)
    return False


def _clause_after_clause(words: list[Word], conjunction: int) -> bool:
    """'the North fired shells and the South returned fire': after a clause with its verb, a
    subject of one to three words and a past verb start a clause of their own (not 'North
    Korea and the South agreed', whose subjects are joined before any verb)."""
    if conjunction == 0 or words[conjunction - 1].kind == "NAME":
        return False  # "says President Putin and Chairman Kim held": one subject of two names
    start = conjunction
    while start > 0 and not _boundary(words[start - 1]):
        start -= 1
    if not any(words[i].kind in ("PAST", "REPORT") for i in range(start, conjunction)):
        return False
    for length in (1, 2, 3):
        verb = conjunction + 1 + length
        if verb >= len(words):
            return False
        subject = words[conjunction + 1 : verb]
        if any(w.kind not in ("DET", "NAME") for w in subject) or subject[-1].kind != "NAME":
            continue
        if words[verb].kind in ("PAST", "REPORT"):
            return True
    return False


def _clause_of(
    words: list[Word], verb: int, discourse: Discourse, limits: tuple[int, int] = (0, 10**9)
) -> Clause:
    """The clause of the verb at `verb`: its subject, its verb and what follows."""
    while verb > 0 and words[verb - 1].kind == "PAST" and words[verb].kind == "PAST":
        verb -= 1  # "has been kept shut": the first verb of the chain is the clause's
    low, high = _segment(words, verb)
    low, high = max(low, limits[0]), min(high, limits[1])
    if words[low].kind == "REL":  # "the meeting that ended Saturday adopted a plan": the
        # relative clause ends where the main verb comes ("... was dominated by": its auxiliary)
        high = next(
            (
                i
                for i in range(verb + 1, high)
                if (
                    _is_verb(words, i)
                    # an auxiliary right after the date ("that ended on Wednesday was
                    # dominated by")
                    or (words[i].kind == "AUX" and words[i].start - words[i - 1].end > 1)
                )
                and words[i - 1].kind not in ("CONJ", "AUX")
                # (a past verb right before is a chain, unless the date stood between them)
                and (words[i - 1].kind != "PAST" or words[i].start - words[i - 1].end > 1)
            ),
            high,
        )
    group = _verb_group(words, verb, low)
    subject_words, adverbs, object_words = _subject_phrase(words, low, group.start, verb)
    opener = words[low]
    if opener.kind == "REL" and any(
        _is_verb(words, i) or words[i].kind == "AUX" for i in range(low + 1, group.start)
    ):
        # "soldiers who were working inside the DMZ briefly crossed": the main verb's subject
        # is the relative's antecedent
        subject_words = []
        opener = Word(",", words[low].start, words[low].start, "PUNCT", ",")
    subject = _join(subject_words)
    lemma, rest, action = _predicate(words, group, verb, high)
    stranded = all(word.lower() in PREPOSITIONS for word in rest)  # "comments Trump latched onto"
    rest = [*rest, *object_words] if stranded else [*object_words, *rest]
    passive = group.passive
    if passive and rest and rest[0].lower() in COPULAS:
        rest = []  # "the test conducted on Feb. 12 was a legitimate measure": the main clause's
    if opener.lower == "where":  # "the border village where the armistice was signed"
        place = _antecedent(words, low)
        rest = [*rest, "at", *place.split()] if place else rest
    elif opener.kind == "REL" and subject and low > 0 and words[low - 1].kind == "PREP":
        # "a new road bridge ..., on which construction began": on the antecedent
        rest = [*rest, words[low - 1].text, *_head_phrase_before(words, low - 1)]
    elif opener.kind == "REL" and subject:
        # "the liaison office, which the two Koreas opened": the antecedent is the object
        antecedent = _antecedent(words, low).split()
        if antecedent and antecedent[0] in ("The", "A", "An"):
            antecedent[0] = antecedent[0].lower()  # "The treaty that Kim signed": its object
        rest = [*antecedent, *rest]
    elif opener.kind == "REL":  # "Yoon Suk-yeol, who assumed office": the antecedent acts
        subject = _antecedent(words, low)
    elif not subject and words[low].kind == "CONJ" and words[verb].kind in ("PAST", "PRES"):
        subject = _main_subject(words)  # "It was passed ... and took effect": its subject
        # "was arrested at his home on Feb. 27 ... and indicted on March 19": passive too
        passive = passive or (is_participle(words[verb].lower) and _after_passive(words, low))
    elif not subject:
        subject, passive = _missing_subject(words, verb, low, high, passive)
    gerund = words[verb].kind == "ING" and verb > 0 and words[verb - 1].kind in ("SUB", "PREP")
    if not subject or gerund:  # "a day after launching the rocket": the main clause's subject
        # (or the relative's antecedent: '"Taegukgi", which drew ... after opening in February')
        subject = (_relative_antecedent(words, verb) if gerund else "") or _main_subject(words)
    elif subject.lower() == "it" and _reported_by_speaker(words, low):
        # "Seowon Apparel said on Thursday that it had swung to a loss": the company
        subject = _speaker_for_it(words) or subject
    subject = _place_apposition(words, low, subject) or subject  # "the clinic in Dandong, China,"
    subject = _simplify_subject(_resolve(subject, discourse))
    nominal = re.fullmatch(r"[A-Z][a-z]+(?:tion|ment|ance|ence|al)", subject) and (
        subject not in NOT_ACTIONS
    )
    things = discourse.things if nominal else []
    if things and not things[-1].lower().endswith(subject.lower()):
        subject = f"{subject} of {things[-1]}"  # "Construction" of what was named
    form = words[verb].text
    if (
        lemma == "be"
        and rest
        and rest[0].lower() in ("in", "at")
        and (subject.split()[-1:] and subject.split()[-1].lower() in EVENT_NOUNS)
    ):
        lemma, passive, form = "hold", True, "held"  # "The first [summit] was in Singapore"
    return Clause(
        action=action,
        subject=subject,
        verb=lemma,
        form=form,
        passive=passive,
        negated=group.negated,
        rest=rest,
        plural=_plural(subject),
        adverbs=[a for a in adverbs if a == "first"],
    )


@dataclass
class _Group:
    """A verb group: where it starts, its main verb (an infinitive after 'appeared to'), the
    main verb's lemma, and whether it is passive or negated."""

    start: int
    main: int
    lemma: str
    passive: bool
    negated: bool


def _place_apposition(words: list[Word], low: int, subject: str) -> str:
    """The noun phrase before a place's country set off by commas ("Our partner clinic in
    Dandong, China, has been closed"), when the clause's subject came out as that country."""
    if low < 4 or words[low - 1].text != ",":
        return ""
    first = low - 1
    while first > 0 and words[first - 1].kind == "NAME":
        first -= 1
    country = _join(words[first : low - 1])
    if country != subject or not COUNTRY_RE.fullmatch(country) or words[first - 1].text != ",":
        return ""
    begin, _ = _segment(words, first - 2)
    if any(_is_verb(words, i) or words[i].kind == "AUX" for i in range(begin, first - 1)):
        return ""
    head = [w for w in words[begin : first - 1] if w.kind not in ("PUNCT", "CONJ", "SUB")]
    if (
        len(head) < 3
        or head[0].kind == "PREP"  # "In South Korea, President Lee ...": no subject before
        or words[first - 2].kind != "NAME"
        or not any(w.kind == "PREP" for w in head)
    ):
        return ""  # "Dandong, China": a place and its country, nothing before them
    return _join(head)


def _verb_group(words: list[Word], verb: int, low: int) -> _Group:
    start = verb
    while start > low and (
        words[start - 1].kind == "AUX"
        or words[start - 1].lower in ("not", "never", "also", "n't")
        or (is_adverb(words[start - 1].lower) and words[start - 2].kind == "AUX")
        or (words[start - 1].lower in ADVERBS_BEFORE_VERB and words[start - 2].kind == "AUX")
    ):
        start -= 1  # "was first observed", "were later released"
    auxiliaries = [w.lower for w in words[start:verb]]
    main = verb
    lemma = verb_lemma(words[verb].lower) or words[verb].lower
    # "appeared to open", "plans to restore": the infinitive is the event
    if (
        lemma in RAISING
        and main + 2 < len(words)
        and words[main + 1].lower == "to"
        and verb_lemma(words[main + 2].lower)
    ):
        main += 2
        lemma = verb_lemma(words[main].lower) or lemma
    passive = any(a in ("was", "were", "is", "are", "been", "be", "being") for a in auxiliaries)
    participle = words[verb].kind == "PAST" or (
        words[verb].kind == "REPORT" and is_participle(words[verb].text)  # "be announced"
    )
    passive = passive and participle and main == verb
    # "remarks carried by KCNA": a participle after its noun with its agent, no auxiliary
    reduced = (
        not auxiliaries
        and words[verb].kind == "PAST"
        and verb + 1 < len(words)
        and (
            (
                words[verb + 1].lower == "by"
                and (verb + 2 >= len(words) or words[verb + 2].lower not in MEANS)
            )
            or words[verb + 1].lower in COPULAS  # "the test conducted [on Feb. 12] was ..."
        )
        and verb > low
        and words[verb - 1].kind in ("NAME", "WORD")
        # ("the deal that the leaders signed was ...": active, after a relative "that")
        and not (words[low].kind == "REL" and low > 0 and words[low - 1].kind in ("WORD", "NAME"))
        and is_participle(words[verb].text)
    )
    passive = passive or (reduced and main == verb)
    negated = any(a in ("not", "never", "n't") for a in auxiliaries) or words[verb].lower == "never"
    return _Group(start, main, lemma, passive, negated)


def _subject_phrase(
    words: list[Word], low: int, group_start: int, verb: int
) -> tuple[list[Word], list[str], list[str]]:
    """(subject words, adverbs kept before the verb, words that are the verb's object after all)
    from the words between the clause's start and its verb group."""
    subject_words = [
        w
        for i, w in enumerate(words[low:group_start], start=low)
        if w.kind not in ("REL", "SUB", "PUNCT") and not _adverb_in_subject(words, i)
    ]
    adverbs: list[str] = []
    while (
        subject_words
        and subject_words[-1].lower in ADVERBS_BEFORE_VERB
        and (len(subject_words) == 1 or subject_words[-2].kind != "DET")
    ):
        adverbs.insert(0, subject_words[-1].lower)  # "first staged", "jointly announced"
        subject_words = subject_words[:-1]
    while subject_words and (
        subject_words[0].kind == "CONJ" or subject_words[0].lower in LEADING_FILLERS
    ):
        subject_words = subject_words[1:]
    if [w.lower for w in subject_words] == ["to"]:
        subject_words = []  # "its conference, to be held in Seoul": the phrase it hangs on
    if words[verb].kind == "ING" or any(w.kind == "REPORT" for w in subject_words):
        # "in response to North Korea launching", "said Pak ... accused": the nearest phrase
        subject_words = _noun_phrase_before(words, group_start)
    elif record := _after_record_time(subject_words):
        # "It was the first time North Korean gunfire had struck ...": the clause after "time"
        subject_words = record
    elif _clause_before(subject_words):
        # "It pointed to the treaty Pyongyang signed", "We remain committed to what the two
        # leaders agreed": the verb's subject is the phrase right before it
        subject_words = _noun_phrase_before(words, group_start)
        while subject_words and (
            subject_words[0].kind == "DET" or subject_words[0].lower in ("what", "whatever")
        ):
            subject_words = subject_words[1:]
    object_words: list[str] = []
    names = [i for i, w in enumerate(subject_words) if w.kind == "NAME"]
    if names and subject_words[-1].kind == "NAME" and subject_words[0].kind == "WORD":
        # "comments Trump latched onto": a relative clause without "that"
        first_name = names[0]
        titled = subject_words[first_name - 1].lower in TITLE_WORDS  # "leader Kim Jong Un"
        complement = any(w.lower == "that" for w in subject_words[:first_name])  # "evidence that"
        names_only = all(w.kind == "NAME" for w in subject_words[first_name:])
        if names_only and not titled and not complement:
            object_words = [w.text for w in subject_words[:first_name]]
            subject_words = subject_words[first_name:]
    return subject_words, adverbs, object_words


RECORD_TIMES = frozenset("first last only second third".split())


def _after_record_time(subject_words: list[Word]) -> list[Word]:
    """'(Analysts said) it was the first time North Korean gunfire [had struck]': the words
    after a pronoun, its copula and 'the first time' are the subject; [] for any other
    subject."""
    for index in range(3, len(subject_words) - 1):
        if (
            subject_words[index].lower != "time"
            or subject_words[index - 1].lower not in RECORD_TIMES
        ):
            continue
        before = index - 2 - (subject_words[index - 2].kind == "DET")
        copula = before
        while copula >= 0 and subject_words[copula].kind == "AUX":
            copula -= 1
        if copula < before and copula >= 0 and subject_words[copula].kind == "PRON":
            return subject_words[index + 1 :]
    return []


def _clause_before(subject_words: list[Word]) -> bool:
    """Whether the words before a verb open with a clause of their own: a pronoun, its verb and
    more ('It pointed to ...')."""
    if len(subject_words) < 4 or subject_words[0].kind != "PRON":
        return False
    return any(w.kind in ("PAST", "PRES") for w in subject_words[1:3])


def _adverb_in_subject(words: list[Word], index: int) -> bool:
    """'The North also [fired]': an adverb to leave out of a subject; not a name's word ('Moon Jae
    In') nor a preposition ('aboard a small boat')."""
    word = words[index]
    return word.kind != "NAME" and word.lower not in PREPOSITIONS and is_adverb(word.lower)


# A light verb and the act it names, told as the act's verb: "made the announcement" -> "announces".
NOMINAL_ACTS = {
    ("make", "announcement"): "announce",
    ("make", "proposal"): "propose",
    ("make", "decision"): "decide",
    ("make", "visit"): "visit",
    ("pay", "visit"): "visit",
    ("make", "appeal"): "appeal",
    ("issue", "warning"): "warn",
    ("give", "warning"): "warn",
    ("make", "request"): "request",
    ("file", "complaint"): "complain",
    ("lodge", "protest"): "protest",
}


def _predicate(
    words: list[Word], group: _Group, verb: int, high: int
) -> tuple[str, list[str], str]:
    """(the headline's verb lemma, the words after it, the action the event is)."""
    lemma = group.lemma
    rest_start = group.main + 1
    if group.main + 1 < len(words) and words[group.main + 1].lower in PARTICLES:
        lemma, rest_start = f"{lemma} {words[group.main + 1].lower}", group.main + 2
    rest = _rest(words, rest_start, high, words[verb].kind == "REPORT")
    action = lemma
    if lemma in DIRECTIVES:  # "instructed civic groups to suspend propaganda": a suspension
        to = next((i for i, w in enumerate(rest[:8]) if w.lower() == "to"), None)
        if to is not None and to + 1 < len(rest) and verb_lemma(rest[to + 1].lower()):
            action = verb_lemma(rest[to + 1].lower()) or lemma
            lemma, rest = action, rest[to + 2 :]  # the headline tells what was ordered
    noun = rest[1].lower() if len(rest) > 1 and rest[0].lower() in ("the", "a", "an") else ""
    if (lemma, noun) in NOMINAL_ACTS and len(rest) > 2:  # "made the announcement in": announces
        lemma, rest = NOMINAL_ACTS[lemma, noun], rest[2:]
        action = lemma
    if not rest and lemma in LIGHT_VERBS and high < len(words) and words[high].kind == "SUB":
        # "The decision came after the North sent balloons": what it came after
        _, following = _segment(words, high)
        rest = [w.text for w in words[high:following] if w.kind != "PUNCT"]
    return lemma, rest, action


def _missing_subject(
    words: list[Word], verb: int, low: int, high: int, passive: bool
) -> tuple[str, bool]:
    """The subject of a clause that starts with its verb, and whether it is a reduced passive
    ("The treaty, signed in 1953, ..."): the phrase the clause hangs on."""
    antecedent = (
        _subject_before_relative(words, low)
        or (_sentence_subject(words, low) if words[verb].kind != "PAST" or not passive else "")
        or _antecedent(words, low)
    )
    if not antecedent:
        return "", passive
    after_comma = low > 0 and words[low - 1].text == ","
    other_verb = any(
        _is_verb(words, i) or words[i].kind == "AUX"
        for i in [*range(0, low), *range(high, len(words))]
    )
    at_start = all(w.lower in ADVERBS_BEFORE_VERB for w in words[low:verb])
    participle = words[verb].kind == "PAST" and is_participle(words[verb].text)
    reduced = participle and after_comma and at_start and other_verb
    return antecedent, passive or reduced


AUXILIARIES_BEFORE_PARTICIPLE = frozenset("be been being have has is are".split())


def _rest(words: list[Word], start: int, end: int, report: bool) -> list[str]:
    """The object and complements: to the end of the clause (a reported clause too)."""
    if report:  # "said (that) it is ending ...": the reported clause, its verb in the present
        end = len(words)
        while end > start and _boundary(words[end - 1]):
            end -= 1
    chosen = [w for w in words[start:end] if w.kind != "PUNCT" or w.text in ",-"]
    if report and chosen and chosen[0].kind == "PREP":  # "said during a town hall that ..."
        that = next((i for i, w in enumerate(chosen[:8]) if w.lower == "that"), None)
        chosen = chosen[that:] if that is not None else chosen
    if chosen and chosen[0].lower == "that" and (report or chosen[0].kind == "REL"):
        chosen = chosen[1:]
    if report:  # "said it has told the U.S. that it is ending ...": what was told
        chosen = [
            w
            for i, w in enumerate(chosen)
            if not (
                w.lower == "that" and any(x.kind == "REPORT" for x in chosen[max(i - 5, 0) : i])
            )
        ]
    if report and chosen and chosen[0].text == ",":  # "that, due to U.S. policies, there is"
        comma = next((i for i in range(1, len(chosen)) if chosen[i].text == ","), None)
        chosen = chosen[comma + 1 :] if comma is not None else chosen
    texts: list[str] = []
    shifted = not report
    for word in chosen:
        after_auxiliary = bool(texts) and texts[-1].lower() in AUXILIARIES_BEFORE_PARTICIPLE
        if (
            not shifted
            and not after_auxiliary
            and (word.kind == "PAST" or word.lower in ("was", "were", "had", "did", "would"))
        ):
            subject = " ".join(texts).split(" and ")[-1]
            head = re.split(r"\s(?:in|of|at|from|on|with)\s", " " + subject)[0].split()[-2:]
            several = " and " in " ".join(texts).lower() or _plural(" ".join(head))
            texts.append("have" if word.lower == "had" and several else _present_of(word.lower))
            shifted = True
            continue
        if report and word.kind == "PUNCT":
            break
        texts.append(word.text)
    return texts


def _present_of(word: str) -> str:
    """A reported verb in the headline's present: 'was' -> 'is', 'had' -> 'has'."""
    simple = {"was": "is", "were": "are", "had": "has", "did": "does", "would": "will"}
    if word in simple:
        return simple[word]
    lemma = verb_lemma(word)
    return present(lemma, plural=False) if lemma else word


def _antecedent(words: list[Word], low: int) -> str:
    """The noun phrase a relative or reduced clause at `low` hangs on ("Yoon Suk-yeol, who ...",
    "The treaty, signed in 1953"): the nearest noun phrase before it."""
    end = low
    while end > 0 and (_boundary(words[end - 1]) or words[end - 1].kind == "REL"):
        end -= 1
    begin = end
    while begin > 0 and _in_noun_phrase(words, begin - 1, end):
        if words[begin - 1].kind == "PAST" and begin < end and words[begin].kind != "WORD":
            break
        if (
            begin >= 2
            and words[begin - 2].lower == "to"
            and verb_lemma(words[begin - 1].lower) == words[begin - 1].lower
        ):
            break  # "to challenge Taegukgi, which ...": an infinitive, not the noun's
        begin -= 1
        if words[begin].kind == "DET":
            break  # a noun phrase opens with its determiner ("to see the progress that ...")
    event = _event_before_place(words, begin)
    if event is not None:  # "talks at the Panmunjom truce village that began ...": the talks
        begin, end = _phrase_start(words, event), event + 1
    phrase = [w for w in words[begin:end] if w.kind != "PUNCT"]
    return _join(phrase)


ATTACHING = frozenset("across between in at near of from to along".split())


def _head_phrase_before(words: list[Word], end: int) -> list[str]:
    """The noun phrase a relative after `end` hangs on, past the phrases attached to it: "a new
    road bridge across the Tumen River" in "... across the Tumen River between Russia and North
    Korea, on which" (its head and the first phrase after it)."""
    while end > 0 and _boundary(words[end - 1]):
        end -= 1
    chain: list[tuple[int, int]] = []
    while end > 0:
        begin = end
        while begin > 0 and (
            words[begin - 1].kind in ("NAME", "WORD", "NUM", "DET")
            or (words[begin - 1].lower == "and" and begin > 1 and words[begin - 2].kind == "NAME")
        ):
            begin -= 1
            if words[begin].kind == "DET":
                break
        if begin == end:
            break
        chain.append((begin, end))
        if (
            begin > 1
            and words[begin - 1].lower in ATTACHING
            and words[begin - 2].kind
            in (
                "NAME",
                "WORD",
            )
        ):
            end = begin - 1
            continue
        break
    if not chain:
        return []
    head_begin = chain[-1][0]
    stop = chain[-2][1] if len(chain) >= 2 else chain[-1][1]
    return [
        w.lower if w.kind == "DET" else w.text for w in words[head_begin:stop] if w.kind != "PUNCT"
    ]


def _event_before_place(words: list[Word], begin: int) -> int | None:
    """The event noun right before the phrase at `begin` and its preposition ("talks" in
    "talks at the Panmunjom truce village", "meeting" in "meeting of the Workers' Party")."""
    if begin < 2 or words[begin - 1].lower not in ("at", "in", "of", "near"):
        return None
    return begin - 2 if words[begin - 2].lower in EVENT_NOUNS else None


def _in_noun_phrase(words: list[Word], index: int, end: int) -> bool:
    """A word of the noun phrase a relative hangs on, read backwards: a noun, a name, a number,
    a participle, a noun in -ing after another noun ('field training'), or 'of'/'on' between two
    nouns ('a moratorium on long-range launches that ...'; a relative after a name hangs on the
    name: 'the impeachment of President Yoon, whom ...')."""
    word = words[index]
    if word.kind in ("NAME", "WORD", "NUM", "DET", "PAST"):
        return True
    before = words[index - 1].kind if index else ""
    if word.kind == "ING":
        return before in ("NAME", "WORD", "DET")
    named = any(w.kind == "NAME" for w in words[index + 1 : end])
    return word.lower in ("of", "on") and before in ("NAME", "WORD") and not named


# Capitals that head a headline as their country ("Pyongyang pulls ..." -> "North Korea ...").
CAPITALS = {
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Washington": "U.S.",
    "Beijing": "China",
    "Tokyo": "Japan",
    "Moscow": "Russia",
}


def _resolve(subject: str, discourse: Discourse) -> str:
    """A subject with its pronouns and short references replaced by the actors they stand for
    ("he and Kim Jong Un" -> "Vladimir Putin and Kim Jong Un", "the North" -> "North Korea")."""
    whole = discourse.resolve(subject)
    if whole != subject:
        return whole
    if subject.lower() in ("the two koreas", "two koreas", "both koreas"):
        return "North and South Korea"
    subject = re.sub(r"\b[Tt]he (North|South)(['’]s)", r"\1 Korea\2", subject)
    possessive = re.match(r"(?i)(his|her|its|their)\s+", subject)
    if possessive:
        owned = subject[possessive.end() :]  # "her grandson Kim Tae-hoon": not his own
        pronoun = "he" if possessive.group(1).lower() in ("his", "her") else "it"
        owner = discourse.resolve(pronoun, besides=re.findall(NAME, owned))
        if owner.lower() not in ("he", "it"):
            subject = f"{_short_name(owner)}'s {subject[possessive.end() :]}"
        else:  # "Its fifth biennial conference": whose is not told
            subject = subject[possessive.end() :]
    parts = re.split(r"(\s+and\s+|,\s*)", subject)
    names = parts[::2]
    resolved = [
        discourse.resolve(p, besides=[n for n in names if n != p]) if i % 2 == 0 else p
        for i, p in enumerate(parts)
    ]
    text = "".join(resolved)
    return CAPITALS.get(text, text)


def _noun_phrase_before(words: list[Word], end: int) -> list[Word]:
    """The noun phrase right before a verb ('North Korea', 'Leaders of the two Koreas')."""
    begin = end
    while begin > 0:
        word = words[begin - 1]
        if word.kind in ("NAME", "WORD", "NUM", "DET") or (
            word.lower in ("of", "and")
            and begin - 1 > 0
            and words[begin - 2].kind in ("NAME", "WORD")
        ):
            begin -= 1
            continue
        break
    return [w for w in words[begin:end] if w.kind != "PUNCT"]


def _sentence_subject(words: list[Word], low: int) -> str:
    """'Park on Monday, in a weekly meeting ..., said': the sentence's first segment, when it is
    a noun phrase of its own (no verb, no preposition first), is the subject of a later verb."""
    begin, high = _segment(words, 0)
    while high < low and _introductory(words[begin:high]):
        begin, high = _segment(words, high + 1)  # "In February 2019, the summit, in Hanoi, ..."
    if high >= low or any(_is_verb(words, i) or words[i].kind == "AUX" for i in range(begin, high)):
        return ""
    phrase = [w for w in words[begin:high] if w.kind != "PUNCT"]
    if (
        not phrase
        or phrase[0].kind in ("PREP", "SUB", "CONJ")
        or phrase[0].lower in LEADING_FILLERS
    ):
        return ""
    apposition = words[high + 1 : low - 1] if words[low - 1].text == "," else []
    if 2 <= len(apposition) <= 4 and all(w.kind == "NAME" for w in apposition):
        return _join(apposition)  # "U.S. Special Representative for North Korea, Sung Kim, speaks"
    return _join(phrase)


def _introductory(segment: list[Word]) -> bool:
    """A phrase that opens a sentence before its subject, set off by a comma: 'In February
    2019,' (or nothing, its date words blanked), 'Meanwhile,'."""
    phrase = [w for w in segment if w.kind != "PUNCT"]
    return (
        not phrase
        or all(w.kind == "NUM" or _date_word(w.lower) for w in phrase)  # ", May 25,"
        or (
            (phrase[0].kind == "PREP" or phrase[0].lower in LEADING_FILLERS)
            and not any(w.kind in ("PAST", "PRES", "AUX") for w in phrase)
        )
    )


def _subject_before_relative(words: list[Word], low: int) -> str:
    """'The Biden Administration, which took office in January 2021, completed ...': the noun
    phrase before a ', which/who' clause earlier in the sentence is the main verb's subject."""
    for index in range(1, low):
        if words[index].kind == "REL" and words[index - 1].text == ",":
            begin = index - 1
            while (
                begin > 0
                and not _boundary(words[begin - 1])
                and words[begin - 1].kind
                not in (
                    "SUB",
                    "REL",
                )
            ):
                begin -= 1
            phrase = [w for w in words[begin : index - 1] if w.kind != "PUNCT"]
            if (
                phrase
                and phrase[0].kind != "PREP"
                and not any(_is_verb(words, i) for i in range(begin, index - 1))
            ):
                return _join(phrase)
            return ""
    return ""


# A person's name: a title before it, or a Korean given name ("Moon Jae-in", "Kim Jong Un")
PERSON_NAME_RE = re.compile(
    r"\b(?:President|Minister|Chairman|Leader|Secretary|Mr|Mrs|Ms|Dr)\b|"
    r"\b[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+\b|\b(?:Kim|Lee|Park|Moon|Yoon|Choi|Jang|Jung)\s+[A-Z]"
)


def _place_after(words: list[Word], index: int) -> list[str]:
    """'in Pyongyang' after an event noun ("after the 2000 summit in Pyongyang"): its place."""
    if index + 1 >= len(words) or words[index].lower not in ("in", "at"):
        return []
    end = index + 1
    while end < len(words) and words[end].kind == "NAME":
        end += 1
    return [w.text for w in words[index:end]] if end > index + 1 else []


def _reported_by_speaker(words: list[Word], low: int) -> bool:
    """Whether the clause at `low` is what a reporting verb before it reports ("said on
    Thursday that ...")."""
    start = low + 1 if words[low].lower == "that" else low
    for index in range(start - 1, -1, -1):
        if words[index].kind == "REPORT":
            return True
        if _is_verb(words, index) or words[index].text in ".;:":
            return False
    return False


def _speaker_for_it(words: list[Word]) -> str:
    """The sentence's subject when it reports and is no person: what "it" stands for."""
    speaker = _main_subject(words)
    first_verb = next((i for i in range(len(words)) if _is_verb(words, i)), None)
    if not speaker or first_verb is None or words[first_verb].kind != "REPORT":
        return ""
    if speaker.lower() in PRONOUN_WORDS or PERSON_NAME_RE.search(speaker):
        return ""
    return speaker


PRONOUN_WORDS = frozenset("it he she they we i you this that".split())


def _main_subject(words: list[Word]) -> str:
    """The subject of the sentence's first clause: the words before its first verb (past a
    relative clause set off by commas: "Choi, who once taught history, was arrested")."""
    first_verb = next(
        (i for i in range(len(words)) if _is_verb(words, i) and not _inserted_relative(words, i)),
        None,
    )
    if first_verb is None:
        return ""
    low, _ = _segment(words, first_verb)
    phrase = [
        w for w in words[low:first_verb] if w.kind not in ("PUNCT", "AUX", "CONJ", "SUB", "REL")
    ]
    if not phrase and low > 0 and words[low - 1].text == ",":
        opening = _noun_phrase_before(
            words,
            next(
                (
                    i
                    for i in range(low - 2, -1, -1)
                    if words[i].text == "," and words[i + 1].kind == "REL"
                ),
                0,
            ),
        )
        phrase = [w for w in opening if w.kind not in ("PUNCT", "DET")]
    return _join(phrase)


def _relative_antecedent(words: list[Word], verb: int) -> str:
    """The antecedent of the relative clause whose verb is the nearest verb before `verb`."""
    before = next((i for i in range(verb - 1, -1, -1) if _is_verb(words, i)), None)
    if before is None or not _relative_verb(words, before):
        return ""
    rel = next(i for i in range(before - 1, -1, -1) if words[i].kind == "REL")
    return _antecedent(words, rel)


def _inserted_relative(words: list[Word], verb: int) -> bool:
    """Whether the verb at `verb` opens a relative clause set off by a comma (", who once
    taught")."""
    return (
        _relative_verb(words, verb)
        and (rel := next(i for i in range(verb - 1, -1, -1) if words[i].kind == "REL")) > 0
        and words[rel - 1].text == ","
    )


def _after_passive(words: list[Word], conjunction: int) -> bool:
    """Whether the verb group before the conjunction at `conjunction` is passive ("was arrested
    ... and")."""
    for index in range(conjunction - 1, 0, -1):
        if words[index].kind == "PAST" and words[index - 1].lower in ("was", "were", "is", "are"):
            return True
        if _is_verb(words, index):
            return False
    return False


def _simplify_subject(subject: str) -> str:
    """'The U.S.' -> 'U.S.'; 'North Korean leader Kim Jong Un' -> 'Kim Jong Un'; 'then-President
    Donald Trump' -> 'Donald Trump'."""
    subject = re.sub(r"\bthen-", "", subject).strip(" ,")
    subject = re.sub(
        r"^(?:The|the|That|that|This|this|These|these|Those|those)\s+(?=\S)", "", subject
    )
    conjuncts = subject.split(" and ")  # "Supreme Leader Kim and President Moon"
    if len(conjuncts) == 1 or not all(NAME_TITLE_RE.match(c) or c.istitle() for c in conjuncts):
        conjuncts = [subject]
    names = []
    for conjunct in conjuncts:
        titled = NAME_TITLE_RE.match(conjunct)
        names.append(titled.group(1).strip() if titled and len(conjunct.split()) > 3 else conjunct)
    words = " and ".join(names).split()
    if len(words) > 7:  # a long subject: up to its first preposition after the head
        cut = next(
            (i for i, w in enumerate(words) if i >= 2 and w.lower() in PREPOSITIONS), len(words)
        )
        words = words[: min(cut, 7)]
        while words[-1].lower() in TRAILING_WORDS:
            words = words[:-1]
    subject = " ".join(words)
    return subject[:1].upper() + subject[1:]


def _short_name(name: str) -> str:
    """'Lee Jae-myung' stays whole; a country stays whole."""
    return name


def _plural(subject: str) -> bool:
    # the head comes before its complement: "Clear signs of a thaw", "officials in Seoul"
    subject = re.split(r"\s(?:of|in|at|from|on|with|for)\s", subject)[0]
    words = subject.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower().endswith("s") and not words[0].endswith(("ss", "us")):
        return words[0].lower() not in ("news", "congress")  # "Rivals", "Talks"
    head = words[-1].lower().rstrip(",")
    if " and " in f" {subject} " or head in ("koreas", "both", "games", "olympics", "talks"):
        return True
    if head.endswith("s") and not head.endswith(("ss", "us", "’s", "'s", ".s.")):
        return not words[-1][0].isupper() or head.endswith("ans")  # "South Koreans"
    return head in ("i", "they", "we", "you", "police", "people")  # "I want", not "I wants"


def _event_noun_phrase(words: list[Word], start: int, end: int) -> list[str]:
    """The noun phrase an event noun heads when the date names it: 'the Nov. 23 shelling',
    "Monday's launch", 'the 2021 annual threat assessment' (the date inside the phrase), or
    'before the Winter Olympics in Pyeongchang next month' (an event after a preposition)."""
    before, after = _index_near(words, start, end)
    for index in range(after, min(after + 4, len(words))):  # the date inside the phrase
        if words[index].lower in EVENT_NOUNS:
            begin = _phrase_start(words, index)
            named = all(w.kind == "NAME" for w in words[after : index + 1])  # "Korean War"
            verb_next = index + 1 < len(words) and _is_verb(words, index + 1)  # "... War ended"
            if verb_next or not (named or _stands_apart(words, begin)):
                return []
            phrase = _content_words(words[begin : index + 1])
            if len(phrase) == 1:  # "after the 2000 summit in Pyongyang": "Summit in Pyongyang"
                phrase += _place_after(words, index + 1)
            if len(phrase) == 2 and words[begin].kind == "DET":
                phrase = [words[begin].text.capitalize(), *phrase]  # "The Korean War"
            return phrase if len(phrase) >= 2 else []
        if words[index].kind not in ("WORD", "NAME"):
            break
    head = before
    while head > 0 and words[head].kind == "NAME" and words[head - 1].kind in ("NAME", "PREP"):
        head -= 1  # past a place: "the Winter Olympics in Pyeongchang"
        if words[head].kind == "PREP":
            head -= 1
            break
    if head >= 0 and words[head].lower not in EVENT_NOUNS:
        head = _event_noun_before(words, before)  # "the theft of $81 million from ... bank"
    if head < 0 or words[head].lower not in EVENT_NOUNS:
        return []
    begin = _phrase_start(words, head)
    if not _stands_apart(words, begin):
        return []  # "held marathon talks ... Sunday": the verb's clause tells it better
    phrase = _content_words(words[begin : before + 1])
    if after < len(words) and words[after].lower == "of":  # "an offer on Tuesday of talks"
        _, high = _segment(words, after)
        phrase += [w.text for w in words[after:high] if w.kind != "PUNCT"]
    return phrase if len(phrase) >= 3 else []  # "Three summits" is no headline


def _circumstance(words: list[Word], start: int, end: int) -> list[str]:
    """'After months of rising tension and hostile rhetoric from both capitals in 2017, ...':
    a verbless phrase after a temporal preposition that holds the date is an event of its own."""
    before, _ = _index_near(words, start, end)
    if before < 0:
        return []
    low, high = _segment(words, before)
    if words[low].lower not in TEMPORAL_PREPOSITIONS or low + 1 >= high:
        return []
    if any(_is_verb(words, i) or words[i].kind == "AUX" for i in range(low, high)):
        return []
    phrase = [w for w in words[low + 1 : high] if w.kind != "PUNCT"]
    content = [w for w in phrase if w.kind in ("WORD", "NAME") and w.lower not in PREPOSITIONS]
    return (
        [w.text for w in phrase if w.kind != "DET" or w is not phrase[0]]
        if len(content) >= 3
        else []
    )


# Prepositions that set an event apart as a point in time: "before the Olympics next month".
TEMPORAL_PREPOSITIONS = frozenset(
    "before after during since until following amid ahead despite".split()
)


def _phrase_start(words: list[Word], head: int) -> int:
    """Where the noun phrase ending at `head` starts: at its determiner, or where the words
    stop being a noun's modifiers."""
    begin = head
    while begin > 0 and words[begin - 1].kind in ("NAME", "WORD", "NUM", "DET"):
        begin -= 1
        if words[begin].kind == "DET":
            break
    return begin


CURRENCY_SIGNS = frozenset("$€£₩¥")


def _content_words(words: list[Word]) -> list[str]:
    """A phrase's words without punctuation and determiners; a currency sign stays with its
    number ("$81 million")."""
    kept: list[str] = []
    for index, word in enumerate(words):
        if word.text in CURRENCY_SIGNS and index + 1 < len(words):
            continue
        if word.kind not in ("PUNCT", "DET"):
            sign = words[index - 1].text if index else ""
            kept.append(sign + word.text if sign in CURRENCY_SIGNS else word.text)
    return kept


def _event_noun_before(words: list[Word], before: int) -> int:
    """The event noun that heads the phrase a date closes, when it is the object of a relation
    verb: "to the theft of $81 million from Bangladesh's central bank in February 2016" ("theft",
    with "of" after it); -1 if none."""
    for index in range(before, max(-1, before - 10), -1):
        word = words[index]
        if _is_verb(words, index) or word.kind == "AUX" or word.text in ",;:":
            return -1
        if (
            word.lower in EVENT_NOUNS
            and index + 1 < len(words)
            and words[index + 1].lower == "of"
            and _governed_by_relation(words, index)
        ):
            return index
    return -1


def _governed_by_relation(words: list[Word], index: int) -> bool:
    """Whether the nearest verb before `index` is a relation verb ("citing", "links it to")."""
    for back in range(index - 1, max(-1, index - RELATION_REACH), -1):
        lemma = verb_lemma(words[back].lower) or words[back].lower
        if _is_verb(words, back) or words[back].kind in VERB_KINDS:
            return lemma in RELATION_VERBS
        if (  # "and links it to ...": a verb the tagger read as a plural noun
            lemma in RELATION_VERBS
            and back + 1 < index
            and words[back + 1].kind in ("PRON", "DET", "NAME")
        ):
            return True
        if words[back].kind == "PUNCT" and words[back].text in ".;:":
            return False
    return False


RESPONSES = frozenset("response retaliation reaction protest".split())


def _stands_apart(words: list[Word], begin: int) -> bool:
    """Whether a noun phrase starting at `begin` is an event of its own (after a temporal
    preposition, or heading the clause, or the object of a relation verb: "Citing North Korea's
    fourth nuclear test in January"), not the object or setting of a verb."""
    if begin == 0:
        return True
    previous = words[begin - 1]
    if previous.lower in TEMPORAL_PREPOSITIONS or _governed_by_relation(words, begin):
        return True
    if previous.lower == "to" and begin > 1 and words[begin - 2].lower == "according":
        return True  # "According to the 2023 annual threat assessment, ..."
    if begin > 2 and words[begin - 2].lower in RESPONSES and words[begin - 3].lower == "in":
        return True  # "in response to the North's nuclear test on Jan. 6": what is answered
    if (verb_lemma(previous.lower) or "") in ("follow", "precede"):
        return True  # "followed a South Korean offer on Tuesday of high-level talks"
    return _boundary(previous) and not any(_is_verb(words, i) for i in range(begin, len(words)))


def _phrase(words: list[Word], start: int, end: int) -> list[str]:
    """With no verb: the words of the date's clause ('Next scheduled elections: April 2028'),
    or the sentence's first phrase when the date's own is too short to tell anything."""
    before, _ = _index_near(words, start, end)
    low, high = _segment(words, max(0, before))
    phrase = [w.text for w in words[low:high] if w.kind != "PUNCT"]
    if len(phrase) < 3:
        _, first_high = _segment(words, 0)
        phrase = [w.text for w in words[:first_high] if w.kind != "PUNCT"] or phrase
    entry = all(w.kind == "PUNCT" for w in words[: before + 1])  # "- Nov. 1, 2018: ..."
    if len(phrase) < 3 and entry:  # "3:51 p.m. — Talks behind closed doors": the entry a date
        phrase = [w.text for w in words if w.kind != "PUNCT"]  # heads
    return phrase


def _join(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _assemble(clause: Clause) -> str:
    """Subject, verb in the present (or its participle for a passive), rest; at most twelve
    words, cut at a phrase boundary, never ending on a function word."""
    head = len(clause.subject.split()) + len(clause.verb.split())
    return _headline(tuple(_parts(clause)), head)


def _parts(clause: Clause) -> list[str]:
    """The clause's words in headline order: subject, verb (in the present), rest."""
    parts: list[str] = []
    if clause.subject:
        parts.extend(clause.subject.split())
    if clause.verb:
        if clause.passive:  # ("was put out": its particle too)
            particle = clause.verb.split()[1:]
            verb = " ".join([clause.form, *particle]) if particle else clause.form
        elif clause.negated:
            verb = ("do not " if clause.plural else "does not ") + clause.verb.split()[0]
            verb += "".join(" " + p for p in clause.verb.split()[1:])
        else:
            head, *particle = clause.verb.split()
            verb = " ".join([present(head, clause.plural), *particle])
        parts.extend([*clause.adverbs, *verb.split()])
    parts.extend(clause.rest)
    return parts


@lru_cache(maxsize=16)  # a row's headline is asked for twice (event_clause, summary_of)
def _headline(parts: tuple[str, ...], head: int) -> str:
    """The headline of a clause's words (`head`: how many make its subject and verb)."""
    words = without_dates([w for w in parts if w])
    words = _compact(words, head)
    while words and (words[0].lower() in LEADING_FILLERS or words[0] in (",", "-")):
        words = words[1:]
    if len(words) > 2 and words[0].lower() == "that" and words[1].lower() in DETERMINERS:
        words = words[1:]  # "that the satellite was put into orbit": what was said
    if len(words) > 3 and words[0].lower() in LEADING_PREPOSITIONS:
        words = words[2:] if words[1].lower() == "to" else words[1:]  # "According to the ..."
    elif len(words) > 4 and words[0].lower() == "followed" and words[1].lower() == "by":
        words = words[2:]  # "followed by the theft of $81 million": the theft
    words = _cut(words)
    text = " ".join(words)
    text = SPACE_BEFORE_PUNCTUATION_RE.sub("", text).strip(" ,;:-")
    return text[:1].upper() + text[1:]


SPACE_BEFORE_PUNCTUATION_RE = re.compile(r"\s+(?=[,.;:])")


# Words that open a trailing modifier a headline can do without once it says who did what.
TRAILING_MODIFIERS = frozenset(
    """carrying filled including following amid despite because while whereas although though
    which who where when using citing saying calling""".split()
)
COMPACT_AT = 7  # words: a headline this long loses its trailing modifiers


def _compact(words: list[str], head: int) -> list[str]:
    """Drop what follows the object once the headline is long enough: a participle phrase
    ('balloons carrying trash'), a subordinate clause, what follows a comma."""
    for index in range(head + 2, len(words)):
        lower = words[index].lower()
        if index >= COMPACT_AT and (lower in TRAILING_MODIFIERS or lower == ","):
            return words[:index]
    return words


MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec."
).split()
WEEKDAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday".split()
BARE_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
DATE_PREPOSITIONS = frozenset("in on since by until during from through for".split())


PART_OF_PERIOD = frozenset("early mid late mid-".split())


def without_dates(words: list[str]) -> list[str]:
    """Other date words of the sentence left out of the headline ('in May', 'on Monday', 'in
    2018'): the row's date says when."""
    kept: list[str] = []
    index = 0
    while index < len(words):
        word, following = words[index], words[index + 1] if index + 1 < len(words) else ""
        dated = (
            (_date_word(word) and word not in ("may", "march"))
            or (  # "may conduct", "protesters march": verbs
                word.lower() in BARE_MONTH_ABBREVIATIONS and following[:1].isdigit()  # "Sep 2018"
            )
        )
        if dated and not _first_since(kept) and not _in_name(words, index):
            month = (
                word.lower().rstrip(",") in MONTH_WORDS or word.lower() in BARE_MONTH_ABBREVIATIONS
            )
            if month and kept and re.fullmatch(r"\d{1,2}(?:[-–]\d{1,2})?", kept[-1]):
                kept.pop()  # the day before its month: "postponed on 18 August"
            if kept and kept[-1].lower() in PART_OF_PERIOD:
                kept.pop()  # "in late October"
            while kept and kept[-1].lower() in DATE_PREPOSITIONS:
                if kept[-1].lower() == "in" and len(kept) > 1 and kept[-2].lower() in SWORN:
                    break  # "sworn in on Monday"
                kept.pop()
            index += 1
            while index < len(words) and re.fullmatch(r"\d{1,4}(?:[-–]\d{1,4})?,?", words[index]):
                index += 1  # "May 3, 2018", "Sept. 20-25"
            joined = index + 1 < len(words) and words[index].lower() in ("and", "or", "to")
            if joined and _date_word(words[index + 1]):
                index += 1  # "in the 1970s and 1980s"
            elif joined and re.fullmatch(r"\d{1,2},?", words[index + 1]):
                index += 2  # "from Feb. 20 to 25"
            continue
        kept.append(words[index])
        index += 1
    return kept


NUMBERED_NOUNS = frozenset("resolution resolutions no. no number".split())


def _in_name(words: list[str], index: int) -> bool:
    """'the March First Movement', 'the May Day Stadium': a month word that begins a name; 'the
    Fourth of July': one that ends it; a number after its noun ('Resolution 2087')."""
    following = words[index + 1] if index + 1 < len(words) else ""
    if index > 1 and words[index - 1] == "of" and words[index - 2][:1].isupper():
        return True
    if index > 0 and words[index - 1].lower() in NUMBERED_NOUNS:
        return True  # "Resolution 2087": a number, not a year
    if following.lower() == "school":
        return True  # "Sunday school"
    return (
        index > 0
        and words[index - 1].lower() == "the"
        and following[:1].isupper()
        and not _date_word(following)
    )


def _first_since(kept: list[str]) -> bool:
    """'for the first time since 2017': the date measures the record, it stays ('tests ICBMs
    for the first time' would not be true)."""
    return len(kept) > 1 and kept[-1].lower() == "since" and "first" in map(str.lower, kept[-5:])


@lru_cache(maxsize=16384)
def _date_word(word: str) -> bool:
    word = word.lower().rstrip(",")
    return word in MONTH_WORDS or word in WEEKDAY_WORDS or bool(YEAR_WORD_RE.fullmatch(word))


YEAR_WORD_RE = re.compile(r"(?:19|20)\d\d|(?:19|20)\d0s")


# Where a long headline may be cut, strongest first: a clause, a comma, a phrase, a coordination.
CUT_WORDS = (
    frozenset("because although though while whereas which who whom that if unless when".split()),
    frozenset({",", ";", "-", "including", "as", "after", "before", "since", "until"}),
    frozenset(PREPOSITIONS) | {"to"},
)
DROPPABLE = frozenset("a an the his her its their".split())  # lowercase: not "The Hague"
SOFT_LIMIT = 15  # a clause that ends within this many words is kept whole


def _cut(words: list[str]) -> list[str]:
    """At most about MAX_WORDS words, cut at the strongest boundary near the limit (a clause
    that ends within SOFT_LIMIT words stays whole); no function word or comma at the end. A
    long headline first drops its articles and possessives, as headlines do."""
    infinitive = next(
        (
            i
            for i in range(3, len(words) - 2)
            if words[i] == "and" and words[i + 1] == "to" and words[i + 2].islower()
        ),
        None,
    )
    if infinitive is not None:  # "arrives in Gyeongju and to hold talks": another act
        words = words[:infinitive]
    if len(words) > MAX_WORDS:
        words = [words[0], *(w for w in words[1:] if w not in DROPPABLE)]
    if len(words) > MAX_WORDS:
        for strength, stops in enumerate(CUT_WORDS):
            limit = SOFT_LIMIT if strength == 0 else MAX_WORDS
            cuts = [
                i
                for i in range(5, min(limit, len(words) - 1) + 1)
                if words[i].lower() in stops and words[i - 2].lower() != "to"
            ]  # not right after an infinitive: "to call | for talks" would leave "to call"
            if cuts:
                words = words[: cuts[-1]]
                break
        else:
            words = words[:MAX_WORDS]
    while len(words) > 1 and (_dangling(words) or words[-1] in (",", "-")):
        words = words[:-1]
    return words


def _dangling(words: list[str]) -> bool:
    """A function word at the end; not the particle of the verb before it ("talks break off")."""
    last = words[-1].lower()
    if last in PARTICLES and verb_lemma(words[-2].lower()):
        return False
    if last == "in" and words[-2].lower() in SWORN:
        return False  # "Lee is sworn in on Monday": "Lee sworn in"
    return last in TRAILING_WORDS
