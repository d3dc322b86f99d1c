"""Corrections from the detail panel: saved to corrections.csv, shown at once, kept on restart."""

from __future__ import annotations

import pandas as pd
import pytest

from extract.table.schema import COLUMNS
from timeline_app.app import create_app
from timeline_app.corrections_ui import save_edit

ROWS = [
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d1",
        "sentence": "On 3 January 2018 the hotline rang.",
        "evidence": "3 January 2018",
    },
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d2",
        "sentence": "The line opened on January 3.",
        "evidence": "January 3",
    },
    {
        "event_id": "e2",
        "date": "2018-06",
        "precision": "month",
        "summary": "Singapre summit",
        "category": "other",
        "actors": "North Korea;United States",
        "doc": "d1",
        "sentence": "In June 2018 they met.",
        "evidence": "June 2018",
    },
]


@pytest.fixture()
def paths(tmp_path):
    events = tmp_path / "events.csv"
    base = {c: "" for c in COLUMNS}
    pd.DataFrame([{**base, **r} for r in ROWS], columns=COLUMNS).to_csv(events, index=False)
    return events, tmp_path / "corrections.csv"


def holder_of(events, corrections):
    return create_app(events, corrections_path=corrections).server.config["TIMELINE_DATA"]


def test_edit_shows_at_once_and_survives_a_restart(paths):
    events, corrections = paths
    holder = holder_of(events, corrections)
    assert holder.editable and not corrections.exists()
    message = save_edit(
        holder,
        "e2",
        {
            "date": "2018-06-12",
            "date_end": "",
            "precision": "day",
            "summary": "Singapore summit",
            "category": "summit/talks",
        },
    )
    assert message.startswith("Saved") and corrections.exists()
    event = holder.data.event("e2")
    assert (event["date"], event["precision"], event["summary"], event["category"]) == (
        "2018-06-12",
        "day",
        "Singapore summit",
        "summit/talks",
    )
    assert event["status"] == "corrected" and holder.version == 1
    assert holder.data.event("e1")["status"] == "extracted"

    again = holder_of(events, corrections)  # a restart reads the corrections file
    assert again.data.event("e2")["summary"] == "Singapore summit"
    assert again.data.event("e2")["kind"] == "point"  # re-prepared at its new precision
    # the events file itself is never touched
    assert "Singapre summit" in events.read_text()


def test_last_write_wins_and_shared_events_change_every_source(paths):
    events, corrections = paths
    holder = holder_of(events, corrections)
    form = {
        "date": "2018-01-03",
        "date_end": "",
        "precision": "day",
        "category": "communication channel",
    }
    save_edit(holder, "e1", {**form, "summary": "First"})
    save_edit(holder, "e1", {**form, "summary": "Second"})
    assert holder.data.event("e1")["summary"] == "Second"
    assert set(holder.data.sources_for("e1")["summary"]) == {"Second"}
    assert holder.data.event("e1")["n_sources"] == 2
    lines = pd.read_csv(corrections, dtype=str, keep_default_na=False)
    assert (lines["field"] == "summary").sum() == 1  # replaced, not appended


def test_reject_removes_the_event_and_stays_rejected(paths):
    events, corrections = paths
    holder = holder_of(events, corrections)
    assert save_edit(holder, "e2", {}, reject=True).startswith("Rejected")
    assert holder.data.event("e2") is None
    assert len(holder.data.events) == 1
    assert holder_of(events, corrections).data.event("e2") is None


def test_invalid_edit_is_refused_with_a_message(paths):
    events, corrections = paths
    holder = holder_of(events, corrections)
    form = {
        "date": "2018-02-30",
        "date_end": "",
        "precision": "day",
        "summary": "Singapre summit",
        "category": "other",
    }
    message = save_edit(holder, "e2", form)
    assert message.startswith("Not saved") and "2018-02-30" in message
    assert holder.data.event("e2")["date"] == "2018-06" and holder.version == 0
    assert save_edit(
        holder,
        "e2",
        {
            "date": "2018-06",
            "date_end": "",
            "precision": "month",
            "summary": "Singapre summit",
            "category": "other",
        },
    ) == ("Nothing changed.")
    assert save_edit(holder, "nope", form).endswith("not in the table any more.")


def test_read_only_when_data_is_given(paths):
    from timeline_app.data import load_data

    events, _ = paths
    app = create_app(data=load_data(events))
    holder = app.server.config["TIMELINE_DATA"]
    assert not holder.editable
    assert save_edit(holder, "e2", {"summary": "x"}) == "Editing is not available for this table."


def test_read_only_app_has_no_edit_form(paths):
    import json

    events, corrections = paths
    app = create_app(events, corrections_path=corrections, read_only=True)
    holder = app.server.config["TIMELINE_DATA"]
    assert not holder.editable
    assert "btn-save" not in json.dumps(app.layout().to_plotly_json(), default=str)
    assert save_edit(holder, "e2", {"summary": "x"}).startswith("Editing is not available")
    assert not corrections.exists()


def test_a_correction_saved_by_one_server_process_shows_in_the_others(paths):
    """Under `--workers N` each process holds its own data: a save in one must show in the
    others, which re-apply the corrections file when it changes (checked on each request)."""
    events, corrections = paths
    first, second = holder_of(events, corrections), holder_of(events, corrections)
    app = create_app(events, corrections_path=corrections)
    third = app.server.config["TIMELINE_DATA"]
    fields = {"date": "2018-06", "date_end": "", "precision": "month", "category": "other"}
    message = save_edit(first, "e2", {**fields, "summary": "Singapore summit"})
    assert message.startswith("Saved")
    assert second.data.event("e2")["summary"] == "Singapre summit"  # not read yet
    version = second.version
    second.refresh()
    assert second.data.event("e2")["summary"] == "Singapore summit"
    assert second.version == version + 1  # views cached by version are made again
    second.refresh()  # nothing changed since: nothing re-applied
    assert second.version == version + 1
    with app.server.test_client() as client:  # a request is what makes a process look
        assert client.get("/_dash-layout").status_code == 200
    assert third.data.event("e2")["summary"] == "Singapore summit"
