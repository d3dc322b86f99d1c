"""The extractor's version: a hash of exactly the code and data that shape the rows.

It keys the cache (a changed rule re-extracts every document) and tells a Dask worker running
other code from one running this checkout. The command line, the runners and the cache itself
do not shape rows, so editing them keeps every cached document.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

EXTRACT = Path(__file__).resolve().parent.parent
# Relative to extract/: files, or folders taken recursively (their .py, .csv and .yaml files).
ROW_SHAPING = (
    "documents",
    "sentences.py",
    "dating",
    "events",
    "enrich",
    "pipeline.py",
    "tabulate.py",
    "table/schema.py",
    "table/vocabulary.py",
    "table/ids.py",
    "table/textfile.py",
    "table/eras.py",
    "table/eras.csv",
)
DATA_SUFFIXES = (".py", ".csv", ".yaml")


def row_shaping_files() -> list[Path]:
    """The files whose content the version hashes, in a stable order."""
    files: list[Path] = []
    for name in ROW_SHAPING:
        path = EXTRACT / name
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.suffix in DATA_SUFFIXES)
        else:
            files.append(path)
    return sorted(files)


def extractor_version() -> str:
    digest = hashlib.sha1()
    for source in row_shaping_files():
        digest.update(source.relative_to(EXTRACT).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = extractor_version()
