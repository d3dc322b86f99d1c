"""The view as a TimelineJS file, so a teacher can turn it into a slideshow there.

TimelineJS (Knight Lab) reads a JSON object with a title slide, `events` (slides with
`start_date`, optional `end_date`, `text` {headline, text}, `group`, `display_date`,
`unique_id`) and `eras`; a date is {year, month, day, display_date} with only `year`
required. See https://timeline.knightlab.com/docs/json-format.html.

TimelineJS renders `headline` and `text` as HTML: every piece of document text is escaped
here, links are only made from http(s) URLs, and the markup is ours.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from extract.table.eras import Era
from timeline_app.dates import format_date_label
from timeline_app.export import safe_link

MAX_SOURCES_PER_SLIDE = 3


def _date(iso: str, display: str = "") -> dict:
    """A TimelineJS date from an ISO date of any of the table's shapes."""
    parts = [int(p) for p in iso.split("-")]
    out = dict(zip(("year", "month", "day"), parts, strict=False))
    if display:
        out["display_date"] = display
    return out


def _last_day(end: pd.Timestamp) -> str:
    """The last day of an event whose exclusive end is `end`."""
    return (end - pd.Timedelta(days=1)).date().isoformat()


def _dates(event: pd.Series) -> tuple[dict, dict | None, str]:
    """start_date, end_date (or None) and display_date of an event."""
    display = format_date_label(event["date"], event["date_end"], event["precision"])
    if event["kind"] == "point":
        return _date(event["date"]), None, display
    if event["kind"] == "ongoing":
        last = _last_day(event["end"])
        display = f"since {display}, still at the report of {format_date_label(last)}"
        return _date(event["date"]), _date(last), display
    end = _date(event["date_end"] or _last_day(event["end"]))
    start = _date(event["date"])
    if len(event["date"]) == 4 and not event["date_end"]:  # a year: January to December
        start, end = {"year": start["year"]}, {"year": start["year"]}
    return start, end, display


def _slide_text(sources: pd.DataFrame) -> str:
    """The sentence of each source with its date expression in bold, and where it comes from."""
    parts = []
    for source in sources.head(MAX_SOURCES_PER_SLIDE).itertuples(index=False):
        sentence = html.escape(source.sentence)
        evidence = html.escape(source.evidence)
        if evidence and evidence in sentence:
            sentence = sentence.replace(evidence, f"<strong>{evidence}</strong>", 1)
        title = html.escape(source.title or source.doc or "untitled document")
        link = safe_link(source.url)
        name = f'<a href="{html.escape(link)}">{title}</a>' if link else title
        meta = ", ".join(html.escape(x) for x in (source.source, source.published) if x)
        parts.append(f"<p>{sentence}</p><p><em>{name}</em>{' (' + meta + ')' if meta else ''}</p>")
    more = len(sources) - MAX_SOURCES_PER_SLIDE
    if more > 0:
        parts.append(f"<p>and {more} more source{'s' if more > 1 else ''}</p>")
    return "".join(parts)


def timeline_json(
    events: pd.DataFrame,
    rows: pd.DataFrame,
    title: str,
    subtitle: str,
    eras: tuple[Era, ...] = (),
) -> dict:
    """A TimelineJS document of `events` (prepared, in date order), their sources in `rows`,
    and the eras overlapping them."""
    slides = []
    by_event = {key: part for key, part in rows.groupby("event_id", sort=False)}
    for _, event in events.iterrows():
        start, end, display = _dates(event)
        slide = {
            "unique_id": "event-" + re.sub(r"[^A-Za-z0-9_-]", "-", event["event_id"]),
            "start_date": start,
            "display_date": display,
            "text": {
                "headline": html.escape(event["summary"]),
                "text": _slide_text(by_event.get(event["event_id"], rows.iloc[:0])),
            },
            "group": event["category"],
            "autolink": False,
        }
        if end is not None:
            slide["end_date"] = end
        slides.append(slide)
    out: dict = {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(subtitle)}},
        "events": slides,
    }
    if eras and len(events):
        first = pd.Timestamp(events["start"].min()).date()
        last = pd.Timestamp(events["end"].max()).date()
        out["eras"] = [
            {
                "start_date": _date(era.start.isoformat()),
                "end_date": _date((era.end or last).isoformat()),
                "text": {"headline": html.escape(f"{era.name} ({era.group})")},
            }
            for era in eras
            if era.start <= last and (era.end is None or era.end >= first)
        ]
    return out
