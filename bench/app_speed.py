"""How fast the app is on large synthetic tables (run by hand; prints figures, asserts nothing).

    .venv/bin/python bench/app_speed.py [--sizes 100000 1000000] [--no-browser]

For each size: preparing the table at load, the figure for the whole range (density view) and
for a zoomed range (detail marks), one full filter callback (filter + figure + count + detail,
the same function the Dash callback calls) and one table page, and the bytes sent to the
browser. For 100,000 events also the first page load to first paint in headless Chromium.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotly.io as pio

from timeline_app.app import create_app
from timeline_app.data import build_data
from timeline_app.filters import filter_events
from timeline_app.layout import PAGE_SIZE
from timeline_app.sample import synthetic_events
from timeline_app.state import ViewState
from timeline_app.views import page_view, table_page


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def payload_bytes(fig, records) -> int:
    return len(pio.to_json(fig, validate=False)) + len(json.dumps(records))


def first_paint(data, runs: int = 3) -> list[tuple[float, float]]:
    import waitress
    from playwright.sync_api import sync_playwright

    server = waitress.create_server(
        create_app(data=data).server, host="127.0.0.1", port=0, threads=4
    )
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/"
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.goto(url)
                page.wait_for_selector("#graph .main-svg .cartesianlayer", timeout=60000)
                page.wait_for_selector("#count-number", timeout=60000)
                chart = page.evaluate("() => performance.now()")
                fcp = page.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0]"
                    " || {startTime: NaN}).startTime"
                )
                out.append((fcp, chart))
                page.close()
            browser.close()
    finally:
        server.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    for n in args.sizes:
        print(f"\n=== {n:,} rows ===")
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
            "zoom 2018 (detail marks)": ViewState(x0="2018-01-01", x1="2018-12-31"),
            "actor lanes, 2 actors": ViewState(lanes="actor", actors=("China", "Japan")),
        }
        for name, state in states.items():
            ms_filter, events = timed(lambda s=state, d=data: filter_events(d, s))
            ms_cb, out = timed(lambda s=state, d=data: page_view(d, s), repeat=3)
            ms_table, (records, _) = timed(
                lambda s=state, ev=events: table_page(ev, 0, PAGE_SIZE, None), repeat=3
            )
            fig = out[0]
            kind = "density" if any(t.type == "heatmap" for t in fig.data) else "marks"
            size = payload_bytes(fig, records)
            print(
                f"{name:28s} shown {len(events):>9,}  filter {ms_filter:7.1f} ms  "
                f"callback (filter+figure) {ms_cb:7.1f} ms  table page {ms_table:6.1f} ms  "
                f"payload {size / 1024:7.1f} KiB  [{kind}]"
            )
        if n <= 100_000 and not args.no_browser:
            for fcp, chart in first_paint(data):
                print(
                    f"first contentful paint {fcp:.0f} ms; chart drawn {chart:.0f} ms "
                    "after navigation start (headless Chromium, 1366x768)"
                )


if __name__ == "__main__":
    main()
