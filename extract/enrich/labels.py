"""Chart labels: the shortest name of an event (2-6 words), from its headline."""

from __future__ import annotations

import re

MAX_LABEL_WORDS = 6
MARKERS_RE = re.compile(r"\s*\((?:planned|ongoing since)\)\s*$")
TRAILING_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with by from and or but as that this its their his her".split()
)


def label_of(headline: str) -> str:
    """A short name for the event a headline tells: at most six words, not ending on a
    function word, without the "(planned)" / "(ongoing since)" markers."""
    words = MARKERS_RE.sub("", headline).rstrip("…").split()[:MAX_LABEL_WORDS]
    while len(words) > 2 and words[-1].lower().strip(",;:") in TRAILING_FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:")
