"""Extraction speed: our extractor vs. a dateparser.search_dates baseline, side by side in one run.

    python bench/extract_speed.py [--mb 5] [--baseline-mb 0.5] [--runs 3]

Builds a corpus by repeating the real texts of corpus/ until it holds --mb megabytes, then, in
each of --runs rounds, times our extractor (sentences, dating rules, events, headlines,
categories, actors) over all of it and dateparser.search_dates over the first --baseline-mb
megabytes of the same documents (it is far slower; a slice keeps the run short, and chars/s is
a rate either way). One process, so chars/s is per core.

Times are CPU seconds of this process (time.process_time): the machine is shared, and other
processes' load would otherwise count against whichever side ran while it peaked. Both sides
are warmed up first (dateparser's and lemminflect's tables load on first use). Compare the
ratios, not the absolute figures. The corpus repeats 17 texts, so sentence-level caches
(categories, actors, headlines) hit on every repeat; a last line times both once over the
held-out texts (distinct, never read before in the process): the speed on an archive of
distinct texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.dating.mentions import scan_table  # noqa: E402
from extract.documents.locations import discover  # noqa: E402
from extract.documents.reader import parse_document  # noqa: E402
from extract.pipeline import document_events  # noqa: E402

Corpus = list[tuple[str, dt.date | None]]


def build_corpus(megabytes: float) -> Corpus:
    """(body, published) pairs, the real documents repeated up to the requested size."""
    documents = [
        parse_document(path.read_bytes(), doc) for path, doc in discover([ROOT / "corpus"])
    ]
    target = int(megabytes * 1_000_000)
    corpus: Corpus = []
    size = 0
    while size < target:
        for document in documents:
            corpus.append((document.body, document.published))
            size += len(document.body)
            if size >= target:
                break
    return corpus


def time_ours(corpus: Corpus) -> tuple[float, int, int]:
    """(CPU seconds, characters, rows) for our extractor over the corpus."""
    start = time.process_time()
    rows = sum(len(document_events(body, published)) for body, published in corpus)
    return time.process_time() - start, sum(len(body) for body, _ in corpus), rows


def time_dateparser(corpus: Corpus, megabytes: float) -> tuple[float, int, int]:
    """(CPU seconds, characters, dates found) for search_dates over a slice of the corpus."""
    from dateparser.search import search_dates

    budget, chars, found = int(megabytes * 1_000_000), 0, 0
    start = time.process_time()
    for body, published in corpus:
        settings = {"RELATIVE_BASE": _datetime(published)} if published else {}
        found += len(search_dates(body, languages=["en"], settings=settings) or [])
        chars += len(body)
        if chars >= budget:
            break
    return time.process_time() - start, chars, found


def _datetime(day: dt.date) -> dt.datetime:
    """dateparser wants a datetime as its relative base."""
    return dt.datetime(day.year, day.month, day.day)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for our extractor")
    parser.add_argument("--baseline-mb", type=float, default=0.5, help="slice for dateparser")
    parser.add_argument("--runs", type=int, default=3, help="rounds, each timing both")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    corpus = build_corpus(args.mb)
    print(
        f"corpus: {len(corpus)} documents, {sum(len(b) for b, _ in corpus) / 1e6:.2f} MB "
        f"(the {len(discover([ROOT / 'corpus']))} texts of corpus/ repeated)"
    )
    table = scan_table()
    searched = [table.rules[index].name for index in table.searched]
    print(
        f"rule table: {len(table.rules)} rules, "
        + (f"searched in full (not scanned): {', '.join(searched)}" if searched else "all scanned")
    )
    distinct = len({body for body, _ in corpus})
    time_ours(corpus[:distinct])  # warm-up: lemminflect's and dateparser's tables load on use
    time_dateparser(corpus, 0.01)
    ratios = []
    for run in range(1, args.runs + 1):
        dp_seconds, dp_chars, dp_found = time_dateparser(corpus, args.baseline_mb)
        seconds, chars, rows = time_ours(corpus)
        ours, baseline = chars / seconds, dp_chars / dp_seconds
        ratios.append(ours / baseline)
        print(
            f"run {run}: ours {chars / 1e6:.2f} MB in {seconds:6.2f} CPU s = {ours:10,.0f} "
            f"chars/s ({rows} rows) | dateparser {dp_chars / 1e6:.2f} MB in {dp_seconds:6.2f} "
            f"CPU s = {baseline:9,.0f} chars/s ({dp_found} dates) | ratio {ours / baseline:.1f}x"
        )
    print(f"ratio ours/dateparser, median of {args.runs}: {statistics.median(ratios):.1f}x")
    # The corpus above repeats a few texts, so sentence-level caches hit on every repeat. Texts
    # this process has not read yet tell the speed on an archive of distinct texts: timed once.
    fresh = [
        (document.body, document.published)
        for document in (
            parse_document(path.read_bytes(), path.name)
            for path in sorted(ROOT.glob("bench/heldout*/docs/*.txt"))
        )
    ]
    seconds, chars, rows = time_ours(fresh)
    dp_seconds, dp_chars, _ = time_dateparser(fresh, args.baseline_mb)
    ours, baseline = chars / seconds, dp_chars / dp_seconds
    print(
        f"distinct texts (bench/heldout*/docs, {len(fresh)} documents, {chars / 1e6:.2f} MB, "
        f"read once): ours {ours:,.0f} chars/s ({rows} rows) | dateparser {baseline:,.0f} "
        f"chars/s | ratio {ours / baseline:.1f}x"
    )


if __name__ == "__main__":
    main()
