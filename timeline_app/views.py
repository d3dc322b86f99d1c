"""Pure builders of page parts (detail panel, caption, notices, table page) from the data.

Document text always goes into Dash components as plain strings (children), so it is shown
as text and never interpreted as HTML or markdown.
"""

from __future__ import annotations

from urllib.parse import urlparse

import numpy as np
import pandas as pd
from dash import html

from extract.table.schema import RowProblem
from timeline_app.data import EventData
from timeline_app.dates import format_date_label
from timeline_app.filters import filter_events
from timeline_app.state import ViewState
from timeline_app.viewmodel import figure_for, view_name

MAX_PROBLEMS_SHOWN = 10
TABLE_COLUMNS = [
    {"id": "when", "name": "Date"},
    {"id": "summary", "name": "Summary"},
    {"id": "category", "name": "Category"},
    {"id": "actors", "name": "Actors"},
    {"id": "n_sources", "name": "Sources", "type": "numeric"},
    {"id": "precision", "name": "Precision"},
]


def safe_link(url: str) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def highlight(sentence: str, evidence: str) -> list:
    """The sentence with its temporal expression wrapped in html.Mark (all plain text)."""
    if evidence and evidence in sentence:
        i = sentence.index(evidence)
        return [
            sentence[:i],
            html.Mark(evidence, className="evidence"),
            sentence[i + len(evidence) :],
        ]
    return [sentence]


def event_label(row: pd.Series) -> str:
    return format_date_label(row["date"], row["date_end"], row["precision"])


def detail_panel(data: EventData, event_id: str) -> list:
    """Date, summary, every source (title, outlet, publication date, link), evidence."""
    event = data.event(event_id) if event_id else None
    if event is None:
        return [
            html.P(
                "Click an event on the chart or a row in the table to see its sources.",
                className="hint",
            )
        ]
    sources = data.sources_for(event_id)
    items = []
    for _, src in sources.iterrows():
        link = safe_link(src["url"])
        title = src["title"] or src["doc"] or "(untitled document)"
        head = [
            html.A(title, href=link, target="_blank", rel="noopener noreferrer")
            if link
            else html.Span(title, className="doc-title")
        ]
        meta = " · ".join(
            x for x in (src["source"], src["published"] and f"published {src['published']}") if x
        )
        items.append(
            html.Li(
                [
                    html.Div(head, className="source-title"),
                    html.Div(meta, className="source-meta"),
                    html.Blockquote(
                        highlight(src["sentence"], src["evidence"]), className="sentence"
                    ),
                    html.Div(f"URL (not a web link): {src['url']}", className="source-meta")
                    if src["url"] and not link
                    else None,
                ],
                className="source",
            )
        )
    n = len(sources)
    status = str(event.get("status", "") or "")
    return [
        html.Div(event_label(event), className="detail-date", id="detail-date"),
        html.H3(event["summary"], className="detail-summary"),
        html.Div(
            f"{event['category']} · {event['actors'].replace(';', ', ')}", className="detail-meta"
        ),
        html.Div(
            f"precision: {event['precision']}" + (f" · status: {status}" if status else ""),
            className="detail-meta",
        ),
        html.H4(f"{n} source" + ("" if n == 1 else "s")),
        html.Ul(items, className="sources"),
    ]


def caption(data: EventData, event_id: str, position: tuple[int, int]) -> list:
    """Presentation-mode caption: step, date and summary in large type, and the evidence."""
    event = data.event(event_id) if event_id else None
    if event is None:
        return [html.Div("No event selected: press → or Next", className="cap-summary")]
    step, total = position
    sources = data.sources_for(event_id)
    first = sources.iloc[0] if len(sources) else event
    return [
        html.Div(f"{step} / {total}", className="cap-step"),
        html.Div(event_label(event), className="cap-date", id="cap-date"),
        html.Div(event["summary"], className="cap-summary", id="cap-summary"),
        html.Div(highlight(first["sentence"], first["evidence"]), className="cap-sentence"),
        html.Div(
            f"{first['source']} · {len(sources)} source" + ("" if len(sources) == 1 else "s"),
            className="cap-source",
        ),
    ]


def notices(data: EventData) -> list:
    """The file error (if any) and the first row problems, as plain text."""
    out = []
    if data.error:
        out.append(
            html.Div(
                [html.B("Cannot show events: "), data.error],
                className="notice error",
                id="load-error",
            )
        )
    if data.notes:
        out.append(
            html.Details(
                [
                    html.Summary(
                        f"{len(data.notes)} note(s) about corrections (click for details)"
                    ),
                    html.Ul([html.Li(n) for n in data.notes[:MAX_PROBLEMS_SHOWN]]),
                ],
                className="notice warning",
                id="correction-notes",
            )
        )
    if data.problems:
        shown: list[RowProblem] = data.problems[:MAX_PROBLEMS_SHOWN]
        more = len(data.problems) - len(shown)
        out.append(
            html.Details(
                [
                    html.Summary(
                        f"{len(data.problems)} row(s) of {data.path} were skipped "
                        "because of problems (click for details)"
                    ),
                    html.Ul(
                        [html.Li(str(p)) for p in shown]
                        + ([html.Li(f"... and {more} more")] if more > 0 else [])
                    ),
                ],
                className="notice warning",
                id="row-problems",
                open=len(data.problems) <= 3,
            )
        )
    return out


def table_page(
    events: pd.DataFrame, page: int, page_size: int, sort_by: list[dict] | None
) -> tuple[list[dict], int]:
    """One page of the (filtered) events for the table, sorted server-side."""
    n = len(events)
    pages = max(1, -(-n // page_size))
    page = int(np.clip(page or 0, 0, pages - 1))
    if sort_by:
        spec = sort_by[0]
        column = spec.get("column_id")
        ascending = spec.get("direction") != "desc"
        key = {"when": "start", "n_sources": "n_sources"}.get(column, column)
        if key in events.columns:
            events = events.sort_values(key, ascending=ascending, kind="stable")
    chunk = events.iloc[page * page_size : (page + 1) * page_size]
    records = [
        {
            "id": row.event_id,
            "when": format_date_label(row.date, row.date_end, row.precision),
            "summary": row.summary,
            "category": row.category.replace("/", "/\u200b"),  # may wrap after a slash
            "actors": row.actors.replace(";", ", "),
            "n_sources": int(row.n_sources),
            "precision": row.precision,
        }
        for row in chunk.itertuples(index=False)
    ]
    return records, pages


def page_view(data: EventData, state: ViewState) -> tuple:
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
    count = [
        html.Span(f"{n:,}", id="count-number"),
        f" of {total:,} events shown" if n != total else " events shown",
    ]
    position = (0, n)
    if state.present and state.sel:
        where = np.flatnonzero(events["event_id"].to_numpy() == state.sel)
        position = (int(where[0]) + 1 if len(where) else 0, n)
    return (
        fig,
        config,
        count,
        detail_panel(data, state.sel),
        caption(data, state.sel, position) if state.present else [],
        "root present" if state.present else "root",
        "Exit presentation" if state.present else "Presentation mode",
    )
