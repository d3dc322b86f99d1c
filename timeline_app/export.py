"""What leaves the app: CSV downloads (spreadsheet formulas neutralised), links (http(s) only),
the export presets (a slide, a report page) and PNG/SVG rendering with kaleido for the command
line (the app renders its exports in the browser with the same figure)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import plotly.graph_objects as go

from extract.table.atomic import write_atomically
from extract.table.schema import COLUMNS
from extract.table.values import neutralise_cell  # the one rule, shared with corrections.csv

SYSTEM_CHROMIUM = "/usr/bin/chromium"
# kaleido 1.x now and then runs its script before its page has loaded it ("kaleido_scopes is
# not defined", about one run in six on a busy machine); a second attempt renders.
KALEIDO_ATTEMPTS = 2
log = logging.getLogger("timeline_app")


def safe_link(url: str) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell (and header) through values.neutralise_cell, the rule corrections.csv uses."""
    out = frame.copy()
    out.columns = [neutralise_cell(c) for c in out.columns]
    for column in out.columns:
        out[column] = out[column].astype(str).map(neutralise_cell)
    return out


def events_csv(rows: pd.DataFrame) -> str:
    """The rows (schema columns) as safe CSV text."""
    columns = [c for c in [*COLUMNS, "status"] if c in rows.columns]
    return neutralise_frame(rows[columns]).to_csv(index=False, lineterminator="\n")


def safe_filename(text: str, default: str = "timeline") -> str:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._")[:80]
    return name or default


@dataclass(frozen=True)
class ExportPreset:
    """A picture's size: the figure is laid out at width x height (CSS pixels) and rendered
    at `scale`, with `font` as its base font size."""

    label: str
    width: int
    height: int
    scale: float
    font: int


PRESETS: dict[str, ExportPreset] = {
    "slide": ExportPreset("Slide, 16:9 (1920 × 1080)", 1920, 1080, 1, 20),
    "report": ExportPreset("Report, A4 landscape at 300 dpi (3508 × 2480)", 1754, 1240, 2, 17),
}
IMAGE_FORMATS = ("png", "svg")


def ensure_browser_path() -> None:
    """kaleido >= 1 drives a Chromium; use the system one, never download a browser."""
    if not os.environ.get("BROWSER_PATH") and Path(SYSTEM_CHROMIUM).exists():
        os.environ["BROWSER_PATH"] = SYSTEM_CHROMIUM


class ExportError(RuntimeError):
    """An image could not be made; the message says why and what to install."""


def figure_image(fig: go.Figure, fmt: str, scale: float = 1) -> bytes:
    """The figure as PNG or SVG bytes, rendered by kaleido at the figure's own size."""
    ensure_browser_path()
    browser = os.environ.get("BROWSER_PATH", "")
    if not browser or not Path(browser).exists():
        raise ExportError(
            f"{fmt.upper()} export needs Chromium: install Debian's package "
            "(apt-get install chromium) or set BROWSER_PATH to a Chromium binary"
        )
    for attempt in range(KALEIDO_ATTEMPTS):
        try:
            return fig.to_image(
                format=fmt, width=fig.layout.width, height=fig.layout.height, scale=scale
            )
        except Exception as error:  # kaleido raises several types; all mean "no image"
            failure = error
            if attempt + 1 < KALEIDO_ATTEMPTS:
                log.warning("kaleido failed (%s); trying again", str(error)[:120])
    raise ExportError(f"{fmt.upper()} export failed with {browser}: {failure}") from None


def write_file(out: str | Path, data: bytes) -> Path:
    """Write atomically (temp file in the same folder, then rename)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, lambda stream: stream.write(data))
    return out
