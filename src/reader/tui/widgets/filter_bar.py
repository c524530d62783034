"""The filter bar: typed text narrows live, suggestions of places and people can be pinned.

The bar only reports what the user asked for (`Changed`); the screen runs the search and
hands suggestions back with `set_suggestions`. Keys follow fzf and readline: enter or tab
pins the highlighted suggestion, backspace on an empty bar unpins the last chip, ctrl+u
clears and ctrl+w deletes a word. `left` at the start of the text (or shift+tab) walks into
the chips, where any one can be removed, excluded or have its 2025 merger turned. The
suggestions open over the lower half of the screen, so the rows being narrowed stay in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from reader import saved_filters
from reader.entities.recognise import PLACE
from reader.search import Chip, Suggestion
from reader.tui.display import shown
from reader.tui.redraw import OnePassStatic, SizedInOnePass
from reader.tui.screens.saved_filters import ask_and_save, choose_saved
from reader.tui.widgets.suggestion_list import SuggestionList

if TYPE_CHECKING:
    from reader.store import Store

PLACEHOLDER = "Filter: places, people, words…"
HINT = "enter pin · !name exclude · ↑↓ move"


@dataclass(slots=True, frozen=True)
class PinnedChip:
    chip: Chip
    label: str
    has_merged: bool


class FilterInput(Input, SizedInOnePass):
    """An Input whose enter, tab, arrows and backspace serve the suggestion list first.

    Sized in one pass: the Input sets its virtual size to its text's width at every change,
    and Textual's reactive for it laid out the whole screen each time (2-6 ms of every
    keystroke). The bar's size never depends on its text, the new text repaints it, and the
    Input scrolls to keep its cursor in view by itself (`watch_value` keeps the scroll in
    range)."""

    BINDINGS = [
        Binding("enter", "pin", "Pin suggestion", show=False, id="filter.pin"),
        Binding("tab", "pin", "Pin suggestion", show=False, id="filter.pin_tab"),
        Binding("down", "move(1)", "Next suggestion", show=False, id="filter.next"),
        Binding("up", "move(-1)", "Previous suggestion", show=False, id="filter.previous"),
        Binding("backspace", "backspace", "Delete left; in an empty bar the last chip",
                show=False, id="filter.backspace"),
        Binding("left", "left", "At the start of the text: select the last chip", show=False,
                id="filter.left"),
        Binding("shift+tab", "to_chips", "Select the last chip", show=False,
                id="filter.select_chip"),
    ]

    class Pin(Message):
        """Enter or tab: pin the highlighted suggestion, or leave the bar if none is open."""

    @dataclass
    class Move(Message):
        step: int

    class PopChip(Message):
        """Backspace in an empty bar."""

    @dataclass
    class ToChips(Message):
        """Left at the start of the text, or shift+tab: select the last chip."""

        from_tab: bool

    def watch_value(self) -> None:
        """Without the layout, a text cut to the right of the cursor (ctrl+k, delete) would
        leave the bar scrolled past its end: the layout is what kept it in range."""
        self.scroll_x = self.validate_scroll_x(self.scroll_x)

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

    def action_left(self) -> None:
        if self.cursor_position == 0 and not self.selected_text:
            self.post_message(self.ToChips(from_tab=False))
        else:
            self.action_cursor_left()

    def action_to_chips(self) -> None:
        self.post_message(self.ToChips(from_tab=True))


class ChipRow(Static, can_focus=True):
    """The pinned chips. Focused, one of them is selected and the bar's chip keys act on it;
    a typed character goes back to the text."""


class FilterBar(Vertical):
    """Chips and the query input on one line, suggestions over the lower half."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "chip_step(-1)", "Previous chip", id="filter.chip_previous"),
        Binding("right", "chip_step(1)", "Next chip / text", id="filter.chip_next"),
        Binding("backspace", "chip_remove(-1)", "Remove chip", id="filter.chip_remove"),
        Binding("delete", "chip_remove(0)", "Remove chip", show=False, id="filter.chip_delete"),
        Binding("exclamation_mark", "chip_exclude", "Include/exclude", id="filter.chip_exclude"),
        Binding("m", "chip_merged", "2025 merger", id="filter.chip_merged"),
        Binding("tab", "chip_step(99)", "Back to text", show=False, id="filter.chip_text"),
        Binding("escape", "leave", "Back to list", id="filter.leave"),
        Binding("ctrl+s", "save_filter", "Save filter", id="filter.save"),
        Binding("ctrl+r", "recall_filter", "Saved filters", id="filter.recall"),
        Binding("ctrl+t", "toggle_merged", "Merged places on/off", show=False,
                id="filter.merged"),
    ]
    CHIP_ACTIONS: ClassVar[set[str]] = {
        "chip_step", "chip_remove", "chip_exclude", "chip_merged"}
    """Actions of a selected chip: they apply only while the chips have the focus."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"filter-bar--selected"}

    selected: reactive[int | None] = reactive(None, init=False)
    """The chip the keys act on (None: the text has them)."""

    @dataclass
    class Changed(Message):
        chips: tuple[Chip, ...]
        text: str

    class Leave(Message):
        """The user is done filtering; focus goes back to the list."""

    @dataclass
    class Recalled(Message):
        """A saved filter was chosen; the screen names its chips from the store and hands
        it back with `apply_saved`."""

        saved: saved_filters.SavedFilter

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pinned: list[PinnedChip] = []
        self._suggestions: list[Suggestion] = []
        self._count_width = -1
        self._crosses: list[int] = []
        """The cell of each chip's × in the chips line, for clicks."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="filter-row"):
            yield Static("/", id="prompt")
            yield ChipRow("", id="filter-chips", markup=False)
            yield FilterInput(placeholder=PLACEHOLDER, id="filter-input")
            yield OnePassStatic("", id="count", markup=False)
        yield SuggestionList(id="suggestions")

    def on_mount(self) -> None:
        options = self.query_one("#suggestions", SuggestionList)
        options.display = False
        options.border_title = "suggestions"
        options.border_subtitle = HINT
        self.chip_row.display = False
        self.screen.screen_layout_refresh_signal.subscribe(self, self._layout_refreshed)

    # -- downward API ------------------------------------------------------------------------
    @property
    def input(self) -> FilterInput:
        return self.query_one(FilterInput)

    @property
    def chip_row(self) -> ChipRow:
        return self.query_one(ChipRow)

    @property
    def chips(self) -> tuple[Chip, ...]:
        return tuple(p.chip for p in self.pinned)

    def set_count(self, text: str) -> None:
        """Laid out again only when the count's width changes: a layout pass on every
        keystroke redrew the whole screen."""
        count = self.query_one("#count", Static)
        width = len(text)
        count.update(Text(text), layout=width != self._count_width)
        self._count_width = width

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        """The lines are built again only when what they show changed (the next letter of
        a name often leaves them alike), so the highlight the user moved to stays where it
        is."""
        shown_before = [_shown(s) for s in self._suggestions]
        self._suggestions = suggestions
        options = self.query_one("#suggestions", SuggestionList)
        if [_shown(s) for s in suggestions] != shown_before or not options.option_count:
            options.set_suggestions(suggestions)
        visible = bool(suggestions) and bool(self.input.value.strip()) and self.input.has_focus
        if options.display != visible:
            options.display = visible
        self._place_suggestions()

    def highlighted_suggestion(self) -> Suggestion | None:
        """The suggestion under the cursor while the drop-down is open."""
        options = self.query_one("#suggestions", SuggestionList)
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

    def apply_filter(self, chips: Sequence[PinnedChip], text: str) -> None:
        """Replace the chips and the text at once (a saved filter): one `Changed`."""
        self.pinned = list(chips)
        with self.prevent(Input.Changed):
            self.input.value = text
        self._chips_changed()

    def apply_saved(self, saved: saved_filters.SavedFilter, store: Store) -> None:
        """A saved filter, its chips named from `store`; chips it no longer knows are dropped
        and the user is told which."""
        recalled = saved_filters.recall(saved, store)
        self.apply_filter([PinnedChip(chip, name, merged)
                           for chip, name, merged in recalled.chips], recalled.text)
        if recalled.dropped:
            gone = ", ".join(shown(label) for label in recalled.dropped)
            self.notify(f"Not in the loaded names any more, left out: {gone}.",
                        severity="warning", timeout=6, markup=False)
        else:
            self.notify(f"Filter “{shown(saved.name)}”", timeout=2, markup=False)

    # -- chips -------------------------------------------------------------------------------
    def _chips_changed(self) -> None:
        if self.selected is not None and self.selected >= len(self.pinned):
            self.selected = len(self.pinned) - 1 if self.pinned else None
        self._draw_chips()
        self._announce()

    def _draw_chips(self) -> None:
        line = Text()
        self._crosses = []
        selected_style = self.get_component_rich_style("filter-bar--selected")
        for index, pinned in enumerate(self.pinned):
            style = selected_style if index == self.selected else "reverse"
            label = ("not " if pinned.chip.exclude else "") + shown(pinned.label)
            if pinned.chip.kind == PLACE and pinned.has_merged:
                label += " +2025" if pinned.chip.include_merged else " (pre-2025)"
            line.append(f" {label} ", style=style)
            self._crosses.append(line.cell_len)
            line.append("×", style=style)
            line.append(" ")
        self.chip_row.update(line)
        self.chip_row.display = bool(self.pinned)

    def watch_selected(self) -> None:
        self._draw_chips()

    @on(FilterInput.ToChips)
    def _to_chips(self, event: FilterInput.ToChips) -> None:
        if self.pinned:
            self.selected = len(self.pinned) - 1
            self.chip_row.focus()
        elif event.from_tab:
            self.screen.focus_previous()

    def _back_to_text(self, character: str = "") -> None:
        """Leave the chips for the start of the text (where `left` came from), typing
        `character` there; the text is not selected as a plain focus would."""
        self.selected = None
        field = self.input
        field.select_on_focus = False
        field.focus()

        def settle() -> None:
            field.select_on_focus = True
            field.cursor_position = 0
            if character:
                field.insert_text_at_cursor(character)

        self.call_after_refresh(settle)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.CHIP_ACTIONS:
            return self.chip_row.has_focus and self.selected is not None
        return True

    def action_chip_step(self, step: int) -> None:
        assert self.selected is not None
        target = self.selected + step
        if target >= len(self.pinned):
            self._back_to_text()
        else:
            self.selected = max(0, target)

    def action_chip_remove(self, step: int) -> None:
        """Backspace selects the chip before the removed one, delete the one after."""
        assert self.selected is not None
        index = self.selected
        self.pinned.pop(index)
        if not self.pinned:
            self._back_to_text()
        else:
            self.selected = min(max(0, index + step), len(self.pinned) - 1)
        self._chips_changed()

    def action_chip_exclude(self) -> None:
        assert self.selected is not None
        pinned = self.pinned[self.selected]
        chip = replace(pinned.chip, exclude=not pinned.chip.exclude)
        self.pinned[self.selected] = replace(pinned, chip=chip)
        self._chips_changed()

    def action_chip_merged(self) -> None:
        assert self.selected is not None
        pinned = self.pinned[self.selected]
        if pinned.chip.kind != PLACE or not pinned.has_merged:
            self.notify(f"{shown(pinned.label)} absorbed no other place in 2025; m applies to "
                        "places that did (Hồ Chí Minh, Đà Nẵng, …).", timeout=4, markup=False)
            return
        chip = replace(pinned.chip, include_merged=not pinned.chip.include_merged)
        self.pinned[self.selected] = replace(pinned, chip=chip)
        self._chips_changed()

    def on_key(self, event: events.Key) -> None:
        """A character typed while a chip is selected goes to the text (`!` and `m` are the
        chip's own keys)."""
        if self.chip_row.has_focus and event.is_printable and event.character not in {"!", "m"}:
            event.stop()
            event.prevent_default()
            self._back_to_text(event.character or "")

    # -- events ------------------------------------------------------------------------------
    def _announce(self) -> None:
        self.post_message(self.Changed(self.chips, self.input.value))

    @on(Input.Changed, "#filter-input")
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._announce()

    @on(FilterInput.Pin)
    def _pin_highlighted(self) -> None:
        options = self.query_one("#suggestions", SuggestionList)
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
        options = self.query_one("#suggestions", SuggestionList)
        if options.display:
            options.move(event.step)

    @on(FilterInput.PopChip)
    def _pop(self) -> None:
        self.unpin()

    @on(SuggestionList.Picked, "#suggestions")
    def _clicked(self, event: SuggestionList.Picked) -> None:
        event.stop()
        if event.index < len(self._suggestions):
            self.post_message(self.PinRequested(self._suggestions[event.index]))

    def on_click(self, event: events.Click) -> None:
        """A click on a chip's × (or next to it) unpins that chip; on its name, selects it."""
        chips = self.chip_row
        if event.widget is not chips:
            return
        offset = event.get_content_offset(chips)
        if offset is None:
            return
        for index, cross in enumerate(self._crosses):
            if abs(offset.x - cross) <= 1:
                self.unpin(index)
                return
            if offset.x < cross:
                self.selected = index
                return

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.chip_row and self.selected is None and self.pinned:
            self.selected = len(self.pinned) - 1
        if self.input.has_focus and self.input.value.strip() and self._suggestions:
            self.query_one("#suggestions", SuggestionList).display = True
            self._place_suggestions()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.query_one("#suggestions", SuggestionList).display = False
        if event.widget is self.chip_row:
            self.selected = None


    # -- where the suggestions go ------------------------------------------------------------
    def _layout_refreshed(self, screen: object) -> None:
        self._place_suggestions()

    def _place_suggestions(self) -> None:
        """Over the lower half, its foot one row above the footer (on the panes' bottom
        border): the top rows of the list, the ones being narrowed, stay in view (fzf keeps
        its results visible). At most half the screen high; the options scroll within it
        when more do not fit."""
        options = self.query_one("#suggestions", SuggestionList)
        if not options.display or not self.is_mounted:
            return
        screen_height = self.screen.size.height
        natural_top = self.query_one("#filter-row").region.bottom
        room = max(3, screen_height // 2 - 1)
        height = min(len(self._suggestions) + 2, room)
        top = max(natural_top, screen_height - 2 - height)
        if options.styles.height is None or options.styles.height.value != height:
            options.styles.height = height
        if options.styles.offset.y.value != top - natural_top:
            options.styles.offset = (0, top - natural_top)

    # -- saved filters -----------------------------------------------------------------------
    def action_save_filter(self) -> None:
        """Name the current chips and text (a small dialog) and keep them for later."""
        text = self.input.value
        if not self.pinned and not text.strip():
            self.notify("Nothing to save: pin a name or type a filter first.", timeout=3)
            return
        ask_and_save(self, [saved_filters.SavedChip(p.chip, p.label) for p in self.pinned], text)

    def action_recall_filter(self) -> None:
        """Choose a saved filter from a list; the screen applies it (`Recalled`)."""
        choose_saved(self, lambda saved: self.post_message(self.Recalled(saved)))

    # -- the rest ----------------------------------------------------------------------------
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


def _shown(suggestion: Suggestion) -> tuple[str, str, str, int, str]:
    """What a suggestion's line shows (its score does not show)."""
    return suggestion.kind, suggestion.id, suggestion.name, suggestion.count, suggestion.note
