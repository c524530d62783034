"""Shown while a large corpus loads: the screen paints at once and the list follows.

On a warm start the top of the list the last start showed is drawn at once, read from a
small file beside the parse cache, with the progress in its count line; the real list
replaces it when the store is built. Without that file, a progress bar.

While files are parsed (a first start: a minute at 100,000 files), the screen says how many
of how many and about how long is left. Quitting then keeps what was parsed for the next
start, which takes the moment of writing it; a second quit does not wait.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static
from textual.worker import Worker, WorkerState

from reader.settings import load_settings
from reader.sort_order import SortOrder
from reader.tui.first_screen import FirstScreen, first_screen, read_first_screen, save_first_screen
from reader.tui.reading_clock import ReadingClock
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
        self._stop = threading.Event()
        self._loader: Worker[None] | None = None
        self._clock = ReadingClock()
        self._reading: str | None = None
        """What the files' progress says while they are parsed; None when none are."""

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
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        self._loader = self.load(list(self.paths), self.bookmarks)

    def _count_text(self, share: float) -> Text:
        assert self.preview is not None
        doing = self._reading[:1].lower() + self._reading[1:] if self._reading \
            else f"loading {share:.0%}"
        return Text(f"{self.preview.total:,} articles · {doing}")

    def _progress(self, done: int, total: int) -> None:
        """Called in the loading thread; the widget is touched on the UI thread only."""
        self.app.call_from_thread(self._show_progress, done, total)

    def _files_progress(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._show_files, done, total)

    def _show_files(self, done: int, total: int) -> None:
        """Only once some file is parsed: a warm start takes them all from the cache."""
        if self._stop.is_set():
            return
        if self._reading is None and done >= total:
            return
        self._reading = self._clock.text(done, total) if done < total else None
        if self.preview is None:
            self.query_one("#loading-label", Static).update(
                Text(self._reading or "Building the list and its indexes…"))

    def _show_progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            return
        if self.preview is not None:
            self.query_one("#preview-count", Static).update(
                self._count_text(done / total if total else 0.0))
        for bar in self.query(ProgressBar):
            bar.update(total=total, progress=done)

    def stop_loading(self) -> bool:
        """Asked to quit while the load runs: it stops and keeps what it parsed, and the app
        ends when it has (`on_worker_state_changed`). False when there is nothing to wait
        for, or when asked again: a second quit ends the app at once."""
        loader = self._loader
        if loader is None or loader.is_finished or self._stop.is_set():
            return False
        self._stop.set()
        message = Text("Stopping: the files read so far are kept for the next start…")
        if self.preview is not None:
            self.query_one("#preview-count", Static).update(message)
        else:
            self.query_one("#loading-label", Static).update(message)
        return True

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A load asked to stop ends the app however it ends: stopped, done or failed (the
        handler of `ReportsWorkerErrors`, called after this one, is then left out)."""
        if self._stop.is_set() and event.worker is self._loader and event.state in (
                WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            event.prevent_default()
            self.app.exit()

    @work(thread=True, exclusive=True, exit_on_error=False, name="Loading the articles",
          description="Loading the articles")
    def load(self, paths: list[Path], bookmarks: BookmarkStore) -> None:
        # Imported here, on this thread: the parsers, the recogniser and the store load
        # while the last start's list is already on screen.
        from reader.tui.session import open_session

        # The files are looked at once the list is up (MainScreen.check_files).
        store, state = open_session(paths, bookmarks, self._progress, trusted=True,
                                    stop=self._stop, files=self._files_progress)
        if self._stop.is_set():
            return  # the user quit meanwhile; the parse cache has every file
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
