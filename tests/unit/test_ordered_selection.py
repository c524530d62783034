"""A result put in order only as far as it is read: every way of reading it gives what the
plain ordering would, and reading the top of it does not walk the whole order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ordered_selection import OrderedSelection
from reader.positions import BitMap


class WatchedOrder(list[int]):
    """An order that remembers how far into it anyone has read."""

    furthest = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            self.furthest = max(self.furthest, min(len(self), index.stop or len(self)))
        else:
            self.furthest = max(self.furthest, index + 1)
        return super().__getitem__(index)


@settings(max_examples=200, deadline=None)
@given(st.permutations(list(range(300))), st.data())
def test_every_way_of_reading_agrees_with_the_plain_order(order: list[int],
                                                          data: st.DataObject) -> None:
    share = data.draw(st.sampled_from([0.0, 0.02, 0.3, 0.7, 1.0]))
    members = {p for p in order if data.draw(st.floats(0, 1)) < share}
    plain = [p for p in order if p in members]
    selection = OrderedSelection(order, members)
    reads = data.draw(st.lists(st.sampled_from(["item", "negative", "slice", "index", "in"]),
                               max_size=8))
    for read in reads:
        if read == "item" and plain:
            at = data.draw(st.integers(0, len(plain) - 1))
            assert selection[at] == plain[at]
        elif read == "negative" and plain:
            at = data.draw(st.integers(-len(plain), -1))
            assert selection[at] == plain[at]
        elif read == "slice":
            start = data.draw(st.integers(0, 320))
            stop = data.draw(st.integers(0, 320))
            assert selection[start:stop] == plain[start:stop]
        elif read == "index" and plain:
            value = data.draw(st.sampled_from(plain))
            assert selection.index(value) == plain.index(value)
        elif read == "in":
            value = data.draw(st.integers(0, 310))
            assert (value in selection) == (value in plain)
    assert len(selection) == len(plain)
    assert bool(selection) == bool(plain)
    assert list(selection) == plain
    assert selection == plain


def test_reading_the_top_walks_only_the_top_of_the_order() -> None:
    order = WatchedOrder(range(100_000))
    members = set(range(0, 100_000, 3))  # a third: too many to sort outright
    selection = OrderedSelection(order, members)
    assert len(selection) == len(members)
    assert [selection[i] for i in range(40)] == list(range(0, 120, 3))
    assert order.furthest < 1_000
    assert selection.index(300) == 100
    assert order.furthest < 2_000
    assert selection[-1] == 99_999
    assert order.furthest == 100_000


def test_out_of_range_and_absent_values_fail_as_a_list_does() -> None:
    selection = OrderedSelection([3, 1, 2], {1, 2})
    with pytest.raises(IndexError):
        selection[2]
    with pytest.raises(IndexError):
        selection[-3]
    with pytest.raises(ValueError):
        selection.index(3)
    assert selection.index(2) == 1
    assert selection.index(2, 1) == 1
    with pytest.raises(ValueError):
        selection.index(2, 0, 1)
    with pytest.raises(ValueError):
        selection.index(2, 2)


def test_an_ordered_list_is_taken_as_it_is() -> None:
    selection = OrderedSelection.of([5, 2, 9])
    assert list(selection) == [5, 2, 9]
    assert set(selection.members) == {2, 5, 9}
    assert selection[1:] == [2, 9]


def test_what_is_no_position_is_simply_not_in_a_bitmap_selection() -> None:
    """A bitmap holds unsigned 32-bit ints and raises on anything else; a list would say no."""
    selection = OrderedSelection([3, 1, 2], BitMap([1, 2]))
    for value in ("a", None, -1, 2**40):
        assert value not in selection
        with pytest.raises(ValueError):
            selection.index(value)
    assert 2 in selection and 3 not in selection
