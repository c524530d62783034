"""A few articles picked out of many come back in the sort asked for. The property test of
`Store.sorted` draws its subsets so that a small one of two or more articles is rare, and a
mutation run showed the small-subset path could sort by position unnoticed."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.entities.gazetteer import load_gazetteer
from reader.ingest.article import Article
from reader.store import SortOrder, Store


@pytest.fixture(scope="module")
def store() -> Store:
    """Forty articles whose positions run against every order: newest and title first last."""
    titles = [f"{chr(ord('z') - n % 26)} story {n}" for n in range(40)]
    articles = [Article(f"{n:016x}", f"/s/{n}.txt", titles[n], dt.date(2025, 1, 1) + dt.timedelta(days=n),
                        None, None, None, b"", (), (), ()) for n in range(40)]
    return Store(articles, load_gazetteer())


@pytest.mark.parametrize("sort", list(SortOrder))
@pytest.mark.parametrize("subset", [{3, 17, 31}, {0, 39}, set(range(0, 40, 3)), set(range(40)) - {5, 20}])
def test_a_few_or_many_articles_come_back_in_the_sort_asked_for(store: Store, sort: SortOrder,
                                                              subset: set[int]) -> None:
    expected = [i for i in store.order(sort) if i in subset]
    assert store.sorted(subset, sort) == expected
    assert store.sorted(sorted(subset), sort) == expected


def test_newest_first_is_not_position_order(store: Store) -> None:
    assert store.sorted({3, 17, 31}, SortOrder.NEWEST) == [31, 17, 3]
