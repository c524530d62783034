"""The drop-down of suggested places and people under the filter bar.

It changes on nearly every keystroke, so it is drawn line by line from strips kept for its
few lines, and new suggestions never lay the screen out: only a new height does (the bar
sets it). Textual's OptionList asked for a layout on every new set of options, and once more
from inside its own drawing when it first showed, a whole-screen layout and a second frame
per keystroke at 100,000 articles. The input keeps the focus: the bar moves the highlight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from reader.entities.recognise import PLACE
from reader.search import Suggestion
from reader.tui.display import shown
from reader.tui.redraw import SizedInOnePass

NAME_WIDTH = 26
"""The widest name column; longer names are cut with an ellipsis."""


class SuggestionList(SizedInOnePass):
    """Lines of suggestions, one highlighted; a click picks one (`Picked`)."""

    COMPONENT_CLASSES = {"suggestion-list--highlighted", "suggestion-list--hover"}

    @dataclass
    class Picked(Message):
        """A suggestion was clicked."""

        suggestion_list: SuggestionList
        index: int

        @property
        def control(self) -> SuggestionList:
            return self.suggestion_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Text] = []
        self.highlighted: int | None = None
        self._hover: int | None = None
        self._top = 0
        """The first line shown, when fewer fit than there are (a very short terminal)."""
        self._strips: dict[tuple[int, int, bool, bool], Strip] = {}
        self._look: tuple[object, ...] = ()

    @property
    def option_count(self) -> int:
        return len(self._lines)

    @property
    def plain_lines(self) -> list[str]:
        """The lines as shown, without their styles."""
        return [line.plain for line in self._lines]

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        """New lines, the first highlighted; drawn again in place."""
        self._lines = suggestion_lines(suggestions)
        self._strips.clear()
        self._hover = None
        self._top = 0
        self.highlighted = 0 if self._lines else None
        self.refresh()

    def move(self, step: int) -> None:
        """The highlight one line down (or up), stopping at either end."""
        if not self._lines:
            return
        current = self.highlighted if self.highlighted is not None else -step
        self.highlighted = max(0, min(len(self._lines) - 1, current + step))
        height = self.content_region.height
        if height:
            self._top = min(self.highlighted, max(self._top, self.highlighted - height + 1))
        self.refresh()

    # -- size --------------------------------------------------------------------------------
    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_len for line in self._lines), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    # -- drawing -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base = self.rich_style
        index = y + self._top
        if index >= len(self._lines):
            return Strip.blank(width, base)
        look = (base, self.app.theme)
        if look != self._look:
            self._look = look
            self._strips.clear()
        key = (index, width, index == self.highlighted, index == self._hover)
        strip = self._strips.get(key)
        if strip is None:
            # The highlight's colours have alpha: the visual style blends them over the
            # backgrounds below, as OptionList did.
            style = base
            if key[2]:
                style = self.get_visual_style("suggestion-list--highlighted").rich_style
            elif key[3]:
                style = self.get_visual_style("suggestion-list--hover").rich_style
            strip = self._strips[key] = _line_strip(self._lines[index], width, style, self.app.console)
        return strip

    # -- mouse -------------------------------------------------------------------------------
    def _line_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = offset.y + self._top
        return index if 0 <= index < len(self._lines) else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._line_at(event)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._line_at(event)
        if index is not None:
            event.stop()
            self.highlighted = index
            self.refresh()
            self.post_message(self.Picked(self, index))


def _line_strip(line: Text, width: int, style: Style, console: Console) -> Strip:
    """A line in the widget's style, cut with an ellipsis or padded to the width."""
    fitted = line.copy()
    fitted.truncate(width, overflow="ellipsis", pad=True)
    return Strip(Segment.apply_style(fitted.render(console, end=""), style), width)


def suggestion_lines(suggestions: Sequence[Suggestion]) -> list[Text]:
    """One line per suggestion in aligned columns: mark and name (padded), kind, count
    (right-aligned), note. Names and notes come from the user's files: cleaned, never
    markup."""
    names = [shown(s.name) for s in suggestions]
    name_width = min(NAME_WIDTH, max((cell_len(n) for n in names), default=0))
    count_width = max((len(f"{s.count:,}") for s in suggestions), default=1)
    lines = []
    for suggestion, name in zip(suggestions, names, strict=True):
        if cell_len(name) > name_width:
            name = name[:name_width - 1] + "…"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("● " if suggestion.kind == PLACE else "◆ ")
        text.append(name, style="bold")
        text.append(" " * (name_width - cell_len(name)))
        text.append("  place " if suggestion.kind == PLACE else "  person", style="dim")
        text.append(f"  {suggestion.count:>{count_width},}")
        if suggestion.note:
            text.append(f"  {shown(suggestion.note)}", style="italic dim")
        lines.append(text)
    return lines
