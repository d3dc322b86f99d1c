"""The app in headless Chromium (Debian's /usr/bin/chromium via Playwright), under waitress."""

from __future__ import annotations

import re

import pandas as pd
import pytest

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

XSS_SENTENCE = (
    "On 5 May 2019 <script>window.__xss=1</script> and "
    '<img src=x onerror="window.__xss=2"> and [link](javascript:window.__xss=3).'
)
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
        "title": "Hotline back",
        "url": "https://example.org/1",
        "published": "2018-01-04",
    },
    {
        "event_id": "e1",
        "date": "2018-01-03",
        "precision": "day",
        "summary": "Hotline reopened",
        "category": "communication channel",
        "actors": "North Korea;South Korea",
        "doc": "d2",
        "source": "KCNA",
        "sentence": "The line opened on January 3.",
        "evidence": "January 3",
        "title": "Line open",
        "url": "https://example.org/2",
        "published": "2018-01-05",
    },
    {
        "event_id": "e2",
        "date": "2018-06",
        "precision": "month",
        "summary": "Singapore summit",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "d1",
        "source": "Reuters",
        "sentence": "In June 2018 they met.",
        "evidence": "June 2018",
    },
    {
        "event_id": "e3",
        "date": "2019-02-27",
        "date_end": "2019-02-28",
        "precision": "day",
        "summary": "Hanoi summit",
        "category": "summit/talks",
        "actors": "North Korea;United States",
        "doc": "d3",
        "source": "AP",
        "sentence": "Talks in Hanoi on Feb 27-28 ended early.",
        "evidence": "Feb 27-28",
    },
    {
        "event_id": "e4",
        "date": "1990",
        "date_end": "1999",
        "precision": "decade",
        "summary": "Famine",
        "category": "humanitarian",
        "actors": "North Korea",
        "doc": "d4",
        "source": "BBC",
        "sentence": "In the 1990s a famine struck.",
        "evidence": "1990s",
    },
    {
        "event_id": "e5",
        "date": "2020",
        "precision": "approx",
        "summary": "Border closed",
        "category": "propaganda/border",
        "actors": "China;North Korea",
        "doc": "d5",
        "source": "NK News",
        "sentence": "Around 2020 the border closed.",
        "evidence": "2020",
    },
    {
        "event_id": "xss",
        "date": "2019-05-05",
        "precision": "day",
        "summary": '<img src=x onerror="window.__xss=4">Payload event',
        "category": "other",
        "actors": "North Korea",
        "doc": "d6",
        "source": "Test",
        "sentence": XSS_SENTENCE,
        "evidence": "5 May 2019",
        "url": "javascript:window.__xss=5",
    },
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, serve, write_events):
    from timeline_app.app import create_app

    return serve(create_app(write_events(tmp_path_factory.mktemp("app") / "events.csv", ROWS)))


@pytest.fixture()
def page(new_page):
    return new_page()


def count(page) -> int:
    return int(page.inner_text("#count-number").replace(",", ""))


def wait_count(page, expected: int) -> None:
    page.wait_for_function(
        "n => { const el = document.getElementById('count-number');"
        " return el && el.innerText.replace(/,/g, '') === String(n); }",
        arg=expected,
        timeout=60_000,
    )


def test_page_loads_with_the_default_data(new_page, serve):
    from timeline_app.app import create_app
    from timeline_app.data import DEFAULT_EVENTS

    if not DEFAULT_EVENTS.exists():
        pytest.skip(f"{DEFAULT_EVENTS} is not there yet (written by the extractor)")
    page = new_page()
    page.goto(serve(create_app()))
    page.wait_for_selector("#graph .main-svg .cartesianlayer", timeout=60_000)
    page.wait_for_selector("#count-number", timeout=60_000)
    assert count(page) > 0
    assert not page.errors


def test_filter_changes_the_count(page, base_url):
    page.goto(base_url)
    wait_count(page, 6)
    page.fill("#f-text", "hanoi")
    page.press("#f-text", "Enter")
    wait_count(page, 1)
    assert "text=hanoi" not in page.url and "q=hanoi" in page.url
    assert page.locator("#table tbody tr").filter(has_text="Hanoi summit").count() == 1
    page.fill("#f-from", "2019-02-30")  # not a date: marked, ignored
    page.press("#f-from", "Enter")
    page.wait_for_selector(".invalid #f-from", timeout=60_000)  # Dash 4: class on the wrapper
    assert count(page) == 1 and "from=" not in page.url
    page.fill("#f-text", "")
    page.press("#f-text", "Enter")
    wait_count(page, 6)
    assert not page.errors


def test_table_row_click_opens_detail_with_highlighted_evidence(page, base_url):
    page.goto(base_url)
    wait_count(page, 6)
    cell = page.locator("#table td").filter(has_text="Hotline reopened").first
    for _ in range(3):  # under load the table may re-render once after the first paint
        cell.click()
        try:
            page.wait_for_selector("#detail mark.evidence", timeout=10000)
            break
        except playwright_api.TimeoutError:
            continue
    marks = page.locator("#detail mark.evidence").all_inner_texts()
    assert marks == ["3 January 2018", "January 3"]
    assert "2 sources" in page.inner_text("#detail")
    assert "sel=e1" in page.url


def test_chart_click_selects_event(page, base_url):
    page.goto(base_url + "?from=2019-02&to=2019-03")
    wait_count(page, 1)
    # the view's own chart is drawn (not the default view's the page opens with)
    page.wait_for_function(
        "() => { const gd = document.querySelector('#graph .js-plotly-plot');"
        " return gd && gd._fullData && document.getElementById('root').classList"
        ".contains('rendered') && gd._fullData.some(t => t.customdata"
        " && Array.from(t.customdata).includes('e3')); }"
    )
    # click the bar of the Hanoi interval: its pixel position from plotly's own axes
    where = """() => {
        const gd = document.querySelector('#graph .js-plotly-plot');
        const t = gd._fullData.find(t => t.customdata && Array.from(t.customdata).includes('e3'));
        const i = Array.from(t.customdata).indexOf('e3');
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
        const middle = xa.d2c(t.base[i]) + t.x[i] / 2;
        return [box.left + xa.c2p(middle), box.top + ya.d2p(t.y[i])];
    }"""
    for _ in range(3):  # a re-render under load may swallow a click: click again
        xy = page.evaluate(where)
        page.mouse.click(xy[0], xy[1])
        try:
            page.wait_for_selector("#detail mark.evidence", timeout=20_000)
            break
        except playwright_api.TimeoutError:
            continue
    page.wait_for_selector("#detail mark.evidence")
    assert page.inner_text("#detail mark.evidence") == "Feb 27-28"
    assert "Feb 27-28, 2019" in page.inner_text("#detail-date")


def test_presentation_mode_steps_with_arrow_keys(page, base_url):
    page.goto(base_url)
    wait_count(page, 6)
    page.click("#btn-present")
    page.wait_for_selector("#cap-date", timeout=60_000)
    assert page.inner_text("#cap-date") == "1990s"  # first in date order
    assert not page.is_visible("#sidebar")  # filters hidden
    assert "present=1" in page.url
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('cap-date').innerText === '3 Jan 2018'")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('cap-date').innerText === 'June 2018'")
    assert page.inner_text("#cap-summary") == "Singapore summit"
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.getElementById('cap-date').innerText === '3 Jan 2018'")
    page.click("#btn-next")
    page.wait_for_function("() => document.getElementById('cap-date').innerText === 'June 2018'")
    size = page.eval_on_selector("#cap-summary", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 32
    page.keyboard.press("Escape")
    page.wait_for_selector("#sidebar", state="visible", timeout=60_000)
    assert "present=1" not in page.url


def test_url_state_restores_the_view(page, base_url):
    page.goto(base_url + "?from=2018&to=2019&cat=summit%2Ftalks&lanes=actor&sel=e3")
    wait_count(page, 2)
    assert page.input_value("#f-from") == "2018"
    assert page.input_value("#f-to") == "2019"
    assert "summit/talks" in page.inner_text("#f-cat")
    assert page.is_checked("#f-lanes input[value=actor]")
    assert page.inner_text("#detail mark.evidence") == "Feb 27-28"
    ticks = page.locator("#graph .ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert "United States" in ticks  # actor lanes


def test_download_csv_is_filtered_and_neutralised(page, base_url):
    page.goto(base_url + "?q=hotline")
    wait_count(page, 1)
    with page.expect_download() as info:
        page.click("#btn-csv")
    frame = pd.read_csv(info.value.path(), dtype=str, keep_default_na=False)
    assert sorted(frame["doc"]) == ["d1", "d2"]  # both sources of the one event


def test_document_html_shows_as_text_and_never_runs(page, base_url):
    page.goto(base_url + "?sel=xss")
    page.wait_for_selector("#detail mark.evidence", timeout=60_000)
    detail = page.inner_text("#detail")
    assert "<script>window.__xss=1</script>" in detail
    assert '<img src=x onerror="window.__xss=2">' in detail
    assert "[link](javascript:window.__xss=3)" in detail
    assert '<img src=x onerror="window.__xss=4">Payload event' in detail
    assert page.locator("#detail img, #detail script, #detail a[href^=javascript]").count() == 0
    row = page.locator("#table td").filter(has_text=re.compile("Payload event"))
    assert row.count() == 1 and "<img" in row.inner_text()
    page.wait_for_load_state("networkidle")  # every response rendered (images would have loaded)
    assert page.evaluate("() => window.__xss") is None
    assert not page.errors


def test_edit_form_saves_a_correction_and_shows_it(new_page, serve, write_events, tmp_path):
    from timeline_app.app import create_app

    url = serve(create_app(write_events(tmp_path / "events.csv", ROWS[:4])))
    page = new_page()
    page.goto(url + "?sel=e2")
    page.wait_for_selector("#edit-summary", state="visible", timeout=60_000)
    assert page.input_value("#edit-summary") == "Singapore summit"
    page.fill("#edit-summary", "Singapore summit (Trump-Kim)")
    page.click("#btn-save")
    page.wait_for_function(
        "() => document.getElementById('edit-msg').innerText.startsWith('Saved')"
    )
    page.wait_for_function(
        "() => document.getElementById('detail').innerText.includes('Singapore summit (Trump-Kim)')"
    )
    assert "status: corrected" in page.inner_text("#detail")
    assert page.locator("#table td").filter(has_text="(Trump-Kim)").count() == 1
    assert (tmp_path / "corrections.csv").exists()


def test_hover_shows_document_html_as_text(page, base_url):
    page.goto(base_url + "?from=2019-05&to=2019-05")
    wait_count(page, 1)
    page.wait_for_selector("#graph .main-svg .scatterlayer .point", timeout=60_000)
    box = page.locator("#graph .scatterlayer .point").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#graph .hoverlayer .hovertext", timeout=60_000)
    hover = page.locator("#graph .hoverlayer .hovertext").text_content()
    assert '<img src=x onerror="window.__xss=4">Payload event' in hover
    assert "5 May 2019" in hover
    assert page.locator("#graph img").count() == 0
    assert page.evaluate("() => window.__xss") is None
