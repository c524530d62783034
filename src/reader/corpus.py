"""The one way both faces get a store: paths (or the bundled corpus) to a built Store."""

from __future__ import annotations

import contextlib
import functools
import gc
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cache_names import caching, name_of_sources, sources_of
from reader.entities.gazetteer import Gazetteer, load_gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest.article import Article
from reader.ingest.cache import ParseCache, code_fingerprint
from reader.ingest.load import LoadResult, Skipped, StopFlag, Unchecked, load_paths
from reader.paths import cache_dir, config_dir
from reader.store import Store, WordSource
from reader.word_index import WordIndex, for_articles

if TYPE_CHECKING:
    from reader.derived_cache import Derived

Progress = Callable[[int, int], None]


@contextlib.contextmanager
def without_gc_pauses() -> Iterator[None]:
    """No cyclic collection while a store is built, and none of what was built walked by
    later ones. Building makes hundreds of thousands of tuples and records, none in a
    cycle, that live as long as the store; each collection during the build, and the full
    one that would follow it, walk all of them again: a quarter of a warm start at 100,000
    articles. They are moved to the collector's permanent generation (`gc.freeze`): freed
    as usual when the store goes, only never scanned for cycles they do not have. Only
    the first build of a process freezes: freezing takes any garbage with cycles of that
    moment along, and reloads doing it again would pile that up for the whole session."""
    enabled = gc.isenabled()
    gc.disable()
    first = gc.get_freeze_count() == 0
    try:
        yield
    finally:
        if first:
            gc.freeze()
        if enabled:
            gc.enable()


_settled = False


def settle_memory() -> None:
    """Once per process, when the first screen is up and its word index ready: a full
    collection, then what survives (the screen's widgets, the store's sort orders and
    ranks, the search's tables) joins the first build in the permanent generation. Left
    young, those objects were walked again by every full collection the interface's own
    allocations set off: a pause of 30-160 ms every few keystrokes at 100,000 articles.
    The collection runs first so that no garbage with cycles is frozen with them."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()


def default_gazetteer() -> Gazetteer:
    return load_gazetteer(extra_people=config_dir() / "people.tsv")


def parse_cache(gazetteer: Gazetteer, sources: Sequence[Path]) -> ParseCache:
    """The parse cache for this set of paths, parser and gazetteer."""
    fingerprint = code_fingerprint(gazetteer.fingerprint)
    name = name_of_sources(sources)
    # The format before bodies were kept apart: never read again, so not kept either.
    with contextlib.suppress(OSError):
        (cache_dir() / f"parsed-{name}.pickle").unlink(missing_ok=True)
    return ParseCache.open(cache_dir() / f"parsed-{name}.cache", fingerprint)


def load_articles(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None,
                  progress: Progress | None = None, trusted: bool = False,
                  stop: StopFlag | None = None) -> tuple[LoadResult, Gazetteer]:
    """`trusted`: the parse cache's last walk stands for the files; `stop`: the load ends
    early, keeping what it parsed (see `load_paths`)."""
    gazetteer = gazetteer or default_gazetteer()
    sources = sources_of(paths)
    cache = parse_cache(gazetteer, sources) if caching() else None
    return load_paths(sources, Recogniser(gazetteer), cache, progress=progress,
                      trusted=trusted, stop=stop), gazetteer


def word_index(paths: Sequence[Path], articles: Sequence[Article],
               progress: Progress | None = None, build: bool = True) -> WordIndex | None:
    """The word index of the loaded articles: the one saved by the last start when it is
    for the same articles (or the first of them), else built now and saved for the next
    start (with the parse cache); with `build` false, None instead of building."""
    if not caching():
        return WordIndex.build(articles, progress) if build else None
    where = cache_dir() / f"words-{name_of_sources(sources_of(paths))}.bin"
    fingerprint = code_fingerprint(WordIndex.code_fingerprint())
    saved = for_articles(articles, WordIndex.load(where, fingerprint))
    if saved is not None or not build:
        return saved
    built = WordIndex.build(articles, progress)
    built.save(where, fingerprint)
    return built


def build_store(paths: Sequence[Path], articles: Sequence[Article], gazetteer: Gazetteer,
                skipped: Sequence[Skipped] = (), unchecked: Unchecked | None = None) -> Store:
    """The store of these articles: its indexes and entities read from where the last start
    of the same articles saved them, else built and saved (`derived_cache`); its word index
    and name table read or built on first use (`share_saved_names`)."""
    derived = None
    if caching():
        from reader import derived_cache

        where = cache_dir() / f"derived-{name_of_sources(sources_of(paths))}.pickle"
        derived = derived_cache.open_derived(where, articles, gazetteer)
    store = Store(articles, gazetteer, skipped, saved_word_index(paths), unchecked,
                  indexes=None if derived is None else derived.indexes)
    if derived is not None:
        _DERIVED[store] = derived
        if derived.indexes is None:
            derived_cache.save(derived, store)
    return store


_DERIVED: weakref.WeakKeyDictionary[Store, Derived] = weakref.WeakKeyDictionary()
"""What `build_store` found saved for each live store, for `share_saved_names`."""


def share_saved_names(store: Store) -> None:
    """Give the store's searchers the name table saved with its indexes; else build it now
    and save it with them for the next start. A store not from `build_store` (or without
    the cache) is left alone: its searchers build the table on first use."""
    derived = _DERIVED.get(store)
    if derived is None:
        return
    from reader import derived_cache
    from reader.search import NameTable, share_names

    names = derived_cache.read_names(derived)
    if names is not None:
        share_names(store, NameTable.from_parts(names))
        return
    table = NameTable(store)
    derived_cache.save_names(derived, table)
    share_names(store, table)


def saved_word_index(paths: Sequence[Path]) -> WordSource:
    """For `Store(words=...)`: the word index is read (or built and saved) on first use.
    Whether to cache is decided now, as for the parse cache, not when it is first used."""
    if not caching():
        return _no_saved_index
    return functools.partial(word_index, list(paths))


def _no_saved_index(articles: Sequence[Article], progress: Progress | None = None,
                    build: bool = True) -> WordIndex | None:
    return WordIndex.build(articles, progress) if build else None


def open_store(paths: Sequence[Path] = (), gazetteer: Gazetteer | None = None,
               progress: Progress | None = None) -> Store:
    """Load the given files and folders (the bundled articles when none) into a store.
    Its word index is read on first use from where the last start saved it, if it is for
    the same articles; else built then and saved."""
    with without_gc_pauses():
        result, gazetteer = load_articles(paths, gazetteer, progress)
        return build_store(paths, result.articles, gazetteer, result.skipped)
