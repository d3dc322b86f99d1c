"""Load test on loopback: a class of N clients against `python -m timeline_app` (run by hand).

    .venv/bin/python bench/load_test.py [--workers 1,2,3] [--clients 30] [--callbacks 20]
        [--events events.csv | --synthetic 100000] [--threads 8] [--baseline DIR] [--rounds N]

For each server setting in --workers (1: one process under waitress; N > 1: N gunicorn worker
processes), the command line serves the events file in a subprocess on 127.0.0.1, as a teacher
would start it (--read-only). Each client loads the page (/, /_dash-layout, /_dash-dependencies)
and then posts --callbacks real filter callbacks (the JSON the browser sends to
/_dash-update-component for the chart), all clients at once, each waiting for its response
before the next. Prints, per setting and side by side, requests/s, p50/p95 of the filter
callbacks and p95 of the page loads, the CPU time per request of the server (all its
processes) and of the clients (this process), and the error count (must be 0). An error is a
failed or timed-out request, a response that is not the chart's update (JSON with a figure),
or a client still unfinished at the deadline. Bounded: every request has a timeout and each run
a deadline.

The machine is shared: compare the settings of one run, not runs made at different times.
--baseline DIR serves the code of another checkout too (same events, same venv), its runs
alternating with this checkout's, so a change is measured before/after in one run:
    git worktree add /tmp/before main && .venv/bin/python bench/load_test.py --baseline /tmp/before
CPU per request varies far less than latency on a busy machine: compare it too.
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


def request(url: str, data: bytes | None = None) -> tuple[float, int, bytes]:
    """(seconds, HTTP status, body): the whole response is read before the clock stops."""
    start = time.perf_counter()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as response:
        body = response.read()
        status = response.status
    return time.perf_counter() - start, status, body


def chart_update(body: bytes) -> bool:
    """Whether a callback's response is the chart's update (a figure with its traces)."""
    try:
        figure = json.loads(body)["response"]["graph"]["figure"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(figure, dict) and isinstance(figure.get("data"), list)


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
            took, status, _ = request(base + path)
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
            timings["page"].append(took)
        for i in range(n_callbacks):
            if time.time() > deadline:
                errors.append("deadline")
                return
            # mostly distinct views (the app caches the last 64 rendered views)
            year = 1950 + (seed * 7 + i) % 75
            search = QUERIES[(seed + i) % len(QUERIES)] or "?"
            search += ("&" if len(search) > 1 else "") + f"from={year}"
            took, status, body = request(base + "/_dash-update-component", render_payload(search))
            if status != 200:
                errors.append(f"HTTP {status}")
            elif not chart_update(body):
                errors.append(f"not a chart update: {body[:80]!r}")
            timings["filter"].append(took)
    except Exception as error:  # counted, reported, never hidden
        errors.append(repr(error))


def percentile(values: list[float], fraction: float) -> float:
    """In milliseconds."""
    ordered = sorted(values)
    return ordered[int(fraction * (len(ordered) - 1))] * 1000 if ordered else float("nan")


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children (gunicorn's
    workers); NaN where /proc cannot tell (not Linux)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, found = 0.0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # a process that just ended
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
            found = True
    return total if found else float("nan")


def start_server(
    events: Path, workers: int, threads: int, port: int, root: Path = ROOT
) -> subprocess.Popen:
    """`python -m timeline_app` (the code of checkout `root`) as a teacher starts it; returns
    once it answers."""
    command = [sys.executable, "-m", "timeline_app", "--events", str(events), "--read-only"]
    command += ["--port", str(port), "--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(
        command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
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


def run(args: argparse.Namespace, events: Path, workers: int, root: Path) -> dict[str, float]:
    """One class against one server setting: its figures."""
    port = free_port()
    server = start_server(events, workers, args.threads, port, root)
    try:
        base = f"http://{HOST}:{port}"
        for _ in range(workers):  # each process does its first callbacks before the class
            for search in QUERIES:
                request(base + "/_dash-update-component", render_payload(search or "?"))
        server_cpu, client_cpu = process_tree_cpu(server.pid), time.process_time()
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
        unfinished = sum(thread.is_alive() for thread in clients)
        errors.extend(["unfinished at the deadline"] * unfinished)
        server_cpu = process_tree_cpu(server.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
    finally:
        server.terminate()
        server.wait(timeout=30)
    for error in list(errors)[:5]:
        print(f"  workers={workers} error: {error}")
    count = len(timings["page"]) + len(timings["filter"])
    return {
        "req/s": count / elapsed,
        "filter p50": percentile(timings["filter"], 0.50),
        "filter p95": percentile(timings["filter"], 0.95),
        "page p95": percentile(timings["page"], 0.95),
        "server CPU/req": server_cpu * 1000 / max(count, 1),
        "client CPU/req": client_cpu * 1000 / max(count, 1),
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
    parser.add_argument(
        "--baseline", type=Path, help="another checkout to serve too, alternating (before/after)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="runs of each setting, alternating")
    args = parser.parse_args()
    settings = [int(w) for w in args.workers.split(",")]
    roots = {"this": ROOT}
    if args.baseline:
        if not (args.baseline / "timeline_app" / "__main__.py").is_file():
            parser.error(f"--baseline {args.baseline}: not a checkout of this project")
        roots = {"baseline": args.baseline.resolve(), "this": ROOT}
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
        results: dict[tuple[str, int, int], dict[str, float]] = {}
        for round_ in range(1, args.rounds + 1):
            for workers in settings:
                for name, root in roots.items():  # alternating: same machine state for both
                    results[name, workers, round_] = run(args, events, workers, root)
    names = list(next(iter(results.values())))
    print(f"{'code':>9}{'workers':>8}{'round':>6}" + "".join(f"{n:>15}" for n in names) + "  (ms)")
    for (name, workers, round_), figures in results.items():
        row = "".join(f"{value:15.1f}" for value in figures.values())
        print(f"{name:>9}{workers:>8}{round_:>6}" + row)
    for round_ in range(1, args.rounds + 1):
        first = settings[0]
        for workers in settings[1:]:
            ratio = results["this", first, round_]["filter p95"]
            ratio /= results["this", workers, round_]["filter p95"]
            print(
                f"round {round_}: filter p95 with {workers} workers {ratio:.2f}x faster than "
                f"with {first}"
            )
        for workers in settings if args.baseline else ():
            before, after = results["baseline", workers, round_], results["this", workers, round_]
            print(
                f"round {round_}: {workers} workers, this checkout vs baseline: filter p95 "
                f"{before['filter p95'] / after['filter p95']:.2f}x faster, server CPU per "
                f"request {before['server CPU/req'] / after['server CPU/req']:.2f}x less"
            )
    return 0 if not any(r["errors"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
