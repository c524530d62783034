"""The article's paragraphs, drawn one screen line at a time.

A paragraph per `Static` cost a widget, a layout and a full re-render per paragraph: a 1 MB
article (3,600 paragraphs) took seconds to show and every keystroke in the filter bar
restyled all of them. Here the article is one widget: its height comes from a cheap word
wrap of every paragraph (the same breaks Textual's own wrapping makes), and only the lines
on screen are styled and rendered, so a change of highlights costs a screenful.

Text is put into `rich.text.Text` as plain strings and styled by offsets: markup in an
article is shown as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

from reader.tui.redraw import SizedInOnePass

Mark = tuple[int, int, str]
"""(start, end, style name) of a highlight, as offsets in its paragraph."""

_WORD = re.compile(r"\s*\S+\s*")


def line_starts(paragraph: str, width: int) -> list[int]:
    """Where each screen line of the paragraph starts, wrapped at `width` cells as Textual
    wraps a `Static`: at word boundaries, words wider than the line folded, and a line
    break kept. Written for speed (the whole article is wrapped when it is shown): ASCII
    words are measured by length, and a word too wide for a line hands the paragraph to
    Rich's own `divide_line`, which folds it."""
    width = max(1, width)
    starts: list[int] = []
    offset = 0
    for segment in paragraph.split("\n"):
        starts.append(offset)
        if len(segment) > width or not segment.isascii():
            starts.extend(offset + cut for cut in _breaks(segment, width))
        offset += len(segment) + 1
    return starts


def _breaks(text: str, width: int) -> list[int]:
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            length = len(word.rstrip())
            full = len(word)
        else:
            length = cell_len(word.rstrip())
            full = cell_len(word)
        if width - used >= length:
            used += full
        elif length > width:
            return divide_line(text, width)
        elif used and match.start():
            breaks.append(match.start())
            used = full
    return breaks


class ArticleBody(SizedInOnePass):
    """Paragraphs separated by a blank line; `styler` turns a line's text and marks into
    styled text (the pane owns the highlights and the theme's styles for them)."""

    DEFAULT_CSS = """
    ArticleBody {
        height: auto;
    }
    """

    def __init__(self, styler: Callable[[str, Sequence[Mark]], Text],
                 marks_of: Callable[[int], Sequence[Mark]], *, id: str | None = None) -> None:
        """`marks_of(paragraph)` is asked only for the paragraphs of the lines drawn."""
        super().__init__(id=id)
        self.styler = styler
        self.marks_of = marks_of
        self.paragraphs: list[str] = []
        self._layout_width = -1
        self._starts: list[list[int]] = []
        """Per paragraph, the offset each screen line starts at."""
        self._tops: list[int] = [0]
        """The y of each paragraph's first line; the last entry is the height."""
        self.rendered_lines = 0
        """Lines styled and rendered since the article was set (what tests count)."""

    # -- content -----------------------------------------------------------------------------
    def set_paragraphs(self, paragraphs: list[str]) -> None:
        """A new article: its layout is computed at the next width asked for."""
        # A tab would be expanded to several cells; cleaned text has none, and a space keeps
        # every offset where it was.
        self.paragraphs = [p.replace("\t", " ") if "\t" in p else p for p in paragraphs]
        self._layout_width = -1
        self.rendered_lines = 0
        self.refresh(layout=True)

    def restyle(self) -> None:
        """Other highlights or another theme on the same text: no layout, and only the
        lines on screen are drawn again."""
        self.refresh()

    # -- layout --------------------------------------------------------------------------------
    def _layout(self, width: int) -> None:
        if width == self._layout_width:
            return
        self._layout_width = width
        self._starts = [line_starts(p, width) for p in self.paragraphs]
        tops = [0]
        top = 0
        for starts in self._starts:
            top += len(starts) + 1  # the blank line after each paragraph
            tops.append(top)
        self._tops = tops

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._layout(width)
        return self._tops[-1]

    def _width(self) -> int:
        """The width laid out for, or -1 before the first layout."""
        return self.size.width or self._layout_width

    def line_of(self, paragraph: int, offset: int) -> int:
        """The y, in this widget, of the screen line holding that character."""
        width = self._width()
        if width <= 0:
            return 0
        self._layout(width)
        if not 0 <= paragraph < len(self._starts):
            return 0
        starts = self._starts[paragraph]
        return self._tops[paragraph] + max(0, bisect.bisect_right(starts, offset) - 1)

    def paragraph_at(self, y: int) -> int:
        """The paragraph drawn on line y (or the one before the blank line at y)."""
        return max(0, bisect.bisect_right(self._tops, y) - 1)

    def line_text(self, y: int) -> str:
        """The plain text drawn on line y, without its styles."""
        found = self._locate(y)
        if found is None:
            return ""
        index, start, end = found
        return self.paragraphs[index][start:end].rstrip()

    def _locate(self, y: int) -> tuple[int, int, int] | None:
        width = self._width()
        if width <= 0:
            return None
        self._layout(width)
        if not 0 <= y < self._tops[-1]:
            return None
        index = self.paragraph_at(y)
        line = y - self._tops[index]
        starts = self._starts[index]
        if line >= len(starts):
            return None  # the blank line after the paragraph
        paragraph = self.paragraphs[index]
        end = starts[line + 1] if line + 1 < len(starts) else len(paragraph)
        if end > starts[line] and paragraph[end - 1:end] == "\n":
            end -= 1
        return index, starts[line], end

    # -- drawing -------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        style = self.visual_style
        rich_style = style.rich_style
        found = self._locate(y)
        if found is None or width <= 0:
            return Strip.blank(width, rich_style).apply_offsets(0, y)
        index, start, end = found
        marks = [(max(s, start) - start, min(e, end) - start, name)
                 for s, e, name in self.marks_of(index) if s < end and e > start]
        text = self.styler(self.paragraphs[index][start:end].rstrip(), marks)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(y)) is not None:
            text.stylize(self.screen.get_component_rich_style("screen--selection"), span[0],
                         len(text) if span[1] == -1 else span[1])
        self.rendered_lines += 1
        strips = Visual.to_strips(self, Content.from_rich_text(text), width, 1, style, pad=True,
                                  apply_selection=False)
        strip = strips[0] if strips else Strip.blank(width, rich_style)
        return strip.apply_offsets(0, y)

    # -- selecting with the mouse --------------------------------------------------------------
    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection, line by line as drawn (what ctrl+c copies).
        Each drawn line carries its line and column (`apply_offsets`), as Textual's Log does."""
        self._layout(self._width())
        lines = [self.line_text(y) for y in range(self._tops[-1])]
        return selection.extract("\n".join(lines)), "\n"
