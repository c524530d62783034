"""A worker is described by its name, never by its arguments: Textual otherwise writes the
repr of every argument into the description, on the UI thread, each time the worker starts.
At a million articles that was 3.3 s of the start (the ids handed to the new-article marks,
a filter request holding the loaded articles' bitmap) before the list could be used."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode

from reader.assets import bundled_corpus
from reader.bookmarks import BookmarkStore
from reader.tui.app import ReaderApp
from tests.tui.conftest import wait_for_main_screen

TUI = Path(__file__).resolve().parents[2] / "src" / "reader" / "tui"


def _work_decorators() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "work":
                        found.append((path.name, decorator.lineno, decorator))
    return found


def test_every_worker_is_declared_with_a_description() -> None:
    declared = _work_decorators()
    assert len(declared) >= 10
    undescribed = [f"{name}:{line}" for name, line, call in declared
                   if "description" not in {keyword.arg for keyword in call.keywords}]
    assert not undescribed


async def test_no_worker_started_by_a_start_and_a_search_repeats_its_arguments(
        bookmarks: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    described: list[str] = []
    real = DOMNode.run_worker

    def recorded(self: DOMNode, work: Any, *args: Any, **kwargs: Any) -> Any:
        described.append(str(kwargs.get("description")))
        return real(self, work, *args, **kwargs)

    monkeypatch.setattr(DOMNode, "run_worker", recorded)
    app = ReaderApp(paths=[bundled_corpus()], bookmarks=bookmarks)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_main_screen(pilot, app)
        await pilot.press("slash", "h", "a")
        await pilot.pause(0.3)
    assert {"Loading the articles", "Filtering", "Marking new articles"} <= set(described)
    assert not [d for d in described if "(" in d]
