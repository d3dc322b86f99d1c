"""Sentence splitting with character offsets, aware of news abbreviations ("Jan.", "U.S.")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

# Words that end with a period but do not end a sentence when followed by more text.
ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof gen lt col maj sgt capt cmdr adm sen rep gov pres supt st ave blvd
    no nos vol vols fig figs co corp inc ltd jr sr vs etc approx est dept univ govt cf al
    ca""".split()
)
# After these dotted initialisms a capitalised common word usually starts a new sentence.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i this that these those there but and in on at for as
    after before since while when if however meanwhile still yet so some many most its his
    her their our both all no not one two three officials""".split()
)
# Words that go on with a clock time after its "a.m."/"p.m.": a day, a month, a time zone.
TIME_GOES_ON = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec kst gmt utc est edt et pst pdt jst cst""".split()
)
LINE_OPENING_TIME_RE = re.compile(r"\W*\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.$")
ZONE_NAME_RE = re.compile(r"[A-Z][a-z]+\s+(?:time|[Ss]tandard\s+[Tt]ime)\b")  # "Seoul time"
INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.){2,}$")
# A candidate boundary: end punctuation, optional closing quotes/brackets, then whitespace.
MAX_SENTENCE = 1000  # characters
BOUNDARY_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
LAST_WORD_RE = re.compile(r"[A-Za-z.]+$")  # the word a period ends
NEXT_WORD_RE = re.compile(r"[\"'“‘(]*([A-Za-z0-9]+)")  # the word after it
# A transcript turn's label: "[00:02:05] LEE HAE-WON: ...", "PARK: ...", "MODERATOR (DANA
# WHITFIELD): ...", "VICE MINISTER SUH: ...".
SPEAKER_LABEL_RE = re.compile(
    r"^\s*(?:\[[\d:]+\]\s*)?[A-Z][A-Z.'’ -]{1,40}(?:\s*\([A-Z.'’ -]{3,40}\))?:\s"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of the document body; `text` is body[start:end] exactly."""

    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation_end(line: str, dot: int, following: str) -> bool:
    """True when the period at `dot` belongs to an abbreviation rather than ending a sentence."""
    word_match = LAST_WORD_RE.search(line[max(0, dot - 40) : dot + 1])
    word = word_match.group(0) if word_match else ""
    bare = word.rstrip(".").lower()
    next_word = NEXT_WORD_RE.match(following)
    next_token = next_word.group(1) if next_word else ""
    if INITIALISM_RE.search(word) and following[:1] in "—–":
        return True  # "9:29 a.m. — Kim walks down the steps": a liveblog entry goes on
    if not next_token:
        return False
    if next_token[0].islower() or next_token[0].isdigit():
        return True
    if bare in ("a.m", "p.m"):  # "at 11 a.m. South Korean marines staged ...": a new sentence,
        # unless the time goes on ("11 a.m. Monday", "9 a.m. KST", "2 p.m. Seoul time") or opens
        # a line of a programme ("8:30 a.m. Registration and breakfast")
        return (
            next_token.lower() in TIME_GOES_ON
            or bool(ZONE_NAME_RE.match(following))
            or bool(LINE_OPENING_TIME_RE.match(line[: dot + 1]))
        )
    if INITIALISM_RE.search(word):  # U.S., U.N.
        return next_token.lower() not in SENTENCE_STARTERS
    if len(bare) == 1 and bare.isalpha() and word.count(".") == 1:  # a middle initial: "John F."
        return not line[max(0, dot - 2) : dot - 1].isdigit()  # not "the 1980s."
    return bare in ABBREVIATIONS


def split_sentences(body: str) -> list[Sentence]:
    """Split a document body into sentences. Lines (headlines, captions) never join."""
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for raw_line in body.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        line_start = position
        position += len(raw_line)
        if not line.strip():
            paragraph += 1
            continue
        start = 0
        for match in BOUNDARY_RE.finditer(line):
            end = match.end()
            dot = match.start()
            if line[dot] == "." and _is_abbreviation_end(line, dot, line[end : end + 80].lstrip()):
                continue
            _append(sentences, line, line_start, start, end, paragraph)
            start = end
        _append(sentences, line, line_start, start, len(line), paragraph)
        paragraph += 1
    return sentences


def _append(
    out: list[Sentence], line: str, offset: int, start: int, end: int, paragraph: int
) -> None:
    segment = line[start:end]
    stripped_left = len(segment) - len(segment.lstrip())
    text = segment.strip()
    begin = offset + start + stripped_left
    while len(text) > MAX_SENTENCE:
        # No real sentence is this long (a list, a table, junk): cut it at a space, so that the
        # work per sentence stays bounded.
        cut = text.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        piece = text[:cut].rstrip()
        out.append(Sentence(begin, begin + len(piece), piece, paragraph))
        rest = text[cut:]
        begin += cut + len(rest) - len(rest.lstrip())
        text = rest.strip()
    if text:
        out.append(Sentence(begin, begin + len(text), text, paragraph))


# A word of a sentence, for the clues that compare events ("Pyongyang's", "U.S.", "follow-up").
WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'.-]*")
WORDS_WINDOW = 80  # characters read first for the words before a place


def words_before(text: str, end: int, count: int) -> list[str]:
    """The last `count` words (WORD_RE) of text[:end], read from a window before `end` (widened
    while it holds no more than `count`): only the window's first word may be cut by its edge,
    and the words after it are the text's own."""
    window = WORDS_WINDOW
    while True:
        begin = max(0, end - window)
        words = WORD_RE.findall(text, begin, end)
        if begin == 0 or len(words) > count:
            return words[-count:] if count else []
        window *= 4


def words_after(text: str, start: int, count: int) -> list[str]:
    """The first `count` words (WORD_RE) of text[start:]."""
    return [match.group() for match in islice(WORD_RE.finditer(text, start), count)]
