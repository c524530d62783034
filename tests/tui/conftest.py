"""Pilot and snapshot tests drive the real app over the bundled corpus, with the user's
directories in a temporary folder (see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.state import ReadingState


@pytest.fixture(scope="session")
def seed_store() -> Store:
    return open_store([])


@pytest.fixture
def bookmarks() -> Iterator[BookmarkStore]:
    store = BookmarkStore.open()
    yield store
    store.close()


@pytest.fixture
def app(seed_store: Store, bookmarks: BookmarkStore) -> ReaderApp:
    return ReaderApp(seed_store, ReadingState(bookmarks))
