"""Reading one news document from its bytes: YAML front matter (or its row of the folder's
metadata.csv) and the body.

Every problem becomes a DocumentError with a one-line message naming the file (and line), so a
bad file is reported and skipped while the rest of the corpus is processed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from extract.table.textfile import clean_name, clean_text, decode_utf8

METADATA_FILE = "metadata.csv"
MAX_FRONT_MATTER = 64 * 1024  # a header larger than this is not a header
METADATA_FIELDS = ("title", "source", "url", "published")


class DocumentError(Exception):
    """A document that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Document:
    doc: str  # path relative to the corpus folder (or the file name)
    title: str
    source: str
    url: str
    published: dt.date | None
    body: str
    warning: str = ""  # e.g. no publication date: relative expressions are skipped


def parse_published(value: object) -> dt.date | None:
    """An ISO date (a datetime's date part is accepted); None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?$", text)
    if not match:
        return None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    # 9999-12-31 would overflow the calendar arithmetic of relative dates ('on Monday')
    return day if 1800 <= day.year <= 2999 else None


def split_front_matter(text: str, name: str) -> tuple[dict[str, str] | None, str]:
    """(metadata or None, body). The body is the text after the closing '---' line."""
    if not re.match(r"---[ \t]*\r?\n", text):
        return None, text
    closing = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
    end = closing.search(text, 4)
    if end is None:
        raise DocumentError(f"{name}:1: front matter opened with '---' is never closed")
    header = text[text.index("\n") + 1 : end.start()]
    if len(header) > MAX_FRONT_MATTER:
        raise DocumentError(f"{name}:1: front matter is larger than {MAX_FRONT_MATTER // 1024} KB")
    header = quote_indicator_values(header)
    if _uses_anchors(header):
        raise DocumentError(
            f"{name}:1: front matter uses YAML anchors/aliases, which are not allowed"
        )
    try:
        # BaseLoader: every value a string, so no YAML timestamp/number constructor can fail
        # on `published: 2019-02-30` or `0000-00-00` (parse_published judges the string)
        data = _load_yaml(header) if header.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DocumentError(f"{name}:{line}: front matter is not valid YAML ({problem})") from None
    except (ValueError, OverflowError, RecursionError) as error:  # e.g. published: 2019-02-30
        raise DocumentError(
            f"{name}:1: front matter has a value YAML cannot read ({error})"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError(f"{name}:2: front matter must be 'key: value' lines")
    metadata = {
        str(key): clean_text(_scalar(value))
        for key, value in data.items()
        if str(key) in METADATA_FIELDS
    }
    body_start = end.end()
    if text[body_start : body_start + 1] == "\n":
        body_start += 1
    return metadata, text[body_start:]


FAST_LOADER = getattr(yaml, "CBaseLoader", None)  # libyaml's, when PyYAML was built with it
# A `key: value` line whose value opens with a character YAML reserves for aliases (*), anchors
# (&), tags (!), directives (%) or future use (@, `): in a news header it is text
# ("title: *Breaking* North Korea fires missile").
INDICATOR_VALUE_RE = re.compile(
    r"(?m)^([A-Za-z_][\w-]*[ \t]*:[ \t]+)([*&!%@`][^\r\n]*?)([ \t]*\r?)$"
)


def quote_indicator_values(header: str) -> str:
    """The header with each top-level value that opens with a YAML indicator (*, &, !, %, @, `)
    single-quoted, so it is read as the text it is: no alias is followed, no tag applied (the
    rest of the header is YAML as usual; anchors left elsewhere are refused by the caller)."""
    if not any(mark in header for mark in "*&!%@`"):
        return header
    return INDICATOR_VALUE_RE.sub(
        lambda m: m[1] + "'" + m[2].replace("'", "''") + "'" + m[3], header
    )


def _uses_anchors(header: str) -> bool:
    """Whether the header defines YAML anchors or follows aliases (the way to a "billion laughs"
    bomb); a header YAML cannot scan is left to the parser, which names the problem."""
    if "&" not in header and "*" not in header:
        return False
    try:
        tokens = yaml.scan(header, Loader=FAST_LOADER or yaml.BaseLoader)
        return any(isinstance(t, yaml.AnchorToken | yaml.AliasToken) for t in tokens)
    except yaml.YAMLError:
        return False


def _load_yaml(header: str) -> object:
    """The header as BaseLoader reads it (every value a string), with libyaml's loader when
    there is one (the Python one is several times slower); a header libyaml refuses is read
    again by the Python loader, so errors name the problem as they always did."""
    if FAST_LOADER is not None:
        try:
            return yaml.load(header, Loader=FAST_LOADER)
        except Exception:  # read again below: the usual message
            pass
    return yaml.load(header, Loader=yaml.BaseLoader)


def _scalar(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    return ""


def parse_metadata(raw: bytes) -> dict[str, dict[str, str]]:
    """The rows of a metadata.csv keyed by file name; empty when it is not readable CSV."""
    try:
        text = raw.decode("utf-8-sig")
        return {
            (row.get("file") or "").strip(): {
                k: (row.get(k) or "").strip() for k in METADATA_FIELDS
            }
            for row in csv.DictReader(io.StringIO(text, newline=""))
        }
    except (UnicodeDecodeError, csv.Error):
        return {}


def has_front_matter(raw: bytes) -> bool:
    """True when the bytes open with a '---' line (the metadata is then in the file itself)."""
    return re.match(rb"(?:\xef\xbb\xbf)?---[ \t]*\r?\n", raw) is not None


def parse_document(
    raw: bytes, doc: str, folder_metadata_row: Callable[[], dict[str, str]] = dict
) -> Document:
    """A document from its bytes; `folder_metadata_row()` gives its metadata.csv row (used only
    when the file has no front matter). Raises DocumentError naming the file and the problem."""
    # Every text the document gives is clean here, so no later writer (cache, CSV, Arrow) meets
    # a lone surrogate or a NUL (see clean_text), whatever the header's escapes say.
    doc = clean_name(doc)
    if not raw.strip():
        raise DocumentError(f"{doc}: empty file")
    if b"\x00" in raw[:8192]:
        raise DocumentError(f"{doc}: binary file (NUL bytes), not a text document")
    text = clean_text(decode_utf8(raw, doc, DocumentError))
    metadata, body = split_front_matter(text, doc)
    if metadata is None:
        metadata = {key: clean_text(value) for key, value in folder_metadata_row().items()}
    if not body.strip():
        raise DocumentError(f"{doc}: no text after the front matter")
    published = parse_published(metadata.get("published"))
    warning = ""
    if published is None:
        given = metadata.get("published", "")
        reason = f"'published' is not an ISO date ({given!r})" if given else "no publication date"
        warning = (
            f"{doc}: {reason} (front matter or {METADATA_FILE}); "
            "only absolute dates were extracted, relative ones ('Monday', 'last year') skipped"
        )
    return Document(
        doc=doc,
        title=metadata.get("title", ""),
        source=metadata.get("source", ""),
        url=metadata.get("url", ""),
        published=published,
        body=body,
        warning=warning,
    )
