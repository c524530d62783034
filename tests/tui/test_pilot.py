"""Behaviour of the interface, driven by keys as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.settings import load_settings
from reader.store import Store
from reader.tui import screens
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.filter_bar import FilterBar
from reader.tui.widgets.reading_pane import ReadingPane
from tests.tui.conftest import wait_for_main_screen
from tests.tui.helpers import count_text, main

del screens


def current_title(app: ReaderApp) -> str:
    pane = main(app).query_one(ReadingPane)
    assert pane.view is not None
    return pane.view.article.title


async def type_filter(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_start_state(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        assert isinstance(screen.focused, ArticleList)
        assert count_text(app) == "5 of 5 articles"
        assert current_title(app).startswith("Viet Nam remains one of the world's safest")
        assert screen.article_list.cursor == 0


async def test_navigation_keys_move_and_update_the_pane(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        assert main(app).article_list.cursor == 1
        assert current_title(app).startswith("Public Security Central Party Committee")
        await pilot.press("G")
        assert main(app).article_list.cursor == 4
        assert current_title(app).startswith("President Luong Cuong")
        await pilot.press("k", "g")
        assert main(app).article_list.cursor == 0
        await pilot.press("down", "down", "up")
        assert main(app).article_list.cursor == 1
        await pilot.press("enter")
        assert isinstance(main(app).focused, ReadingPane)
        await pilot.press("escape")
        assert isinstance(main(app).focused, ArticleList)


@pytest.mark.parametrize(("typed", "expected"), [
    ("tam quang", 4), ("Lê Hoài Trung", 1), ("le hoai trung", 1), ("hanoi", 4),
    ("Hà Nội", 4), ("ha noi", 4), ("luong tam quan", 4), ("cybercrime", 2),
])
async def test_live_filter(app: ReaderApp, typed: str, expected: int) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await type_filter(pilot, typed)
        assert count_text(app) == f"{expected} of 5 articles"
        assert len(main(app).article_list.rows) == expected


async def test_pinning_chips_and_backspace(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await type_filter(pilot, "luong")
        bar = main(app).query_one(FilterBar)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.label for p in bar.pinned] == ["Lương Tam Quang"]
        assert bar.input.value == ""
        assert count_text(app) == "4 of 5 articles"
        await pilot.press(*"ha noi", "tab")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.label for p in bar.pinned] == ["Lương Tam Quang", "Hà Nội"]
        assert count_text(app) == "3 of 5 articles"
        await pilot.press("backspace")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [p.label for p in bar.pinned] == ["Lương Tam Quang"]
        assert count_text(app) == "4 of 5 articles"


async def test_sort_cycles_and_keeps_the_article(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        chosen = main(app).article_list.current_id
        await pilot.press("s")
        screen = main(app)
        assert screen.sort.value == "oldest"
        assert screen.article_list.current_id == chosen
        first = screen.store.articles[screen.article_list.rows[0]]
        assert first.date is not None and first.date.year == 2023
        await pilot.press("s")
        titles = [screen.store.articles[i].title.casefold() for i in screen.article_list.rows]
        assert titles == sorted(titles)
        assert load_settings()["sort"] == "title"


async def test_bookmark_key_and_bookmark_view(app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "b")
        chosen = main(app).article_list.current_id
        assert chosen is not None
        assert bookmarks.is_bookmarked(chosen)
        assert chosen in main(app).article_list.bookmarked
        await pilot.press("B")
        await pilot.pause()
        assert count_text(app) == "1 of 5 articles · bookmarks"
        assert main(app).article_list.current_id == chosen
        await type_filter(pilot, "zzzz")
        assert count_text(app) == "0 of 5 articles · bookmarks"
        await pilot.press("escape", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("B")
        assert count_text(app) == "5 of 5 articles"
        await pilot.press("b")
        assert not bookmarks.is_bookmarked(chosen)


async def test_read_state(app: ReaderApp, bookmarks: BookmarkStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("reader.tui.screens.read_marks.READ_AFTER", 0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        first = main(app).article_list.current_id
        assert first not in bookmarks.read_ids()  # on screen at start is not opened
        await pilot.press("j")
        await pilot.pause(0.3)
        second = main(app).article_list.current_id
        assert second in bookmarks.read_ids()
        assert second in main(app).article_list.read
        assert first not in bookmarks.read_ids()
        await pilot.press("u")
        await pilot.pause(0.3)
        assert second not in bookmarks.read_ids()  # and it stays unread while shown


async def test_help_screen_lists_the_keys(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help Static").render())
        for words in ("Bookmark", "Sort", "Filter", "Next mention", "Pin suggestion", "Quit"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_explains_the_filter_language_and_the_marks(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        text = "\n".join(str(s.render()) for s in app.screen.query("#help Static"))
        for words in ("!word", "'word", "2025-07..2025-09", "backspace, click ×", "★", "+2025",
                      "Themes"):
            assert words in text, words


async def test_empty_state_explains(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await type_filter(pilot, "luong")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert main(app).query_one(ReadingPane).border_title.endswith("highlighted")
        await pilot.press(*"zzqx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = main(app)
        assert count_text(app) == "0 of 5 articles"
        assert screen.article_list.empty_message == "No article mentions Lương Tam Quang and “zzqx”."
        assert "Backspace" in screen.article_list.empty_hint
        pane = screen.query_one(ReadingPane)
        assert pane.view is None
        assert pane.border_title == ""


async def test_enter_never_pins_a_name_no_article_mentions(app: ReaderApp) -> None:
    """`nam` matches one article as a word; Hà Nam, Nam Định and Quảng Nam match none."""
    async with app.run_test(size=(120, 40)) as pilot:
        await type_filter(pilot, "nam")
        bar = main(app).bar
        assert count_text(app) == "1 of 5 articles"
        assert bar._suggestions == []
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert bar.pinned == []
        assert bar.input.value == "nam"
        assert count_text(app) == "1 of 5 articles"
        await pilot.press("slash", "ctrl+u", *"long")
        await app.workers.wait_for_complete()
        await pilot.pause()
        names = [s.name for s in bar._suggestions]
        assert names == ["Lương Tam Quang", "Lương Cường"]


async def test_mentions_are_highlighted_and_n_jumps(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await type_filter(pilot, "luong tam quang")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = main(app).query_one(ReadingPane)
        assert pane.view is not None
        assert pane.mention_count == 3
        pane.focus()
        await pilot.press("n", "n")
        assert pane.border_subtitle == "mention 2 of 3"
        await pilot.press("N")
        assert pane.border_subtitle == "mention 1 of 3"


async def test_article_text_is_never_markup(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "a.txt").write_text(
        "Police [bold red]warning[/] in Hanoi\n\nText with [link=x]markup[/link] and \x1b[31mred.",
        encoding="utf-8")
    store = open_store([tmp_path])
    app = ReaderApp(store, ReadingState(bookmarks))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = main(app).query_one(ReadingPane)
        title = str(pane.query_one("#title").render())
        assert "[bold red]warning[/]" in title
        body = " ".join(pane.body.render_line(y).text for y in range(pane.body.size.height))
        assert "[link=x]markup[/link]" in body
        assert "\x1b" not in body


async def test_theme_persists(seed_store: Store, bookmarks: BookmarkStore) -> None:
    app = ReaderApp(seed_store, ReadingState(bookmarks))
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert load_settings()["theme"] == "nord"
    again = ReaderApp(seed_store, ReadingState(bookmarks))
    assert again.theme == "nord"


async def test_skipped_files_are_reported(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "ok.txt").write_text("Police meet in Hue\n\nThe police met.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    store = open_store([tmp_path])
    app = ReaderApp(store, ReadingState(bookmarks))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("1 file skipped" in str(n.message) for n in app._notifications)
        await pilot.press("w")
        assert "empty.txt" in str(app.screen.query_one("#skipped Static").render())


async def test_bookmark_note_is_shown_and_searchable(app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "a")
        await pilot.pause()
        await pilot.press(*"follow up xylophone", "enter")
        await pilot.pause()
        chosen = main(app).article_list.current_id
        assert chosen is not None
        saved = bookmarks.get(chosen)
        assert saved is not None and saved.note == "follow up xylophone"
        pane = main(app).query_one(ReadingPane)
        assert "xylophone" in str(pane.query_one("#note").render())
        await type_filter(pilot, "xylo")
        assert count_text(app) == "1 of 5 articles"
        assert main(app).article_list.current_id == chosen


async def test_loading_screen_then_list(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(f"Police story number {number}\n\nText in Hue.",
                                                encoding="utf-8")
    bookmarks.add("0123456789abcdef", "An article kept long ago", "/gone/old.txt", "2024-05-01")
    app = ReaderApp(paths=[tmp_path], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        assert count_text(app) == "3 of 3 articles"
        await pilot.press("B")
        assert count_text(app) == "1 of 3 articles · bookmarks"
        pane = main(app).query_one(ReadingPane)
        assert pane.view is not None
        assert pane.view.article.title == "An article kept long ago"
        assert "not in the loaded files" in str(pane.query_one("#meta").render())


async def test_a_failing_bookmark_write_is_told_not_raised(
        app: ReaderApp, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.bookmarks import BookmarkError

    def broken(article: object) -> bool:
        raise BookmarkError("the disk is full; nothing was changed")

    monkeypatch.setattr(bookmarks, "toggle", broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("disk is full" in str(n.message) for n in app._notifications)
        assert main(app).article_list.bookmarked == frozenset()


async def test_mouse_click_selects_a_row(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        # Row 3 of the list is one line below the border and two rows down.
        await pilot.click(ArticleList, offset=(10, 3))
        await pilot.pause()
        assert listing.cursor == 2
        assert current_title(app).startswith("The Ministry of Public Security must focus")


async def test_command_palette_offers_the_actions(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Bookmark", "Bookmarks", "Sort", "Filter", "Help", "Quit"):
            assert wanted in titles
        sort = next(c for c in app.get_system_commands(app.screen) if c.title == "Sort")
        sort.callback()
        await pilot.pause()
        assert main(app).sort.value == "oldest"
