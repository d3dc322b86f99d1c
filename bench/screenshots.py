"""Screenshots of the app and its exports, to look at what we build (run by hand).

    .venv/bin/python bench/screenshots.py [--events events.csv] [--out /tmp/korea-screens]

Serves the app under waitress and drives headless Chromium (Debian's /usr/bin/chromium):
the default view at 1366x768 (with an event selected) and 1920x1080, a filtered view, the
presentation at 1920x1080 (first step and a later one), and the in-app exports (slide PNG,
report PNG, SVG) as downloaded. Prints the files written; open them and judge them.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.app import create_app
from timeline_app.data import DEFAULT_EVENTS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHART_DRAWN = (
    "() => document.querySelector('#graph .main-svg .cartesianlayer') !== null"
    " && document.getElementById('root').classList.contains('rendered')"
)


def settle(page) -> None:
    """Wait until the view's chart is drawn (the first render marks the root) and Dash has no
    callback in flight."""
    page.wait_for_function(CHART_DRAWN, timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=60_000
    )
    page.wait_for_load_state("networkidle")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", default=str(DEFAULT_EVENTS))
    parser.add_argument("--out", default="/tmp/korea-screens")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    import waitress
    from playwright.sync_api import sync_playwright

    server = waitress.create_server(
        create_app(args.events, read_only=True).server, host="127.0.0.1", port=0, threads=4
    )
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}/"
    shots = [
        ("default-1366x768", (1366, 768), ""),
        ("default-1920x1080", (1920, 1080), ""),
        ("filtered-1366x768", (1366, 768), "?cat=summit%2Ftalks&cat=communication+channel"),
        ("zoom-2018-1920x1080", (1920, 1080), "?x0=2017-10-01&x1=2018-08-01"),
        ("present-1920x1080", (1920, 1080), "?present=1"),
        ("present-all-1366x768", (1366, 768), "?present=1&story=all"),
    ]
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, (width, height), query in shots:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + query)
                settle(page)
                if name == "default-1366x768":
                    page.locator("#table td").nth(1).click()
                    page.wait_for_selector("#detail mark.evidence, #detail .detail-date")
                    settle(page)
                path = out / f"{name}.png"
                page.screenshot(path=str(path))
                written.append(path)
                if name == "present-1920x1080":
                    for step in (2, 3, 4):
                        page.keyboard.press("ArrowRight")
                        page.wait_for_function(
                            "n => document.getElementById('cap-step').innerText"
                            ".startsWith(n + ' /')",
                            arg=step,
                        )
                    settle(page)
                    path = out / "present-step4-1920x1080.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                page.close()
            page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
            page.goto(base + "?from=2018&to=2018")
            settle(page)
            page.click("#export-menu summary")
            for preset, button in (("slide", "#btn-png"), ("report", "#btn-png"), ("", "#btn-svg")):
                if preset:
                    page.check(f"#export-preset input[value={preset}]")
                with page.expect_download(timeout=60_000) as info:
                    page.click(button)
                path = out / f"export-{preset or 'svg'}-{info.value.suggested_filename}"
                info.value.save_as(path)
                written.append(path)
            browser.close()
    finally:
        server.close()
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
