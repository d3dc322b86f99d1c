"""Running `process_document` over a corpus: in this process, a process pool, or a Dask cluster,
with the incremental cache in front, a progress bar, and results yielded in corpus order.

Everything streams: locations are turned into tasks a chunk at a time, at most a bounded number
of chunks are in flight, and only results (rows) come back; no document text is held here.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from tqdm import tqdm

from extract.cache import LOOKUP_BATCH, ResultCache
from extract.pipeline import DocResult, process_chunk

Item = tuple[str, str, tuple[str, ...]]  # (location, doc, content keys the cache has rows for)

MAX_CHUNK = 16  # documents per task
CHUNKS_IN_FLIGHT_PER_WORKER = 4


class EngineError(Exception):
    """The engine cannot run (cluster unreachable, workers lost); the message is one line."""


def chunk_size(total: int, workers: int) -> int:
    """Small enough to balance the load (about 8 chunks per worker), at most MAX_CHUNK."""
    return max(1, min(MAX_CHUNK, total // (workers * 8)))


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


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
    payloads: deque[dict[str, tuple[str, str]]] = deque()
    items = _items(files, cache, payloads)
    try:
        if engine == "dask":
            from extract.distributed import run_dask

            stream = run_dask(items, len(files), jobs, scheduler, bar)
        else:
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
    payloads: deque[dict[str, tuple[str, str]]],
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


def run_local(items: Iterable[Item], total: int, jobs: int, bar: tqdm) -> Iterator[DocResult]:
    """In this process (jobs 1), or a pool of `jobs` processes with a bounded window of chunks."""
    if jobs <= 1 or total < 2:
        for chunk in chunked(items, 1):
            yield from process_chunk(chunk)
            bar.update(len(chunk))
        return
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk in chunked(items, chunk_size(total, jobs)):
            window.append(pool.submit(process_chunk, chunk))
            if len(window) >= jobs * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from _done(window.popleft(), bar)
        while window:
            yield from _done(window.popleft(), bar)


def _done(future, bar: tqdm) -> list[DocResult]:
    results = future.result()
    bar.update(len(results))
    return results
