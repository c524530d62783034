"""Where a vertical scrollbar's thumb is drawn, to tell whether a new size changes the bar.

At 100,000 rows the thumb is one cell at the top for nearly every filter result, yet a new
row count redraws the bar (a few milliseconds a keystroke). This follows the arithmetic of
Textual's `ScrollBarRender.render_bar`, in eighths of a cell; a test holds the two together.
"""

from __future__ import annotations

from math import ceil

from textual.scrollbar import ScrollBar

EIGHTHS = 8
"""Textual draws a thumb's ends with eighth-of-a-cell glyphs."""


def thumb_cells(size: int, virtual_size: int, window_size: int,
                position: float) -> tuple[int, int]:
    """The thumb's first and last eighth of a cell, (0, 0) when the bar draws none."""
    window = ceil(window_size if window_size < virtual_size else 0)
    if not (window and size and virtual_size and size != virtual_size):
        return 0, 0
    length = max(1, window / (virtual_size / size))
    offset = (size - length) * (position / (virtual_size - window))
    start = int(offset * EIGHTHS)
    return start, start + ceil(length * EIGHTHS)


def thumb(bar: ScrollBar) -> tuple[int, int, int]:
    """The bar's height and its thumb's extent: equal keys draw the same bar."""
    size = bar.size.height if bar.vertical else bar.size.width
    return (size, *thumb_cells(size, bar.window_virtual_size, bar.window_size, bar.position))
