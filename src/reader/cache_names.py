"""Which files a start reads and the name their caches go under: apart from the loading
code, so that the first screen of a start (the last list, saved under that name) is found
before the parsers and the recogniser are imported."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from reader.assets import bundled_corpus


def name_of_sources(sources: Sequence[Path]) -> str:
    """One cache per set of paths: opening the five bundled articles does not load the
    entries of a 100,000-file archive, and neither evicts the other."""
    where = "\n".join(sorted(os.path.abspath(p) for p in sources))
    return hashlib.blake2b(where.encode(), digest_size=8).hexdigest()


def sources_of(paths: Sequence[Path]) -> list[Path]:
    """The given paths, or the bundled articles and the archive of fetched ones (once a
    fetch has made it): starting never touches the network."""
    if paths:
        return list(paths)
    from reader.feeds.archive import archive_dir

    archive = archive_dir()
    return [bundled_corpus(), archive] if archive.is_dir() else [bundled_corpus()]


def caching() -> bool:
    """Whether starts keep what they read (READER_NO_CACHE unset)."""
    return not os.environ.get("READER_NO_CACHE")


def cache_name(paths: Sequence[Path]) -> str:
    """The name the caches of these paths (or of the bundled articles) go under."""
    return name_of_sources(sources_of(paths))
