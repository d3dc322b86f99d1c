"""`--engine local`: the tasks in this process (--jobs 1) or in a pool of processes, with a
bounded window of chunks in flight so memory stays flat on any corpus size."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
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
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
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


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Run in each pool worker as it starts: the worker ends when the run's process ends, even
    by SIGKILL (which lets the run clean nothing up). On Linux the kernel sends the signal
    (prctl PR_SET_PDEATHSIG); elsewhere a thread watches the parent's pid."""
    if not _kernel_kills_orphans():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the worker could ask
        os._exit(1)


def _kernel_kills_orphans() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(PARENT_POLL_SECONDS)
    os._exit(1)
