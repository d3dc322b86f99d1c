"""The Dash app: layout and thin callbacks over the pure functions of this package.

The events file is read once, in `create_app`; callbacks only filter the in-memory table and
send the browser a figure (at most a few thousand marks, or a density heatmap) and one page
of the table. The whole view state lives in the URL query string.
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

import dash
import numpy as np
import pandas as pd
from dash import Input, Output, State, ctx, dash_table, dcc, html, no_update

from timeline_app import corrections_ui
from timeline_app.corrections_ui import DataHolder, load_holder, save_edit
from timeline_app.data import EventData
from timeline_app.export import ExportError, events_csv, figure_png, safe_filename
from timeline_app.figure import FigureOptions, build_figure
from timeline_app.filters import filter_events, neighbour, visible_range
from timeline_app.state import ViewState, clean_date, normalise, query_to_state, state_to_query
from timeline_app.views import TABLE_COLUMNS, caption, detail_panel, notices, table_page

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTS = REPO_ROOT / "events.csv"
ASSETS = Path(__file__).resolve().parent / "assets"
PAGE_SIZE = 15
log = logging.getLogger("timeline_app")


def figure_for(data: EventData, state: ViewState, events: pd.DataFrame | None = None,
               **extra: object):
    """The figure for a view state (the same function serves the page and the PNG export)."""
    events = filter_events(data, state) if events is None else events
    lanes = tuple(data.categories if state.lanes == "category" else data.actor_lanes)
    x0, x1 = visible_range(events, state)
    if state.present and state.sel and not (state.x0 and state.x1):
        x0, x1 = presentation_window(data, state.sel, x0, x1)
    revision = "|".join([state.date_from, state.date_to, state.x0, state.x1, state.lanes,
                         str(state.present)])
    options = FigureOptions(lanes=state.lanes, lane_order=lanes, x_range=(x0, x1),
                            selected=state.sel, present=state.present, uirevision=revision,
                            **extra)  # type: ignore[arg-type]
    return build_figure(events, options)


def presentation_window(data: EventData, event_id: str, lo: pd.Timestamp,
                        hi: pd.Timestamp, years: int = 10) -> tuple[pd.Timestamp, pd.Timestamp]:
    """In presentation mode, a window of about `years` centred on the current event (within
    the full range), so the class sees the event in its near context."""
    event = data.event(event_id)
    width = pd.Timedelta(days=365 * years)
    if event is None or hi - lo <= width:
        return lo, hi
    start, end = pd.Timestamp(event["start"]), pd.Timestamp(event["end"])
    mid = start + (end - start) / 2
    start = min(max(mid - width / 2, lo), hi - width)
    return start, start + width


def view_name(state: ViewState) -> str:
    parts = ["korea-timeline"]
    if state.date_from or state.date_to:
        parts.append(f"{state.date_from or 'start'}-{state.date_to or 'end'}")
    parts.extend(state.categories[:2])
    return safe_filename("_".join(parts))


def _report_problems(data: EventData) -> None:
    if data.error:
        print(f"timeline_app: {data.error}", file=sys.stderr)
    for problem in data.problems[:20]:
        print(f"timeline_app: {problem}", file=sys.stderr)
    if len(data.problems) > 20:
        print(f"timeline_app: ... and {len(data.problems) - 20} more row problems",
              file=sys.stderr)


def _sidebar(data: EventData) -> html.Div:
    def options(values: list[str]) -> list[dict]:
        return [{"label": v, "value": v} for v in values[:500]]

    return html.Div(id="sidebar", className="sidebar", children=[
        html.Label("From (2018, 2018-06, June 2018, ...)", htmlFor="f-from"),
        dcc.Input(id="f-from", type="text", debounce=True, placeholder="e.g. 2018",
                  className="text-input"),
        html.Label("To", htmlFor="f-to"),
        dcc.Input(id="f-to", type="text", debounce=True, placeholder="e.g. 2019-06",
                  className="text-input"),
        html.Label("Search summary and sentence", htmlFor="f-text"),
        dcc.Input(id="f-text", type="search", debounce=True, placeholder="e.g. hotline",
                  className="text-input"),
        html.Label("Category"),
        dcc.Dropdown(id="f-cat", options=options(data.categories), multi=True,
                     placeholder="all categories"),
        html.Label("Actors"),
        dcc.Dropdown(id="f-actor", options=options(data.actors), multi=True,
                     placeholder="all actors"),
        html.Label("Source outlet"),
        dcc.Dropdown(id="f-source", options=options(data.sources), multi=True,
                     placeholder="all sources"),
        html.Label("Precision"),
        dcc.Checklist(id="f-prec", options=options(data.precisions), value=[],
                      className="checklist", inputClassName="check"),
        html.Label("Lanes"),
        dcc.RadioItems(id="f-lanes", options=[{"label": " by category", "value": "category"},
                                              {"label": " by actor", "value": "actor"}],
                       value="category", className="checklist"),
        html.Button("Reset filters", id="btn-reset", n_clicks=0, className="btn"),
    ])


def _edit_form(editable: bool) -> html.Div:
    def field(label: str, control) -> html.Div:
        return html.Div([html.Label(label), control], className="edit-field")

    precisions = ["day", "month", "year", "season", "decade", "approx"]
    return html.Div(id="edit-box", className="edit-box", style={"display": "none"}, children=[
        html.H4("Correct this event"),
        field("Date", dcc.Input(id="edit-date", type="text", className="text-input")),
        field("End date (intervals)", dcc.Input(id="edit-date_end", type="text",
                                                className="text-input")),
        field("Precision", dcc.Dropdown(id="edit-precision", clearable=False,
                                        options=[{"label": p, "value": p} for p in precisions])),
        field("Summary", dcc.Input(id="edit-summary", type="text", className="text-input wide")),
        field("Category", dcc.Dropdown(id="edit-category", clearable=False, options=[
            {"label": c, "value": c} for c in corrections_ui.categories()])),
        html.Div([
            html.Button("Save correction", id="btn-save", n_clicks=0, className="btn btn-primary"),
            html.Button("Reject event", id="btn-reject", n_clicks=0, className="btn btn-danger"),
        ], className="edit-buttons"),
        html.Div(id="edit-msg", className="edit-msg"),
    ]) if editable else html.Div(id="edit-box", style={"display": "none"})


def _layout(data: EventData, editable: bool = False) -> html.Div:
    return html.Div(id="root", className="root", children=[
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="data-version", data=0),
        dcc.Store(id="edit-loaded", data=""),
        dcc.Download(id="download-csv"),
        dcc.Download(id="download-png"),
        html.Header(className="topbar", children=[
            html.H1("Inter-Korean relations timeline", className="title"),
            html.Div(id="count", className="count"),
            html.Div(className="actions", children=[
                html.Button("Download CSV", id="btn-csv", n_clicks=0, className="btn"),
                html.Button("Export PNG", id="btn-png", n_clicks=0, className="btn"),
                html.Button("Presentation mode", id="btn-present", n_clicks=0,
                            className="btn btn-primary"),
            ]),
        ]),
        html.Div(notices(data), id="notices"),
        html.Div(id="body", className="body", children=[
            _sidebar(data),
            html.Main(className="main", children=[
                html.Div(id="present-bar", className="present-bar", children=[
                    html.Button("◀ Prev", id="btn-prev", n_clicks=0, className="btn btn-step"),
                    html.Div(id="caption", className="caption"),
                    html.Button("Next ▶", id="btn-next", n_clicks=0, className="btn btn-step"),
                ]),
                dcc.Loading(dcc.Graph(id="graph", config={"displaylogo": False},
                                      responsive="auto", className="graph"),
                            parent_className="graph-box",
                            delay_show=400, type="dot"),
                html.Div(id="lower", className="lower", children=[
                    html.Div(className="table-wrap", children=[
                        dash_table.DataTable(
                            id="table", columns=TABLE_COLUMNS, data=[],
                            page_action="custom", page_current=0, page_size=PAGE_SIZE,
                            sort_action="custom", sort_mode="single", sort_by=[],
                            style_cell={"textAlign": "left", "whiteSpace": "normal",
                                        "height": "auto", "fontSize": 14,
                                        "fontFamily": "Arial, sans-serif", "padding": "4px"},
                            style_header={"fontWeight": "bold", "backgroundColor": "#f1f5f9"},
                            style_table={"overflowX": "auto"},
                            style_cell_conditional=[
                                {"if": {"column_id": "summary"}, "minWidth": "240px"},
                                {"if": {"column_id": "when"}, "minWidth": "100px"},
                                {"if": {"column_id": "actors"}, "minWidth": "140px"},
                                {"if": {"column_id": "category"}, "maxWidth": "110px"},
                            ],
                        ),
                    ]),
                    html.Aside(className="detail-col", children=[
                        html.Div(id="detail", className="detail"),
                        _edit_form(editable),
                    ]),
                ]),
            ]),
        ]),
    ])


def create_app(events_path: str | Path | None = None, data: EventData | None = None,
               corrections_path: str | Path | None = None, read_only: bool = False) -> dash.Dash:
    """Build the Dash app over one events file (read once, here).

    Corrections (edit form) are saved to `corrections_path` (default: corrections.csv next to
    the events file) unless `read_only`; they are still applied when reading."""
    path = Path(events_path) if events_path is not None else DEFAULT_EVENTS
    holder = load_holder(path, corrections_path, data)
    if read_only:
        holder.corrections_path = None
    data = holder.data
    _report_problems(data)
    app = dash.Dash(__name__, title="Inter-Korean relations timeline",
                    assets_folder=str(ASSETS), update_title=None,
                    serve_locally=True, eager_loading=False)
    app.layout = _layout(data, holder.editable)
    app.server.config["TIMELINE_DATA"] = holder
    _register_callbacks(app, holder)
    return app


def _zoom_from_relayout(relayout: dict | None) -> tuple[str, str] | None:
    """(x0, x1) from a plotly relayout event; ('', '') for a reset; None if not a zoom."""
    if not isinstance(relayout, dict):
        return None
    if relayout.get("xaxis.autorange"):
        return "", ""
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        lo, hi = relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]
    elif isinstance(relayout.get("xaxis.range"), list) and len(relayout["xaxis.range"]) == 2:
        lo, hi = relayout["xaxis.range"]
    else:
        return None
    return clean_date(str(lo)), clean_date(str(hi))


def next_state(data: EventData, state: ViewState, trigger: str | None,
               values: dict) -> ViewState:
    """The new view state after a user action (pure: used by the sync callback)."""
    if trigger == "btn-reset":
        return ViewState(lanes=state.lanes, present=state.present)
    if trigger in ("f-from", "f-to", "f-text", "f-cat", "f-actor", "f-source", "f-prec",
                   "f-lanes"):
        state = state.with_(
            date_from=values.get("f-from") or "", date_to=values.get("f-to") or "",
            text=values.get("f-text") or "", categories=tuple(values.get("f-cat") or ()),
            actors=tuple(values.get("f-actor") or ()),
            sources=tuple(values.get("f-source") or ()),
            precisions=tuple(values.get("f-prec") or ()),
            lanes=values.get("f-lanes") or "category",
        )
        if trigger in ("f-from", "f-to"):
            state = state.with_(x0="", x1="")
        return normalise(state)
    if trigger == "graph.relayoutData":
        zoom = _zoom_from_relayout(values.get("relayout"))
        return state if zoom is None else normalise(state.with_(x0=zoom[0], x1=zoom[1]))
    if trigger == "graph.clickData":
        point = ((values.get("click") or {}).get("points") or [{}])[0]
        if "z" in point and point.get("x"):  # density cell: zoom into its year
            year = str(point["x"])[:4]
            return normalise(state.with_(x0=f"{year}-01-01", x1=f"{year}-12-31"))
        event_id = point.get("customdata")
        return normalise(state.with_(sel=event_id)) if isinstance(event_id, str) else state
    if trigger == "table.active_cell":
        cell = values.get("cell") or {}
        event_id = cell.get("row_id")
        return normalise(state.with_(sel=event_id)) if isinstance(event_id, str) else state
    if trigger == "btn-present":
        present = not state.present
        sel = state.sel
        if present and not sel:
            sel = neighbour(filter_events(data, state), "", 1)
        return normalise(state.with_(present=present, sel=sel))
    if trigger in ("btn-prev", "btn-next"):
        events = filter_events(data, state)
        sel = neighbour(events, state.sel, 1 if trigger == "btn-next" else -1)
        state = state.with_(sel=sel)
        if sel and state.x0 and state.x1:
            event = data.event(sel)
            lo, hi = pd.Timestamp(state.x0), pd.Timestamp(state.x1)
            if event is not None and not (lo <= event["start"] <= hi):
                half = (hi - lo) / 2
                mid = event["start"]
                state = state.with_(x0=str((mid - half).date()), x1=str((mid + half).date()))
        return normalise(state)
    return state


def render_view(data: EventData, state: ViewState) -> tuple:
    """Everything the page shows for a state except the table: (figure, graph config, count,
    detail panel, caption, root class, presentation button label)."""
    events = filter_events(data, state)
    fig = figure_for(data, state, events)
    config = {
        "displaylogo": False,
        "displayModeBar": not state.present,
        "scrollZoom": False,
        "toImageButtonOptions": {"format": "png", "scale": 3, "filename": view_name(state)},
    }
    n = len(events)
    total = len(data.events)
    count = [html.Span(f"{n:,}", id="count-number"),
             f" of {total:,} events shown" if n != total else " events shown"]
    position = (0, n)
    if state.present and state.sel:
        where = np.flatnonzero(events["event_id"].to_numpy() == state.sel)
        position = (int(where[0]) + 1 if len(where) else 0, n)
    return (
        fig, config, count, detail_panel(data, state.sel),
        caption(data, state.sel, position) if state.present else [],
        "root present" if state.present else "root",
        "Exit presentation" if state.present else "Presentation mode",
    )


def _register_callbacks(app: dash.Dash, holder: DataHolder) -> None:
    controls = ["f-from", "f-to", "f-text", "f-cat", "f-actor", "f-source", "f-prec",
                "f-lanes"]

    @app.callback(
        Output("url", "search"),
        *[Output(c, "value") for c in controls],
        Output("graph", "clickData"),
        Output("table", "active_cell"),
        Input("url", "search"),
        *[Input(c, "value") for c in controls],
        Input("graph", "clickData"),
        Input("graph", "relayoutData"),
        Input("table", "active_cell"),
        Input("btn-present", "n_clicks"),
        Input("btn-prev", "n_clicks"),
        Input("btn-next", "n_clicks"),
        Input("btn-reset", "n_clicks"),
    )
    def sync(search, *args):
        values = dict(zip(controls, args[:len(controls)], strict=True))
        click, relayout, cell = args[len(controls):len(controls) + 3]
        values.update(click=click, relayout=relayout, cell=cell)
        trigger = ctx.triggered_id
        prop = ctx.triggered[0]["prop_id"] if ctx.triggered else ""
        if trigger == "graph":
            trigger = "graph." + prop.split(".", 1)[1]
        elif trigger == "table":
            trigger = "table.active_cell"
        state = query_to_state(search)
        data = holder.data
        if trigger in (None, "url"):  # page load or back/forward: URL -> controls
            return (no_update, state.date_from, state.date_to, state.text,
                    list(state.categories), list(state.actors), list(state.sources),
                    list(state.precisions), state.lanes, no_update, no_update)
        new = next_state(data, state, trigger, values)
        query = state_to_query(new)
        reset = trigger == "btn-reset"
        controls_out = (
            ("", "", "", [], [], [], [], new.lanes) if reset else (no_update,) * len(controls)
        )
        return (
            query if query != (search or "") else no_update,
            *controls_out,
            None if trigger == "graph.clickData" else no_update,
            no_update,
        )

    @app.callback(
        Output("graph", "figure"),
        Output("graph", "config"),
        Output("count", "children"),
        Output("detail", "children"),
        Output("caption", "children"),
        Output("root", "className"),
        Output("btn-present", "children"),
        Input("url", "search"),
        Input("data-version", "data"),
    )
    def render(search, version):
        return cached_render(query_to_state(search), holder.version)

    @functools.lru_cache(maxsize=64)
    def cached_render(state: ViewState, version: int) -> tuple:
        """Same view, same data version: same page (shared links opened by a whole class)."""
        return render_view(holder.data, state)

    @app.callback(
        Output("table", "data"),
        Output("table", "page_count"),
        Output("table", "page_current"),
        Input("url", "search"),
        Input("table", "page_current"),
        Input("table", "sort_by"),
        Input("data-version", "data"),
    )
    def table(search, page, sort_by, version):
        state = query_to_state(search)
        if ctx.triggered_id == "url":
            page = 0
        events = filter_events(holder.data, state)
        records, pages = table_page(events, page or 0, PAGE_SIZE, sort_by)
        return records, pages, min(page or 0, pages - 1)

    @app.callback(
        Output("f-from", "className"),
        Output("f-to", "className"),
        Input("f-from", "value"),
        Input("f-to", "value"),
    )
    def mark_bad_dates(date_from, date_to):
        def css(value: object) -> str:
            bad = isinstance(value, str) and value.strip() and not clean_date(value)
            return "text-input invalid" if bad else "text-input"

        return css(date_from), css(date_to)

    @app.callback(
        Output("download-csv", "data"),
        Input("btn-csv", "n_clicks"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    def download_csv(n_clicks, search):
        state = query_to_state(search)
        data = holder.data
        ids = filter_events(data, state)["event_id"]
        rows = data.rows[data.rows["event_id"].isin(ids)]
        return dcc.send_string(events_csv(rows), view_name(state) + ".csv")

    @app.callback(
        Output("download-png", "data"),
        Input("btn-png", "n_clicks"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    def download_png(n_clicks, search):
        state = query_to_state(search)
        fig = figure_for(holder.data, state)
        try:
            png = figure_png(fig, width=1600, scale=2)
        except ExportError as error:
            log.error("%s", error)
            return no_update
        return dcc.send_bytes(png, view_name(state) + ".png")

    if not holder.editable:
        return
    edit_ids = [f"edit-{name}" for name in corrections_ui.EDIT_FIELDS]

    @app.callback(
        Output("edit-box", "style"),
        *[Output(i, "value") for i in edit_ids],
        Output("edit-loaded", "data"),
        Input("url", "search"),
        Input("data-version", "data"),
        State("edit-loaded", "data"),
    )
    def fill_form(search, version, loaded):
        state = query_to_state(search)
        event = holder.data.event(state.sel) if state.sel else None
        if event is None or state.present:
            return ({"display": "none"}, *([no_update] * len(edit_ids)), "")
        if ctx.triggered_id == "url" and loaded == state.sel:
            return ({"display": "block"}, *([no_update] * len(edit_ids)), no_update)
        return ({"display": "block"},
                *[str(event[name]) for name in corrections_ui.EDIT_FIELDS], state.sel)

    @app.callback(
        Output("edit-msg", "children"),
        Output("data-version", "data"),
        Input("btn-save", "n_clicks"),
        Input("btn-reject", "n_clicks"),
        State("url", "search"),
        *[State(i, "value") for i in edit_ids],
        prevent_initial_call=True,
    )
    def save(n_save, n_reject, search, *values):
        state = query_to_state(search)
        if not state.sel:
            return "Select an event first.", no_update
        fields = dict(zip(corrections_ui.EDIT_FIELDS, values, strict=True))
        message = save_edit(holder, state.sel, fields, reject=ctx.triggered_id == "btn-reject")
        return message, holder.version
