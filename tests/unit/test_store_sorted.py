"""Sorting a selection: every path (small, middling, nearly everything) agrees with the order."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.entities.gazetteer import Gazetteer, load_gazetteer
from reader.ingest.article import Article
from reader.store import SortOrder, Store

GAZETTEER: Gazetteer = load_gazetteer()


def store_of(dates: list[int | None], titles: list[str]) -> Store:
    articles = [Article(f"{n:016x}", f"/s/{n}.txt", titles[n % len(titles)],
                        None if day is None else dt.date(2025, 1, 1) + dt.timedelta(days=day),
                        None, None, None, b"", (), (), ())
                for n, day in enumerate(dates)]
    return Store(articles, GAZETTEER)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 40)), min_size=1, max_size=120),
       st.lists(st.sampled_from(["Raid", "arrest", "Court", "Đà Lạt", "ăn", "zeta"]), min_size=1),
       st.data())
def test_every_subset_comes_back_in_the_order(dates: list[int | None], titles: list[str],
                                              data: st.DataObject) -> None:
    store = store_of(dates, titles)
    size = len(store)
    share = data.draw(st.sampled_from([0.05, 0.5, 0.8, 0.97, 1.0]))
    subset = {i for i in range(size) if data.draw(st.floats(0, 1)) < share}
    for sort in SortOrder:
        order = store.order(sort)
        assert sorted(order) == list(range(size))
        assert store.sorted(subset, sort) == [i for i in order if i in subset]
        assert store.sorted(list(subset), sort) == [i for i in order if i in subset]
    assert store.sorted(None, SortOrder.NEWEST) == store.order(SortOrder.NEWEST)


def test_nearly_everything_keeps_the_order() -> None:
    store = store_of([n % 17 if n % 9 else None for n in range(400)], ["b", "a", "c"])
    for sort in SortOrder:
        order = store.order(sort)
        for missing in ({0}, {399}, {0, 399}, set(range(0, 400, 7)), set(range(50))):
            subset = set(range(400)) - missing
            assert store.sorted(subset, sort) == [i for i in order if i not in missing]


def test_the_orders_themselves() -> None:
    store = store_of([3, None, 1, 2], ["b", "C", "a", "d"])
    assert store.order(SortOrder.NEWEST) == [0, 3, 2, 1]
    assert store.order(SortOrder.OLDEST) == [2, 3, 0, 1]
    assert store.order(SortOrder.TITLE) == [2, 0, 1, 3]


def test_the_order_prepared_at_load_is_the_one_a_filter_uses(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = store_of([3, None, 1, 2, 0, 5, None, 4], ["Raid", "Court"])
    store.prepare_order(SortOrder.OLDEST)
    built: list[SortOrder] = []
    monkeypatch.setattr(Store, "_ordered", lambda self, sort: built.append(sort) or [])
    order = store.order(SortOrder.OLDEST)
    assert store.sorted(set(order[:7]), SortOrder.OLDEST) == order[:7]
    assert built == []
