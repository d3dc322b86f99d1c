"""Reading text files people edit by hand (documents, events tables, corrections): one place
that turns bad bytes into a message naming the file, line and byte, and guesses the CSV
separator a spreadsheet used."""

from __future__ import annotations


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
