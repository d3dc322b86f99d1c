"""The edit form in headless Chromium (issue 14 items 2-4 and 10, issue 10 item 7): what the
readers would reject is refused in the form with a message, two tabs editing different fields
keep both, Reject asks first and can be undone, density-mode hovers show data as text.
Every wait is for a condition (Playwright's expect, generous timeouts), never a fixed time."""

from __future__ import annotations

import pytest

from extract.table.corrections import read_corrections
from extract.table.values import MAX_CELL_CHARS

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect
expect.set_options(timeout=60_000)  # a loaded 2-core machine: wait long, never fixed times

ROWS = [
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d1",
        "source": "Yonhap",
        "sentence": "On 3 January 2018 the hotline rang again.",
        "evidence": "3 January 2018",
    },
    {
        "event_id": "e2",
        "date": "2018-06",
        "precision": "month",
        "summary": "Singapore summit",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "d2",
        "source": "Reuters",
        "sentence": "In June 2018 they met.",
        "evidence": "June 2018",
    },
]


@pytest.fixture()
def app_url(tmp_path, serve, write_events):
    from timeline_app.app import create_app

    events = write_events(tmp_path / "events.csv", ROWS)
    return serve(create_app(events)), tmp_path / "corrections.csv"


def open_form(new_page, url: str, event_id: str = "e2"):
    page = new_page()
    page.goto(f"{url}/?sel={event_id}")
    expect(page.locator("#edit-summary")).to_be_visible()
    summary = {"e1": "Hotline reopened", "e2": "Singapore summit"}[event_id]
    expect(page.locator("#edit-summary")).to_have_value(summary)  # the form is filled
    return page


def test_non_ascii_digits_are_refused_in_the_form_with_a_message(new_page, app_url):
    url, corrections = app_url
    page = open_form(new_page, url)
    page.fill("#edit-date", "２０１８-07")
    expect(page.locator("#edit-hint")).to_contain_text("non-ASCII digits")
    page.click("#btn-save")
    expect(page.locator("#edit-msg")).to_contain_text("Not saved: Date:")
    expect(page.locator("#edit-msg")).to_contain_text("non-ASCII digits")
    page.fill("#edit-date", "2018-02-30")
    expect(page.locator("#edit-hint")).to_contain_text("not a real calendar date")
    assert not corrections.exists()
    assert not page.errors


def test_an_over_long_summary_is_refused_in_the_form_with_a_message(new_page, app_url):
    url, corrections = app_url
    page = open_form(new_page, url)
    page.fill("#edit-summary", "x" * (MAX_CELL_CHARS + 1))
    page.click("#btn-save")
    expect(page.locator("#edit-msg")).to_contain_text("Not saved: Summary: is 131,072 characters")
    assert not corrections.exists()
    # the refused text stays in the form, to be shortened (the form is not refilled)
    assert page.locator("#edit-summary").input_value() == "x" * (MAX_CELL_CHARS + 1)
    page.fill("#edit-summary", "Singapore summit, Trump and Kim")
    page.click("#btn-save")
    expect(page.locator("#edit-msg")).to_have_text("Saved summary (recorded in corrections.csv).")
    assert read_corrections(corrections)[1] == []


def test_two_tabs_editing_different_fields_keep_both(new_page, app_url):
    url, corrections = app_url
    first, second = open_form(new_page, url), open_form(new_page, url)  # both open first
    first.fill("#edit-summary", "Singapore summit (first tab)")
    first.click("#btn-save")
    expect(first.locator("#edit-msg")).to_have_text("Saved summary (recorded in corrections.csv).")
    second.fill("#edit-date", "2018-07")  # its summary field still shows the old summary
    second.click("#btn-save")
    expect(second.locator("#edit-msg")).to_have_text("Saved date (recorded in corrections.csv).")
    expect(second.locator("#edit-summary")).to_have_value("Singapore summit (first tab)")
    lines, problems = read_corrections(corrections)
    assert not problems
    assert {(c.field, c.value) for c in lines} == {
        ("summary", "Singapore summit (first tab)"),
        ("date", "2018-07"),
    }


def test_reject_asks_for_confirmation_and_can_be_undone(new_page, app_url):
    url, corrections = app_url
    page = open_form(new_page, url)
    page.click("#btn-reject")
    expect(page.locator("#reject-confirm")).to_be_visible()
    page.click("#btn-reject-no")  # cancel: nothing happens
    expect(page.locator("#reject-confirm")).to_be_hidden()
    assert not corrections.exists()
    page.click("#btn-reject")
    page.click("#btn-reject-yes")
    expect(page.locator("#edit-msg")).to_contain_text("Rejected")
    expect(page.locator("#edit-box")).to_be_hidden()
    expect(page.locator("#count-number")).to_have_text("1")
    assert [c.action for c in read_corrections(corrections)[0]] == ["reject"]
    page.click("#btn-undo")
    expect(page.locator("#edit-msg")).to_contain_text("Restored")
    expect(page.locator("#btn-undo")).to_be_hidden()
    expect(page.locator("#count-number")).to_have_text("2")
    expect(page.locator("#edit-summary")).to_have_value("Singapore summit")
    assert read_corrections(corrections)[0] == []
    assert not page.errors


HOSTILE = '<b>Bold</b><a href="https://evil.example">lane</a><i>x</i>'


def test_density_mode_hovers_show_lane_names_as_text(new_page, serve, write_events, tmp_path):
    from timeline_app.app import create_app
    from timeline_app.sample import synthetic_events

    rows = synthetic_events(2500, seed=3)
    rows["category"] = HOSTILE
    path = tmp_path / "events.csv"
    rows.to_csv(path, index=False)
    page = new_page()
    page.goto(serve(create_app(path, read_only=True)))
    # the view's own chart (the page opens with the default view's): a heatmap of counts
    page.wait_for_function(
        "() => { const gd = document.querySelector('#graph .js-plotly-plot');"
        " return gd && gd._fullData && document.getElementById('root').classList"
        ".contains('rendered') && gd._fullData.some(t => t.type === 'heatmap'); }"
    )
    hover = page.locator("#graph .hoverlayer .hovertext")
    for _ in range(3):  # hover a non-empty cell, through plotly's own hover (as a mouse would)
        page.evaluate("""() => {
            const gd = document.querySelector('#graph .js-plotly-plot');
            const t = gd._fullData.find(t => t.type === 'heatmap');
            const xa = gd._fullLayout.xaxis;
            for (let i = 0; i < t.z.length; i++) {
                for (let j = 0; j + 1 < t.x.length; j++) {
                    if (t.z[i][j] > 0) {  // the middle of the cell, in data coordinates
                        const x = (xa.d2c(t.x[j]) + xa.d2c(t.x[j + 1])) / 2;
                        Plotly.Fx.hover(gd, {xval: x, yval: t.y[i]}, 'xy');
                        return;
                    }
                }
            }
        }""")
        try:
            expect(hover.first).to_be_attached(timeout=15_000)
            break
        except AssertionError:  # a late re-render cleared it: hover again
            continue
    expect(hover.first).to_contain_text("<b>Bold</b>")
    assert page.locator("#graph .hoverlayer a").count() == 0
    assert page.locator("#graph .hoverlayer [style*='bold']").count() == 0
    assert not page.errors
