"""Fixtures of the browser tests: Debian's Chromium through Playwright (one browser for the
whole run), apps served under waitress on free loopback ports, pages, events tables."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from extract.table.schema import COLUMNS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# A loaded 2-core machine shared with other runs: tests wait for conditions, never for fixed
# times, and give every wait a generous limit (it is only reached when a test fails).
WAIT_MS = 60_000
NAVIGATION_MS = 120_000


def _write_events(path: Path, rows: list[dict]) -> Path:
    base = {c: "" for c in COLUMNS}
    pd.DataFrame([{**base, **r} for r in rows], columns=COLUMNS).to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def write_events():
    """write_events(path, rows) -> path: an events table with the schema's columns."""
    return _write_events


@pytest.fixture(scope="session")
def serve():
    """serve(app) -> base URL: the app under waitress on a free loopback port, stopped when the
    test run ends."""
    import waitress

    servers = []

    def start(app) -> str:
        server = waitress.create_server(app.server, host="127.0.0.1", port=0, threads=4)
        threading.Thread(target=server.run, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.effective_port}"

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    playwright_api = pytest.importorskip("playwright.sync_api")
    playwright_api.expect.set_options(timeout=WAIT_MS)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def new_page(browser):
    """new_page(width, height) -> a page in its own context (downloads allowed) that records
    JavaScript errors in `page.errors`; closed after the test."""
    contexts = []

    def make(width: int = 1366, height: int = 900):
        context = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True
        )
        context.set_default_timeout(WAIT_MS)
        context.set_default_navigation_timeout(NAVIGATION_MS)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.errors = errors
        return page

    yield make
    for context in contexts:
        context.close()
