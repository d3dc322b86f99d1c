"""SIGKILL at any moment of `python -m extract` leaves the previous events.csv byte-identical
(or, once the rename happened, the complete new one): never a half-written table; a temp file
left by a killed writer is removed by the next run."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.table.schema import read_events

ROOT = Path(__file__).resolve().parents[3]
# The child pauses at a chosen step of the write (after it signalled that step through a marker
# file), so "killed during the write" is deterministic; production code has no test hook.
CHILD = """
import os, sys, time
step, marker = sys.argv[1], sys.argv[2]
real = {"fsync": os.fsync, "replace": os.replace}
def pause(name):
    def wrapper(*args):
        open(marker, "w").close()
        time.sleep(30)
        return real[name](*args)
    return wrapper
if step in real:
    setattr(os, step, pause(step))
from extract.cli import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "corpus"
    folder.mkdir()
    sources = sorted((ROOT / "corpus").glob("*.txt"))
    for copy in range(4):
        for source in sources:
            shutil.copy(source, folder / f"{copy}_{source.name}")
    return folder


def start(step: str, corpus: Path, out: Path, marker: Path) -> subprocess.Popen:
    args = [str(corpus), "-o", str(out), "--quiet", "--jobs", "2", "--no-cache"]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, step, str(marker), *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the CLI and its pool workers (it may have finished just before: that is fine)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


def test_sigkill_never_damages_the_previous_table(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    marker = tmp_path / "marker"
    first = start("none", corpus, out, marker)
    assert first.wait(120) == 0, first.stderr.read()
    previous = out.read_bytes()
    assert previous.count(b"\n") > 100
    # a change, so a completed run would give a different file
    (corpus / "zz_new.txt").write_text(
        "---\npublished: 2022-01-01\n---\nThe two Koreas held talks on March 3, 2021.\n"
    )

    for step in ("fsync", "replace"):  # killed mid-write, and with the temp file complete
        marker.unlink(missing_ok=True)
        process = start(step, corpus, out, marker)
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.005)
        assert list(tmp_path.glob(".events.csv.*.tmp")), "the write had started"
        kill(process)
        assert out.read_bytes() == previous, step

    for delay in (0.05, 0.3, 0.8, 1.5):  # at other moments of the run
        process = start("none", corpus, out, marker)
        time.sleep(delay)
        kill(process)
        now = out.read_bytes()
        # Either the old table, or the whole new one (killed after the rename): never a mix.
        if now != previous:
            table, problems = read_events(out)
            assert not problems and "zz_new.txt" in set(table["doc"]), delay

    # the killed writers left temp files; none can be mistaken for output (hidden, .tmp),
    # and the next run removes them once they are stale
    left = list(tmp_path.glob(".events.csv.*.tmp"))
    assert left and all(p.name.startswith(".") and p.suffix == ".tmp" for p in left)
    for stale in left:
        os.utime(stale, (time.time() - 60, time.time() - 60))
    final = start("none", corpus, out, marker)
    assert final.wait(120) == 0, final.stderr.read()
    assert b"zz_new.txt" in out.read_bytes()
    assert list(tmp_path.glob(".events.csv.*.tmp")) == []
