"""One vocabulary for the events table: the extractor's tables are keyed by it."""

from __future__ import annotations

from extract.enrich.actors import ACTOR_PATTERNS
from extract.enrich.categories import CATEGORY_KEYWORDS
from extract.table.vocabulary import ACTORS, CATEGORIES, OTHER_CATEGORY


def test_every_category_but_other_has_keywords_in_the_vocabulary_order() -> None:
    assert tuple(CATEGORY_KEYWORDS) == tuple(c for c in CATEGORIES if c != OTHER_CATEGORY)


def test_every_actor_has_a_pattern_in_the_vocabulary_order() -> None:
    assert tuple(ACTOR_PATTERNS) == ACTORS
