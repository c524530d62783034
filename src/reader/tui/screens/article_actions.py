"""Acting on the article shown: open its address (`o`), copy a part of it (`y`), read its
file in the pager (`v`) or change it in the editor (`E`), as lazygit does with its files.

Mixed into the main screen, which provides `current_article` and `state`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported
from textual.binding import Binding
from textual.screen import Screen

from reader.tui import external
from reader.tui.screens.copy_menu import CHOICES, WEB_SCHEMES, CopyMenu, copyable

if TYPE_CHECKING:
    from reader.ingest.article import Article
    from reader.tui.state import ReadingState

class ArticleActions(Screen[None]):
    """The article's address, its parts for the clipboard and its file outside the app."""

    BINDINGS = [
        Binding("o", "open_url", "Open in browser", show=False, id="main.open"),
        Binding("y", "copy_menu", "Copy…", show=False, id="main.copy"),
        Binding("v", "open_in_pager", "Read the file in $PAGER", show=False, id="main.pager"),
        Binding("E", "open_in_editor", "Edit the file in $EDITOR", show=False, id="main.editor"),
    ]

    state: ReadingState

    @property
    def current_article(self) -> Article | None:  # provided by the main screen
        raise NotImplementedError

    def _article(self) -> Article | None:
        article = self.current_article
        if article is None:
            self.notify("No article is shown.", timeout=2)
        return article

    # -- the address -------------------------------------------------------------------------
    def _web_address(self) -> str | None:
        article = self._article()
        if article is None:
            return None
        if not article.url:
            self.notify("This article has no web address.", timeout=3)
            return None
        if not article.url.lower().startswith(WEB_SCHEMES):
            self.notify("Only http and https addresses are opened.", timeout=3)
            return None
        return article.url

    def action_open_url(self) -> None:
        url = self._web_address()
        if url is not None:
            self.app.open_url(url)
            self.notify("Opened in the browser.", timeout=2)

    # -- the clipboard -----------------------------------------------------------------------
    def action_copy_menu(self) -> None:
        article = self._article()
        if article is None:
            return
        values = copyable(article, article.id not in self.state.missing)
        labels = {key: label.lower() for key, _, label in CHOICES}

        def copy(key: str | None) -> None:
            if key is None or key not in values:
                return
            self.app.copy_to_clipboard(values[key])
            self.notify(f"Copied the {labels[key]}.", timeout=2)

        self.app.push_screen(CopyMenu(values), copy)

    # -- the file, outside -------------------------------------------------------------------
    def action_open_in_pager(self) -> None:
        self._run_outside(external.PAGER, "less")

    def action_open_in_editor(self) -> None:
        self._run_outside(external.EDITOR, "vi")

    def _run_outside(self, variables: tuple[str, ...], default: str) -> None:
        article = self._article()
        if article is None:
            return
        if article.id in self.state.missing:
            self.notify("This bookmark's article is not in the loaded files: there is no "
                        "file to open.", timeout=4)
            return
        command = external.command_for(variables, default, article.path)
        if command.problem:
            self.notify(command.problem, severity="warning", timeout=6, markup=False)
            return
        try:
            with self.app.suspend():
                problem = external.run(command)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand the screen to another program.",
                        severity="warning", timeout=5)
            return
        if problem:
            self.notify(problem, severity="warning", timeout=6, markup=False)
