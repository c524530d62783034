"""Shown while a large corpus loads: the screen paints at once and the list follows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static
from textual.worker import Worker

from reader.tui.session import open_session
from reader.tui.workers import ReportsWorkerErrors, failure_message

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore


class LoadingScreen(ReportsWorkerErrors, Screen[None]):
    def __init__(self, paths: Sequence[Path], bookmarks: BookmarkStore) -> None:
        super().__init__()
        self.paths = list(paths)
        self.bookmarks = bookmarks

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            yield Static("Loading articles…", id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load(list(self.paths), self.bookmarks)

    def _progress(self, done: int, total: int) -> None:
        """Called in the loading thread; the widget is touched on the UI thread only."""
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)

    @work(thread=True, exclusive=True, exit_on_error=False, name="Loading the articles")
    def load(self, paths: list[Path], bookmarks: BookmarkStore) -> None:
        store, state = open_session(paths, bookmarks, self._progress)
        self.app.call_from_thread(self.app.show_store, store, state)  # type: ignore[attr-defined]

    def worker_failed(self, worker: Worker[object]) -> None:
        """The notification fades; the screen keeps saying what happened and what to do."""
        self.query_one("#loading-label", Static).update(
            Text(f"{failure_message(worker)}\nPress q to quit."))
        self.query_one(ProgressBar).display = False
