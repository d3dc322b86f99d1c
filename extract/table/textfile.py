"""Reading text files people edit by hand (documents, events tables, corrections): one place
that turns bad bytes into a message naming the file, line and byte, and guesses the CSV
separator a spreadsheet used."""

from __future__ import annotations

import contextlib
import os
import re


def decode_utf8(raw: bytes, name: str, error: type[Exception], hint: str = "") -> str:
    """The text of `raw` (a BOM is dropped), or `error` naming file, line and offending byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw[: problem.start].count(b"\n") + 1
        raise error(
            f"{name}:{line}: not UTF-8 text (byte 0x{raw[problem.start]:02x} at offset "
            f"{problem.start}){hint}"
        ) from None


def sniff_delimiter(text: str) -> str:
    """The separator of a CSV text from its header line: ',' unless ';' or a tab is commoner."""
    header = text.split("\n", 1)[0]
    counts = {separator: header.count(separator) for separator in (",", ";", "\t")}
    return max(counts, key=lambda separator: (counts[separator], separator == ","))


SURROGATE_RE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` as every writer can store it: a surrogate pair written as two escapes ("\\ud83d
    \\ude00" in YAML or JSON) becomes its character, a lone surrogate and a NUL become U+FFFD
    (UTF-8, SQLite, Arrow and CSV readers all refuse them)."""
    if SURROGATE_RE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def clean_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogate escapes, like
    `caf\\xe9.txt` on Linux) are shown as `\\xe9`, and so are control characters (a newline in
    a name would break every one-line message), so names stay distinct and printable."""
    with contextlib.suppress(UnicodeEncodeError):  # a lone surrogate, not an escaped byte
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return CONTROL_RE.sub(lambda c: f"\\x{ord(c[0]):02x}", clean_text(name))


CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")  # a newline or tab in a name: shown as \x0a
