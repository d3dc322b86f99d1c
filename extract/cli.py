"""Command line: `python -m extract CORPUS... -o events.csv`.

Bad documents are reported one line each and skipped; the exit status is non-zero for them only
with --strict. The output is written to a temp file and renamed, so an existing table is never
left half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from extract.corpus import discover
from extract.corrections import CorrectionsFileError, apply_for_cli
from extract.pipeline import DocResult, build_table, process_file
from extract.schema import write_events

PROGRESS_MIN_DOCUMENTS = 5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated inter-Korean events from news texts into an events table.",
    )
    parser.add_argument("corpus", nargs="+", type=Path, help="folders (searched recursively) or .txt/.md files")
    parser.add_argument("-o", "--output", type=Path, default=Path("events.csv"),
                        help="output table, .csv or .parquet (default: events.csv)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes to use (default: the number of cores)")
    parser.add_argument("--strict", action="store_true",
                        help="exit non-zero when any document could not be read")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--corrections", type=Path, default=None,
                        help="hand corrections (default: corrections.csv beside the output)")
    parser.add_argument("--no-corrections", action="store_true",
                        help="do not apply corrections.csv")
    return parser.parse_args(argv)


def run_documents(
    files: list[tuple[Path, str]], jobs: int, progress: bool
) -> Iterator[DocResult]:
    """Process documents in order, in one process or a pool, with a progress bar on stderr."""
    bar = tqdm(total=len(files), unit="doc", disable=not progress, file=sys.stderr, leave=False)
    try:
        if jobs <= 1 or len(files) < 2:
            for path, doc in files:
                yield process_file(path, doc)
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                chunk = max(1, min(64, len(files) // (jobs * 8) or 1))
                paths = [str(path) for path, _ in files]
                docs = [doc for _, doc in files]
                for result in pool.map(process_file, paths, docs, chunksize=chunk):
                    yield result
                    bar.update()
    finally:
        bar.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    missing = [str(p) for p in args.corpus if not p.exists()]
    if missing:
        print(f"error: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    files = discover(args.corpus)
    if not files:
        print(f"error: no .txt or .md documents in {', '.join(map(str, args.corpus))}", file=sys.stderr)
        return 2
    if args.output.suffix.lower() not in (".csv", ".parquet"):
        print(f"error: {args.output}: output must end in .csv or .parquet", file=sys.stderr)
        return 2

    progress = not args.quiet and len(files) > PROGRESS_MIN_DOCUMENTS
    results = list(run_documents(files, max(1, args.jobs), progress))
    errors = [r.error for r in results if r.error]
    for message in [r.warning for r in results if r.warning] + errors:
        print(("warning: " if message not in errors else "error: ") + message, file=sys.stderr)

    table = build_table(results)
    try:
        table, fixes = apply_for_cli(table, args.output, args.corrections, args.no_corrections)
    except CorrectionsFileError as error:
        print(f"error: {error} (fix it, or use --no-corrections); nothing written", file=sys.stderr)
        return 2
    try:
        write_events(table, args.output)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(
        f"{len(files)} documents ({len(errors)} skipped), {len(table)} events, "
        f"{fixes.summary()}, "
        f"{seconds:.2f} s -> {args.output}",
        file=sys.stderr,
    )
    return 1 if (errors and args.strict) else 0
