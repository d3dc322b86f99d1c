"""What running the extractor on one document gives back to the driver (and the cache)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DocResult:
    """What one document gave: its rows (schema dicts), or an error; and any warning."""

    doc: str
    rows: list[dict[str, str]] = field(default_factory=list)
    error: str = ""
    warning: str = ""
    # The document's content key (see `extract.run.tasks.content_key`), and True when it matched
    # a key the caller already has rows for: the document was read and hashed but not extracted
    # (rows left empty).
    key: str = ""
    cached: bool = False
