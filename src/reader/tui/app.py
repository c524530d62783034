"""The Textual application: global keys, theme persistence, the command palette.

The store is built before the app runs and handed to it (widgets never read files); the
main screen owns the filter state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.ingest.load import start_pool_server
from reader.settings import load_settings, save_setting
from reader.store import Store
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.loading import LoadingScreen
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.facet_pane import FacetPane
from reader.tui.widgets.filter_bar import FilterBar, FilterInput
from reader.tui.widgets.reading_pane import ReadingPane
from reader.tui.widgets.timeline_chart import TimelineChart

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore


class ReaderApp(App[None]):
    CSS_PATH = ["reader.tcss", "views.tcss", "filter.tcss", "reading.tcss"]
    TITLE = "reader"
    SUB_TITLE = "Viet Nam public security news"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(self, store: Store | None = None, state: ReadingState | None = None, *,
                 paths: Sequence[Path] = (), bookmarks: BookmarkStore | None = None,
                 live: bool = False) -> None:
        """Give a built store and state, or paths and bookmarks to load behind a progress bar;
        `live` watches the opened folders and reloads when their files change."""
        super().__init__()
        self.live = live
        self.store = store
        self.state = state
        self.paths = list(paths)
        self.bookmarks = bookmarks
        if store is None:
            # Now, before the app takes over stderr and starts threads: the paths, or the
            # archive of fetched articles beside the bundled ones, may be many files.
            start_pool_server()
        theme = load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda theme: save_setting("theme", theme.name))
        if self.store is not None and self.state is not None:
            self.push_screen(MainScreen(self.store, self.state, self.paths, self.live))
        else:
            assert self.bookmarks is not None
            self.push_screen(LoadingScreen(self.paths, self.bookmarks))

    def show_store(self, store: Store, state: ReadingState) -> None:
        self.store, self.state = store, state
        self.switch_screen(MainScreen(store, state, self.paths, self.live))

    def help_sections(self) -> list[tuple[str, list]]:  # type: ignore[type-arg]
        return [
            ("Everywhere", list(MainScreen.BINDINGS) + list(self.BINDINGS)),
            ("Article list", list(ArticleList.BINDINGS)),
            ("Reading pane", list(ReadingPane.BINDINGS)),
            ("Facets (f)", list(FacetPane.BINDINGS)),
            ("Timeline (t)", list(TimelineChart.BINDINGS)),
            ("Filter bar", list(FilterBar.BINDINGS) + list(FilterInput.BINDINGS) + [
                Binding("ctrl+u", "", "Clear the text"),
                Binding("ctrl+w", "", "Delete a word"),
            ]),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            return
        for binding in MainScreen.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.action == "back":
                continue
            yield SystemCommand(binding.description, f"key: {binding.key}",
                                getattr(main, f"action_{binding.action}"))
        yield SystemCommand("Help", "Show every key", self.action_help)


def run(paths: list[Path]) -> int:
    from reader.bookmarks import BookmarkStore

    bookmarks = BookmarkStore.open()
    try:
        ReaderApp(paths=paths, bookmarks=bookmarks, live=True).run()
    finally:
        bookmarks.close()
    return 0
