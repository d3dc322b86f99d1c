"""Whether two texts tell the same event: overlap of their content-word stems (Jaccard)."""

from __future__ import annotations

from extract.sentences import WORD_RE

STOPWORDS = frozenset(
    """the a an of in on at to for with by from and or but as that this is are was were be been
    has have had it its his her their he she they said says will would after before
    during""".split()
)


def stems(text: str) -> set[str]:
    """Crude word stems (first five letters) of the content words."""
    return {
        w.lower()[:5] for w in WORD_RE.findall(text) if w.lower() not in STOPWORDS and len(w) > 2
    }


def similar(first: str, second: str, threshold: float = 0.25) -> bool:
    """Word-stem overlap (Jaccard): two texts that tell the same event."""
    a, b = stems(first), stems(second)
    return bool(a and b) and len(a & b) / len(a | b) >= threshold
