"""Event categories: one keyword table per category of the vocabulary, scored over the event's
clause (counted twice) and its sentence; the best score wins, ties go to the table's order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.prefilter import Prefiltered
from extract.table.vocabulary import OTHER_CATEGORY

# One entry per category of the vocabulary but "other"; the order breaks ties.
CATEGORY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "communication channel": (
        r"hotline",
        r"communication(?:s)? (?:channel|line|link)",
        r"channel",
        r"liaison office",
        r"phone line",
        r"fax",
        r"military line",
        r"communications?",
    ),
    "summit/talks": (
        r"summit",
        r"talks",
        r"meeting",
        r"\bmet\b",
        r"\bmeets?\b",
        r"negotiat\w*",
        r"dialogue",
        r"envoy",
        r"delegation",
        r"visit\w*",
        r"diplomat\w*",
        r"agreement",
        r"declaration",
        r"overture",
        r"letter",
        r"conference",
    ),
    "military/nuclear/missile": (
        r"missiles?",
        r"nuclear",
        r"\btests?\b",
        r"tested",
        r"launch\w*",
        r"ICBMs?",
        r"rockets?",
        r"military",
        r"drills?",
        r"exercises?",
        r"troops",
        r"artillery",
        r"satellite",
        r"warheads?",
        r"weapons?",
        r"denucleari\w*",
        r"submarine",
        r"war\b",
        r"armistice",
        r"shelling",
        r"attack\w*",
        r"torpedo\w*",
        r"deterren\w*",
        r"moratori\w*",
        r"military agreement",  # the 2018 pact on the border: its guard posts and zones
        r"guard posts?",
        r"buffer zones?",
        r"no-fly",
    ),
    "propaganda/border": (
        r"loudspeakers?",
        r"leaflets?",
        r"balloons?",
        r"propaganda",
        r"border",
        r"DMZ",
        r"demilitarized zone",
        r"broadcasts?",
        r"trash",
        r"noise",
    ),
    "sanctions/economy": (
        r"sanction\w*",
        r"Kaesong",
        r"trade",
        r"trading",
        r"econom\w*",
        r"tourism",
        r"resort",  # the Mount Kumgang tourist resort
        r"industrial",
        r"joint venture",
        r"FTA",
        r"tariffs?",
        r"investment",
        r"revenue",
        r"assets",
    ),
    "politics": (
        r"elect\w*",
        r"impeach\w*",
        r"inaugurat\w*",
        r"took office",
        r"assumed office",
        r"entered office",
        r"taking office",
        r"party congress",
        r"Workers' Party",
        r"court",
        r"martial law",
        r"\blaw\b",
        r"administration",
        r"parliament",
        r"National Assembly",
        r"resign\w*",
        r"term\b",
        r"policy",
        r"proclaim\w*",  # "the Republic of Korea was proclaimed"
        r"(?:colonial|Japanese) rule",
        r"independence",
        r"constitution\w*",
        r"promulgat\w*",
        r"amendments?",
        r"\bbills?\b",
        r"hostile states?",
        r"principal enemy",
    ),
    "sport/culture": (
        r"Olympics?",
        r"Games\b",
        r"football",
        r"soccer",
        r"athletes?",
        r"cultur\w*",
        r"concert",
        r"orchestra",
        r"team\b",
        r"World Cup",
        r"art\b",
    ),
    "humanitarian": (
        r"humanitarian",
        r"\baid\b",
        r"food",
        r"separated famil\w*",
        r"Red Cross",
        r"reunion\w*",
        r"defect\w*",
        r"human rights",
        r"vaccines?",
        r"COVID",
        r"flood\w*",
        r"famine",
        # an escape across the border: "crossed the Tumen River with the help of a broker"
        r"(?:Tumen|Yalu|Amnok) River",
        r"crossed into China",
        r"\bbrokers?\b",
    ),
}
_GROUPS = {f"c{index}": name for index, name in enumerate(CATEGORY_KEYWORDS)}
# One pattern for all categories: each keyword list is a named group, so a single scan counts all.
_CATEGORY_RE = Prefiltered(
    re.compile(
        "|".join(
            f"(?P<{group}>" + "|".join(f"(?:{k})" for k in CATEGORY_KEYWORDS[name]) + ")"
            for group, name in _GROUPS.items()
        ),
        re.IGNORECASE,
    )
)


@lru_cache(maxsize=4096)
def _keyword_counts(text: str) -> tuple[int, ...]:
    """How many keywords of each category the text holds (cached: a sentence is scanned once)."""
    counts = dict.fromkeys(CATEGORY_KEYWORDS, 0)
    for match in _CATEGORY_RE.finditer(text):
        counts[_GROUPS[match.lastgroup or ""]] += 1
    return tuple(counts.values())


def categorize(clause: str, sentence: str) -> str:
    """The category whose keywords occur most, counting the event's clause twice."""
    scores = [
        2 * a + b for a, b in zip(_keyword_counts(clause), _keyword_counts(sentence), strict=True)
    ]
    best = max(range(len(scores)), key=lambda index: scores[index])  # table order on ties
    return list(CATEGORY_KEYWORDS)[best] if scores[best] else OTHER_CATEGORY
