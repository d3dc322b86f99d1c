"""Scale figures for the extractor (run by hand; not a test).

Builds a synthetic corpus in a temp folder by repeating the real texts of corpus/ with the
publication date and the years in the body shifted (so rows differ from copy to copy), then runs
`python -m extract` on it several ways and prints, side by side:
chars/s with --jobs 1 and --jobs 2, with --engine dask (a LocalCluster of 2 workers), a cold
cached run, and a warm cached run after changing 1% of the documents; the wall seconds and the
CPU seconds (user + system, the whole process tree) of each run, and its peak memory (RSS
summed over the process tree, workers included). Each run is a whole `python -m extract`
process: start-up, imports and writing the table count. The machine is shared: the load average
is printed, and the CPU seconds do not count other processes' load.

    .venv/bin/python bench/scale.py                 # 3,000 documents (a few minutes on 2 cores)
    .venv/bin/python bench/scale.py --docs 10000    # about 24 MB
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
PUBLISHED = re.compile(r'^published:\s*"?(\d{4})-(\d{2})-(\d{2})"?\s*$', re.MULTILINE)


def shifted(text: str, years: int) -> str:
    """The text with its publication date and every year in it moved by `years`."""

    def published(match: re.Match[str]) -> str:
        year, month, day = int(match[1]) + years, int(match[2]), int(match[3])
        day = min(day, 28) if month == 2 else day
        return f'published: "{dt.date(year, month, day).isoformat()}"'

    head, sep, body = text.partition("\n---\n")
    if not sep:
        return YEAR.sub(lambda m: str(int(m[1]) + years), text)
    return PUBLISHED.sub(published, head) + sep + YEAR.sub(lambda m: str(int(m[1]) + years), body)


def build_corpus(folder: Path, count: int) -> int:
    """Write `count` documents (100 per sub-folder); returns the number of characters."""
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    sources = [s for s in sources if PUBLISHED.search(s)]
    chars = 0
    for i in range(count):
        years = (i // len(sources)) % 21 - 10  # -10 .. +10
        text = shifted(sources[i % len(sources)], years)
        path = folder / f"part{i // 100:04d}" / f"doc{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def change_documents(folder: Path, fraction: float, seed: int = 1) -> int:
    """Edit a fraction of the documents (years moved by one more); returns how many."""
    files = sorted(folder.rglob("*.txt"))
    chosen = random.Random(seed).sample(files, max(1, round(len(files) * fraction)))
    for path in chosen:
        path.write_text(shifted(path.read_text(encoding="utf-8"), 1), encoding="utf-8")
    return len(chosen)


def snapshot_code(work: Path) -> Path:
    """A copy of the extract package: every run uses the same code (and extractor version) even
    if someone edits the rules while the bench runs (which would rightly invalidate the cache)."""
    code = work / "code"
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "extract", code / "extract", ignore=skip)
    return code


def measure(args: list[str], cwd: Path, code: Path) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds, peak RSS of the process tree in bytes, stderr) of
    `python -m extract ARGS`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    used_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "extract", *args, "--quiet"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the run and the workers it waited for
    cpu = (used.ru_utime + used.ru_stime) - (used_before.ru_utime + used_before.ru_stime)
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        sys.exit(f"run failed ({process.returncode}): {' '.join(args)}\n{stderr}")
    return seconds, cpu, peak, stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents to generate (3000)")
    parser.add_argument(
        "--changed",
        type=float,
        default=0.01,
        help="fraction of documents edited before the warm run (0.01)",
    )
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="build the corpus in this folder and keep it (default: a temp dir)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="scale-") as temp:
        work = args.keep or Path(temp)
        corpus = work / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        chars = build_corpus(corpus, args.docs)
        size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
        print(
            f"corpus: {args.docs} documents, {chars / 1e6:.1f} M chars, {size / 1e6:.1f} MB "
            f"({time.perf_counter() - started:.1f} s to build) in {corpus}"
        )
        print(
            f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average "
            f"{os.getloadavg()[0]:.1f}\n"
        )

        code = snapshot_code(work)
        runs: list[tuple[str, float, float, int, str]] = []

        def run(label: str, *extra: str, output: str = "out.csv") -> None:
            seconds, cpu, peak, summary = measure([str(corpus), "-o", output, *extra], work, code)
            runs.append((label, seconds, cpu, peak, summary))
            print(f"  {label:<34} {seconds:7.1f} s {cpu:7.1f} CPU s   {summary}", flush=True)

        run("--jobs 1 (no cache)", "--jobs", "1", "--no-cache", output="jobs1.csv")
        run("--jobs 2 (no cache)", "--jobs", "2", "--no-cache", output="jobs2.csv")
        if not args.no_dask:
            run(
                "--engine dask, 2 workers (no cache)",
                "--engine",
                "dask",
                "--jobs",
                "2",
                "--no-cache",
                output="dask.csv",
            )
        run("--jobs 2, cold cache", "--jobs", "2", output="cached.csv")
        changed = change_documents(corpus, args.changed)
        run(f"--jobs 2, warm cache, {changed} changed", "--jobs", "2", output="cached.csv")

        reference = (work / "jobs1.csv").read_bytes()
        same = {
            name: (work / name).read_bytes() == reference
            for name in ("jobs2.csv", "dask.csv")
            if (work / name).exists()
        }

        base = runs[0][1]
        print(
            f"\n{'run':<36}{'seconds':>9}{'CPU s':>8}{'chars/s':>12}{'speed vs jobs 1':>17}"
            f"{'peak RSS':>11}"
        )
        for label, seconds, cpu, peak, _ in runs:
            print(
                f"{label:<36}{seconds:9.1f}{cpu:8.1f}{chars / seconds:12,.0f}"
                f"{base / seconds:16.2f}x{peak / 2**20:8.0f} MiB"
            )
        cold, warm = runs[-2], runs[-1]
        print(
            f"\nwarm re-run / cold run: {warm[1] / cold[1]:.0%} of the wall time, "
            f"{warm[2] / cold[2]:.0%} of the CPU time; load average now {os.getloadavg()[0]:.1f}"
        )
        print("\nsame table as --jobs 1: " + ", ".join(f"{k}: {v}" for k, v in same.items()))
        print(
            "(seconds include interpreter start, discovery and writing the table; peak RSS sums "
            "every process of the run, so shared pages count once per process)"
        )


if __name__ == "__main__":
    main()
