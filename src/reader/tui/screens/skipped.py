"""The files that did not load, and why, for the user to fix or ignore."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ingest.clean import clean_text
from reader.ingest.load import Skipped


class SkippedScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,w", "dismiss", "Close")]

    def __init__(self, skipped: Sequence[Skipped]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        text = Text()
        if not self.skipped:
            text.append("Every file loaded.")
        for item in self.skipped:
            text.append(clean_text(item.path), style="bold")
            text.append(f"\n    {clean_text(item.reason)}\n")
        with VerticalScroll(id="skipped"):
            yield Static(text, markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#skipped")
        count = len(self.skipped)
        box.border_title = f"{count} skipped file{'' if count == 1 else 's'}"
        box.border_subtitle = "escape to close"
