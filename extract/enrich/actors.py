"""Actors of an event: the countries and bodies a text names, by their names, leaders, capitals
and institutions (each maps to its country in the vocabulary of extract.table.vocabulary)."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.prefilter import PrefilterSet

# One entry per actor of the vocabulary (extract.table.vocabulary.ACTORS), in its order.
ACTOR_PATTERNS: dict[str, str] = {
    "North Korea": (
        r"North Kore\w*|North and South Kore|two Koreas|Pyongyang|DPRK|\bthe North\b|\bNorth's\b|Kim Jong[ -]?[Uu]n|Kim Jong[ -]?[Ii]l"
        r"|Kim Il[ -]?[Ss]ung|Kim Yo[ -]?[Jj]ong|Workers' Party|Korean People's Army|KCNA"
    ),
    "South Korea": (
        r"South Kore\w*|South and North Kore|two Koreas|Seoul|\bROK\b|\bthe South\b|\bSouth's\b|Moon Jae[ -]?in|Yoon Suk[ -]?[Yy]eol"
        r"|Lee Jae[ -]?myung|Park Geun[ -]?hye|Lee Myung[ -]?bak|Roh Moo[ -]?hyun|Kim Dae[ -]?jung"
        r"|Unification Ministry|Blue House|National Assembly"
    ),
    "United States": (
        r"United States|\bU\.S\.|\bUS\b|\bUSA\b|Washington|\bAmerica\w*|Trump|Biden|Obama"
        r"|George W\. Bush|Pentagon|White House|State Department|Congress\b|Senate"
    ),
    "China": r"\bChina\b|Chinese|Beijing|Xi Jinping",
    "Japan": r"\bJapan\w*|Tokyo|Shinzo Abe|Kishida",
    "Russia": r"\bRussia\w*|Moscow|Kremlin|Putin",
    "United Nations": r"United Nations|\bU\.N\.|\bUN\b|Security Council|UNSC",
}
_ACTOR_RES = PrefilterSet([re.compile(pattern) for pattern in ACTOR_PATTERNS.values()])


@lru_cache(maxsize=4096)
def _actors(text: str) -> tuple[str, ...]:
    found = _ACTOR_RES.search_each(text)
    return tuple(name for name, match in zip(ACTOR_PATTERNS, found, strict=True) if match)


def find_actors(text: str) -> list[str]:
    """Actors named in the text, in the vocabulary's order."""
    return list(_actors(text))
