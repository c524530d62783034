"""Sources that change while the interface runs: fetching feeds (`r`) and folders that change
on disk.

A change never rebuilds the screen: a worker loads the articles again through the parse
cache (unchanged files cost a stat), and the main screen swaps the new store in, keeping the
filter, the chips and the cursor on its article. Every worker gets its inputs as arguments
and a generation number; a reload that finishes after a newer one started is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from reader.tui.session import open_session
from reader.tui.state import ReadingState

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore
    from reader.feeds.fetch import FetchProgress, FetchSummary
    from reader.feeds.http import FetchOptions
    from reader.feeds.subscriptions import Subscription
    from reader.ingest.load import Unchecked
    from reader.store import Store

def watched_paths(paths: Sequence[Path]) -> list[Path]:
    """What a reload reads: the given paths, or the bundled articles and the archive."""
    if paths:
        return [Path(p) for p in paths]
    from reader.assets import bundled_corpus
    from reader.feeds.archive import archive_dir

    return [bundled_corpus(), archive_dir()]


def new_articles_line(before: frozenset[str], store: Store) -> str:
    added = sum(1 for article in store.articles if article.id not in before)
    gone = len(before - set(store.by_id))
    parts = []
    if added:
        parts.append(f"{added:,} new article{'s' if added != 1 else ''}")
    if gone:
        parts.append(f"{gone:,} removed")
    return " · ".join(parts)


class LiveSources(Screen[None]):
    """Mixed into the main screen, which provides `store`, `state` and
    `replace_store`; this class owns the fetch, watch and reload workers."""

    paths: list[Path]
    store: Store
    state: ReadingState

    def _live_init(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self._reload_generation = 0
        self._fetch_cancel: threading.Event | None = None
        self._watch_stop = threading.Event()

    def replace_store(self, store: Store, state: ReadingState) -> None:  # provided by the main screen
        raise NotImplementedError

    # -- reloading ---------------------------------------------------------------------------
    def request_reload(self, reason: str = "") -> None:
        """Load the sources again in the background; only the newest request's result lands."""
        self._reload_generation += 1
        self.reload_sources(tuple(self.paths), self.state.bookmarks,
                            frozenset(self.store.by_id), self._reload_generation, reason)

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False,
          name="Reloading the articles",
          description="Reloading the articles")
    def reload_sources(self, paths: tuple[Path, ...], bookmarks: BookmarkStore,
                       before: frozenset[str], generation: int, reason: str) -> None:
        store, state = open_session(paths, bookmarks)
        self.app.call_from_thread(self._reloaded, store, state, before, generation, reason)

    def _reloaded(self, store: Store, state: ReadingState, before: frozenset[str],
                  generation: int, reason: str) -> None:
        if generation != self._reload_generation:
            return
        self.replace_store(store, state)
        change = new_articles_line(before, store) or reason
        if change:
            self.notify(change, timeout=4, markup=False)

    # -- a start's files, looked at after its first screen -----------------------------------
    def check_files(self) -> None:
        """A start that took its files from the parse cache unseen (`Store.unchecked`) looks
        at them now, and reloads if any was added, changed or removed since the last start.
        A watched start's watcher runs already, so a change made meanwhile is seen by one
        or the other."""
        unchecked = self.store.unchecked
        if unchecked is None:
            return
        self.store.unchecked = None
        self.look_for_changes(unchecked, self._reload_generation)

    @work(thread=True, group="check", exit_on_error=False, name="Looking for changed files",
          description="Looking for changed files")
    def look_for_changes(self, unchecked: Unchecked, generation: int) -> None:
        from reader.ingest.load import changes_since

        changes = changes_since(unchecked)
        if changes:
            self.app.call_from_thread(self._files_changed, str(changes), generation)

    def _files_changed(self, reason: str, generation: int) -> None:
        """Dropped if a reload started meanwhile: it read the files as they are."""
        if generation == self._reload_generation:
            self.request_reload(reason)

    # -- watching ------------------------------------------------------------------------------
    def start_watching(self) -> None:
        from reader.ingest.load import ARTICLE_SUFFIXES

        self.watch_sources(tuple(watched_paths(self.paths)), frozenset(ARTICLE_SUFFIXES),
                           self._watch_stop)

    def stop_watching(self) -> None:
        self._watch_stop.set()
        if self._fetch_cancel is not None:
            self._fetch_cancel.set()

    @work(thread=True, group="watch", exit_on_error=False, name="Watching the folders",
          description="Watching the folders")
    def watch_sources(self, paths: tuple[Path, ...], suffixes: frozenset[str],
                      stop: threading.Event) -> None:
        from reader.watch import watch_sources

        for _changed in watch_sources(paths, suffixes, stop):
            if stop.is_set():
                return
            self.app.call_from_thread(self.request_reload)

    # -- fetching ------------------------------------------------------------------------------
    def action_fetch(self) -> None:
        from reader.feeds.http import FetchOptions
        from reader.feeds.subscriptions import load_subscriptions

        if self._fetch_cancel is not None:
            self.notify("A fetch is already running.", timeout=3)
            return
        subscriptions = load_subscriptions()
        for problem in subscriptions.problems:
            self.notify(f"Feeds file: {problem}", severity="warning", timeout=8, markup=False)
        if not subscriptions.feeds:
            self.notify("No feeds to fetch yet: add one with `reader feeds add URL`.", timeout=6,
                        markup=False)
            return
        self._fetch_cancel = threading.Event()
        self.sub_title = f"fetching {len(subscriptions.feeds)} feeds…"
        self.fetch_feeds(tuple(subscriptions.feeds), FetchOptions(), self._fetch_cancel)

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False, name="Fetching the feeds",
          description="Fetching the feeds")
    def fetch_feeds(self, feeds: tuple[Subscription, ...], options: FetchOptions,
                    cancel: threading.Event) -> None:
        from reader.feeds.fetch import fetch_all

        def progress(step: FetchProgress) -> None:
            self.app.call_from_thread(self._fetch_progress, step.done, step.total)

        try:
            summary = fetch_all(feeds, options=options, progress=progress, cancel=cancel)
        finally:
            self.app.call_from_thread(self._fetch_ended)
        self.app.call_from_thread(self._fetched, summary)

    def _fetch_progress(self, done: int, total: int) -> None:
        self.sub_title = f"fetching feeds: {done} of {total}"

    def _fetch_ended(self) -> None:
        self._fetch_cancel = None
        self.refresh_title()

    def refresh_title(self) -> None:
        """What the title bar says when no fetch is running (the main screen counts there)."""
        self.sub_title = None  # the app's own subtitle again

    def _fetched(self, summary: FetchSummary) -> None:
        self.notify(summary.line(), severity="information" if summary.ok else "warning",
                    timeout=8, markup=False)
        if summary.new_articles:
            self.request_reload()
