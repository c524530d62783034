"""Bookmarked articles that are not among the loaded files still appear, marked missing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reader.ingest.article import Article

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
                f"{bookmark.path}.")
        ghosts.append(Article(bookmark.article_id, bookmark.path, bookmark.title, date, None,
                              None, None, body, (), (), ()))
    return ghosts
