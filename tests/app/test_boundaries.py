"""The contract between the two sides: the app reads the events table through extract.table
only, and extract.table imports no NLP and no Dash (README, Architecture)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_the_app_imports_nothing_from_the_extractor_but_its_table() -> None:
    outside = {
        path: sorted(
            n
            for n in names
            if n.split(".")[0] == "extract"
            and n != "extract.table"
            and not n.startswith("extract.table.")
        )
        for path, names in _imports(ROOT / "timeline_app").items()
    }
    assert {path: names for path, names in outside.items() if names} == {}
    assert any("extract.table" in str(n) for n in _imports(ROOT / "timeline_app").values())


def test_the_table_contract_imports_no_nlp_and_no_dash() -> None:
    heavy = {"dash", "plotly", "lemminflect", "dateparser", "holidays", "flask"}
    used = {
        path: sorted(
            n
            for n in names
            if n.split(".")[0] in heavy
            or (n.startswith("extract.") and not n.startswith("extract.table"))
        )
        for path, names in _imports(ROOT / "extract" / "table").items()
    }
    assert {path: names for path, names in used.items() if names} == {}
