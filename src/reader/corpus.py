"""The one way both faces get a store: paths (or the bundled corpus) to a built Store."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reader.assets import bundled_corpus
from reader.entities.gazetteer import Gazetteer, load_gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest.load import load_paths
from reader.paths import config_dir
from reader.store import Store

Progress = Callable[[int, int], None]


def default_gazetteer() -> Gazetteer:
    return load_gazetteer(extra_people=config_dir() / "people.tsv")


def open_store(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None) -> Store:
    """Load the given files and folders (the bundled articles when none) into a store."""
    gazetteer = gazetteer or default_gazetteer()
    sources = list(paths) or [bundled_corpus()]
    result = load_paths(sources, Recogniser(gazetteer))
    return Store(result.articles, gazetteer, result.skipped)
