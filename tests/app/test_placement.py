"""Pixel geometry without a browser: text widths, shortening, stacking, label placement."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.placement import (
    LabelRequest,
    free_position,
    place_labels,
    shorten,
    stack_rows,
    text_width,
    wrap,
)


def test_text_width_uses_arial_metrics():
    # H o t l i n e = 722 + 556 + 278 + 222 + 222 + 556 + 556 thousandths of an em
    assert abs(text_width("Hotline", 14) - 3112 * 14 / 1000 * 1.04) < 0.01
    assert text_width("Hotline", 28) == 2 * text_width("Hotline", 14)
    assert text_width("WWW", 14) > text_width("iii", 14)
    assert text_width("Hotline", 14, bold=True) > text_width("Hotline", 14)
    assert text_width("평양", 14) == 2 * 14 * 1.04  # full-width characters


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("Singapore summit", 30) == "Singapore summit"
    cut = shorten("North Korea tested intercontinental ballistic missiles", 30)
    assert cut == "North Korea tested…" and len(cut) <= 30
    assert shorten("  many   spaces  ", 30) == "many spaces"


def test_wrap_keeps_to_the_width_and_the_number_of_lines():
    text = "Inter-Korean relations, 2018: summit and talks, involving the United States"
    lines = wrap(text, 20, 400, max_lines=2).split("<br>")
    assert len(lines) == 2 and all(text_width(line, 20) <= 400 for line in lines)
    assert " ".join(lines) == text  # it fits in two lines: nothing is cut
    lines = wrap(text, 20, 250, max_lines=2).split("<br>")
    assert len(lines) == 2 and all(text_width(line, 20) <= 250 for line in lines)
    assert lines[-1].endswith("…")
    assert wrap("short", 20, 400) == "short"


def test_stack_rows_puts_same_day_marks_one_above_the_other():
    starts = np.array([100.0, 100, 100, 100, 300])
    rows = stack_rows(starts, starts + 10, capacity=5)
    assert sorted(rows[:4]) == [-1, 0, 1, -2] or len(set(rows[:4])) == 4
    assert list(rows[:4]) == [0, -1, 1, -2]  # from the middle out
    assert rows[4] == 0  # room again on the middle row
    crowded = stack_rows(starts, starts + 10, capacity=1)
    assert set(crowded) == {0}  # one row: they overlap, nothing is lost


def test_free_position_avoids_obstacles():
    obstacles = np.array([[0, 0, 100, 20]])
    assert free_position([(10, 5), (10, 40)], 50, 10, obstacles, (0, 0, 200, 200)) == (10, 40)
    # nothing free: the one meeting the fewest obstacles inside the area
    many = np.array([[0, 0, 100, 20], [0, 30, 100, 60], [0, 35, 100, 45]])
    assert free_position([(10, 5), (10, 40)], 50, 10, many, (0, 0, 200, 200)) == (10, 5)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


boxes = st.tuples(st.floats(0, 900), st.floats(0, 500), st.floats(1, 80), st.floats(1, 30)).map(
    lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3])
)


@settings(max_examples=150, deadline=None)
@given(
    marks=st.lists(boxes, min_size=1, max_size=40),
    widths=st.lists(st.floats(20, 200), min_size=40, max_size=40),
)
def test_labels_never_overlap_marks_or_each_other(marks, widths):
    requests = [
        LabelRequest(str(i), mark, (mark[1] - 20, mark[3] + 20), widths[i], 16)
        for i, mark in enumerate(marks)
    ]
    area = (0, 0, 1000, 560)
    placed = place_labels(requests, np.array(marks), area, limit=30)
    for i, label in enumerate(placed):
        assert area[0] <= label.box[0] and label.box[2] <= area[2]
        assert area[1] <= label.box[1] and label.box[3] <= area[3]
        assert not any(overlap(label.box, mark) for mark in marks)
        assert not any(overlap(label.box, other.box) for other in placed[i + 1 :])
        mark = marks[int(label.key)]
        centre = (label.box[1] + label.box[3]) / 2
        assert mark[1] - 20 <= centre <= mark[3] + 20  # in its band
        near_x = label.box[0] - 4 <= mark[2] and mark[0] - 4 <= label.box[2]
        assert near_x  # next to its mark, not somewhere else
    assert len(placed) <= 30


def test_labels_go_in_order_of_the_requests():
    mark = (100, 100, 110, 110)
    requests = [LabelRequest(k, mark, (0, 300), 60, 16) for k in "abcdefg"]
    placed = place_labels(requests, np.array([mark]), (0, 0, 400, 300), limit=5)
    keys = [p.key for p in placed]
    assert keys[:2] == ["a", "b"] and keys == sorted(keys)  # in the order asked
    assert [p.key for p in place_labels(requests, np.array([mark]), (0, 0, 400, 300), 1)] == ["a"]
