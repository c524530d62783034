"""Sets of positions as bitmaps: what the store hands out stays as it was, whatever a filter
does with it, and anything iterable is taken where positions are asked for."""

from __future__ import annotations

from reader.entities.recognise import PERSON, PLACE
from reader.positions import NONE, BitMap, FrozenBitMap, as_positions, every, frozen, union
from reader.search import Chip, Query, Searcher
from reader.store import Store


def test_helpers() -> None:
    bitmap = BitMap([3, 1])
    assert as_positions(bitmap) is bitmap
    assert as_positions({1, 3}) == bitmap and as_positions(x for x in (3, 1)) == bitmap
    assert frozen([1, 3]) == bitmap and isinstance(frozen(bitmap), FrozenBitMap)
    assert list(every(5)) == [0, 1, 2, 3, 4] and not every(0)
    joined = union([FrozenBitMap([1]), FrozenBitMap([2, 5]), NONE])
    assert list(joined) == [1, 2, 5] and type(joined) is BitMap
    empty = union([])
    assert not empty and empty is not NONE
    empty.add(1)
    assert not NONE


def test_a_filter_changes_nothing_it_was_given(searcher: Searcher, seed_store: Store) -> None:
    """The store's indexes and the view are shared with every later filter: a filter that
    narrowed them in place would corrupt every search after it."""
    before_places = {k: list(v) for k, v in seed_store.place_index.items()}
    before_people = {k: list(v) for k, v in seed_store.person_index.items()}
    place = next(iter(seed_store.place_index))
    person = next(iter(seed_store.person_index))
    within = BitMap(range(len(seed_store) - 1))
    kept = list(within)
    queries = [
        Query((Chip(PLACE, place),), "police"),
        Query((Chip(PERSON, person, exclude=True),), "!police 'ha"),
        Query((), "ha noi !police"),
        Query((Chip(PLACE, place, exclude=True),), ""),
    ]
    for query in queries:
        for view in (None, within):
            selected, _, _ = searcher.select(query, view)
            assert selected is None or set(selected) <= set(range(len(seed_store)))
    assert list(within) == kept
    assert {k: list(v) for k, v in seed_store.place_index.items()} == before_places
    assert {k: list(v) for k, v in seed_store.person_index.items()} == before_people
    assert list(seed_store.everything()) == list(range(len(seed_store)))


def test_any_iterable_is_taken_as_a_view(searcher: Searcher, seed_store: Store) -> None:
    view = [0, 2]
    as_list = searcher.select(Query((), "police"), view)[0]
    as_bitmap = searcher.select(Query((), "police"), BitMap(view))[0]
    assert as_list is not None and as_bitmap is not None
    assert set(as_list) == set(as_bitmap) <= set(view)
    key = next(iter(seed_store.entities))
    assert searcher.count(key, within={0, 2}) == searcher.count(key, within=BitMap(view))
