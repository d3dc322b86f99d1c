"""A hostile user against the app, without a browser: oversized bodies, foreign Host headers,
malformed callback inputs, and edits the readers would reject (issue 14, items 2-4, 9-11)."""

from __future__ import annotations

import json
import logging

import pytest

from extract.table.corrections import read_corrections
from extract.table.values import MAX_CELL_CHARS
from timeline_app.app import create_app
from timeline_app.corrections_ui import dating_hint, save_edit, undo_reject
from timeline_app.wsgi import MAX_BODY, allowed_hosts, host_name

ROWS = [
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d1",
        "sentence": "On 3 January 2018 the hotline rang." + "\x00" + " Again.",
        "evidence": "3 January 2018",
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
def paths(tmp_path, write_events):
    return write_events(tmp_path / "events.csv", ROWS), tmp_path / "corrections.csv"


@pytest.fixture()
def app(paths):
    return create_app(paths[0], corrections_path=paths[1])


def holder_of(app):
    return app.server.config["TIMELINE_DATA"]


# ---------------------------------------------------------------- HTTP


def test_a_body_over_the_limit_gets_413_before_it_is_read(app):
    client = app.server.test_client()
    response = client.post(
        "/_dash-update-component",
        data=b"x" * (MAX_BODY + 1),
        content_type="application/json",
    )
    assert response.status_code == 413
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8050", "127.0.0.1.evil.example"])
def test_a_foreign_host_header_gets_403(app, host):
    client = app.server.test_client()
    assert client.get("/", headers={"Host": host}).status_code == 403
    assert client.post("/_dash-update-component", headers={"Host": host}).status_code == 403


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8050", "[::1]:8050", "LOCALHOST."])
def test_loopback_host_headers_are_served(app, host):
    assert app.server.test_client().get("/", headers={"Host": host}).status_code == 200


def test_allowed_hosts_from_the_command_line():
    assert host_name("[::1]:80") == "::1" and host_name("Example.ORG.:8050") == "example.org"
    names = allowed_hosts("127.0.0.1", ["class.example.org"])
    assert {"localhost", "127.0.0.1", "::1", "class.example.org"} <= names
    assert "evil.example" not in names
    assert "localhost" in allowed_hosts("0.0.0.0")  # plus the machine's own names


GARBAGE = [{"a": 1}, 7, -1, ["x", 3], "x" * 300, None, True, 3.5, {"points": "x"}, [{}]]


def _callbacks(client) -> list[dict]:
    deps = client.get("/_dash-dependencies").get_json()
    return [d for d in deps if not d.get("clientside_function")]


def _outputs(output: str) -> list[dict]:
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    out = []
    for part in parts:
        component, prop = part.split("@")[0].rsplit(".", 1)
        out.append({"id": component, "property": prop})
    return out


def test_malformed_callback_inputs_never_raise_in_app_code(app, caplog):
    """Every server callback, each of its inputs and states in turn given a value of the wrong
    shape: answered 200 or 204, never 500, and nothing logged as an exception."""
    client = app.server.test_client()
    requests, answered = 0, 0
    with caplog.at_level(logging.ERROR):
        for callback in _callbacks(client):
            outputs = _outputs(callback["output"])
            slots = [("inputs", i) for i in callback["inputs"]] + [
                ("state", s) for s in callback["state"]
            ]
            for _, target in slots:
                for bad in GARBAGE:
                    payload = {
                        "output": callback["output"],
                        "outputs": outputs if len(outputs) > 1 else outputs[0],
                        "inputs": [
                            {**i, "value": bad if i is target else None} for i in callback["inputs"]
                        ],
                        "state": [
                            {**s, "value": bad if s is target else None} for s in callback["state"]
                        ],
                        "changedPropIds": [f"{target['id']}.{target['property']}"],
                    }
                    response = client.post(
                        "/_dash-update-component",
                        data=json.dumps(payload),
                        content_type="application/json",
                    )
                    requests += 1
                    answered += response.status_code == 200
                    assert response.status_code in (200, 204), (
                        callback["output"],
                        target,
                        bad,
                        response.data[:300],
                    )
    assert requests > 300 and answered > requests // 2
    assert not [r for r in caplog.records if r.exc_info], caplog.text[-2000:]


# ---------------------------------------------------------------- the edit form's rules


def test_non_ascii_digits_are_refused_with_a_message_and_nothing_written(app, paths):
    holder = holder_of(app)
    message = save_edit(holder, "e2", {"date": "２０１８-06", "precision": "month"})
    assert message.startswith("Not saved") and "non-ASCII digits" in message
    assert not paths[1].exists() and holder.version == 0
    assert "non-ASCII" in dating_hint("１９５３", "", "year")
    assert "YYYY-MM-DD" in dating_hint("2018-06", "", "day")
    assert "real calendar date" in dating_hint("2019-02-30", "", "day")
    assert dating_hint("2019-02-28", "", "day") is None


def test_an_over_long_or_control_char_summary_is_refused(app, paths):
    holder = holder_of(app)
    for summary in ("x" * (MAX_CELL_CHARS + 1), "a\x00b", "two\nlines"):
        message = save_edit(holder, "e2", {"summary": summary})
        assert message.startswith("Not saved: Summary:"), message
    assert not paths[1].exists()
    assert save_edit(holder, "e2", {"summary": "y" * MAX_CELL_CHARS}).startswith("Saved summary")
    assert read_corrections(paths[1])[1] == []


def test_a_sentence_with_a_nul_never_reaches_the_file(app, paths):
    holder = holder_of(app)
    assert save_edit(holder, "e1", {"summary": "Hotline rings"}).startswith("Saved")
    raw = paths[1].read_bytes()
    assert b"\x00" not in raw and b"the hotline rang. Again." in raw
    assert save_edit(holder, "e1", {"summary": "Hotline rings again"}).startswith("Saved")
    again = holder_of(create_app(paths[0], corrections_path=paths[1]))
    assert again.data.event("e1")["summary"] == "Hotline rings again"


def test_formulas_from_the_form_are_neutralised_in_the_file_and_read_back(app, paths):
    holder = holder_of(app)
    formula = '=HYPERLINK("http://evil.example","click")'
    assert save_edit(holder, "e2", {"summary": formula}).startswith("Saved")
    text = paths[1].read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert holder.data.event("e2")["summary"] == formula  # shown as typed, stored safely


def test_two_tabs_editing_different_fields_keep_both(app, paths):
    holder = holder_of(app)
    event = holder.data.event("e2")
    loaded = {name: str(event[name]) for name in ("date", "date_end", "precision", "summary")}
    loaded["category"] = str(event["category"])
    tab1 = {**loaded, "category": "summit/talks"}
    tab2 = {**loaded, "summary": "Singapore summit"}  # opened before tab 1 saved
    assert save_edit(holder, "e2", tab1, loaded=loaded) == (
        "Saved category (recorded in corrections.csv)."
    )
    assert save_edit(holder, "e2", tab2, loaded=loaded) == (
        "Saved summary (recorded in corrections.csv)."
    )
    event = holder.data.event("e2")
    assert (event["category"], event["summary"]) == ("summit/talks", "Singapore summit")


def test_reject_can_be_undone(app, paths):
    holder = holder_of(app)
    assert save_edit(holder, "e2", {}, reject=True).startswith("Rejected")
    assert holder.data.event("e2") is None
    assert undo_reject(holder, "e2").startswith("Restored")
    assert holder.data.event("e2") is not None
    lines, problems = read_corrections(paths[1])
    assert problems == [] and not [c for c in lines if c.action == "reject"]
    assert undo_reject(holder, "../etc").startswith("Nothing to undo")
