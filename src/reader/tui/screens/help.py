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
            text.append(binding.description)
            if binding.id:
                text.append(f"  {binding.id}", style="dim")  # what keymap.toml names
            text.append("\n")
        text.append("\n")
    return text


FILTER_LANGUAGE = (
    ("hanoi, Hà Nội", "a place or person, any accents or case"),
    ("police", "other words search titles, bodies, notes"),
    ("!word", "leave out articles with the word"),
    ("!hanoi, !ha noi", "leave out a place or person, every spelling"),
    ("'word", "only the whole word"),
    ("2025, 2025-07", "only that year or month"),
    ("2025-07..2025-09", "a period (also >2025-01-15, <2024)"),
    ("enter, tab", "pin the suggestion; chips combine (AND)"),
    ("backspace, click ×", "remove the last chip, or that chip"),
    ("← at the text's start", "select a chip: ←→, backspace, !, m"),
    ("ctrl+s, ctrl+r, F", "save the filter, recall a saved one"),
)
MARKS = (
    ("•", "unread"),
    ("+", "unread, new since the last start"),
    ("★", "bookmarked (★• bookmarked and unread)"),
    ("+2025 on a chip", "with the units merged into it in 2025"),
)


def reference_rows() -> Text:
    """What bindings cannot say: the filter language and the marks in the list."""
    text = Text()
    for title, rows in (("Filter language", FILTER_LANGUAGE), ("Marks", MARKS)):
        text.append(f"{title}\n", style="bold underline")
        for what, meaning in rows:
            text.append(f"  {what:<22}", style="bold")
            text.append(f"{meaning}\n")
        text.append("\n")
    text.append("Themes: ctrl+p, then 'theme'; the choice is kept.\n")
    text.append("Your own keys: keymap.toml in the config folder, by binding id "
                "(\"main.bookmark\" = \"ctrl+b\"); see the README.\n")
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
            yield Static(reference_rows(), markup=False)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Keys"
        self.query_one("#help").border_subtitle = "escape to close"
