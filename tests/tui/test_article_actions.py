"""Acting on the article shown (o, y, v, E) on a small host screen that provides what the
main screen provides: the current article and the reading state."""

from __future__ import annotations

import contextlib
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from reader.bookmarks import BookmarkStore
from reader.ingest.article import Article
from reader.tui.screens.article_actions import ArticleActions
from reader.tui.screens.copy_menu import CopyMenu
from reader.tui.state import ReadingState


class Host(ArticleActions):
    def __init__(self, article: Article, state: ReadingState) -> None:
        super().__init__()
        self.article = article
        self.state = state

    def compose(self) -> ComposeResult:
        yield Static("host")

    @property
    def current_article(self) -> Article | None:
        return self.article


class HostApp(App[None]):
    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.copied: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(self.host)

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


def article(path: Path | str, url: str | None = None) -> Article:
    return Article("0123456789abcdef", str(path), "Police meet in Huế", None, None, None, None,
                   b"Officers in Hue.", (), (), (), url)


def messages(app: App[None]) -> str:
    return " | ".join(n.message for n in app._notifications)


@contextlib.contextmanager
def no_suspend(self: App[None]) -> Iterator[None]:
    yield


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("Police meet in Huế\n\nOfficers in Hue.", encoding="utf-8")
    return path


async def test_y_offers_what_the_article_has_and_copies_the_choice(
        story: Path, bookmarks: BookmarkStore) -> None:
    app = HostApp(Host(article(story, "https://news.example/a"), ReadingState(bookmarks)))
    async with app.run_test() as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, CopyMenu)
        listed = " ".join(str(s.render()) for s in app.screen.query(".copy-choice"))
        assert "https://news.example/a" in listed and "story.txt" in listed
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, CopyMenu)
        await pilot.press("y", "p", "y", "i", "y", "u")
        await pilot.pause()
        assert app.copied == ["Police meet in Huế", str(story), "0123456789abcdef",
                              "https://news.example/a"]
        assert "Copied the title." in messages(app)
        await pilot.press("y", "escape")
        assert not isinstance(app.screen, CopyMenu) and len(app.copied) == 4


async def test_a_ghost_bookmark_offers_no_file_and_opens_none(
        story: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    ghost = article(story)
    app = HostApp(Host(ghost, ReadingState(bookmarks, missing=frozenset({ghost.id}))))
    ran: list[object] = []
    monkeypatch.setattr("reader.tui.external.run", lambda command: ran.append(command) or "")
    async with app.run_test() as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, CopyMenu)
        listed = " ".join(str(s.render()) for s in app.screen.query(".copy-choice"))
        assert "story.txt" not in listed and "Address" not in listed
        await pilot.press("p", "escape", "v")
        await pilot.pause()
        assert app.copied == [] and ran == []
        assert "no file to open" in messages(app)


async def test_v_runs_the_pager_on_the_file(
        tmp_path: Path, story: Path, bookmarks: BookmarkStore,
        monkeypatch: pytest.MonkeyPatch) -> None:
    record = tmp_path / "argv.txt"
    script = f"import sys; open({str(record)!r}, 'w').write(repr(sys.argv[1:]))"
    monkeypatch.setenv("PAGER", f"{shlex.quote(sys.executable)} -c {shlex.quote(script)} --x")
    monkeypatch.setattr(App, "suspend", no_suspend)
    app = HostApp(Host(article(story), ReadingState(bookmarks)))
    async with app.run_test() as pilot:
        await pilot.press("v")
        await pilot.pause()
    assert record.read_text() == repr(["--x", str(story)])


async def test_failures_outside_are_told_not_raised(
        story: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "no-such-editor-here -w")
    monkeypatch.setenv("PAGER", f"{shlex.quote(sys.executable)} -c 'raise SystemExit(2)'")
    app = HostApp(Host(article(story), ReadingState(bookmarks)))
    async with app.run_test() as pilot:
        await pilot.press("E")  # not installed: said before the screen is handed over
        await pilot.press("v")  # headless: this driver cannot suspend
        await pilot.pause()
        assert "no-such-editor-here was not found" in messages(app)
        assert "cannot hand the screen" in messages(app)
        monkeypatch.setattr(App, "suspend", no_suspend)
        await pilot.press("v")
        await pilot.pause()
        assert "ended with status 2" in messages(app)
        app.host.article = article(story.parent / "gone.txt")
        await pilot.press("v")
        await pilot.pause()
        assert "no longer there" in messages(app)


async def test_y_offers_only_a_web_address(story: Path, bookmarks: BookmarkStore) -> None:
    app = HostApp(Host(article(story, "javascript:alert(1)"), ReadingState(bookmarks)))
    async with app.run_test() as pilot:
        await pilot.press("y", "u")
        listed = " ".join(str(s.render()) for s in app.screen.query(".copy-choice"))
        assert "javascript" not in listed and "Title" in listed
        assert app.copied == []


@pytest.mark.parametrize(("url", "opened"), [
    ("https://news.example/story", True),
    ("javascript:alert(1)", False),
    (None, False),
])
async def test_o_opens_only_web_addresses(
        story: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch,
        url: str | None, opened: bool) -> None:
    seen: list[str] = []
    monkeypatch.setattr(App, "open_url", lambda self, address, **_: seen.append(address))
    app = HostApp(Host(article(story, url), ReadingState(bookmarks)))
    async with app.run_test() as pilot:
        await pilot.press("o")
        await pilot.pause()
    assert seen == ([url] if opened else [])
