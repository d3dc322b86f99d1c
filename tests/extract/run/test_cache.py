"""The incremental cache: cached output equals uncached output, row for row, through edits,
deletions, additions, extractor changes and metadata.csv changes; safe when a run is killed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import extract.pipeline
import extract.run.cache
import extract.run.driver
from extract.cli import main
from extract.run.cache import ResultCache, default_cache_path
from extract.run.results import DocResult

ROOT = Path(__file__).resolve().parents[3]
DOCS = sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    return folder


def extract_to(corpus: Path, out: Path, *extra: str) -> tuple[int, str]:
    """Run the CLI in this process (--jobs 1 so monkeypatches apply); (exit code, stderr)."""
    import io
    from contextlib import redirect_stderr

    err = io.StringIO()
    with redirect_stderr(err):
        code = main([str(corpus), "-o", str(out), "--jobs", "1", "--quiet", *extra])
    return code, err.getvalue()


def entries(cache: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(cache) as db:
        return sorted(db.execute("SELECT doc, version FROM entries").fetchall())


def test_cached_output_equals_uncached_after_edit_delete_and_add(corpus: Path, tmp_path: Path):
    out, ref = tmp_path / "events.csv", tmp_path / "ref.csv"
    code, err = extract_to(corpus, out)
    assert code == 0 and f"cache: 0 reused, {len(DOCS)} extracted" in err
    assert default_cache_path(out) == tmp_path / "events.csv.cache.sqlite"
    assert default_cache_path(out).exists()
    extract_to(corpus, ref, "--no-cache")
    assert out.read_bytes() == ref.read_bytes()

    code, err = extract_to(corpus, out)  # warm: nothing extracted, same bytes
    assert code == 0 and f"cache: {len(DOCS)} reused, 0 extracted" in err, err
    assert out.read_bytes() == ref.read_bytes()

    edited = corpus / "05_voa_trump_dmz_2019.txt"
    deleted = corpus / "01_voa_kaesong_takeover_2016.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("2019", "2017"), encoding="utf-8")
    deleted.unlink()
    added = corpus / "sub" / "16_copy.txt"
    added.parent.mkdir()
    source = (corpus / "03_voa_hotline_reopen_2018.txt").read_text(encoding="utf-8")
    added.write_text(source.replace("2018", "2015"), encoding="utf-8")
    code, err = extract_to(corpus, out)
    assert code == 0 and f"cache: {len(DOCS) - 2} reused, 2 extracted" in err, err
    extract_to(corpus, ref, "--no-cache")
    assert out.read_bytes() == ref.read_bytes()
    text = out.read_text(encoding="utf-8")
    assert "01_voa_kaesong_takeover_2016.txt" not in text and "sub/16_copy.txt" in text
    # the deleted document's entry and the edited document's old entry are pruned
    docs = [doc for doc, _ in entries(default_cache_path(out))]
    assert sorted(docs) == sorted({*DOCS, "sub/16_copy.txt"} - {deleted.name})


def test_a_hit_does_not_extract(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "events.csv"
    extract_to(corpus, out)
    before = out.read_bytes()

    def broken(*args, **kwargs):
        raise AssertionError("document_rows called on a cache hit")

    monkeypatch.setattr(extract.pipeline, "document_rows", broken)
    code, err = extract_to(corpus, out)
    assert code == 0 and "error:" not in err, err
    assert out.read_bytes() == before
    # and without the cache the broken extractor is used (so the test above means something)
    code, err = extract_to(corpus, tmp_path / "nc.csv", "--no-cache")
    assert "extractor failed (AssertionError" in err


def test_a_changed_extractor_version_ignores_and_prunes_old_entries(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "events.csv"
    extract_to(corpus, out)
    before = out.read_bytes()
    old = {version for _, version in entries(default_cache_path(out))}
    monkeypatch.setattr(extract.run.cache, "cache_version", lambda: "changed-extractor")
    _, err = extract_to(corpus, out)
    assert f"cache: 0 reused, {len(DOCS)} extracted" in err, err
    assert out.read_bytes() == before
    assert {version for _, version in entries(default_cache_path(out))} == {"changed-extractor"}
    assert old != {"changed-extractor"}


def test_a_metadata_csv_change_invalidates_documents_without_front_matter(tmp_path: Path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("The hotline was reopened on Wednesday.", encoding="utf-8")
    (folder / "b.txt").write_text("The summit took place on June 12, 2018.", encoding="utf-8")
    meta = folder / "metadata.csv"
    meta.write_text("file,title,published\na.txt,Hotline,2018-01-03\n", encoding="utf-8")
    out, ref = tmp_path / "events.csv", tmp_path / "ref.csv"
    extract_to(folder, out)
    assert "2018-01-03" in out.read_text(encoding="utf-8")
    meta.write_text("file,title,published\na.txt,Hotline,2018-01-10\n", encoding="utf-8")
    _, err = extract_to(folder, out)
    assert "cache: 1 reused, 1 extracted" in err, err  # b.txt has no metadata row: unchanged
    assert "warning: b.txt: no publication date" in err  # a hit repeats its warning
    extract_to(folder, ref, "--no-cache")
    assert out.read_bytes() == ref.read_bytes()
    assert "2018-01-10" in out.read_text(encoding="utf-8")


def test_documents_with_errors_are_not_cached_and_reported_every_run(corpus: Path, tmp_path: Path):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "events.csv"
    for _ in range(2):
        code, err = extract_to(corpus, out)
        assert code == 0 and "error: empty.txt: empty file" in err
    assert "empty.txt" not in [doc for doc, _ in entries(default_cache_path(out))]
    code, _ = extract_to(corpus, out, "--strict")
    assert code == 1


def test_bad_cache_paths_are_one_line_errors_and_no_cache_writes_nothing(
    corpus: Path, tmp_path: Path
):
    out = tmp_path / "events.csv"
    other = tmp_path / "notes.txt"
    other.write_text("my notes\n", encoding="utf-8")
    code, err = extract_to(corpus, out, "--cache", str(other))
    assert code == 2 and "not an extractor cache" in err and err.count("\n") == 1
    assert other.read_text(encoding="utf-8") == "my notes\n" and not out.exists()
    code, err = extract_to(corpus, out, "--cache", str(out))
    assert code == 2 and "cannot be the output" in err
    code, err = extract_to(corpus, out, "--no-cache")
    assert code == 0 and not default_cache_path(out).exists() and "cache:" not in err
    custom = tmp_path / "caches" / "mine.sqlite"
    extract_to(corpus, out, "--cache", str(custom))
    assert custom.exists() and len(entries(custom)) == len(DOCS)


def test_a_killed_run_keeps_committed_entries_and_the_cache_stays_usable(tmp_path: Path):
    path = tmp_path / "c.sqlite"
    script = f"""
import os
from extract.run.cache import ResultCache
from extract.run.results import DocResult
cache = ResultCache({str(path)!r}, version="v")
for i in range(3):
    cache.store(DocResult(f"d{{i}}.txt", rows=[{{"doc": f"d{{i}}.txt"}}], key=f"k{{i}}"))
cache.commit()
os._exit(9)  # killed: no close
"""
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 9, run.stderr
    cache = ResultCache(path, version="v")
    try:
        assert cache.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        known = cache.known(["d0.txt", "d1.txt", "d2.txt"])
        assert sorted(known) == ["d0.txt", "d1.txt", "d2.txt"]
        hit = cache.hit("d1.txt", "k1", known["d1.txt"]["k1"])
        assert hit.rows == [{"doc": "d1.txt"}]
    finally:
        cache.close(complete=True)
    assert [doc for doc, _ in entries(path)] == ["d1.txt"]  # complete run prunes unused entries


def test_progress_counts_cache_hits(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    updates: list[tuple[int, int]] = []

    class Bar:
        def __init__(self, total: int, **kwargs) -> None:
            self.total, self.n = total, 0

        def update(self, n: int = 1) -> None:
            self.n += n

        def close(self) -> None:
            updates.append((self.total, self.n))

    monkeypatch.setattr(extract.run.driver, "tqdm", Bar)
    files = [(str(p), p.name) for p in sorted(corpus.glob("*.txt"))]
    cache_path = tmp_path / "c.sqlite"
    for jobs in (1, 2, 2):
        cache = ResultCache(cache_path)
        results = list(extract.run.driver.run_documents(files, jobs, True, cache=cache))
        cache.close(complete=True)
        assert all(isinstance(r, DocResult) and not r.cached for r in results)
    assert cache.hits == len(files)  # the last run was all hits ...
    assert updates == [(len(files), len(files))] * 3  # ... and they moved the bar like the rest
