"""Writing a file so that readers only ever see the old or the whole new contents.

The bytes go to a hidden temp file beside the target (`.NAME.xxxx.tmp`), are flushed to disk,
and the temp file is renamed over the target. The file keeps the permissions of the one it
replaces; a new one gets the user's umask (not the temp file's 0600). A killed writer leaves
only its temp file, which the next write removes once no live writer holds its lock.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


def write_atomically(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call `write(stream)` on a temp file beside `path`, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if fcntl is not None:  # held until written and renamed: tells a live writer from a dead one
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.chmod(temp_name, target_mode(path))  # mkstemp made it 0600
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def target_mode(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, or for a new file
    what open() would give (0666 less the umask), as any other program writing it would."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc), else by
    setting and restoring it."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_temps(path: Path, min_age_seconds: float = 5.0) -> list[Path]:
    """Delete `.NAME.*.tmp` files left beside `path` by a writer that was killed.

    A live writer holds a lock on its temp file, so only unlocked files (and older than a few
    seconds, to leave alone one just created) are removed. Returns the files removed."""
    removed: list[Path] = []
    if fcntl is None:
        return removed
    for temp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if time.time() - temp.stat().st_mtime < min_age_seconds:
                continue
            with open(temp, "rb") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                temp.unlink()
                removed.append(temp)
        except OSError:  # locked by a live writer, or already gone
            continue
    return removed
