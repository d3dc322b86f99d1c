"""The app's part of the fuzz campaign (issue 14): mutated events tables and corrections files
through the app's loader and `extract --corrections`' corrections step, and concurrent saves
over HTTP against a running app.

    .venv/bin/python bench/fuzz_app.py [--tables 2000] [--saves 200] [--seed 1]

Properties checked (each failure is counted and its first examples printed):
- a mutated events table: the app loads it or says why in one line naming the file; never a
  traceback;
- a mutated corrections file: the app loads the table (the corrections applied, or a one-line
  note naming the file and line), `extract`'s corrections step applies it or stops with a
  one-line error naming file and line; never a traceback;
- a save from the edit form on top of a mutated (readable) corrections file leaves a file that
  both readers still read (0 unreadable files written);
- N concurrent saves over HTTP (each a different event) are all kept.

`run(args) -> dict` is what bench/fuzz.py calls; `args` may be any object with the
attributes of `parse_args` (missing ones take their defaults).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.table.corrections import (  # noqa: E402
    CORRECTION_COLUMNS,
    CorrectionsFileError,
    apply_for_cli,
    read_corrections,
)
from extract.table.schema import COLUMNS, EventsFileError, read_events  # noqa: E402

CELL_PAYLOADS = [
    "１９５３",
    "２０１８-06-12",
    "١٩٥٣",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    '=HYPERLINK("http://evil.example","x")',
    "+1",
    "-2",
    "@SUM(A1)",
    " \t=1",
    "'=1",
    "x" * 131_073,
    '"',
    '""',
    '"unclosed',
    ";",
    ",",
    "\r",
    "\n",
    "\r\n",
    "<b>bold</b><a href='x'>a</a>",
    "9999-12-31",
    "0000-00-00",
    "2019-02-30",
    "2018-13",
    "",
    " ",
    "\u202e",
    "\u2028",
    "😀",
    "NaN",
    "None",
    "1e309",
    "North Korea;Atlantis",
    "hand-0001",
    "../../etc/passwd",
    "set",
    "reject",
    "merge",
    "add",
    "restore",
    "date",
    "summary",
    "actors",
    "day",
    "decade",
]
BYTE_PAYLOADS = [b"\xff", b"\xed\xa0\x80", b"\xc3", b"\x00", b"\xef\xbb\xbf", b"\r", b"\x85"]


# ---------------------------------------------------------------- inputs


def events_rows(rng: random.Random, n: int = 8) -> list[dict[str, str]]:
    rows = []
    for i in range(n):
        year = rng.randrange(1953, 2026)
        precision = rng.choice(["day", "month", "year"])
        date = {
            "day": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            "month": f"{year}-{rng.randrange(1, 13):02d}",
            "year": str(year),
        }[precision]
        rows.append(
            {
                **dict.fromkeys(COLUMNS, ""),
                "event_id": f"ev{i:04d}",
                "date": date,
                "precision": precision,
                "summary": f"Event {i} happened",
                "label": f"Event {i}",
                "category": "other",
                "actors": "North Korea",
                "weight": "0.5",
                "evidence": str(year),
                "sentence": f"In {year} event {i} happened.",
                "doc": f"d{i % 3}.txt",
                "source": "Wire",
            }
        )
    return rows


def csv_text(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def events_text(rng: random.Random) -> str:
    rows = events_rows(rng)
    return csv_text(COLUMNS, [[r[c] for c in COLUMNS] for r in rows])


def corrections_text(rng: random.Random, event_ids: list[str]) -> str:
    lines = []
    for _ in range(rng.randrange(1, 10)):
        eid = rng.choice(event_ids)
        action = rng.choice(["set", "set", "set", "reject", "merge", "add"])
        line = dict.fromkeys(CORRECTION_COLUMNS, "")
        line.update(event_id=eid, action=action, author="fuzz")
        if action in ("set", "add"):
            field, value = rng.choice(
                [
                    ("summary", "Fixed"),
                    ("date", "2018-06-12"),
                    ("precision", "day"),
                    ("category", "politics"),
                    ("actors", "South Korea"),
                    ("label", "Label"),
                ]
            )
            line.update(field=field, value=value)
            if action == "add":
                line.update(event_id=f"hand-{rng.randrange(100):04d}", doc="notes.txt")
        elif action == "merge":
            line.update(value=rng.choice(event_ids))
        lines.append([line[c] for c in CORRECTION_COLUMNS])
    return csv_text(CORRECTION_COLUMNS, lines, delimiter=rng.choice([",", ",", ";"]))


def mutate(rng: random.Random, text: str, rounds: int | None = None) -> bytes:
    """A few random edits of a CSV text: cells replaced by hostile payloads, lines dropped,
    doubled or cut, separators and quotes, line ends, BOM, header damage, raw bad bytes."""
    lines = text.split("\n")
    for _ in range(rounds if rounds is not None else rng.randrange(1, 4)):
        kind = rng.randrange(10)
        k = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        if kind <= 2:  # a cell becomes a payload
            cells = lines[k].split(",")
            j = rng.randrange(len(cells))
            payload = rng.choice(CELL_PAYLOADS)
            quoted = rng.random() < 0.5
            cells[j] = '"' + payload.replace('"', '""') + '"' if quoted else payload
            lines[k] = ",".join(cells)
        elif kind == 3:
            del lines[k]
        elif kind == 4:
            lines.insert(k, lines[k])
        elif kind == 5:
            lines[k] = lines[k][: rng.randrange(len(lines[k]) + 1)]
        elif kind == 6:
            lines[k] += "," * rng.randrange(1, 4) + rng.choice(CELL_PAYLOADS[:12])
        elif kind == 7:  # header damage: a duplicated, dropped or renamed column
            cells = lines[0].split(",")
            j = rng.randrange(len(cells))
            cells[j] = rng.choice([cells[(j + 1) % len(cells)], "", cells[j].upper(), "x y"])
            lines[0] = ",".join(cells)
        elif kind == 8:
            lines.insert(k, rng.choice(["", "#comment", ",,,,", '"', "\ufeff"]))
        else:
            pass  # byte-level below
    newline = rng.choice(["\n", "\n", "\r\n", "\r"])
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        data = b"\xef\xbb\xbf" + data
    if rng.random() < 0.15:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(BYTE_PAYLOADS) + data[at:]
    if rng.random() < 0.05:
        data = data[: rng.randrange(len(data) + 1)]
    return data


# ---------------------------------------------------------------- properties


def _one_line_naming(message: str, name: str, line: bool) -> str | None:
    """None when `message` is one line naming the file (and a line number, if `line`)."""
    if "\n" in message or "Traceback" in message:
        return f"not one line: {message[:200]!r}"
    if name not in message:
        return f"does not name {name}: {message[:200]!r}"
    if line and f"{name}:" not in message:
        return f"does not name the line: {message[:200]!r}"
    return None


OUTCOMES: dict[str, int] = {}


def _count(outcome: str) -> None:
    OUTCOMES[outcome] = OUTCOMES.get(outcome, 0) + 1


def check_events_file(path: Path) -> str | None:
    """The app's loader on an events table: data, or a one-line error naming the file."""
    from timeline_app.corrections_ui import load_holder

    holder = load_holder(path, path.parent / "no-corrections.csv")
    data = holder.data
    _count("table refused" if data.error else "table loaded")
    if data.problems:
        _count("table with row problems")
    if data.error:
        return _one_line_naming(data.error, str(path), line=False)
    for problem in data.problems:
        text = str(problem)
        if not text.startswith(f"{path}:") or "\n" in text:
            return f"problem without file and line: {text[:200]!r}"
    return None


def check_corrections_file(events: Path, corrections: Path) -> str | None:
    """The app's loader and extract's corrections step on a corrections file."""
    from timeline_app.corrections_ui import load_holder

    name = str(corrections)
    holder = load_holder(events, corrections)
    refused = any(n.startswith("Corrections not applied") for n in holder.data.notes)
    _count("corrections refused as a whole" if refused else "corrections applied")
    if not refused and holder.data.notes:
        _count("corrections with line problems")
    for note in holder.data.notes:
        problem = _one_line_naming(note, name, line=not note.startswith("Corrections not"))
        if problem:
            return "app: " + problem
    try:
        table, _ = read_events(events)
    except EventsFileError:
        return None
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr):
            apply_for_cli(table.to_dict("records"), events, corrections, False)
    except CorrectionsFileError as error:
        return _one_line_naming(str(error), name, line=True)
    for line in stderr.getvalue().splitlines():
        if not line.startswith(("warning: ", "note: ")) or name not in line:
            return f"extract: unexpected stderr line {line[:200]!r}"
    return None


def check_save_on(events: Path, corrections: Path, rng: random.Random) -> str | None:
    """A save from the form on top of a corrections file: what the app writes stays readable
    by both readers (if the file was readable before)."""
    from timeline_app.corrections_ui import load_holder, save_edit

    try:
        read_corrections(corrections)
    except CorrectionsFileError:
        return None  # the app refuses to save into an unusable file: nothing to check
    holder = load_holder(events, corrections)
    if holder.data.events.empty:
        return None
    event_id = str(holder.data.events["event_id"].iloc[0])
    value = rng.choice(CELL_PAYLOADS)
    field = rng.choice(["summary", "date", "date_end", "precision", "category"])
    message = save_edit(holder, event_id, {field: value})
    _count("save " + message.split(" ")[0].strip(":").lower())
    try:
        read_corrections(corrections)
    except CorrectionsFileError as error:
        return f"the app wrote an unreadable file after {field}={value[:40]!r}: {error}"
    if any(
        n.startswith("Corrections not applied") for n in load_holder(events, corrections).data.notes
    ):
        return f"the app's own file is not applied after {field}={value[:40]!r}"
    return None


def fuzz_files(n: int, seed: int, folder: Path) -> dict:
    """n mutated events tables and n mutated corrections files (half each) through the
    loaders, and a save on each readable corrections file."""
    rng = random.Random(seed)
    counts = {"tables": 0, "corrections_files": 0, "save_checks": 0, "failures": 0, "tracebacks": 0}
    examples: list[str] = []
    events_ok = folder / "events.csv"
    events_ok.write_text(events_text(random.Random(seed)), encoding="utf-8")
    ids = [f"ev{i:04d}" for i in range(8)]
    for k in range(n):
        case = folder / f"case{k % 50}"
        case.mkdir(exist_ok=True)
        try:
            if k % 2 == 0:
                path = case / "events.csv"
                path.write_bytes(mutate(rng, events_text(rng)))
                counts["tables"] += 1
                problem = check_events_file(path)
            else:
                path = case / "corrections.csv"
                path.write_bytes(mutate(rng, corrections_text(rng, ids)))
                counts["corrections_files"] += 1
                problem = check_corrections_file(events_ok, path)
                if problem is None:
                    counts["save_checks"] += 1
                    problem = check_save_on(events_ok, path, rng)
        except Exception:  # the property: never a traceback
            counts["tracebacks"] += 1
            problem = traceback.format_exc(limit=3)
        if problem:
            counts["failures"] += 1
            if len(examples) < 5:
                examples.append(f"case {k}: {problem}")
    counts["outcomes"] = dict(sorted(OUTCOMES.items()))
    counts["examples"] = examples
    return counts


# ---------------------------------------------------------------- concurrent saves over HTTP


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, payload: dict, timeout: float = 120) -> tuple[int, dict]:
    request = urllib.request.Request(
        url + "/_dash-update-component",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            return response.status, json.loads(body) if body else {}
    except urllib.error.HTTPError as error:
        return error.code, {}


def concurrent_saves(n: int, folder: Path, workers: int = 1, threads: int = 16) -> dict:
    """Start the app (`python -m timeline_app`) on a table of n+ events, send n saves at once
    (each a different event's summary, through the edit form's callback), and check that every
    one is in corrections.csv and shown after a restart."""
    from extract.table.schema import write_events

    rng = random.Random(n)
    events = folder / "events.csv"
    rows = events_rows(rng, n + 10)
    import pandas as pd

    write_events(pd.DataFrame(rows, columns=COLUMNS), events)
    port = _free_port()
    command = [sys.executable, "-m", "timeline_app", "--events", str(events), "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/_dash-dependencies", timeout=10) as response:
                    deps = json.loads(response.read())
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "app did not start: " + server.stderr.read()[-500:]
                    ) from None
                time.sleep(0.5)
        save = next(d for d in deps if d["output"].startswith("..edit-msg.children"))
        outputs = [
            {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
            for part in save["output"][2:-2].split("...")
        ]

        def one(row: dict) -> tuple[int, str]:
            eid = row["event_id"]
            form = {f: row[f] for f in ("date", "date_end", "precision", "summary", "category")}
            typed = {**form, "summary": f"Saved concurrently {eid}"}
            values = {
                "btn-save.n_clicks": 1,
                "btn-reject-yes.n_clicks": 0,
                "btn-undo.n_clicks": 0,
                "url.search": f"?sel={eid}",
                "edit-loaded.data": {"id": eid, "values": form},
                "undo-event.data": "",
                **{f"edit-{f}.value": v for f, v in typed.items()},
            }
            payload = {
                "output": save["output"],
                "outputs": outputs,
                "inputs": [
                    {**i, "value": values[f"{i['id']}.{i['property']}"]} for i in save["inputs"]
                ],
                "state": [
                    {**s, "value": values[f"{s['id']}.{s['property']}"]} for s in save["state"]
                ],
                "changedPropIds": ["btn-save.n_clicks"],
            }
            status, body = _post(url, payload)
            message = str(body.get("response", {}).get("edit-msg", {}).get("children", ""))
            return status, message

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            answers = list(pool.map(one, rows[:n]))
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    corrections = folder / "corrections.csv"
    unreadable = 0
    try:
        lines, problems = read_corrections(corrections)
    except CorrectionsFileError:
        lines, problems, unreadable = [], [], 1
    kept = {c.event_id for c in lines if c.field == "summary" and c.value.startswith("Saved")}
    from timeline_app.corrections_ui import load_holder

    holder = load_holder(events, corrections)
    shown = sum(
        1
        for row in rows[:n]
        if (e := holder.data.event(row["event_id"])) is not None
        and e["summary"] == f"Saved concurrently {row['event_id']}"
    )
    return {
        "saves_sent": n,
        "saves_answered_saved": sum(1 for s, m in answers if s == 200 and m.startswith("Saved")),
        "saves_kept": len(kept),
        "saves_shown_after_restart": shown,
        "saves_lost": n - len(kept),
        "unreadable_files_written": unreadable + (1 if problems else 0),
        "save_seconds": round(seconds, 1),
    }


# ---------------------------------------------------------------- entry points


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="The app's part of the fuzz campaign.")
    parser.add_argument(
        "--tables", type=int, default=2000, help="mutated files (tables + corrections)"
    )
    parser.add_argument("--saves", type=int, default=200, help="concurrent saves over HTTP")
    parser.add_argument("--workers", type=int, default=1, help="server processes for the saves")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args(argv)


def run(args: object = None) -> dict:
    """The campaign's app part; returns its figures (see the module doc)."""
    defaults = parse_args([])
    tables = int(getattr(args, "tables", defaults.tables))
    saves = int(getattr(args, "saves", defaults.saves))
    workers = int(getattr(args, "workers", defaults.workers))
    seed = int(getattr(args, "seed", defaults.seed))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "files").mkdir()
        (Path(folder) / "saves").mkdir()
        files = fuzz_files(tables, seed, Path(folder) / "files")
        http = concurrent_saves(saves, Path(folder) / "saves", workers=workers) if saves else {}
    return {**files, **http, "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    figures = run(parse_args(argv))
    examples = figures.pop("examples", [])
    for key, value in figures.items():
        print(f"{key}: {value}")
    for example in examples:
        print("example failure:", example)
    bad = figures["failures"] + figures["tracebacks"] + figures.get("saves_lost", 0)
    return 1 if bad or figures.get("unreadable_files_written") else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
