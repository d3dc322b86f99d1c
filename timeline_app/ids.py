"""Component ids of the page, one constant each: the layout, the callbacks, the view-state
machine and the browser tests use these names, never the strings."""

from __future__ import annotations

ROOT = "root"
URL = "url"
DATA_VERSION = "data-version"
EDIT_LOADED = "edit-loaded"
DOWNLOAD_CSV = "download-csv"
DOWNLOAD_IMAGE = "download-image"
DOWNLOAD_TIMELINEJS = "download-timelinejs"
COUNT = "count"
BTN_CSV = "btn-csv"
BTN_PRESENT = "btn-present"
# The export menu: title, preset, one button per format, the job sent to the browser.
EXPORT_MENU = "export-menu"
EXPORT_TITLE = "export-title"
EXPORT_DEFAULT = "export-default"
EXPORT_PRESET = "export-preset"
BTN_PNG = "btn-png"
BTN_SVG = "btn-svg"
BTN_TIMELINEJS = "btn-timelinejs"
EXPORT_JOB = "export-job"
EXPORT_STATUS = "export-status"
# Zoom buttons above the chart.
BTN_ZOOM_1Y = "btn-zoom-1y"
BTN_ZOOM_5Y = "btn-zoom-5y"
BTN_ZOOM_10Y = "btn-zoom-10y"
BTN_ZOOM_ALL = "btn-zoom-all"
ZOOM_BUTTONS = (BTN_ZOOM_1Y, BTN_ZOOM_5Y, BTN_ZOOM_10Y, BTN_ZOOM_ALL)
NOTICES = "notices"
SIDEBAR = "sidebar"
FROM = "f-from"
TO = "f-to"
TEXT = "f-text"
CATEGORY = "f-cat"
ACTOR = "f-actor"
SOURCE = "f-source"
PRECISION = "f-prec"
LANES = "f-lanes"
SHOW = "f-show"  # labels, eras
BTN_RESET = "btn-reset"
PRESENT_BAR = "present-bar"
BTN_PREV = "btn-prev"
BTN_NEXT = "btn-next"
BTN_STORY = "btn-story"
CAPTION = "caption"
GRAPH = "graph"
GRAPH_BOX = "graph-box"
GRAPH_SIZE = "graph-size"  # the graph's size in pixels, measured in the browser
TABLE = "table"
DETAIL = "detail"
EDIT_BOX = "edit-box"
BTN_SAVE = "btn-save"
BTN_REJECT = "btn-reject"
EDIT_MSG = "edit-msg"
EDIT_HINT = "edit-hint"  # why the date typed in the form is not valid
REJECT_CONFIRM = "reject-confirm"  # "Reject this event?" with Yes / Cancel
BTN_REJECT_YES = "btn-reject-yes"
BTN_REJECT_NO = "btn-reject-no"
BTN_UNDO = "btn-undo"  # after a reject: take it back (a restore)
UNDO_EVENT = "undo-event"  # the event the Undo button restores
# The filter controls, in the order the view state reads them.
FILTERS = (FROM, TO, TEXT, CATEGORY, ACTOR, SOURCE, PRECISION, LANES, SHOW)
# A graph or table event, as the view-state machine names its trigger.
ZOOM = f"{GRAPH}.relayoutData"
CLICK = f"{GRAPH}.clickData"
TABLE_CELL = f"{TABLE}.active_cell"


def edit_input(field: str) -> str:
    """The edit form's input for one editable field ("edit-date", "edit-summary", ...)."""
    return f"edit-{field}"
