"""The combined scanner: where in a document each rule of the table could match, found in one
pass, so that a rule is tried only where it can begin.

Trying every rule of `extract.dating.rules` on every sentence costs one regular-expression
search per rule and sentence, and most patterns open with optional words ("on", "early", "the
end of") that make the engine attempt a match at every character. The scanner is derived from
the table itself, so a new rule is covered without more code:

- Each rule's pattern and trigger is reduced to the ways its match can begin
  (`extract.prefilter`: its first characters, lower-cased). The places where any of them may
  begin are found once (`PrefilterSet.starts`) in the document's sentences, joined and
  lower-cased; each place is sorted out by a probe per rule and trigger (remembered by the few
  characters around the place).
- A rule is tried only in the sentences where its trigger may match, with `pattern.match` at
  the places where it may begin, left to right, resuming after each match: exactly the matches
  `pattern.finditer` gives. It keeps them if its trigger matches the sentence, as before.

A rule whose beginning cannot be told is searched in full in the sentences its trigger may
match; a document that cannot be lower-cased in place is searched the plain way
(`matches_by_search`, the reference the scanner is tested against).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.dating.rules import Rule
from extract.prefilter import (
    MEMO_SIZE,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    PrefilterSet,
    lower_in_place,
)

SEPARATOR = "\n"  # between sentences in the joined text: a space, never part of a word


class ScanTable:
    """The rule table made ready for scanning, built once: the rules' patterns and their
    distinct triggers, prefiltered together."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self.patterns = tuple(rule.pattern for rule in rules)
        triggers = list(dict.fromkeys(rule.trigger for rule in rules))
        self.prefilter = PrefilterSet([rule.pattern for rule in rules] + triggers)
        plain = {index for index, _ in self.prefilter.plain}
        # a trigger's bit in a sentence's mask; 0 for one that may match anywhere
        bit_of = {
            trigger: 0 if len(rules) + i in plain else 1 << i for i, trigger in enumerate(triggers)
        }
        self.trigger_bits = [bit_of[rule.trigger] for rule in rules]
        self.searched = [i for i, _ in self.prefilter.plain if i < len(rules)]  # searched in full
        self._bits = [bit_of[trigger] for trigger in triggers]
        self._memo: dict[str, tuple[int, tuple[int, ...]]] = {}

    def classify(self, window: str) -> tuple[int, tuple[int, ...]]:
        """For a place's window (see PrefilterSet.probe): the bits of the triggers and the
        indexes of the rules that may begin at the place."""
        known = self._memo.get(window)
        if known is None:
            indexes = self.prefilter.probe(window)
            count = len(self.rules)
            bits = 0
            for index in indexes:
                if index >= count:
                    bits |= self._bits[index - count]
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            known = self._memo[window] = (bits, tuple(i for i in indexes if i < count))
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
        # the sentences joined, each with a separator before and after, lower-cased (when that
        # keeps every character in its place; otherwise every sentence is searched plainly)
        lowered = lower_in_place(SEPARATOR + SEPARATOR.join(texts) + SEPARATOR)
        self.exact = lowered is not None
        if lowered is not None:
            self._scan(lowered, [len(text) for text in texts])

    def _scan(self, lowered: str, lengths: list[int]) -> None:
        """One pass over the document: each place where a rule or a trigger may begin, filed
        under its sentence."""
        classify, known = self.table.classify, self.table._memo  # (the hot loop of a run)
        masks, candidates = self.masks, self.candidates
        sentence, start = 0, len(SEPARATOR)
        end = start + lengths[0] if lengths else 0
        for position in self.table.prefilter.starts(lowered):
            while position >= end + len(SEPARATOR) and sentence + 1 < len(lengths):
                sentence += 1
                start = end + len(SEPARATOR)
                end = start + lengths[sentence]
            if not start <= position < end:
                continue  # a separator
            window = lowered[position - WINDOW_BEFORE : position + WINDOW_AFTER]
            bits, rule_indexes = known.get(window) or classify(window)
            masks[sentence] |= bits
            if rule_indexes:
                candidates[sentence].append((position - start, rule_indexes))

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
        trigger_bits, patterns = table.trigger_bits, table.patterns
        by_rule: dict[int, list[re.Match[str]]] = {}
        resume = [0] * len(patterns)
        for position, rule_indexes in self.candidates[index]:
            for rule_index in rule_indexes:
                bit = trigger_bits[rule_index]
                if (bit and not bit & mask) or position < resume[rule_index]:
                    continue
                match = patterns[rule_index].match(text, position)
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
