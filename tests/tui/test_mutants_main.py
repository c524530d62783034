"""Bookmark keys on the main screen, as a mutation run showed no test would notice them
breaking: `b` says what it did, and in the bookmark view a removed bookmark leaves the list."""

from __future__ import annotations

from pathlib import Path

from reader.bookmarks import BookmarkStore
from reader.tui.app import ReaderApp
from tests.tui.conftest import wait_for_main_screen
from tests.tui.helpers import main


def last_notice(app: ReaderApp) -> str:
    return [n.message for n in app._notifications][-1]


async def test_b_says_bookmarked_then_bookmark_removed(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        assert last_notice(app) == "Bookmarked"
        await pilot.press("b")
        assert last_notice(app) == "Bookmark removed"


async def test_a_bookmark_removed_in_the_bookmark_view_leaves_the_list(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b", "j", "b", "B")
        await pilot.pause()
        screen = main(app)
        assert len(screen.article_list.rows) == 2
        listed = {screen.store.articles[i].id for i in screen.article_list.rows}
        removed = screen.article_list.current_id
        assert removed in listed
        await pilot.press("b")
        await pilot.pause()
        assert [screen.store.articles[i].id for i in screen.article_list.rows] == list(listed - {removed})
        assert str(screen.bar.query_one("#count").render()) == "1 of 5 articles · bookmarks"


async def test_a_bookmark_whose_file_is_not_loaded_stays_out_of_the_full_list(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "a.txt").write_text("Police meet in Hue\n\nThe police met.", encoding="utf-8")
    bookmarks.add("0123456789abcdef", "Kept long ago", "/gone/old.txt", None)
    app = ReaderApp(paths=[tmp_path], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.pause()
        screen = main(app)
        assert [screen.store.articles[i].title for i in screen.article_list.rows] == ["Police meet in Hue"]
        assert str(screen.bar.query_one("#count").render()) == "1 of 1 articles"
