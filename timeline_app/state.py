"""The whole view state (filters, zoom, lanes, what the chart shows, presentation, selection)
and its URL form.

`query_to_state` never raises: anything it does not understand falls back to the default, so
a hand-edited or garbled URL still opens the app. No value read here is ever used as a path.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from urllib.parse import parse_qs, urlencode

from extract.table.values import EVENT_ID_RE  # what an id may be: decided in one place
from timeline_app.dates import iso_from_words, parse_user_date

LANE_MODES = ("category", "actor")
STORY_MODES = ("key", "all")  # a presentation tells the key events, or all of them
MAX_VALUES = 50
MAX_VALUE_LEN = 200


@dataclass(frozen=True)
class ViewState:
    date_from: str = ""
    date_to: str = ""
    categories: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    text: str = ""
    x0: str = ""
    x1: str = ""
    lanes: str = "category"
    labels: bool = True
    eras: bool = True
    present: bool = False
    story: str = "key"
    sel: str = ""

    def with_(self, **changes: object) -> ViewState:
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_STATE = ViewState()

# URL key for each field, in the order they appear in the query string.
KEYS = {
    "date_from": "from",
    "date_to": "to",
    "categories": "cat",
    "actors": "actor",
    "sources": "source",
    "precisions": "prec",
    "text": "q",
    "x0": "x0",
    "x1": "x1",
    "lanes": "lanes",
    "labels": "labels",
    "eras": "eras",
    "present": "present",
    "story": "story",
    "sel": "sel",
}
YES, NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def clean_date(value: object) -> str:
    """A user/URL date reduced to a valid ISO year, month or day, or '' if it is not one.
    Plotly zoom ranges ('2018-06-03 12:00:00.5') are cut to the day; 'June 2018' is read."""
    if not isinstance(value, str):
        return ""
    iso = value.strip()[:10]
    if parse_user_date(iso) is not None:
        return iso
    return iso_from_words(value.strip()[:40])


def _clean_text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    value = "".join(ch for ch in value if ch.isprintable())
    return value.strip()[:MAX_VALUE_LEN]


def _clean_list(values: object) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        return ()
    out: list[str] = []
    for value in values:
        text = _clean_text(value)
        if text and text not in out:
            out.append(text)
        if len(out) >= MAX_VALUES:
            break
    return tuple(out)


def normalise(state: ViewState) -> ViewState:
    """Drop anything invalid from a state (e.g. built from control values)."""
    x0, x1 = clean_date(state.x0), clean_date(state.x1)
    if not (x0 and x1) or x0 >= x1:
        x0 = x1 = ""
    sel = state.sel if isinstance(state.sel, str) and EVENT_ID_RE.match(state.sel) else ""
    return ViewState(
        date_from=clean_date(state.date_from),
        date_to=clean_date(state.date_to),
        categories=_clean_list(state.categories),
        actors=_clean_list(state.actors),
        sources=_clean_list(state.sources),
        precisions=_clean_list(state.precisions),
        text=_clean_text(state.text),
        x0=x0,
        x1=x1,
        lanes=state.lanes if state.lanes in LANE_MODES else "category",
        labels=state.labels is not False,
        eras=state.eras is not False,
        present=state.present is True,
        story=state.story if state.story in STORY_MODES else "key",
        sel=sel,
    )


def state_to_query(state: ViewState) -> str:
    """'?from=2018&cat=summit%2Ftalks&present=1' (only non-default fields); '' for defaults."""
    state = normalise(state)
    pairs: list[tuple[str, str]] = []
    for f in fields(ViewState):
        value = getattr(state, f.name)
        if value == getattr(DEFAULT_STATE, f.name):
            continue
        key = KEYS[f.name]
        if isinstance(value, tuple):
            pairs.extend((key, v) for v in value)
        elif isinstance(value, bool):
            pairs.append((key, "1" if value else "0"))
        else:
            pairs.append((key, value))
    return "?" + urlencode(pairs) if pairs else ""


def query_to_state(query: object) -> ViewState:
    """Parse a query string (with or without '?'); garbage gives defaults, never an error."""
    if not isinstance(query, str):
        return DEFAULT_STATE
    query = query[1:] if query.startswith("?") else query
    try:
        parsed = parse_qs(query[:20_000], keep_blank_values=False, max_num_fields=500)
    except ValueError:
        return DEFAULT_STATE

    def one(key: str) -> str:
        values = parsed.get(key) or [""]
        return values[0]

    raw = ViewState(
        date_from=one("from"),
        date_to=one("to"),
        categories=tuple(parsed.get("cat", [])),
        actors=tuple(parsed.get("actor", [])),
        sources=tuple(parsed.get("source", [])),
        precisions=tuple(parsed.get("prec", [])),
        text=one("q"),
        x0=one("x0"),
        x1=one("x1"),
        lanes=one("lanes") or "category",
        labels=one("labels") not in NO,
        eras=one("eras") not in NO,
        present=one("present") in YES,
        story=one("story") or "key",
        sel=one("sel"),
    )
    return normalise(raw)
