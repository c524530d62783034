"""Run in a fresh process by tui.py: time the interface headless and print JSON.

    python tui_probe.py reader FOLDER   time to the list, then keystroke latencies
    python tui_probe.py bare            the same for a bare Textual app (the floor)

The clock starts before Textual is imported, so both figures include the import, which is
most of a Textual app's start.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

TYPED = "nguyen van binh"


def _ready(screen: object, main: type, listing: type) -> bool:
    """The main screen is up and its list has rows (it may be mounted but not composed)."""
    if not isinstance(screen, main):
        return False
    found = screen.query(listing)  # type: ignore[attr-defined]
    return bool(found) and bool(found.first().rows)


async def probe_reader(folder: Path) -> dict[str, object]:
    from reader.bookmarks import BookmarkStore
    from reader.tui.app import ReaderApp
    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.article_list import ArticleList

    bookmarks = BookmarkStore.open()
    app = ReaderApp(paths=[folder], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        while not _ready(app.screen, MainScreen, ArticleList):
            await asyncio.sleep(0.005)
        await pilot.pause()
        first = time.perf_counter() - STARTED
        screen = app.screen
        # The word index is built in the background after the first paint; the separate
        # "first word filter" row measures that. Keystrokes are timed once it is there.
        await asyncio.sleep(0.6)
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        keys = []
        for key in TYPED:
            started = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            keys.append(time.perf_counter() - started)
        count = len(screen.article_list.rows)
    bookmarks.close()
    return {"first": first, "keys": keys, "rows": count}


async def probe_bare() -> dict[str, object]:
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("one line")
            yield Input()

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - STARTED
        app.query_one(Input).focus()
        keys = []
        for key in TYPED:
            started = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            await pilot.pause()
            keys.append(time.perf_counter() - started)
    return {"first": first, "keys": keys}


def main() -> None:
    if sys.argv[1] == "bare":
        result = asyncio.run(probe_bare())
    else:
        result = asyncio.run(probe_reader(Path(sys.argv[2])))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
