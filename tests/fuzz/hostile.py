"""Hostile documents and events tables, and the property every run must keep (issue 14).

Shared by the fuzz suite (tests/fuzz, driven by hypothesis through `random.Random` instances it
controls and shrinks) and the hand-run campaign (bench/fuzz.py, seeded `random.Random`). Not a
test module: plain functions of a random source.

The property of a run of `python -m extract`: it exits 0, prints no traceback, every document
either gives rows or is reported on one line naming it (a document that was read always gives
rows: each holds an anchor sentence dated in its own paragraph), and the table it writes is
read back by the events reader with no problem.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

# Dated on its own, in a paragraph of its own: a document that was read gives this row.
ANCHOR = "South Korea and North Korea held talks at Panmunjom on May 5, 2018."

TITLES = [
    "*Breaking* North Korea fires missile",
    "&Co report on the talks",
    "!Important: talks resume",
    "@KCNA says the summit is off",
    "`code` in a title",
    "%20 off at the border",
    "*it's* a 'quoted' title",
    '"\\ud800"',
    '"\\udfff lone low"',
    '"\\ud83d\\ude00 paired"',
    '"\\ud83d alone high"',
    '"nul \\0 inside"',
    '"\\x85 next line \\u2028 separator"',
    '"\\U0010ffff last"',
    "'single ''quoted'' title'",
    "AT&T and *all* of it",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!binary aGVsbG8=",
    "[unclosed",
    "{a: 1}",
    "- a list item",
    "plain title: with a colon",
    "x" * 2000,
    "한국 뉴스",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "",
]
PUBLISHED = [
    "2018-06-12",
    "2019-02-28T10:00:00Z",
    "9999-12-31",
    "0001-01-01",
    "0000-00-00",
    "2019-02-30",
    "2999-12-31",
    "1800-01-01",
    "not a date",
    '"\\ud800"',
    "",
]
HEADER_EXTRAS = [
    "source: VOA",
    "url: https://example.org/a?b=c&d=e",
    "tags: !!python/name:os.system",
    "anchor: &a [x, x, x]",
    "alias: [*a, *a]",
    "b: &b [*a, *a, *a]",
    "nested: {title: &t x, other: *t}",
    "- not a mapping",
    "%YAML 1.1",
    "title: second title",
    'source: "\\ud800\\udc00"',
    "url: `ticks`",
    "# a comment",
    "   indented: continuation",
    "key without value",
    "empty:",
]
DATE_FRAGMENTS = [
    "The summit was held on 9999-12-31; two days later North Korea fired a missile.",
    "Talks opened on 0001-01-01, and the day before the border closed.",
    "The treaty of 9999-12-31 lapsed 3 years later.",
    "North Korea fired a missile on 12/31/9999 and again on 9999.12.31.",
    "Since 0001-01-01 the hotline has been cut.",
    "In Juche 9999 the leader spoke; in Juche 0 he did not.",
    "It happened 9999 years ago, or 10,000 years later.",
    "The 9999th anniversary of the armistice was marked on Monday.",
    "Seoul said the 2199-12-31 deadline, and a week after it, would pass.",
    "On Feb. 30, 2019 and on 2019-02-29 nothing happened.",
    "Pyongyang fired a missile yesterday, last week and next month.",
    "In the 10000s, in the 0s and in the 1790s, the peninsula was quiet.",
    "The talks ran from Dec. 31, 2199 to Jan. 2, 2200.",
    "North Korea held a military parade on Sunday.",
]
TEXT_FRAGMENTS = [
    "\\ud800 written as an escape in the body.",
    "A NUL \x00 in the text.",
    "Control \x01\x02\x1b characters.",
    "Line\u2028separator and next\x85line.",
    "Emoji 😀 and 한국어 text.",
    "<b>html</b> & entities &amp; =cmd|'/c calc'!A1",
    "---",
    "a" * 3000,
    "word " * 400,
    "\t\t   \r\n",
    "\ufeffBOM in the middle.",
    ". . . ! ? ;",
    "\u202eright-to-left override",
]
NAME_STEMS = [
    b"doc",
    b"caf\xe9",
    b"\xff\xfe",
    "한국".encode(),
    b"with space",
    b"quote'and\"double",
    b"x" * 150,
    b"-dash",
    b"tab\tname",
    b"new\nline",
    b"emoji-\xf0\x9f\x98\x80",
    b"\xed\xa0\x80surrogate",
    b"percent%20and#hash",
    b"semi;colon,comma",
]
SUFFIXES = [b".txt", b".md", b".TXT"]


@dataclass(frozen=True)
class Document:
    name: bytes  # the file name on disk
    content: bytes

    @property
    def doc(self) -> str:
        """The name the extractor gives it (extract.table.textfile.clean_name)."""
        from extract.table.textfile import clean_name

        return clean_name(os.fsdecode(self.name))


def make_document(rng: random.Random, index: int) -> Document:
    """A document with hostile front matter, dates, text, encoding and name (each part hostile
    or plain at random), always holding ANCHOR in a paragraph of its own."""
    name = rng.choice(NAME_STEMS) + f"-{index}".encode() + rng.choice(SUFFIXES)
    header = ""
    if rng.random() < 0.85:
        lines = [f"title: {rng.choice(TITLES)}", f"published: {rng.choice(PUBLISHED)}"]
        lines += rng.sample(HEADER_EXTRAS, k=rng.choice([0, 0, 1, 2]))
        rng.shuffle(lines)
        closing = "---" if rng.random() < 0.97 else ""
        header = "---\n" + "\n".join(lines) + "\n" + closing + "\n"
    parts = rng.choices(DATE_FRAGMENTS, k=rng.randint(0, 4))
    parts += rng.choices(TEXT_FRAGMENTS, k=rng.randint(0, 3))
    rng.shuffle(parts)
    separator = rng.choice([" ", "\n", "\n\n"])
    body = "\n\n" + ANCHOR + "\n\n" + separator.join(parts) + "\n"
    text = header + body
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.05:
        text = "\ufeff" + text
    content = text.encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.03:
        content += b"\n" + b"padding " * 1100 + b"\x00 after 8 KB\n"  # NUL past the binary check
    elif roll < 0.05:
        content += b"\nnot utf-8: caf\xe9\n"
    elif roll < 0.06:
        content = b""
    return Document(name, content)


def write_corpus(folder: Path, documents: list[Document]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        with open(os.path.join(os.fsencode(folder), document.name), "wb") as handle:
            handle.write(document.content)


def run_problems(
    documents: list[Document], code: int, stderr: str, output: Path
) -> dict[str, list[str]]:
    """What went wrong in one run of the CLI over `documents`, by kind: crashed (exit status not
    0), traceback (in stderr), lost (a document with neither rows nor one line naming it, or an
    'extractor failed' report), unreadable (the output the events reader refuses or complains
    about). Empty lists when the run kept the property."""
    from extract.table.schema import EventsFileError, read_events

    found: dict[str, list[str]] = {"crashed": [], "traceback": [], "lost": [], "unreadable": []}
    if code != 0:
        found["crashed"].append(f"exit status {code}: {stderr[-500:]}")
    if "Traceback" in stderr:
        found["traceback"].append(stderr[stderr.index("Traceback") :][:2000])
    if code != 0:
        return found
    try:
        table, problems = read_events(output)
    except EventsFileError as error:
        found["unreadable"].append(str(error))
        return found
    found["unreadable"] += [str(problem) for problem in problems]
    with_rows = set(table["doc"])
    lines = stderr.splitlines()
    for document in documents:
        doc = document.doc
        reports = [line for line in lines if line.startswith(f"error: {doc}:")]
        if any("extractor failed" in line for line in reports):
            found["lost"].append(f"{doc}: {reports}")
        elif doc not in with_rows and len(reports) != 1:
            found["lost"].append(f"{doc}: no rows and {len(reports)} report(s)")
        elif doc in with_rows and reports:
            found["lost"].append(f"{doc}: rows and a report {reports}")
    return found


# -- events tables ----------------------------------------------------------------------------

LINE_RE = re.compile(r"^(?P<name>.+?):(?P<line>\d+): ")


def mutate_table(rng: random.Random, text: str) -> bytes:
    """An events table (CSV text) damaged in one to three ways a person, a spreadsheet or a
    disk may damage it."""
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(TABLE_MUTATIONS)(rng, text)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:  # a byte that is not UTF-8
        spot = rng.randrange(len(data) + 1)
        data = data[:spot] + b"\xff" + data[spot:]
    return data


def _spot(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


TABLE_MUTATIONS = [
    lambda rng, t: t.replace("\n", "\r"),  # CR-only line ends
    lambda rng, t: t.replace("\n", "\r\n"),
    lambda rng, t: t[: _spot(rng, t)],  # cut short (unexpected end of file)
    lambda rng, t: (lambda s: t[:s] + '"' + t[s:])(_spot(rng, t)),  # a stray quote
    lambda rng, t: (lambda s: t[:s] + "," + t[s:])(_spot(rng, t)),  # a stray separator
    lambda rng, t: (lambda s: t[:s] + "\n" + t[s:])(_spot(rng, t)),  # a stray line break
    lambda rng, t: (lambda s: t[:s] + "x" * 140_000 + t[s:])(_spot(rng, t)),  # a huge cell
    lambda rng, t: t.replace("event_id,", "event_id,date,", 1),  # a column named twice
    lambda rng, t: t.replace("summary", " summary ", 1).replace("label", "summary", 1),
    lambda rng, t: t.replace("precision", "precison", 1),  # a required column missing
    lambda rng, t: "\ufeff" + t,
    lambda rng, t: t.replace(",", ";"),
    lambda rng, t: t.replace(",day,", rng.choice([",week,", ",,", ",DAY,", ",day,,"]), 1),
    lambda rng, t: re.sub(
        r"\d{4}-\d{2}-\d{2}",
        rng.choice(["2019-02-30", "１９５３-07-27", "0000-00-00", "9999-99-99"]),
        t,
        count=1,
    ),
    lambda rng, t: t.replace("0.", rng.choice(["1.5", "-0.", "nan", "0x"]), 1),
    lambda rng, t: (lambda s: t[:s] + "\x00" + t[s:])(_spot(rng, t)),
    lambda rng, t: (lambda s: t[:s] + "\ud800" + t[s:])(_spot(rng, t)),
    lambda rng, t: t + t.split("\n", 1)[-1],  # every row twice
    lambda rng, t: "\n\n" + t + "\n,,,,\n",
    lambda rng, t: "",
    lambda rng, t: t.split("\n", 1)[0] + "\n",  # header only
]


def table_problems(path: Path) -> list[str]:
    """What is wrong with how the events reader treats the file at `path`: anything but a
    one-line EventsFileError naming the file (and its line, unless the file is empty), or rows
    with problems that each name file, line and column."""
    from extract.table.schema import EventsFileError, read_events

    name = str(path)
    try:
        _, problems = read_events(path)
    except EventsFileError as error:
        message = str(error)
        whole_file = ("file is empty", "no header line")
        if "\n" in message or not message.startswith(name):
            return [f"not one line naming the file: {message[:300]!r}"]
        if not LINE_RE.match(message) and not any(w in message for w in whole_file):
            return [f"no line number: {message[:300]!r}"]
        return []
    except Exception as error:  # the property: nothing else escapes
        return [f"{type(error).__name__}: {str(error)[:300]}"]
    return [
        f"problem without file/line/column: {problem}"
        for problem in problems
        if not str(problem).startswith(f"{name}:{problem.line}: column '{problem.column}': ")
    ]
