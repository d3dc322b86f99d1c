"""How long applying a big corrections file takes (issue 14, item 7): a synthetic table of
20,000 events and a corrections file of 16,000 lines (sets, rejects, merges, anchored lines
whose event moved, orphans), applied by `apply_corrections` as `extract --corrections` and the
app do. The target: under 2 s. Also one save from the app's edit form on that table.

    .venv/bin/python bench/corrections_speed.py [--events 20000] [--lines 16000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.table.corrections import CORRECTION_COLUMNS, apply_corrections
from extract.table.schema import COLUMNS


def make_table(n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        year = 1990 + i % 35
        rows.append(
            {
                **{c: "" for c in COLUMNS},
                "event_id": f"{i:012x}",
                "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "precision": "day",
                "summary": f"Event number {i}",
                "category": "other",
                "actors": "North Korea",
                "evidence": f"day {i}",
                "sentence": f"On day {i} something happened.",
                "doc": f"doc{i % 500}.txt",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def make_lines(n_events: int, n_lines: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    lines = []
    for k in range(n_lines):
        i = rng.randrange(n_events)
        eid = f"{i:012x}"
        kind = k % 8
        line = dict.fromkeys(CORRECTION_COLUMNS, "")
        line.update(event_id=eid, author="bench")
        if kind in (0, 1, 2):
            line.update(action="set", field="summary", value=f"Fixed {k}")
        elif kind == 3:
            line.update(action="set", field="category", value="politics")
        elif kind == 4:
            line.update(action="reject", value="duplicate")
        elif kind == 5:
            line.update(action="merge", value=f"{rng.randrange(n_events):012x}")
        elif kind == 6:  # the event moved: found again by its anchor
            line.update(
                event_id=f"moved{k}",
                action="set",
                field="label",
                value=f"L{k}",
                evidence=f"day {i}",
                sentence=f"On day {i} something happened.",
            )
        else:  # orphan
            line.update(event_id=f"gone{k}", action="set", field="summary", value="x")
        lines.append(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--lines", type=int, default=16_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    table = make_table(args.events)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corrections.csv"
        pd.DataFrame(make_lines(args.events, args.lines), columns=CORRECTION_COLUMNS).to_csv(
            path, index=False
        )
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            out, report = apply_corrections(table, path)
            times.append(time.perf_counter() - started)
        print(
            f"apply_corrections: {args.lines:,} lines on {args.events:,} events: "
            f"best {min(times):.2f} s, worst {max(times):.2f} s ({args.repeat} runs); "
            f"{report.summary()}, {len(report.refound)} re-found, {len(out):,} rows out"
        )
        events = Path(folder) / "events.csv"
        table.to_csv(events, index=False)
        from timeline_app.corrections_ui import load_holder, save_edit

        started = time.perf_counter()
        holder = load_holder(events, path)
        loaded = time.perf_counter() - started
        event = holder.data.events.iloc[0]
        started = time.perf_counter()
        message = save_edit(holder, str(event["event_id"]), {"summary": "Saved from the bench"})
        saved = time.perf_counter() - started
        print(f"app: load with corrections {loaded:.2f} s; one save {saved:.2f} s ({message})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
