"""Shown while a large corpus loads: the screen paints at once and the list follows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static

from reader.tui.session import open_session

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore


class LoadingScreen(Screen[None]):
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
        self.load()

    def _progress(self, done: int, total: int) -> None:
        self.app.call_from_thread(self.query_one(ProgressBar).update, total=total, progress=done)

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        store, state = open_session(self.paths, self.bookmarks, self._progress)
        self.app.call_from_thread(self.app.show_store, store, state)  # type: ignore[attr-defined]
