"""The extractor version hashes exactly the code and data that shape rows."""

from __future__ import annotations

from pathlib import Path

from extract.run.version import EXTRACT, row_shaping_files


def relative(paths: list[Path]) -> set[str]:
    return {path.relative_to(EXTRACT).as_posix() for path in paths}


def test_the_version_covers_every_stage_and_nothing_that_only_runs_them() -> None:
    files = relative(row_shaping_files())
    for shaping in (
        "dating/rules.py",
        "dating/resolvers.py",
        "dating/narrative.py",
        "documents/reader.py",
        "events/dedupe.py",
        "enrich/headlines.py",
        "sentences.py",
        "pipeline.py",
        "tabulate.py",
        "table/schema.py",
        "table/vocabulary.py",
    ):
        assert shaping in files, shaping
    for running in ("cli.py", "__main__.py", "run/cache.py", "run/driver.py", "run/local.py"):
        assert running not in files, running
    assert not any(name.startswith("run/") for name in files)
    # Every module of a stage package is covered (recursively): nothing shapes rows unseen.
    for package in ("dating", "events", "enrich", "documents"):
        on_disk = relative(list((EXTRACT / package).rglob("*.py")))
        assert on_disk <= files, on_disk - files
