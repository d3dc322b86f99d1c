"""The combined scanner (extract.dating.scanner) must find exactly what the plain search finds:
every rule's matches, sentence by sentence, on the example corpus, the default corpus and
generated sentences full of near-misses and unusual characters."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from extract.dating.mentions import scan_document, scan_table
from extract.dating.rules import RULES, Rule
from extract.dating.scanner import DocumentScan, ScanTable, matches_by_search
from extract.documents.reader import parse_document
from extract.prefilter import UNFOLDED_RE
from extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = Path(__file__).parent / "examples.yaml"


def _spans(found: list) -> list[tuple[str, tuple[int, int]]]:
    return [(rule.name, match.span()) for rule, match in found]


def _assert_same(texts: list[str], table: ScanTable | None = None) -> None:
    """Each sentence of the document `texts`: the scanner's matches are the plain search's."""
    table = table or scan_table()
    scan = DocumentScan(texts, table)
    for text in texts:
        assert _spans(scan.matches(text)) == _spans(matches_by_search(text, table.rules)), text


def _example_texts() -> list[list[str]]:
    with EXAMPLES.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    return [[s.text for s in split_sentences(case["text"])] for case in cases]


def test_scanner_matches_the_plain_search_on_every_example() -> None:
    for texts in _example_texts():
        _assert_same(texts)


def test_scanner_matches_the_plain_search_on_the_corpus() -> None:
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        document = parse_document(path.read_bytes(), path.name)
        _assert_same([s.text for s in split_sentences(document.body)])


# Pieces of sentences: rule words in every case, near-misses (words that contain rule words),
# numbers in other scripts, spaces that are not ASCII, letters that fold to ASCII letters.
PIECES = (
    "in", "In", "IN", "on", "On", "of", "from", "From", "between", "since", "Since", "until",
    "by", "the", "The", "THE", "that", "That", "same", "this", "last", "Last", "next", "past",
    "coming", "early", "Early", "late", "mid-", "mid", "end", "end of", "the end of", "first",
    "May", "may", "MAY", "March", "march", "Jan.", "Jan", "Sept.", "June", "Dec.", "december",
    "Monday", "monday", "Friday", "Sunday's", "morning", "night", "evening", "weekend",
    "spring", "Summer", "fall", "autumn", "winter", "year", "years", "Year", "month", "week",
    "day", "days", "hours", "minutes", "ago", "Ago", "later", "earlier", "after", "before",
    "following", "meeting", "summit", "talks", "launch", "Christmas", "New Year's", "Eve",
    "today", "Today", "tonight", "yesterday", "tomorrow", "two", "a", "an", "about", "nearly",
    "more than", "1", "5", "12", "31", "3rd", "2018", "1999", "2018-2019", "2019-06-12",
    "1990s", "'s", "’s", "’", ",", ".", ";", "-", "–", "—", "(", ")", "$", "#", "No.",
    "GMT", "2210", "troops", "thatday", "within", "mining", "Maybe", "Mayor", "augment",
    "decade", "Decided", "inland", "Sunday-", "x2018", "2018x",
    "\u0662\u0660\u0661\u0668", "20\u0661\u0668", "\u0665",  # Arabic-Indic digits: \d matches them
    "\u00a0", "\u2009", "\u3000", "\t",  # spaces that \s matches
    "\u212aorea",  # Kelvin sign: matches "k" case-insensitively, lower-cases to "k"
    "\u0130n", "\u0131n", "\u017fince",  # İn, ın, ſince: fold to ASCII only in re
    "É", "ß", "Σ",
)  # fmt: skip


def _random_sentences(count: int, seed: int) -> list[str]:
    generator = random.Random(seed)
    sentences = []
    for _ in range(count):
        words = generator.choices(PIECES, k=generator.randint(1, 14))
        glue = [generator.choice((" ", " ", " ", "", "  ", "\u00a0")) for _ in words]
        sentences.append("".join(w + g for w, g in zip(words, glue, strict=True)).strip())
    return sentences


@pytest.mark.parametrize("seed", range(6))
def test_scanner_matches_the_plain_search_on_generated_sentences(seed: int) -> None:
    sentences = [s for s in _random_sentences(400, seed) if s]
    # a document of the sentences the scanner reads (one letter that folds only in re would
    # send the whole document to the plain search), and each sentence on its own
    document = [s for s in sentences if not UNFOLDED_RE.search(s)]
    assert DocumentScan(document, scan_table()).exact
    _assert_same(document)
    for sentence in sentences[:100]:
        _assert_same([sentence])


def test_a_document_with_letters_that_only_fold_in_re_is_searched_plainly() -> None:
    texts = ["He left \u0130stanbul in May 2018.", "North Korea fired a missile on Monday."]
    assert not scan_document(texts).exact
    _assert_same(texts)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?i:\bon\s+)?(?P<m>May)\s+\d{1,2}", "He said on  May 5 and in may 7"),
        (r"(?:ab)*c", "ababc xc c"),  # repetitions that take nothing
        (r"\d{2,}x", "12x 1x 123456x"),
        (r"(?i:k)orea", "\u212aorea Korea korea"),
        (r"x?(?=y)y", "xy y"),
        (r"[^a]b", "ab cb"),  # a negated class: could begin with anything
        (r"(?i)\bago\b", "Ago a go ago."),
        (r"(?<!\w)20\d\d(?!\d)", "x2018 2018 20189"),
    ],
)
def test_scanner_on_unusual_patterns(pattern: str, text: str) -> None:
    """Patterns unlike today's rules: the table is built from whatever a rule holds (this one's
    trigger, a letter or a space, may match anywhere)."""
    rule = Rule("probe", re.compile(pattern), RULES[0].resolve, re.compile(r"\w|\s"))
    _assert_same([text, text.upper(), "no match here", text], ScanTable([rule]))
