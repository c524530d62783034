"""Articles in memory with indexes by place, person and word; built once, then read-only.

Filters are set operations over article positions, so narrowing a large corpus costs a few
intersections instead of a scan of every body. The CLI and the TUI ask this same object.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.entities.gazetteer import Gazetteer
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.ingest.load import Skipped, Unchecked
from reader.ordered_selection import OrderedSelection
from reader.positions import NONE, BitMap, FrozenBitMap, as_positions, every, union
from reader.records import rebuilder
from reader.sort_order import SortOrder as SortOrder
from reader.word_index import WordIndex, for_articles

Progress = Callable[[int, int], None]


class WordSource(Protocol):
    """Gives the word index of the articles: the one saved at the last start if it is for
    them, else one built now; with `build` false, None instead of building."""

    def __call__(self, articles: Sequence[Article], progress: Progress | None = None,
                 build: bool = True) -> WordIndex | None: ...


@dataclass(slots=True, frozen=True)
class Entity:
    kind: str
    id: str
    name: str
    keys: tuple[str, ...]
    """Every spelling it is known by (gazetteer aliases, names as written)."""
    detail: str = ""


entity_of: Callable[..., Entity] = rebuilder(Entity)
"""An `Entity` from saved fields (kind, id, name, keys, detail), without the frozen
constructor's cost: 73,000 of them at a warm start of 100,000 articles."""

Indexes = tuple[dict[str, FrozenBitMap], dict[str, FrozenBitMap], dict[tuple[str, str], Entity]]
"""Articles by place, articles by person, and every entity (`Store.indexes`)."""


class Store:
    def __init__(self, articles: Sequence[Article], gazetteer: Gazetteer,
                 skipped: Sequence[Skipped] = (), words: WordIndex | WordSource | None = None,
                 unchecked: Unchecked | None = None, indexes: Indexes | None = None) -> None:
        """`words`: the word index of these articles (one for the first of them is extended,
        one for other articles ignored), or where to get it on first use (a saved one is
        read, not rebuilt); without it, it is built on first use. `unchecked`: the files
        were taken from the parse cache unseen, and whoever shows the store checks them.
        `indexes`: what `indexes()` gave for these very articles (`derived_cache`), taken
        instead of built."""
        self.articles: tuple[Article, ...] = tuple(articles)
        self.gazetteer = gazetteer
        self.skipped: tuple[Skipped, ...] = tuple(skipped)
        self.unchecked = unchecked
        self.by_id: dict[str, int] = {a.id: i for i, a in enumerate(self.articles)}
        self.place_index: dict[str, FrozenBitMap] = {}
        self.person_index: dict[str, FrozenBitMap] = {}
        self._words: WordIndex | None = None
        self._words_source: WordSource | None = None
        if isinstance(words, WordIndex):
            self._words = for_articles(self.articles, words)
        elif words is not None:
            self._words_source = words
        self._words_lock = threading.Lock()
        self._indexed = (0, len(self.articles))
        # The sort caches are filled lazily from the UI thread and the filter thread alike.
        self._order_lock = threading.RLock()
        self._date_ordinals: list[int] | None = None
        """The dates of `order(OLDEST)`'s dated prefix, for bisecting a period."""
        self._order: dict[SortOrder, list[int]] = {}
        self._ranks: dict[SortOrder, list[int]] = {}
        self._all: FrozenBitMap | None = None
        if indexes is not None:
            self.place_index, self.person_index, self.entities = indexes
            return
        places: defaultdict[str, list[int]] = defaultdict(list)
        people: defaultdict[str, list[int]] = defaultdict(list)
        person_names: dict[str, dict[str, int]] = {}
        # Plain lists and dicts: a warm start at 100,000 articles spends most of its time
        # here otherwise (a set and a Counter per person cost more than the rest).
        for index, article in enumerate(self.articles):
            for place in article.places:
                places[place].append(index)
            for person, name in zip(article.people, article.person_names, strict=True):
                people[person].append(index)
                names = person_names.get(person)
                if names is None:
                    person_names[person] = {name: 1}
                else:
                    names[name] = names.get(name, 0) + 1
        self.place_index = {k: FrozenBitMap(v) for k, v in places.items()}
        self.person_index = {k: FrozenBitMap(v) for k, v in people.items()}
        self.entities = self._entities(person_names)

    def indexes(self) -> Indexes:
        """The places' and people's articles and the entities: all that building a store
        derives from its articles' records, and what another store of the same articles
        (and gazetteer, and code) may take instead (`derived_cache`)."""
        return self.place_index, self.person_index, self.entities

    def _entities(self, person_names: dict[str, dict[str, int]]) -> dict[tuple[str, str], Entity]:
        entities: dict[tuple[str, str], Entity] = {}
        for place in self.gazetteer.places.values():
            entities[(PLACE, place.id)] = Entity(PLACE, place.id, place.name, place.aliases +
                                                 place.case_sensitive_aliases, place.kind)
        for person in self.gazetteer.people.values():
            seen = tuple(person_names.get(person.id, ()))
            entities[(PERSON, person.id)] = Entity(PERSON, person.id, person.name,
                                                   tuple(dict.fromkeys(person.aliases + seen)),
                                                   person.roles)
        for person_id, names in person_names.items():
            if (PERSON, person_id) in entities:
                continue
            if len(names) == 1:
                spellings: tuple[str, ...] = tuple(names)
            else:  # written with diacritics first, then the most frequent
                spellings = tuple(sorted(names, key=lambda n: (n.isascii(), -names[n])))
            entities[(PERSON, person_id)] = Entity(PERSON, person_id, spellings[0], spellings)
        return entities

    # -- lookups ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.articles)

    def get(self, article_id: str) -> Article | None:
        index = self.by_id.get(article_id)
        return None if index is None else self.articles[index]

    def entity(self, kind: str, entity_id: str) -> Entity | None:
        return self.entities.get((kind, entity_id))

    def articles_of(self, kind: str, entity_id: str) -> FrozenBitMap:
        index = self.place_index if kind == PLACE else self.person_index
        return index.get(entity_id, NONE)

    def articles_in_place(self, place_id: str, include_merged: bool = True) -> BitMap:
        """Articles naming the place, a town in it, or (if asked) a unit merged into it."""
        index = self.place_index
        return union(index.get(member, NONE)
                     for member in self.gazetteer.expand(place_id, include_merged))

    def word_index(self, progress: Progress | None = None) -> WordIndex:
        """Folded word → article positions; built on first use if none was saved, since
        listing needs none. Other threads asking meanwhile wait for the one build."""
        words = self._words
        if words is not None:
            return words
        with self._words_lock:
            if self._words is None:
                def report(done: int, total: int) -> None:
                    self._indexed = (done, total)
                    if progress is not None:
                        progress(done, total)

                if self._words_source is not None:
                    self._words = self._words_source(self.articles, report)
                if self._words is None:
                    self._words = WordIndex.build(self.articles, report)
            return self._words

    def load_saved_index(self) -> bool:
        """Take the saved word index if there is one for these articles, never building
        one: cheap enough to do before the first screen. True if the index is ready."""
        if self._words is None and self._words_source is not None:
            with self._words_lock:
                if self._words is None:
                    self._words = self._words_source(self.articles, build=False)
        return self._words is not None

    @property
    def index_ready(self) -> bool:
        return self._words is not None

    @property
    def index_progress(self) -> float:
        """Share of the articles the word index has read so far (1.0 once it is ready):
        what the filter bar shows instead of a count that does not move."""
        if self._words is not None:
            return 1.0
        done, total = self._indexed
        return done / total if total else 1.0

    def with_word(self, word: str, prefix: bool = True) -> BitMap | FrozenBitMap:
        """Articles whose title or body has the folded word (or a word starting with it)."""
        return self.word_index().with_word(word, prefix)

    # -- views -----------------------------------------------------------------------------
    def order(self, sort: SortOrder) -> list[int]:
        """All article positions in the given order (unknown dates last either way)."""
        ordered = self._order.get(sort)
        if ordered is not None:
            return ordered
        with self._order_lock:
            if sort not in self._order:
                self._order[sort] = self._ordered(sort)
            return self._order[sort]

    def dated_within(self, first: dt.date | None, last: dt.date | None) -> BitMap:
        """Positions dated from `first` to `last`, both included (None is open); undated
        articles are in no period. Two bisections over the dates in order, not a scan."""
        order = self.order(SortOrder.OLDEST)
        ordinals = self._date_ordinals
        if ordinals is None:
            with self._order_lock:
                ordinals = self._date_ordinals
                if ordinals is None:
                    ordinals = [d.toordinal() for i in order if (d := self.articles[i].date)]
                    self._date_ordinals = ordinals
        low = bisect.bisect_left(ordinals, first.toordinal()) if first else 0
        high = bisect.bisect_right(ordinals, last.toordinal()) if last else len(ordinals)
        return BitMap(order[low:high])

    def _ordered(self, sort: SortOrder) -> list[int]:
        positions = range(len(self.articles))
        if sort is SortOrder.TITLE:
            return sorted(positions, key=lambda i: self.articles[i].title.casefold())
        dated = [i for i in positions if self.articles[i].date is not None]
        undated = [i for i in positions if self.articles[i].date is None]

        def by_date(i: int) -> dt.date:
            date = self.articles[i].date
            assert date is not None
            return date

        dated.sort(key=by_date, reverse=sort is SortOrder.NEWEST)
        return dated + undated

    def sorted(self, subset: Iterable[int] | None, sort: SortOrder) -> OrderedSelection:
        """The subset's positions in the given order. A small subset is sorted outright by
        each position's rank; a larger one is walked in the order only as far as it is read
        (`OrderedSelection`): a first letter typed at 100,000 articles keeps most of them,
        and the list draws forty."""
        order = self.order(sort)
        if subset is None:
            return OrderedSelection.of(order, self.everything())
        wanted = as_positions(subset)
        if len(wanted) * 8 < len(order):
            return OrderedSelection.of(sorted(wanted, key=self._rank(sort).__getitem__), wanted)
        return OrderedSelection(order, wanted)

    def everything(self) -> FrozenBitMap:
        """Every position, as one bitmap made once."""
        found = self._all
        if found is None:
            found = self._all = every(len(self.articles))
        return found

    def prepare_order(self, sort: SortOrder) -> None:
        """The order and each position's rank in it, made now (behind the loading bar)
        rather than by the first keystroke: 20 ms of Python loops at 100,000 articles."""
        self._rank(sort)

    def _rank(self, sort: SortOrder) -> list[int]:
        """Each position's place in the order: sorting a small subset by it beats a pass
        over the whole order."""
        rank = self._ranks.get(sort)
        if rank is not None:
            return rank
        with self._order_lock:
            if sort not in self._ranks:
                ranks = [0] * len(self.articles)
                for place, index in enumerate(self.order(sort)):
                    ranks[index] = place
                self._ranks[sort] = ranks
            return self._ranks[sort]
