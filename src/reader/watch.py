"""Notice article files added, changed or removed in the folders that were opened.

The running interface reloads through the parse cache when something changes, so a change
costs one file's parse, not a new start. Hidden files and editors' temporary files are not
articles; the archive's temporary files (dot-prefixed until renamed) are left out the same way.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from watchfiles import Change, watch

DEBOUNCE_MS = 400
"""Editors save in several steps and a fetch writes many files: one reload for the burst."""


def article_filter(suffixes: Collection[str]) -> Callable[[Change, str], bool]:
    wanted = frozenset(s.lower() for s in suffixes)

    def keep(change: Change, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith(".") or name.endswith("~"):
            return False
        return os.path.splitext(name)[1].lower() in wanted

    return keep


def watch_sources(paths: Collection[Path], suffixes: Collection[str], stop: threading.Event,
                  debounce_ms: int = DEBOUNCE_MS) -> Iterator[set[str]]:
    """Each burst of changes to article files under the paths, as the set of changed paths,
    until `stop` is set. Paths that do not exist are not watched; none at all ends at once."""
    existing = [p for p in paths if p.exists()]
    if not existing:
        return
    for changes in watch(*existing, watch_filter=article_filter(suffixes), debounce=debounce_ms,
                         stop_event=stop, raise_interrupt=False, rust_timeout=1000,
                         yield_on_timeout=False):
        yield {path for _, path in changes}
