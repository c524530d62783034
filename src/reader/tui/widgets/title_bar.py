"""The title bar, redrawn in place.

The counts in the title ("812 unread · 3 new") change with every keystroke in the filter
bar. Textual's Header redraws its title with a layout of the whole screen, though the title
has the bar's full width whatever it says; this one redraws the title's line alone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle


class TitleBar(Header):
    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield _Title()
        yield HeaderClockSpace()

    def show_now(self) -> None:
        """Draw the screen's title as it is now. A Header hears of a new subtitle through
        its message queue, which the screen often paints before: the counts then came a
        frame (20-30 ms at 100,000 articles) after the list they count."""
        self.query_one(_Title).update(self.format_title())


class _Title(HeaderTitle):
    """Always the bar's width (100 %), so a new title never moves anything."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)
