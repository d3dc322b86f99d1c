"""What a view shows, without Dash: the window and the events in it, lanes under filters, the
story of a presentation, zoom buttons, the words and the figure of an export, TimelineJS."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
from plotly.io.json import to_json_plotly

from extract.table.schema import COLUMNS
from timeline_app.data import build_data
from timeline_app.describe import category_words, default_title, footer, subtitle
from timeline_app.export import PRESETS
from timeline_app.figure import browser_figure
from timeline_app.state import ViewState
from timeline_app.story import STORY_SIZE, by_importance, label_text, story_events
from timeline_app.viewmodel import (
    browser_figure_for,
    eras_at,
    export_figure,
    figure_options,
    image_job,
    lanes_for,
    next_state,
    timelinejs_document,
    view_of,
    zoom_preset,
)
from timeline_app.views import caption, count_text

SCHEMA = json.loads((Path(__file__).parent / "data" / "timelinejs.schema.json").read_text())
TODAY = dt.date(2026, 1, 15)


def row(event_id: str, date: str, category: str, weight: str, **more: str) -> dict:
    return {
        **{c: "" for c in COLUMNS},
        "event_id": event_id,
        "date": date,
        "precision": {4: "year", 7: "month", 10: "day"}[len(date)],
        "summary": f"Event {event_id} happened",
        "label": f"Event {event_id}",
        "category": category,
        "actors": "North Korea;South Korea",
        "weight": weight,
        "doc": f"doc-{event_id}",
        "title": f"Report on {event_id}",
        "source": "Yonhap" if event_id < "e15" else "KCNA",
        "url": f"https://example.org/{event_id}",
        "published": "2025-06-30",
        "sentence": f"On {date} event {event_id} happened.",
        "evidence": date,
        **more,
    }


ROWS = [
    row("treaty", "1953", "military/nuclear/missile", "0.95", summary="Treaty <b>signed</b>"),
    *[
        row(
            f"e{i:02d}",
            f"{2013 + i // 2}-{1 + 5 * (i % 2):02d}-{1 + i:02d}",
            "summit/talks" if i % 3 else "communication channel",
            f"{(i * 7 % 24) / 24:.3f}",
        )
        for i in range(24)
    ],
    row("plan", "2030-06", "politics", "0.2", summary="Term to end (planned)"),
]


def shown(parts: list) -> str:
    return "".join(part if isinstance(part, str) else part.children for part in parts)


@pytest.fixture(scope="module")
def data():
    return build_data(pd.DataFrame(ROWS).astype(str))


def test_the_default_view_leaves_out_a_lone_outlier_and_says_so(data):
    view = view_of(data, ViewState())
    assert "treaty" not in set(view.in_view["event_id"]) and len(view.in_view) == 25
    text = "".join(
        str(part) if isinstance(part, str) else part.children for part in count_text(data, view)
    )
    assert text == "25 of 26 events in view"


def test_all_reaches_every_event_and_one_year_ends_at_the_last_event_that_happened(data):
    state = next_state(data, ViewState(), "btn-zoom-all", {})
    assert state.x0 < "1953-01-01" and state.x1 > "2030-06-30"
    assert len(view_of(data, state).in_view) == 26
    x0, x1 = zoom_preset(data.events, 1)
    assert x1.startswith("2024-07")  # after the last event that happened (24 Jun 2024), not 2030
    assert pd.Timestamp(x1) - pd.Timestamp(x0) <= pd.Timedelta(days=366)


def test_the_count_and_the_table_follow_the_zoom(data):
    zoomed = view_of(data, ViewState(x0="2015-01-01", x1="2016-12-31"))
    assert set(zoomed.in_view["start"].dt.year) == {2015, 2016} and len(zoomed.in_view) == 4
    assert shown(count_text(data, zoomed)) == "4 of 26 events in view"


def test_empty_lanes_disappear_under_filters(data):
    events = view_of(data, ViewState(categories=("summit/talks",))).events
    assert lanes_for(data, events, "category") == ("summit/talks",)
    assert len(lanes_for(data, data.events, "category")) == 4
    assert lanes_for(data, events, "actor") == ("North Korea", "South Korea")


def test_the_story_is_the_heaviest_events_in_date_order(data):
    story = story_events(data.events)
    assert len(story) == STORY_SIZE
    assert list(story["start"]) == sorted(story["start"])
    heaviest = set(by_importance(data.events)["event_id"][:STORY_SIZE])
    assert set(story["event_id"]) == heaviest and "treaty" in heaviest
    assert len(story_events(data.events, "all")) == 26


def test_a_presentation_starts_at_the_first_key_event_and_frames_it(data):
    state = next_state(data, ViewState(), "btn-present", {})
    assert state.present and state.sel == "treaty"
    view = view_of(data, state)
    assert view.current == "treaty" and view.position == (1, STORY_SIZE)
    assert view.window[0] < pd.Timestamp("1953-01-01") < pd.Timestamp("1954-01-01") < view.window[1]
    text = json.dumps(caption(data, view, "key"), default=lambda c: c.to_plotly_json())
    assert "1 / 18" in text and "key events" in text and "Treaty <b>signed</b>" in text
    assert "North Korea: Kim Il Sung" in text  # the era named
    stepped = next_state(data, state, "btn-next", {})
    assert view_of(data, stepped).position == (2, STORY_SIZE)
    everything = next_state(data, state, "btn-story", {})
    assert everything.story == "all" and view_of(data, everything).position == (1, 26)


PAGE_VIEWS = {
    "default": (ViewState(), {}),
    "filtered": (ViewState(categories=("summit/talks",), date_from="2015"), {}),
    "search, nothing in view": (ViewState(text="no such words"), {}),
    "zoom, actor lanes, selected": (
        ViewState(x0="2015-01-01", x1="2016-12-31", lanes="actor", sel="e05"),
        {},
    ),
    "presentation": (ViewState(present=True, sel="e07"), {}),
    "presentation of all": (ViewState(present=True, story="all", lanes="actor"), {}),
    "density": (ViewState(sel="e03"), {"density_threshold": 0}),
    "density by actor": (ViewState(lanes="actor", date_from="2016"), {"density_threshold": 0}),
}


@pytest.mark.parametrize("state, extra", PAGE_VIEWS.values(), ids=PAGE_VIEWS)
def test_the_page_draws_the_view_from_its_arrays_as_from_its_table(data, state, extra):
    """The page's figure takes the view's rows from data.columns; it is the figure of the
    view's table."""
    view = view_of(data, state)
    sent = browser_figure_for(data, state, (1122, 456), view, **extra)
    expected = browser_figure(view.events, figure_options(state, view, (1122, 456), **extra))
    assert to_json_plotly(sent) == to_json_plotly(expected)


def test_a_teacher_picks_the_story_with_a_filter(data):
    state = next_state(data, ViewState(categories=("communication channel",)), "btn-present", {})
    view = view_of(data, state)
    assert set(view.story["category"]) == {"communication channel"} and len(view.story) == 8


def test_label_text_falls_back_to_a_shortened_summary():
    assert label_text("Hotline back", "Whatever") == "Hotline back"
    assert label_text("", "Kim said he was willing to send a delegation (planned)") == (
        "Kim said he was willing to send…"
    )
    assert label_text("", "Channel suspended (ongoing since)") == "Channel suspended"


def test_a_long_label_loses_its_first_words_not_what_happened():
    assert label_text("Cross-border communication channel reopened", "x") == (
        "Communication channel reopened"
    )
    assert label_text("Panmunjom communication channel suspended", "x") == (
        "Communication channel suspended"
    )
    # two words that do not fit are cut at the end
    assert label_text("Extraordinarilylongwordnumberone Anotherverylongwordtwo", "x").endswith("…")


def test_eras_at_names_who_was_in_office():
    names = {era.group: era.name for era in eras_at(dt.date(2018, 6, 12))}
    assert names == {
        "South Korea": "Moon Jae-in",
        "United States": "Donald Trump (first term)",
        "North Korea": "Kim Jong Un",
    }
    assert {era.name for era in eras_at(dt.date(2011, 12, 17))} >= {"Kim Jong Un"}  # handover


def test_the_default_title_says_what_the_view_shows_in_words(data):
    state = ViewState(date_from="2018", date_to="2018", categories=("summit/talks",))
    view = view_of(data, state)
    assert default_title(state, view.in_view, view.window) == (
        "Inter-Korean relations, 2018: summit and talks"
    )
    assert category_words("military/nuclear/missile") == "military, nuclear and missile"
    both = ViewState(actors=("China", "Japan"), text="hotline")
    assert default_title(both, view.in_view.iloc[:0], view.window) == (
        "Inter-Korean relations: involving China and Japan, mentioning “hotline”"
    )
    sub = subtitle(state, 2, 26)
    assert sub.startswith("2 of 26 events · in 2018 · category: summit/talks")
    assert footer(["Yonhap", "KCNA"], 3, TODAY) == (
        "Exported 15 Jan 2026 from the Korea timeline · Sources (3 documents): Yonhap; KCNA"
    )


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_an_export_is_laid_out_for_its_preset_with_title_subtitle_and_footer(data, preset):
    spec = PRESETS[preset]
    state = ViewState(categories=("summit/talks",))
    fig = export_figure(data, state, spec, today=TODAY)
    assert (fig.layout.width, fig.layout.height) == (spec.width, spec.height)
    notes = {a.name: a.text for a in fig.layout.annotations if a.name}
    assert "Inter-Korean relations, 2013-2024: summit and talks" in notes["title"]
    assert "category: summit/talks" in notes["subtitle"]
    assert notes["footer"].startswith("Exported 15 Jan 2026") and "Yonhap" in notes["footer"]
    assert any(name.startswith("label:") for name in notes)  # labels as on screen
    custom = export_figure(data, state, spec, title="My <own> title", today=TODAY)
    assert [a.text for a in custom.layout.annotations if a.name == "title"] == [
        "<b>My &lt;own&gt; title</b>"
    ]
    assert (spec.width * spec.scale, spec.height * spec.scale) in ((1920, 1080), (3508, 2480))


def test_the_image_job_tells_the_browser_what_to_render(data):
    job = image_job(data, ViewState(), "svg", "report", "", TODAY)
    assert job["format"] == "svg" and job["scale"] == 1 and job["filename"].endswith(".svg")
    assert (job["width"], job["height"]) == (1754, 1240)
    assert job["figure"]["layout"]["width"] == 1754
    png = image_job(data, ViewState(), "exe", "nonsense", "", TODAY)
    assert png["format"] == "png" and png["filename"].endswith("_slide.png")


def test_the_timelinejs_file_follows_the_documented_format(data):
    state = ViewState(x0="1950-01-01", x1="2031-01-01")
    document = timelinejs_document(data, state, TODAY)
    jsonschema.validate(document, SCHEMA)
    events = document["events"]
    assert len(events) == 26
    assert len({e["unique_id"] for e in events}) == 26
    treaty = next(e for e in events if e["unique_id"] == "event-treaty")
    assert treaty["start_date"] == {"year": 1953} and treaty["end_date"] == {"year": 1953}
    assert treaty["text"]["headline"] == "Treaty &lt;b&gt;signed&lt;/b&gt;"  # text, not HTML
    assert '<a href="https://example.org/treaty">Report on treaty</a>' in treaty["text"]["text"]
    plan = next(e for e in events if e["unique_id"] == "event-plan")
    assert plan["start_date"] == {"year": 2030, "month": 6}
    assert plan["end_date"] == {"year": 2030, "month": 6, "day": 30}
    for event in events:
        end = event.get("end_date", event["start_date"])
        start = event["start_date"]
        key = (start["year"], start.get("month", 1), start.get("day", 1))
        assert key <= (end["year"], end.get("month", 12), end.get("day", 31))
    eras = {era["text"]["headline"] for era in document["eras"]}
    assert "Moon Jae-in (South Korea)" in eras and "Roh Tae-woo (South Korea)" in eras
    assert all(era.endswith("(South Korea)") for era in eras)  # one line of eras
    assert document["title"]["text"]["headline"].startswith("Inter-Korean relations, 1953-2030")


def test_the_timelinejs_file_has_no_eras_when_they_are_off(data):
    document = timelinejs_document(data, ViewState(eras=False), TODAY)
    jsonschema.validate(document, SCHEMA)
    assert "eras" not in document


def test_an_older_table_without_weight_or_label_ranks_by_sources_and_labels_by_summary():
    rows = [{**row(f"o{i}", f"2018-0{i}-01", "summit/talks", ""), "label": ""} for i in range(1, 4)]
    rows.append({**rows[1], "doc": "another-doc"})  # o2 is told by two documents
    data = build_data(pd.DataFrame(rows).astype(str))
    assert by_importance(data.events)["event_id"].iloc[0] == "o2"
    assert data.events.set_index("event_id")["importance"].to_dict() == {
        "o1": 0.25,
        "o2": 0.5,
        "o3": 0.25,
    }
    fig = export_figure(data, ViewState(), PRESETS["slide"], today=TODAY)
    labels = {a.name: a.text for a in fig.layout.annotations if (a.name or "").startswith("label")}
    assert labels["label:o2"] == "Event o2 happened"  # the summary stands in for the label
