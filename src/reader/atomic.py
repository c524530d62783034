"""One way to replace a file: readers see the old whole file or the new whole file, never half.

The new contents go to a temporary file in the same folder (a rename is only atomic within
one file system), are flushed to disk, and are renamed over the target; the folder is then
flushed too, so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def temporary_beside(target: Path) -> Path:
    """A hidden name in the target's folder that no other writer will pick."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename has happened all the same
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yields a temporary path to write (by any means: a SQLite backup, a pickle); when the
    block ends without an error it is synced and renamed over `target`. On an error the target
    is untouched and the temporary file removed."""
    temporary = temporary_beside(target)
    try:
        yield temporary
        descriptor = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
        _sync_folder(target.parent)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes, mode: int = 0o666) -> None:
    """Replace `target` with `data` atomically; `mode` is filtered by the umask as usual."""
    with replacing(target) as temporary:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)


def create(target: Path, data: bytes, mode: int = 0o666) -> bool:
    """Write a new file whole or not at all; False, and nothing written, when `target` exists.

    The name is claimed with a hard link, which fails if it is taken even by a copy of the
    reader writing at the same moment; where links are not supported the check and the
    rename are separate steps.
    """
    temporary = temporary_beside(target)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, target)
        except FileExistsError:
            return False
        except OSError:
            if os.path.lexists(target):
                return False
            os.replace(temporary, target)
        _sync_folder(target.parent)
        return True
    finally:
        temporary.unlink(missing_ok=True)


def write_text(target: Path, text: str, encoding: str = "utf-8", mode: int = 0o666) -> None:
    """Replace `target` with `text` atomically; line ends are written as given."""
    write_bytes(target, text.encode(encoding), mode)
