"""Fuzz suite for the extractor's side of issue 14: hostile documents (front matter with
surrogate escapes, aliases, tags, odd titles; impossible dates; odd file names and encodings)
through the command line in this process, and damaged events tables through the reader.

Seeded and bounded (hypothesis `derandomize=True`, no deadline) so that it runs the same on every
machine in well under a minute; bench/fuzz.py runs the same generators at campaign size.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import random
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.cli import main

spec = importlib.util.spec_from_file_location(
    "fuzz_hostile", Path(__file__).with_name("hostile.py")
)
hostile = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hostile)


def seeded(examples: int) -> settings:
    """Derandomized (the same examples on every run), bounded, no deadline (a busy machine)."""
    return settings(
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=examples,
        suppress_health_check=list(HealthCheck),
    )


def run_cli(documents, options: list[str], suffix: str) -> tuple[dict[str, list[str]], bytes]:
    """Write the documents, run `python -m extract` on them in this process; (problems found
    by the property, the output's bytes)."""
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = Path(folder) / "corpus", Path(folder) / f"events{suffix}"
        hostile.write_corpus(corpus, documents)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main([str(corpus), "-o", str(out), "--jobs", "1", "--quiet", *options])
        found = hostile.run_problems(documents, code, err.getvalue(), out)
        return found, out.read_bytes() if out.exists() else b""


def assert_kept(found: dict[str, list[str]]) -> None:
    assert {kind: items for kind, items in found.items() if items} == {}


@seeded(25)
@given(
    st.randoms(use_true_random=False),
    st.integers(1, 6),
    st.sampled_from([".csv", ".parquet"]),
)
def test_hostile_corpora_never_kill_a_run_nor_lose_a_document(
    rng: random.Random, size: int, suffix: str
) -> None:
    documents = [hostile.make_document(rng, index) for index in range(size)]
    found, _ = run_cli(documents, ["--no-cache"], suffix)
    assert_kept(found)


@seeded(8)
@given(st.randoms(use_true_random=False), st.integers(2, 5))
def test_hostile_corpora_through_the_cache_give_the_same_table(
    rng: random.Random, size: int
) -> None:
    documents = [hostile.make_document(rng, index) for index in range(size)]
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = Path(folder) / "corpus", Path(folder) / "events.csv"
        hostile.write_corpus(corpus, documents)
        tables = []
        for _ in range(2):  # the second run reads every readable document from the cache
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = main([str(corpus), "-o", str(out), "--jobs", "1", "--quiet"])
            assert_kept(hostile.run_problems(documents, code, err.getvalue(), out))
            tables.append(out.read_bytes())
    _, clean = run_cli(documents, ["--no-cache"], ".csv")
    assert tables[0] == tables[1] == clean


@seeded(150)
@given(st.randoms(use_true_random=False))
def test_damaged_events_tables_give_located_messages(rng: random.Random) -> None:
    damaged = hostile.mutate_table(rng, EVENTS_SAMPLE)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        path.write_bytes(damaged)
        assert hostile.table_problems(path) == []


EVENTS_SAMPLE = "".join(
    (Path(__file__).resolve().parents[2] / "events.csv")
    .read_text(encoding="utf-8")
    .splitlines(keepends=True)[:12]
)
