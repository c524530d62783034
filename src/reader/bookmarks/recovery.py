"""What happens when the bookmark file is damaged, unreadable or in a folder we cannot write.

A bad file is moved aside (never deleted) and the newest good backup takes its place; a
folder we cannot write to still gives a list to show, kept in memory for this run.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

from reader.bookmarks.backups import Backups, copy_database
from reader.bookmarks.schema import TABLES, Damaged, connect, migrate, open_file, read_only, readable, stamp


def move_aside(path: Path) -> Path:
    """Rename the file and its WAL sidecars; a stale WAL must not meet a fresh database."""
    target = path.with_name(f"{path.name}.damaged-{stamp()}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp()}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    return target


def probe_writable(folder: Path) -> None:
    """Root ignores permission bits, so ask the file system rather than os.access."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{secrets.token_hex(4)}"
        probe.touch(exist_ok=False)
        probe.unlink()
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(folder)) from error


def reason(error: BaseException) -> str:
    """An error in words for the user."""
    if isinstance(error, OSError) and error.strerror:
        if error.filename:
            return f"cannot write to {error.filename} ({error.strerror.lower()})"
        return error.strerror.lower()
    return str(error) or type(error).__name__


def open_sound(path: Path, backups: Backups, warnings: list[str]) -> sqlite3.Connection:
    """The database at `path`, after moving a damaged one aside and restoring the newest good
    backup; what was done is appended to `warnings`."""
    try:
        if path.is_dir():
            raise Damaged("a folder is in its place")
        return open_file(path)
    except Damaged as damage:
        moved = move_aside(path)
        restored = backups.newest_good()
        if restored is None:
            outcome = "a new, empty list was started"
        else:
            source = read_only(restored)
            try:
                copy_database(source, path, journal_mode="WAL")
            finally:
                source.close()
            outcome = (f"your bookmarks were restored from the backup made "
                       f"{Backups.when(restored)}; changes after that are lost")
        warnings.append(f"The bookmarks file could not be read ({damage}), so it was moved "
                        f"aside to {moved} and {outcome}.")
        return open_file(path)


def in_memory_copy(path: Path) -> sqlite3.Connection:
    """What the file holds if it can be read at all, else an empty list; changes die with
    the process."""
    conn = connect(":memory:")
    try:
        source = readable(path)
        try:
            source.backup(conn)
        finally:
            source.close()
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) < 1:
            raise sqlite3.DatabaseError("nothing to show")
        for table, columns in TABLES.items():
            conn.execute(f"SELECT {columns} FROM {table} LIMIT 0")
    except sqlite3.Error:
        conn.close()
        conn = connect(":memory:")
        migrate(conn, 0)
    return conn

