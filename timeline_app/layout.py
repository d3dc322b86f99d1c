"""The page's layout, built from the loaded data (component ids are in timeline_app.ids).
No callbacks here."""

from __future__ import annotations

from dash import dash_table, dcc, html

from extract.table.vocabulary import CATEGORIES, PRECISIONS
from timeline_app import ids
from timeline_app.data import EventData
from timeline_app.export import PRESETS
from timeline_app.views import TABLE_COLUMNS, notices

PAGE_SIZE = 10


def _options(values: list[str] | tuple[str, ...]) -> list[dict[str, str]]:
    return [{"label": v, "value": v} for v in values[:500]]


def _sidebar(data: EventData) -> html.Div:
    return html.Div(
        id=ids.SIDEBAR,
        className="sidebar",
        children=[
            html.Label("From (2018, 2018-06, June 2018, ...)", htmlFor=ids.FROM),
            dcc.Input(
                id=ids.FROM,
                type="text",
                debounce=True,
                placeholder="e.g. 2018",
                className="text-input",
            ),
            html.Label("To", htmlFor=ids.TO),
            dcc.Input(
                id=ids.TO,
                type="text",
                debounce=True,
                placeholder="e.g. 2019-06",
                className="text-input",
            ),
            html.Label("Search summary and sentence", htmlFor=ids.TEXT),
            dcc.Input(
                id=ids.TEXT,
                type="search",
                debounce=True,
                placeholder="e.g. hotline",
                className="text-input",
            ),
            html.Label("Category"),
            dcc.Dropdown(
                id=ids.CATEGORY,
                options=_options(data.categories),
                multi=True,
                placeholder="all categories",
            ),
            html.Label("Actors"),
            dcc.Dropdown(
                id=ids.ACTOR, options=_options(data.actors), multi=True, placeholder="all actors"
            ),
            html.Label("Source outlet"),
            dcc.Dropdown(
                id=ids.SOURCE, options=_options(data.sources), multi=True, placeholder="all sources"
            ),
            html.Label("Precision"),
            dcc.Checklist(
                id=ids.PRECISION,
                options=_options(data.precisions),
                value=[],
                className="checklist",
                inputClassName="check",
            ),
            html.Label("Lanes"),
            dcc.RadioItems(
                id=ids.LANES,
                options=[
                    {"label": " by category", "value": "category"},
                    {"label": " by actor", "value": "actor"},
                ],
                value="category",
                className="checklist",
            ),
            html.Label("On the chart"),
            dcc.Checklist(
                id=ids.SHOW,
                options=[
                    {"label": "labels of key events", "value": "labels"},
                    {"label": "presidents and leaders (eras)", "value": "eras"},
                ],
                value=["labels", "eras"],
                className="checklist",
                inputClassName="check",
            ),
            html.Button("Reset filters", id=ids.BTN_RESET, n_clicks=0, className="btn"),
        ],
    )


def _edit_status(editable: bool) -> html.Div:
    """The result of the last save, and Undo after a reject (outside the form, which hides
    when its event is rejected)."""
    if not editable:
        return html.Div()
    return html.Div(
        className="edit-status",
        children=[
            html.Div(id=ids.EDIT_MSG, className="edit-msg"),
            html.Button(
                "Undo reject",
                id=ids.BTN_UNDO,
                n_clicks=0,
                className="btn",
                style={"display": "none"},
            ),
            dcc.Store(id=ids.UNDO_EVENT, data=""),
        ],
    )


def _edit_form(editable: bool) -> html.Div:
    if not editable:
        return html.Div(id=ids.EDIT_BOX, style={"display": "none"})

    def field(label: str, control: object) -> html.Div:
        return html.Div([html.Label(label), control], className="edit-field")

    return html.Div(
        id=ids.EDIT_BOX,
        className="edit-box",
        style={"display": "none"},
        children=[
            html.H4("Correct this event"),
            field(
                "Date", dcc.Input(id=ids.edit_input("date"), type="text", className="text-input")
            ),
            field(
                "End date (intervals)",
                dcc.Input(id=ids.edit_input("date_end"), type="text", className="text-input"),
            ),
            html.Div(id=ids.EDIT_HINT, className="edit-hint", role="alert"),
            field(
                "Precision",
                dcc.Dropdown(
                    id=ids.edit_input("precision"), clearable=False, options=_options(PRECISIONS)
                ),
            ),
            field(
                "Summary",
                dcc.Input(id=ids.edit_input("summary"), type="text", className="text-input wide"),
            ),
            field(
                "Category",
                dcc.Dropdown(
                    id=ids.edit_input("category"), clearable=False, options=_options(CATEGORIES)
                ),
            ),
            html.Div(
                [
                    html.Button(
                        "Save correction", id=ids.BTN_SAVE, n_clicks=0, className="btn btn-primary"
                    ),
                    html.Button(
                        "Reject event", id=ids.BTN_REJECT, n_clicks=0, className="btn btn-danger"
                    ),
                ],
                className="edit-buttons",
            ),
            html.Div(
                id=ids.REJECT_CONFIRM,
                className="reject-confirm",
                style={"display": "none"},
                children=[
                    html.Span("Reject this event? It leaves the table (you can undo it)."),
                    html.Button(
                        "Yes, reject", id=ids.BTN_REJECT_YES, n_clicks=0, className="btn btn-danger"
                    ),
                    html.Button("Cancel", id=ids.BTN_REJECT_NO, n_clicks=0, className="btn"),
                ],
            ),
        ],
    )


def _table() -> dash_table.DataTable:
    return dash_table.DataTable(
        id=ids.TABLE,
        columns=TABLE_COLUMNS,
        data=[],
        page_action="custom",
        page_current=0,
        page_size=PAGE_SIZE,
        sort_action="custom",
        sort_mode="single",
        sort_by=[],
        style_cell={
            "textAlign": "left",
            "whiteSpace": "normal",
            "height": "auto",
            "fontSize": 14,
            "fontFamily": "Arial, sans-serif",
            "padding": "4px",
        },
        style_header={"fontWeight": "bold", "backgroundColor": "#f1f5f9"},
        style_table={"overflowX": "auto"},
        style_cell_conditional=[
            {"if": {"column_id": "summary"}, "minWidth": "240px"},
            {"if": {"column_id": "when"}, "minWidth": "100px"},
            {"if": {"column_id": "actors"}, "minWidth": "140px"},
            {"if": {"column_id": "category"}, "maxWidth": "110px"},
        ],
    )


def _export_menu() -> html.Details:
    """A drop-down panel: the title (its default says what the view shows), the preset, and
    one button per format. Images are rendered in the browser."""
    return html.Details(
        id=ids.EXPORT_MENU,
        className="export-menu",
        children=[
            html.Summary("Export ▾", className="btn"),
            html.Div(
                className="export-panel",
                children=[
                    html.Label("Title", htmlFor=ids.EXPORT_TITLE),
                    dcc.Input(
                        id=ids.EXPORT_TITLE, type="text", className="text-input wide", value=""
                    ),
                    html.Label("Size"),
                    dcc.RadioItems(
                        id=ids.EXPORT_PRESET,
                        options=[
                            {"label": f" {preset.label}", "value": name}
                            for name, preset in PRESETS.items()
                        ],
                        value="slide",
                        className="checklist",
                    ),
                    html.Div(
                        className="export-buttons",
                        children=[
                            html.Button("PNG", id=ids.BTN_PNG, n_clicks=0, className="btn"),
                            html.Button("SVG", id=ids.BTN_SVG, n_clicks=0, className="btn"),
                            html.Button(
                                "TimelineJS (JSON)",
                                id=ids.BTN_TIMELINEJS,
                                n_clicks=0,
                                className="btn",
                                title="The events in view as a TimelineJS slideshow file",
                            ),
                        ],
                    ),
                    html.Div(id=ids.EXPORT_STATUS, className="export-status", role="status"),
                ],
            ),
        ],
    )


def _zoom_buttons() -> html.Div:
    labels = {ids.BTN_ZOOM_1Y: "1 y", ids.BTN_ZOOM_5Y: "5 y", ids.BTN_ZOOM_10Y: "10 y"}
    return html.Div(
        className="zoom",
        children=[
            html.Span("Zoom:", className="zoom-label"),
            *[
                html.Button(
                    labels.get(button, "all"),
                    id=button,
                    n_clicks=0,
                    className="btn btn-small",
                    title="every matching event" if button == ids.BTN_ZOOM_ALL else None,
                )
                for button in ids.ZOOM_BUTTONS
            ],
        ],
    )


def _present_bar() -> html.Div:
    return html.Div(
        id=ids.PRESENT_BAR,
        className="present-bar",
        children=[
            html.Button("◀ Prev", id=ids.BTN_PREV, n_clicks=0, className="btn btn-step"),
            html.Div(id=ids.CAPTION, className="caption"),
            html.Div(
                className="present-side",
                children=[
                    html.Button("Next ▶", id=ids.BTN_NEXT, n_clicks=0, className="btn btn-step"),
                    html.Button("", id=ids.BTN_STORY, n_clicks=0, className="btn btn-small"),
                ],
            ),
        ],
    )


def build_layout(data: EventData, editable: bool = False, figure: object = None) -> html.Div:
    """The page; `figure` is the chart it opens with (the default view's)."""
    return html.Div(
        id=ids.ROOT,
        className="root",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.DATA_VERSION, data=0),
            dcc.Store(id=ids.EDIT_LOADED, data=""),
            dcc.Store(id=ids.GRAPH_SIZE),
            dcc.Store(id=ids.EXPORT_JOB),
            dcc.Store(id=ids.EXPORT_DEFAULT, data=""),
            dcc.Download(id=ids.DOWNLOAD_CSV),
            dcc.Download(id=ids.DOWNLOAD_IMAGE),
            dcc.Download(id=ids.DOWNLOAD_TIMELINEJS),
            html.Header(
                className="topbar",
                children=[
                    html.H1("Inter-Korean relations timeline", className="title"),
                    html.Div(id=ids.COUNT, className="count", role="status"),
                    _zoom_buttons(),
                    html.Div(
                        className="actions",
                        children=[
                            html.Button(
                                "Download CSV", id=ids.BTN_CSV, n_clicks=0, className="btn"
                            ),
                            _export_menu(),
                            html.Button(
                                "Presentation mode",
                                id=ids.BTN_PRESENT,
                                n_clicks=0,
                                className="btn btn-primary",
                            ),
                        ],
                    ),
                ],
            ),
            html.Div(notices(data), id=ids.NOTICES),
            html.Div(
                id="body",
                className="body",
                children=[
                    _sidebar(data),
                    html.Main(
                        className="main",
                        children=[
                            _present_bar(),
                            html.Div(
                                id=ids.GRAPH_BOX,
                                className="graph-box",
                                children=dcc.Graph(
                                    id=ids.GRAPH,
                                    figure=figure or {},
                                    config={"displaylogo": False, "displayModeBar": "hover"},
                                    responsive=False,
                                    className="graph",
                                ),
                            ),
                            html.Div(
                                id="lower",
                                className="lower",
                                children=[
                                    html.Div(className="table-wrap", children=[_table()]),
                                    html.Aside(
                                        className="detail-col",
                                        children=[
                                            html.Div(id=ids.DETAIL, className="detail"),
                                            _edit_form(editable),
                                            _edit_status(editable),
                                        ],
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )
