"""The one way both faces get a store: paths (or the bundled corpus) to a built Store."""

from __future__ import annotations

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


def parse_cache(gazetteer: Gazetteer) -> ParseCache:
    """The user's parse cache for this parser and gazetteer (READER_NO_CACHE=1 turns it off)."""
    fingerprint = code_fingerprint(gazetteer.fingerprint)
    return ParseCache.open(cache_dir() / "parsed.pickle", fingerprint)


def load_articles(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None,
                  progress: Progress | None = None) -> tuple[LoadResult, Gazetteer]:
    gazetteer = gazetteer or default_gazetteer()
    sources = list(paths) or [bundled_corpus()]
    cache = None if os.environ.get("READER_NO_CACHE") else parse_cache(gazetteer)
    return load_paths(sources, Recogniser(gazetteer), cache, progress=progress), gazetteer


def open_store(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None,
               progress: Progress | None = None) -> Store:
    """Load the given files and folders (the bundled articles when none) into a store."""
    result, gazetteer = load_articles(paths, gazetteer, progress)
    return Store(result.articles, gazetteer, result.skipped)
