"""While a first load parses files, the loading screen says how many of how many; quitting
then keeps what was parsed for the next start (a second quit does not wait for it)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from reader.bookmarks import BookmarkStore
from reader.cache_names import sources_of
from reader.corpus import default_gazetteer, open_store, parse_cache
from reader.entities.recognise import Recogniser
from reader.ingest import load
from reader.paths import cache_dir
from reader.tui.app import ReaderApp
from reader.tui.first_screen import first_screen, save_first_screen
from reader.tui.screens.loading import LoadingScreen
from reader.tui.state import ReadingState
from tests.conftest import numbered_articles
from tests.tui.conftest import wait_for_main_screen

FILES = 10
GATE_AT = 3
"""The load waits at this file until the test opens the gate."""




class Gate:
    """`read_file` blocked at one file, so the test can act while the load is half-way."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.left = threading.Event()
        self.parsed: list[str] = []
        real = load.read_file

        def gated(path: Path, recogniser: Recogniser) -> Any:
            if path.name == f"{GATE_AT:04d}.txt" and not self.opened.is_set():
                self.reached.set()
                self.opened.wait(60)
                self.left.set()
            self.parsed.append(path.name)
            return real(path, recogniser)

        monkeypatch.setattr(load, "read_file", gated)


async def _until(pilot: Any, condition: Any, seconds: float = 15) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited {seconds} s")


def _kept(folder: Path) -> int:
    return len(parse_cache(default_gazetteer(), sources_of([folder])).entries)


async def test_quitting_half_way_keeps_the_files_read_and_the_next_start_reads_the_rest(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = numbered_articles(tmp_path, FILES)
    gate = Gate(monkeypatch)
    app = ReaderApp(paths=[folder], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, gate.reached.is_set)
        assert isinstance(app.screen, LoadingScreen)
        label = app.screen.query_one("#loading-label", Static)
        assert str(label.render()) == f"Reading the files: 0 of {FILES}"
        await pilot.press("q")
        assert str(label.render()) == "Stopping: the files read so far are kept for the next start…"
        assert app.return_code is None  # waiting for the load to keep its files
        gate.opened.set()
        await _until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    assert not [n.message for n in app._notifications]  # a stop is not a failure
    assert _kept(folder) == GATE_AT + 1
    gate.parsed.clear()
    store = open_store([folder])
    assert sorted(gate.parsed) == [f"{n:04d}.txt" for n in range(GATE_AT + 1, FILES)]
    assert len(store.articles) == FILES


async def test_a_second_quit_does_not_wait(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = numbered_articles(tmp_path, FILES)
    gate = Gate(monkeypatch)
    app = ReaderApp(paths=[folder], bookmarks=bookmarks)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, gate.reached.is_set)
            await pilot.press("q")
            assert app.return_code is None
            await pilot.press("q")
            await _until(pilot, lambda: app.return_code is not None, seconds=10)
            assert not gate.left.is_set()  # the load was still waiting
        assert app.return_code == 0
    finally:
        gate.opened.set()


async def test_over_the_last_list_the_count_line_says_how_many_files_are_read(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last start's list is shown while files are parsed again (the parser changed,
    say): its count line tells the reading, not a bare percentage."""
    folder = numbered_articles(tmp_path, FILES)
    save_first_screen([folder], first_screen(open_store([folder]), ReadingState(bookmarks)))
    for cached in cache_dir().glob("parsed-*.cache"):
        cached.unlink()
    gate = Gate(monkeypatch)
    app = ReaderApp(paths=[folder], bookmarks=bookmarks)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, gate.reached.is_set)
            await pilot.pause()
            count = str(app.screen.query_one("#preview-count", Static).render())
            assert count == f"{FILES} articles · reading the files: 0 of {FILES}"
            gate.opened.set()
            await wait_for_main_screen(pilot, app)
            assert not isinstance(app.screen, LoadingScreen)
    finally:
        gate.opened.set()
