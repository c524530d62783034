"""The first screen saved for the next start: written beside the parse cache, read back
only when it fits, and never trusted further than a preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.assets import bundled_corpus
from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.store import SortOrder
from reader.tui.first_screen import (
    PREVIEW_ROWS,
    FirstScreen,
    PreviewRow,
    first_screen,
    first_screen_path,
    read_first_screen,
    save_first_screen,
)
from reader.tui.state import ReadingState

CORPUS = bundled_corpus()


@pytest.fixture
def bookmarks() -> BookmarkStore:
    return BookmarkStore.open()


def test_the_first_rows_in_the_list_order_are_saved_and_read_back(bookmarks: BookmarkStore) -> None:
    store = open_store([CORPUS])
    state = ReadingState(bookmarks)
    newest = store.articles[store.order(SortOrder.NEWEST)[0]]
    bookmarks.toggle(newest)
    state.reload()
    saved = first_screen(store, state)
    save_first_screen([CORPUS], saved)
    read = read_first_screen([CORPUS], SortOrder.NEWEST)
    assert read == saved
    assert read.total == len(store)
    assert [row.title for row in read.rows] == \
        [store.articles[i].title for i in store.order(SortOrder.NEWEST)[:PREVIEW_ROWS]]
    assert read.rows[0].marks == "★•"
    assert read.rows[0].date == newest.date.isoformat()
    assert all(row.marks == " •" for row in read.rows[1:])


def test_a_first_screen_in_another_sort_is_not_shown() -> None:
    screen = FirstScreen(3, SortOrder.TITLE, (PreviewRow(" •", "", "A", ""),))
    save_first_screen([CORPUS], screen)
    assert read_first_screen([CORPUS], SortOrder.TITLE) == screen
    assert read_first_screen([CORPUS], SortOrder.NEWEST) is None


@pytest.mark.parametrize("damage", [b"", b"{", b"[]", b'{"version": 1, "total": 2, "sort": "newest"}',
                                    b'{"version": 1, "total": 2, "sort": "newest", "rows": [[1]]}',
                                    b'{"version": 1, "total": "x", "sort": "newest", "rows": []}',
                                    b"\xff\xfe"])
def test_a_damaged_first_screen_is_ignored(damage: bytes) -> None:
    where = first_screen_path([CORPUS])
    assert where is not None
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_bytes(damage)
    assert read_first_screen([CORPUS], SortOrder.NEWEST) is None


def test_an_unchanged_first_screen_is_not_written_again() -> None:
    screen = FirstScreen(1, SortOrder.NEWEST, (PreviewRow(" •", "2025-01-02", "A", "VNA"),))
    save_first_screen([CORPUS], screen)
    where = first_screen_path([CORPUS])
    assert where is not None
    inode = where.stat().st_ino
    save_first_screen([CORPUS], screen)
    assert where.stat().st_ino == inode  # a rewrite renames a new file over it
    save_first_screen([CORPUS], FirstScreen(2, SortOrder.NEWEST, screen.rows))
    assert where.stat().st_ino != inode


def test_nothing_is_kept_without_a_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READER_NO_CACHE", "1")
    save_first_screen([CORPUS], FirstScreen(1, SortOrder.NEWEST, ()))
    assert first_screen_path([CORPUS]) is None
    assert read_first_screen([CORPUS], SortOrder.NEWEST) is None
