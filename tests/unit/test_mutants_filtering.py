"""A filter run follows the sort it was asked for and offers names by default: a mutation
run showed that dropping either went unnoticed."""

from __future__ import annotations

import pytest

from reader.positions import FrozenBitMap
from reader.search import Chip, Query, Searcher
from reader.store import SortOrder, Store
from reader.tui.filtering import FilterRequest, run_filter


def request(sort: SortOrder, text: str = "") -> FilterRequest:
    return FilterRequest(1, Query(text=text), sort, bookmarks_only=False, within=None)


@pytest.mark.parametrize("sort", list(SortOrder))
def test_a_filter_run_lists_in_the_requested_sort(searcher: Searcher, seed_store: Store,
                                                  sort: SortOrder) -> None:
    positions = run_filter(searcher, request(sort)).result.positions
    assert positions == seed_store.sorted(None, sort)


def test_the_three_sorts_give_three_orders(searcher: Searcher) -> None:
    orders = {tuple(run_filter(searcher, request(sort)).result.positions) for sort in SortOrder}
    assert len(orders) == 3


def test_a_filter_run_offers_names_unless_told_not_to(searcher: Searcher) -> None:
    offered = run_filter(searcher, request(SortOrder.NEWEST, "ha noi")).suggestions
    assert any(s.name == "Hà Nội" for s in offered)
    assert run_filter(searcher, request(SortOrder.NEWEST, "ha noi"), with_suggestions=False).suggestions == []


def test_a_filter_run_searches_the_notes_it_was_given(searcher: Searcher, seed_store: Store) -> None:
    last = len(seed_store) - 1
    asked = FilterRequest(1, Query(text="quokkanote"), SortOrder.NEWEST, bookmarks_only=False,
                          within=None, notes={last: "remember the quokkanote"})
    assert run_filter(searcher, asked).result.positions == [last]


@pytest.mark.parametrize("text", ["", "   ", "!ha noi", "'ha noi"])
def test_no_names_are_offered_for_nothing_an_exclusion_or_an_exact_phrase(searcher: Searcher,
                                                                          text: str) -> None:
    assert run_filter(searcher, request(SortOrder.NEWEST, text)).suggestions == []


def test_names_are_counted_within_the_view(searcher: Searcher) -> None:
    [hanoi] = [s for s in run_filter(searcher, request(SortOrder.NEWEST, "ha noi")).suggestions
               if s.name == "Hà Nội"]
    everywhere = searcher.run(Query(text="ha noi")).positions
    assert hanoi.count == len(everywhere) > 2
    view = FrozenBitMap(everywhere[:2])
    asked = FilterRequest(1, Query(text="ha noi"), SortOrder.NEWEST, bookmarks_only=True, within=view)
    [counted] = [s for s in run_filter(searcher, asked).suggestions if s.name == "Hà Nội"]
    assert counted.count == 2


def test_a_name_once_in_the_view_is_offered_and_one_absent_from_it_is_not(searcher: Searcher,
                                                                        seed_store: Store) -> None:
    everywhere = searcher.run(Query(text="ha noi")).positions
    elsewhere = FrozenBitMap(range(len(seed_store))) - FrozenBitMap(everywhere)

    def offered(view: FrozenBitMap) -> dict[str, int]:
        asked = FilterRequest(1, Query(text="ha noi"), SortOrder.NEWEST, bookmarks_only=True, within=view)
        return {s.name: s.count for s in run_filter(searcher, asked).suggestions}

    assert offered(FrozenBitMap(everywhere[:1]))["Hà Nội"] == 1
    assert "Hà Nội" not in offered(elsewhere)
    assert all(count > 0 for count in offered(elsewhere).values())


def test_a_pinned_name_is_not_offered_again(searcher: Searcher) -> None:
    [hanoi] = [s for s in run_filter(searcher, request(SortOrder.NEWEST, "ha noi")).suggestions
               if s.name == "Hà Nội"]
    pinned = FilterRequest(1, Query((Chip(hanoi.kind, hanoi.id),), "ha noi"), SortOrder.NEWEST,
                           bookmarks_only=False, within=None)
    assert "Hà Nội" not in {s.name for s in run_filter(searcher, pinned).suggestions}
