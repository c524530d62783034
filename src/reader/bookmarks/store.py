"""The bookmark list and read marks, as the TUI and the CLI use them.

Every change is one small statement committed at once, so two copies of the reader never
overwrite each other and a killed process loses nothing it reported as done.
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from reader.bookmarks import recovery
from reader.bookmarks.backups import BACKUPS_KEPT, Backups
from reader.bookmarks.schema import BUSY_TIMEOUT_MS, TABLES, Damaged, TooNew, now
from reader.file_lock import locked
from reader.ingest.article import Article
from reader.paths import data_dir
from reader.terminal_safe import safe_text

FILENAME = "bookmarks.sqlite3"


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


def clean_note(note: str) -> str:
    """Notes are shown in the pane and printed by the CLI: no escape sequences or control
    characters are kept, runs of spaces close up, the lines stay."""
    lines = [" ".join(line.split()) for line in safe_text(note).splitlines()]
    return "\n".join(lines).strip()


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
            recovery.probe_writable(path.parent)
            if path.exists() and not path.is_dir() and not os.access(path, os.W_OK):
                raise PermissionError(13, "Permission denied", str(path))
        except OSError as error:
            return cls._in_memory(path, f"bookmarks will not be saved: {recovery.reason(error)}")
        backups = Backups(path.parent / "backups", backups_kept)
        warnings: builtins.list[str] = []
        try:
            # Two copies starting together must not both move the file aside or restore over it.
            with locked(path, BUSY_TIMEOUT_MS / 1000):
                conn = recovery.open_sound(path, backups, warnings)
                try:
                    backups.make(conn)
                except (OSError, sqlite3.Error) as error:
                    warnings.append(f"could not make a backup of the bookmarks: {recovery.reason(error)}")
        except TooNew as error:
            return cls._in_memory(path, f"the bookmarks file was written by a newer version of "
                                        f"reader (format {error}); bookmarks will not be saved "
                                        f"this time")
        except (OSError, sqlite3.Error, Damaged) as error:
            store = cls._in_memory(path, f"bookmarks will not be saved: {recovery.reason(error)}")
            store.warnings[:0] = warnings
            return store
        return cls(conn, path, True, warnings)

    @classmethod
    def _in_memory(cls, path: Path, warning: str) -> BookmarkStore:
        return cls(recovery.in_memory_copy(path), path, False, [warning])

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

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE` … `COMMIT` under the lock, rolled back on any error; a
        database error becomes a BookmarkError the interface can show."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise BookmarkError(f"could not save the change to the bookmarks: {error}") from error

    def toggle(self, article: Article) -> bool:
        """Bookmark the article or drop its bookmark, in one transaction; returns the new state."""
        with self._transaction() as conn:
            removed = conn.execute("DELETE FROM bookmarks WHERE article_id = ?",
                                   (article.id,)).rowcount
            if not removed:
                self._insert(article.id, article.title, article.path, article.date)
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
            (article_id, title, path, iso, clean_note(note), now())).rowcount

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
        """Returns False if there is no such bookmark (a note needs one to hang on). The note
        is cleaned of escape sequences before it is kept (see `clean_note`)."""
        return self._write("UPDATE bookmarks SET note = ? WHERE article_id = ?",
                           (clean_note(note), article_id)) > 0

    def mark_read(self, article_id: str) -> None:
        """Keeps the first time it was read, so opening an article again writes nothing."""
        self._write("INSERT OR IGNORE INTO read_state (article_id, read_at) VALUES (?, ?)",
                    (article_id, now()))

    def mark_unread(self, article_id: str) -> None:
        self._write("DELETE FROM read_state WHERE article_id = ?", (article_id,))

    def mark_read_many(self, article_ids: Iterable[str]) -> int:
        """"Mark all read" over a whole result: one transaction, not one commit per article
        (100,000 commits with synchronous=FULL would take minutes). Returns how many were new."""
        stamp = now()
        with self._transaction() as conn:
            return conn.executemany(
                "INSERT OR IGNORE INTO read_state (article_id, read_at) VALUES (?, ?)",
                ((article_id, stamp) for article_id in article_ids)).rowcount

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
        rows = self._rows(f"SELECT {TABLES['bookmarks']} FROM bookmarks WHERE article_id = ?",
                          (article_id,))
        return Bookmark(*rows[0]) if rows else None

    def list(self) -> builtins.list[Bookmark]:
        """Newest first; bookmarks of articles no longer loaded are listed all the same."""
        rows = self._rows(f"SELECT {TABLES['bookmarks']} FROM bookmarks "
                          "ORDER BY created DESC, rowid DESC")
        return [Bookmark(*row) for row in rows]

    def is_read(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM read_state WHERE article_id = ?", (article_id,)))

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._rows("SELECT article_id FROM read_state")}
