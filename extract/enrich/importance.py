"""What kind of event a clause tells, as a number for the event's weight: summits, agreements,
tests, closures, openings, and cuts and restorations of channels weigh more than statements."""

from __future__ import annotations

import re

from extract.prefilter import PrefilterSet

# (pattern over the event's clause, weight of that kind); the heaviest kind found wins.
KIND_WEIGHTS: tuple[tuple[str, float], ...] = (
    (r"\bsummits?\b|\bmet\b|\bmeets?\b", 1.0),
    (
        r"\bagree(?:d|ment|s)?\b|\bdeclaration\b|\baccord\b|\bsign(?:ed|s)?\b|\btreaty\b|\bpact\b",
        1.0,
    ),
    (r"\bnuclear tests?\b|\bdetonat\w*|\bICBMs?\b|\bintercontinental\b", 1.0),
    (r"\b(?:clos\w*|shut\w*|suspend\w*|cut|cuts|sever\w*|halt\w*)", 1.0),
    (r"\b(?:blew up|blown up|blow up|blows up|demolish\w*|destroy\w*)", 1.0),
    (r"\b(?:reopen\w*|restor\w*|resum\w*|reconnect\w*)\b", 1.0),
    (r"\b(?:shell\w*|attack\w*|sank|sinks?|sunk|kill\w*|clash\w*)\b", 0.9),
    (r"\b(?:tested|tests?|launch\w*|fired|fires)\b", 0.8),
    (r"\b(?:elect\w*|inaugurat\w*|takes? office|took office|sworn in|impeach\w*|removed)\b", 0.8),
    (r"\b(?:collapse\w*|break\w* down|broke down)\b", 0.8),
    (r"\b(?:talks|negotiat\w*|envoy|delegation)\b", 0.6),
    (r"\b(?:sanction\w*|ban\w*)\b", 0.7),
    (r"\b(?:visit\w*|arriv\w*|travel\w*)\b", 0.5),
)
DEFAULT_KIND_WEIGHT = 0.3  # statements, reports, other
# Verbs that only say an event took place: the event's kind is in their object.
LIGHT_VERBS = frozenset("hold have conduct stage carry make take be begin start".split())
_KIND_RES = PrefilterSet([re.compile(pattern, re.IGNORECASE) for pattern, _ in KIND_WEIGHTS])


def kind_weight(verb: str, words: str) -> float:
    """The weight of the kind of event a clause tells: its verb's kind, or, for a verb that
    only says it took place ('hold a summit', 'conduct a test') or an event told as a noun
    phrase, the heaviest kind among its words (DEFAULT_KIND_WEIGHT if none)."""
    if verb and not LIGHT_VERBS.intersection(verb.split()):  # 'held hold': a light verb too
        return _heaviest(verb) or DEFAULT_KIND_WEIGHT
    return _heaviest(words) or DEFAULT_KIND_WEIGHT


def _heaviest(text: str) -> float:
    found = _KIND_RES.search_each(text)
    return max(
        (weight for (_, weight), match in zip(KIND_WEIGHTS, found, strict=True) if match),
        default=0.0,
    )
