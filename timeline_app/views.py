"""Pure builders of page parts (detail panel, caption, notices, table page) from the data.

Document text always goes into Dash components as plain strings (children), so it is shown
as text and never interpreted as HTML or markdown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from dash import html

from extract.table.schema import RowProblem
from timeline_app.data import EventData
from timeline_app.dates import event_date_label, format_date_label
from timeline_app.export import safe_link
from timeline_app.state import ViewState
from timeline_app.story import without_markers
from timeline_app.viewmodel import View, browser_figure_for, eras_at, view_of

MAX_PROBLEMS_SHOWN = 10
TABLE_COLUMNS = [
    {"id": "when", "name": "Date"},
    {"id": "summary", "name": "Summary"},
    {"id": "category", "name": "Category"},
    {"id": "actors", "name": "Actors"},
    {"id": "n_sources", "name": "Sources", "type": "numeric"},
    {"id": "precision", "name": "Precision"},
]


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
    return event_date_label(
        row["date"], row["date_end"], row["precision"], row.get("kind", ""), row.get("end")
    )


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


def caption(data: EventData, view: View, mode: str) -> list:
    """Presentation-mode caption: progress, date, headline (at most two lines), the sentence
    with its date expression, the source, and who was in office at the time."""
    event = data.event(view.current) if view.current else None
    if event is None:
        return [html.Div("No events match the filters.", className="cap-summary")]
    step, total = view.position
    sources = data.sources_for(view.current)
    first = sources.iloc[0] if len(sources) else event
    noun = "key events" if mode == "key" and total < len(view.matching) else "events"
    offices = eras_at(pd.Timestamp(event["start"]).date())
    return [
        html.Div(
            [
                html.Span(f"{step} / {total}", id="cap-step", className="cap-step"),
                html.Span(f" {noun}", className="cap-noun"),
                html.Span(event_label(event), className="cap-date", id="cap-date"),
                html.Span("planned", className="cap-tag") if event["planned"] else None,
            ],
            className="cap-head",
        ),
        html.Div(without_markers(event["summary"]), className="cap-summary", id="cap-summary"),
        html.Div(highlight(first["sentence"], first["evidence"]), className="cap-sentence"),
        html.Div(
            [
                html.Span(
                    f"{first['source']} · {len(sources)} source"
                    + ("" if len(sources) == 1 else "s"),
                    className="cap-source",
                ),
                html.Span(
                    " · ".join(f"{era.group}: {era.name}" for era in offices),
                    className="cap-era",
                    id="cap-era",
                ),
            ],
            className="cap-foot",
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


def count_text(data: EventData, view: View) -> list:
    """'82 of 83 events in view' (the count follows the zoom and the filters)."""
    shown, matching, total = len(view.shown), len(view.matching), len(data.events)
    if view.story is not None:
        rest = f" key events of {matching:,}" if len(view.story) < matching else " events"
        return [html.Span(f"{len(view.story):,}", id="count-number"), rest]
    if shown == matching == total:
        rest = " events shown"
    elif matching == total:
        rest = f" of {total:,} events in view"
    else:
        rest = f" in view of {matching:,} matching ({total:,} in all)"
    return [html.Span(f"{shown:,}", id="count-number"), rest]


def page_view(
    data: EventData, state: ViewState, size: tuple[int, int] | None, view: View | None = None
) -> tuple:
    """Everything the page shows for a state except the table: (figure, graph config, count,
    detail panel, caption, root class, presentation button label, story button label)."""
    view = view or view_of(data, state)
    fig = browser_figure_for(data, state, size=size, view=view)
    config = {
        "displaylogo": False,
        "displayModeBar": False if state.present else "hover",
        "scrollZoom": False,
        "modeBarButtonsToRemove": ["toImage", "lasso2d", "select2d", "autoScale2d"],
    }
    other = "all events" if state.story == "key" else "key events"
    return (
        fig,
        config,
        count_text(data, view),
        detail_panel(data, state.sel),
        caption(data, view, state.story) if state.present else [],
        "root present rendered" if state.present else "root rendered",
        "Exit presentation" if state.present else "Presentation mode",
        f"Show {other}",
    )
