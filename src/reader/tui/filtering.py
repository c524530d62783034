"""One filter run: every input captured on the UI thread, numbered, and computed anywhere.

The screen freezes what the user sees (query, sort, bookmark view and its articles, notes,
loaded articles) into a `FilterRequest` with a generation number. A worker computes it from
its arguments alone, and the screen applies an outcome only if its generation is still the
latest: a sort or view change made while a filter runs makes that run's result stale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.analysis.dateranges import take_date_ranges
from reader.positions import FrozenBitMap
from reader.search import Query, Result, Searcher, Suggestion
from reader.store import SortOrder

SUGGESTIONS = 8


@dataclass(slots=True, frozen=True)
class FilterRequest:
    generation: int
    query: Query
    sort: SortOrder
    bookmarks_only: bool
    within: FrozenBitMap | None
    """The articles the view starts from; None means all of them."""
    notes: Mapping[int, str] = field(default_factory=dict, compare=False)
    bookmarked_any: bool = True
    """Whether any article is bookmarked (the empty bookmark view explains itself)."""
    unread_only: bool = False
    """The unread view (`within` holds only unread articles); its empty state says so."""


@dataclass(slots=True, frozen=True)
class FilterOutcome:
    request: FilterRequest
    result: Result
    suggestions: list[Suggestion]


def run_filter(searcher: Searcher, request: FilterRequest, *,
               with_suggestions: bool = True) -> FilterOutcome:
    """Articles and suggestions for a request; reads nothing but its arguments."""
    result = searcher.run(request.query, request.sort, request.within, request.notes)
    suggestions = suggest(searcher, request) if with_suggestions else []
    return FilterOutcome(request, result, suggestions)


def suggest(searcher: Searcher, request: FilterRequest) -> list[Suggestion]:
    """Places and people for the typed text, counted within what the chips leave; names
    that no article there mentions are not offered."""
    text = take_date_ranges(request.query.text)[1].strip()
    if not text or text.startswith(("!", "'")):
        return []
    narrowed, _, _ = searcher.select(Query(request.query.chips), request.within)
    pinned = [(c.kind, c.id) for c in request.query.chips]
    found = searcher.suggest(text, within=narrowed, limit=2 * SUGGESTIONS,
                             exclude=pinned)
    return [s for s in found if s.count > 0][:SUGGESTIONS]
