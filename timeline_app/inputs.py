"""What a callback receives from the browser, parsed in one place.

A request can carry anything where a component's property goes (a dict for `page_current`,
an integer for a text filter, a string for `clickData`): every callback passes its inputs
through these functions first, which keep a value of the expected shape and fall back to the
default otherwise, so the app's code never sees a malformed value and never raises on one.
"""

from __future__ import annotations

from collections.abc import Mapping

MAX_TEXT = 200_000  # characters of a text input (a summary may be long; the form says so)
MAX_ITEMS = 50


def text(value: object, default: str = "", limit: int = MAX_TEXT) -> str:
    """A string input; anything else is the default."""
    return value[:limit] if isinstance(value, str) else default


def form_text(value: object) -> str:
    """An edit form's input: a string, or '' (a cleared Dash input sends None). Not cut: a
    too-long value reaches the form's check and is refused with a message."""
    return value if isinstance(value, str) else ""


def count(value: object, default: int = 0) -> int:
    """A non-negative integer (a page number, n_clicks)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return default
    try:
        number = int(value)
    except ValueError:
        return default
    return number if 0 <= number < 10**9 else default


def strings(value: object) -> list[str] | None:
    """A list of strings (a dropdown's values); None when the input is not a list at all."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list | tuple):
        return None
    return [item for item in value[:MAX_ITEMS] if isinstance(item, str)]


def mapping(value: object) -> dict:
    """A dict input (relayoutData, active_cell, a Store's data); anything else is {}."""
    return dict(value) if isinstance(value, Mapping) else {}


def click(value: object) -> dict:
    """clickData reduced to {'points': [first point]} with the point a dict, or {}."""
    points = mapping(value).get("points")
    if not isinstance(points, list) or not points or not isinstance(points[0], Mapping):
        return {}
    return {"points": [dict(points[0])]}


def sort_by(value: object) -> list[dict] | None:
    """The table's sort_by: [{'column_id': str, 'direction': 'asc'|'desc'}], or None."""
    if not isinstance(value, list) or not value or not isinstance(value[0], Mapping):
        return None
    column, direction = value[0].get("column_id"), value[0].get("direction")
    if not isinstance(column, str) or direction not in ("asc", "desc"):
        return None
    return [{"column_id": column, "direction": direction}]


def filters(names: tuple[str, ...], values: tuple, lists: set[str]) -> dict[str, object]:
    """The filter controls' values by id: lists of strings for the `lists` controls (None when
    unusable), strings for the others ('' when unusable)."""
    return {
        name: (strings(value) if name in lists else text(value))
        for name, value in zip(names, values, strict=True)
    }
