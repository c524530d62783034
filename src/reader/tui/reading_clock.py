"""What the loading screen says while a first load reads the files: how many of how many, and
about how long is left. A first start on 100,000 files takes a minute; a bar alone gives no
idea whether that is a minute or ten."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

SETTLING = 2.0
"""Seconds of reading before an estimate is given: the pool's start and the first chunks
would make an earlier one jump about."""


def about(seconds: float) -> str:
    """Rounded so that the estimate moves in steps a reader can follow, not every report."""
    if seconds < 10:
        return "a few seconds left"
    if seconds < 90:
        return f"about {round(seconds / 5) * 5} s left"
    return f"about {round(seconds / 60)} min left"


@dataclass(slots=True)
class ReadingClock:
    """The rate is taken from the first report on: files found in the parse cache are counted
    done at once, and would make the estimate far too short if they were read at that rate."""

    clock: Callable[[], float] = time.monotonic
    _first: tuple[float, int] | None = None

    def text(self, done: int, total: int) -> str:
        now = self.clock()
        if self._first is None:
            self._first = (now, done)
        line = f"Reading the files: {done:,} of {total:,}"
        left = self.left(now, done, total)
        return f"{line} · {left}" if left else line

    def left(self, now: float, done: int, total: int) -> str | None:
        if self._first is None or done >= total:
            return None
        started, first = self._first
        elapsed, read = now - started, done - first
        if elapsed < SETTLING or read <= 0:
            return None
        return about((total - done) * elapsed / read)
