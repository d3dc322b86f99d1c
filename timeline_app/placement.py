"""Where marks and labels go on the chart, in pixels.

build_figure knows the size of the figure in pixels (the browser sends the size of the graph;
exports have presets), so it can decide here what the browser will draw:
- `text_width`: the width of a text in Arial (Liberation Sans on Linux has the same metrics;
  the widths below were measured in Chromium), so labels can be placed without a browser;
- `stack_rows`: the sub-rows of one lane, so that events of the same day (or overlapping
  periods) sit one above the other instead of hiding each other;
- `place_labels`: a greedy placement, heaviest event first, that tries a few positions around
  each mark and keeps the first that overlaps no mark, no label already placed and no reserved
  area, so labels never hide each other or the marks' hover targets. The heaviest events may
  also take a position further up or down, joined to their mark by a vertical leader line
  that crosses nothing either.
Pure and deterministic: the same input gives the same picture.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"
# Advance widths in 1/1000 em of the characters ' ' (32) to '~' (126), regular and bold.
_ASCII = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_ASCII_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
_OTHER = {"‘": 222, "’": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "…": 1000, "·": 278}
_WIDTHS = {
    False: {chr(32 + i): int(w) for i, w in enumerate(_ASCII.split())} | _OTHER,
    True: {chr(32 + i): int(w) for i, w in enumerate(_ASCII_BOLD.split())} | _OTHER,
}
WIDE = 1000  # CJK and other full-width characters
SAFETY = 1.04  # rounding and hinting in the browser; never narrower than drawn


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in pixels of one line of `text` at font `size` (px), Arial metrics."""
    widths = _WIDTHS[bold]
    total = 0
    for char in text:
        width = widths.get(char)
        if width is None:
            width = WIDE if ord(char) >= 0x1100 else 556
        total += width
    return total * size / 1000 * SAFETY


def lines_width(text: str, size: float, bold: bool = False) -> float:
    """Width of a text whose lines are separated by <br> (plotly's line break)."""
    return max(text_width(line, size, bold) for line in text.split("<br>"))


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut[limit // 2 :]:  # not at the end of a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def wrap(text: str, size: float, width: float, max_lines: int = 2, bold: bool = False) -> str:
    """Break `text` into lines of at most `width` pixels joined by <br>; the last allowed line
    is shortened with an ellipsis when the text does not fit."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold) <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        last = f"{lines[-1]} {' '.join(words)}"
        while len(last) > 1 and text_width(last, size, bold) > width:
            last = shorten(last, len(last) - 1)
        lines[-1] = last
    return "<br>".join(lines)


def stack_rows(
    starts: np.ndarray,
    ends: np.ndarray,
    capacity: int,
    order: np.ndarray | None = None,
    gap: float = 2,
) -> np.ndarray:
    """Sub-row of each mark of one lane, from the marks' pixel extents.

    Marks are taken in `order` (default: as given); each takes the first row, from the middle
    outwards (0, -1, 1, -2, 2, ...), where it touches no mark placed before it, and when every
    row is taken, the row where it overlaps the fewest. Returns signed row offsets (0 is the
    lane's centre line). Taking the lightest events first leaves the heaviest on the outer
    rows of a cluster, where their labels can sit next to them."""
    capacity = max(1, capacity)
    slots = [0]
    for k in range(1, capacity):
        slots.append(-((k + 1) // 2) if k % 2 else k // 2)
    occupied: list[list[tuple[float, float]]] = [[] for _ in slots]
    rows = np.zeros(len(starts), dtype=int)
    for i in range(len(starts)) if order is None else order:
        start, end = starts[i] - gap, ends[i] + gap
        best, fewest = 0, None
        for slot, taken in enumerate(occupied):
            at = bisect.bisect_left(taken, (start, end))
            clashes = 0
            j = at - 1
            while j >= 0 and taken[j][1] > start:  # a wide mark to the left may reach here
                clashes += 1
                j -= 1
            j = at
            while j < len(taken) and taken[j][0] < end:
                clashes += 1
                j += 1
            if clashes == 0:
                best, fewest = slot, 0
                break
            if fewest is None or clashes < fewest:
                best, fewest = slot, clashes
        bisect.insort(occupied[best], (starts[i], ends[i]))
        rows[i] = slots[best]
    return rows


@dataclass(frozen=True)
class LabelRequest:
    """One label to place: the mark it belongs to (pixel box, y grows downwards), the band its
    label's centre must stay in (its lane), and the label's size in pixels."""

    key: str
    mark: tuple[float, float, float, float]  # x0, y0, x1, y1
    band: tuple[float, float]  # y top, y bottom
    width: float
    height: float
    leader: bool = False  # may sit further away, joined to the mark by a line


@dataclass(frozen=True)
class PlacedLabel:
    key: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    leader: tuple[float, float, float, float] | None = None  # x, y at the mark, x, y at the label


Candidate = tuple[float, float, tuple[float, float, float, float] | None]
LEADER_STEPS = (1, 2, 3, 4, 5, 6)  # label heights between a mark and a label on a leader line


def _candidates(request: LabelRequest, gap: float) -> list[Candidate]:
    """Top-left corners to try: right of the mark, left of it, then above and below it; for a
    label that may have a leader, further above and below, over the mark's middle."""
    x0, y0, x1, y1 = request.mark
    w, h = request.width, request.height
    middle = (y0 + y1) / 2 - h / 2
    above, below = y0 - gap - h, y1 + gap
    out: list[Candidate] = [
        (x1 + gap, middle, None),
        (x0 - gap - w, middle, None),
        (x0, above, None),
        (x0, below, None),
        (x1 - w, above, None),
        (x1 - w, below, None),
    ]
    if request.leader:
        cx = (x0 + x1) / 2
        for step in LEADER_STEPS:
            for share in (0.5, 0.15, 0.85):
                left = cx - share * w
                top = above - step * (h + gap)
                out.append((left, top, (cx, y0, cx, top + h)))
                top = below + step * (h + gap)
                out.append((left, top, (cx, y1, cx, top)))
    return out


def place_labels(
    requests: Sequence[LabelRequest],
    obstacles: np.ndarray,
    area: tuple[float, float, float, float],
    limit: int,
    gap: float = 3,
) -> list[PlacedLabel]:
    """Place labels in the order given (heaviest first), at most `limit` of them.

    `obstacles` is an (n, 4) array of boxes (x0, y0, x1, y1) nothing may overlap: every mark and
    any reserved area. A label is placed at the first candidate position inside `area` whose
    centre lies in its band and whose box meets no obstacle and no label placed before it
    (with `gap` pixels between labels); a label with no such position is left out."""
    boxes = np.asarray(obstacles, dtype=float).reshape(-1, 4)
    placed: list[PlacedLabel] = []
    taken = np.empty((0, 4))
    ax0, ay0, ax1, ay1 = area
    for request in requests:
        if len(placed) >= limit:
            break
        w, h = request.width, request.height
        for left, top, leader in _candidates(request, gap):
            box = (left, top, left + w, top + h)
            centre = top + h / 2
            if left < ax0 or top < ay0 or box[2] > ax1 or box[3] > ay1:
                continue
            reach = h if leader else 0  # a label on a leader line may stick out a little
            if not request.band[0] - reach <= centre <= request.band[1] + reach:
                continue
            if _hits(boxes, box, 1) or _hits(taken, box, gap):
                continue
            line = None
            if leader is not None:  # the line from the mark's edge to the label's edge
                x, y_mark, _, y_label = leader
                line = (x - 1, min(y_mark, y_label) + 1, x + 1, max(y_mark, y_label) - 1)
                if _hits(boxes, line, 0) or _hits(taken, line, 1):
                    continue
            placed.append(PlacedLabel(request.key, box, leader))
            taken = np.vstack([taken, box] + ([line] if line else []))
            break
    return placed


def free_position(
    tries: Sequence[tuple[float, float]],
    width: float,
    height: float,
    obstacles: np.ndarray,
    area: tuple[float, float, float, float],
) -> tuple[float, float]:
    """The first top-left corner in `tries` whose box lies in `area` and meets no obstacle; if
    every one does, the one inside `area` that meets the fewest."""
    boxes = np.asarray(obstacles, dtype=float).reshape(-1, 4)
    best, fewest = tries[0], None
    for left, top in tries:
        box = (left, top, left + width, top + height)
        if left < area[0] or top < area[1] or box[2] > area[2] or box[3] > area[3]:
            continue
        count = _count(boxes, box, 2)
        if count == 0:
            return left, top
        if fewest is None or count < fewest:
            best, fewest = (left, top), count
    return best


def _count(boxes: np.ndarray, box: tuple[float, float, float, float], pad: float) -> int:
    x0, y0, x1, y1 = box
    return int(
        np.count_nonzero(
            (boxes[:, 0] < x1 + pad)
            & (boxes[:, 2] > x0 - pad)
            & (boxes[:, 1] < y1 + pad)
            & (boxes[:, 3] > y0 - pad)
        )
    )


def _hits(boxes: np.ndarray, box: tuple[float, float, float, float], pad: float) -> bool:
    return bool(len(boxes)) and _count(boxes, box, pad) > 0
