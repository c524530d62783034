"""The files that did not load and the feeds that failed, and why, for the user to fix or
ignore."""

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

    def __init__(self, skipped: Sequence[Skipped],
                 feeds: Sequence[tuple[str, str]] = ()) -> None:
        """`feeds`: (feed, its last error or warning) for the feeds that did not work."""
        super().__init__()
        self.skipped = skipped
        self.feeds = feeds

    def compose(self) -> ComposeResult:
        text = Text()
        if not self.skipped:
            text.append("Every file loaded.\n")
        for item in self.skipped:
            text.append(clean_text(item.path), style="bold")
            text.append(f"\n    {clean_text(item.reason)}\n")
        if self.feeds:
            text.append("\nFeeds\n", style="bold underline")
        for feed, problem in self.feeds:
            text.append(clean_text(feed), style="bold")
            text.append(f"\n    {clean_text(problem)}\n")
        with VerticalScroll(id="skipped"):
            yield Static(text, markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#skipped")
        count = len(self.skipped)
        box.border_title = f"{count} skipped file{'' if count == 1 else 's'}"
        if self.feeds:
            failed = len(self.feeds)
            box.border_title += f" · {failed} feed{'' if failed == 1 else 's'} with problems"
        box.border_subtitle = "escape to close"
