"""Rolling copies of the bookmark file, and whole-file copies written without a half state."""

from __future__ import annotations

import builtins
import datetime as dt
import re
import sqlite3
from pathlib import Path

from reader import atomic
from reader.bookmarks.schema import Damaged, TooNew, connect, digest, is_empty, read_only, stamp, validate

BACKUPS_KEPT = 5
_BACKUP_NAME = re.compile(r"^bookmarks-(\d{8}T\d{6}\.\d{6}Z)\.sqlite3$")


def copy_database(source: sqlite3.Connection, target: Path, journal_mode: str) -> None:
    """Write a whole consistent copy beside the target, then rename it into place."""
    with atomic.replacing(target) as temporary:
        copy = connect(temporary)
        try:
            source.backup(copy)
            copy.execute(f"PRAGMA journal_mode = {journal_mode}")
        finally:
            copy.close()


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
                conn = read_only(candidate)
                try:
                    if validate(conn) >= 1:
                        return candidate
                finally:
                    conn.close()
            except (sqlite3.Error, Damaged, TooNew):
                continue
        return None

    def _digest_of(self, backup: Path) -> str | None:
        try:
            conn = read_only(backup)
            try:
                validate(conn)
                return digest(conn)
            finally:
                conn.close()
        except (sqlite3.Error, Damaged, TooNew):
            return None

    def make(self, conn: sqlite3.Connection) -> Path | None:
        """Copy the database unless the newest backup already holds the same rows."""
        newest = self.newest_good()
        if newest is None and is_empty(conn):
            return None
        if newest is not None and self._digest_of(newest) == digest(conn):
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"bookmarks-{stamp('%Y%m%dT%H%M%S.%fZ')}.sqlite3"
        copy_database(conn, target, journal_mode="DELETE")
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
