"""extract.prefilter: its search and finditer must give exactly what the pattern's own give."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extract import prefilter
from extract.prefilter import UNFOLDED_RE, Prefiltered, PrefilterSet, lower_in_place

ROOT = Path(__file__).resolve().parents[2]


def _spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_unfolded_letters_are_all_the_letters_that_fold_to_ascii_only_in_re() -> None:
    """Every character that re's IGNORECASE matches to an ASCII letter either lower-cases to
    that letter one for one, or is listed in UNFOLDED_RE (such a text is searched plainly)."""
    every = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for char in re.findall("(?i)[a-z]", every):
        folds = len(char.lower()) == 1 and char.lower().isascii()
        assert folds or UNFOLDED_RE.match(char), f"U+{ord(char):04X}"


def test_lower_in_place_refuses_texts_it_cannot_lower_in_place() -> None:
    assert lower_in_place("Seoul, MAY 2018") == "seoul, may 2018"
    assert lower_in_place("\u0130stanbul") is None  # İ lower-cases to two characters
    assert lower_in_place("\u017fince") is None  # ſ matches "s" only case-insensitively


PATTERNS = [
    r"(?i:\bon\s+)?(?P<m>May)\s+\d{1,2}",
    r"(?:ab)*c",  # repetitions that take nothing
    r"\d{2,}x",
    r"(?i:k)orea",
    r"x?(?=y)y",
    r"[^a]b",  # a negated class: could begin with anything (searched plainly)
    r"(?i)\bago\b",
    r"(?<!\w)20\d\d(?!\d)",
    r"(?i)(?P<a>summit|talks|\bmet\b)|(?P<b>missiles?|\btests?\b|war\b)|(?P<c>human rights)",
    r"^(?:FILE|File)\b|\bphoto\b|\(AP\)|Getty Images|\bposes?\b",
    r"a|",  # may match nothing: searched plainly
    # may begin at any word, but every match holds a keyword: texts without one are skipped
    r"\b(?:[Tt]he )?((?:[A-Z][\w-]+ ){0,2}(?:officials|soldiers|[Ff]amilies))\b",
    r"\b([A-Z][a-z]+) and ([A-Z][a-z]+)\b",
]
WORDS = (
    "on", "On", "May", "may", "5", "12", "ab", "abab", "c", "x", "y", "xy", "Korea",
    "\u212aorea", "KOREA", "ago", "Ago", "2018", "x2018", "20189", "summit", "Summits", "met",
    "meta", "test", "tests", "testing", "war", "warfare", "human", "rights", "FILE", "File",
    "Filed", "photo", "photos", "(AP)", "Getty", "Images", "poses", "pose", "\u00a0", "\u0665",
    "20\u0661\u0668", "\u0130", "\u0131", "\u017f", "É", ",", ".", "-", "The", "the",
    "North", "Korean", "officials", "Officials", "soldiers", "families", "Families", "and",
    "Kim", "Trump", "AND",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    generator = random.Random(seed)
    texts = []
    for _ in range(count):
        words = generator.choices(WORDS, k=generator.randint(0, 12))
        glue = [generator.choice((" ", "", "  ", "\n")) for _ in words]
        texts.append("".join(w + g for w, g in zip(words, glue, strict=True)))
    return texts


@pytest.mark.parametrize("pattern", PATTERNS)
def test_prefiltered_search_and_finditer_are_the_patterns_own(pattern: str) -> None:
    compiled = re.compile(pattern)
    fast = Prefiltered(compiled)
    for text in _texts(600, seed=len(pattern)):
        assert _spans(fast.finditer(text)) == _spans(compiled.finditer(text)), text
        found, expected = fast.search(text), compiled.search(text)
        assert (found and found.span()) == (expected and expected.span()), text


def test_starts_are_the_places_the_union_finds() -> None:
    """One search per first piece finds, in order, each place the single union search finds
    (pieces that overlap, like a digit and \\d, give a place once)."""
    patterns = [re.compile(pattern) for pattern in PATTERNS]
    prefilter = PrefilterSet(patterns)
    assert prefilter.union is not None
    for text in _texts(300, seed=7):
        lowered = lower_in_place(text)
        if lowered is not None:
            expected = [match.start() for match in prefilter.union.finditer(lowered)]
            assert prefilter.starts(lowered) == expected, text


def test_plans_are_kept_between_runs_in_the_cache_folder(tmp_path, monkeypatch) -> None:
    """A second run reads the plans the first one made (it does not read the patterns again);
    a damaged file or a folder that cannot be written only costs the time to make them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    patterns = [re.compile(p) for p in PATTERNS]
    made = prefilter.plan(patterns)
    assert prefilter._PlanStore().plan(patterns) == made
    (saved,) = (tmp_path / "cache" / "korea-timeline").iterdir()

    def refuse(patterns: object) -> None:
        raise AssertionError("the plan was made again")

    with monkeypatch.context() as patch:
        patch.setattr(prefilter, "plan", refuse)
        assert prefilter._PlanStore().plan(patterns) == made

    saved.write_bytes(b"\x00damaged")
    assert prefilter._PlanStore().plan(patterns) == made
    monkeypatch.setenv("XDG_CACHE_HOME", str(saved))  # a file: no folder can be made there
    assert prefilter._PlanStore().plan(patterns) == made


def test_the_extractors_patterns_are_the_same_in_every_process() -> None:
    """Alternations built from sets are sorted fully ("longest first" alone left ties in hash
    order): the same patterns, whatever the string hash seed, so the kept plans are found."""
    child = (
        "import datetime, hashlib, extract.pipeline as p, extract.prefilter as f;"
        "p.document_events('North Korea said on Monday it fired two missiles under Moon.',"
        " datetime.date(2024, 1, 3));"
        "print(hashlib.sha1(repr(sorted(f._PLANS.used)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", child],
            env={**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": "/nonexistent"},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1, digests
