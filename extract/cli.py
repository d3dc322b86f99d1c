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
from pathlib import Path

from extract.documents.locations import InputError, discover_inputs
from extract.run.cache import CacheError, ResultCache, default_cache_path
from extract.run.chunks import EngineError
from extract.run.driver import run_documents
from extract.table.corrections import CORRECTED_COLUMNS, CorrectionsFileError, apply_for_cli
from extract.table.schema import write_rows
from extract.tabulate import table_rows

PROGRESS_MIN_DOCUMENTS = 5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated inter-Korean events from news texts into an events table.",
    )
    parser.add_argument(
        "corpus",
        nargs="+",
        help="folders (searched recursively), .txt/.md files, or fsspec URLs (s3://bucket/prefix/)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("events.csv"),
        help="output table, .csv or .parquet (default: events.csv)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes to use (default: the number of cores)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit non-zero when any document could not be read"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--corrections",
        type=Path,
        default=None,
        help="hand corrections (default: corrections.csv beside the output)",
    )
    parser.add_argument(
        "--no-corrections", action="store_true", help="do not apply corrections.csv"
    )
    add_scale_options(parser)
    return parser.parse_args(argv)


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """Incremental cache and engines (see extract/run/)."""
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="cache of per-document results (default: <output>.cache.sqlite)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every document again; do not read or write the cache",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default=None,
        help="local processes (default) or a Dask cluster",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="Dask scheduler to use (implies --engine dask; default: start a "
        "local cluster of --jobs workers)",
    )


def open_cache(args: argparse.Namespace) -> ResultCache | None:
    if args.no_cache:
        return None
    path = args.cache or default_cache_path(args.output)
    if path.resolve() == args.output.resolve():
        raise CacheError(f"{path}: the cache cannot be the output table")
    return ResultCache(path)


def close_cache(cache: ResultCache | None, complete: bool) -> None:
    if cache is None:
        return
    try:
        cache.close(complete)
    except CacheError as error:
        print(f"warning: {error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        files = discover_inputs(args.corpus)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not files:
        print(f"error: no .txt or .md documents in {', '.join(args.corpus)}", file=sys.stderr)
        return 2
    if args.output.suffix.lower() not in (".csv", ".parquet"):
        print(f"error: {args.output}: output must end in .csv or .parquet", file=sys.stderr)
        return 2

    progress = not args.quiet and len(files) > PROGRESS_MIN_DOCUMENTS
    engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    try:
        cache = open_cache(args)
    except CacheError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    complete = False
    try:
        results = list(
            run_documents(
                files,
                max(1, args.jobs),
                progress,
                cache=cache,
                engine=engine,
                scheduler=args.scheduler,
            )
        )
        complete = True
    except (EngineError, CacheError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "error: interrupted; nothing written (finished documents are cached)", file=sys.stderr
        )
        return 130
    finally:
        close_cache(cache, complete)
    errors = [r.error for r in results if r.error]
    for message in [r.warning for r in results if r.warning] + errors:
        print(("warning: " if message not in errors else "error: ") + message, file=sys.stderr)

    table = table_rows(row for result in results for row in result.rows)
    try:
        table, fixes = apply_for_cli(table, args.output, args.corrections, args.no_corrections)
    except CorrectionsFileError as error:
        print(f"error: {error} (fix it, or use --no-corrections); nothing written", file=sys.stderr)
        return 2
    try:
        write_rows(table, CORRECTED_COLUMNS, args.output)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(
        f"{len(files)} documents ({len(errors)} skipped), {len(table)} events, "
        f"{fixes.summary()}, "
        f"{seconds:.2f} s -> {args.output}"
        + (
            f" (cache: {cache.hits} reused, {len(files) - cache.hits} extracted)"
            if cache is not None
            else ""
        ),
        file=sys.stderr,
    )
    return 1 if (errors and args.strict) else 0
