"""The find line at the bottom of the reading pane (`/` there, as in less).

It only says what the reader typed: the pane finds the matches, marks them and moves to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class FindBar(Horizontal):
    """`Find:` and an input; the count of matches on the right."""

    BINDINGS = [
        Binding("escape", "close", "Close the find and clear its marks", show=False,
                id="find.close"),
    ]

    @dataclass
    class Changed(Message):
        """The text to find changed (every keystroke)."""

        text: str

    class Done(Message):
        """Enter: keep the matches marked and go back to reading."""

    class Closed(Message):
        """Escape: the find is over; its marks go."""

    def compose(self) -> ComposeResult:
        yield Static("Find:", id="find-label", markup=False)
        yield Input(placeholder="a word of the article", id="find-input", select_on_focus=True)
        yield Static("", id="find-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    def open(self, text: str) -> None:
        self.display = True
        with self.input.prevent(Input.Changed):
            self.input.value = text
        self.input.focus()

    def close(self) -> None:
        self.display = False

    def set_count(self, line: str) -> None:
        self.query_one("#find-count", Static).update(line)

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_close(self) -> None:
        self.post_message(self.Closed())
