"""Accuracy on text the rules were not written from: run the extractor on gold sets and score it.

    python bench/score_heldout.py [SET ...]     (default: every bench/heldout* set and the
                                                 shared devset, from the nearest ../shared)

Uses the shared scorer (../shared/eval/score.py): strict and lenient precision, recall, F1.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the project root; from a worktree at /work/wt/NAME, beside its parent folder.
SHARED = next(
    (folder / "shared" for folder in ROOT.parents if (folder / "shared" / "eval").is_dir()),
    ROOT.parent / "shared",
)
SCORER = SHARED / "eval" / "score.py"


def score(folder: Path) -> str:
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "events.csv"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "extract",
                str(folder / "docs"),
                "-o",
                str(out),
                "--no-cache",
                "--no-corrections",
                "--quiet",
                "--jobs",
                "1",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        result = subprocess.run(
            [sys.executable, str(SCORER), str(folder / "gold.csv"), str(out)],
            check=True,
            capture_output=True,
            text=True,
        )
    return result.stdout


def main() -> None:
    if not SCORER.exists():
        sys.exit(f"the shared scorer is not at {SCORER}")
    defaults = [*sorted((ROOT / "bench").glob("heldout*")), SHARED / "devset"]
    for folder in [Path(a) for a in sys.argv[1:]] or defaults:
        print(f"## {folder}")
        print(score(folder), end="")


if __name__ == "__main__":
    main()
