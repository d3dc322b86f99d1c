"""Fuzzing the app's side of the table (issue 14): mutated events tables and corrections files
through the app's loader and `extract --corrections`, and saves from the edit form with
hostile values. The property: a loaded table, or a clear one-line error naming the file (and
line) — never a traceback; and anything the app writes is read back by its readers.

Seeded and bounded (derandomized, a few dozen examples each, no deadline) so it runs in well
under a minute on a busy machine; bench/fuzz_app.py runs the same mutators at campaign size.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.table.corrections import CorrectionsFileError, read_corrections
from extract.table.values import MAX_CELL_CHARS

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("fuzz_app", ROOT / "bench" / "fuzz_app.py")
fuzz_app = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz_app)

SETTINGS = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
IDS = [f"ev{i:04d}" for i in range(8)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "events.csv").write_text(fuzz_app.events_text(random.Random(1)), encoding="utf-8")
    return folder


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_mutated_events_tables_load_or_give_one_clear_line(folder, rng):
    path = folder / "mutated" / "events.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(fuzz_app.mutate(rng, fuzz_app.events_text(rng)))
    assert fuzz_app.check_events_file(path) is None


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_mutated_corrections_apply_or_give_file_and_line(folder, rng):
    path = folder / "corrections.csv"
    path.write_bytes(fuzz_app.mutate(rng, fuzz_app.corrections_text(rng, IDS)))
    assert fuzz_app.check_corrections_file(folder / "events.csv", path) is None


HOSTILE_TEXT = st.one_of(
    st.sampled_from(fuzz_app.CELL_PAYLOADS),
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), max_size=30).map(lambda t: "=" + t),
    st.builds(lambda n: "x" * n, st.integers(MAX_CELL_CHARS - 2, MAX_CELL_CHARS + 2)),
)
FORM = st.fixed_dictionaries(
    {},
    optional={
        "date": HOSTILE_TEXT,
        "date_end": HOSTILE_TEXT,
        "precision": st.sampled_from(["day", "month", "year", "decade", "x", ""]),
        "summary": HOSTILE_TEXT,
        "category": st.sampled_from(["politics", "other", "<b>", ""]),
    },
)


@SETTINGS
@given(st.randoms(use_true_random=False), FORM)
def test_what_the_app_writes_its_readers_read(folder, rng, form):
    """A save with hostile form values on top of a mutated corrections file: refused with a
    message, or saved, and the file is still read by both readers."""
    from timeline_app.corrections_ui import load_holder, save_edit

    path = folder / "saves.csv"
    path.write_bytes(fuzz_app.mutate(rng, fuzz_app.corrections_text(rng, IDS)))
    try:
        read_corrections(path)
        readable = True
    except CorrectionsFileError:
        readable = False
    before = path.read_bytes()
    holder = load_holder(folder / "events.csv", path)
    message = save_edit(holder, "ev0001", form)
    assert message.startswith(("Saved", "Not saved", "Nothing changed", "Event ")), message
    if not message.startswith("Saved"):
        assert path.read_bytes() == before  # a refused save leaves no line behind
    if readable:
        read_corrections(path)  # raises if the app made it unreadable
        assert fuzz_app.check_corrections_file(folder / "events.csv", path) is None


# ---------------------------------------------------------------- through `extract`

DOC = (
    "---\ntitle: Talks\npublished: 2018-05-01\n---\n"
    "The two Koreas held a summit on April 27, 2018. North Korea fired a missile on "
    "May 14, 2017.\n"
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    from extract.cli import main

    folder = tmp_path_factory.mktemp("extract")
    (folder / "corpus").mkdir()
    (folder / "corpus" / "a.txt").write_text(DOC, encoding="utf-8")
    out = folder / "events.csv"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main([str(folder / "corpus"), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    from extract.table.schema import read_events

    ids = sorted(set(read_events(out)[0]["event_id"]))
    return folder, out, ids


@settings(SETTINGS, max_examples=12)
@given(st.randoms(use_true_random=False))
def test_extract_with_mutated_corrections_never_tracebacks(extracted, rng):
    from extract.cli import main

    folder, out, ids = extracted
    corrections = folder / "corrections.csv"
    corrections.write_bytes(fuzz_app.mutate(rng, fuzz_app.corrections_text(rng, ids)))
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        code = main(
            [str(folder / "corpus"), "-o", str(out), "--quiet", "--jobs", "1",
             "--corrections", str(corrections)]
        )  # fmt: skip
    err = stderr.getvalue()
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith(f"error: {corrections}:") and "nothing written" in err, err
    else:
        assert code == 0, err
        *lines, summary = err.splitlines()
        assert " documents (" in summary and " corrections applied" in summary, summary
        for line in lines:
            assert line.startswith(("warning: ", "note: ")) and str(corrections) in line, line
