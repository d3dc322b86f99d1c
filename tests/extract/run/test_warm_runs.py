"""Issue 13: a warm re-run does only what its edited documents need. With --jobs 2, a run whose
documents are all cached imports neither pandas nor the rules and starts no worker; a run with
one edited document starts one worker (the rules load once); a cold run has its two workers.
Each table equals the table of a run without the cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DEADLINE = 180  # seconds, for a loaded machine; a run takes a few
CHILD = """
import json, sys
import extract.run.local as local
pools = []
class Counted(local.ProcessPoolExecutor):
    def __init__(self, *args, **kwargs):
        pools.append(kwargs["max_workers"])
        super().__init__(*args, **kwargs)
local.ProcessPoolExecutor = Counted
from extract.cli import main
code = main(sys.argv[1:])
loaded = [m for m in ("pandas", "extract.pipeline", "lemminflect") if m in sys.modules]
print(json.dumps({"code": code, "pools": pools, "loaded": loaded}))
"""


def run(*args: str) -> dict:
    """The CLI in a fresh interpreter: its exit code, the workers of each pool it started, and
    which of pandas, the pipeline and lemminflect it imported."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args, "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index, source in enumerate(sorted((ROOT / "corpus").glob("*.txt"))):
        for copy in range(3):  # more documents than the first worker takes alone
            shutil.copy(source, folder / f"{copy}_{index:02d}_{source.name}")
    return folder


def test_a_warm_run_loads_only_what_its_edited_documents_need(corpus: Path, tmp_path: Path) -> None:
    out, reference = tmp_path / "events.csv", tmp_path / "reference.csv"
    cold = run(str(corpus), "-o", str(out), "--jobs", "2")
    assert cold == {"code": 0, "pools": [1, 1], "loaded": []}

    warm = run(str(corpus), "-o", str(out), "--jobs", "2")
    assert warm == {"code": 0, "pools": [], "loaded": []}
    run(str(corpus), "-o", str(reference), "--jobs", "1", "--no-cache")
    assert out.read_bytes() == reference.read_bytes()

    edited = sorted(corpus.glob("*.txt"))[20]
    text = edited.read_text(encoding="utf-8") + "\nNorth Korea fired a missile on May 3, 2019.\n"
    edited.write_text(text, encoding="utf-8")
    warm = run(str(corpus), "-o", str(out), "--jobs", "2")
    assert warm == {"code": 0, "pools": [1], "loaded": []}
    run(str(corpus), "-o", str(reference), "--jobs", "1", "--no-cache")
    assert out.read_bytes() == reference.read_bytes()


def test_corrections_are_applied_without_the_rules(corpus: Path, tmp_path: Path) -> None:
    """pandas is imported when there are corrections to apply, not the extractor."""
    out = tmp_path / "events.csv"
    run(str(corpus), "-o", str(out), "--jobs", "2")
    first = out.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    (tmp_path / "corrections.csv").write_text(
        f"event_id,action,value\n{first},reject,not an event\n", encoding="utf-8"
    )
    warm = run(str(corpus), "-o", str(out), "--jobs", "2")
    assert warm == {"code": 0, "pools": [], "loaded": ["pandas"]}
    assert first not in out.read_text(encoding="utf-8")
