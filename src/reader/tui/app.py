"""The Textual application: global keys, theme persistence, the command palette.

The store is built before the app runs and handed to it (widgets never read files); the
main screen owns the filter state.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.store import Store
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.main import MainScreen
from reader.tui.state import ReadingState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.filter_bar import FilterBar, FilterInput
from reader.tui.widgets.reading_pane import ReadingPane


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    SUB_TITLE = "Viet Nam public security news"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(self, store: Store, state: ReadingState) -> None:
        super().__init__()
        self.store = store
        self.state = state
        if state.theme and state.theme in self.available_themes:
            self.theme = state.theme

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda theme: self.state.save_theme(theme.name))
        self.push_screen(MainScreen(self.store, self.state))

    def help_sections(self) -> list[tuple[str, list]]:  # type: ignore[type-arg]
        return [
            ("Everywhere", list(MainScreen.BINDINGS) + list(self.BINDINGS)),
            ("Article list", list(ArticleList.BINDINGS)),
            ("Reading pane", list(ReadingPane.BINDINGS)),
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
            action = binding.action
            yield SystemCommand(binding.description, f"key: {binding.key}",
                                lambda action=action: main.run_action(action))
        yield SystemCommand("Help", "Show every key", self.action_help)


def run(paths: list[Path]) -> int:
    from reader.assets import bundled_corpus
    from reader.bookmarks import BookmarkStore
    from reader.corpus import default_gazetteer
    from reader.entities.recognise import Recogniser
    from reader.ingest.load import load_paths
    from reader.tui.missing import missing_articles

    gazetteer = default_gazetteer()
    loaded = load_paths(paths or [bundled_corpus()], Recogniser(gazetteer))
    bookmarks = BookmarkStore.open()
    ghosts = missing_articles(bookmarks, {a.id for a in loaded.articles})
    store = Store(loaded.articles + ghosts, gazetteer, loaded.skipped)
    state = ReadingState(bookmarks, frozenset(a.id for a in ghosts))
    try:
        ReaderApp(store, state).run()
    finally:
        bookmarks.close()
    return 0
