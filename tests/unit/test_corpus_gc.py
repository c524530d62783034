"""Building a store pauses the cycle collector and leaves what it built out of later
collections, and leaves the collector as it found it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from reader.assets import bundled_corpus
from reader.corpus import open_store, without_gc_pauses


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_no_collection_runs_while_a_store_is_built() -> None:
    collections: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(phase)

    gc.callbacks.append(seen)
    try:
        with without_gc_pauses():
            assert not gc.isenabled()
            junk = [[index] for index in range(50_000)]
            during = list(collections)
        assert during == []
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(seen)
    assert len(junk) == 50_000


def test_what_a_load_built_is_not_walked_again() -> None:
    gc.unfreeze()
    store = open_store([bundled_corpus()])
    assert gc.get_freeze_count() > 0
    tracked = {id(o) for o in gc.get_objects()}
    assert id(store.articles) not in tracked


def test_a_collector_turned_off_stays_off() -> None:
    gc.disable()
    with without_gc_pauses():
        pass
    assert not gc.isenabled()


def test_only_the_first_build_freezes_so_reloads_leave_garbage_collectable() -> None:
    """A reload builds again while the interface runs: garbage with cycles of that moment
    must not be frozen for the rest of the session."""
    class Node:
        def __init__(self) -> None:
            self.me = self

    gc.unfreeze()
    with without_gc_pauses():  # the start
        pass
    assert gc.get_freeze_count() > 0
    with without_gc_pauses():  # a reload
        cycle = Node()
    alive = weakref.ref(cycle)
    del cycle  # a cycle: only the collector can free it
    gc.collect()
    assert alive() is None


def test_settling_freezes_what_the_first_screen_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the session keeps leaves later collections; a second call (a reload) freezes
    nothing more, so garbage of that moment stays collectable."""
    import reader.corpus as corpus

    monkeypatch.setattr(corpus, "_settled", False)
    gc.unfreeze()
    kept = [[n] for n in range(100)]
    corpus.settle_memory()
    tracked = {id(o) for o in gc.get_objects()}
    assert id(kept) not in tracked and gc.get_freeze_count() > 0
    later = [[n] for n in range(100)]
    corpus.settle_memory()
    assert id(later) in {id(o) for o in gc.get_objects()}
