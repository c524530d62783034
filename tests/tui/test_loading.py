"""A large load goes through the process pool behind the loading screen, never by `fork`."""

from __future__ import annotations

import multiprocessing.context
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from reader.bookmarks import BookmarkStore
from reader.ingest.load import PARALLEL_FROM
from reader.tui.app import ReaderApp
from reader.tui.screens.main import MainScreen
from tests.tui.conftest import wait_for_main_screen

FILES = PARALLEL_FROM + 20


async def test_hundreds_of_files_load_through_the_pool(
        tmp_path: Path, bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(FILES):
        folder = tmp_path / f"{number // 100:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:04d}.txt").write_text(
            f"Police story number {number}\n\nOfficers in Hue met on day {number}.",
            encoding="utf-8")
    pools: list[multiprocessing.context.BaseContext] = []
    through_pool: list[object] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs["mp_context"])
            super().__init__(*args, **kwargs)

        def map(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
            for outcome in super().map(*args, **kwargs):
                through_pool.append(outcome)
                yield outcome

    monkeypatch.setattr("reader.ingest.load.ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # the pool is skipped on one core
    app = ReaderApp(paths=[tmp_path], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert str(screen.bar.query_one("#count").render()) == f"{FILES} of {FILES} articles"
        assert not screen.store.skipped
        titles = {a.title for a in screen.store.articles}
        assert titles == {f"Police story number {n}" for n in range(FILES)}
    assert len(pools) == 1
    assert len(through_pool) == FILES  # not a pool that failed and left the work to one core
    assert pools[0].get_start_method() != "fork"
