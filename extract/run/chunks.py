"""How a corpus is cut into tasks for the runners, and the error a runner raises when it cannot
run at all (both engines, local and Dask, share them)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

MAX_CHUNK = 16  # documents per task
CHUNKS_IN_FLIGHT_PER_WORKER = 4

T = TypeVar("T")


class EngineError(Exception):
    """The engine cannot run (cluster unreachable, workers lost); the message is one line."""


def chunk_size(total: int, workers: int) -> int:
    """Small enough to balance the load (about 8 chunks per worker), at most MAX_CHUNK."""
    return max(1, min(MAX_CHUNK, total // (workers * 8)))


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
