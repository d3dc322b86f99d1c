"""Component ids of the page, one constant each: the layout, the callbacks, the view-state
machine and the browser tests use these names, never the strings."""

from __future__ import annotations

ROOT = "root"
URL = "url"
DATA_VERSION = "data-version"
EDIT_LOADED = "edit-loaded"
DOWNLOAD_CSV = "download-csv"
DOWNLOAD_PNG = "download-png"
COUNT = "count"
BTN_CSV = "btn-csv"
BTN_PNG = "btn-png"
BTN_PRESENT = "btn-present"
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
BTN_RESET = "btn-reset"
PRESENT_BAR = "present-bar"
BTN_PREV = "btn-prev"
BTN_NEXT = "btn-next"
CAPTION = "caption"
GRAPH = "graph"
TABLE = "table"
DETAIL = "detail"
EDIT_BOX = "edit-box"
BTN_SAVE = "btn-save"
BTN_REJECT = "btn-reject"
EDIT_MSG = "edit-msg"
# The filter controls, in the order the view state reads them.
FILTERS = (FROM, TO, TEXT, CATEGORY, ACTOR, SOURCE, PRECISION, LANES)
# A graph or table event, as the view-state machine names its trigger.
ZOOM = f"{GRAPH}.relayoutData"
CLICK = f"{GRAPH}.clickData"
TABLE_CELL = f"{TABLE}.active_cell"


def edit_input(field: str) -> str:
    """The edit form's input for one editable field ("edit-date", "edit-summary", ...)."""
    return f"edit-{field}"
