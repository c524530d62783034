"""Facet counts of a result: the places and people it names, busiest first.

Counting must fit in a keystroke at 100,000 articles, so each article's entities are held
as small integer codes once, and a count is one `Counter` over a C-level chain of them. When
the result is more than half of the store, the complement is counted and subtracted from the
totals: the work is bounded by half the store whatever the user types.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from reader.entities.recognise import PERSON, PLACE
from reader.positions import AnyPositions, as_positions
from reader.store import Store

EntityKey = tuple[str, str]


@dataclass(slots=True, frozen=True)
class FacetCount:
    kind: str
    id: str
    name: str
    count: int


@dataclass(slots=True, frozen=True)
class FacetGroup:
    """Places gathered under their 2025 unit or their region."""

    name: str
    count: int
    members: tuple[FacetCount, ...]


class FacetIndex:
    """Built once per store (a pass over the records, no text), then read-only."""

    def __init__(self, store: Store) -> None:
        self.store = store
        codes: dict[EntityKey, int] = {}
        per_article: list[tuple[int, ...]] = []
        for article in store.articles:
            keys = [(PLACE, p) for p in article.places]
            keys += [(PERSON, p) for p in dict.fromkeys(article.people)]
            per_article.append(tuple(codes.setdefault(k, len(codes)) for k in keys))
        self.keys: list[EntityKey] = list(codes)
        self.codes = codes
        self.per_article = per_article
        self.totals: Counter[int] = Counter(chain.from_iterable(per_article))

    def _count(self, subset: AnyPositions | None) -> Counter[int]:
        total = len(self.per_article)
        if subset is None or len(subset) == total:
            return Counter(self.totals)
        if len(subset) * 2 <= total:
            return Counter(chain.from_iterable(map(self.per_article.__getitem__, subset)))
        outside = self.store.everything().difference(as_positions(subset))
        return self.totals - Counter(chain.from_iterable(map(self.per_article.__getitem__, outside)))

    def counts(self, subset: AnyPositions | None = None, kind: str | None = None,
               limit: int | None = None, exclude: Iterable[EntityKey] = ()) -> list[FacetCount]:
        """Busiest first, then by name; `kind` keeps places or people only. With a limit,
        only the busiest are named and sorted (ties at the cut go by first appearance)."""
        return self._rows(self._count(subset), kind, limit, set(exclude))

    def places_and_people(self, subset: AnyPositions | None = None,
                          limit: int | None = None) -> tuple[list[FacetCount], list[FacetCount]]:
        """Both lists of the facet pane from one count of the result (half the work of two
        `counts` calls, which is what a keystroke pays at 100,000 articles)."""
        counted = self._count(subset)
        return (self._rows(counted, PLACE, limit, set()), self._rows(counted, PERSON, limit, set()))

    def _rows(self, counted: Counter[int], kind: str | None, limit: int | None,
              skip: set[EntityKey]) -> list[FacetCount]:
        keys = self.keys
        wanted = [(code, count) for code, count in counted.items()
                  if count > 0 and (kind is None or keys[code][0] == kind) and keys[code] not in skip]
        if limit is not None and len(wanted) > limit:
            wanted = heapq.nlargest(limit, wanted, key=lambda item: item[1])
        rows = []
        for code, count in wanted:
            key = keys[code]
            entity = self.store.entity(*key)
            rows.append(FacetCount(key[0], key[1], entity.name if entity else key[1], count))
        rows.sort(key=lambda r: (-r.count, r.name.casefold()))
        return rows

    def count_of(self, key: EntityKey, subset: AnyPositions | None = None) -> int:
        positions = self.store.articles_of(*key)
        if subset is None:
            return len(positions)
        return positions.intersection_cardinality(as_positions(subset))

    def with_entity(self, key: EntityKey, subset: AnyPositions | None = None,
                    kind: str | None = None, limit: int | None = None) -> list[FacetCount]:
        """Who and what appears in the same articles as the entity (co-occurrence)."""
        together = self.store.articles_of(*key)
        if subset is not None:
            together &= as_positions(subset)
        return self.counts(together, kind=kind, limit=limit, exclude=[key])


def group_places(rows: Iterable[FacetCount], store: Store, by: str = "unit") -> list[FacetGroup]:
    """Places under their 2025 unit (`unit`) or region (`region`). A group's count is the sum
    of its members' counts, an upper bound on its articles (one article may name two)."""
    groups: dict[str, list[FacetCount]] = {}
    for row in rows:
        if row.kind != PLACE:
            continue
        place = store.gazetteer.places.get(row.id)
        if place is None:
            name = "Other"
        elif by == "region":
            name = place.region or "Other"
        else:
            name = place.merged_name or place.name
        groups.setdefault(name, []).append(row)
    result = [FacetGroup(name, sum(m.count for m in members), tuple(members))
              for name, members in groups.items()]
    result.sort(key=lambda g: (-g.count, g.name.casefold()))
    return result
