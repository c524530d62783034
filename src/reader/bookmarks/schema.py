"""The bookmark file's format: its tables, its version, how to open it and check it is ours.

A file written by a newer reader is recognised (TooNew) and never written; a file that is not
a sound bookmarks database is recognised (Damaged) so that recovery can move it aside.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 1
"""Stored in PRAGMA user_version; a file from a newer reader is opened but never written."""
BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another copy of the reader before it gives up."""

SCHEMA = """
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
TABLES = {"bookmarks": "article_id, title, path, date, note, created",
          "read_state": "article_id, read_at"}
DAMAGE = {sqlite3.SQLITE_CORRUPT: "its contents are damaged",
          sqlite3.SQLITE_NOTADB: "it is not a database",
          sqlite3.SQLITE_CANTOPEN: "it cannot be opened"}
"""SQLite errors that mean the file itself is bad, in words for the user."""


class Damaged(Exception):
    """The file is not a readable bookmarks database (as opposed to busy or unwritable)."""


class TooNew(Exception):
    """The file is in a format newer than this reader knows; the argument is its version."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def stamp(fmt: str = "%Y%m%dT%H%M%S") -> str:
    return dt.datetime.now(dt.UTC).strftime(fmt)


def connect(target: str | Path, uri: bool = False) -> sqlite3.Connection:
    """Autocommit: each statement is its own transaction unless we BEGIN one ourselves."""
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def read_only(path: Path) -> sqlite3.Connection:
    return connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def readable(path: Path) -> sqlite3.Connection:
    """A WAL database in a read-only folder opens only as immutable, which skips the -wal
    file; a clean shutdown has already folded that into the database."""
    conn = read_only(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        conn.close()
        return connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def damage(error: sqlite3.Error) -> str | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else DAMAGE.get(code & 0xFF)


def validate(conn: sqlite3.Connection) -> int:
    """The format version, once the file is known to be sound and ours."""
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise Damaged(DAMAGE[sqlite3.SQLITE_CORRUPT])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise TooNew(version)
        if version == 0:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise Damaged("it holds some other program's data")
            return version
        for table, columns in TABLES.items():
            conn.execute(f"SELECT {columns} FROM {table} LIMIT 0")
    except sqlite3.Error as error:
        if isinstance(error, sqlite3.OperationalError) and "no such" in str(error):
            raise Damaged("its tables are not the ones expected") from error
        reason = damage(error)
        if reason:
            raise Damaged(reason) from error
        raise
    return version


def migrate(conn: sqlite3.Connection, version: int) -> None:
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def digest(conn: sqlite3.Connection) -> str:
    """What the backups compare, so an unchanged list does not push out an older backup."""
    hashed = hashlib.blake2b(digest_size=16)
    for table, columns in TABLES.items():
        for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY article_id"):
            hashed.update(repr(row).encode("utf-8"))
    return hashed.hexdigest()


def is_empty(conn: sqlite3.Connection) -> bool:
    return not any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in TABLES)


def open_file(path: Path) -> sqlite3.Connection:
    """Connect, check integrity, switch to WAL and bring the schema up to date."""
    try:
        conn = connect(path)
    except sqlite3.Error as error:
        reason = damage(error)
        if reason:
            raise Damaged(reason) from error
        raise
    try:
        version = validate(conn)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, version)
        return conn
    except BaseException:
        conn.close()
        raise
