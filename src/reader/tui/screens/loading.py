"""Shown while a large corpus loads: the screen paints at once and the list follows.

On a warm start the top of the list the last start showed is drawn at once, read from a
small file beside the parse cache, with the progress in its count line; the real list
replaces it when the store is built. Without that file, a progress bar.
"""

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

from reader.settings import load_settings
from reader.sort_order import SortOrder
from reader.tui.first_screen import FirstScreen, first_screen, read_first_screen, save_first_screen
from reader.tui.widgets.title_preview import TitlePreview
from reader.tui.workers import ReportsWorkerErrors, failure_message

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore


def saved_sort() -> SortOrder:
    """The order the list will open in (ReadingState reads the same setting)."""
    try:
        return SortOrder(load_settings().get("sort", SortOrder.NEWEST.value))
    except ValueError:
        return SortOrder.NEWEST


class LoadingScreen(Screen[None], ReportsWorkerErrors):
    """Its styles are the app's (loading.tcss): a screen's own CSS file makes Textual parse
    every stylesheet again when the screen is first shown, 10-15 ms of the first paint."""

    def __init__(self, paths: Sequence[Path], bookmarks: BookmarkStore) -> None:
        super().__init__()
        self.paths = list(paths)
        self.bookmarks = bookmarks
        self.preview: FirstScreen | None = read_first_screen(self.paths, saved_sort())

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            yield Static("Loading articles…", id="loading-label")
            if self.preview is None:  # else the preview's count line shows the progress
                yield ProgressBar(id="loading-bar", show_eta=False)
        if self.preview is not None:
            yield Static(self._count_text(0), id="preview-count")
            preview = TitlePreview(self.preview.rows, id="preview")
            preview.border_title = "Articles"
            preview.border_subtitle = self.preview.sort.label
            yield preview
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#loading").display = self.preview is None
        # Once painted: the load holds the interpreter for long stretches (unpickling),
        # and the first screen would wait for it.
        self.call_after_refresh(self.load, list(self.paths), self.bookmarks)

    def _count_text(self, share: float) -> Text:
        assert self.preview is not None
        return Text(f"{self.preview.total:,} articles · loading {share:.0%}")

    def _progress(self, done: int, total: int) -> None:
        """Called in the loading thread; the widget is touched on the UI thread only."""
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        if self.preview is not None:
            self.query_one("#preview-count", Static).update(
                self._count_text(done / total if total else 0.0))
        for bar in self.query(ProgressBar):
            bar.update(total=total, progress=done)

    @work(thread=True, exclusive=True, exit_on_error=False, name="Loading the articles")
    def load(self, paths: list[Path], bookmarks: BookmarkStore) -> None:
        # Imported here, on this thread: the parsers, the recogniser and the store load
        # while the last start's list is already on screen.
        from reader.tui.session import open_session

        # The files are looked at once the list is up (MainScreen.check_files).
        store, state = open_session(paths, bookmarks, self._progress, trusted=True)
        self.app.call_from_thread(self.app.show_store, store, state)  # type: ignore[attr-defined]
        # After the hand-over: the next start shows these rows while it loads.
        save_first_screen(paths, first_screen(store, state))

    def worker_failed(self, worker: Worker[object]) -> None:
        """The notification fades; the screen keeps saying what happened and what to do."""
        if self.preview is not None:
            self.query_one("#preview", TitlePreview).display = False
            self.query_one("#preview-count", Static).display = False
            self.query_one("#loading").display = True
        self.query_one("#loading-label", Static).update(
            Text(f"{failure_message(worker)}\nPress q to quit."))
        for bar in self.query(ProgressBar):
            bar.display = False
