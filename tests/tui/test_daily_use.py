"""Daily use: the stacked layout below 100 columns, read marks that follow what the user opened,
the unread view, mark all read, zoom and the user's keymap."""

from __future__ import annotations

import pytest

from reader.bookmarks import BookmarkStore
from reader.paths import config_dir
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.reading_pane import ReadingPane
from tests.tui.helpers import count_text, main


def row_text(app: ReaderApp, y: int) -> str:
    return main(app).article_list.render_line(y).text


@pytest.fixture(autouse=True)
def quick_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.tui.screens.read_marks.READ_AFTER", 0.05)


async def test_at_80_columns_the_list_takes_the_width_and_enter_opens_the_article(
        app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main(app)
        listing, pane = screen.article_list, screen.query_one(ReadingPane)
        assert listing.display and listing.size.width >= 76
        assert not pane.display
        first = listing.current_id
        await pilot.press("enter")
        await pilot.pause()
        assert pane.display and not listing.display
        assert pane.has_focus and pane.size.width >= 76
        await pilot.press("J")
        await pilot.pause()
        assert listing.current_id != first
        await pilot.press("escape")
        await pilot.pause()
        assert listing.display and listing.has_focus and not pane.display


async def test_at_120_columns_list_and_article_stand_side_by_side(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        listing, pane = screen.article_list, screen.query_one(ReadingPane)
        assert listing.display and pane.display
        assert listing.region.right <= pane.region.x
        await pilot.press("enter")
        await pilot.pause()
        assert listing.display and pane.display and pane.has_focus


async def test_the_filter_bar_brings_the_list_back_from_an_open_article(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert main(app).article_list.display


async def test_moving_in_the_narrow_list_reads_nothing_opening_does(
        app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        await pilot.press("j")
        await pilot.pause(0.3)
        assert bookmarks.read_ids() == set()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert bookmarks.read_ids() == {listing.current_id}


async def test_a_bookmarked_article_still_shows_unread(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert row_text(app, 0).startswith(" ★• ")
        await pilot.press("j")  # the cursor leaves the first row: it stays unread
        await pilot.pause(0.3)
        assert row_text(app, 0).startswith(" ★• ")
        assert row_text(app, 1).startswith("    ")  # read, not bookmarked


async def test_the_unread_view_and_mark_all_read(app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause(0.3)
        assert len(bookmarks.read_ids()) == 1
        assert main(app).sub_title == "4 unread"
        await pilot.press("U")
        await pilot.pause()
        assert count_text(app) == "4 of 5 articles · unread"
        await pilot.press("A")
        await pilot.pause()
        assert len(bookmarks.read_ids()) == 1  # one press only asks
        await pilot.press("A")
        await pilot.pause()
        assert len(bookmarks.read_ids()) == 5
        assert count_text(app) == "0 of 5 articles · unread"
        assert "everything here is read" in main(app).article_list.empty_message
        await pilot.press("U")
        await pilot.pause()
        assert count_text(app) == "5 of 5 articles"


async def test_mark_all_read_covers_only_the_filtered_articles(
        app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"cybercrime")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = {app.store.articles[p].id for p in main(app).result.positions}  # type: ignore[union-attr]
        assert 0 < len(shown) < 5
        await pilot.press("escape")
        await pilot.press("A", "A")
        await pilot.pause()
        assert bookmarks.read_ids() == shown
        assert main(app).sub_title == "0 unread"
        await pilot.press("slash", "ctrl+u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert main(app).sub_title == f"{5 - len(shown)} unread"
        await pilot.press(*"!cybercrime")  # only articles none of which is read
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(main(app).result.positions) == 5 - len(shown)
        assert main(app).sub_title == f"{5 - len(shown)} unread"


async def test_z_zooms_the_list_to_the_whole_width_and_back(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = main(app).query_one(ArticleList)
        narrow = listing.size.width
        await pilot.press("z")
        await pilot.pause()
        assert main(app).maximized is listing
        assert listing.size.width > 110 > narrow
        await pilot.press("z")
        await pilot.pause()
        assert main(app).maximized is None and listing.size.width == narrow


async def test_a_keymap_file_rebinds_by_id_and_help_shows_it(
        app: ReaderApp, bookmarks: BookmarkStore) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "keymap.toml").write_text('[keys]\n"main.bookmark" = "x"\n"main.bookmarc" = "y"\n',
                                              encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        current = main(app).article_list.current_id
        await pilot.press("x")
        await pilot.pause()
        assert bookmarks.is_bookmarked(current or "")
        await pilot.press("b")  # the old key is gone
        await pilot.pause()
        assert bookmarks.is_bookmarked(current or "")
        warnings = [n.message for n in app._notifications]
        assert any("main.bookmarc" in w and "main.bookmark?" in w for w in warnings)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help Static").render())
        line = next(line for line in help_text.splitlines()
                    if line.strip().endswith("Bookmark  main.bookmark"))
        assert line.split()[0] == "x"  # the key chosen, with the id keymap.toml names


async def test_the_count_keeps_its_whole_text_when_it_grows(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        count = main(app).bar.query_one("#count")
        await pilot.press("B", "U")
        await pilot.pause()
        assert count_text(app) == "0 of 5 articles · bookmarks · unread"
        assert count.content_size.width >= len(count_text(app))


async def test_rows_take_the_new_theme_and_a_reloaded_title(app: ReaderApp) -> None:
    """The list keeps each row's fitted title and styles between keystrokes; a theme change
    or a reloaded store must still show."""
    from reader.corpus import open_store
    from reader.ingest.article import Article
    from reader.store import Store

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        dark = list(listing.render_line(1))[3].style
        app.theme = "textual-light"
        await pilot.pause()
        light = list(listing.render_line(1))[3].style
        assert dark is not None and light is not None and dark.color != light.color
        store = open_store([])
        first = store.articles[listing.rows[0]]
        renamed = [Article(a.id, a.path, "Renamed title" if a is first else a.title, a.date,
                           a.source, a.author, a.dateline, a.text, a.places, a.people,
                           a.person_names) for a in store.articles]
        main(app).replace_store(Store(renamed, store.gazetteer), main(app).state)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Renamed title" in listing.render_line(0).text
