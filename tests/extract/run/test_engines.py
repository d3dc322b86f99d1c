"""Engines and formats: --jobs 2 equals --jobs 1, parquet reads back like CSV, the runner streams
(bounded work in flight), and --engine dask on a 2-worker LocalCluster equals one process."""

from __future__ import annotations

import io
import logging
import shutil
import socket
import time
from collections.abc import Iterator
from contextlib import redirect_stderr
from pathlib import Path

import pandas as pd
import pytest

import extract.run.version
from extract.cli import main
from extract.run.driver import run_documents
from extract.run.local import run_local
from extract.table.schema import read_events

ROOT = Path(__file__).resolve().parents[3]


class NoBar:
    def update(self, n: int = 1) -> None:
        pass


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path) -> bytes:
    """The single-process, uncached output everything else must equal."""
    out = corpus.parent / "reference.csv"
    assert cli(str(corpus), "-o", str(out), "--jobs", "1", "--no-cache")[0] == 0
    return out.read_bytes()


def skip_if_sources_changed() -> None:
    """Dask workers import the extractor from disk; if its files were edited since this test
    process imported them, the CLI rightly refuses the workers (another version)."""
    if extract.run.version.extractor_version() != extract.run.version.EXTRACTOR_VERSION:
        pytest.skip("extractor source files changed while the tests ran")


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    skip_if_sources_changed()
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        yield cluster
    finally:
        cluster.close()


def cli(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stderr(err):
        code = main([*args, "--quiet"])
    return code, err.getvalue()


def test_jobs_2_equals_jobs_1(corpus: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    code, err = cli(str(corpus), "-o", str(out), "--jobs", "2", "--no-cache")
    assert code == 0, err
    assert out.read_bytes() == reference
    # and through the cache, cold then warm, still with two processes
    for reused in (0, 17):
        code, err = cli(str(corpus), "-o", str(out), "--jobs", "2")
        assert f"cache: {reused} reused" in err and out.read_bytes() == reference


def test_parquet_output_reads_back_like_the_csv(corpus: Path, reference: bytes, tmp_path: Path):
    csv_path, parquet_path = tmp_path / "events.csv", tmp_path / "events.parquet"
    csv_path.write_bytes(reference)
    code, err = cli(str(corpus), "-o", str(parquet_path), "--jobs", "1")
    assert code == 0, err
    assert parquet_path.read_bytes()[:4] == b"PAR1"
    from_parquet, problems = read_events(parquet_path)
    from_csv, csv_problems = read_events(csv_path)
    assert problems == [] and csv_problems == []
    assert len(from_csv) > 50
    pd.testing.assert_frame_equal(from_parquet, from_csv)
    # a warm cache gives the same parquet table
    cli(str(corpus), "-o", str(parquet_path), "--jobs", "1")
    pd.testing.assert_frame_equal(read_events(parquet_path)[0], from_csv)


def many_documents(folder: Path, count: int) -> list[tuple[str, str]]:
    folder.mkdir(exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"d{i:04d}.txt"
        path.write_text(
            f"---\npublished: 2018-01-0{1 + i % 9}\n---\nSeoul and Pyongyang met on Monday. "
            f"Talks were held in March {1990 + i % 30}.\n",
            encoding="utf-8",
        )
        files.append((str(path), path.name))
    return files


def counting(files: list[tuple[str, str]], taken: list[int]) -> Iterator[tuple]:
    for location, doc in files:
        taken[0] += 1
        yield location, doc, ()


def test_the_local_pool_streams_with_a_bounded_window(tmp_path: Path) -> None:
    files = many_documents(tmp_path / "many", 300)
    taken = [0]
    stream = run_local(counting(files, taken), len(files), 2, NoBar())
    first = next(stream)
    assert first.doc == "d0000.txt"
    assert taken[0] < 150, taken  # not the whole corpus submitted before the first result
    rest = list(stream)
    assert [r.doc for r in [first, *rest]] == [doc for _, doc in files]
    assert all(r.rows and not r.error for r in rest)


def test_dask_on_a_2_worker_cluster_equals_one_process(
    cluster, corpus: Path, reference: bytes, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    code, err = cli(
        str(corpus),
        "-o",
        str(out),
        "--engine",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        "--no-cache",
    )
    assert code == 0, err
    assert out.read_bytes() == reference
    # fsspec URL input, through the cache (cold, then warm: hits decided on the workers)
    url = corpus.as_uri()
    for reused in (0, 17):
        code, err = cli(url, "-o", str(out), "--scheduler", cluster.scheduler_address)
        assert code == 0 and f"cache: {reused} reused" in err, err
        assert out.read_bytes() == reference


def test_dask_streams_with_bounded_futures(cluster, tmp_path: Path) -> None:
    from distributed import Client

    from extract.run.cluster import _stream

    files = many_documents(tmp_path / "many", 300)
    taken = [0]
    with Client(cluster.scheduler_address) as client:
        stream = _stream(client, counting(files, taken), len(files), 2, NoBar())
        first = next(stream)
        assert taken[0] < 150, taken
        rest = list(stream)
        deadline = time.monotonic() + 5
        while client.futures and time.monotonic() < deadline:  # releases are asynchronous
            time.sleep(0.05)
        assert not client.futures  # every future released
    assert [r.doc for r in [first, *rest]] == [doc for _, doc in files]


def test_workers_that_cannot_see_the_corpus_are_one_error(cluster, tmp_path: Path) -> None:
    from distributed import Client

    from extract.run.chunks import EngineError
    from extract.run.cluster import check_readable

    with Client(cluster.scheduler_address) as client:
        check_readable(client, str(ROOT / "corpus" / "05_voa_trump_dmz_2019.txt"))
        check_readable(client, (ROOT / "corpus" / "05_voa_trump_dmz_2019.txt").as_uri())
        for missing in (str(tmp_path / "elsewhere.txt"), (tmp_path / "elsewhere.txt").as_uri()):
            with pytest.raises(EngineError, match=r"workers cannot read .*shared"):
                check_readable(client, missing)


def test_dask_local_cluster_started_by_the_cli(corpus: Path, reference: bytes, tmp_path: Path):
    skip_if_sources_changed()
    out = tmp_path / "events.csv"
    code, err = cli(
        corpus.as_uri() + "/", "-o", str(out), "--engine", "dask", "--jobs", "2", "--no-cache"
    )
    assert code == 0, err
    assert out.read_bytes() == reference


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    "args,message",
    [
        (["--scheduler", f"tcp://127.0.0.1:{closed_port()}"], "cannot reach the Dask scheduler"),
        (["--scheduler", "localhost"], "expected tcp://HOST:PORT"),
        (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"], "needs --engine dask"),
    ],
)
def test_bad_scheduler_is_a_one_line_error(corpus: Path, tmp_path: Path, args, message) -> None:
    out = tmp_path / "events.csv"
    code, err = cli(str(corpus), "-o", str(out), *args)
    assert code == 2
    assert err.strip().count("\n") == 0 and err.startswith("error: ") and message in err, err
    assert not out.exists()


def test_unusable_urls_are_one_line_errors(tmp_path: Path) -> None:
    for url, message in [
        ("nosuchproto://bucket/x", "nosuchproto://bucket/x"),
        ((tmp_path / "absent").as_uri(), "not found"),
    ]:
        code, err = cli(url, "-o", str(tmp_path / "o.csv"))
        assert code == 2 and err.count("\n") == 1 and message in err, err


def test_run_documents_gives_one_result_per_document_in_order(corpus: Path) -> None:
    files = [(str(p), p.name) for p in sorted(corpus.glob("*.txt"))]
    results = list(run_documents(files, 2, False))
    assert [r.doc for r in results] == [doc for _, doc in files]
    assert all(r.key and len(r.key) == 64 for r in results)
