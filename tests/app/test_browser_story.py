"""The chart that tells the story, in headless Chromium: labels that overlap nothing, eras,
honest marks and the legend, the presentation for a class, exports (PNG, SVG, TimelineJS),
the layout at 1366x768, zoom buttons, and the light plotly bundle served compressed.

Every test waits for a condition (a count, a caption, a download), never for a time."""

from __future__ import annotations

import itertools
import json
import struct
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")

SCHEMA = json.loads((Path(__file__).parent / "data" / "timelinejs.schema.json").read_text())
CATEGORIES = ("summit/talks", "military/nuclear/missile", "communication channel", "politics")


def event(event_id: str, date: str, category: str, weight: float, **more: str) -> dict:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return {
        "event_id": event_id,
        "date": date,
        "precision": precision,
        "summary": f"{category.split('/')[0].title()} event {event_id} in the news",
        "label": f"{category.split('/')[0].split()[0].title()} {event_id}",
        "category": category,
        "actors": "North Korea;South Korea",
        "weight": f"{weight:.3f}",
        "doc": f"doc-{event_id}",
        "title": f"Report {event_id}",
        "source": "Yonhap" if int(event_id[1:]) % 2 else "KCNA",
        "url": f"https://example.org/{event_id}",
        "published": "2025-06-30",
        "sentence": f"It happened on {date}, officials said.",
        "evidence": date,
        **more,
    }


# About 60 events, 2013-2025, crowded in 2018, with same-day events, spans of every kind, a
# planned and an ongoing event, and one 1953 treaty far before the rest.
ROWS = [
    event("e00", "1953", "military/nuclear/missile", 0.99, summary="Armistice treaty signed"),
    *[
        event(
            f"e{i:02d}",
            f"{2013 + (i * 7) % 12}-{1 + (i * 5) % 12:02d}-{1 + (i * 11) % 27:02d}",
            CATEGORIES[i % 4],
            ((i * 37) % 50) / 50,
        )
        for i in range(1, 31)
    ],
    *[
        event(f"e{i:02d}", f"2018-{1 + (i % 6):02d}-{3 + i % 20:02d}", CATEGORIES[i % 3], 0.5)
        for i in range(31, 51)
    ],
    event("e51", "2018-01-03", "communication channel", 0.97, summary="Hotline reopened"),
    event("e52", "2018-01-03", "communication channel", 0.3, summary="Officials check the line"),
    event("e53", "2018-01-03", "communication channel", 0.2, summary="Seoul welcomes the call"),
    event("e54", "2018-06", "summit/talks", 0.96, summary="Singapore summit", label="Singapore"),
    event("e55", "2017", "military/nuclear/missile", 0.6, summary="Year of ICBM tests"),
    event(
        "e56",
        "2016-02",
        "communication channel",
        0.9,
        summary="The channel has been suspended (ongoing since)",
        published="2018-01-04",
    ),
    event("e57", "2028-04", "politics", 0.4, summary="Elections (planned)", label="Elections"),
    event("e58", "2019-02-27", "summit/talks", 0.8, date_end="2019-02-28", label="Hanoi"),
    event("e59", "2020", "politics", 0.1, precision="approx", label="Around 2020"),
]
N = len(ROWS)


@pytest.fixture(scope="module")
def url(tmp_path_factory, serve, write_events):
    from timeline_app.app import create_app

    path = write_events(tmp_path_factory.mktemp("story") / "events.csv", ROWS)
    return serve(create_app(path, read_only=True))


CHART = "document.querySelector('#graph .js-plotly-plot')"


def wait_chart(page, condition: str = "true", arg=None) -> None:
    """Wait until the view's own chart is drawn (the page opens with the default view's; the
    first render marks the root 'rendered') and `condition` (JS, gd = the graph) holds."""
    page.wait_for_function(
        f"arg => {{ const gd = {CHART}; if (!gd || !gd._fullLayout ||"
        " !gd.querySelector('.cartesianlayer')"
        " || !document.getElementById('root').classList.contains('rendered')) return false;"
        f" return ({condition}); }}",
        arg=arg,
        timeout=60_000,
    )


def wait_count(page, expected: int) -> None:
    page.wait_for_function(
        "n => { const el = document.getElementById('count-number');"
        " return el && el.innerText.replace(/,/g, '') === String(n); }",
        arg=expected,
        timeout=60_000,
    )


def texts(page, selector: str) -> list[str]:
    """The text of SVG elements (which have no innerText)."""
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent)")


def wait_step(page, step: str) -> None:
    """Wait for the presentation's progress to read `step` ('4 / 18')."""
    page.wait_for_function(
        "s => (document.getElementById('cap-step') || {}).innerText === s", arg=step
    )


def boxes(page) -> dict:
    """Bounding boxes (page pixels) of the labels, the marks and the plot area, as drawn."""
    return page.evaluate(
        """() => {
        const gd = document.querySelector('#graph .js-plotly-plot');
        const rect = e => { const r = e.getBoundingClientRect();
                            return [r.left, r.top, r.right, r.bottom]; };
        const labels = [], notes = gd.layout.annotations || [];
        gd.querySelectorAll('.annotation').forEach(g => {
            const note = notes[+g.getAttribute('data-index')];
            if (note && (note.name || '').startsWith('label:')) {
                const text = g.querySelector('text.annotation-text');
                labels.push({text: text.textContent, box: rect(g.querySelector('rect.bg')),
                             size: parseFloat(getComputedStyle(text).fontSize)});
            }
        });
        const marks = [];
        gd.querySelectorAll('.scatterlayer path.point, .barlayer .point path').forEach(e => {
            const b = rect(e); if (b[2] > b[0] || b[3] > b[1]) marks.push(b);
        });
        return {labels, marks, plot: rect(gd.querySelector('.nsewdrag'))};
    }"""
    )


def overlaps(a, b, tolerance: float = 0.5) -> bool:
    return (
        a[0] < b[2] - tolerance
        and b[0] < a[2] - tolerance
        and a[1] < b[3] - tolerance
        and b[1] < a[3] - tolerance
    )


def assert_labels_overlap_nothing(drawn: dict) -> None:
    labels, marks = drawn["labels"], drawn["marks"]
    for i, label in enumerate(labels):
        hit = [m for m in marks if overlaps(label["box"], m)]
        assert not hit, f"label {label['text']!r} covers a mark at {hit[0]}"
        for other in labels[i + 1 :]:
            assert not overlaps(label["box"], other["box"]), (label["text"], other["text"])


@pytest.mark.parametrize("viewport", [(1920, 1080), (1366, 768)])
def test_labels_of_the_heaviest_events_overlap_nothing(new_page, url, viewport):
    page = new_page(*viewport)
    page.goto(url)
    wait_count(page, N - 1)
    wait_chart(page, "gd.querySelectorAll('.annotation').length > 3")
    drawn = boxes(page)
    shown = {label["text"] for label in drawn["labels"]}
    heaviest = {"Communication e51", "Singapore", "Politics e27", "Summit e04"}  # 0.96-0.98
    assert len(heaviest & shown) >= 3 and len(shown) >= 8
    assert_labels_overlap_nothing(drawn)
    if viewport[0] == 1920:
        assert min(label["size"] for label in drawn["labels"]) >= 15  # legible from afar


def test_zooming_in_labels_more_events_and_the_count_and_table_follow(new_page, url):
    first_half_2018 = {r["label"] for r in ROWS if "2018-01" <= r["date"] < "2018-07"}
    page = new_page(1366, 768)
    page.goto(url)
    wait_count(page, N - 1)
    wait_chart(page, "gd.querySelectorAll('.annotation').length > 3")
    before = {label["text"] for label in boxes(page)["labels"]} & first_half_2018
    page.goto(url + "?x0=2017-12-01&x1=2018-07-15")
    wait_count(page, 26)  # the events of the first half of 2018
    wait_chart(page, "String(gd._fullLayout.xaxis.range[0]).startsWith('2017-12-01')")
    drawn = boxes(page)
    after = {label["text"] for label in drawn["labels"]} & first_half_2018
    assert len(after) >= len(before) + 5
    assert_labels_overlap_nothing(drawn)
    page.wait_for_function(  # the table too: the events in view, from the earliest
        "() => { const cells = [...document.querySelectorAll('#table td')]"
        ".map(td => td.innerText); return cells.includes('February 2016')"
        " && !cells.some(text => /2013|2014|2015/.test(text)); }"
    )
    assert "26 of 60 events in view" in page.inner_text("#count")


def test_same_day_events_in_one_lane_do_not_hide_each_other(new_page, url):
    page = new_page(1920, 1080)
    page.goto(url + "?x0=2017-11-01&x1=2018-03-01&cat=communication+channel")
    wait_chart(page, "String(gd._fullLayout.xaxis.range[0]).startsWith('2017-11-01')")
    centres = page.evaluate(
        """() => {
        const gd = document.querySelector('#graph .js-plotly-plot');
        const out = [];
        gd.querySelectorAll('.scatterlayer path.point').forEach(e => {
            const r = e.getBoundingClientRect();
            out.push([r.left + r.width / 2, r.top + r.height / 2, r.height]);
        });
        return out;
    }"""
    )
    same_day = sorted(c for c in centres if abs(c[0] - centres[0][0]) < 1)
    assert len(same_day) >= 3
    gaps = [b[1] - a[1] for a, b in itertools.pairwise(same_day)]
    assert min(gaps) >= max(c[2] for c in same_day) - 1  # one above the other, none hidden


def test_all_shows_every_event_from_1953_and_one_year_stays_in_the_past(new_page, url):
    page = new_page(1366, 768)
    page.goto(url)
    wait_count(page, N - 1)
    page.click("#btn-zoom-all")
    wait_count(page, N)
    wait_chart(page, "gd._fullLayout.xaxis.range[0] < '1953'")
    assert "events shown" in page.inner_text("#count")
    page.click("#btn-zoom-1y")
    page.wait_for_function("() => /x1=2024/.test(location.search)")
    wait_chart(page, "gd._fullLayout.xaxis.range[1] < '2025-12-31'")  # not the 2028 plan


def test_empty_lanes_disappear_under_filters(new_page, url):
    page = new_page(1366, 768)
    page.goto(url + "?cat=politics")
    wait_chart(page, "!(gd.layout.yaxis.ticktext || []).includes('summit/talks')")
    ticks = page.evaluate(f"() => {CHART}.layout.yaxis.ticktext")
    assert "politics" in ticks and not {"summit/talks", "communication<br>channel"} & set(ticks)


def test_eras_are_named_bands_that_can_be_switched_off(new_page, url):
    page = new_page(1920, 1080)
    page.goto(url)
    wait_chart(page, "gd.querySelectorAll('.barlayer text').length > 2")
    names = texts(page, "#graph .barlayer text")
    assert "Moon Jae-in" in names and "Park Geun-hye" in names
    page.uncheck("#f-show input[value=eras]")
    page.wait_for_function("() => /eras=0/.test(location.search)")
    wait_chart(page, "!(gd.layout.yaxis.ticktext || []).includes('US president')")
    names = texts(page, "#graph .barlayer text")
    assert "Moon Jae-in" not in names


def test_the_legend_explains_planned_and_ongoing_marks(new_page, url):
    page = new_page(1920, 1080)
    page.goto(url + "?from=2016&to=2030")
    wait_chart(page, "gd.querySelector('.legend') !== null")
    legend = " | ".join(texts(page, "#graph .legend .legendtext"))
    assert "Planned (period)" in legend and "Ongoing to its latest report" in legend
    assert "Day" in legend and "Month, season, year, decade" in legend


def test_the_presentation_starts_at_the_first_key_event_highlighted_in_the_chart(new_page, url):
    page = new_page(1920, 1080)
    page.goto(url)
    wait_count(page, N - 1)
    page.click("#btn-present")
    wait_step(page, "1 / 18")
    assert page.inner_text("#cap-date") == "1953"
    assert page.inner_text("#cap-summary") == "Armistice treaty signed"
    assert "North Korea: Kim Il Sung" in page.inner_text("#cap-era")  # the era named
    wait_chart(page, "gd._fullLayout.xaxis.range[0] < '1953'")
    highlight = page.evaluate(
        """() => {
        const gd = document.querySelector('#graph .js-plotly-plot');
        const i = gd._fullData.findIndex(t => t.name === 'Selected event');
        const trace = gd.querySelectorAll('.barlayer .trace, .scatterlayer .trace');
        const paths = [...gd.querySelectorAll('.barlayer .trace .point path')]
            .filter(p => p.closest('.trace').__data__[0].trace.index === i);
        const r = paths[0].getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom];
    }"""
    )
    plot = boxes(page)["plot"]
    assert plot[0] <= highlight[0] < highlight[2] <= plot[2]  # inside the chart
    assert plot[1] <= highlight[1] < highlight[3] <= plot[3]
    assert page.locator("#graph .legend").count() == 1  # the legend in this mode too
    line = page.eval_on_selector("#cap-summary", "e => parseFloat(getComputedStyle(e).lineHeight)")
    height = page.eval_on_selector("#cap-summary", "e => e.getBoundingClientRect().height")
    assert height <= 2 * line + 1  # the headline on at most two lines
    page.keyboard.press("ArrowRight")
    wait_step(page, "2 / 18")
    assert "present=1" in page.url and "sel=" in page.url  # a shareable step
    date = page.inner_text("#cap-date")
    page.click("#btn-story")  # all the events: the same event, now one of all
    page.wait_for_function(
        "n => ((document.getElementById('cap-step') || {}).innerText || '').endsWith('/ ' + n)",
        arg=N,
    )
    assert page.inner_text("#cap-date") == date


def test_a_filtered_presentation_tells_only_those_events(new_page, url):
    page = new_page(1366, 768)
    page.goto(url + "?cat=summit%2Ftalks&present=1")
    wait_step(page, "1 / 15")
    wait_chart(page, "gd.layout.annotations.some(a => a.name === 'callout')")
    assert page.is_hidden("#sidebar")


def test_at_1366x768_chart_table_and_detail_are_on_screen_without_scrolling(new_page, url):
    page = new_page(1366, 768)
    page.goto(url + "?sel=e54")
    page.wait_for_selector("#detail .detail-date", timeout=60_000)
    wait_chart(page)
    page.wait_for_selector("#table tbody tr td")
    for selector in ("#graph .nsewdrag", "#table", "#detail .detail-summary", "#detail-date"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= 768, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1366, selector
    assert page.evaluate("() => document.scrollingElement.scrollHeight") <= 768


def read_png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def export(page, button: str, preset: str = "slide") -> tuple[str, bytes]:
    if not page.is_visible("#export-title"):
        page.click("#export-menu summary")
    page.check(f"#export-preset input[value={preset}]")
    with page.expect_download(timeout=120_000) as info:
        page.click(button)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_png_and_svg_exports_have_a_title_a_footer_and_no_controls(new_page, url):
    page = new_page(1366, 768)
    page.goto(url + "?cat=summit%2Ftalks&from=2018&to=2018")
    page.wait_for_function(
        "() => (document.getElementById('export-title') || {}).value"
        " === 'Inter-Korean relations, 2018: summit and talks'"
    )
    name, png = export(page, "#btn-png", "slide")
    assert name.endswith("_slide.png") and read_png_size(png) == (1920, 1080)
    page.wait_for_function(
        "() => /Saved .*1920 × 1080/.test(document.getElementById('export-status').textContent)"
    )
    _, report = export(page, "#btn-png", "report")
    assert read_png_size(report) == (3508, 2480)  # A4 landscape at 300 dpi
    page.fill("#export-title", "Summits of 2018 <for class>")
    name, svg = export(page, "#btn-svg", "slide")
    assert name.endswith(".svg") and svg.lstrip().startswith(b"<svg")
    text = " ".join(ElementTree.fromstring(svg).itertext())
    assert "Summits of 2018 <for class>" in text  # the edited title, shown as text
    assert "Exported" in text and "Sources (" in text and "Yonhap" in text  # the footer
    assert "category: summit/talks" in text  # the subtitle with the filters
    assert b"rangeslider" not in svg and b"rangeselector" not in svg and b"modebar" not in svg
    assert "Singapore" in text  # labels as on screen
    assert not page.errors


def test_the_timelinejs_file_is_valid_and_holds_the_view(new_page, url):
    page = new_page(1366, 768)
    page.goto(url + "?cat=summit%2Ftalks")
    wait_chart(page)
    page.click("#export-menu summary")
    with page.expect_download(timeout=120_000) as info:
        page.click("#btn-timelinejs")
    document = json.loads(Path(info.value.path()).read_text())
    jsonschema.validate(document, SCHEMA)
    assert {e["group"] for e in document["events"]} == {"summit/talks"}
    assert any(e["text"]["headline"] == "Singapore summit" for e in document["events"])
    assert document["title"]["text"]["headline"].endswith("summit and talks")


def test_the_light_plotly_bundle_is_served_compressed(new_page, url):
    page = new_page()
    responses = []
    page.on("response", lambda r: responses.append((r.url, r.headers.get("content-encoding"))))
    page.goto(url)
    wait_chart(page)
    page.wait_for_load_state("networkidle")
    scripts = {u.split("?")[0].rsplit("/", 1)[-1]: enc for u, enc in responses}
    assert "plotly-cartesian-4.1.1.min.js" in scripts and "plotly.min.js" not in scripts
    assert scripts["plotly-cartesian-4.1.1.min.js"] in ("gzip", "br", "zstd", "deflate")
    assert page.evaluate("() => window.Plotly.version") == "4.1.1"
