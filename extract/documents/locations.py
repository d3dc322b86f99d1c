"""Where documents are: local paths or fsspec URLs (s3://bucket/prefix/, file:///..., gs://...).

The extractor passes *locations* (strings) around, never document text: discovery lists them, and
whoever processes a document (this process, a pool worker, a Dask worker) reads it where it is.
Local paths are made absolute so a worker with another working directory finds them too (a Dask
cluster on several machines needs the folder shared at the same path, or an fsspec URL).
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath

from extract.documents.reader import METADATA_FILE, parse_metadata
from extract.table.textfile import clean_name

URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
DOCUMENT_SUFFIXES = (".txt", ".md")


class InputError(Exception):
    """An input (folder, file or URL) that cannot be listed; the message is one line."""


def is_url(location: str) -> bool:
    return URL_RE.match(location) is not None


def discover_inputs(inputs: list[str]) -> list[tuple[str, str]]:
    """(location, doc name) for every document under the inputs, in a stable order.

    Local folders/files go through `discover`; URLs are listed
    with fsspec, doc names relative to the URL given. Raises InputError for a missing input.
    """
    missing = [item for item in inputs if not is_url(item) and not Path(item).exists()]
    if missing:
        raise InputError(f"not found: {', '.join(missing)}")
    found: list[tuple[str, str]] = []
    for item in inputs:
        if is_url(item):
            found.extend(_discover_url(item))
        else:
            found.extend((str(path.absolute()), doc) for path, doc in discover([Path(item)]))
    return found


def discover(paths: list[Path]) -> list[tuple[Path, str]]:
    """(file, doc name) for every document under the given folders/files, in a stable order."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if (
                    file.is_file()
                    and file.suffix.lower() in DOCUMENT_SUFFIXES
                    and not any(part.startswith(".") for part in relative.parts)
                ):
                    found.append((file, clean_name(relative.as_posix())))
        else:
            found.append((path, clean_name(path.name)))
    return found


def _filesystem(url: str):
    """(fsspec filesystem, path inside it); InputError when the protocol is not usable."""
    try:
        import fsspec.core
    except ImportError:  # pragma: no cover - fsspec comes with dask
        raise InputError(f"{url}: reading URLs needs fsspec (pip install fsspec)") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        # e.g. "Install s3fs to access S3" or an unknown protocol
        raise InputError(f"{url}: {_one_line(error)}") from None


def _discover_url(url: str) -> list[tuple[str, str]]:
    fs, root = _filesystem(url)
    try:
        if fs.isdir(root):
            base = root.rstrip("/")
            found = []
            for path in sorted(fs.find(base)):
                relative = PurePosixPath(path[len(base) :].lstrip("/"))
                if relative.suffix.lower() in DOCUMENT_SUFFIXES and not any(
                    part.startswith(".") for part in relative.parts
                ):
                    found.append((fs.unstrip_protocol(path), clean_name(relative.as_posix())))
            return found
        if fs.isfile(root):
            return [(url, clean_name(PurePosixPath(root).name))]
    except Exception as error:  # credentials, network, permissions: all one line for the user
        raise InputError(f"{url}: cannot list ({_one_line(error)})") from None
    raise InputError(f"not found: {url}")


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:300]


def read_bytes(location: str) -> bytes:
    """The bytes of a document; OSError (with a readable strerror) when it cannot be read."""
    if not is_url(location):
        return Path(location).read_bytes()
    try:
        fs, path = _filesystem(location)
        with fs.open(path, "rb") as handle:
            return handle.read()
    except OSError:
        raise
    except Exception as error:
        raise OSError(0, _one_line(error)) from None


def metadata_row(location: str) -> dict[str, str]:
    """The row for this document in its folder's metadata.csv ({} when there is none)."""
    if is_url(location):
        folder, _, name = location.rpartition("/")
        return _metadata_table(folder + "/" + METADATA_FILE, _url_stamp(folder)).get(name, {})
    path = Path(location)
    table_path = path.parent / METADATA_FILE
    try:
        stat = os.stat(table_path)
    except OSError:
        return {}
    stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    return _metadata_table(str(table_path), stamp).get(path.name, {})


def _url_stamp(folder: str) -> str:
    """Something that changes when the folder's metadata.csv changes (size, mtime or ETag)."""
    try:
        fs, path = _filesystem(folder + "/" + METADATA_FILE)
        info = fs.info(path)
    except Exception:
        return "absent"
    keys = ("size", "mtime", "LastModified", "ETag", "etag", "md5Hash", "updated", "created")
    return json.dumps({k: str(info[k]) for k in keys if k in info}, sort_keys=True)


@lru_cache(maxsize=64)
def _metadata_table(location: str, stamp: str) -> dict[str, dict[str, str]]:
    """metadata.csv parsed once per (file, version stamp): a long-lived Dask worker sees edits."""
    if stamp == "absent":
        return {}
    try:
        return parse_metadata(read_bytes(location))
    except OSError:
        return {}
