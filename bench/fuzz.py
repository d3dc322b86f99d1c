"""The trust campaign of issue 14, run by hand (never in CI): hostile documents through the
command line, SIGKILLs during cached runs, concurrent runs on one cache, damaged events tables
through the reader and the app's loader. Prints its figures; exit status 1 when one is not 0.

    .venv/bin/python bench/fuzz.py --size small     # about 1-2 minutes
    .venv/bin/python bench/fuzz.py --size full      # >= 10,000 documents, 20 SIGKILLs, 2,000 tables

Documents and tables come from tests/fuzz/hostile.py (the generators of the fuzz suite), from a
seeded random source: the same seed gives the same campaign. Each batch of documents is written
to a folder and extracted by `python -m extract` in a subprocess, as a user runs it; the
property of tests/fuzz/hostile.py (run_problems) is checked on every run. A SIGKILL trial starts
a cached run, kills its main process at a random moment, checks its pool workers end too, and
re-runs: the table must be byte-identical to a clean --no-cache run of the same corpus.

If bench/fuzz_app.py exists with `run(args) -> dict` (the app's side: corrections, concurrent
saves), it is run too and its figures printed with these.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = {
    # documents, batch, SIGKILL trials, concurrent pairs, tables
    "small": dict(documents=600, batch=100, kills=3, concurrent=1, tables=300),
    "full": dict(documents=10_000, batch=200, kills=20, concurrent=4, tables=2_000),
}
RUN_TIMEOUT = 1800  # seconds for one run of the CLI: a hang is a failure, not a wait forever


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = load("fuzz_hostile", ROOT / "tests" / "fuzz" / "hostile.py")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of each extraction run")
    parser.add_argument(
        "--log", type=Path, default=None, help="folder for the stderr of failed runs"
    )
    return parser.parse_args(argv)


def cli(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "extract", str(corpus), "-o", str(out), "--quiet"]


def extract(corpus: Path, out: Path, *options: str, jobs: int = 2) -> tuple[int, str, float]:
    """One `python -m extract` run: (exit status, stderr, seconds)."""
    started = time.perf_counter()
    run = subprocess.run(
        [*cli(corpus, out), "--jobs", str(jobs), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=RUN_TIMEOUT,
    )
    return run.returncode, run.stderr, time.perf_counter() - started


class Figures:
    def __init__(self) -> None:
        self.values: dict[str, object] = {
            "documents": 0,
            "documents with rows": 0,
            "documents reported (one line each)": 0,
            "runs": 0,
            "runs crashed": 0,
            "tracebacks in stderr": 0,
            "documents lost (not reported)": 0,
            "unreadable outputs": 0,
            "SIGKILLs during cached runs": 0,
            "re-runs after SIGKILL not identical to a clean run": 0,
            "workers alive after SIGKILL": 0,
            "concurrent runs on one cache failed": 0,
            "events tables mutated": 0,
            "events tables mishandled": 0,
            "slowest document": "",
        }
        self.failures: list[str] = []

    def add(self, key: str, amount: int = 1) -> None:
        self.values[key] = int(self.values[key]) + amount

    def record(self, found: dict[str, list[str]], log: Path | None, stderr: str) -> None:
        self.add("runs")
        self.add("runs crashed", len(found["crashed"]))
        self.add("tracebacks in stderr", len(found["traceback"]))
        self.add("documents lost (not reported)", len(found["lost"]))
        self.add("unreadable outputs", 1 if found["unreadable"] else 0)
        problems = [f"{kind}: {item}" for kind, items in found.items() for item in items]
        self.failures += problems[:5]
        if problems and log is not None:
            log.mkdir(parents=True, exist_ok=True)
            (log / f"run{self.values['runs']}.stderr").write_text(stderr, errors="replace")


def documents_phase(args, size, rng: random.Random, work: Path, figures: Figures) -> None:
    from extract.run.tasks import process_document
    from extract.table.schema import read_events

    slowest = (0.0, "")
    warm = work / "warm.txt"  # the first document pays for lazy imports and compiled patterns
    warm.write_text("---\npublished: 2018-06-12\n---\n" + hostile.ANCHOR + "\n")
    process_document(str(warm), "warm.txt")
    for number, start in enumerate(range(0, size["documents"], size["batch"])):
        count = min(size["batch"], size["documents"] - start)
        documents = [hostile.make_document(rng, start + i) for i in range(count)]
        corpus = work / f"batch{number}"
        hostile.write_corpus(corpus, documents)
        out = work / f"batch{number}.{'parquet' if number % 4 == 3 else 'csv'}"
        options = ["--no-cache"] if number % 2 else []  # half with the cache, half without
        code, stderr, _ = extract(corpus, out, *options, jobs=args.jobs)
        found = hostile.run_problems(documents, code, stderr, out)
        figures.record(found, args.log, stderr)
        figures.add("documents", count)
        if code == 0 and not found["unreadable"]:
            with_rows = set(read_events(out)[0]["doc"])
            rows = sum(document.doc in with_rows for document in documents)
            figures.add("documents with rows", rows)
            figures.add("documents reported (one line each)", count - rows)
        # the slowest document, in CPU seconds of this process (a busy machine's wall clock
        # would time the neighbours)
        for document in documents:
            location = os.path.join(os.fsencode(corpus), document.name)
            began = time.process_time()
            process_document(os.fsdecode(location), document.doc)
            spent = time.process_time() - began
            if spent > slowest[0]:
                slowest = (spent, f"{spent:.2f} s CPU ({document.doc[:60]})")
        shutil.rmtree(corpus)
        out.unlink(missing_ok=True)
        for extra in work.glob(f"batch{number}.*"):
            extra.unlink()
        print(
            f"  documents {start + count}/{size['documents']}: "
            f"runs crashed {figures.values['runs crashed']}, "
            f"lost {figures.values['documents lost (not reported)']}",
            file=sys.stderr,
        )
    figures.values["slowest document"] = slowest[1]


def kill_phase(args, size, rng: random.Random, work: Path, figures: Figures) -> None:
    corpus = work / "kill-corpus"
    documents = [hostile.make_document(rng, 90_000 + i) for i in range(120)]
    hostile.write_corpus(corpus, documents)
    for copy in range(3):  # and real news texts, so a run lasts long enough to be killed
        for source in sorted((ROOT / "corpus").glob("*.txt")):
            shutil.copy(source, corpus / f"real{copy}_{source.name}")
    clean = work / "clean.csv"
    code, stderr, seconds = extract(corpus, clean, "--no-cache", jobs=args.jobs)
    if code != 0:
        figures.failures.append(f"clean run of the SIGKILL corpus failed: {stderr[-300:]}")
        return
    reference = clean.read_bytes()
    out, cache = work / "killed.csv", work / "killed.csv.cache.sqlite"
    attempts = 0
    while (
        figures.values["SIGKILLs during cached runs"] < size["kills"]
        and attempts < 5 * size["kills"]
    ):
        attempts += 1
        if rng.random() < 0.3:  # sometimes from an empty cache, mostly from a partial one
            cache.unlink(missing_ok=True)
        process = subprocess.Popen(
            [*cli(corpus, out), "--jobs", str(args.jobs)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + rng.uniform(0.3, max(0.6, seconds))
        workers: dict[int, psutil.Process] = {}
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(psutil.Error):
                for child in psutil.Process(process.pid).children(recursive=True):
                    workers[child.pid] = child
            time.sleep(0.05)
        if process.poll() is not None:
            cache.unlink(missing_ok=True)  # finished before the kill: not a trial; start cold
            continue
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        figures.add("SIGKILLs during cached runs")
        ending = time.monotonic() + 30
        while any(map(_running, workers.values())) and time.monotonic() < ending:
            time.sleep(0.05)
        alive = [w for w in workers.values() if _running(w)]
        figures.add("workers alive after SIGKILL", len(alive))
        for worker in alive:
            with contextlib.suppress(psutil.Error):
                worker.kill()
        code, stderr, _ = extract(corpus, out, jobs=args.jobs)
        found = hostile.run_problems(documents, code, stderr, out)
        figures.record(found, args.log, stderr)
        if code != 0 or out.read_bytes() != reference:
            figures.add("re-runs after SIGKILL not identical to a clean run")
            figures.failures.append(f"re-run after SIGKILL differs (exit {code})")
    for pair in range(size["concurrent"]):
        shared = work / f"shared{pair}.sqlite"
        runs = [
            subprocess.Popen(
                [*cli(corpus, work / f"c{n}.csv"), "--cache", str(shared), "--jobs", "1"],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(2)
        ]
        for n, run in enumerate(runs):
            _, stderr = run.communicate(timeout=RUN_TIMEOUT)
            if run.returncode != 0 or (work / f"c{n}.csv").read_bytes() != reference:
                figures.add("concurrent runs on one cache failed")
                figures.failures.append(f"concurrent run failed: {stderr[-300:]}")
    print(
        f"  SIGKILLs {figures.values['SIGKILLs during cached runs']}, "
        f"concurrent pairs {size['concurrent']}",
        file=sys.stderr,
    )


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def tables_phase(args, size, rng: random.Random, work: Path, figures: Figures) -> None:
    from timeline_app.data import load_data

    source = (ROOT / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    for number in range(size["tables"]):
        first = rng.randrange(1, len(source))
        sample = "".join([source[0], *source[first : first + rng.randint(1, 40)]])
        path = work / f"table{number % 10}.csv"
        path.write_bytes(hostile.mutate_table(rng, sample))
        figures.add("events tables mutated")
        problems = hostile.table_problems(path)
        try:
            data = load_data(path)
            if data.error and "cannot be read (" in data.error:  # the loader's catch-all
                problems.append(f"app loader: {data.error[:200]}")
        except Exception as error:
            problems.append(f"app loader raised {type(error).__name__}: {error}")
        if problems:
            figures.add("events tables mishandled")
            figures.failures += problems[:2]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    size = SIZES[args.size]
    rng = random.Random(args.seed)
    figures = Figures()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        work = Path(folder)
        print(f"fuzz campaign, size {args.size}, seed {args.seed}", file=sys.stderr)
        documents_phase(args, size, rng, work, figures)
        kill_phase(args, size, rng, work, figures)
        tables_phase(args, size, rng, work, figures)
    app_figures: dict[str, object] = {}
    app = ROOT / "bench" / "fuzz_app.py"
    if app.exists():
        module = load("fuzz_app", app)
        if hasattr(module, "run"):
            app_figures = module.run(args)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nfuzz campaign ({args.size}, seed {args.seed}), {time.perf_counter() - started:.0f} s")
    for key, value in [*figures.values.items(), *app_figures.items()]:
        print(f"  {key:55} {value}")
    print(f"  {'peak memory of a run (max RSS of the children)':55} {children:.0f} MB")
    print(f"  {'peak memory of this process':55} {own:.0f} MB")
    for failure in figures.failures[:20]:
        print(f"  ! {failure[:400]}")
    bad = [
        "runs crashed",
        "tracebacks in stderr",
        "documents lost (not reported)",
        "unreadable outputs",
        "re-runs after SIGKILL not identical to a clean run",
        "workers alive after SIGKILL",
        "concurrent runs on one cache failed",
        "events tables mishandled",
    ]
    return 1 if any(figures.values[key] for key in bad) or figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
