"""The facet pane: the places and people of the current result, busiest first.

It only shows what the screen hands it (`show`) and reports what the user chose: `Pin`
(enter, or `!` to exclude) and `OpenCard` (e). The counts are of the current result, so the
screen refreshes it on every filter change while it is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.analysis.facets import FacetCount, group_places
from reader.store import Store

GROUPINGS = ("none", "unit", "region")
GROUPING_LABELS = {"none": "places", "unit": "places by 2025 unit", "region": "places by region"}


def _row(name: str, count: int, indent: int = 0, style: str = "") -> Table:
    """Name left, count right, whatever the pane's width: a two-column grid per row."""
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(" " * indent + name, style=style), Text(f"{count:,}", style=style))
    return grid


class FacetPane(Vertical, can_focus=False):
    """Facet counts as a list the user moves in; headers are not selectable."""

    BINDINGS = [
        Binding("enter", "pin", "Pin", id="facets.pin"),
        Binding("exclamation_mark", "exclude", "Exclude", id="facets.exclude"),
        Binding("e", "card", "Card", id="facets.card"),
        Binding("o", "cycle_grouping", "Group places", id="facets.group"),
    ]

    grouping: reactive[str] = reactive("none")

    @dataclass
    class Pin(Message):
        kind: str
        id: str
        name: str
        exclude: bool = False

    @dataclass
    class OpenCard(Message):
        kind: str
        id: str

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self._rows: dict[str, FacetCount] = {}
        self._last: tuple[int, Sequence[FacetCount], Sequence[FacetCount]] = (0, (), ())

    def compose(self) -> ComposeResult:
        yield OptionList(id="facet-options")

    @property
    def options(self) -> OptionList:
        return self.query_one("#facet-options", OptionList)

    def focus(self, scroll_visible: bool = True) -> FacetPane:
        self.options.focus(scroll_visible)
        return self

    # -- downward API --------------------------------------------------------------------
    def show(self, total: int, places: Sequence[FacetCount], people: Sequence[FacetCount]) -> None:
        """The counts of a result of `total` articles; keeps the highlighted entity if it is
        still there, so the cursor does not jump while the user types."""
        self._last = (total, places, people)
        options = self.options
        current = options.highlighted_option.id if options.highlighted_option else None
        self._rows = {}
        items: list[Option | None] = []

        def entity(row: FacetCount, indent: int) -> Option:
            key = f"{row.kind}:{row.id}"
            self._rows[key] = row
            return Option(_row(row.name, row.count, indent), id=key)

        items.append(Option(Text(GROUPING_LABELS[self.grouping].capitalize(), style="bold"),
                            disabled=True))
        if self.grouping == "none":
            items.extend(entity(row, 1) for row in places)
        else:
            for group in group_places(places, self.store, self.grouping):
                items.append(Option(_row(group.name, group.count, 1, "bold"), disabled=True))
                items.extend(entity(row, 3) for row in group.members)
        if not places:
            items.append(Option(Text("  none", style="italic"), disabled=True))
        items.append(Option(Text("People", style="bold"), disabled=True))
        items.extend(entity(row, 1) for row in people)
        if not people:
            items.append(Option(Text("  none", style="italic"), disabled=True))
        options.clear_options()
        options.add_options(items)
        self.border_title = f"Facets ({total:,} articles)"
        self.border_subtitle = "enter pin · ! exclude · e card"
        if current in self._rows:
            options.highlighted = options.get_option_index(current)
        elif self._rows:
            options.highlighted = options.get_option_index(next(iter(self._rows)))

    @property
    def current(self) -> FacetCount | None:
        option = self.options.highlighted_option
        return self._rows.get(option.id) if option is not None and option.id else None

    # -- events and actions ----------------------------------------------------------------
    def watch_grouping(self) -> None:
        if self.is_mounted:
            self.show(*self._last)

    def action_cycle_grouping(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]

    def _post_pin(self, exclude: bool) -> None:
        row = self.current
        if row is None:
            self.notify("Move to a place or a person first.", timeout=2)
            return
        self.post_message(self.Pin(row.kind, row.id, row.name, exclude))

    def action_pin(self) -> None:
        self._post_pin(False)

    def action_exclude(self) -> None:
        self._post_pin(True)

    def action_card(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.OpenCard(row.kind, row.id))

    @on(OptionList.OptionSelected, "#facet-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._post_pin(False)

