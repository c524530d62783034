"""Bookmarks and reading state, kept in one SQLite file that survives crashes and damage.

Every change is one small statement committed at once, so two copies of the reader never
overwrite each other and a killed process loses nothing it reported as done. A file that
cannot be read is moved aside (never deleted) and the newest good backup takes its place;
a folder we cannot write to still gives a working, unsaved list rather than a crash.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import os
import re
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from reader import atomic
from reader.file_lock import locked
from reader.ingest.article import Article
from reader.paths import data_dir

SCHEMA_VERSION = 1
"""Stored in PRAGMA user_version; a file from a newer reader is opened but never written."""
FILENAME = "bookmarks.sqlite3"
BACKUPS_KEPT = 5
BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another copy of the reader before it gives up."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    article_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    date TEXT,
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS read_state (
    article_id TEXT PRIMARY KEY,
    read_at TEXT NOT NULL
);
"""
_TABLES = {"bookmarks": "article_id, title, path, date, note, created",
           "read_state": "article_id, read_at"}
_BACKUP_NAME = re.compile(r"^bookmarks-(\d{8}T\d{6}\.\d{6}Z)\.sqlite3$")
_DAMAGE = {sqlite3.SQLITE_CORRUPT: "its contents are damaged",
           sqlite3.SQLITE_NOTADB: "it is not a database",
           sqlite3.SQLITE_CANTOPEN: "it cannot be opened"}
"""SQLite errors that mean the file itself is bad, in words for the user."""


@dataclass(slots=True, frozen=True)
class Bookmark:
    article_id: str
    title: str
    path: str
    date: str | None
    """ISO date of the article, kept so a bookmark outlives the article it points to."""
    note: str
    created: str
    """When it was bookmarked: ISO 8601, UTC."""


class BookmarkError(Exception):
    """A change could not be saved; the message is fit to show the user as it is."""


class _Damaged(Exception):
    """The file is not a readable bookmarks database (as opposed to busy or unwritable)."""


class _TooNew(Exception):
    pass


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _stamp(fmt: str = "%Y%m%dT%H%M%S") -> str:
    return dt.datetime.now(dt.UTC).strftime(fmt)


def _connect(target: str | Path, uri: bool = False) -> sqlite3.Connection:
    """Autocommit: each statement is its own transaction unless we BEGIN one ourselves."""
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _read_only(path: Path) -> sqlite3.Connection:
    return _connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _readable(path: Path) -> sqlite3.Connection:
    """A WAL database in a read-only folder opens only as immutable, which skips the -wal
    file; a clean shutdown has already folded that into the database."""
    conn = _read_only(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        conn.close()
        return _connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _damage(error: sqlite3.Error) -> str | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else _DAMAGE.get(code & 0xFF)


def _validate(conn: sqlite3.Connection) -> int:
    """The format version, once the file is known to be sound and ours."""
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise _Damaged(_DAMAGE[sqlite3.SQLITE_CORRUPT])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise _TooNew(version)
        if version == 0:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise _Damaged("it holds some other program's data")
            return version
        for table, columns in _TABLES.items():
            conn.execute(f"SELECT {columns} FROM {table} LIMIT 0")
    except sqlite3.Error as error:
        if isinstance(error, sqlite3.OperationalError) and "no such" in str(error):
            raise _Damaged("its tables are not the ones expected") from error
        reason = _damage(error)
        if reason:
            raise _Damaged(reason) from error
        raise
    return version


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _digest(conn: sqlite3.Connection) -> str:
    """What the backups compare, so an unchanged list does not push out an older backup."""
    digest = hashlib.blake2b(digest_size=16)
    for table, columns in _TABLES.items():
        for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY article_id"):
            digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()


def _is_empty(conn: sqlite3.Connection) -> bool:
    return not any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in _TABLES)


class Backups:
    """Rolling copies made with SQLite's backup API: the newest few, oldest dropped first."""

    def __init__(self, folder: Path, keep: int = BACKUPS_KEPT) -> None:
        self.folder = folder
        self.keep = keep

    def all(self) -> builtins.list[Path]:
        """Newest first; only files named as we name them, so nothing else is touched."""
        if not self.folder.is_dir():
            return []
        found = [p for p in self.folder.iterdir() if _BACKUP_NAME.match(p.name)]
        return sorted(found, key=lambda p: p.name, reverse=True)

    def newest_good(self) -> Path | None:
        for candidate in self.all():
            try:
                conn = _read_only(candidate)
                try:
                    if _validate(conn) >= 1:
                        return candidate
                finally:
                    conn.close()
            except (sqlite3.Error, _Damaged, _TooNew):
                continue
        return None

    def _digest_of(self, backup: Path) -> str | None:
        try:
            conn = _read_only(backup)
            try:
                _validate(conn)
                return _digest(conn)
            finally:
                conn.close()
        except (sqlite3.Error, _Damaged, _TooNew):
            return None

    def make(self, conn: sqlite3.Connection) -> Path | None:
        """Copy the database unless the newest backup already holds the same rows."""
        newest = self.newest_good()
        if newest is None and _is_empty(conn):
            return None
        if newest is not None and self._digest_of(newest) == _digest(conn):
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"bookmarks-{_stamp('%Y%m%dT%H%M%S.%fZ')}.sqlite3"
        _copy(conn, target, journal_mode="DELETE")
        for old in self.all()[self.keep:]:
            old.unlink(missing_ok=True)
        return target

    @staticmethod
    def when(backup: Path) -> str:
        match = _BACKUP_NAME.match(backup.name)
        if not match:
            return backup.name
        moment = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S.%fZ")
        return moment.strftime("%Y-%m-%d %H:%M UTC")


def _copy(source: sqlite3.Connection, target: Path, journal_mode: str) -> None:
    """Write a whole consistent copy beside the target, then rename it into place."""
    with atomic.replacing(target) as temporary:
        copy = _connect(temporary)
        try:
            source.backup(copy)
            copy.execute(f"PRAGMA journal_mode = {journal_mode}")
        finally:
            copy.close()


def _move_aside(path: Path) -> Path:
    """Rename the file and its WAL sidecars; a stale WAL must not meet a fresh database."""
    target = path.with_name(f"{path.name}.damaged-{_stamp()}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{_stamp()}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    return target


def _probe_writable(folder: Path) -> None:
    """Root ignores permission bits, so ask the file system rather than os.access."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{secrets.token_hex(4)}"
        probe.touch(exist_ok=False)
        probe.unlink()
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(folder)) from error


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        if error.filename:
            return f"cannot write to {error.filename} ({error.strerror.lower()})"
        return error.strerror.lower()
    return str(error) or type(error).__name__


class BookmarkStore:
    """The bookmark list and read marks; every call asks the database, never a cache."""

    def __init__(self, conn: sqlite3.Connection, path: Path, persistent: bool,
                 warnings: builtins.list[str] | None = None) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.persistent = persistent
        """False when changes live only in memory for this run (see `warnings`)."""
        self.warnings: builtins.list[str] = list(warnings or [])
        """Plain-words messages for the user, e.g. after a damaged file was replaced."""

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, backups_kept: int = BACKUPS_KEPT) -> BookmarkStore:
        """Always returns a usable store; what went wrong is in `warnings`."""
        path = path or data_dir() / FILENAME
        try:
            _probe_writable(path.parent)
            if path.exists() and not path.is_dir() and not os.access(path, os.W_OK):
                raise PermissionError(13, "Permission denied", str(path))
        except OSError as error:
            return cls._in_memory(path, f"bookmarks will not be saved: {_reason(error)}")
        backups = Backups(path.parent / "backups", backups_kept)
        warnings: builtins.list[str] = []
        try:
            with locked(path, BUSY_TIMEOUT_MS / 1000):
                conn = cls._open_sound(path, backups, warnings)
                try:
                    backups.make(conn)
                except (OSError, sqlite3.Error) as error:
                    warnings.append(f"could not make a backup of the bookmarks: {_reason(error)}")
        except _TooNew as error:
            return cls._in_memory(path, f"the bookmarks file was written by a newer version of "
                                        f"reader (format {error}); bookmarks will not be saved "
                                        f"this time")
        except (OSError, sqlite3.Error, _Damaged) as error:
            store = cls._in_memory(path, f"bookmarks will not be saved: {_reason(error)}")
            store.warnings[:0] = warnings
            return store
        return cls(conn, path, True, warnings)

    @staticmethod
    def _open_sound(path: Path, backups: Backups, warnings: builtins.list[str]) -> sqlite3.Connection:
        try:
            if path.is_dir():
                raise _Damaged("a folder is in its place")
            return _open_file(path)
        except _Damaged as damage:
            moved = _move_aside(path)
            restored = backups.newest_good()
            if restored is None:
                outcome = "a new, empty list was started"
            else:
                source = _read_only(restored)
                try:
                    _copy(source, path, journal_mode="WAL")
                finally:
                    source.close()
                outcome = (f"your bookmarks were restored from the backup made "
                           f"{Backups.when(restored)}; changes after that are lost")
            warnings.append(f"The bookmarks file could not be read ({damage}), so it was moved "
                            f"aside to {moved} and {outcome}.")
            return _open_file(path)

    @classmethod
    def _in_memory(cls, path: Path, warning: str) -> BookmarkStore:
        """Shows what the file holds if it can be read at all; changes die with the process."""
        conn = _connect(":memory:")
        try:
            source = _readable(path)
            try:
                source.backup(conn)
            finally:
                source.close()
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) < 1:
                raise sqlite3.DatabaseError("nothing to show")
            for table, columns in _TABLES.items():
                conn.execute(f"SELECT {columns} FROM {table} LIMIT 0")
        except sqlite3.Error:
            conn.close()
            conn = _connect(":memory:")
            _migrate(conn, 0)
        return cls(conn, path, False, [warning])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    # -- changes ---------------------------------------------------------------------------
    def _write(self, sql: str, parameters: tuple[object, ...]) -> int:
        with self._lock:
            try:
                return self._conn.execute(sql, parameters).rowcount
            except sqlite3.Error as error:
                raise BookmarkError(f"could not save the change to the bookmarks: {error}") from error

    def toggle(self, article: Article) -> bool:
        """Bookmark the article or drop its bookmark, in one transaction; returns the new state."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    removed = self._conn.execute("DELETE FROM bookmarks WHERE article_id = ?",
                                                 (article.id,)).rowcount
                    if not removed:
                        self._insert(article.id, article.title, article.path, article.date)
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise BookmarkError(f"could not save the change to the bookmarks: {error}") from error
        return not removed

    def _insert(self, article_id: str, title: str, path: str, date: str | dt.date | None,
                note: str = "") -> int:
        iso = date.isoformat() if isinstance(date, dt.date) else date
        return self._conn.execute(
            "INSERT INTO bookmarks (article_id, title, path, date, note, created) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
            "title = excluded.title, path = excluded.path, date = excluded.date "
            "WHERE title IS NOT excluded.title OR path IS NOT excluded.path "
            "OR date IS NOT excluded.date",
            (article_id, title, path, iso, note, _now())).rowcount

    def add(self, article_id: str, title: str, path: str, date: str | dt.date | None) -> bool:
        """Bookmark by id; an existing bookmark keeps its note and time but gets fresh details.

        Returns False if it was already bookmarked.
        """
        with self._lock:
            existed = self.is_bookmarked(article_id)
            try:
                self._insert(article_id, title, path, date)
            except sqlite3.Error as error:
                raise BookmarkError(f"could not save the change to the bookmarks: {error}") from error
        return not existed

    def remove(self, article_id: str) -> bool:
        return self._write("DELETE FROM bookmarks WHERE article_id = ?", (article_id,)) > 0

    def set_note(self, article_id: str, note: str) -> bool:
        """Returns False if there is no such bookmark (a note needs one to hang on)."""
        return self._write("UPDATE bookmarks SET note = ? WHERE article_id = ?",
                           (note, article_id)) > 0

    def mark_read(self, article_id: str) -> None:
        """Keeps the first time it was read, so opening an article again writes nothing."""
        self._write("INSERT OR IGNORE INTO read_state (article_id, read_at) VALUES (?, ?)",
                    (article_id, _now()))

    def mark_unread(self, article_id: str) -> None:
        self._write("DELETE FROM read_state WHERE article_id = ?", (article_id,))

    # -- reads -----------------------------------------------------------------------------
    def _rows(self, sql: str, parameters: tuple[object, ...] = ()) -> builtins.list[tuple[str, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise BookmarkError(f"could not read the bookmarks: {error}") from error

    def is_bookmarked(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM bookmarks WHERE article_id = ?", (article_id,)))

    def ids(self) -> set[str]:
        return {row[0] for row in self._rows("SELECT article_id FROM bookmarks")}

    def get(self, article_id: str) -> Bookmark | None:
        rows = self._rows(f"SELECT {_TABLES['bookmarks']} FROM bookmarks WHERE article_id = ?",
                          (article_id,))
        return Bookmark(*rows[0]) if rows else None

    def list(self) -> builtins.list[Bookmark]:
        """Newest first; bookmarks of articles no longer loaded are listed all the same."""
        rows = self._rows(f"SELECT {_TABLES['bookmarks']} FROM bookmarks "
                          "ORDER BY created DESC, rowid DESC")
        return [Bookmark(*row) for row in rows]

    def is_read(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM read_state WHERE article_id = ?", (article_id,)))

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._rows("SELECT article_id FROM read_state")}


def _open_file(path: Path) -> sqlite3.Connection:
    """Connect, check integrity, switch to WAL and bring the schema up to date."""
    try:
        conn = _connect(path)
    except sqlite3.Error as error:
        reason = _damage(error)
        if reason:
            raise _Damaged(reason) from error
        raise
    try:
        version = _validate(conn)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        _migrate(conn, version)
        return conn
    except BaseException:
        conn.close()
        raise
