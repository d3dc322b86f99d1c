"""How fast the app is (run by hand; prints figures, asserts nothing).

    .venv/bin/python bench/app_speed.py [--sizes 100000 1000000] [--runs 3] [--no-browser]
        [--against DIR]   (e.g. a snapshot of main: git archive main | tar -x -C DIR)

1. The default data (events.csv) in headless Chromium at 1366x768, side by side in one run:
   the app as served (compressed responses, plotly.js's cartesian bundle), the same app with
   the full plotly.js bundle and no compression (Playwright swaps the file and asks for
   identity encoding), and with --against another checkout's app (e.g. main, to compare
   before and after a change; served from there with `python -m timeline_app`). For each:
   first contentful paint, first chart drawn (marks on screen) after navigation, bytes
   transferred, a filter round trip (type a search, until the count and the chart have
   changed) and an export (slide PNG rendered in the browser, click to download; skipped
   where the app has no export menu). Medians of --runs page loads, taken in turns.
2. Large synthetic tables (--sizes): preparing the table at load, one full filter callback
   (filter + figure + count + detail, the function the Dash callback calls) for the whole range
   (density view) and zoomed (marks and labels), a table page, and the bytes of the payload.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotly
import plotly.io as pio

from timeline_app.app import ASSETS, DEFAULT_GRAPH_SIZE, create_app
from timeline_app.data import DEFAULT_EVENTS, build_data
from timeline_app.filters import filter_events
from timeline_app.layout import PAGE_SIZE
from timeline_app.sample import synthetic_events
from timeline_app.state import ViewState
from timeline_app.views import page_view, table_page

CHART = "document.querySelector('#graph .js-plotly-plot')"
FULL_PLOTLY = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
SCREEN = (1366, 768)


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def payload_bytes(fig, records) -> int:
    return len(pio.to_json(fig, validate=False)) + len(json.dumps(records))


DRAWN = (
    "() => { const gd = document.querySelector('#graph .js-plotly-plot');"
    " if (gd && gd.querySelector('.scatterlayer path.point, .barlayer path'))"
    " { window.__drawn = window.__drawn || performance.now(); return true; } return false; }"
)


def load_once(browser, url: str, full_bundle: bool) -> dict:
    """One page load and a filter and an export on it; times in ms, bytes."""
    context = browser.new_context(
        viewport={"width": SCREEN[0], "height": SCREEN[1]},
        accept_downloads=True,
        extra_http_headers={"Accept-Encoding": "identity"} if full_bundle else {},
    )
    page = context.new_page()
    if full_bundle:
        body = FULL_PLOTLY.read_bytes()
        page.route(
            "**/assets/vendor/plotly-cartesian-*",
            lambda route: route.fulfill(body=body, content_type="text/javascript"),
        )
    page.goto(url)
    page.wait_for_function(DRAWN, polling="raf", timeout=60_000)
    page.wait_for_load_state("networkidle")
    out = page.evaluate(
        """() => ({
        chart: window.__drawn,
        fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
        bytes: performance.getEntriesByType('resource').reduce((s, e) => s + e.transferSize, 0)
            + performance.getEntriesByType('navigation')[0].transferSize,
    })"""
    )
    before = page.inner_text("#count-number")
    page.evaluate(
        "() => { window.__layout = document.querySelector('#graph .js-plotly-plot')._fullLayout; }"
    )
    page.fill("#f-text", "missile")
    start = page.evaluate("() => performance.now()")
    page.press("#f-text", "Enter")
    page.wait_for_function(  # the count and a newly drawn chart
        "old => { const n = document.getElementById('count-number');"
        " const gd = document.querySelector('#graph .js-plotly-plot');"
        " return n && n.innerText !== old && gd._fullLayout !== window.__layout; }",
        arg=before,
        polling="raf",
    )
    out["filter"] = page.evaluate("() => performance.now()") - start
    out["export"] = float("nan")
    if page.locator("#export-menu").count():
        page.click("#export-menu summary")
        start = time.perf_counter()
        with page.expect_download(timeout=60_000):
            page.click("#btn-png")
        out["export"] = (time.perf_counter() - start) * 1000
    context.close()
    return out


def serve_checkout(path: Path) -> tuple[str, subprocess.Popen]:
    """Another checkout's app on a free loopback port (its own code, our default data)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "timeline_app",
            "--events",
            str(DEFAULT_EVENTS),
            "--port",
            str(port),
            "--read-only",
        ],
        cwd=path,
        env={**os.environ, "PYTHONPATH": str(path), "PYTHONDONTWRITEBYTECODE": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return url, process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"the app in {path} did not start")


def browser_figures(runs: int, against: Path | None) -> None:
    import waitress
    from playwright.sync_api import sync_playwright

    server = waitress.create_server(
        create_app(DEFAULT_EVENTS, read_only=True).server, host="127.0.0.1", port=0, threads=4
    )
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/"
    bundle = next((ASSETS / "vendor").glob("plotly-cartesian-*.min.js")).name
    variants = {"as served": (url, False), "full plotly.js, uncompressed": (url, True)}
    other = None
    if against is not None:
        other_url, other = serve_checkout(against)
        variants[f"{against.name or against} (as served)"] = (other_url, False)
    results: dict[str, list[dict]] = {name: [] for name in variants}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for target, full in variants.values():  # warm each server's caches once
                load_once(browser, target, full)
            for _ in range(runs):  # in turns, so all see the same machine load
                for name, (target, full) in variants.items():
                    results[name].append(load_once(browser, target, full))
            browser.close()
    finally:
        server.close()
        if other is not None:
            other.terminate()
    print(f"\n=== default data ({DEFAULT_EVENTS.name}), headless Chromium {SCREEN[0]}x{SCREEN[1]},")
    print(f"    median of {runs} loads; 'as served' = compressed + {bundle} ===")
    medians = {}
    for name, rows in results.items():
        medians[name] = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        m = medians[name]
        print(
            f"{name:30s} first paint {m['fcp']:6.0f} ms  chart drawn {m['chart']:6.0f} ms  "
            f"transferred {m['bytes'] / 1e6:5.2f} MB  filter round trip {m['filter']:5.0f} ms  "
            f"export (slide PNG) {m['export']:5.0f} ms"
        )
    ours = medians["as served"]
    for name, m in medians.items():
        if name != "as served":
            ratios = {k: ours[k] / m[k] for k in ("chart", "bytes", "filter")}
            print(
                f"{'ratio as served / ' + name:30s} chart drawn {ratios['chart']:.2f}  "
                f"bytes {ratios['bytes']:.2f}  filter {ratios['filter']:.2f}"
            )


def synthetic_figures(sizes: list[int]) -> None:
    for n in sizes:
        print(f"\n=== {n:,} rows (synthetic) ===")
        t0 = time.perf_counter()
        rows = synthetic_events(n, seed=42)
        t1 = time.perf_counter()
        data = build_data(rows, path=f"synthetic-{n}")
        t2 = time.perf_counter()
        print(
            f"generate {1000 * (t1 - t0):.0f} ms; prepare at load {1000 * (t2 - t1):.0f} ms; "
            f"{len(data.events):,} events (one per event_id)"
        )
        states = {
            "all (density)": ViewState(),
            "category + 1990-2020": ViewState(
                categories=("summit/talks",), date_from="1990", date_to="2020"
            ),
            "search 'hotline'": ViewState(text="hotline"),
            "zoom 2 weeks (marks, labels)": ViewState(x0="2018-06-01", x1="2018-06-14"),
            "actor lanes, 2 actors": ViewState(lanes="actor", actors=("China", "Japan")),
            "presentation (key events)": ViewState(present=True),
        }
        for name, state in states.items():
            ms_filter, events = timed(lambda s=state, d=data: filter_events(d, s))
            ms_cb, out = timed(
                lambda s=state, d=data: page_view(d, s, DEFAULT_GRAPH_SIZE), repeat=3
            )
            ms_table, (records, _) = timed(
                lambda s=state, ev=events: table_page(ev, 0, PAGE_SIZE, None), repeat=3
            )
            fig = out[0]
            kind = "density" if any(t["type"] == "heatmap" for t in fig["data"]) else "marks"
            size = payload_bytes(fig, records)
            print(
                f"{name:30s} shown {len(events):>9,}  filter {ms_filter:7.1f} ms  "
                f"callback (filter+figure) {ms_cb:7.1f} ms  table page {ms_table:6.1f} ms  "
                f"payload {size / 1024:7.1f} KiB  [{kind}]"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--against", type=Path, default=None, help="another checkout to compare")
    args = parser.parse_args()
    if not args.no_browser:
        browser_figures(args.runs, args.against.resolve() if args.against else None)
    synthetic_figures(args.sizes)


if __name__ == "__main__":
    main()
