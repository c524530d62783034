"""Behaviours that once had no test able to fail: the cursor kept on its article, the scroll
of n/N, the 2025-merger toggle, the sort saved across runs, and smaller fixes."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.widgets import Static

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.ingest.article import Article
from reader.store import SortOrder, Store
from reader.tui.app import ReaderApp
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.reading_pane import ReadingPane
from tests.tui.conftest import wait_for_main_screen
from tests.tui.helpers import count_text, main, settle


def app_over(folder: Path, bookmarks: BookmarkStore) -> ReaderApp:
    return ReaderApp(open_store([folder]), ReadingState(bookmarks))


def titles(app: ReaderApp) -> list[str]:
    screen = main(app)
    return [screen.store.articles[i].title for i in screen.article_list.rows]


async def test_the_cursor_follows_its_article_when_the_list_changes(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("j", "j")
        chosen = screen.article_list.current_id
        assert chosen is not None and screen.store.get(chosen) is not None
        # Two articles name Nguyễn Phú Trọng; the chosen one moves from row 3 to row 1.
        await pilot.press("slash", *"nguyen phu trong")
        await settle(pilot)
        assert len(screen.article_list.rows) == 2
        assert screen.article_list.cursor == 0
        assert screen.article_list.current_id == chosen
        await pilot.press("escape", "ctrl+u")
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.article_list.rows) == 5
        assert screen.article_list.cursor == 2
        await pilot.press("s")  # oldest first: it moves again
        assert screen.article_list.current_id == chosen
        assert screen.article_list.cursor == 1



async def test_the_cursor_keeps_its_row_when_its_article_is_filtered_out(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("j", "j", "j")
        gone = screen.article_list.current_id
        await pilot.press("slash", *"tam quang")  # the article on row 4 names no Lương Tam Quang
        await settle(pilot)
        assert gone not in {screen.store.articles[i].id for i in screen.article_list.rows}
        assert len(screen.article_list.rows) == 4
        assert screen.article_list.cursor == 3


async def test_n_brings_the_mention_into_view_in_a_tall_paragraph(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    filler = " ".join(f"Officers reviewed case file number {n} again that week." for n in range(90))
    (tmp_path / "a.txt").write_text(
        f"Police close an old case\n\n{filler} Police in Hà Nội closed the case.\n\nThe end.",
        encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"ha noi")
        await settle(pilot)
        await pilot.press("enter", "escape", "enter")
        await settle(pilot)
        pane = main(app).query_one(ReadingPane)
        assert pane.has_focus and pane.mention_count == 1
        assert pane.scroll_offset.y == 0
        await pilot.press("n")
        await pilot.pause()
        assert pane.border_subtitle == "mention 1 of 1"
        body = pane.body
        lines = [body.render_line(y).text for y in range(body.size.height)]
        line = next(i for i, text in enumerate(lines) if "Hà" in text)
        assert line > pane.content_region.height  # the paragraph is taller than the pane
        mention_y = body.region.y + line
        assert pane.scroll_offset.y > 0
        assert pane.content_region.y <= mention_y < pane.content_region.bottom


async def test_m_turns_the_2025_merger_off_and_on(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "a.txt").write_text("Police in Ho Chi Minh City arrest a gang\n\n"
                                    "Officers in Ho Chi Minh City arrested five people.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Binh Duong police seize drugs\n\n"
                                    "Police in Binh Duong province seized drugs.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Traffic police warn drivers\n\n"
                                    "Traffic police in Bình Dương warned drivers.", encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"ho chi minh")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        chips = main(app).bar.query_one("#filter-chips", Static)
        assert "Hồ Chí Minh +2025" in str(chips.render())
        assert count_text(app) == "3 of 3 articles"
        await pilot.press("escape", "m")
        await settle(pilot)
        assert "Hồ Chí Minh (pre-2025)" in str(chips.render())
        assert count_text(app) == "1 of 3 articles"
        assert titles(app) == ["Police in Ho Chi Minh City arrest a gang"]
        await pilot.press("m")
        await settle(pilot)
        assert count_text(app) == "3 of 3 articles"


async def test_the_sort_chosen_is_the_sort_of_the_next_run(
        seed_store: Store, bookmarks: BookmarkStore) -> None:
    first = ReaderApp(seed_store, ReadingState(bookmarks))
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        assert main(first).sort is SortOrder.OLDEST
    again = ReaderApp(seed_store, ReadingState(bookmarks))
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(again)
        assert screen.sort is SortOrder.OLDEST
        assert screen.article_list.border_subtitle == "oldest first"
        assert titles(again)[0].startswith("Party General Secretary Nguyễn Phú Trọng")


async def test_sort_is_announced_in_words(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Sorted by title" in messages


async def test_an_empty_note_does_not_bookmark(app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not bookmarks.ids()
        assert main(app).article_list.bookmarked == frozenset()
        assert any("nothing was saved" in n.message for n in app._notifications)


async def test_one_skipped_file_is_one_file(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "ok.txt").write_text("Police meet in Hue\n\nThe police met.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        assert app.screen.query_one("#skipped").border_title == "1 skipped file"


async def test_ctrl_w_takes_the_exclusion_sign_with_the_word(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"police !congress", "ctrl+w")
        assert main(app).bar.input.value == "police "
        await pilot.press(*"'vow", "ctrl+w")
        assert main(app).bar.input.value == "police "
        await pilot.press("ctrl+w")
        assert main(app).bar.input.value == ""


async def test_clicking_a_chips_cross_removes_that_chip(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"tam quang")
        await settle(pilot)
        await pilot.press("enter", *"hanoi")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        bar = main(app).bar
        assert [p.label for p in bar.pinned] == ["Lương Tam Quang", "Hà Nội"]
        first_cross = bar._crosses[0]
        assert str(bar.query_one("#filter-chips", Static).render())[first_cross] == "×"
        await pilot.click("#filter-chips", offset=(first_cross, 0))
        await settle(pilot)
        assert [p.label for p in bar.pinned] == ["Hà Nội"]
        assert count_text(app) == "4 of 5 articles"


async def test_the_footer_follows_the_result(app: ReaderApp) -> None:
    def footer_keys() -> set[str]:
        return {str(key.description) for key in main(app).query("FooterKey")}

    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        assert "Bookmark" in footer_keys()
        await pilot.press("slash", *"zzqx")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Bookmark" not in footer_keys()
        await pilot.press("escape")
        await settle(pilot)
        assert main(app).article_list.rows
        assert "Bookmark" in footer_keys()


async def test_titles_sources_and_paths_never_carry_escapes(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    """A title taken from a file name, a source or a bookmarked path can hold escape codes;
    article text is cleaned at load, these are cleaned where they are drawn."""
    (tmp_path / "police\x1b]0;HACKED\x07 raid\x1b[31m.txt").write_text("", encoding="utf-8")
    raw = Article("0123456789abcdef", str(tmp_path / "a.txt"), "Title\x1b]0;HACKED\x07 kept\x1b[31m",
                  None, "Agency\x1b[2J", "Writer\x1b[5m", None, b"Police met in Hue.", (), (), ())
    loaded = open_store([tmp_path])
    store = Store([*loaded.articles, raw], loaded.gazetteer, loaded.skipped)
    app = ReaderApp(store, ReadingState(bookmarks))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        drawn = listing.render_line(0).text
        pane = main(app).query_one(ReadingPane)
        title = str(pane.query_one("#title").render())
        meta = str(pane.query_one("#meta").render())
        assert "Title kept" in drawn
        assert title == "Title kept" and "Agency" in meta and "Writer" in meta
        for text in (drawn, title, meta):
            assert "\x1b" not in text and "\x07" not in text
        await pilot.press("w")
        skipped = str(app.screen.query_one("#skipped Static").render())
        assert "police raid.txt" in skipped
        assert "\x1b" not in skipped and "\x07" not in skipped


async def test_a_bookmark_from_elsewhere_shows_its_title_and_path_cleaned(
        tmp_path: Path, bookmarks: BookmarkStore) -> None:
    (tmp_path / "a.txt").write_text("Police meet in Hue\n\nThe police met.", encoding="utf-8")
    bookmarks.add("0123456789abcdef", "Kept\x1b]0;HACKED\x07 long ago", "/gone/\x1b[31mold.txt", None)
    app = ReaderApp(paths=[tmp_path], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("B")  # a bookmark whose file is not loaded shows in the bookmark view
        await pilot.pause()
        assert count_text(app) == "1 of 1 articles · bookmarks"
        pane = main(app).query_one(ReadingPane)
        body = " ".join(pane.body.render_line(y).text for y in range(pane.body.size.height))
        assert str(pane.query_one("#title").render()) == "★ Kept long ago"
        assert "/gone/old.txt" in body and "\x1b" not in body


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio."""
    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def read_and_unread_rows(pilot, theme: str) -> tuple[Color, Color, Color, Color]:  # type: ignore[no-untyped-def]
    """Title and date colours of a read row and an unread row, and the list background."""
    app = pilot.app
    app.theme = theme
    await pilot.pause()
    listing = main(app).query_one(ArticleList)
    listing.set_marks(frozenset(), frozenset({listing.store.articles[listing.rows[1]].id}))
    listing.cursor = 4

    def colours(y: int) -> tuple[Color, Color]:
        segments = list(listing.render_line(y))
        date = next(s for s in segments if s.text.startswith("20"))
        title = segments[3]
        assert date.style is not None and title.style is not None
        assert date.style.color is not None and title.style.color is not None
        return Color.from_rich_color(title.style.color), Color.from_rich_color(date.style.color)

    unread_title, _ = colours(0)
    read_title, read_date = colours(1)
    return unread_title, read_title, read_date, Color.parse(app.get_css_variables()["background"])


async def test_read_rows_and_dates_are_readable_in_light_themes(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for theme in ("textual-light", "solarized-light", "catppuccin-latte"):
            _, read_title, read_date, background = await read_and_unread_rows(pilot, theme)
            assert contrast(read_title, background) >= 3, theme
            assert contrast(read_date, background) >= 3, theme


async def test_read_rows_are_muted_not_brighter_in_dark_themes(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for theme in ("textual-dark", "nord"):
            unread, read, _, background = await read_and_unread_rows(pilot, theme)
            assert contrast(read, background) < contrast(unread, background), theme
            assert contrast(read, background) >= 3, theme


async def test_highlight_styles_are_computed_once_per_theme(
        app: ReaderApp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.widgets import reading_pane

    calls: list[str] = []
    original = reading_pane.theme_styles

    def counted(variables: dict[str, str]) -> dict:  # type: ignore[type-arg]
        calls.append(variables["background"])
        return original(variables)

    monkeypatch.setattr(reading_pane, "theme_styles", counted)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"tam quang")
        await settle(pilot)
        assert len(calls) == 1
        pane = main(app).query_one(ReadingPane)
        before = pane._theme_styles()["mention"]
        app.theme = "textual-light"
        await pilot.pause()
        assert len(calls) == 2
        assert pane._theme_styles()["mention"] != before
        await pilot.press("backspace")
        await settle(pilot)
        assert len(calls) == 2


def test_the_current_mention_is_legible_in_every_theme() -> None:
    from textual.app import App

    from reader.tui.widgets.reading_pane import theme_styles

    probe: App[None] = App()
    for theme in ("textual-dark", "textual-light", "catppuccin-latte", "solarized-light", "nord"):
        probe.theme = theme
        current = theme_styles(probe.get_css_variables())["current"]
        assert current.color is not None and current.bgcolor is not None
        ratio = contrast(Color.from_rich_color(current.color), Color.from_rich_color(current.bgcolor))
        assert ratio >= 4.5, theme


async def test_keys_that_cannot_act_say_why(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m", "w")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        messages = " ".join(n.message for n in app._notifications)
        assert "none is pinned" in messages
        assert "none was skipped" in messages


async def test_unbookmarking_in_the_bookmark_view_takes_the_article_out(
        app: ReaderApp, bookmarks: BookmarkStore) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b", "j", "b", "B")
        await pilot.pause()
        assert count_text(app) == "2 of 5 articles · bookmarks"
        await pilot.press("b")
        await pilot.pause()
        assert count_text(app) == "1 of 5 articles · bookmarks"
        assert len(main(app).article_list.rows) == 1
        assert len(bookmarks.ids()) == 1


async def test_reading_on_from_the_pane(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    """J/K change article without leaving the pane; space at the end goes on to the next."""
    for number, day in enumerate((3, 2, 1)):
        (tmp_path / f"{number}.txt").write_text(
            f"Police story {number}\n\n2025-03-0{day}\n\nShort text {number} about Hue.", encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = main(app)
        pane = screen.query_one(ReadingPane)
        await pilot.press("enter")
        assert pane.has_focus
        first = screen.article_list.current_id
        await pilot.press("J")
        assert pane.has_focus and screen.article_list.cursor == 1
        assert pane.view is not None and pane.view.article.id == screen.article_list.current_id
        await pilot.press("K")
        assert screen.article_list.current_id == first
        await pilot.press("space")  # the article fits: space goes on
        assert screen.article_list.cursor == 1 and pane.has_focus
        await pilot.press("J", "J")
        await pilot.pause()
        assert screen.article_list.cursor == 2
        assert any("last article" in n.message for n in app._notifications)


async def test_space_scrolls_a_long_article_before_going_on(tmp_path: Path, bookmarks: BookmarkStore) -> None:
    long = "\n\n".join(f"Paragraph {n}: officers in Hue reviewed the files again." for n in range(60))
    (tmp_path / "a.txt").write_text(f"Police long story\n\n{long}", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Police short story\n\nShort text about Hue.", encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = main(app)
        pane = screen.query_one(ReadingPane)
        long_id = next(a.id for a in screen.store.articles if a.title == "Police long story")
        while screen.article_list.current_id != long_id:
            await pilot.press("j")
        await pilot.press("enter", "ctrl+d")
        await pilot.pause()
        assert pane.scroll_y == pane.scrollable_content_region.height // 2
        await pilot.press("ctrl+u", "space")
        await pilot.pause()
        assert pane.scroll_y > 0 and screen.article_list.current_id == long_id
        while pane.scroll_y < pane.max_scroll_y:
            await pilot.press("space")
            await pilot.pause()
        assert screen.article_list.current_id == long_id
        await pilot.press("space")
        assert screen.article_list.current_id != long_id


async def test_typing_over_a_long_article_restyles_only_what_changes(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paragraphs = [f"Police in Hà Nội traced cybercrime ring {n} across the city." for n in range(150)]
    (tmp_path / "a.txt").write_text("Police trace rings\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    app = app_over(tmp_path, bookmarks)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = main(app)
        await pilot.press("slash", *"ha noi")
        await settle(pilot)
        await pilot.press("enter", *"cyb")
        await settle(pilot)
        pane = screen.query_one(ReadingPane)
        assert pane.mention_count == 300
        found: list[str] = []
        original_mentions = screen.recogniser.mentions
        monkeypatch.setattr(screen.recogniser, "mentions",
                            lambda text: found.append(text) or original_mentions(text))
        before = pane.body.rendered_lines
        await pilot.press(*"erc")  # cybe, cyber, cyberc: the same words are marked
        await settle(pilot)
        assert pane.mention_count == 300
        assert found == [] and pane.body.rendered_lines == before
        await pilot.press("ctrl+u")  # the words go: only the lines on screen are drawn again
        await settle(pilot)
        assert pane.mention_count == 150
        assert 0 < pane.body.rendered_lines - before <= pane.size.height
        assert found == []
