"""Example corpus for the dating engine: hand-checked (text, published, expected rows) cases.

The cases live in tests/extract/dating/examples.yaml. Every expected value there was derived by
hand from the annotation rules (weekdays checked with Python's datetime), never from the engine's
output, so this file is an independent oracle for `extract.pipeline.document_events`.

For each case the multiset of (date, date_end, precision) the engine produces must equal the
expected multiset, and every expected row must be matched by a produced row with the same dating
whose evidence overlaps the expected evidence (one contains the other).

`test_examples_file_is_valid` checks the YAML file itself; `test_every_rule_has_an_example`
checks that each rule of the table dates at least one expected row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from extract.dating.rules import RULES as RULE_TABLE
from extract.pipeline import document_events
from extract.table.schema import date_problem

DATA = Path(__file__).parent / "examples.yaml"

RULES = {
    "full-date",
    "month-day",
    "month-year",
    "month",
    "year",
    "year-interval",
    "day-span",
    "month-interval",
    "decade",
    "season",
    "weekday",
    "deictic",
    "ago-later",
    "since",
    "approx",
    "holiday",
    "caption",
    "no-published",
    "multi-row",
    "one-row-per-event",
    "negative",
    "frame",
    "tense",
    "spoken",
    # the classes of issue 12 (docs/dating.md); "<class>-negative" cases show what gives no row
    "abbrev-month-day",
    "yearless-year",
    "weekday-speech",
    "named-date",
    "past-period",
    "end-of-period",
    "vague-relative",
    "fiscal-quarter",
    "numeric-date",
    "day-of-month",
    "either-or-months",
    "runs-through",
    "clock-time",
    "era",
    "anniversary",
    "anchored-event",
    "two-events",
}
# First month of each northern meteorological season (each lasts three months).
SEASON_STARTS = frozenset({3, 6, 9, 12})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MIN_CASES = 150
MIN_NEGATIVE = 30


def _load_cases() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    assert isinstance(cases, list), f"{DATA}: expected a YAML list of cases"
    return cases


CASES = _load_cases()


def _case_problems(case: Any, index: int) -> list[str]:
    """Everything wrong with one case, as readable messages (empty when the case is valid)."""
    if not isinstance(case, dict):
        return [f"case #{index}: not a mapping"]
    name = f"case #{index} ({case.get('id', '?')})"
    problems: list[str] = []
    for key in ("id", "rule", "published", "text", "expect"):
        if key not in case:
            problems.append(f"{name}: missing key {key!r}")
    extra = set(case) - {"id", "rule", "published", "text", "expect", "note"}
    if extra:
        problems.append(f"{name}: unknown keys {sorted(extra)}")
    if problems:
        return problems
    if not isinstance(case["id"], str) or not case["id"]:
        problems.append(f"{name}: id must be a non-empty string")
    if case["rule"].removesuffix("-negative") not in RULES:
        problems.append(f"{name}: unknown rule {case['rule']!r}")
    published = case["published"]
    if published is not None and not (
        isinstance(published, dt.date) and not isinstance(published, dt.datetime)
    ):
        problems.append(f"{name}: published must be a YYYY-MM-DD date or null, got {published!r}")
    elif published is not None and not dt.date(2013, 1, 1) <= published <= dt.date(2026, 12, 31):
        problems.append(f"{name}: published {published} outside 2013-2026")
    text = case["text"]
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{name}: text must be a non-empty string")
        return problems
    expect = case["expect"]
    if not isinstance(expect, list):
        return [*problems, f"{name}: expect must be a list"]
    if case["rule"] == "negative" and expect:
        problems.append(f"{name}: a negative case must have expect: []")
    for number, row in enumerate(expect, 1):
        where = f"{name} row {number}"
        if not isinstance(row, dict):
            problems.append(f"{where}: not a mapping")
            continue
        extra = set(row) - {"date", "date_end", "precision", "evidence"}
        missing = {"date", "precision", "evidence"} - set(row)
        if extra or missing:
            problems.append(f"{where}: unknown keys {sorted(extra)} / missing {sorted(missing)}")
            continue
        date, end, precision = row["date"], row.get("date_end", ""), row["precision"]
        evidence = row["evidence"]
        if not all(isinstance(v, str) for v in (date, end, precision, evidence)):
            problems.append(f"{where}: date, date_end, precision, evidence must be quoted strings")
            continue
        shape_problem = date_problem(date, end, precision)  # the events table's own rules
        if shape_problem:
            problems.append(f"{where}: {shape_problem[0]}: {shape_problem[1]}")
            continue
        if precision == "season":  # one season, or seasons that follow each other ("Summer-Fall")
            first, last = int(date[5:]), int(end[5:])
            months = (int(end[:4]) - int(date[:4])) * 12 + last - first + 1
            if first not in SEASON_STARTS or months not in (3, 6, 9):
                problems.append(f"{where}: {date}..{end} is not a meteorological season")
        if precision == "decade" and (int(date) % 10 != 0 or int(end) % 10 != 9 or end < date):
            # "the 1990s" is 1990..1999; "the 1970s and 1980s" 1970..1989
            problems.append(f"{where}: decades run from a year ending in 0 to one ending in 9")
        if not evidence or evidence not in text:
            problems.append(f"{where}: evidence {evidence!r} is not a substring of the text")
        # Oracle self-check: a single day named by one weekday must fall on that weekday (not
        # one counted back from it: "Seventy years ago this Thursday").
        named = [w for w in WEEKDAYS if re.search(rf"\b{w}\b", evidence)]
        named = [] if re.search(r"\bago\b", evidence) else named
        if precision == "day" and not end and len(named) == 1 and not problems:
            actual = dt.date.fromisoformat(date).strftime("%A")
            if actual != named[0]:
                problems.append(f"{where}: {date} is a {actual}, evidence says {named[0]}")
    return problems


def test_examples_file_is_valid() -> None:
    problems: list[str] = []
    for index, case in enumerate(CASES):
        problems.extend(_case_problems(case, index))
    ids = Counter(case.get("id") for case in CASES if isinstance(case, dict))
    problems += [f"duplicate id {case_id!r} ({n} times)" for case_id, n in ids.items() if n > 1]
    negatives = sum(1 for c in CASES if isinstance(c, dict) and c.get("expect") == [])
    if len(CASES) < MIN_CASES:
        problems.append(f"only {len(CASES)} cases, need at least {MIN_CASES}")
    if negatives < MIN_NEGATIVE:
        problems.append(f"only {negatives} negative cases, need at least {MIN_NEGATIVE}")
    assert not problems, "\n".join(problems)


def _field(row: Any, name: str) -> str:
    value = row.get(name, "") if isinstance(row, dict) else getattr(row, name, "")
    return "" if value is None else str(value)


def _key(row: Any) -> tuple[str, str, str]:
    return (_field(row, "date"), _field(row, "date_end"), _field(row, "precision"))


def _overlaps(expected: str, produced: str) -> bool:
    return bool(produced) and (expected in produced or produced in expected)


def _match(expected: list[dict[str, str]], produced: list[Any]) -> list[dict[str, str]]:
    """Expected rows left unmatched by a one-to-one assignment on dating + evidence overlap."""
    candidates = [
        [
            j
            for j, row in enumerate(produced)
            if _key(row) == _key(want) and _overlaps(want["evidence"], _field(row, "evidence"))
        ]
        for want in expected
    ]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    matched = {i for i in range(len(expected)) if assign(i, set())}
    return [want for i, want in enumerate(expected) if i not in matched]


def _show(rows: list[Any]) -> str:
    if not rows:
        return "    (no rows)"
    lines = []
    for row in rows:
        date, end, precision = _key(row)
        span = f"{date}..{end}" if end else date
        lines.append(f"    {span:<24} {precision:<7} evidence={_field(row, 'evidence')!r}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "case", CASES, ids=[str(c.get("id")) if isinstance(c, dict) else "?" for c in CASES]
)
def test_temporal_example(case: dict[str, Any]) -> None:
    expected = [{"date_end": "", **row} for row in case["expect"]]
    produced = list(document_events(case["text"], case["published"]))
    report = (
        f"\ncase {case['id']} ({case['rule']}), published {case['published']}\n"
        f"text: {case['text']!r}\n"
        f"expected:\n{_show(expected)}\nproduced:\n{_show(produced)}"
    )
    assert Counter(map(_key, produced)) == Counter(map(_key, expected)), "dates differ" + report
    unmatched = _match(expected, produced)
    assert not unmatched, f"evidence does not overlap for:\n{_show(unmatched)}" + report


def test_every_rule_has_an_example() -> None:
    """Each rule of the table dates at least one expected row of the corpus (a rule without an
    example is untested; a rule no example reaches may be dead)."""
    rule_names = [rule.name for rule in RULE_TABLE]
    assert len(set(rule_names)) == len(rule_names), "rule names must be unique"
    fired: set[str] = set()
    for case in CASES:
        expected = {_key({"date_end": "", **row}) for row in case["expect"]}
        produced = document_events(case["text"], case["published"])
        fired.update(row.rule for row in produced if _key(row) in expected)
    missing = [name for name in rule_names if name not in fired]
    assert not missing, f"rules with no example in {DATA.name}: {missing}"


def test_no_mention_starts_inside_a_word() -> None:
    # "won Wednesday's" once read as "on Wednesday's", leaving "Yoon w" as the headline's subject.
    rows = document_events(
        "Yoon won Wednesday's election by a narrow margin.", dt.date(2022, 3, 10)
    )
    assert [(row.date, row.evidence) for row in rows] == [("2022-03-09", "Wednesday's")]
    assert dt.date(2022, 3, 9).strftime("%A") == "Wednesday"
