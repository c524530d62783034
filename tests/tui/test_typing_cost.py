"""What a keystroke in the filter bar redraws: the list at once, the reading pane once the
typing pauses, and lines of text in place when their size does not change."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._header import HeaderTitle

from reader.bookmarks import BookmarkStore
from reader.corpus import open_store
from reader.entities.fold import fold_words
from reader.entities.recognise import PERSON, PLACE
from reader.search import Query, Suggestion
from reader.tui import collector
from reader.tui.app import ReaderApp
from reader.tui.collector import COLLECTIONS
from reader.tui.filtering import run_filter
from reader.tui.redraw import OnePassStatic, update_in_place
from reader.tui.screens import main as main_screen
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.filter_bar import FilterInput
from reader.tui.widgets.reading_pane import ReadingPane
from reader.tui.widgets.suggestion_list import SuggestionList
from reader.tui.widgets.title_bar import TitleBar
from tests.tui.helpers import count_text, main, settle


async def typed(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Keys pressed, and the filter they set off applied."""
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown_id(screen: MainScreen) -> str | None:
    view = screen.query_one(ReadingPane).view
    return view.article.id if view else None


def word_moving_another_article_to_the_top(screen: MainScreen) -> str:
    """A word of the last listed article's title that puts some other article first."""
    listing = screen.article_list
    first = listing.current_id
    last = screen.store.articles[listing.rows[-1]]
    for word in fold_words(last.title):
        positions = screen.searcher.run(Query((), word), screen.sort).positions
        if len(word) > 3 and positions and screen.store.articles[positions[0]].id != first:
            return word
    raise AssertionError("no word in the last title changes the first article")


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The widgets that asked for a layout of the screen, by id or class name."""
    asked: list[str] = []
    refresh = Widget.refresh

    def spied(self: Widget, *regions, repaint: bool = True, layout: bool = False,  # type: ignore[no-untyped-def]
              recompose: bool = False) -> Widget:
        if layout:
            asked.append(self.id or type(self).__name__)
        return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(Widget, "refresh", spied)
    return asked


async def test_the_pane_waits_for_the_typing_to_pause(app: ReaderApp,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "PANE_AFTER_TYPING", 0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        before = shown_id(screen)
        assert before == screen.article_list.current_id
        word = word_moving_another_article_to_the_top(screen)
        await typed(pilot, "slash", *word)
        after = screen.article_list.current_id
        assert after != before
        assert shown_id(screen) == before, "the pane followed while the user was typing"
        await pilot.pause(0.7)
        assert shown_id(screen) == after


async def test_moving_the_cursor_shows_the_article_at_once(app: ReaderApp,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "PANE_AFTER_TYPING", 5.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        await typed(pilot, "slash", "p")
        screen.article_list.focus()
        await pilot.press("down")
        await pilot.pause()
        assert shown_id(screen) == screen.article_list.current_id


class Lines(App[None]):
    CSS = "#line { width: 20; height: auto; }"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("twelve chars", id="line")


async def test_text_of_the_same_size_is_drawn_without_a_layout(layouts: list[str]) -> None:
    app = Lines()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        line = app.query_one("#line", Static)
        layouts.clear()
        update_in_place(line, "twelve other")
        await pilot.pause()
        assert "line" not in layouts
        assert str(line.render()) == "twelve other"
        update_in_place(line, "a line long enough to wrap onto three rows")
        await pilot.pause()
        assert "line" in layouts
        assert line.size.height == 3
        update_in_place(line, "one row again")
        await pilot.pause()
        assert line.size.height == 1


async def test_typing_in_the_bar_lays_nothing_out_and_keeps_the_cursor_in_view(
        app: ReaderApp, layouts: list[str]) -> None:
    """The Input's text width changes at every key; it must not lay the screen out for it,
    and still scroll with a text longer than the bar, and back when it is cleared."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = main(app).bar
        bar.input.focus()
        await pilot.pause()
        layouts.clear()
        await typed(pilot, *"police q")
        assert bar.input.value == "police q"
        assert "filter-input" not in layouts
        text = "police q" + "q" * 62 + "tail"
        await typed(pilot, *text[8:])
        assert bar.input.value == text
        width = bar.input.content_region.width
        assert width < len(text)
        assert bar.input.scroll_offset.x > 0
        assert str(bar.input.render_line(0).text).rstrip().endswith("tail")
        await typed(pilot, "ctrl+u")
        assert bar.input.value == "" and bar.input.scroll_offset.x == 0
        assert "Filter:" in bar.input.render_line(0).text


@pytest.fixture
def layout_passes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The screens laid out, one entry per layout pass."""
    passes: list[str] = []
    refresh_layout = Screen._refresh_layout

    def spied(self: Screen[object], *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        passes.append(type(self).__name__)
        refresh_layout(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", spied)
    return passes


class Growing(App[None]):
    CSS = "Static { width: auto; }"

    def compose(self) -> ComposeResult:
        yield OnePassStatic("short", id="in-place")
        yield Static("short", id="plain")


@pytest.mark.parametrize(("line", "passes"), [("in-place", 1), ("plain", 2)])
async def test_a_line_that_grows_is_laid_out_in_one_pass(
        layout_passes: list[str], line: str, passes: int) -> None:
    """Textual lays the screen out again when a layout changes a widget's virtual size (the
    plain Static); a widget sized in one pass is not laid out twice for it."""
    app = Growing()
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.pause()
        widget = app.query_one(f"#{line}", Static)
        layout_passes.clear()
        widget.update("a good deal longer than before", layout=True)
        for _ in range(3):
            await pilot.pause()
        assert widget.size.width == len("a good deal longer than before")
        assert len(layout_passes) == passes


async def test_suggestions_opening_lay_the_screen_out_once(
        app: ReaderApp, layout_passes: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "PANE_AFTER_TYPING", 5.0)  # the pane: later, apart
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = main(app).bar
        bar.input.focus()
        await pilot.pause()
        options = bar.query_one(SuggestionList)
        assert not options.display
        layout_passes.clear()
        await typed(pilot, "n")
        for _ in range(3):
            await pilot.pause()
        assert options.display and options.option_count
        assert layout_passes == ["MainScreen"]


async def test_another_article_in_the_pane_lays_the_screen_out_once(
        app: ReaderApp, layout_passes: list[str]) -> None:
    """The pane's title, metadata, body and column change size with every article; with
    its scrollbar staying (every bundled article is longer than the pane), one pass."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        pane = screen.query_one(ReadingPane)
        screen.article_list.focus()
        await pilot.pause()
        for _ in range(3):
            before = shown_id(screen)
            layout_passes.clear()
            await pilot.press("down")
            for _ in range(3):
                await pilot.pause()
            assert shown_id(screen) not in (None, before)
            assert pane.show_vertical_scrollbar
            assert layout_passes == ["MainScreen"]
            # The one pass sized the pane for this article: its scrollbar spans it, and
            # scrolling to the end shows the article's last line.
            assert pane.vertical_scrollbar.window_virtual_size == pane.virtual_size.height
            pane.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            source = pane.query_one("#article-source").region
            assert source.height and pane.region.contains_region(source)


class Bar(App[None]):
    def compose(self) -> ComposeResult:
        yield FilterInput(id="filter-input")


async def test_text_cut_right_of_the_cursor_scrolls_the_bar_back() -> None:
    """With no layout to do it, the bar itself keeps its scroll in range: a cut to the right
    of the cursor (ctrl+k, delete) leaves no blank cells after the text."""
    app = Bar()
    async with app.run_test(size=(30, 3)) as pilot:
        field = app.query_one(FilterInput)
        field.focus()
        await pilot.press(*"abcdefghij" * 6)
        assert field.scroll_offset.x == field.max_scroll_x > 0
        await pilot.press("left", "left", "left", "left", "left", "ctrl+k")
        await pilot.pause()
        assert field.value == ("abcdefghij" * 6)[:-5]
        assert field.scroll_offset.x == field.max_scroll_x
        await pilot.press("left", "left", "delete")
        await pilot.pause()
        assert field.scroll_offset.x == field.max_scroll_x


class Titled(App[None]):
    def compose(self) -> ComposeResult:
        yield TitleBar()


async def test_the_title_bar_shows_a_new_title_without_a_layout(layouts: list[str]) -> None:
    app = Titled()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        layouts.clear()
        app.screen.sub_title = "812 unread"
        await pilot.pause()
        title = app.query_one(HeaderTitle)
        assert "812 unread" in str(title.render())
        assert layouts == []


def rings(folder: Path) -> Path:
    """80 articles: 40 on fraud, 40 on smuggling, 4 of them in Lai Chau."""
    for n in range(80):
        kind = "fraud" if n % 2 else "smuggling"
        rare = " in Lai Chau" if n % 20 == 0 else ""
        (folder / f"{n:02d}.txt").write_text(
            f"Police break {kind} ring number {n}{rare}\n\nOfficers said the {kind} ring "
            f"number {n} was broken{rare}.", encoding="utf-8")
    return folder


@pytest.fixture
def rings_app(tmp_path: Path, bookmarks: BookmarkStore) -> ReaderApp:
    return ReaderApp(open_store([rings(tmp_path)]), ReadingState(bookmarks))


async def test_the_scrollbar_follows_the_rows_and_a_layout_alone_leaves_it_be(
        rings_app: ReaderApp) -> None:
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        assert listing.show_vertical_scrollbar and listing.max_scroll_y == 80 - listing.size.height
        await typed(pilot, "slash", *"fraud")  # 40 rows: still more than the list shows
        assert len(listing.rows) == 40
        assert listing.vertical_scrollbar.window_virtual_size == 40
        assert listing.max_scroll_y == 40 - listing.size.height
        # A layout of the screen (a count of another width asks for one) does not draw the
        # list's scrollbar again.
        drawn: list[int] = []
        bar = listing.vertical_scrollbar
        bar.refresh = lambda *a, **k: drawn.append(1) or bar  # type: ignore[method-assign]
        app.screen.refresh(layout=True)
        await pilot.pause()
        del bar.refresh
        assert drawn == []
        await typed(pilot, "ctrl+u", *"lai chau")  # 4 rows: the scrollbar goes
        assert len(listing.rows) == 4
        assert not listing.show_vertical_scrollbar and listing.max_scroll_y == 0


async def test_a_count_of_another_width_lays_the_screen_out_once(
        rings_app: ReaderApp, layout_passes: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "PANE_AFTER_TYPING", 5.0)  # the pane: later, apart
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await typed(pilot, "slash", *"lai chau")
        assert count_text(app) == "4 of 80 articles"
        layout_passes.clear()
        main(app).bar.input.value = "number 1"  # numbers 1 and 10 to 19: no scrollbar yet
        await settle(pilot)
        for _ in range(3):
            await pilot.pause()
        assert count_text(app) == "11 of 80 articles"
        assert not main(app).article_list.show_vertical_scrollbar
        assert layout_passes == ["MainScreen"]


async def test_the_scrollbar_and_the_title_change_with_the_rows(
        rings_app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the same frame as the list: nothing is awaited between the result and the checks,
    so what Textual would do in a later frame (after the layout, or when the title bar reads
    its messages) has not happened yet. And the screen as a whole is not repainted: its new
    subtitle did that, every widget drawn again on every key."""
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = main(app)
        listing = screen.article_list
        assert listing.vertical_scrollbar.window_virtual_size == 80
        repainted: list[MainScreen] = []
        with monkeypatch.context() as patched:
            patched.setattr(MainScreen, "refresh",
                            lambda self, *a, **k: repainted.append(self) or self)
            screen._apply(run_filter(screen.searcher, screen._request(Query((), "fraud"))))
        assert repainted == []
        assert len(listing.rows) == 40
        assert listing.vertical_scrollbar.window_virtual_size == 40
        assert "40 unread" in str(screen.query_one(HeaderTitle).render())


async def test_first_letters_are_scored_after_the_first_screen(app: ReaderApp,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "SETTLE_AFTER", 0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        searcher = main(app).searcher
        calls: list[tuple[str, ...]] = []
        monkeypatch.setattr(type(searcher), "_candidates",
                            lambda self, words, narrow=False: calls.append(words) or set())
        await typed(pilot, "slash", "l")
        assert ("l",) not in calls, "the first letter was scored again"
        assert main(app).bar.query_one("#suggestions", SuggestionList).option_count > 0


async def test_full_collections_wait_for_a_pause_while_the_screen_is_up(
        app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "SETTLE_AFTER", 0.05)
    before = gc.get_threshold()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        assert COLLECTIONS.deferred and gc.get_threshold()[2] > 1000
        monkeypatch.setattr(collector, "IDLE_AFTER", 0.5)
        await pilot.pause(0.6)  # a pause: without the key below, the collection would run
        gc.collect(1)
        await pilot.press("slash", "p")
        assert not COLLECTIONS.tick(), "a key came a moment ago"
        monkeypatch.setattr(collector, "IDLE_AFTER", 0.0)
        ran = COLLECTIONS.collected
        gc.collect(1)
        await pilot.pause(collector.CHECK_EVERY * 2 + 0.1)
        assert COLLECTIONS.collected > ran, "the screen's timer ran the waiting collection"
    assert gc.get_threshold() == before and not COLLECTIONS.deferred


async def test_rows_that_keep_the_scrollbar_lay_nothing_out(
        rings_app: ReaderApp, layouts: list[str]) -> None:
    """A new row count is set quietly while the scrollbar stays (a layout of the whole screen
    on every key was a third of the frame); the bar's coming or going still lays out."""
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        layouts.clear()
        listing.set_rows(listing.rows[:40])
        await pilot.pause()
        assert "articles" not in layouts
        assert listing.show_vertical_scrollbar and listing.max_scroll_y == 40 - listing.size.height
        listing.set_rows(listing.rows[:4])
        await pilot.pause()
        assert "articles" in layouts
        assert not listing.show_vertical_scrollbar
        listing.set_rows(list(range(80)))
        await pilot.pause()
        assert listing.show_vertical_scrollbar and listing.max_scroll_y == 80 - listing.size.height


async def test_the_scrollbar_is_drawn_again_only_when_its_thumb_moves(
        rings_app: ReaderApp) -> None:
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        bar = listing.vertical_scrollbar
        many = [n % 80 for n in range(5000)]  # the same articles over and over
        listing.set_rows(many)
        await pilot.pause()
        drawn: list[int] = []
        bar.refresh = lambda *a, **k: drawn.append(1) or bar  # type: ignore[method-assign]
        listing.set_rows(many[:4990])  # a thumb of one cell at the top either way
        assert bar.window_virtual_size == 4990 and drawn == []
        listing.set_rows(many[:100])
        assert bar.window_virtual_size == 100 and drawn
        del bar.refresh


async def test_only_the_rows_whose_article_changed_are_drawn_again(
        rings_app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        rows = list(listing.rows)
        drawn: list[int] = []
        render_line = ArticleList.render_line
        monkeypatch.setattr(ArticleList, "render_line",
                            lambda self, y: drawn.append(y) or render_line(self, y))
        listing.set_rows(rows[:3] + rows[10:])  # the cursor's article stays on the first row
        await pilot.pause()
        assert drawn and min(drawn) == 3, "rows whose article did not change were drawn again"
        drawn.clear()
        listing.set_rows(rows[5:])
        await pilot.pause()
        assert min(drawn) == 0


async def test_a_cursor_moving_in_a_scrolled_list_redraws_the_row_it_left(
        rings_app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    app = rings_app
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        listing = main(app).article_list
        listing.focus()
        await pilot.press("end")
        await pilot.pause()
        top = int(listing.scroll_offset.y)
        assert top > 0
        drawn: list[int] = []
        render_line = ArticleList.render_line
        monkeypatch.setattr(ArticleList, "render_line",
                            lambda self, y: drawn.append(y) or render_line(self, y))
        await pilot.press("up")
        await pilot.pause()
        assert int(listing.scroll_offset.y) == top
        left, now = 79 - top, 78 - top
        assert {left, now} <= set(drawn), "the row the cursor left kept its highlight"


async def test_new_suggestions_lay_the_screen_out_only_for_a_new_height(
        app: ReaderApp, layouts: list[str]) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await typed(pilot, "slash", "h")
        bar = main(app).bar
        two = [Suggestion(PLACE, f"p{i}", f"Place {i}", 90.0, 1) for i in range(2)]
        bar.set_suggestions(two)
        await pilot.pause()
        options = bar.query_one("#suggestions", SuggestionList)
        layouts.clear()
        bar.set_suggestions([Suggestion(PERSON, f"q{i}", f"Person {i}", 90.0, 3) for i in range(2)])
        await pilot.pause()
        assert "suggestions" not in layouts
        assert "Person 1" in options.render_line(1).text
        bar.set_suggestions([*two, Suggestion(PLACE, "p2", "Place 2", 90.0, 1)])
        await pilot.pause()
        assert "suggestions" in layouts and options.content_region.height == 3
