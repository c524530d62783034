"""Bookmarks and reading state, kept in one SQLite file that survives crashes and damage.

schema: the format, its version and checks; backups: rolling copies; recovery: damaged files
and unwritable folders; store: the list itself. Everything the rest of the reader uses is
importable from here.
"""

from __future__ import annotations

from reader.bookmarks.backups import BACKUPS_KEPT, Backups
from reader.bookmarks.schema import BUSY_TIMEOUT_MS, SCHEMA_VERSION
from reader.bookmarks.store import FILENAME, Bookmark, BookmarkError, BookmarkStore, clean_note

__all__ = ["BACKUPS_KEPT", "BUSY_TIMEOUT_MS", "FILENAME", "SCHEMA_VERSION", "Backups", "Bookmark",
           "BookmarkError", "BookmarkStore", "clean_note"]
