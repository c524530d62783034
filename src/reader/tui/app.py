"""The Textual application: global keys, theme persistence, the command palette.

The store is built before the app runs and handed to it (widgets never read files); the
main screen owns the filter state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from reader.ingest.pool_context import prepare_pool
from reader.keymap import KEYMAP_FILE, load_keymap
from reader.settings import load_settings, save_setting
from reader.tui.collector import COLLECTIONS
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.loading import LoadingScreen

if TYPE_CHECKING:
    from reader.bookmarks import BookmarkStore
    from reader.store import Store
    from reader.tui.state import ReadingState

# The main screen, its widgets and the store's modules are imported when first needed: on
# a start from files, after the loading screen has drawn the last start's list.


class ReaderApp(App[None]):
    CSS_PATH = ["reader.tcss", "views.tcss", "filter.tcss", "reading.tcss", "loading.tcss"]
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
            prepare_pool()
        theme = load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            COLLECTIONS.busy()  # no full garbage collection while keys come (tui/collector.py)
        await super().on_event(event)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda theme: save_setting("theme", theme.name))
        if self.store is not None and self.state is not None:
            from reader.tui.screens.main import MainScreen

            self._apply_keymap()
            self.push_screen(MainScreen(self.store, self.state, self.paths, self.live))
        else:
            assert self.bookmarks is not None
            self.push_screen(LoadingScreen(self.paths, self.bookmarks))
            # After the first screen: the keymap names every widget's bindings.
            self.call_after_refresh(self._apply_keymap)

    async def action_quit(self) -> None:
        """Quitting during a first load waits the moment it takes to keep the files parsed
        so far (`LoadingScreen.stop_loading`); otherwise, and when asked twice, at once."""
        screen = self.screen
        if isinstance(screen, LoadingScreen) and screen.stop_loading():
            return
        self.exit()

    def show_store(self, store: Store, state: ReadingState) -> None:
        from reader.tui.screens.main import MainScreen

        self.store, self.state = store, state
        self.switch_screen(MainScreen(store, state, self.paths, self.live))

    def _apply_keymap(self) -> None:
        """The user's keymap.toml, checked against the ids the bindings really have."""
        known = {b.id for _, bindings in self._declared_sections()
                 for b in Binding.make_bindings(bindings) if b.id}
        keymap = load_keymap(known)
        self._user_keys = keymap.keys
        self._clashes_told: set[frozenset[str]] = set()
        if keymap.keys:
            self.set_keymap(keymap.keys)
        for warning in keymap.warnings:
            self.notify(warning, severity="warning", timeout=12, markup=False)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """A key the keymap gives to one action took it from another: say so once."""
        names = frozenset(b.description or b.action for b in clashed_bindings)
        if names and names not in self._clashes_told:
            self._clashes_told.add(names)
            self.notify(f"{KEYMAP_FILE}: a key given there replaces {', '.join(sorted(names))}.",
                        severity="warning", timeout=8, markup=False)

    @staticmethod
    def _declared_sections() -> list[tuple[str, list[BindingType]]]:
        from reader.tui.screens.main import MainScreen
        from reader.tui.widgets.article_list import ArticleList
        from reader.tui.widgets.facet_pane import FacetPane
        from reader.tui.widgets.filter_bar import FilterBar, FilterInput
        from reader.tui.widgets.reading_pane import ReadingPane
        from reader.tui.widgets.timeline_chart import TimelineChart

        return [
            ("Everywhere", bindings_of(MainScreen) + list(ReaderApp.BINDINGS)),
            ("Article list", bindings_of(ArticleList)),
            ("Reading pane", bindings_of(ReadingPane)),
            ("Facets (f)", bindings_of(FacetPane)),
            ("Timeline (t)", bindings_of(TimelineChart)),
            ("Filter bar", bindings_of(FilterBar) + bindings_of(FilterInput) + [
                Binding("ctrl+u", "", "Clear the text"),
                Binding("ctrl+w", "", "Delete a word"),
            ]),
        ]

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        """The bindings with the keys the user's keymap gave them."""
        keys = getattr(self, "_user_keys", {})
        return [(title, [b.with_key(keys[b.id]) if b.id in keys else b
                         for b in Binding.make_bindings(bindings)])
                for title, bindings in self._declared_sections()]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from reader.tui.screens.main import MainScreen

        yield from super().get_system_commands(screen)
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            return
        keys = getattr(self, "_user_keys", {})
        for binding in Binding.make_bindings(bindings_of(MainScreen)):
            if binding.action == "back":
                continue
            key = keys.get(binding.id, binding.key) if binding.id else binding.key
            yield SystemCommand(binding.description, f"key: {key}",
                                getattr(main, f"action_{binding.action}"))
        yield SystemCommand("Help", "Show every key", self.action_help)


def bindings_of(cls: type[DOMNode]) -> list[BindingType]:
    """A class's bindings with those of the mixins it is made of, as Textual merges them
    (Textual's own base classes left out: help and the palette show what reader adds)."""
    found: list[BindingType] = []
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("reader."):
            found.extend(klass.__dict__.get("BINDINGS", []))
    return found


def run(paths: list[Path]) -> int:
    from reader.bookmarks import BookmarkStore

    bookmarks = BookmarkStore.open()
    try:
        ReaderApp(paths=paths, bookmarks=bookmarks, live=True).run()
    finally:
        bookmarks.close()
    return 0
