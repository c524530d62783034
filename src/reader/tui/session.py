"""Everything one run of the interface reads before it can show the list.

Bookmarked articles that are not among the loaded files still appear, marked missing:
a bookmark is never dropped because its file moved.

The first rows of the list are saved at each start (`FirstScreen`), so that the next start
can show them while the store is built behind them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.corpus import (
    Progress,
    build_store,
    load_articles,
    share_saved_names,
    without_gc_pauses,
)
from reader.ingest.article import Article
from reader.ingest.clean import clean_text
from reader.ingest.load import LoadStopped, StopFlag
from reader.search import Searcher
from reader.store import Store
from reader.tui.state import ReadingState

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore


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
                 progress: Progress | None = None, trusted: bool = False,
                 stop: StopFlag | None = None,
                 files: Progress | None = None) -> tuple[Store, ReadingState]:
    """`trusted`: the files are taken from the parse cache's last walk, unseen, and the
    store says so (`Store.unchecked`): a start shows the list sooner and looks for changed
    files once its first screen is up. `stop`: `LoadStopped` ends the session's load early,
    with what was parsed kept in the cache; once the files are read it is raised at once
    (the cache holds them all). `files`: the files read and their total, as they are read.
    """
    def files_read(done: int, total: int) -> None:
        if files is not None:
            files(done, total)
        if progress is not None and total:
            progress(STEPS // 2 * done // total, STEPS)

    def step(done: int) -> None:
        if progress is not None:
            progress(done, STEPS)

    with without_gc_pauses():
        result, gazetteer = load_articles(paths, progress=files_read, trusted=trusted, stop=stop)
        if stop is not None and stop.is_set():
            raise LoadStopped(len(result.articles))
        ghosts = missing_articles(bookmarks, {a.id for a in result.articles})
        step(STEPS // 2)
        store = build_store(paths, result.articles + ghosts, gazetteer, result.skipped,
                            result.unchecked)
        step(STEPS * 3 // 4)
        # The name table, and the word index when the last start saved it, are read here,
        # behind the progress bar, so the first word typed filters at once.
        share_saved_names(store)
        Searcher(store).prepare(build=False)
        state = ReadingState(bookmarks, frozenset(a.id for a in ghosts))
        store.prepare_order(state.sort)
    step(STEPS * 19 // 20)
    return store, state
