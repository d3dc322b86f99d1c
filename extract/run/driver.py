"""Running the extractor over a corpus: the cache in front, an engine (local processes or a Dask
cluster) behind, a progress bar, and results yielded in corpus order.

Everything streams: locations are turned into tasks a chunk at a time, at most a bounded number
of chunks are in flight, and only results (rows) come back; no document text is held here.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator

from tqdm import tqdm

from extract.run.cache import LOOKUP_BATCH, Entry, ResultCache
from extract.run.results import DocResult
from extract.run.tasks import Item


def run_documents(
    files: list[tuple[str, str]],
    jobs: int,
    progress: bool,
    *,
    cache: ResultCache | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[DocResult]:
    """One DocResult per (location, doc), in order. Cache hits count as progress like the rest."""
    bar = tqdm(total=len(files), unit="doc", disable=not progress, file=sys.stderr, leave=False)
    payloads: deque[dict[str, Entry]] = deque()
    items = _items(files, cache, payloads)
    try:
        if engine == "dask":
            from extract.run.cluster import run_dask

            stream = run_dask(items, len(files), jobs, scheduler, bar)
        else:
            from extract.run.local import run_local

            stream = run_local(items, len(files), jobs, bar)
        for result in stream:
            known = payloads.popleft()
            if cache is not None:
                if result.cached:
                    result = cache.hit(result.doc, result.key, known[result.key])
                else:
                    cache.store(result)
            yield result
    finally:
        bar.close()


def _items(
    files: list[tuple[str, str]],
    cache: ResultCache | None,
    payloads: deque[dict[str, Entry]],
) -> Iterator[Item]:
    """Tasks for the engine, looking the cache up a batch at a time; each item's stored payloads
    wait in `payloads` (in order) until its result comes back, so memory stays bounded."""
    for start in range(0, len(files), LOOKUP_BATCH):
        batch = files[start : start + LOOKUP_BATCH]
        found = cache.known([doc for _, doc in batch]) if cache is not None else {}
        for location, doc in batch:
            known = found.get(doc, {})
            payloads.append(known)
            yield location, doc, tuple(known)
