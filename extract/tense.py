"""The tense of the clause around a temporal expression: which way a bare weekday or month points.

News reports the past by default; a future marker near the expression ("will", "is to",
"scheduled", "plans to restore ...") turns it forward; a present-tense frame means "closest".
"""

from __future__ import annotations

import re

FUTURE_WORDS = frozenset(
    """will 'll ’ll shall would scheduled slated planned plans planning plan expected expects
    expect anticipated anticipates anticipate upcoming due intends intend intended aims aim
    proposed proposes propose set looking forthcoming coming""".split()
)
PRESENT_WORDS = frozenset("is are am says say tells announces remains continues".split())
IRREGULAR_PAST = frozenset(
    """said met told held made took went came began gave saw sent left led won lost fell rose
    broke spoke wrote ran became found flew fought got had was were did knew thought brought
    bought caught taught felt kept meant paid put read set shut sold stood struck swore threw
    understood withdrew wore drove ate hit hid hung laid lay let lit overtook quit rang rode
    sang sank shook shot slid sought spent split spread stole stuck stung strove swept swung
    tore undertook upheld woke wound arose awoke bore forbade forgave froze grew overcame
    oversaw rebuilt reread sped underwent""".split()
)
NOT_PAST_ED = frozenset(
    """united red need indeed bed speed seed feed proceed exceed succeed embed hundred kindred
    limited based armed""".split()
)
FUNCTION_WORDS = frozenset(
    """the a an this that these those his her its their our my your to of in on at for with by
    from as and or but not no""".split()
)
CLAUSE_BREAK_RE = re.compile(r"[;:—–]|\s-\s")
WORD_RE = re.compile(r"[A-Za-z’'-]+")
# Before these an -ed word is an adjective ("a failed launch", "North Korea's televised speech").
DETERMINERS = frozenset(
    "a an the this that these its his her their our my your some any no every".split()
)


def tense_before(sentence: str, position: int, window: int = 14) -> str:
    """'future', 'past' or 'present' for an expression starting at `position` in `sentence`."""
    head = sentence[:position]
    breaks = list(CLAUSE_BREAK_RE.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    words = WORD_RE.findall(head)[-window:]
    tokens = [t.lower() for t in words]
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        previous = tokens[index - 1] if index > 0 else ""
        if token in FUTURE_WORDS:
            return "future"
        if previous == "to" and words[index].islower() and token not in FUNCTION_WORDS:
            return "future"
        adjective = previous in DETERMINERS or previous.endswith(("'s", "’s"))
        if not adjective and (
            token in IRREGULAR_PAST
            or (token.endswith("ed") and len(token) > 4 and token not in NOT_PAST_ED)
        ):
            return "past"
        if token in PRESENT_WORDS or (token.endswith("ing") and previous in PRESENT_WORDS):
            return "present"
    tail = sentence[position:]
    after = [t.lower() for t in WORD_RE.findall(tail)][:6]
    if any(t in FUTURE_WORDS for t in after):
        return "future"
    return "past"
