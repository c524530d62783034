"""Reading a long article: the cost of showing it and of typing in the filter bar over it.

    python benchmarks/reading.py            a 1 MB article
    python benchmarks/reading.py --mb 3.9   just under the 4 MB the loader accepts

Each figure is CPU seconds (threads included) in one headless process, beside floors
measured in the same run, alternating with the reader's runs:
  - show: the reader moving its cursor onto the article, against a bare Textual app showing
    one screenful of the same text in a Static (what the eye gets), and against the same
    bare app showing the whole article in one Static (what plain Textual costs);
  - key: one keystroke in the filter bar while the article is shown and highlighted,
    against a keystroke in a bare app's Input beside a screenful Static.
The article is built from the bundled articles' paragraphs, the same every run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from reader.assets import bundled_corpus

TITLE = "Police review a very long year"
TYPED = ["h", "a", "space", "n", "o", "i"]
"""The keys typed in the filter bar: `ha noi` marks Hà Nội in every spelling."""


def make_article(folder: Path, size: int) -> str:
    """One article of about `size` bytes, and a short one to move from."""
    paragraphs = [p for path in sorted(bundled_corpus().rglob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n")[2:] if len(p) > 80]
    chance = random.Random(1)
    body: list[str] = []
    total = 0
    while total < size:
        body.append(chance.choice(paragraphs))
        total += len(body[-1].encode()) + 2
    text = "\n\n".join(body)
    (folder / "long.txt").write_text(f"{TITLE}\n\n2025-03-01\n\n{text}", encoding="utf-8")
    (folder / "short.txt").write_text("Police short story\n\n2025-03-02\n\nShort text about Hà Nội.",
                                      encoding="utf-8")
    return text


async def cpu(action: Callable[[], Awaitable[object]]) -> float:
    started = time.process_time()
    await action()
    return time.process_time() - started


class Bare(App[None]):
    """The floor: an Input and a scrolling Static, nothing else."""

    def compose(self) -> ComposeResult:
        yield Input(id="typed")
        with VerticalScroll():
            yield Static("", markup=False, id="text")


async def bare_run(text: str) -> tuple[float, float]:
    """(CPU to show `text`, median CPU of a keystroke)."""
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        static = app.query_one("#text", Static)

        async def show() -> None:
            static.update(text)
            await pilot.pause()

        shown = await cpu(show)
        app.query_one(Input).focus()
        keys = [await cpu(lambda key=key: pilot.press(key)) for key in TYPED]
    return shown, statistics.median(keys)


async def reader_run(folder: Path) -> tuple[float, float]:
    """(CPU to show the long article, median CPU of a keystroke in the filter over it)."""
    from reader.bookmarks import BookmarkStore
    from reader.corpus import open_store
    from reader.tui.app import ReaderApp
    from reader.tui.screens.main import MainScreen
    from reader.tui.state import ReadingState

    bookmarks = BookmarkStore.open()
    app = ReaderApp(open_store([folder]), ReadingState(bookmarks))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MainScreen)
            long_id = next(a.id for a in screen.store.articles if a.title == TITLE)
            if screen.article_list.current_id == long_id:
                await pilot.press("j")
                await pilot.pause()

            async def settle() -> None:
                await app.workers.wait_for_complete()
                await pilot.pause()

            async def show() -> None:
                while screen.article_list.current_id != long_id:
                    await pilot.press("k" if screen.article_list.cursor else "j")
                await settle()

            shown = await cpu(show)
            await pilot.press("slash")
            keys = []
            for key in TYPED:
                async def press(key: str = key) -> None:
                    await pilot.press(key)
                    await settle()
                keys.append(await cpu(press))
    finally:
        bookmarks.close()
    return shown, statistics.median(keys)


def screenful(text: str) -> str:
    """About what a 120 x 40 pane shows: the first 40 lines of 66 columns."""
    return text[:40 * 66]


async def measure(folder: Path, text: str, repeats: int) -> dict[str, float]:
    runs: dict[str, list[float]] = {k: [] for k in ("show", "key", "floor_show", "floor_key",
                                                    "whole_static")}
    for _ in range(repeats):
        floor_show, floor_key = await bare_run(screenful(text))
        whole, _ = await bare_run(text)
        shown, key = await reader_run(folder)
        for name, value in (("floor_show", floor_show), ("floor_key", floor_key),
                            ("whole_static", whole), ("show", shown), ("key", key)):
            runs[name].append(value)
    return {name: min(values) for name, values in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the article in MB")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name in ("data", "cache", "config"):
            os.environ[f"READER_{name.upper()}_DIR"] = str(root / name)
        folder = root / "articles"
        folder.mkdir()
        text = make_article(folder, int(options.mb * 1_000_000))
        figures = asyncio.run(measure(folder, text, options.repeats))
    rows = [
        ("show the article", figures["show"], figures["floor_show"],
         "floor: a bare app's Static showing a screenful of it"),
        ("  (plain Textual)", figures["whole_static"], figures["floor_show"],
         "the whole article in one Static, same floor"),
        ("key in the filter", figures["key"], figures["floor_key"],
         "floor: a key in a bare app's Input"),
    ]
    print(f"article of {options.mb:g} MB, CPU seconds, best of {options.repeats}")
    for label, value, floor, note in rows:
        print(f"{label:<20} {value:8.3f}  floor {floor:7.3f}  x{value / floor:7.1f}  {note}")
    json.dump({"mb": options.mb, **{k: round(v, 4) for k, v in figures.items()}}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
