"""Extraction speed: our extractor vs. a dateparser.search_dates baseline, side by side in one run.

    python bench/extract_speed.py [--mb 5] [--baseline-mb 0.5]

Builds a corpus by repeating the real texts of corpus/ until it holds --mb megabytes, then times
our extractor (sentence splitting, rules, resolution, summaries) over all of it, and
dateparser.search_dates over the first --baseline-mb megabytes of the same documents (it is far
slower; a slice keeps the run short, and chars/s is a rate either way). Prints chars/s for both
and the ratio. Machines here are noisy: compare the ratio, not the absolute figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.documents.locations import discover  # noqa: E402
from extract.documents.reader import parse_document  # noqa: E402
from extract.pipeline import document_events  # noqa: E402


def build_corpus(megabytes: float) -> list[tuple[str, object]]:
    """(body, published) pairs, the real documents repeated up to the requested size."""
    documents = [
        parse_document(path.read_bytes(), doc) for path, doc in discover([ROOT / "corpus"])
    ]
    target = int(megabytes * 1_000_000)
    corpus, size = [], 0
    while size < target:
        for document in documents:
            corpus.append((document.body, document.published))
            size += len(document.body)
            if size >= target:
                break
    return corpus


def time_ours(corpus: list[tuple[str, object]]) -> tuple[float, int, int]:
    start = time.perf_counter()
    rows = sum(len(document_events(body, published)) for body, published in corpus)  # type: ignore[arg-type]
    return time.perf_counter() - start, sum(len(b) for b, _ in corpus), rows


def time_dateparser(corpus: list[tuple[str, object]], megabytes: float) -> tuple[float, int, int]:
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    budget, chars, found = int(megabytes * 1_000_000), 0, 0
    start = time.perf_counter()
    for body, published in corpus:
        settings = {"RELATIVE_BASE": _datetime(published)} if published else {}
        found += len(search_dates(body, languages=["en"], settings=settings) or [])
        chars += len(body)
        if chars >= budget:
            break
    return time.perf_counter() - start, chars, found


def _datetime(day: object) -> dt.datetime:
    """dateparser wants a datetime as its relative base."""
    assert isinstance(day, dt.date)
    return dt.datetime(day.year, day.month, day.day)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for our extractor")
    parser.add_argument("--baseline-mb", type=float, default=0.5, help="slice for dateparser")
    args = parser.parse_args()
    corpus = build_corpus(args.mb)
    print(
        f"corpus: {len(corpus)} documents, {sum(len(b) for b, _ in corpus) / 1e6:.2f} MB "
        f"(the {len(discover([ROOT / 'corpus']))} texts of corpus/ repeated)"
    )
    dp_seconds, dp_chars, dp_found = time_dateparser(corpus, args.baseline_mb)
    seconds, chars, rows = time_ours(corpus)
    ours, baseline = chars / seconds, dp_chars / dp_seconds
    print(
        f"ours:       {chars / 1e6:7.2f} MB in {seconds:7.2f} s = {ours:12,.0f} chars/s "
        f"({rows} rows)"
    )
    print(
        f"dateparser: {dp_chars / 1e6:7.2f} MB in {dp_seconds:7.2f} s = {baseline:12,.0f} "
        f"chars/s ({dp_found} dates found)"
    )
    print(f"ratio ours/dateparser: {ours / baseline:.1f}x")


if __name__ == "__main__":
    main()
