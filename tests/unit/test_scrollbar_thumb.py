"""The scrollbar's thumb as the list computes it, against the bar Textual draws: two sizes
with the same thumb must draw the same bar, or skipping the redraw would leave it stale."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.scrollbar import ScrollBarRender

from reader.tui.scrollbar_thumb import thumb_cells


def drawn(size: int, virtual_size: int, window_size: int, position: float) -> list[object]:
    window = window_size if window_size < virtual_size else 0
    bar = ScrollBarRender.render_bar(size=size, virtual_size=virtual_size, window_size=window,
                                     position=position)
    return [(segment.text, segment.style) for segment in bar.segments]


@given(size=st.integers(1, 60), window=st.integers(1, 60), virtual=st.integers(1, 200_000),
       more=st.integers(0, 5_000), offset=st.floats(0, 1))
def test_the_same_thumb_draws_the_same_bar(size: int, window: int, virtual: int, more: int,
                                           offset: float) -> None:
    position = int(offset * max(0, virtual - window))
    first = thumb_cells(size, virtual, window, position)
    second = thumb_cells(size, virtual + more, window, position)
    if first == second:
        assert drawn(size, virtual, window, position) == \
            drawn(size, virtual + more, window, position)


@given(size=st.integers(2, 60), window=st.integers(1, 60), virtual=st.integers(1, 2_000),
       other=st.integers(1, 2_000))
def test_a_thumb_that_draws_differently_has_another_key(size: int, window: int, virtual: int,
                                                        other: int) -> None:
    if drawn(size, virtual, window, 0) != drawn(size, other, window, 0):
        assert thumb_cells(size, virtual, window, 0) != thumb_cells(size, other, window, 0)


def test_a_long_list_keeps_a_one_cell_thumb_at_the_top() -> None:
    assert thumb_cells(38, 100_000, 38, 0) == thumb_cells(38, 60_000, 38, 0) == (0, 8)
    assert thumb_cells(38, 38, 38, 0) == (0, 0)  # everything fits: no thumb
