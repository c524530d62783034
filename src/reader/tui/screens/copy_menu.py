"""`y`: what of the article to copy, one key each (lazygit's copy menu).

Only what the article has is offered; the menu returns the chosen key and the screen copies.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ingest.article import Article
from reader.tui.display import shown

CHOICES = (("u", "url", "Address"), ("t", "title", "Title"), ("p", "path", "File"),
           ("i", "id", "Id"))
"""(key, field, label): the order the menu lists them in."""

WEB_SCHEMES = ("http://", "https://")


def copyable(article: Article, has_file: bool) -> dict[str, str]:
    """The article's values the menu offers, by key: a ghost bookmark has no file, and an
    address that is not a web page's (`javascript:` in a feed) is not offered."""
    url = article.url if article.url and article.url.lower().startswith(WEB_SCHEMES) else ""
    values = {"url": url, "title": article.title,
              "path": article.path if has_file else "", "id": article.id}
    return {key: values[field] for key, field, _ in CHOICES if values[field]}


class CopyMenu(ModalScreen[str | None]):
    """Press a letter to copy that value; escape copies nothing."""

    BINDINGS = [
        Binding("u", "choose('u')", "Copy the address", id="copy.url"),
        Binding("t", "choose('t')", "Copy the title", id="copy.title"),
        Binding("p", "choose('p')", "Copy the file's path", id="copy.path"),
        Binding("i", "choose('i')", "Copy the id", id="copy.id"),
        Binding("escape,q,y", "dismiss(None)", "Close", id="copy.close"),
    ]

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-menu"):
            for key, _, label in CHOICES:
                if key in self.values:
                    yield Static(f"{key}  {label:<8} {shown(self.values[key])}", markup=False,
                                 classes="copy-choice")
            yield Static("escape  close", markup=False, classes="copy-hint")

    def on_mount(self) -> None:
        self.query_one("#copy-menu").border_title = "Copy"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return parameters[0] in self.values
        return True

    def action_choose(self, key: str) -> None:
        self.dismiss(key)
