"""The app factory: `create_app(events_path=...)` reads the events file once and returns a Dash
app whose callbacks filter the in-memory table (the whole view state lives in the URL).

A fast first paint: responses are gzip-compressed (Flask-Compress through Dash's `compress`),
and the page loads plotly.js's "cartesian" bundle from assets/vendor (scatter, bar and heatmap
are all the chart uses; 1.5 MB instead of the full 4.8 MB). dcc.Graph uses a `window.Plotly`
that is already there instead of loading the full bundle. Its version must be the one
plotly.py writes figures for (a test checks it). And the page comes with the default view's
chart in it, so it is drawn as soon as the page is, before the first callback returns (a page
opened with a query keeps the chart hidden until its own view is drawn)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import dash
import flask
from dash import html

from timeline_app.callbacks import Views, graph_size, register_callbacks
from timeline_app.corrections_ui import load_holder
from timeline_app.data import DEFAULT_EVENTS, EventData
from timeline_app.layout import build_layout
from timeline_app.state import DEFAULT_STATE
from timeline_app.wsgi import MAX_BODY, Guard

ASSETS = Path(__file__).resolve().parent / "assets"
MAX_PROBLEMS_PRINTED = 20
SIZE_COOKIE = "timeline-graph"  # set by assets/timeline.js
DEFAULT_GRAPH_SIZE = (1122, 456)  # the graph at 1366x768 (assets/style.css)


def create_app(
    events_path: str | Path | None = None,
    data: EventData | None = None,
    corrections_path: str | Path | None = None,
    read_only: bool = False,
    allowed_hosts: Iterable[str] | None = None,
    max_body: int = MAX_BODY,
) -> dash.Dash:
    """Build the Dash app over one events file (read once, here).

    Corrections (edit form) are saved to `corrections_path` (default: corrections.csv next to
    the events file) unless `read_only`; they are still applied when reading. Requests are
    guarded (timeline_app/wsgi.py): bodies over `max_body` bytes get 413, a Host header not in
    `allowed_hosts` (default: the loopback names) gets 403."""
    path = Path(events_path) if events_path is not None else DEFAULT_EVENTS
    holder = load_holder(path, corrections_path, data)
    if read_only:
        holder.corrections_path = None
    _report_problems(holder.data)
    app = dash.Dash(
        __name__,
        title="Inter-Korean relations timeline",
        assets_folder=str(ASSETS),
        update_title=None,
        serve_locally=True,
        eager_loading=False,
        compress=True,
    )
    views = Views(holder)

    def layout() -> html.Div:
        """The page, the default view's chart already in it, so the first chart is drawn
        before any callback returns, at the size this browser's graph had last time (a cookie
        the browser sets when it measures the graph; the first render corrects the size)."""
        cookie = flask.request.cookies.get(SIZE_COOKIE) if flask.has_request_context() else None
        figure = views.page(DEFAULT_STATE, graph_size(cookie) or DEFAULT_GRAPH_SIZE)[0]
        return build_layout(holder.data, holder.editable, figure)

    app.layout = layout
    app.server.config["TIMELINE_DATA"] = holder
    # several server processes share one corrections file: each sees the others' saves
    app.server.before_request(holder.refresh)
    register_callbacks(app, holder, views)
    app.server.config["MAX_CONTENT_LENGTH"] = max_body  # also for bodies without a length
    app.server.wsgi_app = Guard(app.server.wsgi_app, allowed_hosts, max_body)
    return app


def _report_problems(data: EventData) -> None:
    if data.error:
        print(f"timeline_app: {data.error}", file=sys.stderr)
    for problem in data.problems[:MAX_PROBLEMS_PRINTED]:
        print(f"timeline_app: {problem}", file=sys.stderr)
    if len(data.problems) > MAX_PROBLEMS_PRINTED:
        more = len(data.problems) - MAX_PROBLEMS_PRINTED
        print(f"timeline_app: ... and {more} more row problems", file=sys.stderr)
