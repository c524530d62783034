"""The filter bar: typed text narrows live, suggestions of places and people can be pinned.

The bar only reports what the user asked for (`Changed`); the screen runs the search and
hands suggestions back with `set_suggestions`. Keys follow fzf and readline: enter or tab
pins the highlighted suggestion, backspace on an empty bar unpins the last chip, ctrl+u
clears and ctrl+w deletes a word.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.entities.recognise import PLACE
from reader.search import Chip, Suggestion
from reader.tui.display import shown

PLACEHOLDER = "Filter: places, people, words…"


@dataclass(slots=True, frozen=True)
class PinnedChip:
    chip: Chip
    label: str
    has_merged: bool


class FilterInput(Input):
    """An Input whose enter, tab, arrows and backspace serve the suggestion list first."""

    BINDINGS = [
        Binding("enter", "pin", "Pin suggestion", show=False),
        Binding("tab", "pin", "Pin suggestion", show=False),
        Binding("down", "move(1)", "Next suggestion", show=False),
        Binding("up", "move(-1)", "Previous suggestion", show=False),
        Binding("backspace", "backspace", "Delete left", show=False),
    ]

    class Pin(Message):
        """Enter or tab: pin the highlighted suggestion, or leave the bar if none is open."""

    @dataclass
    class Move(Message):
        step: int

    class PopChip(Message):
        """Backspace in an empty bar."""

    def action_pin(self) -> None:
        self.post_message(self.Pin())

    def action_move(self, step: int) -> None:
        self.post_message(self.Move(step))

    def action_delete_left_word(self) -> None:
        """ctrl+w: `!word` and `'word` are one word, so the sign goes with it."""
        super().action_delete_left_word()
        before = self.value[: self.cursor_position]
        if before.endswith(("!", "'")) and (len(before) == 1 or before[-2].isspace()):
            self.action_delete_left()

    def action_backspace(self) -> None:
        if not self.value:
            self.post_message(self.PopChip())
        else:
            self.action_delete_left()


class FilterBar(Vertical):
    """Chips and the query input on one line, suggestions below them."""

    BINDINGS = [
        Binding("escape", "leave", "Back to list", id="filter.leave"),
        Binding("ctrl+t", "toggle_merged", "Merged places on/off", id="filter.merged"),
    ]

    @dataclass
    class Changed(Message):
        chips: tuple[Chip, ...]
        text: str

    class Leave(Message):
        """The user is done filtering; focus goes back to the list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pinned: list[PinnedChip] = []
        self._suggestions: list[Suggestion] = []
        self._crosses: list[int] = []
        """The cell of each chip's × in the chips line, for clicks."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="filter-row"):
            yield Static("/", id="prompt")
            yield Static("", id="filter-chips", markup=False)
            yield FilterInput(placeholder=PLACEHOLDER, id="filter-input")
            yield Static("", id="count", markup=False)
        yield OptionList(id="suggestions")

    def on_mount(self) -> None:
        self.query_one("#suggestions", OptionList).display = False
        self.query_one("#filter-chips", Static).display = False

    # -- downward API ------------------------------------------------------------------------
    @property
    def input(self) -> FilterInput:
        return self.query_one(FilterInput)

    @property
    def chips(self) -> tuple[Chip, ...]:
        return tuple(p.chip for p in self.pinned)

    def set_count(self, text: str) -> None:
        self.query_one("#count", Static).update(Text(text))

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self._suggestions = suggestions
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        options.add_options([Option(_suggestion_text(s)) for s in suggestions])
        visible = bool(suggestions) and bool(self.input.value.strip()) and self.input.has_focus
        options.display = visible
        if suggestions:
            options.highlighted = 0

    def highlighted_suggestion(self) -> Suggestion | None:
        """The suggestion under the cursor while the drop-down is open."""
        options = self.query_one("#suggestions", OptionList)
        index = options.highlighted
        if options.display and index is not None and index < len(self._suggestions):
            return self._suggestions[index]
        return None

    def clear(self) -> None:
        """Empty the text first; a second call unpins every chip."""
        if self.input.value:
            self.input.value = ""
        elif self.pinned:
            self.pinned.clear()
            self._chips_changed()

    def pin(self, suggestion: Suggestion, has_merged: bool, exclude: bool = False) -> None:
        """Pin a name as a chip (`exclude`: leave out the articles naming it); the typed
        text that found it goes, and the same name is never pinned twice."""
        chip = Chip(suggestion.kind, suggestion.id, include_merged=True, exclude=exclude)
        if any(p.chip.id == chip.id and p.chip.kind == chip.kind for p in self.pinned):
            return
        self.pinned.append(PinnedChip(chip, suggestion.name, has_merged))
        self.input.value = ""
        self._chips_changed()

    def unpin(self, index: int = -1) -> None:
        if self.pinned:
            self.pinned.pop(index)
            self._chips_changed()

    # -- events ------------------------------------------------------------------------------
    def _chips_changed(self) -> None:
        chips = self.query_one("#filter-chips", Static)
        line = Text()
        self._crosses = []
        for pinned in self.pinned:
            label = ("not " if pinned.chip.exclude else "") + shown(pinned.label)
            if pinned.chip.kind == PLACE and pinned.has_merged:
                label += " +2025" if pinned.chip.include_merged else " (pre-2025)"
            line.append(f" {label} ", style="reverse")
            self._crosses.append(line.cell_len)
            line.append("×", style="reverse")
            line.append(" ")
        chips.update(line)
        chips.display = bool(self.pinned)
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.Changed(self.chips, self.input.value))

    @on(Input.Changed, "#filter-input")
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._announce()

    @on(FilterInput.Pin)
    def _pin_highlighted(self) -> None:
        options = self.query_one("#suggestions", OptionList)
        index = options.highlighted
        if options.display and index is not None and index < len(self._suggestions):
            suggestion = self._suggestions[index]
            self.post_message(self.PinRequested(suggestion))
        else:
            self.post_message(self.Leave())

    @dataclass
    class PinRequested(Message):
        """A suggestion was chosen; the screen knows whether it has merged units."""

        suggestion: Suggestion

    @on(FilterInput.Move)
    def _move(self, event: FilterInput.Move) -> None:
        options = self.query_one("#suggestions", OptionList)
        if options.display:
            if event.step > 0:
                options.action_cursor_down()
            else:
                options.action_cursor_up()

    @on(FilterInput.PopChip)
    def _pop(self) -> None:
        self.unpin()

    @on(OptionList.OptionSelected, "#suggestions")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._suggestions):
            self.post_message(self.PinRequested(self._suggestions[event.option_index]))

    def on_click(self, event: events.Click) -> None:
        """A click on a chip's × (or next to it) unpins that chip."""
        chips = self.query_one("#filter-chips", Static)
        if event.widget is not chips:
            return
        offset = event.get_content_offset(chips)
        if offset is None:
            return
        for index, cross in enumerate(self._crosses):
            if abs(offset.x - cross) <= 1:
                self.unpin(index)
                return

    def on_descendant_blur(self) -> None:
        self.query_one("#suggestions", OptionList).display = False

    def on_descendant_focus(self) -> None:
        if self.input.value.strip() and self._suggestions:
            self.query_one("#suggestions", OptionList).display = True

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def action_toggle_merged(self) -> None:
        for index in range(len(self.pinned) - 1, -1, -1):
            pinned = self.pinned[index]
            if pinned.chip.kind == PLACE and pinned.has_merged:
                chip = replace(pinned.chip, include_merged=not pinned.chip.include_merged)
                self.pinned[index] = PinnedChip(chip, pinned.label, pinned.has_merged)
                self._chips_changed()
                return
        self.notify("m turns the 2025 merger on or off for a pinned place that absorbed others "
                    "(Hồ Chí Minh, Đà Nẵng, …); none is pinned.", timeout=4)


def _suggestion_text(suggestion: Suggestion) -> Text:
    kind = "place " if suggestion.kind == PLACE else "person"
    text = Text()
    text.append("● " if suggestion.kind == PLACE else "◆ ")
    text.append(suggestion.name, style="bold")
    text.append(f"  {kind}  ", style="dim")
    text.append(f"{suggestion.count:>4}")
    if suggestion.note:
        text.append(f"  {suggestion.note}", style="italic dim")
    return text
