"""Whether two reports tell one event, from their signatures (extract.enrich.identity makes
them) and their summaries: the same action and words in common, the same kind (a series, a total,
something going on).

Apart from the making of signatures, which needs the morphology tables: the table's identity
step (extract.tabulate) compares the rows of cached documents without loading them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extract.table.vocabulary import ONGOING_MARKER

ACTION = "!"  # marks the action word in a signature ("!summit", "!collapse")
NAME = "@"  # marks a name of place or occasion in a signature ("@singapore", "@punggye-ri")
EVENT_WORDS = frozenset(
    """summit talks test launch treaty agreement declaration pact meeting visit election
    exercise drill shelling attack sinking""".split()
)
MIN_OVERLAP = 0.4  # share of words two events told without an action must have in common
# Actions that only say an event took place: an event told as a noun phrase may join them.
OCCURRING = frozenset(ACTION + a for a in "hold open begin start be happen occur take".split())


@lru_cache(maxsize=65536)  # the table's identity step asks again for the same pairs
def same_what(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two signatures tell the same event: the same action and a word in common, or,
    when one tells no action, two words in common."""
    actions = (_actions(first), _actions(second))
    common = (first - actions[0]) & (second - actions[1])
    if any(w.startswith(NAME) for w in common) and (
        (actions[0] & actions[1]) or _event_words(first) & _event_words(second)
    ):
        return True  # "the Singapore summit" ... "held a summit in Singapore"
    if actions[0] and actions[1]:
        return actions[0] == actions[1] and len(common) >= 1
    if (actions[0] or actions[1]) - OCCURRING:
        return False  # "the Winter Olympics" is not "Kim sends a delegation to the Olympics"
    union = (first - actions[0]) | (second - actions[1])
    return len(common) >= 2 and len(common) / len(union) >= MIN_OVERLAP


@lru_cache(maxsize=65536)
def _actions(signature: frozenset[str]) -> frozenset[str]:
    """The action words of a signature (read once per signature: the table's identity step
    compares each with many)."""
    return frozenset(w for w in signature if w.startswith(ACTION))


def _event_words(signature: frozenset[str]) -> set[str]:
    return {w.lstrip(ACTION) for w in signature} & EVENT_WORDS


# "six nuclear tests", "a series of launches", "more than 60 missiles": a series is an event of
# its own, apart from its members ("34-year-old leader" counts nothing, nor do "its 53,000
# workers", "$8 million": how many people or how much money an act concerns).
HOW_MANY_OF_WHAT = (
    r"(?:workers|troops|soldiers|people|staff|employees|residents|families|tourists|refugees"
    r"|defectors|prisoners|members|delegates|won|dollars|yuan|yen|euros|tonnes|tons|percent)\b"
)
SERIES_RE = re.compile(
    r"(?<![\w-])(?:\d[\d,]*(?![\d,-])(?!\s+(?:[a-z-]+\s+)?" + HOW_MANY_OF_WHAT + r")"
    r"|two|three|four|five|six|seven|eight|nine|ten|dozens?|several|series|"
    r"more than|"
    r"multiple|many|record|number of|times)\b",
    re.IGNORECASE,
)


# "a record number of missiles", "dozens of launches": a total, never one salvo ("two missiles").
TOTAL_RE = re.compile(
    r"\b(?:dozens|several|series|more than|multiple|many|record|number of|times)\b", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def is_series(summary: str) -> bool:
    """A count or a series: "six nuclear tests", "more than 60 missiles"."""
    return bool(SERIES_RE.search(summary))


@lru_cache(maxsize=65536)
def is_total(summary: str) -> bool:
    """A total over a period: "a record number of missiles", "more than 60 missiles"."""
    return bool(TOTAL_RE.search(summary))


class Kind(NamedTuple):
    """What kind of report a summary is, as far as identity goes (read once per row)."""

    series: bool  # "six nuclear tests", "more than 60 missiles"
    total: bool  # "a record number of missiles"
    ongoing: bool  # "(ongoing since)"
    interval: bool  # dated by a span ("in 2016 and 2017")


def kind_of(summary: str, is_interval: bool) -> Kind:
    """The kind of a report with this summary, dated by a span or not."""
    return Kind(
        is_series(summary), is_total(summary), summary.endswith(ONGOING_MARKER), is_interval
    )


def same_kind(first: Kind, second: Kind) -> bool:
    """Whether two reports can tell one event as far as their kind goes: a series never joins
    a single event, nor a total a salvo; something going on since a date joins a span
    ("advances in 2016 and 2017") or another one going on, not a single event."""
    if first.series != second.series:
        return False
    if first.total != second.total and not (first.ongoing or second.ongoing):
        return False  # "a record number of missiles this year", "two missiles Friday"
    if first.ongoing == second.ongoing:
        return True
    return second.interval if first.ongoing else first.interval


def strongly_same(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two signatures that agree on the action and two more words ('collapse' + 'hanoi',
    'summit'): the same event even when the actors each text names disagree."""
    common = first & second
    return any(w.startswith(ACTION) for w in common) and len(common) >= 3
