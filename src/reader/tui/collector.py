"""Full garbage collections while the user pauses, not in the middle of a keystroke.

At 100,000 articles each keystroke allocates thousands of objects (Textual's strips and their
caches, the filter's results). Every tenth collection of the middle generation then set off a
full one on the interface's thread: 16-46 ms, traced on one key in five to seven, which set
the 95th percentile of typing. Once the first screen has settled (`corpus.settle_memory`),
full collections wait until no key has come for `IDLE_AFTER` seconds, or until `OVERDUE`
middle collections have passed without one, so memory stays bounded however long the typing.
Reference counting frees everything else at once, as before; only garbage in cycles waits.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_AFTER = 1.0
"""Seconds without a key before a waiting full collection runs."""
OVERDUE = 100
"""Middle-generation collections after which a full one runs even while keys come."""
CHECK_EVERY = 0.5
"""How often the screen asks (`FullCollections.tick`)."""
_NEVER = 1 << 30


class FullCollections:
    """The process's full collections, deferred (`defer`) and run by `tick` at a pause."""

    __slots__ = ("_busy_at", "_clock", "_saved", "collected")

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._busy_at = clock()
        self._saved: tuple[int, int, int] | None = None
        self.collected = 0
        """Full collections run by `tick` (for tests and the curious)."""

    @property
    def deferred(self) -> bool:
        return self._saved is not None

    def defer(self) -> None:
        """From now on the collector runs no full collection by itself."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, _NEVER)

    def restore(self) -> None:
        """The collector's own thresholds again (the interface is closing)."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def busy(self) -> None:
        """A key came: a full collection now would hold up what it does."""
        self._busy_at = self._clock()

    def tick(self) -> bool:
        """Run the full collection the collector left, if the user has paused or it is
        overdue. True if one ran."""
        if self._saved is None:
            return False
        waiting = gc.get_count()[2]  # middle collections since the last full one
        if waiting == 0:
            return False
        if waiting < OVERDUE and self._clock() - self._busy_at < IDLE_AFTER:
            return False
        gc.collect()
        self.collected += 1
        return True


COLLECTIONS = FullCollections()
"""One per process, as the collector is."""
