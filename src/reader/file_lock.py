"""A lock file beside a file, so two running copies of the reader take turns changing it.

Advisory (fcntl.flock): only our own processes honour it, which is all it is for. Where flock
does not exist the block runs unlocked rather than not at all.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

DEFAULT_TIMEOUT = 5.0


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[bool]:
    """Hold the lock of `path` (`path.lock`, created if needed) for the block.

    Yields whether the lock was obtained: after `timeout` seconds the block runs anyway, since a
    copy of the reader stuck holding it must not stop this one for good. Raises OSError if the
    lock file cannot be created.
    """
    if sys.platform == "win32":  # pragma: no cover - no flock there
        yield False
        return
    import fcntl

    with open(lock_path(path), "a") as handle:
        deadline = time.monotonic() + timeout
        obtained = False
        while not obtained:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                obtained = True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
        try:
            yield obtained
        finally:
            if obtained:
                fcntl.flock(handle, fcntl.LOCK_UN)
