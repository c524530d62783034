"""The one way both faces get a store: paths (or the bundled corpus) to a built Store."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.assets import bundled_corpus
from reader.entities.gazetteer import Gazetteer, load_gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest.cache import ParseCache, code_fingerprint
from reader.ingest.load import LoadResult, load_paths
from reader.paths import cache_dir, config_dir
from reader.store import Store

Progress = Callable[[int, int], None]


def default_gazetteer() -> Gazetteer:
    return load_gazetteer(extra_people=config_dir() / "people.tsv")


def parse_cache(gazetteer: Gazetteer, sources: Sequence[Path]) -> ParseCache:
    """The parse cache for this set of paths, parser and gazetteer.

    One cache file per set of paths: opening the five bundled articles does not load the
    entries of a 100,000-file archive, and neither evicts the other.
    """
    fingerprint = code_fingerprint(gazetteer.fingerprint)
    where = "\n".join(sorted(os.path.abspath(p) for p in sources))
    name = hashlib.blake2b(where.encode(), digest_size=8).hexdigest()
    return ParseCache.open(cache_dir() / f"parsed-{name}.pickle", fingerprint)


def load_articles(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None,
                  progress: Progress | None = None) -> tuple[LoadResult, Gazetteer]:
    gazetteer = gazetteer or default_gazetteer()
    sources = list(paths) or [bundled_corpus()]
    cache = None if os.environ.get("READER_NO_CACHE") else parse_cache(gazetteer, sources)
    return load_paths(sources, Recogniser(gazetteer), cache, progress=progress), gazetteer


def open_store(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None,
               progress: Progress | None = None) -> Store:
    """Load the given files and folders (the bundled articles when none) into a store."""
    result, gazetteer = load_articles(paths, gazetteer, progress)
    return Store(result.articles, gazetteer, result.skipped)
