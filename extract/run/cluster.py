"""`--engine dask`: the same `process_chunk` on a Dask cluster (dask.distributed).

A LocalCluster of --jobs single-threaded worker processes by default, or an existing cluster
with --scheduler tcp://HOST:PORT. Tasks carry document *locations* (absolute paths on a shared
folder, or fsspec URLs): workers read the documents where they are, the client only receives
rows. At most a bounded number of chunks is in flight (submitted as earlier ones complete), so a
corpus of a million documents never has a million futures or texts in memory.
"""

from __future__ import annotations

import logging
import os
import re
import socket
from collections.abc import Iterable, Iterator
from itertools import chain

from fsspec.core import url_to_fs
from tqdm import tqdm

from extract.documents.locations import is_url
from extract.run.chunks import CHUNKS_IN_FLIGHT_PER_WORKER, EngineError, chunk_size, chunked
from extract.run.results import DocResult
from extract.run.tasks import Item, process_chunk
from extract.run.version import EXTRACTOR_VERSION

SCHEDULER_RE = re.compile(r"^(tcp|tls)://(\[[0-9a-fA-F:]+\]|[^:/\s]+):(\d{1,5})/?$")
CONNECT_SECONDS = 10
WORKERS_WAIT_SECONDS = 30


def worker_version() -> str:
    """Runs on each worker: the extractor version it would extract with."""
    return EXTRACTOR_VERSION


def _one_line(error: BaseException) -> str:
    return (" ".join(str(error).split()) or type(error).__name__)[:300]


def connect(scheduler: str | None, jobs: int):
    """(client, cluster or None). Raises EngineError with a one-line message."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask[distributed] is a requirement
        raise EngineError(
            "--engine dask needs dask[distributed] (pip install 'dask[distributed]')"
        ) from None
    if scheduler is None:
        try:
            cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            return Client(cluster), cluster
        except Exception as error:
            raise EngineError(f"cannot start a local Dask cluster ({_one_line(error)})") from None
    match = SCHEDULER_RE.match(scheduler)
    if not match:
        raise EngineError(f"--scheduler {scheduler!r}: expected tcp://HOST:PORT")
    host, port = match[2].strip("[]"), int(match[3])
    try:  # fail fast (a refused port would otherwise be retried until the timeout)
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        reason = error.strerror or _one_line(error)
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({reason})") from None
    try:
        client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except Exception as error:
        raise EngineError(
            f"cannot connect to the Dask scheduler at {scheduler} ({_one_line(error)})"
        ) from None
    return client, None


def check_workers(client, local: bool = False) -> int:
    """Wait for a worker, check every worker runs this extractor; returns the number of threads."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_WAIT_SECONDS)
    except Exception:
        raise EngineError(
            f"no Dask worker joined the scheduler within {WORKERS_WAIT_SECONDS} s "
            "(start one with: dask worker tcp://HOST:PORT)"
        ) from None
    try:
        versions = client.run(worker_version)
    except Exception as error:
        raise EngineError(
            "the Dask workers cannot import the extractor; start the scheduler and the workers "
            "with this project on PYTHONPATH and its Python environment "
            f"(PYTHONPATH=/path/to/project dask worker ...) ({_one_line(error)})"
        ) from None
    stale = sorted(address for address, version in versions.items() if version != EXTRACTOR_VERSION)
    if stale and local:
        raise EngineError(
            "the extractor's source files changed while the local Dask workers started "
            f"(they loaded another version than {EXTRACTOR_VERSION}); run again"
        )
    if stale:
        raise EngineError(
            f"{len(stale)} Dask worker(s) run another extractor version than this one "
            f"({EXTRACTOR_VERSION}), e.g. {stale[0]}; restart them from the same checkout"
        )
    threads = client.nthreads()
    return max(1, sum(threads.values()))


def task_failed(error: BaseException) -> str:
    message = f"a Dask task failed ({_one_line(error)})"
    if "deserializ" in str(error):
        message += "; start the scheduler with the project too: PYTHONPATH=/path/to/project"
    return message


def readable(location: str) -> str:
    """Runs on a worker: '' when the document exists there, else why not (a single unreadable
    file is reported by its task like any bad document)."""
    try:
        if is_url(location):
            fs, path = url_to_fs(location)
            return "" if fs.exists(path) else "not found"
        return "" if os.path.exists(location) else "not found"
    except Exception as error:
        return _one_line(error)


def check_readable(client, location: str) -> None:
    """A worker that cannot see the corpus would report every document as unreadable: say it
    once, with the way out (a folder shared at the same path, or an fsspec URL)."""
    try:
        problem = client.submit(readable, location, pure=False).result()
    except Exception as error:
        raise EngineError(task_failed(error)) from None
    if problem:
        raise EngineError(
            f"the Dask workers cannot read {location} ({problem}); put the corpus in a folder "
            "shared at the same path on every worker, or give an fsspec URL (s3://bucket/prefix/)"
        )


def run_dask(
    items: Iterable[Item], total: int, jobs: int, scheduler: str | None, bar: tqdm
) -> Iterator[DocResult]:
    """Results in corpus order; the bar advances as chunks complete (distributed.as_completed)."""
    client, cluster = connect(scheduler, jobs)
    try:
        workers = check_workers(client, local=cluster is not None)
        items = iter(items)
        first = next(items, None)
        if first is None:
            return
        check_readable(client, first[0])
        yield from _stream(client, chain([first], items), total, workers, bar)
    finally:
        _close(client, cluster)


def _stream(client, items: Iterable[Item], total: int, workers: int, bar: tqdm):
    from distributed import as_completed

    chunks = chunked(items, chunk_size(total, workers))
    max_ahead = workers * CHUNKS_IN_FLIGHT_PER_WORKER  # chunks submitted but not yet yielded
    index_of: dict[str, int] = {}
    finished: dict[int, list[DocResult]] = {}
    submitted = next_out = 0
    pending = as_completed()

    def submit_more() -> None:
        nonlocal submitted
        while submitted - next_out < max_ahead:
            chunk = next(chunks, None)
            if chunk is None:
                return
            future = client.submit(process_chunk, chunk, pure=False)
            index_of[future.key] = submitted
            pending.add(future)
            submitted += 1

    submit_more()
    for future in pending:
        try:
            results = future.result()
        except Exception as error:
            raise EngineError(task_failed(error)) from None
        finished[index_of.pop(future.key)] = results
        future.release()
        bar.update(len(results))
        while next_out in finished:
            yield from finished.pop(next_out)
            next_out += 1
        submit_more()


def _close(client, cluster) -> None:
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    try:
        client.close()
        if cluster is not None:
            cluster.close()
    except Exception:
        pass
