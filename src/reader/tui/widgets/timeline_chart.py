"""A bar chart of the current result over time, drawn with block characters.

One bar a month (a week when the result spans under three months), the newest on the right;
when there are more bars than columns, the newest that fit are shown. The user moves along
the bars and presses enter to narrow the result to that period (`Narrow`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from reader.analysis.dateranges import DateRange
from reader.analysis.timeline import Bar, Timeline

EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_label(bar: Bar, unit: str) -> str:
    if unit == "week":
        return f"week of {bar.start.isoformat()}"
    return bar.start.strftime("%Y-%m")


def draw(bars: tuple[Bar, ...], height: int, cursor: int | None, bar_width: int,
         cursor_style: Style | str, bar_style: Style | str) -> list[Text]:
    """Rows of the chart from the top; each bar `bar_width` columns and a gap of one."""
    peak = max((b.count for b in bars), default=0) or 1
    rows: list[Text] = []
    for level in range(height, 0, -1):
        line = Text(no_wrap=True)
        for index, bar in enumerate(bars):
            eighths = round(bar.count / peak * height * 8)
            if bar.count and eighths == 0:
                eighths = 1  # a period with articles is never drawn empty
            filled = eighths - (level - 1) * 8
            glyph = EIGHTHS[max(0, min(8, filled))]
            style = cursor_style if index == cursor else bar_style
            line.append(glyph * bar_width, style=style)
            line.append(" ")
        rows.append(line)
    return rows


class TimelineChart(Widget, can_focus=True):
    BINDINGS = [
        Binding("left,h", "move(-1)", "Earlier", id="timeline.earlier"),
        Binding("right,l", "move(1)", "Later", id="timeline.later"),
        Binding("home", "jump(0)", "First", show=False, id="timeline.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="timeline.last"),
        Binding("enter", "narrow", "Narrow to period", id="timeline.narrow"),
    ]

    cursor: reactive[int] = reactive(-1)
    timeline: reactive[Timeline | None] = reactive(None, always_update=True)

    @dataclass
    class Narrow(Message):
        period: DateRange
        label: str
        token: str
        """The period as the filter language writes it (`2025-07`, or a week's range)."""

    def show(self, timeline: Timeline) -> None:
        """A new result's timeline; the cursor stays on the same period when it still exists."""
        old = self.timeline
        keep = None
        if old is not None and 0 <= self.cursor < len(old.bars):
            keep = old.bars[self.cursor].start
        starts = [b.start for b in timeline.bars]
        self.timeline = timeline
        self.cursor = starts.index(keep) if keep in starts else len(timeline.bars) - 1

    def _visible(self) -> tuple[int, int]:
        """The first visible bar and the bar width, so the cursor is always on screen."""
        assert self.timeline is not None
        count = len(self.timeline.bars)
        width = max(1, self.content_size.width)
        bar_width = max(1, min(3, width // max(1, count) - 1))
        fits = max(1, width // (bar_width + 1))
        first = max(0, count - fits)
        if self.cursor < first:
            first = max(0, self.cursor)
        return first, bar_width

    def render(self) -> RenderableType:
        timeline = self.timeline
        if timeline is None or not timeline.bars:
            undated = f" ({timeline.undated:,} undated)" if timeline and timeline.undated else ""
            return Text(f"No dated article in this result{undated}.", style="italic")
        first, bar_width = self._visible()
        fits = max(1, self.content_size.width // (bar_width + 1))
        bars = timeline.bars[first:first + fits]
        height = max(1, self.content_size.height - 2)
        cursor_style = self.get_component_rich_style("timeline--cursor", partial=True)
        bar_style = self.get_component_rich_style("timeline--bar", partial=True)
        rows = draw(bars, height, self.cursor - first, bar_width, cursor_style, bar_style)
        axis = Text(no_wrap=True, overflow="ellipsis")
        axis.append(bar_label(bars[0], timeline.unit))
        last = bar_label(bars[-1], timeline.unit)
        drawn = max(len(bars) * (bar_width + 1) - 1, len(axis) + len(last) + 2)
        gap = min(drawn, self.content_size.width) - len(axis) - len(last)
        if gap > 1 and len(bars) > 1:
            axis.append(" " * gap + last)
        selected = timeline.bars[self.cursor]
        info = Text(no_wrap=True, overflow="ellipsis")
        info.append(bar_label(selected, timeline.unit), style="bold")
        info.append(f": {selected.count:,} article{'s' if selected.count != 1 else ''}")
        if timeline.undated:
            info.append(f" · {timeline.undated:,} undated")
        return Text("\n").join([*rows, axis, info])

    COMPONENT_CLASSES = {"timeline--cursor", "timeline--bar"}

    def watch_cursor(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.timeline and self.timeline.bars:
            self.cursor = max(0, min(len(self.timeline.bars) - 1, self.cursor + step))

    def action_jump(self, where: int) -> None:
        if self.timeline and self.timeline.bars:
            self.cursor = where % len(self.timeline.bars)

    def action_narrow(self) -> None:
        if self.timeline is None or not self.timeline.bars:
            self.notify("No dated article to narrow to.", timeout=2)
            return
        bar = self.timeline.bars[self.cursor]
        token = f"{bar.start:%Y-%m}" if self.timeline.unit == "month" else bar.range.label
        self.post_message(self.Narrow(bar.range, bar_label(bar, self.timeline.unit), token))
