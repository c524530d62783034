"""The result views' rows: facet counts, timeline and co-occurrence of the current result.

The views recount after every filter run, so each count is timed for three results a user
meets: everything (an empty filter bar), about half (a common word) and a small one (a
place chip and a rarer word). Each stands beside a plain pass over the same positions that
touches what the view reads (the articles' places and people, their dates), so the ratio says what the
indexes save or cost. The indexes themselves are built once per store, after the load.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from itertools import chain
from pathlib import Path

from timing import Figure, best_of, each_call, percentile

from reader.analysis.facets import FacetIndex
from reader.analysis.timeline import TimelineIndex
from reader.corpus import open_store
from reader.entities.recognise import PERSON, PLACE
from reader.search import Chip, Query, Searcher
from reader.store import Store

FACET_ROWS = 60
"""As many rows as the facet pane asks for."""
HALF_WORD = "fraud"
SMALL_WORD = "court"


def results(store: Store, searcher: Searcher) -> dict[str, list[int]]:
    """Three results of real queries, from the whole store to a small part of it."""
    busiest = max(store.place_index, key=lambda p: len(store.place_index[p]))
    return {
        "all": searcher.run(Query()).positions,
        "half": searcher.run(Query((), HALF_WORD)).positions,
        "small": searcher.run(Query((Chip(PLACE, busiest),), SMALL_WORD)).positions,
    }


def entity_pass(store: Store, subset: list[int]) -> object:
    """Floor of the facet counts: one Counter over the subset's places and people, read from
    the articles."""
    articles = store.articles
    return Counter(chain.from_iterable((*articles[i].places, *articles[i].people) for i in subset))


def date_pass(store: Store, subset: list[int]) -> object:
    """Floor of the timeline: one Counter over the subset's dates."""
    articles = store.articles
    return Counter(articles[i].date for i in subset)


def together_pass(store: Store, place: str, subset: list[int]) -> object:
    """Floor of co-occurrence: a pass over the subset keeping the articles naming the place,
    counting the places and people they name."""
    found: Counter[str] = Counter()
    for i in subset:
        article = store.articles[i]
        if place in article.places:
            found.update(article.places)
            found.update(article.people)
    return found


def view_figures(folder: Path, store: Store, searcher: Searcher, rounds: int,
                 repeats: int) -> dict[str, Figure]:
    """Index build beside a warm start's load, then the three views for the three results."""
    figures: dict[str, Figure] = {}
    warm = best_of(repeats, lambda: open_store([folder]))
    build = best_of(repeats, lambda: (FacetIndex(store), TimelineIndex(store)))
    figures["views-build"] = Figure(build, warm, note="FacetIndex + TimelineIndex, once per store; "
                                                      "floor = open_store with the parse cache")
    facets, timelines = FacetIndex(store), TimelineIndex(store)
    busiest = max(store.place_index, key=lambda p: len(store.place_index[p]))
    rounds = max(rounds, 5)

    def timed(call: Callable[[], object], floor: Callable[[], object]) -> tuple[float, float]:
        """Medians, the view and its floor alternated round by round (the machine drifts)."""
        values: list[float] = []
        floors: list[float] = []
        for _ in range(rounds):
            values += each_call([call], 1)
            floors += each_call([floor], 1)
        return percentile(values, 0.5), percentile(floors, 0.5)

    for name, subset in results(store, searcher).items():
        count = f"{len(subset):,} articles, p50 of {rounds}"
        value, floor = timed(lambda s=subset: (facets.counts(s, kind=PLACE, limit=FACET_ROWS),
                                               facets.counts(s, kind=PERSON, limit=FACET_ROWS)),
                             partial(entity_pass, store, subset))
        figures[f"facets-{name}"] = Figure(value, floor, note=f"{count}; places + people")
        value, floor = timed(partial(timelines.timeline, subset), partial(date_pass, store, subset))
        figures[f"timeline-{name}"] = Figure(value, floor, note=count)
        value, floor = timed(partial(facets.with_entity, (PLACE, busiest), subset),
                             partial(together_pass, store, busiest, subset))
        figures[f"together-{name}"] = Figure(value, floor, note=f"{count}; with the busiest place")
    return figures
