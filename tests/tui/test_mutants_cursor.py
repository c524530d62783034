"""The article list's cursor when its rows change, as a mutation run showed no test would
notice breaking: the current article gone from the new rows, and a list taller than its box."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from tests.tui.helpers import main


async def test_when_the_current_article_leaves_the_list_the_cursor_keeps_its_row(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        articles = main(app).article_list
        await pilot.press("j", "j", "j")
        gone = articles.rows[3]
        others = [i for i in articles.rows if i != gone]
        articles.set_rows(others)
        await pilot.pause()
        assert articles.cursor == 3
        articles.set_rows(others[:2])
        await pilot.pause()
        assert articles.cursor == 1
        assert articles.current_id == app.store.articles[others[1]].id


async def test_the_last_row_of_a_list_taller_than_its_box_is_scrolled_into_view(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 9)) as pilot:
        articles = main(app).article_list
        visible = articles.scrollable_content_region.height
        assert 0 < visible < len(articles.rows)
        await pilot.press("s", "G")  # a new sort is a new result: the list's size is set again
        await pilot.pause()
        top = int(articles.scroll_offset.y)
        assert articles.cursor == len(articles.rows) - 1
        assert top <= articles.cursor < top + visible


async def test_the_cursor_stops_at_the_last_row(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        articles = main(app).article_list
        await pilot.press("G", "j", "j", "k")
        assert articles.cursor == len(articles.rows) - 2


async def test_after_an_empty_list_the_cursor_starts_at_the_top(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        articles = main(app).article_list
        rows = list(articles.rows)
        await pilot.press("j", "j")
        articles.set_rows([])
        await pilot.pause()
        articles.set_rows(rows)
        await pilot.pause()
        assert articles.cursor == 0
