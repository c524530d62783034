"""Background filtering cannot race the user, and failing background work is told.

A filter worker is held inside the search (a gate the test opens) while the user changes
the sort or the view; the result it then delivers was computed for the old state and
must be dropped.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.bookmarks import BookmarkStore
from reader.search import Query
from reader.store import SortOrder
from reader.tui.app import ReaderApp
from reader.tui.screens.loading import LoadingScreen
from reader.tui.screens.main import MainScreen
from tests.tui.helpers import count_text, main


class Gate:
    """Holds every search made off the UI thread until opened."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.opened = threading.Event()

    def wrap(self, run: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                self.entered.set()
                assert self.opened.wait(10), "the test never opened the gate"
            return run(*args, **kwargs)
        return held


async def wait_until_held(pilot: Any, gate: Gate) -> None:
    # Polled: thread workers run in asyncio's default executor, so a held worker can
    # delay `asyncio.to_thread`.
    for _ in range(500):
        if gate.entered.is_set():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("no filter worker started")


async def start_held_filter(pilot: Any, gate: Gate, text: str) -> None:
    """Enter a filter (as one paste: one worker) whose background search is held, then
    go back to the list."""
    await pilot.press("slash")
    main(pilot.app).bar.input.value = text
    await wait_until_held(pilot, gate)
    await pilot.press("escape")


async def finish(pilot: Any, gate: Gate) -> None:
    gate.opened.set()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_sort_changed_while_a_filter_runs(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        gate = Gate()
        monkeypatch.setattr(screen.searcher, "run", gate.wrap(screen.searcher.run))
        await start_held_filter(pilot, gate, "ha noi")
        await pilot.press("s")
        await finish(pilot, gate)
        rows = screen.article_list.rows
        expected = screen.searcher.run(Query((), "ha noi"), SortOrder.OLDEST).positions
        assert screen.sort is SortOrder.OLDEST
        assert screen.article_list.border_subtitle == "oldest first"
        assert rows == expected
        dates = [screen.store.articles[i].date for i in rows]
        assert dates == sorted(dates)  # type: ignore[type-var]
        assert count_text(app) == "4 of 5 articles"


async def test_bookmark_view_changed_while_a_filter_runs(
        app: ReaderApp, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("b")
        kept = screen.article_list.current_id
        assert kept is not None and bookmarks.is_bookmarked(kept)
        gate = Gate()
        monkeypatch.setattr(screen.searcher, "run", gate.wrap(screen.searcher.run))
        await start_held_filter(pilot, gate, "police")
        await pilot.press("B")
        await finish(pilot, gate)
        shown = [screen.store.articles[i].id for i in screen.article_list.rows]
        assert shown == [kept]
        assert count_text(app) == "1 of 5 articles · bookmarks"


async def test_suggestions_arriving_after_leaving_the_bar_stay_hidden(
        app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        gate = Gate()
        monkeypatch.setattr(screen.searcher, "run", gate.wrap(screen.searcher.run))
        await start_held_filter(pilot, gate, "luong")
        await finish(pilot, gate)
        assert [s.name for s in screen.bar._suggestions][:1] == ["Lương Tam Quang"]
        assert not screen.bar.query_one("#suggestions").display
        assert screen.article_list.has_focus


async def test_a_newer_keystroke_wins_over_an_older_search(
        app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The outcome of a search for 'tam' must not land after the one for 'tam quang'."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        gate = Gate()
        monkeypatch.setattr(screen.searcher, "run", gate.wrap(screen.searcher.run))
        await pilot.press("slash")
        screen.bar.input.value = "cybercrime"
        await wait_until_held(pilot, gate)
        held = screen._generation
        monkeypatch.undo()  # later searches run at once
        await pilot.press("ctrl+u", *"tam quang")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert count_text(app) == "4 of 5 articles"
        assert screen._generation > held
        gate.opened.set()
        await pilot.pause(0.2)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert count_text(app) == "4 of 5 articles"


async def test_a_failing_filter_is_told_in_plain_words(
        app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        original = screen.searcher.run

        def broken(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                raise RuntimeError("the index is [bold]damaged[/bold]\x1b[31m")
            return original(*args, **kwargs)

        monkeypatch.setattr(screen.searcher, "run", broken)
        await pilot.press("slash", "x")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert [n.message for n in errors] == ["Filtering failed: the index is [bold]damaged[/bold]"]
        assert not errors[0].markup
        assert "Traceback" not in errors[0].message


async def test_a_failing_load_says_so_on_the_loading_screen(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise PermissionError("the archive folder is locked")

    monkeypatch.setattr("reader.tui.session.open_session", broken)
    app = ReaderApp(paths=[tmp_path], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        label = str(app.screen.query_one("#loading-label").render())
        assert "Loading the articles failed: the archive folder is locked" in label
        assert "q to quit" in label
        assert any("archive folder is locked" in n.message for n in app._notifications)
        await pilot.press("q")
    assert not app.is_running
