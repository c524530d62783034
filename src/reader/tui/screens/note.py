"""A one-line note on a bookmarked article; enter saves, escape leaves it as it was."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.tui.display import shown


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.article_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(shown(self.article_title)), markup=False, id="note-title")
            yield Input(self.note, placeholder="A short note (enter saves, escape cancels)",
                        id="note-input", max_length=500)

    def on_mount(self) -> None:
        self.query_one("#note-box").border_title = "Bookmark note"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
