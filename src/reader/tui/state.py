"""What the screen needs from bookmarks, read marks and settings, behind one small object.

Sets are cached for drawing (the list asks for every row) and re-read from the bookmark
database after each change, so another running copy's changes show up at the next change.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from reader.settings import load_settings, save_setting
from reader.sort_order import SortOrder

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore
    from reader.ingest.article import Article


class ReadingState:
    def __init__(self, bookmarks: BookmarkStore, missing: frozenset[str] = frozenset()) -> None:
        self.bookmarks = bookmarks
        self.missing = missing
        self.warnings: list[str] = list(bookmarks.warnings)
        settings = load_settings()
        try:
            self.sort = SortOrder(settings.get("sort", SortOrder.NEWEST.value))
        except ValueError:
            self.sort = SortOrder.NEWEST
        self._bookmarked = frozenset(bookmarks.ids())
        self._read = frozenset(bookmarks.read_ids())
        self._notes = {b.article_id: b.note for b in bookmarks.list() if b.note}

    def reload(self) -> None:
        self._bookmarked = frozenset(self.bookmarks.ids())
        self._read = frozenset(self.bookmarks.read_ids())
        self._notes = {b.article_id: b.note for b in self.bookmarks.list() if b.note}

    def bookmarked(self) -> frozenset[str]:
        return self._bookmarked

    def read(self) -> frozenset[str]:
        return self._read

    def is_bookmarked(self, article_id: str) -> bool:
        return article_id in self._bookmarked

    def note(self, article_id: str) -> str:
        return self._notes.get(article_id, "")

    def notes(self) -> dict[str, str]:
        return dict(self._notes)

    def toggle_bookmark(self, article: Article) -> bool:
        added = self.bookmarks.toggle(article)
        self.reload()
        return added

    def set_note(self, article: Article, note: str) -> None:
        if not self.bookmarks.is_bookmarked(article.id):
            self.bookmarks.toggle(article)
        self.bookmarks.set_note(article.id, note.strip())
        self.reload()

    def mark_read(self, article_id: str) -> None:
        self.bookmarks.mark_read(article_id)
        self._read = self._read | {article_id}

    def mark_read_many(self, article_ids: Collection[str]) -> int:
        added = self.bookmarks.mark_read_many(article_ids)
        self._read = self._read | frozenset(article_ids)
        return added

    def mark_unread(self, article_id: str) -> None:
        self.bookmarks.mark_unread(article_id)
        self._read = self._read - {article_id}

    def save_sort(self, sort: SortOrder) -> None:
        self.sort = sort
        save_setting("sort", sort.value)
