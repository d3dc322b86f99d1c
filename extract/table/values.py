"""What a cell of the events table or of the corrections file may hold: the one place that
decides which text, digits, dates, ids and actors are acceptable.

Every reader and writer of events.csv / corrections.csv and the app's edit form call these
functions, so what one side writes the other side reads:

- digits are ASCII only (`[0-9]` with re.ASCII): `１９５３` is not a year, here or anywhere;
- a cell holds at most MAX_CELL_CHARS characters, the limit of Python's csv reader;
- a value holds no control characters (NUL, escapes...); document text kept as an anchor is
  cleaned of them by `anchor_text` (the same function when writing and when matching);
- a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, also after
  leading whitespace, or a tab/CR first) is written with a leading `'` by `neutralise_cell`
  (CSV downloads and corrections.csv), and `unneutralise_cell` reads it back unchanged.
"""

from __future__ import annotations

import csv
import re
import unicodedata

from extract.table.vocabulary import ACTORS, CATEGORIES, PRECISIONS

# Python's csv module refuses a field of this many characters or more (its default limit).
CSV_FIELD_LIMIT = csv.field_size_limit()
MAX_CELL_CHARS = CSV_FIELD_LIMIT - 1  # the longest cell every reader of the project accepts

DAY_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", re.ASCII)
MONTH_RE = re.compile(r"^[0-9]{4}-[0-9]{2}\Z", re.ASCII)
YEAR_RE = re.compile(r"^[0-9]{4}\Z", re.ASCII)
# Ids the app can address in a URL and a correction can name: ASCII letters, digits, _ . : -
EVENT_ID_RE = re.compile(r"^[A-Za-z0-9_.:\-]{1,100}\Z", re.ASCII)
LIST_SEPARATOR = ";"

# Control characters (C0, DEL, C1), lone surrogates and non-characters are never written.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS_RE = re.compile("[\t\n\r\u2028\u2029]+")

FORMULA_FIRST = ("=", "+", "-", "@")
FORMULA_WHITESPACE = " \t\r\n"


# ---------------------------------------------------------------- dates


def iso_shape_ok(value: str) -> bool:
    """True for an ASCII ISO year, month or day (2018, 2018-06, 2018-06-12), real or not."""
    return bool(DAY_RE.match(value) or MONTH_RE.match(value) or YEAR_RE.match(value))


def is_real_iso(value: str) -> bool:
    """True when an ISO year, month or day (ASCII digits only) names a real calendar date that
    the app can draw (2019-02-30 and year 0 do not; nor years past pandas' range)."""
    if not isinstance(value, str) or not iso_shape_ok(value):
        return False
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], (parts[1] if len(parts) > 1 else 1)
    day = parts[2] if len(parts) > 2 else 1
    if not 1 <= month <= 12 or year < 1:
        return False
    import pandas as pd  # here only: extracting a table needs no pandas

    try:
        pd.Timestamp(year=year, month=month, day=day)
    except (ValueError, OverflowError):
        return False
    return True


def iso_date_problem(value: str) -> str | None:
    """Why `value` is not an ISO date (said for a person), or None."""
    if not iso_shape_ok(value):
        if any(ch.isdigit() and not ch.isascii() for ch in value):
            return f"{value!r} has non-ASCII digits; type the date with 0-9 (like 2018-06-12)"
        return f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if not is_real_iso(value):
        return f"{value!r} is not a real calendar date"
    return None


# ---------------------------------------------------------------- text


def has_control(text: str) -> bool:
    return bool(_CONTROL_RE.search(text))


def text_problem(value: str, single_line: bool = True) -> str | None:
    """Why a text value (summary, label, reason...) cannot be written, or None."""
    if len(value) > MAX_CELL_CHARS:
        return f"is {len(value):,} characters long; at most {MAX_CELL_CHARS:,} fit in a cell"
    if has_control(value):
        bad = _CONTROL_RE.search(value)
        code = ord(bad.group(0)) if bad else 0
        return f"holds a control character (U+{code:04X}); remove it"
    if single_line and _LINE_BREAKS_RE.search(value):
        return "holds a line break or tab; keep it on one line"
    return None


def anchor_text(value: object) -> str:
    """Document text (evidence, sentence) as kept in a correction's anchor and as matched
    against rows: control characters removed, NFC, stripped (as a reader strips cells); ''
    when it would not fit in a cell."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", _CONTROL_RE.sub("", text)).strip()
    return text if len(text) <= MAX_CELL_CHARS else ""


def clean_cell(value: object) -> str:
    """Any cell written to corrections.csv: control characters removed, at most a cell long."""
    text = _CONTROL_RE.sub("", "" if value is None else str(value))
    return text[:MAX_CELL_CHARS]


# ---------------------------------------------------------------- ids, vocabulary


def event_id_problem(value: str) -> str | None:
    if EVENT_ID_RE.match(value or ""):
        return None
    if not value:
        return "is empty"
    return f"{value[:60]!r} is not an event id (1-100 ASCII letters, digits, '_', '.', ':' or '-')"


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def actors_problem(value: str) -> str | None:
    """Why a `;`-separated actors cell holds something else than the vocabulary's actors."""
    unknown = [a for a in split_list(value) if a not in ACTORS]
    if unknown:
        return (
            f"unknown actor(s) {', '.join(map(repr, unknown[:5]))} (expected: {', '.join(ACTORS)})"
        )
    return None


def field_problem(field: str, value: str) -> str | None:
    """Why `value` cannot be the new value of an event's `field` (set/add/form), or None."""
    if field in ("date", "date_end", "published"):
        if not value and field != "date":
            return None
        return iso_date_problem(value) if value else "is empty"
    if field == "precision" and value not in PRECISIONS:
        return f"unknown precision {value!r} (expected one of {', '.join(PRECISIONS)})"
    if field == "category" and value not in CATEGORIES:
        return f"unknown category {value!r} (expected one of {', '.join(CATEGORIES)})"
    if field == "actors":
        return text_problem(value) or actors_problem(value)
    if field == "summary" and not value.strip():
        return "a summary cannot be empty"
    return text_problem(value, single_line=field not in ("sentence", "evidence"))


# ---------------------------------------------------------------- spreadsheet formulas


def _formula_like(text: str) -> bool:
    if text[:1] in ("\t", "\r"):
        return True
    return text.lstrip(FORMULA_WHITESPACE)[:1] in FORMULA_FIRST


def neutralise_cell(value: object) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @, also after leading whitespace;
    a tab or CR first) gets a leading `'`; so does one that already starts with `'`s before
    such a character, which makes the change reversible (`unneutralise_cell`)."""
    text = "" if value is None else str(value)
    return "'" + text if _formula_like(text.lstrip("'")) else text


def unneutralise_cell(text: str) -> str:
    """The value a neutralised cell stands for (the inverse of `neutralise_cell`)."""
    if text.startswith("'") and _formula_like(text[1:].lstrip("'")):
        return text[1:]
    return text
