"""Where a regular expression can match, found fast: exact `search` and `finditer` for patterns
the regex engine is slow on.

Python's engine tries a pattern at every character unless the pattern opens with a literal;
patterns that open with optional words, word boundaries or case-insensitive alternatives ("on
Monday", `\\bphoto\\b|...`, a table of keywords) are slow on long texts. Here a pattern is read
(with Python's own regex parser, `re._parser`) into the ways its match can begin: its first
`PREFIX_LENGTH` characters, lower-cased, as pieces for lower-cased text ("on mon", "januar",
`\\bon\\s`). Every match begins with one of them (the set may hold more: it is a prefilter).
One search for all of them (`finder`) runs over the lower-cased text, and the pattern itself is
tried with `pattern.match` only where one begins, left to right, resuming after each match:
exactly the matches `pattern.finditer` gives.

A pattern that could begin with any character, is too intricate to reduce, or can match the
empty string is searched the plain way; so is a text whose lower-casing is not position by
position ("İ") or that holds letters which match ASCII letters only case-insensitively ("ı",
"ſ").
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from re import _constants as sre  # the parser's node types (Python's own, stable since 3.11)
from re import _parser as sre_parse

# Characters of a match's beginning that the scanner looks for. Six, not four: the dating rules
# share their openings ("in ", "on ", "the "), and four let a rule be tried three times as often
# in vain (extract_speed: dating -15%; the rule table takes 0.09 s longer to build, once).
PREFIX_LENGTH = 6
MAX_PREFIXES = 4000  # a pattern with more ways to begin is run the plain way
MAX_CLASS = 64  # a character class wider than this could be anything
# A pattern is prefiltered only if each way it begins tells at least MIN_NARROW characters
# closely (one of at most MAX_NARROW pieces): otherwise nearly every word is a candidate.
MIN_NARROW, MAX_NARROW = 2, 4
# Letters that match an ASCII letter case-insensitively but do not lower-case to it one for one
# (tests/extract/test_prefilter.py checks the list against every code point).
UNFOLDED_RE = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ

# A prefix is a tuple of symbols. A symbol is one character, as the pieces that may match it (a
# character, or one of the classes \d and \s), or BOUNDARY for \b (which takes no character).
DIGIT, SPACE = r"\d", r"\s"
Symbol = tuple[str, ...]
BOUNDARY: Symbol = (r"\b",)
Prefix = tuple[Symbol, ...]
# (prefix, complete): complete when the part read so far is over and what follows may extend it
Partial = tuple[Prefix, bool]


class Unbounded(Exception):
    """The pattern's beginning cannot be told from a few characters."""


def _length(prefix: Prefix) -> int:
    return sum(symbol != BOUNDARY for symbol in prefix)


def _char_piece(code: int) -> str | None:
    """The piece that matches, in lower-cased text, every character `code` matches (with or
    without IGNORECASE); None if there is none (a cased letter outside ASCII)."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    if char.lower() != char or char.upper() != char:
        return None
    return char


def _class_symbol(items: list[tuple[object, object]]) -> Symbol | None:
    """A character class ([0-3], [\\s-], \\d) as pieces for lower-cased text, or None."""
    pieces: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            codes = [value]
        elif op is sre.RANGE:
            low, high = value  # type: ignore[misc]
            if high - low > MAX_CLASS:
                return None
            codes = list(range(low, high + 1))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            pieces.add(DIGIT)
            continue
        elif op is sre.CATEGORY and value is sre.CATEGORY_SPACE:
            pieces.add(SPACE)
            continue
        else:
            return None  # \w, negated classes ...: almost any character
        for code in codes:
            piece = _char_piece(code)  # type: ignore[arg-type]
            if piece is None:
                return None
            pieces.add(piece)
    return tuple(sorted(pieces))


def _concat(heads: set[Partial], tails_of: Callable[[], set[Partial]]) -> set[Partial]:
    """Each partial prefix in `heads` continued by what `tails_of()` may add."""
    result: set[Partial] = set()
    tails: set[Partial] | None = None
    for prefix, complete in heads:
        if not complete or _length(prefix) >= PREFIX_LENGTH:
            result.add((prefix, False))
            continue
        if tails is None:
            tails = tails_of()
        for tail, tail_complete in tails:
            joined = prefix + tail
            if _length(joined) >= PREFIX_LENGTH:
                result.add((_cut(joined), False))
            else:
                result.add((joined, tail_complete))
    if len(result) > MAX_PREFIXES:
        raise Unbounded
    return result


def _cut(prefix: Prefix) -> Prefix:
    """The prefix up to PREFIX_LENGTH characters (with the boundaries among them)."""
    kept: list[Symbol] = []
    count = 0
    for symbol in prefix:
        if symbol != BOUNDARY:
            if count == PREFIX_LENGTH:
                break
            count += 1
        kept.append(symbol)
    return tuple(kept)


def _incomplete(partials: set[Partial]) -> set[Partial]:
    return {(prefix, False) for prefix, _ in partials}


def _sequence(items: Sequence[tuple[object, object]], flags: int) -> set[Partial]:
    partials: set[Partial] = {((), True)}
    for op, value in items:
        partials = _concat(partials, lambda op=op, value=value: _item(op, value, flags))
        if not any(complete for _, complete in partials):
            break
    return partials


def _item(op: object, value: object, flags: int) -> set[Partial]:
    """The ways one node of the parsed pattern may begin (`flags`: the ones in force)."""
    if op is sre.AT:
        # \b reads the same in lower-cased text (unless re.ASCII narrows what a word is)
        keep = value is sre.AT_BOUNDARY and not flags & re.ASCII
        return {((BOUNDARY,), True)} if keep else {((), True)}
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return {((), True)}  # looks around without taking characters: no constraint kept
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = value  # type: ignore[misc]
        return _sequence(sub.data, (flags | add_flags) & ~del_flags)
    if op is sre.ATOMIC_GROUP:
        return _sequence(value.data, flags)  # type: ignore[attr-defined]
    if op is sre.BRANCH:
        result: set[Partial] = set()
        for alternative in value[1]:  # type: ignore[index]
            result |= _sequence(alternative.data, flags)
        return result
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = value  # type: ignore[misc]
        copies = min(low, PREFIX_LENGTH)
        base = _sequence(list(sub.data) * copies, flags)
        if low > copies:
            return _incomplete(base)
        if high == low:
            return base
        # no more repetitions, or one more (and then, unless that was the last, any number)
        more = _concat(base, lambda: _sequence(sub.data, flags))
        return base | (more if high == low + 1 else _incomplete(more))
    symbol: Symbol | None = None  # any character, a back-reference, a negated literal ...
    if op is sre.LITERAL:
        piece = _char_piece(value)  # type: ignore[arg-type]
        symbol = (piece,) if piece is not None else None
    elif op is sre.IN:
        symbol = _class_symbol(value)  # type: ignore[arg-type]
    if symbol is None:
        return {((), False)}
    return {((symbol,), True)}


def prefixes(pattern: re.Pattern[str]) -> set[Prefix] | None:
    """The ways a match of `pattern` can begin, as pieces for lower-cased text; None when it
    could begin almost anywhere (or match the empty string)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None
        return _selective(_sequence(parsed.data, parsed.state.flags))
    except (Unbounded, RecursionError):
        return None


def required_part(pattern: re.Pattern[str]) -> set[Prefix] | None:
    """The ways a part that every match of `pattern` holds can begin ("officials|soldiers|..."
    in "(?:the )?([A-Z]\\w+ )*(?:officials|soldiers|...)"): a text with none of them holds no
    match. None when no such part is told closely enough."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None
        for part in _required_parts(list(parsed.data)):
            found = _selective(_sequence(part, parsed.state.flags))
            if found is not None:
                return found
    except (Unbounded, RecursionError):
        return None
    return None


def _required_parts(
    items: list[tuple[object, object]],
) -> Iterator[list[tuple[object, object]]]:
    """Every tail of the sequence `items` (each is matched by every match of it), and the tails
    that start inside a group of it (a group without flags of its own)."""
    for index, (op, value) in enumerate(items):
        yield items[index:]
        if op is sre.SUBPATTERN and not value[1] and not value[2]:  # type: ignore[index]
            for inner in _required_parts(list(value[3].data)):  # type: ignore[index]
                yield inner + items[index + 1 :]


def _selective(partials: set[Partial]) -> set[Prefix] | None:
    """The prefixes, if each tells enough characters closely to be worth searching for."""
    found = {prefix for prefix, _ in partials}
    if not found or not all(_narrow_symbols(prefix) >= MIN_NARROW for prefix in found):
        return None  # it may begin at almost any word: the engine's own search is as fast
    return found


def _narrow_symbols(prefix: Prefix) -> int:
    """How many characters of the prefix are told closely (a letter, a digit, a few)."""
    return sum(symbol != BOUNDARY and len(symbol) <= MAX_NARROW for symbol in prefix)


def _piece(piece: str) -> str:
    return piece if piece in (DIGIT, SPACE) else re.escape(piece)


def _symbol(symbol: Symbol) -> str:
    if symbol == BOUNDARY:
        return BOUNDARY[0]
    if len(symbol) == 1:
        return _piece(symbol[0])
    return "[" + "".join(map(_piece, symbol)) + "]"


def _trie(rests: set[Prefix]) -> str:
    """One regex for a set of symbol sequences, factored by their first symbols (the engine then
    tests each character once); a sequence that ends makes its branch match at once."""
    if () in rests:
        return ""
    children: dict[Symbol, set[Prefix]] = {}
    for rest in rests:
        children.setdefault(rest[0], set()).add(rest[1:])
    branches = [_symbol(first) + _trie(more) for first, more in sorted(children.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def finder(starts: set[Prefix]) -> str:
    """The source of a search for every position where one of the prefixes begins. Each
    alternative takes the first character (a literal: the engine rejects the others at once)
    and looks around for the rest; taking one character, consecutive matches never hide an
    overlapping start."""
    return "|".join(_alternatives(starts))


def _alternatives(starts: set[Prefix]) -> list[str]:
    """`finder`'s alternatives, one per piece a prefix's first character may be."""
    rests_of: dict[tuple[str, bool], set[Prefix]] = {}
    for prefix in starts:
        index = next(i for i, symbol in enumerate(prefix) if symbol != BOUNDARY)
        boundary = BOUNDARY in prefix[:index]
        for piece in prefix[index]:
            rests_of.setdefault((piece, boundary), set()).add(prefix[index + 1 :])
    by_piece: dict[str, list[str]] = {}
    for (piece, boundary), rests in sorted(rests_of.items()):
        rest = _trie(rests)
        by_piece.setdefault(piece, []).append(
            (rf"(?<=\b{_piece(piece)})" if boundary else "") + (f"(?={rest})" if rest else "")
        )
    return [
        _piece(piece) + (checks[0] if len(checks) == 1 else "(?:" + "|".join(checks) + ")")
        for piece, checks in by_piece.items()
    ]


def heads(starts: set[Prefix]) -> set[str]:
    """The pieces a prefix's first character may be."""
    return {
        piece
        for prefix in starts
        for piece in next(symbol for symbol in prefix if symbol != BOUNDARY)
    }


def lower_in_place(text: str) -> str | None:
    """`text` lower-cased, if that keeps every character in its place and folds what re's
    IGNORECASE folds; None otherwise."""
    lowered = text.lower()
    if len(lowered) != len(text) or UNFOLDED_RE.search(text):
        return None
    return lowered


WINDOW_BEFORE, WINDOW_AFTER = 1, PREFIX_LENGTH + 1  # what a prefix looks at around its start
BEFORE_TEXT = " "  # what the window of a place at the very start has before it: no word
MEMO_SIZE = 100_000  # windows remembered by a PrefilterSet (a cache: cleared when full)
DIGIT_RE, SPACE_RE = re.compile(DIGIT), re.compile(SPACE)


# What a PrefilterSet compiles, as regex sources (see `plan`): patterns searched in full, with
# the source of a search for their required part; a probe for each other pattern, with its
# first pieces; the union's alternatives.
Plan = tuple[list[tuple[int, str | None]], list[tuple[int, str, list[str]]], list[str]]


def plan(patterns: Sequence[re.Pattern[str]]) -> Plan:
    """The regex sources a PrefilterSet of these patterns compiles: reading the patterns'
    beginnings is most of the cost of building one (a worker's first document)."""
    plain: list[tuple[int, str | None]] = []
    probes: list[tuple[int, str, list[str]]] = []
    everything: set[Prefix] = set()
    for index, pattern in enumerate(patterns):
        starts = prefixes(pattern)
        if starts is None:
            required = required_part(pattern)
            plain.append((index, finder(required) if required is not None else None))
            continue
        everything |= starts
        probes.append((index, finder(starts), sorted(heads(starts))))
    return plain, probes, _alternatives(everything)


MAX_PLANS = 64  # plans kept in the cache folder (the extractor makes about 20)


class _PlanStore:
    """Plans kept between runs in the user's cache folder (as Python keeps bytecode): a run's
    worker then compiles its scanners without reading every pattern again. Keyed by the
    patterns and by this module and Python's version; any trouble reading or writing the
    folder only costs the time to make the plans again."""

    def __init__(self) -> None:
        self.plans: dict[tuple[tuple[str, int], ...], Plan] | None = None
        self.used: set[tuple[tuple[str, int], ...]] = set()
        source = Path(__file__).read_bytes() + sys.version.encode()
        self.name = f"prefilter-plans-{hashlib.sha1(source).hexdigest()[:12]}.marshal"

    def folder(self) -> Path:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        return Path(base) / "korea-timeline"

    def plan(self, patterns: Sequence[re.Pattern[str]]) -> Plan:
        if self.plans is None:
            self.plans = self._load()
        key = tuple((pattern.pattern, pattern.flags) for pattern in patterns)
        self.used.add(key)
        found = self.plans.get(key)
        if found is None:
            found = self.plans[key] = plan(patterns)
            if len(self.plans) > MAX_PLANS:  # rules were edited: forget the plans of old ones
                self.plans = {key: self.plans[key] for key in self.used}
            self._save()
        return found

    def _load(self) -> dict[tuple[tuple[str, int], ...], Plan]:
        try:
            plans = marshal.loads((self.folder() / self.name).read_bytes())
        except (OSError, ValueError, EOFError, TypeError, RuntimeError):
            return {}
        return plans if isinstance(plans, dict) else {}

    def _save(self) -> None:
        try:
            folder = self.folder()
            folder.mkdir(parents=True, exist_ok=True)
            temporary = folder / f"{self.name}.{os.getpid()}.tmp"
            temporary.write_bytes(marshal.dumps(self.plans))
            os.replace(temporary, folder / self.name)
        except (OSError, ValueError):
            pass


_PLANS = _PlanStore()


class PrefilterSet:
    """Several patterns prefiltered together: one search (`union`) finds the places in a
    lower-cased text where any of them may begin, and a probe per pattern tells, from the few
    characters around a place (its window), which ones may begin there. A pattern whose
    beginning cannot be told is searched in full, in texts that hold a part all its matches
    hold (if one can be told)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        plain, probes, alternatives = _PLANS.plan(self.patterns)
        # patterns whose beginning cannot be told: (index, search for their required part)
        self.plain: list[tuple[int, re.Pattern[str] | None]] = [
            (index, re.compile(required) if required is not None else None)
            for index, required in plain
        ]
        self._probes: dict[str, list[tuple[re.Pattern[str], int]]] = {}  # by first piece
        for index, probe, first_pieces in probes:
            for head in first_pieces:
                self._probes.setdefault(head, []).append((re.compile(probe), index))
        self.union = re.compile("|".join(alternatives)) if alternatives else None
        self._by_piece = [re.compile(alternative) for alternative in alternatives]
        self._memo: dict[str, tuple[int, ...]] = {}

    def starts(self, lowered: str) -> list[int]:
        """The positions `union` finds in a long lower-cased text, in order, found with one
        search per first piece: the engine skips to a literal's occurrences fast, where the
        union tries each of its alternatives at almost every character (a 2 kB document: 1.3x
        faster; a sentence: slower, each search costs a call)."""
        found: list[int] = []
        for search in self._by_piece:
            found.extend(map(re.Match.start, search.finditer(lowered)))
        return sorted(set(found))

    def probe(self, window: str) -> tuple[int, ...]:
        """Indexes of the patterns that may begin at `window[WINDOW_BEFORE]`; the window is the
        lower-cased text from WINDOW_BEFORE characters before the place to WINDOW_AFTER after."""
        char = window[WINDOW_BEFORE]
        probes = list(self._probes.get(char, ()))
        if DIGIT_RE.match(char):
            probes += self._probes.get(DIGIT, ())
        if SPACE_RE.match(char):
            probes += self._probes.get(SPACE, ())
        return tuple(sorted(index for probe, index in probes if probe.match(window, WINDOW_BEFORE)))

    def at(self, window: str) -> tuple[int, ...]:
        """`probe`, remembered."""
        known = self._memo.get(window)
        if known is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            known = self._memo[window] = self.probe(window)
        return known

    def places(self, lowered: str) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(position, indexes of the patterns that may begin there) over a lower-cased text, in
        order."""
        if self.union is None:
            return
        for hit in self.union.finditer(lowered):
            position = hit.start()
            if position:
                window = lowered[position - WINDOW_BEFORE : position + WINDOW_AFTER]
            else:
                window = BEFORE_TEXT + lowered[:WINDOW_AFTER]
            yield position, self.at(window)

    def finditer_each(self, text: str, lowered: str | None = None) -> list[list[re.Match[str]]]:
        """`list(pattern.finditer(text))` for each pattern, in one pass. `lowered`:
        `lower_in_place(text)`, if known."""
        lowered = lowered if lowered is not None else lower_in_place(text)
        if lowered is None:
            return [list(pattern.finditer(text)) for pattern in self.patterns]
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for index, required in self.plain:
            if required is None or required.search(lowered):
                found[index] = list(self.patterns[index].finditer(text))
        resume = [0] * len(self.patterns)  # finditer: the next match begins after the last
        for position, indexes in self.places(lowered):
            for index in indexes:
                if position >= resume[index]:
                    match = self.patterns[index].match(text, position)
                    if match is not None:
                        found[index].append(match)
                        resume[index] = match.end()
        return found

    def search_each(self, text: str, lowered: str | None = None) -> list[re.Match[str] | None]:
        """`pattern.search(text)` for each pattern, in one pass."""
        lowered = lowered if lowered is not None else lower_in_place(text)
        if lowered is None:
            return [pattern.search(text) for pattern in self.patterns]
        found: list[re.Match[str] | None] = [None] * len(self.patterns)
        for index, required in self.plain:
            if required is None or required.search(lowered):
                found[index] = self.patterns[index].search(text)
        for position, indexes in self.places(lowered):
            for index in indexes:
                if found[index] is None:  # the first place where it matches: the leftmost
                    found[index] = self.patterns[index].match(text, position)
        return found


class Prefiltered:
    """One pattern with exact, faster `search` and `finditer` (a PrefilterSet of one)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._set = PrefilterSet([pattern])

    def finditer(self, text: str, lowered: str | None = None) -> list[re.Match[str]]:
        """The matches of `pattern.finditer(text)`. `lowered`: `lower_in_place(text)`, if known."""
        return self._set.finditer_each(text, lowered)[0]

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The match of `pattern.search(text)`."""
        return self._set.search_each(text, lowered)[0]
