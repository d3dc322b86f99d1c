"""Stable event identifiers: the same input always gives the same ids, run after run."""

from __future__ import annotations

import hashlib


def content_id(*parts: object) -> str:
    """A short, stable hex id from the given parts (order matters)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:12]
