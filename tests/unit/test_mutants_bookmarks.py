"""Bookmark behaviours that a mutation run showed no test would notice breaking: a failed
change rolls back and says so, damaged files never overwrite each other, the backup notices
a changed note, and an unsaved list leaves no file behind."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkError, BookmarkStore, recovery
from reader.bookmarks.backups import Backups
from reader.ingest.article import Article


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def article(article_id: str) -> Article:
    return Article(id=article_id, path=f"/corpus/{article_id}.txt", title=f"Title {article_id}",
                   date=dt.date(2025, 3, 4), source=None, author=None, dateline=None, text=b"Body.",
                   places=(), people=(), person_names=())


def refuse(store: BookmarkStore, event: str) -> None:
    """Make every INSERT or UPDATE of a bookmark fail inside SQLite, as a full disk would."""
    store._conn.execute(f"CREATE TEMP TRIGGER refuse_{event.lower()} BEFORE {event} ON bookmarks "
                        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")


def allow(store: BookmarkStore, event: str) -> None:
    store._conn.execute(f"DROP TRIGGER temp.refuse_{event.lower()}")


def test_a_failed_toggle_is_told_in_words_and_rolled_back(data: Path) -> None:
    with BookmarkStore.open() as store:
        refuse(store, "INSERT")
        with pytest.raises(BookmarkError, match="could not save the change to the bookmarks"):
            store.toggle(article("a"))
        allow(store, "INSERT")
        # A transaction left open would make this BEGIN fail.
        assert store.toggle(article("a")) is True
        assert store.ids() == {"a"}


def test_a_failed_add_or_note_is_told_in_words(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("a"))
        refuse(store, "INSERT")
        with pytest.raises(BookmarkError, match="could not save the change to the bookmarks"):
            store.add("b", "Title b", "/b.txt", None)
        refuse(store, "UPDATE")
        with pytest.raises(BookmarkError, match="could not save the change to the bookmarks"):
            store.set_note("a", "my note")


def damage_now(database: Path, content: bytes) -> None:
    database.write_bytes(content)
    BookmarkStore.open().close()


def test_damaged_files_in_the_same_second_never_overwrite_each_other(
        data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recovery, "stamp", lambda fmt="": "20250304T050607")
    data.mkdir()
    database = data / "bookmarks.sqlite3"
    contents = [b"first damage " * 100, b"second damage " * 100, b"third damage " * 100]
    for content in contents:
        damage_now(database, content)
    moved = sorted(p for p in data.iterdir() if ".damaged-" in p.name)
    assert len(moved) == 3
    assert sorted(p.read_bytes() for p in moved) == sorted(contents)


def test_a_damaged_files_wal_and_shm_move_aside_with_it(tmp_path: Path) -> None:
    database = tmp_path / "bookmarks.sqlite3"
    database.write_bytes(b"not bookmarks")
    (tmp_path / "bookmarks.sqlite3-wal").write_bytes(b"stale wal")
    (tmp_path / "bookmarks.sqlite3-shm").write_bytes(b"stale shm")
    moved = recovery.move_aside(database)
    assert moved.read_bytes() == b"not bookmarks"
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"stale wal"
    assert moved.with_name(moved.name + "-shm").read_bytes() == b"stale shm"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [moved.name, moved.name + "-wal", moved.name + "-shm"])


def test_reasons_are_plain_words() -> None:
    assert recovery.reason(sqlite3.DatabaseError("file is not a database")) == "file is not a database"
    assert recovery.reason(OSError(28, "No space left on device")) == "no space left on device"
    assert (recovery.reason(PermissionError(13, "Permission denied", "/x"))
            == "cannot write to /x (permission denied)")
    assert recovery.reason(ValueError()) == "ValueError"


def test_an_unsaved_list_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    conn = recovery.in_memory_copy(tmp_path / "missing.sqlite3")
    conn.execute("INSERT INTO read_state (article_id, read_at) VALUES ('a', 'now')")
    conn.close()
    assert os.listdir(tmp_path) == []


def test_a_changed_note_gets_a_new_backup(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("a"))
    BookmarkStore.open().close()
    backups = sorted((data / "backups").iterdir())
    assert len(backups) == 1
    with BookmarkStore.open() as store:
        store.set_note("a", "a note worth keeping")
    BookmarkStore.open().close()
    newer = sorted((data / "backups").iterdir())
    assert len(newer) == 2
    conn = sqlite3.connect(newer[-1])
    assert conn.execute("SELECT note FROM bookmarks").fetchall() == [("a note worth keeping",)]
    conn.close()


def test_a_restored_backup_is_named_by_its_time_in_utc() -> None:
    backup = Path("bookmarks-20250304T050607.123456Z.sqlite3")
    assert Backups.when(backup) == "2025-03-04 05:06 UTC"
