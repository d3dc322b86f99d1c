"""Who "he", "it", "the North" and "the two leaders" are: the named actors a story has told so far.

A headline must stand alone, so a pronoun or a short reference that heads an event's clause is
replaced by the actor it stands for, when the text makes it clear: the last person named for "he"
or "she", the last country or body for "it" or "they", the last two people named together for
"the two leaders". When nothing fits, the reference stays as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.prefilter import Prefiltered, PrefilterSet
from extract.table.eras import read_eras

# Fixed references to the two Koreas.
FIXED: dict[str, str] = {
    "the north": "North Korea",
    "the south": "South Korea",
    "the north's": "North Korea's",
    "the south's": "South Korea's",
    # the domain's own: the news this tool reads has one peninsula and one armistice
    "the peninsula": "Korean Peninsula",
    "the korean peninsula": "Korean Peninsula",
    "the armistice": "Korean War armistice",
}
TITLE_WORDS = (
    r"President|President-elect|leader|Leader|Chairman|chairman|Premier|Prime Minister|Minister"
    r"|minister|Secretary|secretary|envoy|Envoy|Representative|Ambassador|ambassador|spokesman"
    r"|spokeswoman|spokesperson|General|Gen\.|Sen\.|Rep\.|Mr\.|Ms\.|Mrs\.|Dr\.|Comrade|sister"
    r"|chief|Chief|commander|Commander|Director|director|official|Vice|negotiator|Speaker"
    r"|Professor Emeritus|Professor|professor|Prof\.|Rev\.|Judge|Mayor|Governor|Senator|Captain"
    r"|Colonel"
)
NAME = r"[A-Z][a-z’'-]+(?:[ -][A-Z][a-z’'-]+){1,3}"
# A person: a name after a title ("leader Kim Jong Un", "envoy Sung Kim", "President Trump").
TITLED_PERSON_RE = re.compile(
    rf"\b(?:{TITLE_WORDS})\s+(?:[A-Z][\w.]*\s+){{0,3}}?({NAME}|[A-Z][a-z]+)\b"
)
COUNTRY_RE = re.compile(
    r"\b(North Korea|South Korea|[Tt]he North|[Tt]he South|United States|the U\.S\.|China|Japan"
    r"|Russia"
    r"|the United Nations"
    r"|the U\.N\.|Pyongyang|Seoul|Washington|Beijing|Tokyo|Moscow"
    # bodies that act as a state does ("The Treasury ...: it blacklisted dozens of vessels")
    r"|[Tt]he Treasury|[Tt]he Pentagon|[Tt]he Kremlin|[Tt]he White House|[Tt]he Security Council"
    r"|[Tt]he European Union)\b"
)
PAIR_RE = re.compile(rf"\b({NAME}|[A-Z][a-z]+) and ({NAME}|[A-Z][a-z]+)\b")
NOT_PEOPLE = frozenset(
    """North Korea|South Korea|United States|United Nations|Security Council|White House
    |State Department|Workers Party|National Assembly|Constitutional Court|Unification Ministry
    |Korean War|Winter Olympics|Joint Chiefs|Soviet Union|European Union|Kim Jong Un's""".replace(
        "\n", ""
    ).split("|")
)
NOT_PERSON_WORDS = frozenset(
    """Korea Korean Koreas Party Ministry Council Assembly Court Union Agency News Army Navy
    Force Forces Command Olympics War Administration Department House Office Complex University
    Institute Center Centre Foundation Company Group Bank Times Post Herald""".split()
)


def _known_people() -> dict[str, str]:
    """Leaders from the eras table: any alias -> the full name ("Moon" -> "Moon Jae-in")."""
    people: dict[str, str] = {}
    for era in read_eras():
        full = re.sub(r"\s*\(.*\)$", "", era.name)
        for alias in era.aliases:
            people.setdefault(alias, full)
    return people


KNOWN_PEOPLE = _known_people()
KNOWN_PERSON_RE = re.compile(
    r"\b(" + "|".join(re.escape(n) for n in sorted(KNOWN_PEOPLE, key=len, reverse=True)) + r")\b"
)


# Nouns that a story counts in ("five summits", "met three times"): "the first" is the first of
# them; a verb names its noun.
COUNTED_RE = re.compile(
    r"\b(summits?|meetings?|talks|tests?|launches|visits?|rounds?|reunions?|elections?|"
    r"met|meet|tested)\b",
    re.IGNORECASE,
)
COUNTED_NOUN = {"met": "meeting", "meet": "meeting", "tested": "test", "talks": "talks"}
# A person named as a sentence's subject: "Xi Jinping became ...", "Vladimir Putin made ...".
# A name opening a sentence, before its verb or an apposition: "Han Tae-sik, a career diplomat"
SUBJECT_NAME_RE = re.compile(
    # (after a dateline: "MOSCOW, Thursday — Vladimir Putin arrived ...")
    r"^(?:[A-Z][A-Z .'-]+(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s+)?"
    r"(?!(?:On|In|At|By|For|From|After|Before|During|Since|Until|With|Under|When|While|As|The"
    r"|A|An|But|And|Last|Next|This|That|Typhoon)\b)"
    r"((?:[A-Z][a-z’'-]+ ){1,2}[A-Z][a-z’'-]+)(?: (?=[a-z])|, (?=(?:a|an|the|who|whose)\s))"
)
# A person by a Korean name, its given name hyphenated, anywhere in a sentence: "From his
# window, Park Sung-chul can see ..." ("South Korea-based" is no name).
KOREAN_NAME_RE = re.compile(
    r"\b((?!Korea)[A-Z][a-z]{1,4} (?!Korea)[A-Z][a-z]{1,4}-[a-z]{2,5}"
    r"|[A-Z][a-z]{1,4}-[a-z]{2,5} [A-Z][a-z]{1,5})\b(?![’'-])"  # or "Sun-hee Park"
)
# A person told with their age: "Kang Eun-byul, 28, keeps ...", "said Lee Soon-hee, 88,".
AGED_PERSON_RE = re.compile(rf"\b({NAME}),\s+\d{{1,3}},")
# A person a story names by what they are called: "who asked to be called Kim Chol-su".
CALLED_PERSON_RE = re.compile(rf"\b(?:called|named|identified as|known as|goes by)\s+({NAME})\b")
# A person a report keeps anonymous by a letter: "Mr. B", "Ms. A, 34, said ...".
LETTER_PERSON_RE = re.compile(r"\b((?:Mr|Ms|Mrs)\.\s+[A-Z])\b(?!\.)")
# A person told by a common noun: "The North Korean soldier who fled ..." ("he" then is him).
HUMAN_RE = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w-]+ ){0,2}(?:soldier|defector|man|woman|official|diplomat|fisherman"
    r"|worker|tourist|student|prisoner|pilot|leader|envoy|minister|general|defendant|accused"
    r"|suspect|victim|veteran|farmer|author|writer|journalist|reporter|professor|scholar"
    r"|researcher|activist|pastor|priest|teacher|doctor|businessman|businesswoman|refugee"
    r"|survivor|athlete|coach|artist|photographer))\b"
)
# A group "they" may stand for: "Some North Korean officials returned ...".
GROUP_RE = re.compile(
    r"\b(?:[Ss]ome |[Tt]he |[Tt]wo |[Tt]hree |[Ss]everal )?((?:[A-Z][\w-]+ ){0,3}(?:[a-z]+ )?"
    r"(?:officials|soldiers|leaders|defectors|workers|diplomats|activists|fishermen|troops"
    r"|athletes|tourists|lawmakers|protesters|delegates|negotiators|families))\b"
)
# Words that never modify a thing's noun ("that a law", "Pyongyang in line").
FUNCTION_WORDS = (
    r"(?:a|an|in|on|at|of|and|or|the|to|for|with|by|from|as|is|was|has|had|its|their)\b"
)
# A thing "it" may stand for: "the Kaesong complex", "the Ryugyong Hotel".
THING_RE = re.compile(
    r"\b(?:[Tt]he )?((?:inter-|\d[\w.]* )?"
    r"(?:(?!(?:The|This|That|These|Those|An?)\b)[A-Z][\w-]+ ){1,3}"
    r"(?:(?!" + FUNCTION_WORDS + r")[a-z]+ )?"
    r"(?:complex|[Cc]omplex|office|[Oo]ffice|line|hotline|zone"
    r"|resort|plant|[Hh]otel|facility|site|channel|[Cc]enter|[Rr]eactor|[Dd]am|[Bb]ridge|[Rr]oad"
    r"|Ministry|ministry|Court|Agency|Committee|Commission|Council|Assembly)"
    # a body named after what it is for: "the Ministry of Unification"
    r"|(?:Ministry|Committee|Commission|Council|Agency|Bureau) (?:of|for) (?:the )?"
    r"[A-Z][\w-]+(?: [A-Z][\w-]+){0,3})\b"
    # a thing told by a common noun: "The law, an amendment ..., ... It was passed ..."
    # (a truce is "it" even when told first: "signed an armistice ... It took effect at 10 p.m.")
    r"|\b([Tt]he|[Tt]his|[Tt]hat|an?(?= (?:armistice|ceasefire|truce)\b)) ((?:(?!"
    + FUNCTION_WORDS
    + r")[a-z]+(?:-[a-z]+)? )?"
    r"(?:law|bill|ministry|court|agreement|accord|armistice|ceasefire|truce"
    r"|treaty|deal|resolution|program|project|team|office|complex|zone|resort|plant|facility"
    r"|reactor|dam|bridge|factory))\b"
    r"(?!\s+(?:park|area|building|complex|zone|site|office|plant)\b)"  # "the joint factory park"
)
# A thing told after a preposition is seldom what a later "it" stands for ("at the resort").
AFTER_PREPOSITION_RE = re.compile(r"\b(?i:at|in|of|from|to|near|on|into|with|for|by|under)\s+$")
ORDINAL_RE = re.compile(r"(?i)^(?:the\s+)?(first|second|third|fourth|fifth|last|latest|next)$")
# What a reference needs to know, read separately (a story's "he" needs only its people): the
# people named; the places, things and groups ("it", "they"); the last pair; the counted noun.
PEOPLE, PLACES, PAIR, COUNTED = "people", "places", "pair", "counted"
ASPECTS = (PEOPLE, PLACES, PAIR, COUNTED)
# The searches a sentence is read with for each, prefiltered together (extract.prefilter).
_PEOPLE_READ = PrefilterSet(
    [
        KNOWN_PERSON_RE,
        TITLED_PERSON_RE,
        HUMAN_RE,
        AGED_PERSON_RE,
        CALLED_PERSON_RE,
        LETTER_PERSON_RE,
        KOREAN_NAME_RE,
    ]
)
_PLACES_READ = PrefilterSet([COUNTRY_RE, THING_RE, GROUP_RE])
_PAIR_READ = Prefiltered(PAIR_RE)
_COUNTED_READ = Prefiltered(COUNTED_RE)
GIVEN_NAME_AFTER_RE = re.compile(r"[ -][A-Z]")
GIVEN_NAME_BEFORE_RE = re.compile(r"\b[A-Z][a-z]+-[a-z]+ $")
FAMILY_NAME_RE = re.compile(r"\b[A-Z][a-z]+\b(?![ -][A-Z])")  # alone: not "Park Geun-hye"
HONORIFIC_RE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+")
TRAILING_POSSESSIVE_RE = re.compile(r"['’]s$")
POSSESSIVE_AFTER_RE = re.compile(r"['’]s?\b")
# "the complex", "the office": a thing's noun (THING_RE), named in full before
# Nouns one industrial estate goes by ("the Kaesong industrial park" ... "the zone reopened")
SAME_PLACE = {
    "zone": ("complex", "park"),
    "complex": ("zone", "park"),
}
DEFINITE_THING_RE = re.compile(
    r"the (complex|office|line|hotline|zone|resort|plant|hotel|facility|site|channel|center"
    r"|reactor|dam|bridge|road|ministry|court|agency|committee|commission|council|assembly)"
)

# Any thing told by its noun alone ("the lines", "the blast"), but a person or a country, which
# the searches above tell better, and words that point back without naming ("the same").
DEFINITE_NOUN_RE = re.compile(
    r"the (?!(?:country|nation|same|other|former|latter|first|last|next|rest|one|two|man|woman"
    r"|people|leader|leaders|president|government|regime|north|south|west|east)$)([a-z][a-z-]+)"
)
BODIES = frozenset("ministry court agency committee commission council assembly".split())
# Words that cannot be part of a thing's description before its noun: function words, words that
# point back or count, and adverbs and participles ("the newly reopened office").
NOT_DESCRIPTIVE = (
    r"(?:a|an|in|on|at|of|and|or|the|to|for|with|by|from|as|is|was|has|had|its|their|same|other"
    r"|such|first|second|third|last|next|previous|latest|former|recent|this|that|these|those|his"
    r"|her|our|your|some|any|all|both|each|one|two|three|four|five|many|few|more|most|\w+ly"
    r"|\w+ed|\w+ing|[a-z][\w-]*[^s\W]s)\b"  # nor a plural ("its best chapters deal with")
)


@lru_cache(maxsize=512)
def _description_re(noun: str) -> re.Pattern[str]:
    """'the' or a possessive, one to three describing words, then `noun`: "the joint liaison
    office", "its inter-Korean communication lines" (the describing words are group 1's start)."""
    describing = rf"(?:[A-Z][\w’'-]*|(?!{NOT_DESCRIPTIVE})[a-z][\w-]*)"
    return re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+((?:{describing}\s+){{1,3}}(?i:{re.escape(noun)}))\b"
        r"(?![’'-])"
    )


@dataclass
class Named:
    """The actors the texts read so far named, most recent last."""

    people: list[str] = field(default_factory=list)
    # the person a family name alone stands for: the first named in full ("Han" in Han
    # Tae-sik's obituary, whose son Han Min-jae speaks later)
    by_family: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)  # countries, capitals, bodies
    pair: str = ""  # the last two people named together: "Trump and Kim"
    counted: str = ""  # the last noun the story counted in: "summit", "meeting"
    things: list[str] = field(default_factory=list)  # "Kaesong complex", "Ryugyong Hotel"
    oblique_things: list[str] = field(default_factory=list)  # "the resort" of "at the resort"
    last_place_or_thing: str = ""  # which of the two "it" stands for: the one told last
    groups: list[str] = field(default_factory=list)  # "North Korean officials"
    last_plural: str = ""  # which "they" stands for: "place" or "group", the one told last

    def take(self, other: Named, aspect: str) -> None:
        """What `other` knows of one aspect (copied)."""
        if aspect == PEOPLE:
            self.people, self.by_family = list(other.people), dict(other.by_family)
        elif aspect == PLACES:
            self.places, self.things, self.groups, self.oblique_things = (
                list(other.places),
                list(other.things),
                list(other.groups),
                list(other.oblique_things),
            )
            self.last_place_or_thing, self.last_plural = (
                other.last_place_or_thing,
                other.last_plural,
            )
        elif aspect == PAIR:
            self.pair = other.pair
        else:
            self.counted = other.counted

    def read(self, text: str, aspect: str) -> None:
        """Take note of what a sentence tells of one aspect, in its order in it."""
        if aspect == PEOPLE:
            self._read_people(text)
        elif aspect == PLACES:
            self._read_places(text)
        elif aspect == PAIR:
            self._read_pair(text)
        else:
            self._read_counted(text)

    def _read_people(self, text: str) -> None:
        known, titled, humans, aged, called, lettered, korean = _PEOPLE_READ.finditer_each(text)
        found: list[tuple[int, str]] = []
        for match in known:  # "Lee" of a story that named Lee Jae-myung is he, whoever else
            name = match.group(1)
            if " " not in name and (
                GIVEN_NAME_AFTER_RE.match(text, match.end())
                or GIVEN_NAME_BEFORE_RE.search(text, 0, match.start())
            ):
                continue  # "Park" of "Park Sung-chul" or "Sun-hee Park" is not Park Geun-hye
            found.append((match.start(), self.by_family.get(name, name)))
        for match in titled:
            name = match.group(1)
            if name not in NOT_PEOPLE and not COUNTRY_RE.fullmatch(name):
                found.append((match.start(1), name))
        subject = SUBJECT_NAME_RE.match(text)
        if subject and is_person(subject.group(1)) and not THING_RE.fullmatch(subject.group(1)):
            # "Mrs Choi's father": Mrs Choi
            found.append((0, TRAILING_POSSESSIVE_RE.sub("", subject.group(1))))
        for match in humans:
            found.append((match.start(), match.group(1)))
        for match in (*aged, *called, *korean):
            if is_person(match.group(1)):
                found.append((match.start(1), match.group(1)))
        found.extend((match.start(), match.group(1)) for match in lettered)
        # "Lee entered office": Lee Jae-myung, the first person of that family name
        for match in FAMILY_NAME_RE.finditer(text):
            person = self.by_family.get(match.group())
            if person is not None:
                found.append((match.start(), person))
        for _, name in sorted(found):  # one person, however the story names them
            name = KNOWN_PEOPLE.get(name, name)
            same = next((p for p in self.people if _same_person(p, name)), None)
            if same is not None and len(same) > len(name):
                name = same
            elif same is not None:
                self.people.remove(same)
            if name in self.people:
                self.people.remove(name)
            self.people.append(name)
            if " " in HONORIFIC_RE.sub("", name):
                self.by_family.setdefault(_family(name), name)

    def _read_places(self, text: str) -> None:
        countries, things, groups = _PLACES_READ.finditer_each(text)
        found: list[tuple[int, str, str]] = []
        for match in countries:
            # "the North's tactics": an owner is not what "it" stands for when the sentence
            # names another (it counts as told first)
            owner = POSSESSIVE_AFTER_RE.match(text, match.end())
            found.append((-1 if owner else match.start(), "place", match.group(1)))
        for match in things:
            if match.group(1):
                found.append((match.start(), "thing", match.group(1)))
            else:
                # A thing named before by this noun is the one meant ("the Kaesong complex").
                noun = match.group(3)
                named = [t for t in self.things if t.lower().endswith(" " + noun.split()[-1])]
                name = named[-1] if named else "the " + noun
                # "the zone stood idle", "promised this office"; one told after a preposition
                # ("buildings at the resort") only when "it" has nothing else to stand for
                after = AFTER_PREPOSITION_RE.search(text, 0, match.start())
                found.append((match.start(), "oblique" if after else "thing", name))
        for match in groups:
            found.append((match.start(1), "group", match.group(1)))
        for _, kind, name in sorted(found):
            target = {
                "place": self.places,
                "thing": self.things,
                "group": self.groups,
                "oblique": self.oblique_things,
            }[kind]
            if name in target:
                target.remove(name)
            target.append(name)
            if kind in ("place", "thing"):
                self.last_place_or_thing = kind
            if kind in ("place", "group"):
                self.last_plural = kind

    def _read_pair(self, text: str) -> None:
        for match in _PAIR_READ.finditer(text):
            first, second = match.group(1), match.group(2)
            if is_person(first) and is_person(second):
                self.pair = f"{_short(first)} and {_short(second)}"

    def _read_counted(self, text: str) -> None:
        nouns = [match.group(1) for match in _COUNTED_READ.finditer(text)]
        if nouns:
            word = nouns[-1].lower()
            self.counted = COUNTED_NOUN.get(word, word.rstrip("s") if word != "talks" else word)


class Discourse:
    """The actors named so far in a story, read lazily: the texts read are kept, and what they
    tell of an aspect is found only when a reference needs it (few headlines have one), in the
    order the texts were read. A copy shares the work done for the texts it shares."""

    def __init__(self, texts: list[str] | None = None, origin: Discourse | None = None) -> None:
        self._texts: list[str] = texts if texts is not None else []  # every text read, in order
        self._named = Named()
        self._done = dict.fromkeys(ASPECTS, 0)  # per aspect: how many texts `_named` holds
        # the discourse this one was copied from, the texts they share, and the aspects not
        # yet taken from it
        self._origin, self._shared = origin, len(self._texts)
        self.quoting = True  # whether the sentence read now quotes someone ("we" is the speaker)
        # who "I" is outside quotation marks: a transcript turn's speaker, an interviewee
        self.narrator = origin.narrator if origin is not None else ""
        # the instrument the text is the history or text of, as its title names it ("the 2020
        # amendment banning leaflet launches": "amendment"): what its stages list acts on
        self.instrument = origin.instrument if origin is not None else ""
        self._untaken = set(ASPECTS) if origin is not None else set()

    def copy(self) -> Discourse:
        return Discourse(list(self._texts), self)

    def read(self, text: str) -> None:
        """Take note of the actors a text names (when they are needed)."""
        self._texts.append(text)

    def named(self, *aspects: str) -> Named:
        """The actors named by every text read so far (as far as `aspects` go)."""
        for aspect in aspects:
            self._advance(len(self._texts), aspect)
        return self._named

    @property
    def things(self) -> list[str]:
        return self.named(PLACES).things

    def _advance(self, upto: int, aspect: str) -> None:
        """Read the first `upto` texts for an aspect, from what was found already, or from what
        its origin found for the texts they share (when it has not read further)."""
        if aspect in self._untaken:
            self._untaken.discard(aspect)
            origin, shared = self._origin, self._shared
            assert origin is not None
            if origin._done[aspect] <= shared <= upto:
                origin._advance(shared, aspect)
                self._named.take(origin._named, aspect)
                self._done[aspect] = shared
        for text in self._texts[self._done[aspect] : upto]:
            self._named.read(text, aspect)
        self._done[aspect] = max(self._done[aspect], upto)

    def resolve(self, phrase: str, besides: list[str] | None = None) -> str:
        """The named actor a subject phrase stands for, or the phrase itself; never one of the
        people it is coordinated with (`besides`: "he and Kim Jong Un")."""
        lower = phrase.lower().strip()
        if lower in FIXED:
            return FIXED[lower]
        ordinal = ORDINAL_RE.match(lower)
        if lower == "i" and not self.quoting and self.narrator:
            return self.narrator  # "I married a fisherman in 1961": the interviewee
        if lower in ("we", "i") and not self.quoting:
            return phrase  # "We met in a cafe": the writer, not someone named
        if lower in ("he", "she", "we", "i"):
            people = [
                p
                for p in self.named(PEOPLE).people
                if not any(_same_person(p, other) for other in besides or [])
            ]
            if people:
                return people[-1]  # "we" in a quotation: its speaker, named nearby
        elif lower in ("it", "they"):
            named = self.named(PLACES)
            if (
                lower == "it"
                and named.things
                and (named.last_place_or_thing == "thing" or not named.places)
            ):
                return named.things[-1]
            if (
                lower == "they"
                and named.groups
                and (named.last_plural == "group" or not named.places)
            ):
                return named.groups[-1]
            if named.places:
                place = named.places[-1]
                return "U.S." if place == "the U.S." else FIXED.get(place.lower(), place)
            if lower == "it" and named.oblique_things:
                return named.oblique_things[-1]
        elif lower in ("the two leaders", "both leaders", "the two men"):
            named = self.named(PAIR, PEOPLE)
            if named.pair:
                return named.pair
            if len(named.people) >= 2:
                return f"{_short(named.people[-2])} and {_short(named.people[-1])}"
        elif ordinal:
            counted = self.named(COUNTED).counted
            if counted:
                return f"{ordinal.group(1).capitalize()} {counted}"
        elif (
            FAMILY_NAME_RE.fullmatch(phrase.strip())
            and not besides
            and phrase.strip() not in _leader_family_names()
            and not COUNTRY_RE.fullmatch(phrase.strip())
        ):
            # "Song died in 2009": Song Jae-ho, named in full before (a leader keeps the name
            # the news knows them by: "Kim", "Trump"; so do two people: "Putin and Kim")
            person = self.named(PEOPLE).by_family.get(phrase.strip())
            if person is not None:
                return person
        elif definite := DEFINITE_THING_RE.fullmatch(lower):
            # "the complex closed": the Kaesong Industrial Complex, named before
            noun = definite.group(1)
            named = [t for t in self.named(PLACES).things if _head_noun(t) == noun]
            if named and not named[-1].lower().startswith("the "):
                return named[-1]
            if noun in BODIES:  # "the ministry": the one named, not the last one told
                return phrase
            return self._described(noun) or self._described(*SAME_PLACE.get(noun, ())) or phrase
        elif definite := DEFINITE_NOUN_RE.fullmatch(lower):
            return self._described(definite.group(1)) or phrase
        return phrase

    def _described(self, *nouns: str) -> str:
        """The fuller description a story gave a thing it now calls by its noun alone, the last
        one told ("the joint liaison office" ... "the office opened"), by any of `nouns`: ''
        when none."""
        patterns = [_description_re(noun) for noun in nouns]
        for text in reversed(self._texts):
            found = [m for pattern in patterns for m in pattern.finditer(text)]
            if found:
                return max(found, key=lambda m: m.start()).group(1)
        return ""


def _head_noun(thing: str) -> str:
    """'Kaesong Industrial Complex' -> 'complex'; 'Ministry of Unification' -> 'ministry'."""
    return re.split(r" (?:of|for) ", thing)[0].split()[-1].lower()


@lru_cache(maxsize=4096)
def _family(name: str) -> str:
    """The name a story calls a person by: 'Lee Jae-myung' -> 'Lee', 'Donald Trump' -> 'Trump'."""
    full = KNOWN_PEOPLE.get(name, name)
    words = full.split()
    korean = len(words) >= 2 and ("-" in words[-1] or (len(words) == 3 and "." not in full))
    return words[0] if korean else words[-1]  # "George W. Bush" -> "Bush"


@lru_cache(maxsize=1)
def _leader_family_names() -> frozenset[str]:
    """The names the news calls leaders by: "Kim", "Moon", "Trump" (eras table)."""
    return frozenset(_family(name) for name in KNOWN_PEOPLE.values())


def _same_person(one: str, other: str) -> bool:
    """One person named twice: the same family name, and one of them that name alone ("Lee",
    "Mrs Choi", "Lee Jae-myung"); "Park Mi-ran" is not "Park Geun-hye"."""
    one, other = HONORIFIC_RE.sub("", one), HONORIFIC_RE.sub("", other)
    if _family(one) != _family(other):
        return False
    return one == other or len(one.split()) == 1 or len(other.split()) == 1


def is_person(name: str) -> bool:
    """Whether a capitalised name may be a person's (not a country, a body or a war)."""
    if name in KNOWN_PEOPLE:
        return True
    if name in NOT_PEOPLE or COUNTRY_RE.fullmatch(name):
        return False
    return not any(word in NOT_PERSON_WORDS for word in name.split())


def _short(name: str) -> str:
    """'Donald Trump' -> 'Trump', 'Kim Jong Un' -> 'Kim' for a pair in a headline."""
    full = KNOWN_PEOPLE.get(name, name)
    return (
        full.split()[0]
        if full.startswith(("Kim ", "Moon ", "Yoon ", "Lee ", "Park "))
        else (full.split()[-1])
    )
