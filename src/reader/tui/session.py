"""Everything one run of the interface reads before it can show the list.

Bookmarked articles that are not among the loaded files still appear, marked missing:
a bookmark is never dropped because its file moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.corpus import Progress, load_articles, saved_word_index
from reader.ingest.article import Article
from reader.ingest.clean import clean_text
from reader.search import Searcher
from reader.store import Store
from reader.tui.state import ReadingState

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore


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
    result, gazetteer = load_articles(paths, progress=progress)
    ghosts = missing_articles(bookmarks, {a.id for a in result.articles})
    store = Store(result.articles + ghosts, gazetteer, result.skipped, saved_word_index(paths))
    # The name table, and the word index when the last start saved it, are read here,
    # behind the progress bar, so the first word typed filters at once.
    Searcher(store).prepare(build=False)
    return store, ReadingState(bookmarks, frozenset(a.id for a in ghosts))
