"""Load test on loopback: N concurrent clients against the app under waitress (run by hand).

    .venv/bin/python bench/load_test.py [--clients 50] [--callbacks 20] [--events 100000]

The server runs in a subprocess (its own interpreter, like production) on 127.0.0.1 with a
synthetic table. Each client loads the page (/, /_dash-layout, /_dash-dependencies) and then
posts `--callbacks` real filter callbacks (the same JSON the browser sends to
/_dash-update-component for the chart callback). Prints requests/s, p50/p95 latency and the
error count (must be 0). Bounded: every request has a timeout and the whole run a deadline.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SERVER = """
import sys, waitress
sys.path.insert(0, {root!r})
from timeline_app.app import create_app
from timeline_app.data import build_data
from timeline_app.sample import synthetic_events
app = create_app(data=build_data(synthetic_events({n}, seed=7), path="synthetic"))
print("ready", flush=True)
waitress.serve(app.server, host="127.0.0.1", port={port}, threads={threads}, _quiet=True)
"""
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
    base: str, n_callbacks: int, seed: int, latencies: list, errors: list, deadline: float
) -> None:
    try:
        for path in ("/", "/_dash-layout", "/_dash-dependencies"):
            latencies.append(request(base + path)[0])
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
            latencies.append(took)
    except Exception as error:  # counted, reported, never hidden
        errors.append(repr(error))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--callbacks", type=int, default=20)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--max-seconds", type=int, default=600)
    args = parser.parse_args()
    port = free_port()
    code = SERVER.format(root=str(ROOT), n=args.events, port=port, threads=args.threads)
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        if server.stdout.readline().strip() != "ready":
            print("server did not start", file=sys.stderr)
            return 1
        base = f"http://{HOST}:{port}"
        for _ in range(100):  # wait for the socket
            try:
                request(base + "/_dash-layout")
                break
            except OSError:
                time.sleep(0.1)
        latencies: list[float] = []
        errors: list[str] = []
        deadline = time.time() + args.max_seconds
        threads = [
            threading.Thread(
                target=client, args=(base, args.callbacks, i, latencies, errors, deadline)
            )
            for i in range(args.clients)
        ]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max(1, deadline - time.time()))
        elapsed = time.perf_counter() - start
        lat = sorted(latencies)
        p50 = statistics.median(lat) * 1000 if lat else float("nan")
        p95 = lat[int(0.95 * (len(lat) - 1))] * 1000 if lat else float("nan")
        print(
            f"{args.clients} clients x ({3} page requests + {args.callbacks} filter callbacks)"
            f" on {args.events:,} events, waitress threads={args.threads}"
        )
        print(
            f"requests {len(lat)} in {elapsed:.1f} s = {len(lat) / elapsed:.1f} req/s; "
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms; errors {len(errors)}"
        )
        for error in errors[:5]:
            print("  error:", error)
        return 0 if not errors else 1
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
