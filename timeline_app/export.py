"""CSV download (with spreadsheet-formula neutralisation) and PNG rendering with kaleido."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from extract.table.atomic import write_atomically
from extract.table.schema import COLUMNS

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")
SYSTEM_CHROMIUM = "/usr/bin/chromium"


def neutralise_cell(value: object) -> str:
    """Prefix a ' to a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS_FIRST) else text


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [neutralise_cell(c) for c in out.columns]
    for column in out.columns:
        values = out[column].astype(str)
        risky = values.str.startswith(DANGEROUS_FIRST)
        if risky.any():
            values = values.where(~risky, "'" + values)
        out[column] = values
    return out


def events_csv(rows: pd.DataFrame) -> str:
    """The rows (schema columns) as safe CSV text."""
    columns = [c for c in [*COLUMNS, "status"] if c in rows.columns]
    return neutralise_frame(rows[columns]).to_csv(index=False, lineterminator="\n")


def safe_filename(text: str, default: str = "timeline") -> str:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._")[:80]
    return name or default


def ensure_browser_path() -> None:
    """kaleido >= 1 drives a Chromium; use the system one, never download a browser."""
    if not os.environ.get("BROWSER_PATH") and Path(SYSTEM_CHROMIUM).exists():
        os.environ["BROWSER_PATH"] = SYSTEM_CHROMIUM


class ExportError(RuntimeError):
    """A PNG could not be made; the message says why and what to install."""


def figure_png(
    fig: go.Figure, width: int = 1600, height: int | None = None, scale: float = 2
) -> bytes:
    ensure_browser_path()
    browser = os.environ.get("BROWSER_PATH", "")
    if not browser or not Path(browser).exists():
        raise ExportError(
            "PNG export needs Chromium: install Debian's package "
            "(apt-get install chromium) or set BROWSER_PATH to a Chromium binary"
        )
    height = height or int(fig.layout.height or 700)
    try:
        return fig.to_image(format="png", width=width, height=height, scale=scale)
    except Exception as error:  # kaleido raises several types; all mean "no image"
        raise ExportError(f"PNG export failed with {browser}: {error}") from None


def write_png(
    fig: go.Figure, out: str | Path, width: int = 1600, height: int | None = None, scale: float = 2
) -> Path:
    """Render and write atomically (temp file in the same folder, then rename)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = figure_png(fig, width=width, height=height, scale=scale)
    write_atomically(out, lambda stream: stream.write(data))
    return out
