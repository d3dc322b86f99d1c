"""Load test on loopback: a class of N clients against `python -m timeline_app` (run by hand).

    .venv/bin/python bench/load_test.py [--workers 1,2,3] [--clients 30] [--callbacks 20]
        [--events events.csv | --synthetic 100000] [--threads 8]

For each server setting in --workers (1: one process under waitress; N > 1: N gunicorn worker
processes), the command line serves the events file in a subprocess on 127.0.0.1, as a teacher
would start it (--read-only). Each client loads the page (/, /_dash-layout, /_dash-dependencies)
and then posts --callbacks real filter callbacks (the JSON the browser sends to
/_dash-update-component for the chart), all clients at once. Prints, per setting and side by
side, requests/s, p50/p95 of the filter callbacks and p95 of the page loads, and the error count
(must be 0). Bounded: every request has a timeout and each run a deadline. The machine is
shared: compare the settings of one run, not runs made at different times.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
QUERIES = [
    "",
    "?cat=summit%2Ftalks",
    "?q=hotline",
    "?from=1990&to=2000",
    "?actor=China&lanes=actor",
    "?x0=2018-01-01&x1=2018-12-31",
    "?prec=day&q=summit",
    "?source=KCNA&from=2010",
]
RENDER_OUTPUTS = [
    "graph.figure",
    "graph.config",
    "count.children",
    "detail.children",
    "caption.children",
    "root.className",
    "btn-present.children",
    "btn-story.children",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def render_payload(search: str) -> bytes:
    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in RENDER_OUTPUTS]
    body = {
        "output": ".." + "...".join(RENDER_OUTPUTS) + "..",
        "outputs": outputs,
        "inputs": [
            {"id": "url", "property": "search", "value": search},
            {"id": "data-version", "property": "data", "value": 0},
            {"id": "graph-size", "property": "data", "value": {"w": 1122, "h": 456}},
        ],
        "changedPropIds": ["url.search"],
        "state": [],
    }
    return json.dumps(body).encode()


def request(url: str, data: bytes | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as response:
        response.read()
        status = response.status
    return time.perf_counter() - start, status


def client(
    base: str,
    n_callbacks: int,
    seed: int,
    timings: dict[str, list[float]],
    errors: list[str],
    deadline: float,
) -> None:
    try:
        for path in ("/", "/_dash-layout", "/_dash-dependencies"):
            timings["page"].append(request(base + path)[0])
        for i in range(n_callbacks):
            if time.time() > deadline:
                errors.append("deadline")
                return
            # mostly distinct views (the app caches the last 64 rendered views)
            year = 1950 + (seed * 7 + i) % 75
            search = QUERIES[(seed + i) % len(QUERIES)] or "?"
            search += ("&" if len(search) > 1 else "") + f"from={year}"
            took, status = request(base + "/_dash-update-component", render_payload(search))
            if status != 200:
                errors.append(f"HTTP {status}")
            timings["filter"].append(took)
    except Exception as error:  # counted, reported, never hidden
        errors.append(repr(error))


def percentile(values: list[float], fraction: float) -> float:
    """In milliseconds."""
    ordered = sorted(values)
    return ordered[int(fraction * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def start_server(events: Path, workers: int, threads: int, port: int) -> subprocess.Popen:
    """`python -m timeline_app` as a teacher starts it; returns once it answers."""
    command = [sys.executable, "-m", "timeline_app", "--events", str(events), "--read-only"]
    command += ["--port", str(port), "--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited: {server.stderr.read() if server.stderr else ''}")
        try:
            request(f"http://{HOST}:{port}/_dash-layout")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("server did not answer within 120 s")


def run(args: argparse.Namespace, events: Path, workers: int) -> dict[str, float]:
    """One class against one server setting: its figures."""
    port = free_port()
    server = start_server(events, workers, args.threads, port)
    try:
        base = f"http://{HOST}:{port}"
        for _ in range(workers):  # each process does its first callbacks before the class
            for search in QUERIES:
                request(base + "/_dash-update-component", render_payload(search or "?"))
        timings: dict[str, list[float]] = {"page": [], "filter": []}
        errors: list[str] = []
        deadline = time.time() + args.max_seconds
        clients = [
            threading.Thread(
                target=client, args=(base, args.callbacks, i, timings, errors, deadline)
            )
            for i in range(args.clients)
        ]
        start = time.perf_counter()
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(timeout=max(1, deadline - time.time()))
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    for error in errors[:5]:
        print(f"  workers={workers} error: {error}")
    count = len(timings["page"]) + len(timings["filter"])
    return {
        "req/s": count / elapsed,
        "filter p50": percentile(timings["filter"], 0.50),
        "filter p95": percentile(timings["filter"], 0.95),
        "page p95": percentile(timings["page"], 0.95),
        "errors": float(len(errors)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2,3", help="server processes to compare")
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--callbacks", type=int, default=20)
    parser.add_argument("--events", type=Path, default=ROOT / "events.csv")
    parser.add_argument(
        "--synthetic", type=int, default=0, help="serve this many synthetic events instead"
    )
    parser.add_argument("--threads", type=int, default=8, help="threads per server process")
    parser.add_argument("--max-seconds", type=int, default=600, help="deadline of each run")
    args = parser.parse_args()
    settings = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="load-") as temp:
        events = args.events
        if args.synthetic:
            sys.path.insert(0, str(ROOT))
            from extract.table.schema import write_events
            from timeline_app.sample import synthetic_events

            events = Path(temp) / f"synthetic-{args.synthetic}.csv"
            write_events(synthetic_events(args.synthetic, seed=7), events)
        print(
            f"{args.clients} clients x (3 page requests + {args.callbacks} filter callbacks), "
            f"{events.name}, {args.threads} threads per process, {os.cpu_count()} cores"
        )
        results = {workers: run(args, events, workers) for workers in settings}
    names = list(next(iter(results.values())))
    print(f"{'workers':>8}" + "".join(f"{name:>13}" for name in names) + "   (ms)")
    for workers, figures in results.items():
        print(f"{workers:>8}" + "".join(f"{value:13.1f}" for value in figures.values()))
    first = settings[0]
    for workers in settings[1:]:
        ratio = results[first]["filter p95"] / results[workers]["filter p95"]
        print(f"filter p95 with {workers} workers: {ratio:.2f}x faster than with {first}")
    return 0 if not any(r["errors"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
