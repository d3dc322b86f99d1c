"""The app's callbacks, kept thin: parse the inputs, call the pure functions of viewmodel.py,
views.py and corrections_ui.py, return their outputs. Two run in the browser
(assets/timeline.js): measuring the graph (the figure is laid out for its size in pixels) and
rendering an export with Plotly.toImage."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable

import dash
from dash import ClientsideFunction, Input, Output, State, ctx, dcc, no_update

from timeline_app import ids, inputs
from timeline_app.corrections_ui import EDIT_FIELDS, DataHolder, dating_hint, save_edit, undo_reject
from timeline_app.describe import default_title
from timeline_app.export import ExportError, events_csv
from timeline_app.filters import filter_events
from timeline_app.layout import PAGE_SIZE
from timeline_app.state import ViewState, clean_date, query_to_state, state_to_query
from timeline_app.viewmodel import (
    View,
    image_job,
    next_state,
    timelinejs_document,
    view_name,
    view_of,
)
from timeline_app.views import page_view, table_page

log = logging.getLogger("timeline_app")
# Inputs of the URL callback besides the filters, in order: graph and table events, buttons.
ACTIONS = (
    (ids.GRAPH, "clickData"),
    (ids.GRAPH, "relayoutData"),
    (ids.TABLE, "active_cell"),
    (ids.BTN_PRESENT, "n_clicks"),
    (ids.BTN_PREV, "n_clicks"),
    (ids.BTN_NEXT, "n_clicks"),
    (ids.BTN_STORY, "n_clicks"),
    (ids.BTN_RESET, "n_clicks"),
    *((button, "n_clicks") for button in ids.ZOOM_BUTTONS),
)


class Views:
    """What a view shows (viewmodel.view_of) and the page of a view (views.page_view), cached:
    the same view and data version give the same answer to every callback of one URL change
    (chart, table, export title) and to a whole class opening a shared link."""

    def __init__(self, holder: DataHolder) -> None:
        self.holder = holder
        self._view = functools.lru_cache(maxsize=4)(  # few: a view holds table slices
            lambda state, version: view_of(holder.data, state)
        )
        self._page = functools.lru_cache(maxsize=64)(
            lambda state, version, size: page_view(
                holder.data, state, size, self._view(state, version)
            )
        )

    def view(self, state: ViewState) -> View:
        return self._view(state, self.holder.version)

    def page(self, state: ViewState, size: tuple[int, int] | None) -> tuple:
        return self._page(state, self.holder.version, size)


def register_callbacks(app: dash.Dash, holder: DataHolder, views: Views) -> None:
    _measure(app)
    _sync_url(app, holder)
    _render(app, holder, views)
    _mark_bad_dates(app)
    _download(app, holder, ids.BTN_CSV, ids.DOWNLOAD_CSV, _csv_file)
    _download(app, holder, ids.BTN_TIMELINEJS, ids.DOWNLOAD_TIMELINEJS, _timelinejs_file)
    _export_images(app, holder)
    if holder.editable:
        _edit_form(app, holder)


def _measure(app: dash.Dash) -> None:
    """The graph's size in pixels, measured in the browser before each render (and on resize)."""
    app.clientside_callback(
        ClientsideFunction("timeline", "measure"),
        Output(ids.GRAPH_SIZE, "data"),
        Input(ids.URL, "search"),
        State(ids.GRAPH_SIZE, "data"),
    )


def _sync_url(app: dash.Dash, holder: DataHolder) -> None:
    """User actions -> the view state in the URL; page load or back/forward -> the controls."""

    @app.callback(
        Output(ids.URL, "search"),
        *[Output(c, "value") for c in ids.FILTERS],
        Output(ids.GRAPH, "clickData"),
        Output(ids.TABLE, "active_cell"),
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in ids.FILTERS],
        *[Input(component, prop) for component, prop in ACTIONS],
    )
    def sync(search, *args):
        values = inputs.filters(ids.FILTERS, args[: len(ids.FILTERS)], LIST_FILTERS)
        click, relayout, cell = args[len(ids.FILTERS) : len(ids.FILTERS) + 3]
        values.update(
            click=inputs.click(click), relayout=inputs.mapping(relayout), cell=inputs.mapping(cell)
        )
        trigger = ctx.triggered_id
        if trigger in (ids.GRAPH, ids.TABLE):
            trigger = ctx.triggered[0]["prop_id"]
        state = query_to_state(search)
        if trigger in (None, ids.URL):  # page load or back/forward: URL -> controls
            return (no_update, *_control_values(state), no_update, no_update)
        new = next_state(holder.data, state, trigger, values)
        query = state_to_query(new)
        reset = trigger == ids.BTN_RESET
        controls = _control_values(new) if reset else (no_update,) * len(ids.FILTERS)
        return (
            query if query != (search or "") else no_update,
            *controls,
            None if trigger == ids.CLICK else no_update,
            no_update,
        )


LIST_FILTERS = {ids.CATEGORY, ids.ACTOR, ids.SOURCE, ids.PRECISION, ids.SHOW}


def _control_values(state: ViewState) -> tuple:
    """The filter controls' values for a state, in the order of ids.FILTERS."""
    return (
        state.date_from,
        state.date_to,
        state.text,
        list(state.categories),
        list(state.actors),
        list(state.sources),
        list(state.precisions),
        state.lanes,
        [name for name, on in (("labels", state.labels), ("eras", state.eras)) if on],
    )


def graph_size(value: object) -> tuple[int, int] | None:
    """The measured graph size ({"w": ..., "h": ...} or "WxH"), if it is a sane one."""
    if isinstance(value, str) and value.count("x") == 1:
        value = dict(zip("wh", value.split("x"), strict=True))
    if not isinstance(value, dict):
        return None
    try:
        width, height = int(value["w"]), int(value["h"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (200 <= width <= 8000 and 150 <= height <= 8000):
        return None
    return width, height


def _render(app: dash.Dash, holder: DataHolder, views: Views) -> None:
    @app.callback(
        Output(ids.GRAPH, "figure"),
        Output(ids.GRAPH, "config"),
        Output(ids.COUNT, "children"),
        Output(ids.DETAIL, "children"),
        Output(ids.CAPTION, "children"),
        Output(ids.ROOT, "className"),
        Output(ids.BTN_PRESENT, "children"),
        Output(ids.BTN_STORY, "children"),
        Input(ids.URL, "search"),
        Input(ids.DATA_VERSION, "data"),
        Input(ids.GRAPH_SIZE, "data"),
    )
    def render(search, version, size):
        return views.page(query_to_state(search), graph_size(size))

    @app.callback(
        Output(ids.TABLE, "data"),
        Output(ids.TABLE, "page_count"),
        Output(ids.TABLE, "page_current"),
        Input(ids.URL, "search"),
        Input(ids.TABLE, "page_current"),
        Input(ids.TABLE, "sort_by"),
        Input(ids.DATA_VERSION, "data"),
    )
    def table(search, page, sort_by, version):
        page = 0 if ctx.triggered_id == ids.URL else inputs.count(page)
        events = views.view(query_to_state(search)).in_view
        records, pages = table_page(events, page, PAGE_SIZE, inputs.sort_by(sort_by))
        return records, pages, min(page, pages - 1)

    @app.callback(
        Output(ids.EXPORT_TITLE, "value"),
        Output(ids.EXPORT_DEFAULT, "data"),
        Input(ids.URL, "search"),
        Input(ids.DATA_VERSION, "data"),
        State(ids.EXPORT_TITLE, "value"),
        State(ids.EXPORT_DEFAULT, "data"),
    )
    def export_title(search, version, title, previous):
        """The export title follows the view unless the user has written their own."""
        state = query_to_state(search)
        view = views.view(state)
        default = default_title(state, view.in_view, view.window)
        title, previous = inputs.text(title), inputs.text(previous)
        if default == previous:
            return no_update, no_update
        edited = bool(title) and title != previous
        return (no_update if edited else default), default


def _mark_bad_dates(app: dash.Dash) -> None:
    @app.callback(
        Output(ids.FROM, "className"),
        Output(ids.TO, "className"),
        Input(ids.FROM, "value"),
        Input(ids.TO, "value"),
    )
    def mark_bad_dates(date_from, date_to):
        def css(value: object) -> str:
            bad = isinstance(value, str) and value.strip() and not clean_date(value)
            return "text-input invalid" if bad else "text-input"

        return css(date_from), css(date_to)


def _csv_file(holder: DataHolder, state: ViewState) -> dict:
    data = holder.data
    ids_shown = filter_events(data, state)["event_id"]
    rows = data.rows[data.rows["event_id"].isin(ids_shown)]
    return dcc.send_string(events_csv(rows), view_name(state) + ".csv")


def _timelinejs_file(holder: DataHolder, state: ViewState) -> dict:
    document = timelinejs_document(holder.data, state)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return dcc.send_string(text, view_name(state) + "_timelinejs.json")


def _download(
    app: dash.Dash,
    holder: DataHolder,
    button: str,
    target: str,
    make: Callable[[DataHolder, ViewState], dict],
) -> None:
    """A button that downloads a file of the current view."""

    @app.callback(
        Output(target, "data"),
        Input(button, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def download(n_clicks, search):
        try:
            return make(holder, query_to_state(search))
        except ExportError as error:
            log.error("%s", error)
            return no_update


def _export_images(app: dash.Dash, holder: DataHolder) -> None:
    """PNG and SVG: the server lays the figure out for the preset, the browser renders it
    (Plotly.toImage in assets/timeline.js) and downloads it; the status line shows progress
    and errors."""
    app.clientside_callback(
        ClientsideFunction("timeline", "export_started"),
        Output(ids.EXPORT_STATUS, "children", allow_duplicate=True),
        Input(ids.BTN_PNG, "n_clicks"),
        Input(ids.BTN_SVG, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.EXPORT_JOB, "data"),
        Input(ids.BTN_PNG, "n_clicks"),
        Input(ids.BTN_SVG, "n_clicks"),
        State(ids.URL, "search"),
        State(ids.EXPORT_TITLE, "value"),
        State(ids.EXPORT_PRESET, "value"),
        prevent_initial_call=True,
    )
    def export_job(n_png, n_svg, search, title, preset):
        fmt = "svg" if ctx.triggered_id == ids.BTN_SVG else "png"
        state = query_to_state(search)
        return image_job(holder.data, state, fmt, inputs.text(preset), inputs.text(title))

    app.clientside_callback(
        ClientsideFunction("timeline", "render_image"),
        Output(ids.DOWNLOAD_IMAGE, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input(ids.EXPORT_JOB, "data"),
        prevent_initial_call=True,
    )


def _edit_form(app: dash.Dash, holder: DataHolder) -> None:
    """The edit form: filled when an event is selected (the values it was loaded with are
    kept in EDIT_LOADED, so a save sends only what this tab's user changed), a hint saying
    why a date is invalid, Save, Reject with a confirmation, and Undo after a reject."""
    edit_ids = [ids.edit_input(name) for name in EDIT_FIELDS]

    @app.callback(
        Output(ids.EDIT_BOX, "style"),
        *[Output(i, "value") for i in edit_ids],
        Output(ids.EDIT_LOADED, "data"),
        Input(ids.URL, "search"),
        Input(ids.DATA_VERSION, "data"),
        State(ids.EDIT_LOADED, "data"),
    )
    def fill_form(search, version, loaded):
        state = query_to_state(search)
        event = holder.data.event(state.sel) if state.sel else None
        if event is None or state.present:
            return ({"display": "none"}, *([no_update] * len(edit_ids)), {})
        if ctx.triggered_id == ids.URL and inputs.mapping(loaded).get("id") == state.sel:
            return ({"display": "block"}, *([no_update] * len(edit_ids)), no_update)
        form = {name: str(event[name]) for name in EDIT_FIELDS}
        return ({"display": "block"}, *form.values(), {"id": state.sel, "values": form})

    @app.callback(
        Output(ids.EDIT_HINT, "children"),
        Input(ids.edit_input("date"), "value"),
        Input(ids.edit_input("date_end"), "value"),
        Input(ids.edit_input("precision"), "value"),
    )
    def hint(date, date_end, precision):
        return dating_hint(inputs.text(date), inputs.text(date_end), inputs.text(precision)) or ""

    @app.callback(
        Output(ids.REJECT_CONFIRM, "style"),
        Input(ids.BTN_REJECT, "n_clicks"),
        Input(ids.BTN_REJECT_NO, "n_clicks"),
        Input(ids.BTN_REJECT_YES, "n_clicks"),
        prevent_initial_call=True,
    )
    def confirm_reject(ask, cancel, yes):
        return {"display": "flex" if ctx.triggered_id == ids.BTN_REJECT else "none"}

    @app.callback(
        Output(ids.EDIT_MSG, "children"),
        Output(ids.DATA_VERSION, "data"),
        Output(ids.UNDO_EVENT, "data"),
        Output(ids.BTN_UNDO, "style"),
        Input(ids.BTN_SAVE, "n_clicks"),
        Input(ids.BTN_REJECT_YES, "n_clicks"),
        Input(ids.BTN_UNDO, "n_clicks"),
        State(ids.URL, "search"),
        State(ids.EDIT_LOADED, "data"),
        State(ids.UNDO_EVENT, "data"),
        *[State(i, "value") for i in edit_ids],
        prevent_initial_call=True,
    )
    def save(n_save, n_reject, n_undo, search, loaded, undo, *values):
        hidden, shown = {"display": "none"}, {"display": "inline-block"}
        if ctx.triggered_id == ids.BTN_UNDO:
            message = undo_reject(holder, inputs.text(undo))
            return message, holder.version, "", hidden
        state = query_to_state(search)
        if not state.sel:
            return "Select an event first.", no_update, no_update, no_update
        if ctx.triggered_id == ids.BTN_REJECT_YES:
            message = save_edit(holder, state.sel, {}, reject=True)
            done = message.startswith("Rejected")
            return message, holder.version, state.sel if done else "", shown if done else hidden
        loaded = inputs.mapping(loaded)
        base = inputs.mapping(loaded.get("values")) if loaded.get("id") == state.sel else None
        form = {name: inputs.form_text(v) for name, v in zip(EDIT_FIELDS, values, strict=True)}
        before = holder.version
        message = save_edit(holder, state.sel, form, loaded=base)
        # a refused save leaves the form as the user typed it (a new version would refill it)
        version = holder.version if holder.version != before else no_update
        return message, version, "", hidden
