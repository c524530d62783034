"""A filter's result in its sort order, put in order only as far as it is read.

At 100,000 articles a first letter keeps a quarter to all of them, and ordering that many
took longer than finding them: a pass over the whole order in Python at every keystroke.
The list draws forty rows, and the count needs the size alone. So the selection is kept as
a bitmap, the order is walked only as far as the rows asked for, and the rest waits until an
export, a scroll to the end or a count over the whole result asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from reader.positions import FrozenBitMap, Positions


class OrderedSelection(Sequence[int]):
    """The members of `members` in the order of `order` (which holds every position once).
    Read-only: both are shared with the store and must not change."""

    __slots__ = ("_found", "_order", "_scanned", "members")

    def __init__(self, order: Sequence[int], members: Positions) -> None:
        self._order = order
        self.members = members
        """The selection as a bitmap, for membership and set algebra at no ordering cost."""
        self._found: list[int] = []
        self._scanned = 0

    @classmethod
    def of(cls, positions: list[int], members: Positions | None = None) -> OrderedSelection:
        """A selection already in order (small results are sorted outright)."""
        selection = cls(positions, members if members is not None else FrozenBitMap(positions))
        selection._found = positions
        selection._scanned = len(positions)
        return selection

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, value: object) -> bool:
        try:
            return value in self.members  # type: ignore[operator]
        except (TypeError, OverflowError):  # not a position at all: a bitmap holds uint32s
            return False

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            head = index.step in (None, 1) and index.stop is not None and index.stop >= 0 \
                and (index.start or 0) >= 0
            self._find(index.stop if head else None)
            return self._found[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("position index out of range")
        self._find(index + 1)
        return self._found[index]

    def __iter__(self) -> Iterator[int]:
        self._find(None)
        return iter(self._found)

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        if value not in self:
            raise ValueError(f"{value!r} is not in the selection")
        searched = 0
        while True:
            found = self._found
            try:
                at = found.index(value, searched)  # type: ignore[arg-type]
                break
            except ValueError:  # not in order yet: a member is found further on
                searched = len(found)
                self._find(searched + 256)
        if at < start or (stop is not None and at >= stop):
            raise ValueError(f"{value!r} is not in the selection between {start} and {stop}")
        return at

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OrderedSelection({len(self)} positions, {len(self._found)} in order)"

    def _find(self, count: int | None) -> None:
        """Walk the order until `count` members are in order (all of them when None), in
        slices sized by the selection's density so a comprehension does the walking."""
        found, order, members = self._found, self._order, self.members
        wanted = len(members) if count is None else min(count, len(members))
        start, end = self._scanned, len(order)
        density = len(members) / end if end else 1.0
        while len(found) < wanted and start < end:
            step = 64 + int((wanted - len(found)) / max(density, 1e-6) * 1.25)
            stop = min(end, start + step)
            found += [i for i in order[start:stop] if i in members]
            start = stop
        self._scanned = start
