"""The command line: PNG export with kaleido (system Chromium) and clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest

from extract.table.schema import COLUMNS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture()
def events(tmp_path) -> Path:
    rows = [
        {
            "event_id": "e1",
            "date": "2018-01-03",
            "precision": "day",
            "summary": "Hotline",
            "category": "communication channel",
            "actors": "North Korea;South Korea",
            "doc": "a",
        },
        {
            "event_id": "e2",
            "date": "2019-02-27",
            "date_end": "2019-02-28",
            "precision": "day",
            "summary": "Hanoi",
            "category": "summit/talks",
            "actors": "North Korea",
            "doc": "a",
        },
        {
            "event_id": "e3",
            "date": "1990",
            "date_end": "1999",
            "precision": "decade",
            "summary": "Famine",
            "category": "humanitarian",
            "actors": "North Korea",
            "doc": "a",
        },
    ]
    path = tmp_path / "events.csv"
    base = {c: "" for c in COLUMNS}
    pd.DataFrame([{**base, **r} for r in rows], columns=COLUMNS).to_csv(path, index=False)
    return path


@pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists() and not os.environ.get("BROWSER_PATH"),
    reason="kaleido needs a Chromium (/usr/bin/chromium)",
)
def test_export_writes_a_png_of_the_filtered_view(events, tmp_path):
    out = tmp_path / "charts" / "chart.png"
    result = run(
        "export",
        "--out",
        str(out),
        "--events",
        str(events),
        "--from",
        "2018",
        "--to",
        "2019",
        "--category",
        "summit/talks",
        "--width",
        "800",
        "--height",
        "500",
        "--scale",
        "2",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1600  # width x scale
    assert int.from_bytes(data[20:24], "big") == 1000
    assert not list(out.parent.glob(".*.tmp"))  # temp file renamed into place


@pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists() and not os.environ.get("BROWSER_PATH"),
    reason="kaleido needs a Chromium (/usr/bin/chromium)",
)
def test_export_writes_an_svg_slide_with_title_subtitle_and_footer(events, tmp_path):
    out = tmp_path / "slide.svg"
    result = run(
        "export",
        "--out",
        str(out),
        "--events",
        str(events),
        "--category",
        "summit/talks",
        "--preset",
        "slide",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    svg = out.read_bytes()
    root = ElementTree.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    text = " ".join(root.itertext())
    assert "Inter-Korean relations, 2019: summit and talks" in text  # the default title
    assert "category: summit/talks" in text and "Exported" in text
    assert b"rangeslider" not in svg and b"rangeselector" not in svg


def test_export_writes_a_timelinejs_file(events, tmp_path):
    out = tmp_path / "view.json"
    result = run("export", "--out", str(out), "--events", str(events), "--no-eras", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text())
    assert [e["text"]["headline"] for e in document["events"]] == ["Famine", "Hotline", "Hanoi"]
    assert "eras" not in document


def test_export_refuses_an_unknown_format(events, tmp_path):
    result = run("export", "--out", str(tmp_path / "x.gif"), "--events", str(events), cwd=tmp_path)
    assert result.returncode == 2 and "must end in .png, .svg or .json" in result.stderr


def test_export_reports_a_missing_events_file(tmp_path):
    result = run(
        "export",
        "--out",
        str(tmp_path / "x.png"),
        "--events",
        str(tmp_path / "nope.csv"),
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "nope.csv: file not found" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_export_rejects_a_bad_date(events, tmp_path):
    result = run(
        "export",
        "--out",
        str(tmp_path / "x.png"),
        "--events",
        str(events),
        "--from",
        "2019-02-30",
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "--from '2019-02-30' is not a date" in result.stderr


def test_serve_help_documents_host_and_debug(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--host" in result.stdout and "127.0.0.1" in result.stdout and "--debug" in result.stdout


def test_serve_runs_under_waitress_on_loopback(events, tmp_path):
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "timeline_app", "--events", str(events), "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120  # a condition with a generous limit, not a count
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    header = response.headers.get("Server", "")
                    body = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.2)
        assert "waitress" in header.lower()
        assert "Inter-Korean relations timeline" in body
        assert _guarded(port) == (403, 413)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    assert f"at http://127.0.0.1:{port}/ (waitress)" in err


def _guarded(port: int) -> tuple[int, int]:
    """The answers of a running server to a foreign Host header (DNS rebinding) and to a body
    over the size limit (only its length is sent: it is refused before it is read)."""
    import http.client

    from timeline_app.wsgi import MAX_BODY

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/", headers={"Host": "evil.example:8050"})
    foreign = connection.getresponse().status
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.putrequest("POST", "/_dash-update-component")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(MAX_BODY + 1))
    connection.endheaders()
    connection.send(b"{")
    too_big = connection.getresponse().status
    connection.close()
    return foreign, too_big


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn runs on Linux and macOS")
def test_serve_with_workers_runs_several_processes_under_gunicorn(events, tmp_path):
    import socket
    import time
    import urllib.request

    import psutil

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "timeline_app", "--events", str(events)]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2", "--threads", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    header = response.headers.get("Server", "")
                    body = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.2)
        assert "gunicorn" in header.lower()
        assert "Inter-Korean relations timeline" in body
        workers = psutil.Process(server.pid).children()
        assert len(workers) == 2
        assert _guarded(port) == (403, 413)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"at http://127.0.0.1:{port}/ (gunicorn, 2 workers x 2 threads)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--workers", "0"], "at least 1"), (["--workers", "2", "--debug"], "leave out --workers")],
)
def test_bad_worker_settings_are_clear_errors(args, message, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_busy_port_is_a_clear_error_not_a_traceback(events: Path, tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("--events", str(events), "--port", str(port), cwd=tmp_path)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_without_chromium_is_a_clear_error(events: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BROWSER_PATH": str(tmp_path / "no-chromium")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "timeline_app",
            "export",
            "--events",
            str(events),
            "--out",
            str(tmp_path / "chart.png"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "PNG export needs Chromium" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "chart.png").exists()


def test_the_export_command_does_not_import_the_dash_app() -> None:
    """`python -m timeline_app export` renders the figure without Dash (faster, fewer moving
    parts): importing the command line and the export path leaves Dash unloaded."""
    code = (
        "import sys, timeline_app.__main__, timeline_app.viewmodel, timeline_app.export;"
        "print(sorted(m for m in sys.modules if m == 'dash' or m.startswith('dash.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
