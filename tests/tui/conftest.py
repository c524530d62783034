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


async def wait_for_main_screen(pilot, app: ReaderApp) -> None:  # type: ignore[no-untyped-def]
    """Until the loading screen has handed over and the main screen has shown its first
    result (at most 15 s). The screen becomes current before its first filter has run, so
    waiting for the switch alone made tests read an empty count under load."""
    from reader.tui.screens.main import MainScreen

    for _ in range(300):
        await pilot.pause(0.05)
        screen = app.screen
        if isinstance(screen, MainScreen) and screen.is_mounted and \
                str(screen.bar.query_one("#count").render()):
            break
    await app.workers.wait_for_complete()
    await pilot.pause()
