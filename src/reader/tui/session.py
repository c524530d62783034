"""Everything one run of the interface reads before it can show the list.

Bookmarked articles that are not among the loaded files still appear, marked missing:
a bookmark is never dropped because its file moved.

The first rows of the list are saved at each start (`FirstScreen`), so that the next start
can show them while the store is built behind them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.atomic import write_bytes
from reader.corpus import (
    Progress,
    cache_name,
    caching,
    load_articles,
    saved_word_index,
    without_gc_pauses,
)
from reader.ingest.article import Article
from reader.ingest.clean import clean_text
from reader.paths import cache_dir
from reader.search import Searcher
from reader.store import SortOrder, Store
from reader.tui.state import ReadingState

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore

PREVIEW_ROWS = 150
"""Rows saved for the next start: more than a tall terminal shows."""
_PREVIEW_VERSION = 1

STEPS = 1000
"""The scale of the progress `open_session` reports: reading the files (or the cache) is
the first half, building the store and the name table the rest."""


def missing_articles(bookmarks: BookmarkStore, loaded: set[str]) -> list[Article]:
    ghosts = []
    for bookmark in bookmarks.list():
        if bookmark.article_id in loaded:
            continue
        try:
            date = dt.date.fromisoformat(bookmark.date) if bookmark.date else None
        except ValueError:
            date = None
        body = (f"This bookmarked article is not in the files loaded now. It was read from "
                f"{clean_text(bookmark.path)}.")
        ghosts.append(Article(bookmark.article_id, bookmark.path, clean_text(bookmark.title), date, None,
                              None, None, body.encode("utf-8"), (), (), ()))
    return ghosts


def open_session(paths: Sequence[Path], bookmarks: BookmarkStore,
                 progress: Progress | None = None) -> tuple[Store, ReadingState]:
    def files_read(done: int, total: int) -> None:
        if progress is not None and total:
            progress(STEPS // 2 * done // total, STEPS)

    def step(done: int) -> None:
        if progress is not None:
            progress(done, STEPS)

    with without_gc_pauses():
        result, gazetteer = load_articles(paths, progress=files_read)
        ghosts = missing_articles(bookmarks, {a.id for a in result.articles})
        step(STEPS // 2)
        store = Store(result.articles + ghosts, gazetteer, result.skipped,
                      saved_word_index(paths))
        step(STEPS * 3 // 4)
        # The name table, and the word index when the last start saved it, are read here,
        # behind the progress bar, so the first word typed filters at once.
        Searcher(store).prepare(build=False)
        state = ReadingState(bookmarks, frozenset(a.id for a in ghosts))
        store.prepare_order(state.sort)
    step(STEPS * 19 // 20)
    return store, state


# -- the first screen of the next start ------------------------------------------------------
@dataclass(slots=True, frozen=True)
class PreviewRow:
    marks: str
    """Bookmark and unread marks as the list draws them ("★•", " •", "  ")."""
    date: str
    title: str
    source: str


@dataclass(slots=True, frozen=True)
class FirstScreen:
    """The top of the list as the last start showed it: what a warm start paints at once.
    Read-only and possibly a little out of date; the real list replaces it within seconds."""

    total: int
    sort: SortOrder
    rows: tuple[PreviewRow, ...]


def first_screen_path(paths: Sequence[Path]) -> Path | None:
    """Beside the parse cache of the same paths; None when caching is off."""
    return cache_dir() / f"first-{cache_name(paths)}.json" if caching() else None


def first_screen(store: Store, state: ReadingState) -> FirstScreen:
    read, bookmarked = state.read(), state.bookmarked()
    rows = []
    for position in store.order(state.sort)[:PREVIEW_ROWS]:
        article = store.articles[position]
        marks = ("★" if article.id in bookmarked else " ") + (" " if article.id in read else "•")
        rows.append(PreviewRow(marks, article.date.isoformat() if article.date else "",
                               article.title, article.source or ""))
    return FirstScreen(len(store), state.sort, tuple(rows))


def save_first_screen(paths: Sequence[Path], screen: FirstScreen) -> None:
    """Best effort, written only when it changed: a failure costs the next start its preview."""
    where = first_screen_path(paths)
    if where is None:
        return
    data = json.dumps({"version": _PREVIEW_VERSION, "total": screen.total,
                       "sort": screen.sort.value,
                       "rows": [[r.marks, r.date, r.title, r.source] for r in screen.rows]},
                      ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):
        if where.is_file() and where.read_bytes() == data:
            return
        where.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(where, data)


def read_first_screen(paths: Sequence[Path], sort: SortOrder) -> FirstScreen | None:
    """The saved first screen if it is in the sort the list will open in; None if there is
    none, it is damaged, or it was saved in another sort."""
    where = first_screen_path(paths)
    if where is None:
        return None
    try:
        data = json.loads(where.read_bytes())
        if data.get("version") != _PREVIEW_VERSION or data.get("sort") != sort.value:
            return None
        rows = tuple(PreviewRow(*(str(field) for field in row)) for row in data["rows"])
        return FirstScreen(int(data["total"]), sort, rows)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
