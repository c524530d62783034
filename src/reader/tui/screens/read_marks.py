"""Read marks on the main screen: when an article counts as read, the unread-only view (`U`),
marking a whole result read (`A`) and unread again (`u`).

An article is read when the user has it open, never because it happened to be on screen: side
by side, the user went to it (a key, a click) or is reading in the pane, and it stayed there a
moment; in the narrow layout, the article fills the screen. The first article shown at start,
or the one a new filter result puts under the cursor, stays unread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.timer import Timer

from reader.bookmarks import BookmarkError
from reader.positions import FrozenBitMap
from reader.seen import load_seen, new_since, save_seen
from reader.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    import threading

    from reader.search import Result
    from reader.store import Store
    from reader.tui.state import ReadingState
    from reader.tui.widgets.article_list import ArticleList

READ_AFTER = 1.5
"""Seconds an opened article stays in the pane before it counts as read."""
CONFIRM_WITHIN = 4.0
"""Seconds within which a second `A` confirms marking the whole result read."""


class ReadMarks(Screen[None]):
    """Mixed into the main screen (which declares the keys `U`, `A` and `u`, so the footer
    keeps its order), which provides `store`, `state`, `result`, `article_list`,
    `reading_pane_has_focus`, `refilter` and `_change`."""

    store: Store
    state: ReadingState
    result: Result
    _fetch_cancel: threading.Event | None

    def _marks_init(self) -> None:
        self.unread_only = False
        self._read_timer: Timer | None = None
        self._chosen: str | None = None
        """The article the user last went to in the list (None: not since the last filter)."""
        self._confirm_all: tuple[float, int] | None = None
        self._unread_cache: tuple[Store, frozenset[str], FrozenBitMap] | None = None
        self._marks_cache: tuple[tuple[object, ...], FrozenBitMap, FrozenBitMap] | None = None
        self._known_before: frozenset[str] | None = None
        """The articles the last start had (None until read): what is not in it is new."""

    # -- provided by the main screen ---------------------------------------------------------
    @property
    def article_list(self) -> ArticleList:
        raise NotImplementedError

    @property
    def reading_pane_has_focus(self) -> bool:
        raise NotImplementedError

    def refilter(self) -> None:
        raise NotImplementedError

    # -- when an article is read -------------------------------------------------------------
    def note_chosen(self, article_id: str | None) -> None:
        self._chosen = article_id

    def is_open(self, article_id: str) -> bool:
        if self.has_class("-stacked"):
            return self.has_class("-reading")
        return self.reading_pane_has_focus or article_id == self._chosen

    def schedule_read(self, article_id: str | None) -> None:
        """Start the read clock for the article shown, if the user has it open."""
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if article_id is None or article_id in self.state.read() or not self.is_open(article_id):
            return

        def mark() -> None:
            if self.article_list.current_id == article_id and self.is_open(article_id):
                self._change(lambda: self.state.mark_read(article_id))

        self._read_timer = self.set_timer(READ_AFTER, mark)

    # -- the unread view ---------------------------------------------------------------------
    def unread_positions(self) -> FrozenBitMap:
        """Positions of the unread articles, kept until the marks or the store change (a
        keystroke in the unread view must not walk 100,000 articles)."""
        read = self.state.read()
        cached = self._unread_cache
        if cached is not None and cached[0] is self.store and cached[1] is read:
            return cached[2]
        positions = FrozenBitMap(i for i, a in enumerate(self.store.articles) if a.id not in read)
        self._unread_cache = (self.store, read, positions)
        return positions

    def action_toggle_unread_view(self) -> None:
        self.unread_only = not self.unread_only
        self.refilter()
        self.notify("Unread articles only" if self.unread_only else "Read and unread articles",
                    timeout=2)

    def action_mark_all_read(self) -> None:
        """Every article of the current result; a second `A` confirms when more than one is
        unread, because one press must not undo a day's unread marks."""
        read = self.state.read()
        articles = self.store.articles
        unread = [articles[p].id for p in self.result.positions if articles[p].id not in read]
        if not unread:
            self.notify("Every article listed is read already.", timeout=3)
            return
        now = time.monotonic()
        confirmed = (self._confirm_all is not None and now - self._confirm_all[0] < CONFIRM_WITHIN
                     and self._confirm_all[1] == len(unread))
        if len(unread) > 1 and not confirmed:
            self._confirm_all = (now, len(unread))
            self.notify(f"Press A again to mark {len(unread):,} listed articles read.", timeout=4)
            return
        self._confirm_all = None
        if self._change(lambda: self.state.mark_read_many(unread)):
            self.notify(f"Marked {len(unread):,} article{'s' if len(unread) != 1 else ''} read.",
                        timeout=3)
            if self.unread_only:
                self.refilter()

    def action_mark_unread(self) -> None:
        article_id = self.article_list.current_id
        if article_id is None:
            return
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if article_id not in self.state.read():
            self.notify("This article is unread already.", timeout=2)
            return
        if self._change(lambda: self.state.mark_unread(article_id)):
            self._chosen = None  # stays unread while it stays on screen
            self.notify("Marked unread", timeout=2)

    # -- marks on the list and counts in the title ------------------------------------------
    def _change(self, change: Callable[[], object]) -> bool:
        """Apply a bookmark or read-mark change; a failure is told, never raised."""
        try:
            change()
        except BookmarkError as error:
            self.notify(str(error), severity="error", timeout=10, markup=False)
            return False
        self._marks_changed()
        return True

    def _marks_changed(self) -> None:
        self.article_list.set_marks(self.state.bookmarked(), self.state.read())
        self.refresh_title()

    def refresh_title(self) -> None:
        """The title bar counts the unread and the new (since the last start) articles of
        the current result: what is left to read of what the user is looking at. Set on the
        screen, not the app: a Header being unmounted by a screen switch still watches the
        app's subtitle and fails to find its title widget."""
        if self._fetch_cancel is not None:
            return  # the fetch's progress has the title bar until it ends
        positions = self.result.positions.members  # a bitmap: the order is not needed here
        read, fresh_unread = self._mark_positions()
        unread = len(positions) - read.intersection_cardinality(positions)
        fresh = fresh_unread.intersection_cardinality(positions) if fresh_unread else 0
        parts = [f"{unread:,} unread"] + ([f"{fresh:,} new"] if fresh else [])
        title = " · ".join(parts)
        if title != self.sub_title:
            # Not `self.sub_title = title`: a screen's new subtitle repaints the whole screen,
            # every widget drawn again (the reading pane too), 20-40 ms of every keystroke at
            # 100,000 articles. Only the title bar shows it, and it is drawn here.
            self.set_reactive(Screen.sub_title, title)
            self.query_one(TitleBar).show_now()

    def _mark_positions(self) -> tuple[FrozenBitMap, FrozenBitMap]:
        """Positions of the read articles, and of the new ones still unread, kept until the
        marks or the store change: the title is recounted on every keystroke, and a walk over
        100,000 articles there cost more than the search."""
        read, new = self.state.read(), self.article_list.new
        key = (self.store, read, new)
        cached = self._marks_cache
        if cached is None or any(a is not b for a, b in zip(cached[0], key, strict=True)):
            by_id = self.store.by_id
            read_positions = FrozenBitMap(by_id[i] for i in read if i in by_id)
            fresh = FrozenBitMap(by_id[i] for i in new if i in by_id) - read_positions
            cached = (key, read_positions, fresh)
            self._marks_cache = cached
        return cached[1], cached[2]

    @work(thread=True, group="seen", exit_on_error=False, name="Marking new articles",
          description="Marking new articles")
    def mark_new(self, ids: tuple[str, ...]) -> None:
        """New since the last start: the ids the last start had are read, this start's are
        written for the next (off the UI thread: 800 kB at 100,000 articles)."""
        previous = load_seen()
        save_seen(ids)
        self.app.call_from_thread(self._new_marked, previous, frozenset(ids))

    @work(thread=True, group="seen", exit_on_error=False, name="Remembering the articles",
          description="Remembering the articles")
    def remember_seen(self, ids: tuple[str, ...]) -> None:
        """After a reload: the next start counts as new only what arrives after this one."""
        save_seen(ids)

    def _new_marked(self, previous: frozenset[str] | None, ids: frozenset[str]) -> None:
        self._known_before = previous if previous is not None else ids
        self.article_list.set_new(new_since(previous, (a.id for a in self.store.articles)))
        self.refresh_title()
