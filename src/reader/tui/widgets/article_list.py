"""The article list: one line per article, drawn on demand from the store's result array.

It renders only the rows on screen (Line API), so 100,000 articles cost the same to show as
five, and a new filter result is swapped in without building a widget per row.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from reader.ingest.article import Article
from reader.store import Store
from reader.tui.display import blended_style, shown
from reader.tui.scrollbar_thumb import thumb


class ArticleList(ScrollView, can_focus=True):
    """Articles of the current filter; the cursor follows its article across list changes."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--date",
        "article-list--unread",
        "article-list--read",
        "article-list--mark",
        "article-list--missing",
        "article-list--empty",
        "article-list--source",
    }
    BINDINGS = [
        Binding("j,down", "cursor_down", "Next", show=False, id="list.next"),
        Binding("k,up", "cursor_up", "Previous", show=False, id="list.previous"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("pagedown,ctrl+f", "page_down_rows", "Page down", show=False),
        Binding("pageup,ctrl+b", "page_up_rows", "Page up", show=False),
        Binding("enter", "select", "Read", id="list.read"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """The row under the cursor; its watcher redraws the two rows it changes, not the list."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another article (or to none, when the list is empty)."""

        article_id: str | None
        by_user: bool = False
        """A key or click moved it there, rather than a new filter result or a reload: only
        an article the user went to counts as opened (and, after a moment, read)."""

    @dataclass
    class Selected(Message):
        """The user asked to read the article under the cursor."""

        article_id: str

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.rows: Sequence[int] = []
        self.bookmarked: frozenset[str] = frozenset()
        self.read: frozenset[str] = frozenset()
        self.empty_message = "No articles."
        self.empty_hint = ""
        self._announced: str | None = ""
        self._keep: str | None = None
        self._by_user = False
        self._strips: dict[tuple[int, int, bool, bool, str], Strip] = {}
        """Rows drawn, by article position, width, look and marks (see `render_line`)."""
        self._styles: dict[tuple[bool, bool], tuple[Style, Style, Style, Style]] = {}
        self._look: tuple[object, ...] = ()
        self._base: Style | None = None
        self._sized: tuple[Size, Size] | None = None
        self._bar_changing = False
        self.new: frozenset[str] = frozenset()
        """Articles the last start did not have (marked `+` while unread)."""
        """The article to keep under the cursor across a store swap (positions change)."""

    # -- data --------------------------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        if not self.rows:
            return None
        return self.store.articles[self.rows[min(self.cursor, len(self.rows) - 1)]].id

    def set_rows(self, rows: Sequence[int]) -> None:
        """Swap in a new result; keep the cursor on its article if it is still listed."""
        keep = self._keep if self._keep is not None else self.current_id
        self._keep = None
        old_cursor = self.cursor
        shown_before = self._shown_rows()
        self.rows = rows
        self._size_to_rows(len(rows))
        position = None
        index = self.store.by_id.get(keep) if keep is not None else None
        if index is not None:
            try:
                position = rows.index(index)
            except ValueError:
                position = None
        if position is None:
            position = min(old_cursor, max(0, len(rows) - 1))
        self.cursor = position
        self._refresh_changed_rows(shown_before)

    def _shown_rows(self) -> tuple[int, list[int]]:
        """The scroll offset and the articles on the rows in view."""
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        return top, [self.rows[row] for row in range(top, min(top + height, len(self.rows)))]

    def _refresh_changed_rows(self, before: tuple[int, list[int]]) -> None:
        """Draw again only the rows whose article changed: the next letter of a word often
        leaves the newest articles on top, and Textual keeps the lines not refreshed (a
        whole refresh was most of a keystroke's frame at 100,000 articles). The cursor's
        rows are refreshed by its watcher."""
        after = self._shown_rows()
        if before[0] != after[0] or not before[1] or not after[1]:
            self.refresh()
            return
        top, old, new = after[0], before[1], after[1]
        for line in range(max(len(old), len(new))):
            if line >= len(old) or line >= len(new) or old[line] != new[line]:
                self.refresh_line(top + line)

    def _size_to_rows(self, count: int) -> None:
        """The virtual height follows the rows. Setting it lays the whole screen out, which
        only the scrollbar's coming or going needs: otherwise it is set quietly, and the bar
        is drawn again only if its thumb moved (at 100,000 rows most filters leave it as it
        was). Either way the bar is drawn with the rows: after a layout Textual would update
        it and draw it in a frame of its own, 20-30 ms later at 100,000 articles."""
        size = Size(self.size.width, count)
        height = self.container_size.height
        if not height or (count > height) != self.show_vertical_scrollbar:
            self._bar_changing = True
            self.virtual_size = size
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.window_virtual_size = count
            return
        self.set_reactive(ScrollView.virtual_size, size)
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            before = thumb(bar)
            bar.set_reactive(ScrollBar.window_virtual_size, count)
            if thumb(bar) != before:
                bar.refresh()

    def replace_store(self, store: Store) -> None:
        """A reloaded store: the rows are positions of the old one, so they are dropped until
        the next `set_rows`, which puts the cursor back on the same article if it is there."""
        self._keep = self.current_id
        self.store = store
        self.rows = []
        self._strips.clear()

    def set_new(self, new: frozenset[str]) -> None:
        self.new = new
        self.refresh()

    def set_marks(self, bookmarked: frozenset[str], read: frozenset[str]) -> None:
        self.bookmarked, self.read = bookmarked, read
        self.refresh()

    # -- cursor ------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if old != new:
            self.refresh_line(old)
            self.refresh_line(new)
        if self.rows:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        current = self.current_id
        if current != self._announced:
            self._announced = current
            self.post_message(self.Highlighted(current, self._by_user))

    def move_to(self, row: int) -> None:
        """Move the cursor as the user asked (a key, a click, J/K from the article)."""
        self._by_user = True
        try:
            self.cursor = row
        finally:
            self._by_user = False

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1)

    def action_page_down_rows(self) -> None:
        self.move_to(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up_rows(self) -> None:
        self.move_to(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_select(self) -> None:
        current = self.current_id
        if current is not None:
            self.post_message(self.Selected(current))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.rows):
            if row == self.cursor and event.chain > 1:
                self.action_select()
            self.move_to(row)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        # Textual hands a line widget its content region as the virtual size, which never
        # equals the rows' count, so every layout of the screen (every key in the filter
        # bar lays out its Input) updated this list's scrollbar again and drew it in a
        # frame of its own, while the search for that key ran. `set_rows` keeps the bar up
        # to date itself; only a new size, or a bar that comes or goes, counts here.
        key = (size, container_size)
        if key == self._sized and not self._bar_changing:
            return False
        self._sized = key
        self._bar_changing = False
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows))

    # -- drawing -----------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style, worked out once for all the rows drawn now: Textual walks
        # every ancestor's styles to make it, and the rows asked for it twice each.
        self._base = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._base or self.rich_style
        if not self.rows:
            return self._empty_line(y, width, base)
        row = y + int(self.scroll_offset.y)
        if row >= len(self.rows):
            return Strip.blank(width, base)
        position = self.rows[row]
        article = self.store.articles[position]
        is_read = article.id in self.read
        is_cursor = row == self.cursor
        # Two marks side by side: a bookmarked article can still be unread (newsboat).
        unread = " " if is_read else "+" if article.id in self.new else "•"
        mark = ("★" if article.id in self.bookmarked else " ") + unread + " "
        styles = self._row_styles(is_read, is_cursor)
        # The same strip for the same row: Textual keeps its crops and styled copies on the
        # strip, so a row drawn again after a keystroke costs a lookup, not a rebuild.
        key = (position, width, is_read, is_cursor, mark)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 2048:
                self._strips.clear()
            strip = self._strips[key] = self._row_strip(article, width, mark, styles)
        return strip

    def _row_strip(self, article: Article, width: int, mark: str,
                   styles: tuple[Style, Style, Style, Style]) -> Strip:
        style, mark_style, date_style, source_style = styles
        date = article.date.isoformat() if article.date else "—".ljust(10)
        source = f" {shown(article.source)}" if article.source and width >= 70 else ""
        title_width = max(1, width - 1 - len(mark) - 12 - cell_len(source))
        segments = [
            Segment(" ", style),
            Segment(mark, mark_style),
            Segment(date + "  ", date_style),
            Segment(self._fitted_title(article.title, title_width), style),
            Segment(source, source_style),
        ]
        return Strip(segments).adjust_cell_length(width, style)

    @staticmethod
    def _fitted_title(title: str, width: int) -> str:
        """The title cut or padded to its cells."""
        text = shown(title)
        if cell_len(text) > width:
            return set_cell_size(text, width - 1) + "…"
        return set_cell_size(text, width)

    def _row_styles(self, is_read: bool, is_cursor: bool) -> tuple[Style, Style, Style, Style]:
        """A row's styles (text, mark, date, source), worked out once per look of the list
        (theme, focus) rather than once per row and keystroke."""
        look = (self._base or self.rich_style, self.has_focus, self.app.theme)
        if look != self._look:
            self._look = look
            self._styles.clear()
            self._strips.clear()
        key = (is_read, is_cursor)
        styles = self._styles.get(key)
        if styles is None:
            style = look[0]
            if is_read:
                style += self._component_style("article-list--read")
            else:
                style += self.get_component_rich_style("article-list--unread", partial=True)
            if is_cursor:
                style += self.get_component_rich_style("article-list--cursor", partial=True)
                if not self.has_focus:
                    style += Style(dim=False)
            styles = (
                style,
                style + self.get_component_rich_style("article-list--mark", partial=True),
                style + self._component_style("article-list--date"),
                style + self._component_style("article-list--source"),
            )
            self._styles[key] = styles
        return styles

    def _component_style(self, name: str) -> Style:
        return blended_style(self, name)

    def _empty_line(self, y: int, width: int, base: Style) -> Strip:
        style = base + self._component_style("article-list--empty")
        lines = ["", *_wrap(self.empty_message, width - 2), "", *_wrap(self.empty_hint, width - 2)]
        text = lines[y] if y < len(lines) else ""
        return Strip([Segment(" " + text, style)]).adjust_cell_length(width, base)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(10, width)) if text else []
