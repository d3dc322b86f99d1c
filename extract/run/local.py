"""`--engine local`: the tasks in this process (--jobs 1) or in pools of processes, with a
bounded window of documents in flight so memory stays flat on any corpus size.

With pools, a document the cache may hold is read and hashed here first: a hit costs the pools
nothing, and a worker starts only when a document must be extracted (an all-cached run starts
none). The first PROBED_MISSES documents to extract go to one worker, one task at a time (the
misses found meanwhile wait and go together as its next task): it loads the rules while this
process reads on, and a warm run of a few edited documents loads them once. After that the
rest go in chunks, unread, to that worker and to a pool of the other jobs - 1 (the workers read
and hash them: a cold run reads each document once and has its `jobs` workers).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from tqdm import tqdm

from extract.run.chunks import CHUNKS_IN_FLIGHT_PER_WORKER, MAX_CHUNK, chunk_size, chunked
from extract.run.results import DocResult
from extract.run.tasks import Item, cached_result, process_chunk

PROBED_MISSES = 32  # documents to extract found by reading here, before chunks of unread ones
MAX_AHEAD = 4096  # results waiting behind an unfinished one (hits are small)


def run_local(items: Iterable[Item], total: int, jobs: int, bar: tqdm) -> Iterator[DocResult]:
    """In this process (jobs 1), or `jobs` worker processes with a bounded window."""
    if jobs <= 1 or total < 2:
        for chunk in chunked(items, 1):
            yield from process_chunk(chunk)
            bar.update(len(chunk))
        return
    with _Pooled(jobs, total) as pooled:
        for result in pooled.run(items):
            bar.update(1)
            yield result


@dataclass
class _Task:
    """Documents for a pool as one chunk (sent when `future` is set), or hits found here."""

    items: list[Item] = field(default_factory=list)
    future: Future[list[DocResult]] | None = None
    pool: int = 0  # which of the run's pools it went to
    results: list[DocResult] | None = None

    def ready(self) -> bool:
        return self.results is not None or (self.future is not None and self.future.done())

    def result(self, index: int) -> DocResult:
        if self.results is None:
            assert self.future is not None
            self.results = self.future.result()
        return self.results[index]


class _Pooled:
    """One run over two pools, started when needed: the first worker, and the other jobs - 1
    once chunks go; results in input order."""

    def __init__(self, jobs: int, total: int) -> None:
        self.sizes = (1, jobs - 1)  # workers of each pool
        self.pools: list[ProcessPoolExecutor | None] = [None, None]
        self.in_flight = [0, 0]  # documents sent to each pool whose results are not taken yet
        self.in_flight_max = jobs * CHUNKS_IN_FLIGHT_PER_WORKER * MAX_CHUNK
        self.size = chunk_size(total, jobs)
        self.window: deque[tuple[_Task, int]] = deque()  # (task, index of the result in it)
        self.waiting = _Task()  # misses found here, not sent yet
        self.busy: _Task | None = None  # the first worker's task while probing

    def __enter__(self) -> _Pooled:
        return self

    def __exit__(self, *exc: object) -> None:
        for pool in self.pools:
            if pool is not None:
                pool.shutdown()

    def run(self, items: Iterable[Item]) -> Iterator[DocResult]:
        iterator = iter(items)
        misses = 0
        for item in iterator:
            if misses < PROBED_MISSES:
                hit = cached_result(*item)
                if hit is not None:
                    self.window.append((_Task(results=[hit]), 0))
                else:
                    self.window.append((self.waiting, len(self.waiting.items)))
                    self.waiting.items.append(item)
                    misses += 1
                if self.busy is None or self.busy.ready():
                    self._send_waiting()
            else:
                self._send_waiting()
                self._send(_Task([item, *islice(iterator, self.size - 1)]), self._emptiest())
            while self.window and (
                self.window[0][0].ready()
                or sum(self.in_flight) >= self.in_flight_max
                or len(self.window) > MAX_AHEAD
            ):
                yield self._take()
        while self.window:
            yield self._take()

    def _send_waiting(self) -> None:
        if self.waiting.items:
            self.busy = self._send(self.waiting, 0)
            self.waiting = _Task()

    def _emptiest(self) -> int:
        """The pool with the fewest documents in flight per worker."""
        return min((0, 1), key=lambda pool: self.in_flight[pool] / self.sizes[pool])

    def _send(self, task: _Task, pool: int) -> _Task:
        executor = self.pools[pool]
        if executor is None:
            executor = self.pools[pool] = ProcessPoolExecutor(
                max_workers=self.sizes[pool], initializer=die_with_parent, initargs=(os.getpid(),)
            )
        task.future, task.pool = executor.submit(process_chunk, task.items), pool
        if task is not self.waiting:  # the waiting misses have their places already
            self.window.extend((task, index) for index in range(len(task.items)))
        self.in_flight[pool] += len(task.items)
        return task

    def _take(self) -> DocResult:
        """The first result in input order, waited for (sent first if it still waits)."""
        task, index = self.window.popleft()
        if task is self.waiting:
            if self.busy is not None:
                self.busy.result(0)  # the first worker is free again
            self._send_waiting()
        if task.future is not None:
            self.in_flight[task.pool] -= 1
        return task.result(index)


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
