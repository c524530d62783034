"""The first screen of the next start: the top of the list as this start shows it, saved
beside the parse cache, drawn by the next start's loading screen before anything else is
read (or imported: this module needs neither the store nor the parsers)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.atomic import write_bytes
from reader.cache_names import cache_name, caching
from reader.paths import cache_dir
from reader.sort_order import SortOrder

if TYPE_CHECKING:
    from reader.store import Store
    from reader.tui.state import ReadingState

PREVIEW_ROWS = 150
"""Rows saved for the next start: more than a tall terminal shows."""

_PREVIEW_VERSION = 1


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
