"""Issue 14, item 13: a run killed early reuses its finished documents next time (as the README
says), its pool workers end with it, and two runs sharing a cache both finish.

The child blocks on one chosen document (a test hook in the child script, not in production
code), so "killed while documents are finished and one is in progress" is deterministic; the
tests wait for conditions (a marker file, cache rows, processes gone), never for fixed times."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[3]
DEADLINE = 180  # seconds: generous, for a loaded machine; a passing run takes a few
BLOCKER = "zz_block.txt"
CHILD = f"""
import sys, threading
import extract.run.tasks as tasks
real, marker = tasks.process_document, sys.argv[1]
def process_document(location, doc, known=()):
    if doc == {BLOCKER!r}:
        open(marker, "w").close()
        threading.Event().wait()  # blocks until killed
    return real(location, doc, known)
tasks.process_document = process_document
from extract.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in sorted((ROOT / "corpus").glob("*.txt"))[:6]:
        shutil.copy(source, folder / source.name)
    shutil.copy(sorted((ROOT / "corpus").glob("*.txt"))[0], folder / BLOCKER)
    return folder


def wait_for(condition, what: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what}: the run ended ({process.stderr.read()})")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def cache_rows(path: Path) -> int:
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=30)) as db:
            return db.execute("SELECT count(*) FROM entries").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def start_blocking(corpus: Path, out: Path, marker: Path, jobs: int) -> subprocess.Popen:
    args = [str(corpus), "-o", str(out), "--quiet", "--jobs", str(jobs)]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(marker), *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args, "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    )


def test_a_run_killed_early_reuses_its_finished_documents(corpus: Path, tmp_path: Path) -> None:
    out, marker = tmp_path / "events.csv", tmp_path / "blocked"
    cache = tmp_path / "events.csv.cache.sqlite"
    process = start_blocking(corpus, out, marker, jobs=1)
    try:
        # in one process the documents go in order: the six before the blocker are finished
        wait_for(marker.exists, "the blocking document", process)
        wait_for(lambda: cache_rows(cache) == 6, "six finished documents in the cache", process)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(DEADLINE)
    assert not out.exists()
    again = run_cli(str(corpus), "-o", str(out), "--jobs", "1")
    assert again.returncode == 0, again.stderr
    assert "(cache: 6 reused, 1 extracted)" in again.stderr
    clean = run_cli(str(corpus), "-o", str(tmp_path / "clean.csv"), "--no-cache")
    assert clean.returncode == 0 and out.read_bytes() == (tmp_path / "clean.csv").read_bytes()


def test_pool_workers_end_with_a_killed_run(corpus: Path, tmp_path: Path) -> None:
    out, marker = tmp_path / "events.csv", tmp_path / "blocked"
    process = start_blocking(corpus, out, marker, jobs=2)
    workers: list[psutil.Process] = []
    try:
        wait_for(marker.exists, "a worker on the blocking document", process)
        workers = psutil.Process(process.pid).children(recursive=True)
        assert workers
        os.kill(process.pid, signal.SIGKILL)  # the run only, as the OOM killer or `kill -9` do
        process.wait(DEADLINE)
        wait_for(lambda: not any(map(running, workers)), "the workers to end")
    finally:
        for worker in workers:
            with contextlib.suppress(psutil.Error):
                worker.kill()


def running(process: psutil.Process) -> bool:
    """Alive and not a zombie waiting for whoever adopted it to reap it."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_two_runs_sharing_a_cache_both_finish(corpus: Path, tmp_path: Path) -> None:
    (corpus / BLOCKER).unlink()
    for copy in range(3):  # enough documents that the two runs overlap
        for source in sorted(corpus.glob("[!c]*.txt")):
            shutil.copy(source, corpus / f"c{copy}_{source.name}")
    cache = tmp_path / "shared.sqlite"
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "extract",
                str(corpus),
                "-o",
                str(tmp_path / f"run{n}.csv"),
                "--cache",
                str(cache),
                "--jobs",
                "1",
                "--quiet",
            ],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=DEADLINE)
        assert run.returncode == 0, err
        assert "locked" not in err
    clean = run_cli(str(corpus), "-o", str(tmp_path / "clean.csv"), "--no-cache")
    assert clean.returncode == 0
    for n in range(2):
        assert (tmp_path / f"run{n}.csv").read_bytes() == (tmp_path / "clean.csv").read_bytes()
