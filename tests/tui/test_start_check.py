"""A start shows the files as the last start left them and looks at them once its first
screen is up: what changed meanwhile comes in with a reload, and nothing else does."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from tests.tui.conftest import wait_for_main_screen


def write_article(folder: Path, name: str, title: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{title}\n\nOfficers in Huế met on the case this week.",
                               encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for number in range(3):
        write_article(folder, f"{number}.txt", f"Police story number {number}")
    open_store([folder])  # the start before this one: its walk is in the parse cache
    return folder


def first_stores(monkeypatch: pytest.MonkeyPatch) -> list[Store]:
    shown: list[Store] = []
    real = ReaderApp.show_store

    def recorded(self: ReaderApp, store: Store, state: ReadingState) -> None:
        shown.append(store)
        real(self, store, state)

    monkeypatch.setattr(ReaderApp, "show_store", recorded)
    return shown


async def test_a_file_added_since_the_last_start_comes_in_after_the_first_screen(
        corpus: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    write_article(corpus, "3.txt", "Kon Tum police close the timber case")
    shown = first_stores(monkeypatch)
    told: list[str] = []
    app = ReaderApp(paths=[corpus], bookmarks=bookmarks)
    real_notify = app.notify

    def notify(message: str, **kwargs: object) -> None:
        told.append(message)
        real_notify(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        assert len(shown) == 1 and len(shown[0]) == 3  # the last start's files, trusted
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(200):
            await pilot.pause(0.05)
            if len(screen.store) == 4:
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.store) == 4
        assert screen.store.unchecked is None
        rows = [screen.article_list.render_line(y).text for y in range(6)]
        assert any("Kon Tum police close the timber case" in row for row in rows)
        assert "1 new article" in told


async def test_an_unchanged_folder_is_not_loaded_again(
        corpus: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = first_stores(monkeypatch)
    app = ReaderApp(paths=[corpus], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert shown[0].unchecked is not None
        for _ in range(100):  # the check runs once the first screen has settled
            await pilot.pause(0.05)
            if screen.store.unchecked is None:
                break
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert screen.store.unchecked is None  # looked at
        assert screen.store is shown[0]  # and kept: nothing was loaded again


async def test_a_check_that_ends_after_a_reload_began_is_dropped(
        seed_store: Store, bookmarks: BookmarkStore) -> None:
    """The reload read the files as they are; a second one would only cost time."""
    app = ReaderApp(seed_store, ReadingState(bookmarks))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen._reload_generation = 3
        screen._files_changed("Files changed since the last start: 1 added.", 2)
        assert screen._reload_generation == 3
        screen._files_changed("Files changed since the last start: 1 added.", 3)
        assert screen._reload_generation == 4
        await app.workers.wait_for_complete()
