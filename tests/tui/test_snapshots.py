"""Layout snapshots at the two sizes users run in, with the filter open, and of the help."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

import pytest

from reader.bookmarks import BookmarkStore
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.state import ReadingState


@pytest.fixture(autouse=True)
def _no_read_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read marks depend on time; snapshots must not."""
    monkeypatch.setattr("reader.tui.screens.read_marks.READ_AFTER", 3600)


@pytest.fixture(scope="module")
def placed_store(seed_store: Store) -> Store:
    """The bundled articles under one fixed folder: the reading pane shows each article's
    file, and a checkout's own path (wrapped on more or fewer lines) must not move a
    scrollbar in a snapshot."""
    return Store([replace(a, path=str(PurePath("/articles") / PurePath(a.path).name))
                  for a in seed_store.articles], seed_store.gazetteer)


@pytest.fixture
def app(placed_store: Store, bookmarks: BookmarkStore) -> ReaderApp:
    return ReaderApp(placed_store, ReadingState(bookmarks))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen(snap_compare, app: ReaderApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen_light_theme_with_read_rows(  # type: ignore[no-untyped-def]
        snap_compare, app: ReaderApp, size: tuple[int, int]) -> None:
    """Read rows and dates must stay readable on a light background."""
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = "textual-light"
        screen = pilot.app.screen
        listing = screen.article_list
        listing.set_marks(frozenset(), frozenset(a.id for a in screen.store.articles[1:3]))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_filter_open_with_suggestions(snap_compare, app: ReaderApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("slash", *"luong")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_pinned_chips(snap_compare, app: ReaderApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("slash", *"tam quang", "enter", *"hanoi", "enter", "escape")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_help_screen(snap_compare, app: ReaderApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), press=["question_mark"])


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_facet_pane(snap_compare, app: ReaderApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Beside the list on a wide screen; in place of it below 100 columns."""
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("f")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_timeline(snap_compare, app: ReaderApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("t")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("left")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("theme", ["textual-dark", "catppuccin-latte"])
def test_article_open_at_80_columns(snap_compare, app: ReaderApp, theme: str) -> None:  # type: ignore[no-untyped-def]
    """Below 100 columns the article takes the list's place; a bookmarked unread row keeps
    both marks (seen after going back)."""
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = theme
        await pilot.press("j", "b", "enter")
        await pilot.pause()
        pilot.app.clear_notifications()  # "Bookmarked" would depend on time
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_list_after_bookmarking_at_80_columns(snap_compare, app: ReaderApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("b", "j", "j", "b")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
