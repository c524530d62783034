"""A large load goes through the process pool behind the loading screen, never by `fork`;
a warm start shows the last start's list while it loads."""

from __future__ import annotations

import multiprocessing.context
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ProgressBar, Static

from reader.assets import bundled_corpus
from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.ingest.load import PARALLEL_FROM
from reader.store import SortOrder
from reader.tui import session
from reader.tui.app import ReaderApp
from reader.tui.first_screen import (
    FirstScreen,
    PreviewRow,
    first_screen,
    read_first_screen,
    save_first_screen,
)
from reader.tui.screens import loading
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.title_preview import TitlePreview
from tests.tui.conftest import wait_for_main_screen

FILES = PARALLEL_FROM + 20


async def test_hundreds_of_files_load_through_the_pool(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(FILES):
        folder = tmp_path / f"{number // 100:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:04d}.txt").write_text(
            f"Police story number {number}\n\nOfficers in Hue met on day {number}.",
            encoding="utf-8")
    pools: list[multiprocessing.context.BaseContext] = []
    through_pool: list[object] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs["mp_context"])
            super().__init__(*args, **kwargs)

        def map(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
            for outcome in super().map(*args, **kwargs):
                # Workers answer a chunk of files at a time, as a list of records.
                through_pool.extend(outcome if isinstance(outcome, list) else [outcome])
                yield outcome

    monkeypatch.setattr("reader.ingest.load.ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # the pool is skipped on one core
    app = ReaderApp(paths=[tmp_path], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert str(screen.bar.query_one("#count").render()) == f"{FILES} of {FILES} articles"
        assert not screen.store.skipped
        titles = {a.title for a in screen.store.articles}
        assert titles == {f"Police story number {n}" for n in range(FILES)}
    assert len(pools) == 1
    assert len(through_pool) == FILES  # not a pool that failed and left the work to one core
    assert pools[0].get_start_method() != "fork"


def _blocked_session(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The load waits for the test, so what the loading screen shows meanwhile can be read."""
    release = threading.Event()
    real = session.open_session

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(15)
        return real(*args, **kwargs)

    monkeypatch.setattr(session, "open_session", waiting)
    return release


def _drawn(widget: Any) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_a_warm_start_shows_the_last_list_while_it_loads(
        bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = bundled_corpus()
    store = open_store([corpus])
    save_first_screen([corpus], first_screen(store, ReadingState(bookmarks)))
    newest = [store.articles[i] for i in store.order(SortOrder.NEWEST)]
    release = _blocked_session(monkeypatch)
    app = ReaderApp(paths=[corpus], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, loading.LoadingScreen)
        preview = app.screen.query_one(TitlePreview)
        assert preview.display and not app.screen.query_one("#loading").display
        rows = _drawn(preview)
        assert newest[0].title[:40] in rows[0] and newest[0].date.isoformat() in rows[0]
        assert newest[1].title[:40] in rows[1]
        count = str(app.screen.query_one("#preview-count", Static).render())
        assert count.startswith(f"{len(store)} articles · loading")
        assert not app.screen.query(ProgressBar)  # the count line shows the progress
        release.set()
        await wait_for_main_screen(pilot, app)
        assert isinstance(app.screen, MainScreen)


async def test_without_a_saved_list_a_progress_bar_shows(
        bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = bundled_corpus()
    release = _blocked_session(monkeypatch)
    app = ReaderApp(paths=[corpus], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, loading.LoadingScreen)
        assert app.screen.query_one("#loading").display
        assert app.screen.query_one(ProgressBar).display
        assert not app.screen.query(TitlePreview)
        release.set()
        await wait_for_main_screen(pilot, app)
    # This start saved its first screen for the next one.
    saved = read_first_screen([corpus], SortOrder.NEWEST)
    assert saved is not None and saved.total == 5


async def test_a_failing_load_after_the_last_list_says_so_in_its_place(
        bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = bundled_corpus()
    save_first_screen([corpus], first_screen(open_store([corpus]), ReadingState(bookmarks)))

    def broken(*args: object, **kwargs: object) -> None:
        raise PermissionError("the archive folder is locked")

    monkeypatch.setattr(session, "open_session", broken)
    app = ReaderApp(paths=[corpus], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, loading.LoadingScreen)
        assert not app.screen.query_one(TitlePreview).display
        assert app.screen.query_one("#loading").display
        label = str(app.screen.query_one("#loading-label").render())
        assert "Loading the articles failed: the archive folder is locked" in label


async def test_saved_titles_are_drawn_as_plain_text(
        bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = bundled_corpus()
    hostile = "[bold red]Police[/] \x1b]0;HACKED\x07 report \x1b[31m"
    save_first_screen([corpus], FirstScreen(7, SortOrder.NEWEST, (
        PreviewRow("\x1b[", "2025-01-01", hostile, "[link=x]VNA[/link]"),)))
    release = _blocked_session(monkeypatch)
    app = ReaderApp(paths=[corpus], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        line = app.screen.query_one(TitlePreview).render_line(0)
        text = line.text
        assert "[bold red]Police[/]" in text and "[link=x]VNA[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert all(not segment.style or not segment.style.link for segment in line)
        release.set()
        await wait_for_main_screen(pilot, app)
