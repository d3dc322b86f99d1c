"""What kind of event a clause tells, as a number for the event's weight: summits, agreements,
tests, closures, openings, and cuts and restorations of channels weigh more than statements."""

from __future__ import annotations

import re

from extract.prefilter import PrefilterSet

# (pattern over the event's clause, weight of that kind); the heaviest kind found wins.
KIND_WEIGHTS: tuple[tuple[str, float], ...] = (
    (r"\bsummits?\b|\bmet\b|\bmeets?\b|\bmeeting\b", 1.0),
    (r"\bagree(?:d|ment|s)?\b|\bdeclaration\b|\baccord\b|\bsign(?:ed|s)?\b|\btreaty\b", 0.95),
    (r"\bnuclear tests?\b|\bdetonat\w*|\bICBM\b|\bintercontinental\b", 1.0),
    (r"\b(?:tested|tests?|launch\w*|fired|fires)\b", 0.8),
    (r"\b(?:clos\w*|shut\w*|suspend\w*|cut|cuts|sever\w*|halt\w*)", 0.9),
    (r"\b(?:blew up|blown up|blow up|demolish\w*|destroy\w*)", 0.9),
    (r"\b(?:reopen\w*|restor\w*|resum\w*|reconnect\w*|open(?:ed|s)?)\b", 0.9),
    (r"\b(?:shell\w*|attack\w*|sank|sunk|kill\w*|clash\w*)\b", 0.85),
    (r"\b(?:elected|inaugurat\w*|took office|sworn in|impeach\w*|removed)\b", 0.75),
    (r"\b(?:talks|visit\w*|negotiat\w*|envoy|delegation)\b", 0.7),
    (r"\b(?:sanction\w*|ban\w*)\b", 0.7),
)
DEFAULT_KIND_WEIGHT = 0.4  # statements, reports, other
_KIND_RES = PrefilterSet([re.compile(pattern, re.IGNORECASE) for pattern, _ in KIND_WEIGHTS])


def kind_weight(clause: str) -> float:
    """The weight of the heaviest kind of event the clause tells (DEFAULT_KIND_WEIGHT if none)."""
    return max(
        (
            weight
            for (_, weight), match in zip(KIND_WEIGHTS, _KIND_RES.search_each(clause), strict=True)
            if match
        ),
        default=DEFAULT_KIND_WEIGHT,
    )
