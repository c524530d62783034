"""The bookmark database: changes, two processes at once, crashes, damage and backups."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader import bookmarks
from reader.bookmarks import Bookmark, BookmarkStore
from reader.ingest.article import Article

WORKER = Path(__file__).with_name("bookmarks_worker.py")


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def article(article_id: str, title: str = "", date: dt.date | None = dt.date(2025, 3, 4)) -> Article:
    return Article(id=article_id, path=f"/corpus/{article_id}.txt", title=title or f"Title {article_id}",
                   date=date, source=None, author=None, dateline=None, text=b"Body.",
                   places=(), people=(), person_names=())


def ids_in(database: Path) -> set[str]:
    conn = sqlite3.connect(database)
    try:
        return {row[0] for row in conn.execute("SELECT article_id FROM bookmarks")}
    finally:
        conn.close()


def damaged_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".damaged-" in p.name)


def backups_in(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("bookmarks-*.sqlite3"))


# -- everyday use ----------------------------------------------------------------------------
def test_opens_under_the_data_dir_in_wal_mode_with_a_version(data: Path) -> None:
    with BookmarkStore.open() as store:
        assert store.persistent
        assert store.warnings == []
        assert store.path == data / "bookmarks.sqlite3"
    conn = sqlite3.connect(data / "bookmarks.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == bookmarks.SCHEMA_VERSION
    conn.close()


def test_toggle_returns_the_new_state(data: Path) -> None:
    with BookmarkStore.open() as store:
        assert store.toggle(article("a1")) is True
        assert store.is_bookmarked("a1")
        assert store.toggle(article("a1")) is False
        assert not store.is_bookmarked("a1")
        assert store.ids() == set()


def test_bookmark_keeps_title_path_and_date_for_articles_no_longer_loaded(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("gone", "Gone article", dt.date(2024, 12, 31)))
    with BookmarkStore.open() as store:
        [kept] = store.list()
    assert (kept.article_id, kept.title, kept.path, kept.date) == (
        "gone", "Gone article", "/corpus/gone.txt", "2024-12-31")
    assert kept.note == ""
    assert dt.datetime.fromisoformat(kept.created).utcoffset() == dt.timedelta(0)


def test_list_is_newest_first_and_undated_articles_keep_none(data: Path) -> None:
    with BookmarkStore.open() as store:
        for name in ("first", "second", "third"):
            store.add(name, name.title(), f"/{name}.txt", None)
        assert [b.article_id for b in store.list()] == ["third", "second", "first"]
        assert store.get("first") == Bookmark("first", "First", "/first.txt", None, "",
                                              store.list()[-1].created)


def test_add_again_refreshes_details_but_keeps_note_and_time(data: Path) -> None:
    with BookmarkStore.open() as store:
        assert store.add("x", "Old title", "/old.txt", dt.date(2025, 1, 1)) is True
        assert store.set_note("x", "keep me")
        before = store.get("x")
        assert store.add("x", "New title", "/new.txt", "2025-02-02") is False
        after = store.get("x")
    assert before is not None and after is not None
    assert (after.title, after.path, after.date) == ("New title", "/new.txt", "2025-02-02")
    assert (after.note, after.created) == ("keep me", before.created)


def test_notes_and_removal(data: Path) -> None:
    with BookmarkStore.open() as store:
        assert store.set_note("nothing", "no bookmark to hang it on") is False
        store.add("n", "T", "/n.txt", None)
        assert store.set_note("n", "line one\nline two")
        assert store.get("n") == Bookmark("n", "T", "/n.txt", None, "line one\nline two",
                                          store.list()[0].created)
        assert store.remove("n") is True
        assert store.remove("n") is False
        assert store.get("n") is None


def test_read_state_is_separate_from_bookmarks(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.mark_read("r1")
        store.mark_read("r1")
        store.mark_read("r2")
        store.mark_unread("r2")
        assert store.read_ids() == {"r1"}
        assert store.is_read("r1") and not store.is_read("r2")
        assert store.ids() == set()
    with BookmarkStore.open() as store:
        assert store.read_ids() == {"r1"}


def test_two_stores_on_one_file_see_each_other_at_once(data: Path) -> None:
    with BookmarkStore.open() as one, BookmarkStore.open() as two:
        one.toggle(article("from-one"))
        two.toggle(article("from-two"))
        assert one.ids() == two.ids() == {"from-one", "from-two"}
        two.remove("from-one")
        two.mark_read("from-two")
        assert one.ids() == {"from-two"}
        assert one.read_ids() == {"from-two"}


# -- two processes, and a crash --------------------------------------------------------------
def _workers(mode: str, database: Path, count: int) -> list[subprocess.Popen[str]]:
    workers = [subprocess.Popen([sys.executable, str(WORKER), mode, str(database), prefix, str(count)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for prefix in ("p", "q")]
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready", worker.stderr
    return workers


def _finish(workers: list[subprocess.Popen[str]]) -> None:
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err


def test_two_processes_writing_at_once_both_keep_their_changes(data: Path) -> None:
    database = data / "bookmarks.sqlite3"
    BookmarkStore.open(database).close()
    _finish(_workers("add", database, 100))
    expected = {f"{prefix}{i:03}" for prefix in "pq" for i in range(100)}
    assert ids_in(database) == expected
    with BookmarkStore.open(database) as store:
        assert store.ids() == expected


def test_two_processes_opening_again_and_again_lose_and_move_nothing(data: Path) -> None:
    database = data / "bookmarks.sqlite3"
    _finish(_workers("reopen", database, 15))
    assert ids_in(database) == {f"{prefix}{i:03}" for prefix in "pq" for i in range(15)}
    assert damaged_files(data) == []
    assert 1 <= len(backups_in(data)) <= bookmarks.BACKUPS_KEPT


def test_a_toggle_survives_kill_9(data: Path) -> None:
    database = data / "bookmarks.sqlite3"
    with BookmarkStore.open(database) as store:
        store.add("earlier", "Earlier", "/earlier.txt", None)
    worker = subprocess.Popen([sys.executable, str(WORKER), "toggle", str(database), "killed"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "done", worker.stderr
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        worker.kill()
    assert worker.returncode == -signal.SIGKILL
    # The connection was never closed, so the change lives in the write-ahead log alone.
    assert database.with_name(database.name + "-wal").exists()
    with BookmarkStore.open(database) as store:
        assert store.warnings == []
        assert store.ids() == {"earlier", "killed"}
        assert store.get("killed") is not None


# -- damage and recovery ---------------------------------------------------------------------
def _foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    with BookmarkStore.open(path) as store:
        for i in range(200):
            store.add(f"t{i}", "A title long enough to fill a few pages " * 3, f"/t{i}.txt", None)
    size = path.stat().st_size
    assert size > 8192
    with open(path, "r+b") as handle:
        handle.truncate(size // 2)


DAMAGE = {
    "garbage": lambda p: p.write_bytes(os.urandom(8192)),
    "not sqlite": lambda p: p.write_text("these are my notes, not a database\n" * 40),
    "truncated": _truncated,
    "another program's database": _foreign_database,
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_moved_aside_and_a_fresh_list_starts(data: Path, damage: str) -> None:
    data.mkdir()
    database = data / "bookmarks.sqlite3"
    DAMAGE[damage](database)
    original = database.read_bytes()
    with BookmarkStore.open() as store:
        assert store.persistent
        assert len(store.warnings) == 1
        assert "moved aside" in store.warnings[0] and "new, empty list" in store.warnings[0]
        assert store.ids() == set()
        store.toggle(article("after"))
    [moved] = damaged_files(data)
    assert moved.read_bytes() == original
    assert moved.name.startswith("bookmarks.sqlite3.damaged-")
    with BookmarkStore.open() as store:
        assert store.warnings == []
        assert store.ids() == {"after"}


def test_a_folder_in_place_of_the_file_is_moved_aside_with_its_contents(data: Path) -> None:
    (data / "bookmarks.sqlite3").mkdir(parents=True)
    (data / "bookmarks.sqlite3" / "keep.txt").write_text("mine")
    with BookmarkStore.open() as store:
        assert len(store.warnings) == 1 and "folder" in store.warnings[0]
        store.toggle(article("a"))
    [moved] = damaged_files(data)
    assert (moved / "keep.txt").read_text() == "mine"
    assert ids_in(data / "bookmarks.sqlite3") == {"a"}


def test_damage_is_repaired_from_the_newest_good_backup(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("old"))
    with BookmarkStore.open() as store:  # backs up {"old"}
        store.toggle(article("middle"))
    with BookmarkStore.open() as store:  # backs up {"old", "middle"}
        store.toggle(article("latest"))
    first, newest = backups_in(data)
    assert ids_in(newest) == {"old", "middle"}
    (data / "bookmarks.sqlite3").write_bytes(b"\x00garbage" * 512)
    with BookmarkStore.open() as store:
        assert len(store.warnings) == 1
        assert "restored from the backup" in store.warnings[0]
        assert store.ids() == {"old", "middle"}
    assert len(damaged_files(data)) == 1
    assert ids_in(first) == {"old"}


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("old"))
    with BookmarkStore.open() as store:
        store.toggle(article("new"))
    BookmarkStore.open().close()
    good, bad = backups_in(data)
    bad.write_bytes(b"not a backup")
    (data / "bookmarks.sqlite3").write_bytes(b"not bookmarks")
    with BookmarkStore.open() as store:
        assert store.ids() == {"old"}
        assert "restored" in store.warnings[0]
    assert ids_in(good) == {"old"}


def test_a_file_from_a_newer_reader_is_shown_but_never_written(data: Path) -> None:
    database = data / "bookmarks.sqlite3"
    with BookmarkStore.open() as store:
        store.toggle(article("kept"))
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with BookmarkStore.open() as store:
        assert not store.persistent
        assert "newer version" in store.warnings[0]
        assert store.ids() == {"kept"}
        store.toggle(article("unsaved"))
    assert damaged_files(data) == []
    assert ids_in(database) == {"kept"}


# -- backups ---------------------------------------------------------------------------------
def test_backups_roll_keeping_the_newest_and_only_when_something_changed(data: Path) -> None:
    database = data / "bookmarks.sqlite3"
    with BookmarkStore.open(database, backups_kept=3):
        pass
    assert backups_in(data) == []  # nothing to lose yet
    (data / "backups").mkdir()
    (data / "backups" / "my-own-copy.sqlite3").write_text("not ours to rotate")
    for i in range(6):
        with BookmarkStore.open(database, backups_kept=3) as store:
            store.toggle(article(f"b{i}"))
    BookmarkStore.open(database, backups_kept=3).close()
    kept = backups_in(data)
    assert len(kept) == 3
    assert [len(ids_in(b)) for b in kept] == [4, 5, 6]
    assert ids_in(kept[-1]) == {f"b{i}" for i in range(6)}
    BookmarkStore.open(database, backups_kept=3).close()
    assert backups_in(data) == kept  # unchanged since the last backup: no new copy
    assert (data / "backups" / "my-own-copy.sqlite3").exists()


def test_backups_are_standalone_files(data: Path) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("x"))
    BookmarkStore.open().close()
    [backup] = backups_in(data)
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


# -- nowhere to write ------------------------------------------------------------------------
def test_an_unusable_data_dir_gives_an_unsaved_list_and_a_warning(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "a-file" / "data"))
    with BookmarkStore.open() as store:
        assert not store.persistent
        assert len(store.warnings) == 1
        assert store.warnings[0].startswith("bookmarks will not be saved: ")
        assert store.toggle(article("only-in-memory"))
        assert store.ids() == {"only-in-memory"}


def test_an_unwritable_data_dir_still_shows_the_saved_bookmarks(data: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with BookmarkStore.open() as store:
        store.toggle(article("saved"))

    def refuse(folder: Path) -> None:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(bookmarks.recovery, "probe_writable", refuse)
    with BookmarkStore.open() as store:
        assert not store.persistent
        assert store.warnings == [f"bookmarks will not be saved: cannot write to {data} (permission denied)"]
        assert store.ids() == {"saved"}
        store.toggle(article("unsaved"))
    assert ids_in(data / "bookmarks.sqlite3") == {"saved"}
