"""The top of the list as the last start left it, drawn while this start builds the store.

Read-only: no cursor, no keys. It draws the rows the way the article list does (marks,
date, title, source when it fits) so that the hand-over to the real list barely shows.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from reader.tui.display import blended_style, shown
from reader.tui.first_screen import PreviewRow

_MARKS = frozenset("★•+ ")
"""The only characters a saved row's marks may draw."""


class TitlePreview(Widget):
    COMPONENT_CLASSES = {"title-preview--date", "title-preview--mark", "title-preview--source"}

    def __init__(self, rows: tuple[PreviewRow, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.rich_style
        if y >= len(self.rows):
            return Strip.blank(width, style)
        row = self.rows[y]
        date = row.date or "—".ljust(10)
        source = f" {shown(row.source)}" if row.source and width >= 70 else ""
        marks = "".join(m if m in _MARKS else " " for m in row.marks[:2]).ljust(2) + " "
        title_width = max(1, width - 1 - len(marks) - 12 - cell_len(source))
        title = shown(row.title)
        if cell_len(title) > title_width:
            title = set_cell_size(title, title_width - 1) + "…"
        else:
            title = set_cell_size(title, title_width)
        part = self._component_style
        return Strip([
            Segment(" ", style),
            Segment(marks, style + part("title-preview--mark")),
            Segment(shown(date) + "  ", style + part("title-preview--date")),
            Segment(title, style),
            Segment(source, style + part("title-preview--source")),
        ]).adjust_cell_length(width, style)

    def _component_style(self, name: str) -> Style:
        return blended_style(self, name)
