"""The tense of the clause around a temporal expression: which way a bare weekday or month points.

News reports the past by default; a future marker near the expression ("will", "is to",
"scheduled", "plans to restore ...") turns it forward; a present-tense frame means "closest".
"""

from __future__ import annotations

import re

from extract.dating.vocabulary import MEANS, SCHEDULE_VERBS
from extract.prefilter import Prefiltered
from extract.sentences import SPEAKER_LABEL_RE

FUTURE_WORDS = frozenset(
    """will 'll ’ll shall would scheduled slated planned plans planning plan expected expects
    expect anticipated anticipates anticipate upcoming due intends intend intended aims aim
    proposed proposes propose set looking forthcoming coming must payable should""".split()
)
PRESENT_WORDS = frozenset(
    """is are am says say tells announces remains continues marks falls begins starts ends
    takes""".split()
)
# Journeys told in the present right before their day are ahead ("leaves on Monday")
TRAVEL_PRESENT = frozenset("leaves departs flies travels heads sails".split())
IRREGULAR_PAST = frozenset(
    """said met told held made took went came began gave saw sent left led won lost fell rose
    broke spoke wrote ran became found flew fought got had was were did knew thought brought
    bought caught taught felt kept meant paid put read set shut sold stood struck swore threw
    understood withdrew wore drove ate hit hid hung laid lay let lit overtook quit rang rode
    sang sank shook shot slid sought spent split spread stole stuck stung strove swept swung
    tore undertook upheld woke wound arose awoke bore forbade forgave froze grew overcame
    oversaw rebuilt reread sped underwent blew drew dug fled bent bit built burnt chose clung
    crept dealt dove drank forgot knelt leapt lent misled mistook outgrew sat slept spun sprang
    swam wept withheld bred foresaw forsook overheard overran overthrew retook shrank slung
    stank strode strung trod wove wrung befell beheld""".split()
)
# Irregular past participles that are not also past forms: "a poll taken from Friday to Sunday"
PAST_PARTICIPLES = frozenset(
    "taken seen written shown chosen spoken driven broken drawn flown thrown beaten fallen stolen"
    " sworn torn begun undertaken overtaken withdrawn".split()
)
# A verb in the past that tells an act ("instructed", "met"; not "was", "had").
PAST_VERB = (
    r"\b(?!(?:was|were|had|did)\b)(?:[a-z]{3,}ed|" + "|".join(sorted(IRREGULAR_PAST)) + r")\b"
)
NOT_PAST_ED = frozenset(
    """united red need indeed bed speed seed feed proceed exceed succeed embed hundred kindred
    limited based armed""".split()
)
# Future words that are nouns after a determiner: "notified Pyongyang of the plan on Tuesday".
PLAN_NOUNS = frozenset("plan plans set".split())
SUBJECT_WORDS = frozenset("he she it they we i you who which that".split())
DEGREE_WORDS = frozenset("less more most so too very deeply greatly not".split())
# Past verbs whose infinitive happened (or was tried) then: "failed to launch ... on Monday".
DONE_VERBS = frozenset("failed tried managed attempted refused declined moved rushed voted".split())
SCORE_RE = re.compile(r"\d+-\d+|unanimously")  # "voted 190-0 to", "voted unanimously to"
# "the first sitting American president to set foot in North Korea on Sunday": what someone was
# the first to do is done, no intent.
RANKED_RE = re.compile(r"\bthe (?:first|second|third|last|only|latest)\b")
# A verb, "to" and a noun: no infinitive ("came to power in December", "called to order").
TO_NOUN_IDIOMS = frozenset(
    [
        *((verb, "power") for verb in "came come rose risen swept returned".split()),
        *((verb, "office") for verb in "came come returned".split()),
        *((verb, "death") for verb in "sentenced put".split()),
        *((verb, "war") for verb in "went gone".split()),
        ("called", "order"),
        ("brought", "justice"),
        ("came", "light"),
        ("sent", "prison"),
        # "returned to port early on Sunday", "put to sea on Monday": a place, no infinitive
        *(
            (verb, place)
            for verb in """returned return returns went go goes came come headed head heads sailed
            sail sails steamed towed put""".split()
            for place in ("port", "sea", "shore")
        ),
    ]
)
# Words after which "to" leads the way somewhere: "turned back to port", "flew home to Seoul".
DIRECTIONS = frozenset("back home out away down over across north south east west".split())
# Verbs whose infinitive tells what something is, not an intention: "what appeared to be an ICBM"
RAISING_VERBS = frozenset("appeared appears appear seemed seems seem proved proves".split())
FUNCTION_WORDS = frozenset(
    """the a an this that these those his her its their our my your to of in on at for with by
    from as and or but not no us them him me you it""".split()  # "spoke to us": no infinitive
)
CLAUSE_BREAK_RE = re.compile(
    r"[;—–]|(?<!\d):(?!\d)|\s-\s"  # not the colon of a clock time ("at 4:50 a.m.")
    r"|[,.!?][\"”]"  # the end of a quotation: '"... opens on Christmas Day," she said'"
    r"|,\s+(?=(?:\w+ing|which|who|where|when|while|whereas|although|though|because)\b)"
    # ", and on July 13 the ministry named ...": a new clause, dated first
    r"|,\s+(?:and|but)\s+(?=(?:on|in|at|by|early|late|last|this|next)\s|$)"
)
# A relative clause or a participle set off by commas inside the clause: it tells of its noun, not
# the clause's time ("Park, who was born in Sinuiju, turns 90 on Tuesday"; "will attend the
# assembly, held online, from June 29").
INSERTION_RE = re.compile(
    r",\s+(?:who|which|whose|(?:\w+ly\s+)?(?:\w+ed|held|born|built|made|known|shown|set|led|sent"
    r"|kept|won|taken|given|seen|chosen|written|drawn))\b[^,;:—–()]{0,80},"
    # the clause goes on with its verb ("turns"), or the date follows ("from June 29")
    r"(?=\s*$|\s+(?!(?:in|on|at|of|for|to|from|with|by|and|or|but|as)\b)[a-z])"
)
FRONTED_CLAUSE_RE = re.compile(
    r"^\W*(?:When|Once|If|Until|Before|After|As soon as|Whenever|In|On|At|During|By)\b"
)
# Markers that make the rest of their clause future, whatever adjectives follow ("is to hold
# talks with allied leaders Saturday").
STRONG_FUTURE_RE = re.compile(
    r"\b(?:will|shall|(?:is|are|am|was|were)\s+(?:set\s+|due\s+|scheduled\s+|expected\s+)?to"
    r"|scheduled|slated|plans?\s+to|planning\s+to|intends?\s+to|upcoming|must(?!\s+have))\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)
_STRONG_FUTURE = Prefiltered(STRONG_FUTURE_RE)  # searched before every date: half the time
# How many words after the expression are read for its tense when the words before tell none.
TAIL_WORDS = 16
# What may come before the first word of a sentence: quotes and list bullets.
SENTENCE_OPENERS = ' "“•*·-'
# A deadline of a task still to do: "(ordered that ...) be completed by", "to be finished by".
DEADLINE_RE = re.compile(r"\bbe\s+[a-z]+(?:ed|en)\b(?:\s+[\w’'-]+){0,5}?\s+by\s+(?:the\s+)?$")
# What a response answers, told before its date: "in response to the North's test on Jan. 6"
RESPONSE_TO_RE = re.compile(
    r"\bin\s+(?:response|retaliation|reaction|protest)\s+(?:to|for|against|at)\b[^,;:]*$",
    re.IGNORECASE,
)
# What is still possible: "officials have not ruled out his attending the parade on May 9"
NOT_RULED_OUT_RE = re.compile(r"\b(?:not|never)\s+(?:been\s+)?rul(?:ed|e|ing)\s+out\b(?!\s*[.,;])")
# What was put off, before its new date: "was postponed on 18 August until 2-4 October"
POSTPONED_RE = re.compile(r"\b(?:postponed|delayed|deferred|rescheduled|put off|pushed back)\b")
NEW_DATE_RE = re.compile(r"(?i:until|till)\b")
# A month's word before a number: "Dec. 3 led to" is a date, not a count ("40 armoured").
MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december".split()
)
TOKEN_RE = re.compile(r"[A-Za-z0-9’'-]+")
SINCE_RE = re.compile(r"\W*since\b", re.IGNORECASE)
# "since taking office on June 4": the start of a state, in the past.
SINCE_GERUND_RE = re.compile(r"\bsince\s+\w+ing\b(?:\s+\w+){0,3}\s+(?:on|in)?\s*$", re.IGNORECASE)
# Before these an -ed word is an adjective ("a failed launch", "North Korea's televised speech").
DETERMINERS = frozenset(
    "a an the this these its his her their our my your some any no every".split()
)


def _clause_head(sentence: str, position: int) -> str:
    head = sentence[max(0, position - 400) : position]
    head = INSERTION_RE.sub(" ", head)  # "Park, who was born in Sinuiju, turns 90 on Tuesday"
    breaks = list(CLAUSE_BREAK_RE.finditer(head))
    return head[breaks[-1].end() :] if breaks else head


def _sentence_start(sentence: str) -> int:
    """Where the sentence's words begin, after a speaker's label ("AHN: In his speech, ...")."""
    label = SPEAKER_LABEL_RE.match(sentence)
    return label.end() if label else 0


def _opens_sentence(sentence: str, position: int) -> bool:
    """Whether only quotes, bullets or a speaker's label come before `position`."""
    return not sentence[_sentence_start(sentence) : position].strip(SENTENCE_OPENERS)


def _clause_tail(sentence: str, position: int) -> str:
    """The rest of the clause; a fronted adverbial ("In January, Kim declared") reads on."""
    tail = sentence[position : position + 200]
    # A fronted adverbial or subordinate clause reads on into the main clause: "In January, Kim
    # declared ...", "When leaders gather in Gyeongju on Friday, the city will host ...".
    start = _sentence_start(sentence)
    fronted = _opens_sentence(sentence, position) or bool(
        FRONTED_CLAUSE_RE.match(sentence[start:]) and "," not in sentence[start:position]
    )
    heading = re.match(r"[^:—–]{0,30}[:—–]\s", tail) if fronted else None
    if heading:  # "• Monday: Hegseth visited ...", "3:51 p.m. — Talks ...": the entry reads on
        tail = tail[heading.end() :]
    stop = CLAUSE_BREAK_RE.search(tail) or (None if fronted else re.search(r",\s", tail))
    return tail[: stop.start()] if stop else tail


def _is_past(token: str, previous: str) -> bool:
    if previous in DETERMINERS or previous.endswith(("'s", "’s")):
        return False  # "a failed launch": an adjective
    if previous in ("for", "of", "with", "among") and token.endswith("ed"):
        return False  # "a service for separated families": an adjective
    if previous in ("be", "being", "getting", "remain", "remains", "stay", "stays"):
        return False  # "will be held", "is getting married", "will remain closed": no past
    if token == "won" and (
        previous in ("million", "billion", "trillion", "thousand") or previous[:1].isdigit()
    ):
        return False  # "150 million won": South Korea's currency
    if token in PAST_PARTICIPLES:
        return previous not in ("is", "are", "am", "gets", "get")  # "is sworn in on May 10"
    return token in IRREGULAR_PAST or (
        token.endswith("ed") and len(token) > 4 and token not in NOT_PAST_ED
    )


LAST_DONE_RE = re.compile(r"\blast\s+([a-z]+)\b")


def last_done(sentence: str, position: int) -> bool:
    """Whether the clause tells when something was last done ("North Korea last launched an
    ICBM on July 28", "was last seen"): the most recent time before the text, whatever year the
    story was in."""
    head = _clause_head(sentence, position)
    return any(_is_past(m.group(1), "") for m in LAST_DONE_RE.finditer(head))


def _bare_set(token: str, previous: str, following: str) -> bool:
    """'again set an extra place', 'Lee set out his approach': a past verb, not 'is set to' nor
    'a congress set for May'."""
    return (
        token == "set"
        and previous not in ("is", "are", "was", "were", "be", "been", "all")
        and following not in ("for", "to")
    )


def _reduced_relative(head: str, marker: re.Match[str]) -> bool:
    """'talks scheduled for Thursday': a participle after a noun, not 'are scheduled to'."""
    return marker.group(0).lower() in ("scheduled", "slated") and not re.search(
        r"\b(?:is|are|am|was|were|be|been|being)\s+$", head[: marker.start()], re.IGNORECASE
    )


def _proposed_act(token: str, previous: str, following: str) -> bool:
    """'Kwon proposed contact on May 26': a proposal made then (past), not 'the proposed talks'
    nor 'talks proposed for May 26' nor 'proposed to hold talks on Jan. 9' (planned)."""
    return (
        token == "proposed"
        and previous not in DETERMINERS
        and previous not in ("be", "been", "is", "are", "was", "were")
        and following not in ("for", "to")
    )


def _plan_noun(head: str, marker: re.Match[str]) -> bool:
    """'submitted the spending plan to parliament': a noun, not 'plans to hold'."""
    if not marker.group(0).lower().startswith("plan"):
        return False
    before = [t.lower() for t in TOKEN_RE.findall(head[: marker.start()])[-2:]]
    return bool(DETERMINERS & set(before))


# the main verb right after the set-off participle phrase: "..., scheduled for March 16, was"
MAIN_PAST_AFTER_COMMA_RE = re.compile(r"[^,;.]{0,25},\s*(?:was|were|had)\b")


def _has_past(tail: str) -> bool:
    tokens = [t.lower() for t in TOKEN_RE.findall(tail)][:8]
    return any(
        token in ("was", "were") or _is_past(token, tokens[i - 1] if i else "")
        for i, token in enumerate(tokens)
    )


def tense_before(sentence: str, position: int, window: int = 14) -> str:
    """'future', 'intent', 'past' or 'present' for an expression at `position` in `sentence`.

    'present' also stands for "no sign either way": resolvers then take the closest date.
    'intent' is a bare infinitive ("to hold talks ..."): forward if the date is near.
    """
    head = _clause_head(sentence, position)
    if SINCE_RE.match(head) or SINCE_GERUND_RE.search(head):
        return "past"  # "Since returning to the White House in January, ...", "... since
        # taking office on June 4"
    if POSTPONED_RE.search(head) and NEW_DATE_RE.match(sentence, position):
        return "future"  # "postponed on 18 August until 2-4 October": the new date is ahead
    if DEADLINE_RE.search(head):
        return "future"  # "ordered that reconstruction be completed by October": ahead of the order
    if RESPONSE_TO_RE.search(head):
        return "past"  # "would suspend operations in response to the North's nuclear test on
        # Jan. 6 and its rocket launch on Sunday": what is answered has happened
    if NOT_RULED_OUT_RE.search(head):
        return "future"  # "have not ruled out his attending the parade on May 9": a possibility
    head_tokens = TOKEN_RE.findall(head)
    last_words = [t.lower() for t in head_tokens[-3:]]
    if last_words and last_words[-1] == "on":
        last_words.pop()
    if (
        len(last_words) >= 2
        and last_words[-1] not in FUTURE_WORDS
        and _is_past(last_words[-1], last_words[-2])
    ):
        return "past"  # "..., an envoy announced Thursday": the reporting verb's own tense
    markers = [m for m in _STRONG_FUTURE.finditer(head) if not _plan_noun(head, m)]
    if markers:
        if _reduced_relative(head, markers[-1]) and (
            _has_past(_clause_tail(sentence, position))
            or MAIN_PAST_AFTER_COMMA_RE.match(sentence, position)
        ):
            return "past"  # "a ceremony scheduled for Thursday was postponed": it was due then
            # (", scheduled for March 16, was called off" too)

        between = [t.lower() for t in TOKEN_RE.findall(head[markers[-1].end() :])]
        # the word right after "will" is its verb's base form ("will let", "will set")
        if not any(
            t in IRREGULAR_PAST and t != "set" and i > 0 and between[i - 1] not in ("be", "being")
            for i, t in enumerate(between)
        ):
            return "future"
    words = head_tokens[-window:]
    first_after = next(iter(TOKEN_RE.findall(sentence[position : position + 20])), "").lower()
    tokens = [t.lower() for t in words]
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        previous = tokens[index - 1] if index > 0 else ""
        following = (tokens[index + 1 :] or [first_after])[0]
        if token in FUTURE_WORDS and not (
            _proposed_act(token, previous, following)
            or (token in PLAN_NOUNS and previous in DETERMINERS)
            or (token in ("plan", "plans") and DETERMINERS & set(tokens[max(index - 2, 0) : index]))
            or _bare_set(token, previous, (tokens[index + 1 :] or [first_after])[0])
        ):
            return "future"
        plural_noun = token.endswith("s") and not token.endswith(("ss", "us", "is"))
        if (
            previous == "to"
            and words[index].islower()
            and token not in FUNCTION_WORDS
            and not plural_noun  # "lost to hosts Germany": no verb's base form
            and (tokens[index - 2] if index >= 2 else "", token) not in TO_NOUN_IDIOMS
            # "turned back to port", "returned home to Seoul": a way, not an infinitive
            and (tokens[index - 2] if index >= 2 else "") not in DIRECTIONS
            # "fired what appeared to be an ICBM": no infinitive of intent
            and (tokens[index - 2] if index >= 2 else "") not in RAISING_VERBS
            and not RANKED_RE.search(" ".join(tokens[max(0, index - 8) : index - 1]))
        ):
            done = [w for w in tokens[max(0, index - 3) : index - 1] if not SCORE_RE.fullmatch(w)]
            if done and done[-1] in DONE_VERBS:
                return "past"  # "failed to put a satellite into orbit on Monday": it happened
                # ("voted 190-0 to demand that it be lifted at 1 a.m. on Wednesday": the vote)
            return "intent"  # "offering to hold talks on January 9": forward, but only just
        if token == "invited" and previous in ("been", "is", "are", "am"):
            return "future"  # "Lee has been invited to the G7 summit ... from June 15 to 17"
        counted = previous.isdigit() and (tokens[index - 2] if index > 1 else "") not in MONTHS
        # "reunions of families separated by the Korean War": a participle after its noun
        # ("arrived by ferry": a way, not an agent; "less moved by": an adjective, past)
        reduced = (
            following == "by"
            and previous not in SUBJECT_WORDS | DEGREE_WORDS
            and words[index - 1].islower()
            and (tokens[index + 2 :] or [first_after])[0] not in MEANS
        )
        if _is_past(token, previous) and not counted and not reduced:  # not "40 armoured vehicles"
            return "past"
        if token.endswith("ing") and previous in ("is", "are", "am", "'re", "’re"):
            return "intent"  # "My grandson is getting married on Saturday": an arrangement
        if token in PRESENT_WORDS or (token.endswith("ing") and previous in PRESENT_WORDS):
            return "present"
        if token in SCHEDULE_VERBS and previous not in DETERMINERS:
            return "present"  # "... and end on Thursday": a schedule, not the past before it
        if token in TRAVEL_PRESENT and index == len(tokens) - 1:
            return "future"  # "He leaves on Monday for Brussels": a journey ahead
        if token == "turns" and following.isdigit():
            return "future"  # "My mother turns 89 on Christmas Day": the birthday ahead
        if previous in ("he", "she", "who") and token.endswith("s") and not token.endswith("ss"):
            return "present"  # "soon after he takes office on May 10": not the past before it
    tail = _clause_tail(sentence, position)
    tail_tokens = [t.lower() for t in TOKEN_RE.findall(tail)]
    found = _tense_of(tail_tokens[:TAIL_WORDS])
    if found is None and _opens_sentence(sentence, position):
        # "In March, days after the anniversary, Kim visited ...": a phrase that opens the
        # sentence takes the tense of the sentence it opens ("On May 28 the first of more than
        # 30 waves of balloons carrying trash drifted south": its verb, however far)
        rest = sentence[position + len(tail) :]
        found = _tense_of(tail_tokens[TAIL_WORDS:] + [t.lower() for t in TOKEN_RE.findall(rest)])
    colon = LIST_COLON_RE.search(sentence, 0, position)
    if found is None and colon is not None:
        # "We went three times: in March, last Friday, and on Saturday": a list's items take
        # the tense of the clause that introduces them
        introduction = _clause_head(sentence, colon.start())
        found = _tense_of([t.lower() for t in TOKEN_RE.findall(introduction)])
    return found or "present"


LIST_COLON_RE = re.compile(r"(?<!\d):(?!\d)[^:]*$")


NOW_RE = re.compile(r"\b(?:now|these\s+days|nowadays)\b", re.IGNORECASE)
MODALS = frozenset("will 'll ’ll shall would".split())


def tells_now(sentence: str) -> bool:
    """Whether a sentence tells the present of the text, in the present tense ("He works in the
    ministry's archive now."): 'now' and no past verb nor modal."""
    if not NOW_RE.search(sentence):
        return False
    tokens = [t.lower() for t in TOKEN_RE.findall(sentence)]
    return not any(
        token in MODALS or _is_past(token, tokens[index - 1] if index else "")
        for index, token in enumerate(tokens)
    )


def _tense_of(tokens: list[str]) -> str | None:
    """The tense the first sign among these words tells (read forward), or None."""
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _proposed_act(token, previous, following):
            return "past"  # "In October the Secretariat ... proposed merging them"
        if token in FUTURE_WORDS and not _bare_set(token, previous, following):
            if "that" in tokens[:index] and _tense_of_main(tokens[index + 1 :]) == "past":
                return "past"  # "In August, the warning that the North would face ... sent"
            return "future"
        if _is_past(token, previous):
            return "past"
        if token in PRESENT_WORDS:
            return "present"
    return None


def _tense_of_main(tokens: list[str]) -> str | None:
    """A past verb after a that-clause's own verb ("... would face fire and fury sent the
    index"): the main clause's tense, past; else None."""
    for index in range(1, len(tokens)):
        if _is_past(tokens[index], tokens[index - 1]) and tokens[index - 1] not in (
            "been",
            "be",
            "have",
            "has",
            "had",
        ):
            return "past"
    return None
