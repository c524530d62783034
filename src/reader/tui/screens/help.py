"""The help screen, generated from the bindings the widgets declare, so it cannot drift."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(app_key_display: object, sections: list[tuple[str, list[BindingType]]]) -> Text:
    text = Text()
    for title, bindings in sections:
        text.append(f"{title}\n", style="bold underline")
        seen: set[str] = set()
        for binding in Binding.make_bindings(bindings):
            if binding.description in seen or not binding.description:
                continue
            seen.add(binding.description)
            keys = ", ".join(
                app_key_display(Binding(key.strip(), binding.action))  # type: ignore[operator]
                for key in _all_keys(bindings, binding.description)
            )
            text.append(f"  {keys:<22}", style="bold")
            text.append(f"{binding.description}\n")
        text.append("\n")
    return text


def _all_keys(bindings: list[BindingType], description: str) -> list[str]:
    return [b.key for b in Binding.make_bindings(bindings) if b.description == description]


class HelpScreen(ModalScreen[None]):
    """Every key of every part of the screen; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(binding_rows(self.app.get_key_display, self.sections), markup=False)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Keys"
        self.query_one("#help").border_subtitle = "escape to close"
