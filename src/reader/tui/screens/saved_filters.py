"""Dialogs for saved filters: name the current one, and choose or delete one from a list.

The list deletes at once (d or delete) and says so: a saved filter is quick to make again,
so no confirmation stands in the way. Names and filter text come from the user's file and
are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader import saved_filters
from reader.saved_filters import SavedChip, SavedFilter
from reader.tui.display import shown


def ask_and_save(owner: Widget, chips: Sequence[SavedChip], text: str) -> None:
    """Ask for a name (the default says what the filter is) and save; what happened, or
    why it could not, is told in a notification."""
    default = saved_filters.default_name(
        [("not " if c.chip.exclude else "") + shown(c.label) for c in chips], text)

    def save(name: str | None) -> None:
        if name is None:
            return
        saved = SavedFilter(name.strip() or default, tuple(chips), text)
        try:
            replaced, warnings = saved_filters.save(saved)
        except saved_filters.SavedFiltersError as error:
            owner.notify(str(error), severity="error", timeout=8, markup=False)
            return
        for warning in warnings:
            owner.notify(warning, severity="warning", timeout=12, markup=False)
        verb = "Replaced" if replaced else "Saved"
        owner.notify(f"{verb} filter “{shown(saved.name)}”; ctrl+r recalls it.", timeout=3,
                     markup=False)

    owner.app.push_screen(SaveFilterScreen(default), save)


def choose_saved(owner: Widget, chosen: Callable[[SavedFilter], object]) -> None:
    """List the saved filters and hand the one chosen to `chosen`; a damaged file is
    reported and the list starts empty."""
    filters, warnings = saved_filters.load()
    for warning in warnings:
        owner.notify(warning, severity="warning", timeout=12, markup=False)
    if not filters:
        owner.notify("No saved filters yet: ctrl+s in the filter bar saves the chips and text "
                     "in it.", timeout=4)
        return

    def done(saved: SavedFilter | None) -> None:
        if saved is not None:
            chosen(saved)

    owner.app.push_screen(SavedFiltersScreen(filters), done)


class SaveFilterScreen(ModalScreen[str | None]):
    """One line for the name; enter saves (an empty name keeps the default), escape
    cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="saved_filters.cancel_save")]

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="save-filter-box", classes="saved-filters-dialog"):
            yield Static(Text("Enter saves under this name; a name in use is replaced."),
                         id="save-filter-help")
            yield Input(self.default, placeholder=self.default, id="save-filter-name",
                        max_length=80)

    def on_mount(self) -> None:
        self.query_one("#save-filter-box").border_title = "Save filter"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or self.default)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SavedFiltersScreen(ModalScreen[SavedFilter | None]):
    """The saved filters by name, with what each filters on; enter applies one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="saved_filters.close"),
        Binding("d,delete", "delete", "Delete", id="saved_filters.delete"),
    ]

    def __init__(self, filters: list[SavedFilter]) -> None:
        super().__init__()
        self.filters = list(filters)

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-filters-box", classes="saved-filters-dialog"):
            yield OptionList(id="saved-filters-list")

    def on_mount(self) -> None:
        box = self.query_one("#saved-filters-box")
        box.border_title = "Saved filters"
        box.border_subtitle = "enter apply · d delete · esc close"
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, highlighted: int = 0) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        width = max((len(shown(f.name)) for f in self.filters), default=0)
        options.add_options([Option(_line(f, width)) for f in self.filters])
        if self.filters:
            options.highlighted = min(highlighted, len(self.filters) - 1)

    @on(OptionList.OptionSelected)
    def _apply(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.filters[event.option_index])

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or index >= len(self.filters):
            return
        name = self.filters[index].name
        try:
            self.filters, warnings = saved_filters.delete(name)
        except saved_filters.SavedFiltersError as error:
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        for warning in warnings:
            self.notify(warning, severity="warning", timeout=12, markup=False)
        self.notify(f"Deleted saved filter “{shown(name)}”.", timeout=3, markup=False)
        if not self.filters:
            self.dismiss(None)
            return
        self._fill(index)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _line(saved: SavedFilter, width: int) -> Text:
    name = shown(saved.name)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(name.ljust(width), style="bold")
    text.append("  ")
    text.append(shown(saved.summary()) or "(nothing)", style="dim")
    return text
