"""The combined scanner: where in a document each rule of the table could match, found in one
pass, so that a rule is tried only where it can begin.

Trying every rule of `extract.dating.rules` on every sentence costs one regular-expression
search per rule and sentence, and most patterns open with optional words ("on", "early", "the
end of") that make the engine attempt a match at every character. The scanner is derived from
the table itself, so a new rule is covered without more code:

- Each pattern, and each trigger, is read (with Python's own regex parser) into the set of ways
  a match of it can begin: its first `PREFIX_LENGTH` characters, lower-cased, as plain
  case-sensitive pieces ("in 2", "janu", "\\bon\\s"). A match of the pattern always starts with
  one of them (the set may hold more: it is a prefilter).
- A document's sentences are joined and lower-cased once. Each trigger's prefixes are searched
  in it once: the sentences where a trigger cannot match are known before any rule runs.
- In a sentence where its trigger may match, a rule is tried with `pattern.match` only at the
  positions where one of its own prefixes begins, left to right, resuming after each match:
  exactly the matches `pattern.finditer` gives over the sentence. The rule keeps its matches if
  its trigger matches the sentence, as before.

A pattern that could begin with any character, one too intricate to reduce, or one that can
match the empty string is run over the sentence as before; so is every rule on a document whose
lower-casing is not position by position ("İ") or that holds letters which only match ASCII
letters case-insensitively ("ı", "ſ"). `matches_by_search` is that plain way, and the
reference the scanner is tested against.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from re import _constants as sre  # the parser's node types (Python's own, stable since 3.11)
from re import _parser as sre_parse

from extract.dating.rules import Rule

PREFIX_LENGTH = 4  # characters of a match's beginning that the scanner looks for
MAX_PREFIXES = 4000  # a pattern with more ways to begin is run the plain way
MAX_CLASS = 64  # a character class wider than this could be anything
# Letters that match an ASCII letter case-insensitively but do not lower-case to it one for one
# (tests/extract/dating/test_scanner.py checks the list against every code point).
UNFOLDED_RE = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ
SEPARATOR = "\n"  # between sentences in the joined text: a space, never part of a word

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
    could begin anywhere (or match the empty string)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None
        found = {prefix for prefix, _ in _sequence(parsed.data, parsed.state.flags)}
    except (Unbounded, RecursionError):
        return None
    if any(_length(prefix) == 0 for prefix in found):
        return None
    return found


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


def finder(starts: set[Prefix]) -> re.Pattern[str]:
    """A search for every position where one of the prefixes begins. Each alternative takes the
    first character (a literal: the engine rejects the others at once) and looks around for
    the rest; taking one character, consecutive matches never hide an overlapping start."""
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
    alternatives = [
        _piece(piece) + (checks[0] if len(checks) == 1 else "(?:" + "|".join(checks) + ")")
        for piece, checks in by_piece.items()
    ]
    return re.compile("|".join(alternatives))


def _heads(starts: set[Prefix]) -> set[str]:
    """The pieces a prefix's first character may be."""
    return {
        piece
        for prefix in starts
        for piece in next(symbol for symbol in prefix if symbol != BOUNDARY)
    }


WINDOW_BEFORE, WINDOW_AFTER = 1, PREFIX_LENGTH + 1  # what a prefix looks at around its start
MEMO_SIZE = 200_000  # windows remembered (a cache: cleared when full)
DIGIT_RE, SPACE_RE = re.compile(DIGIT), re.compile(SPACE)


class ScanTable:
    """The rule table made ready for scanning, built once: one search (`union`) for where any
    rule or trigger may begin, and a probe per rule and trigger that tells, for a few
    characters around such a place, whether that one may begin there."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        everything: set[Prefix] = set()
        # probes: (search of one rule's or trigger's prefixes, its bit in a sentence's trigger
        # mask or 0, the rule's index or -1), indexed by the pieces their prefixes begin with
        self.probes_by_head: dict[str, list[tuple[re.Pattern[str], int, int]]] = {}

        def add_probe(starts: set[Prefix], bit: int, rule_index: int) -> None:
            everything.update(starts)
            probe = finder(starts)
            for head in _heads(starts):
                self.probes_by_head.setdefault(head, []).append((probe, bit, rule_index))

        bits: dict[re.Pattern[str], int] = {}  # 0: the trigger may match anywhere
        for rule in rules:
            if rule.trigger not in bits:
                starts = prefixes(rule.trigger)
                bits[rule.trigger] = 1 << len(bits) if starts is not None else 0
                if starts is not None:
                    add_probe(starts, bits[rule.trigger], -1)
        self.trigger_bits = [bits[rule.trigger] for rule in rules]
        self.searched: list[int] = []  # rules whose beginning is unknown: searched in full
        for index, rule in enumerate(rules):
            starts = prefixes(rule.pattern)
            if starts is None:
                self.searched.append(index)
            else:
                add_probe(starts, 0, index)
        self.union = finder(everything)
        self.memo: dict[str, tuple[int, tuple[int, ...]]] = {}

    def classify(self, window: str) -> tuple[int, tuple[int, ...]]:
        """For the text `window` (one character before a place, the place, and what follows):
        the bits of the triggers and the indexes of the rules that may begin at the place."""
        known = self.memo.get(window)
        if known is not None:
            return known
        char = window[WINDOW_BEFORE]
        probes = list(self.probes_by_head.get(char, ()))
        if DIGIT_RE.match(char):
            probes += self.probes_by_head.get(DIGIT, ())
        if SPACE_RE.match(char):
            probes += self.probes_by_head.get(SPACE, ())
        bits, rule_indexes = 0, []
        for probe, bit, rule_index in probes:
            if probe.match(window, WINDOW_BEFORE):
                bits |= bit
                if rule_index >= 0:
                    rule_indexes.append(rule_index)
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        known = self.memo[window] = (bits, tuple(sorted(rule_indexes)))
        return known


Found = list[tuple[Rule, re.Match[str]]]


def matches_by_search(text: str, rules: Sequence[Rule]) -> Found:
    """Every match of the rules in `text`, in table order, the plain way: a rule runs over the
    whole sentence when its trigger occurs in it. The scanner gives exactly these."""
    triggered: dict[re.Pattern[str], bool] = {}
    found = []
    for rule in rules:
        trigger = rule.trigger
        if trigger not in triggered:
            triggered[trigger] = trigger.search(text) is not None
        if triggered[trigger]:
            matches = rule.pattern.finditer(text)
            found.extend((rule, match) for match in matches if match.end() > match.start())
    return found


class DocumentScan:
    """One document's sentences scanned once; `matches` gives a sentence's rule matches."""

    def __init__(self, texts: Sequence[str], table: ScanTable) -> None:
        self.table = table
        self.index: dict[str, int] = {}
        for index, text in enumerate(texts):
            self.index.setdefault(text, index)
        self.masks = [0] * len(texts)  # per sentence: bits of the triggers that may match it
        # per sentence: (position, indexes of the rules that may begin there), in order
        self.candidates: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in texts]
        self.found: dict[int, Found] = {}
        # The sentences joined, each with a separator before and after, lower-cased. Lower-casing
        # must keep every character in its place (and fold what re's IGNORECASE folds);
        # otherwise every sentence is searched the plain way.
        joined = SEPARATOR + SEPARATOR.join(texts) + SEPARATOR
        lowered = joined.lower()
        self.exact = len(lowered) == len(joined) and not UNFOLDED_RE.search(joined)
        if self.exact:
            self._scan(lowered, [len(text) for text in texts])

    def _scan(self, lowered: str, lengths: list[int]) -> None:
        """One pass over the document: each place where a rule or a trigger may begin, filed
        under its sentence."""
        classify = self.table.classify
        sentence, start = 0, len(SEPARATOR)
        end = start + lengths[0] if lengths else 0
        for hit in self.table.union.finditer(lowered):
            position = hit.start()
            while position >= end + len(SEPARATOR) and sentence + 1 < len(lengths):
                sentence += 1
                start = end + len(SEPARATOR)
                end = start + lengths[sentence]
            if not start <= position < end:
                continue  # a separator
            bits, rule_indexes = classify(
                lowered[position - WINDOW_BEFORE : position + WINDOW_AFTER]
            )
            self.masks[sentence] |= bits
            if rule_indexes:
                self.candidates[sentence].append((position - start, rule_indexes))

    def matches(self, text: str) -> Found:
        """Every match of the table's rules in the sentence `text`, in table order, exactly as
        `matches_by_search` gives them."""
        index = self.index.get(text)
        if index is None or not self.exact:
            return matches_by_search(text, self.table.rules)
        found = self.found.get(index)
        if found is None:
            found = self.found[index] = self._match(text, index)
        return found

    def _match(self, text: str, index: int) -> Found:
        """Each rule whose trigger may match, tried at the places where it may begin, left to
        right, resuming after each match: the matches `pattern.finditer` gives."""
        table, mask = self.table, self.masks[index]
        by_rule: dict[int, list[re.Match[str]]] = {}
        resume: dict[int, int] = {}
        for position, rule_indexes in self.candidates[index]:
            for rule_index in rule_indexes:
                bit = table.trigger_bits[rule_index]
                if (bit and not bit & mask) or position < resume.get(rule_index, 0):
                    continue
                match = table.rules[rule_index].pattern.match(text, position)
                if match is not None:
                    by_rule.setdefault(rule_index, []).append(match)
                    resume[rule_index] = match.end()
        for rule_index in table.searched:
            bit = table.trigger_bits[rule_index]
            if not bit or bit & mask:
                pattern = table.rules[rule_index].pattern
                matches = [m for m in pattern.finditer(text) if m.end() > m.start()]
                if matches:
                    by_rule[rule_index] = matches
        triggered: dict[re.Pattern[str], bool] = {}
        found: Found = []
        for rule_index in sorted(by_rule):
            rule = table.rules[rule_index]
            if rule.trigger not in triggered:
                triggered[rule.trigger] = rule.trigger.search(text) is not None
            if triggered[rule.trigger]:
                found.extend((rule, match) for match in by_rule[rule_index])
        return found
