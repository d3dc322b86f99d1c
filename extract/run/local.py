"""`--engine local`: the tasks in this process (--jobs 1) or in a pool of processes, with a
bounded window of chunks in flight so memory stays flat on any corpus size."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from tqdm import tqdm

from extract.run.chunks import CHUNKS_IN_FLIGHT_PER_WORKER, chunk_size, chunked
from extract.run.results import DocResult
from extract.run.tasks import Item, process_chunk


def run_local(items: Iterable[Item], total: int, jobs: int, bar: tqdm) -> Iterator[DocResult]:
    """In this process (jobs 1), or a pool of `jobs` processes with a bounded window of chunks."""
    if jobs <= 1 or total < 2:
        for chunk in chunked(items, 1):
            yield from process_chunk(chunk)
            bar.update(len(chunk))
        return
    window: deque[Future[list[DocResult]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk in chunked(items, chunk_size(total, jobs)):
            window.append(pool.submit(process_chunk, chunk))
            if len(window) >= jobs * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from _done(window.popleft(), bar)
        while window:
            yield from _done(window.popleft(), bar)


def _done(future: Future[list[DocResult]], bar: tqdm) -> list[DocResult]:
    results = future.result()
    bar.update(len(results))
    return results
