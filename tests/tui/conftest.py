"""Pilot and snapshot tests drive the real app over the bundled corpus, with the user's
directories in a temporary folder (see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens import main as main_screen
from reader.tui.state import ReadingState


@pytest.fixture(autouse=True)
def pane_follows_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading pane waits `PANE_AFTER_TYPING` after a change in the filter bar before
    it shows the article under the cursor. Tests of what the pane shows read it as soon as
    the filter has run, so here it follows at once; `test_pane_waits_for_typing_to_pause`
    puts the wait back and tests it."""
    monkeypatch.setattr(main_screen, "PANE_AFTER_TYPING", 0.0)


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
