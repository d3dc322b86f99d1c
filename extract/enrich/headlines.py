"""Short headlines for events: the clause that tells the event, without its date words.

A sentence often tells several things; the headline is cut from the smallest clause around the
temporal expression that still says something (three words or more once the date is removed),
then shortened to about a dozen words.
"""

from __future__ import annotations

import re
from functools import lru_cache

SUBORDINATORS = (
    r"that|which|who|whom|since|after|before|when|while|because|as|until|although|though"
    r"|whereas|where"
)
LEFT_BOUNDARY_RE = re.compile(rf"[;:—–]\s*|\s-\s|,\s+|\b(?:{SUBORDINATORS})\s+", re.IGNORECASE)
RIGHT_BOUNDARY_RE = re.compile(
    r"(?<!\s)\s*(?:[;:—–]|\s-\s|,\s|\s(?:which|who|whom|because|although|though|whereas|while)\s)",
    re.IGNORECASE,
)
LEADING_FILLER_RE = re.compile(
    rf"^(?:(?:and|but|however|meanwhile|also|then|so|yet|still|now|in addition|{SUBORDINATORS})"
    r"\b[,\s]*)+",
    re.IGNORECASE,
)
CAPTION_CREDIT_RE = re.compile(
    r"^(?:FILE(?: PHOTO)?\s*[:-]?\s*|Getty Images\s+|(?:AP|AFP|Reuters|Yonhap)\s+Photo\s*[:-]?\s*"
    r"|In this (?:handout )?(?:image|photo|picture)[^,]*,\s*)+",
    re.IGNORECASE,
)
DANGLING_RE = re.compile(
    r"(?:\s+(?:on|in|at|since|by|of|for|from|to|the|a|an|and|or|with|during|until|off|"
    r"after|before|than|its|their|his|her|that|this|as|into|over|about))+\s*$",
    re.IGNORECASE,
)
MIN_WORDS = 5
MAX_WORDS = 12  # a longer clause is cut here and marked with an ellipsis...
WHOLE_CLAUSE_WORDS = 16  # ...unless it ends within this many words: then it is kept whole


def _words_without(text: str, start: int, end: int, clause: tuple[int, int]) -> int:
    left, right = clause
    return len((text[left : max(left, start)] + " " + text[min(right, end) : right]).split())


@lru_cache(maxsize=1024)
def _boundaries(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where clauses may start and end in a sentence (cached: found once per sentence)."""
    return (
        tuple(m.end() for m in LEFT_BOUNDARY_RE.finditer(text)),
        tuple(m.start() for m in RIGHT_BOUNDARY_RE.finditer(text)),
    )


def clause_span(text: str, start: int, end: int, side: str = "around") -> tuple[int, int]:
    """The smallest clause holding text[start:end] with at least MIN_WORDS other words.

    side="before" keeps only what precedes the expression ("X took place hours before ..."),
    side="after" only what follows it ("... one day after Biden said ...").
    """
    all_lefts, all_rights = _boundaries(text)
    lefts = [0] + [position for position in all_lefts if position <= start]
    rights = [position for position in all_rights if position >= end] + [len(text)]
    if side == "after":
        lefts = [end]
    if side == "before":
        rights = [start]
    for left in reversed(lefts):
        for right in rights:
            if _words_without(text, start, end, (left, right)) >= MIN_WORDS:
                return left, right
    return 0, len(text)


def headline(
    text: str, start: int, end: int, planned: bool, ongoing: bool, side: str = "around"
) -> str:
    """A short headline for the event told around text[start:end], marked planned/ongoing."""
    left, right = clause_span(text, start, end, side)
    clause = text[left : max(left, start)] + " " + text[min(right, end) : right]
    clause = re.sub(r"^\s*['’]s\b|(?<=\s)['’]s\b", " ", clause)
    clause = CAPTION_CREDIT_RE.sub("", clause.strip())
    clause = re.sub(r"\(\s*\)|\s+(?=,)", "", clause)
    clause = re.sub(r"^[\s,;:.“”\"'’‘()-]+", "", clause)
    clause = LEADING_FILLER_RE.sub("", re.sub(r"\s+", " ", clause).strip()).strip(" ,")
    words = clause.split()
    cut = len(words) > WHOLE_CLAUSE_WORDS
    summary = " ".join(words[:MAX_WORDS] if cut else words).rstrip(" ,;:.“”\"'’)—–-")
    previous = None
    while previous != summary:
        previous = summary
        summary = DANGLING_RE.sub("", summary).rstrip(" ,;:")
    if cut:
        summary += "…"
    for opening, closing in (("“", "”"), ("(", ")")):
        if summary.count(opening) != summary.count(closing):
            summary = summary.replace(opening, "").replace(closing, "")
    if summary.count('"') % 2:
        summary = summary.replace('"', "")
    summary = summary.strip() or "Event"
    summary = summary[0].upper() + summary[1:]
    if ongoing:
        return summary + " (ongoing since)"
    return summary + " (planned)" if planned else summary
