"""Articles in memory with indexes by place, person and word; built once, then read-only.

Filters are set operations over article positions, so narrowing a large corpus costs a few
intersections instead of a scan of every body. The CLI and the TUI ask this same object.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from reader.entities.fold import fold_words
from reader.entities.gazetteer import Gazetteer
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.ingest.load import Skipped


@dataclass(slots=True, frozen=True)
class Entity:
    kind: str
    id: str
    name: str
    keys: tuple[str, ...]
    """Every spelling it is known by (gazetteer aliases, names as written)."""
    detail: str = ""


class SortOrder(Enum):
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"

    @property
    def label(self) -> str:
        return {"newest": "newest first", "oldest": "oldest first", "title": "title"}[self.value]

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


class Store:
    def __init__(self, articles: Sequence[Article], gazetteer: Gazetteer,
                 skipped: Sequence[Skipped] = ()) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)
        self.gazetteer = gazetteer
        self.skipped: tuple[Skipped, ...] = tuple(skipped)
        self.by_id: dict[str, int] = {a.id: i for i, a in enumerate(self.articles)}
        self.place_index: dict[str, frozenset[int]] = {}
        self.person_index: dict[str, frozenset[int]] = {}
        self._words: dict[str, list[int]] | None = None
        self._vocabulary: list[str] = []
        self._words_lock = threading.Lock()
        places: dict[str, set[int]] = {}
        people: dict[str, set[int]] = {}
        person_names: dict[str, Counter[str]] = {}
        for index, article in enumerate(self.articles):
            for place in article.places:
                places.setdefault(place, set()).add(index)
            for person, name in zip(article.people, article.person_names, strict=True):
                people.setdefault(person, set()).add(index)
                person_names.setdefault(person, Counter())[name] += 1
        self.place_index = {k: frozenset(v) for k, v in places.items()}
        self.person_index = {k: frozenset(v) for k, v in people.items()}
        self.entities = self._entities(person_names)
        self._order: dict[SortOrder, list[int]] = {}
        self._ranks: dict[SortOrder, list[int]] = {}

    def _entities(self, person_names: dict[str, Counter[str]]) -> dict[tuple[str, str], Entity]:
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
            spellings = sorted(names, key=lambda n: (n.isascii(), -names[n]))
            entities[(PERSON, person_id)] = Entity(PERSON, person_id, spellings[0],
                                                   tuple(spellings))
        return entities

    # -- lookups ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.articles)

    def get(self, article_id: str) -> Article | None:
        index = self.by_id.get(article_id)
        return None if index is None else self.articles[index]

    def entity(self, kind: str, entity_id: str) -> Entity | None:
        return self.entities.get((kind, entity_id))

    def articles_of(self, kind: str, entity_id: str) -> frozenset[int]:
        index = self.place_index if kind == PLACE else self.person_index
        return index.get(entity_id, frozenset())

    def articles_in_place(self, place_id: str, include_merged: bool = True) -> set[int]:
        """Articles naming the place, a town in it, or (if asked) a unit merged into it."""
        found: set[int] = set()
        for member in self.gazetteer.expand(place_id, include_merged):
            found |= self.place_index.get(member, frozenset())
        return found

    def word_index(self) -> dict[str, list[int]]:
        """Folded word → article positions; built on first use, since listing needs none."""
        if self._words is None:
            with self._words_lock:
                if self._words is None:
                    words: dict[str, list[int]] = {}
                    for index, article in enumerate(self.articles):
                        for word in set(fold_words(article.title + " " + article.body)):
                            words.setdefault(word, []).append(index)
                    self._vocabulary = sorted(words)
                    self._words = words
        return self._words

    def with_word(self, word: str, prefix: bool = True) -> set[int]:
        """Articles whose title or body has the folded word (or a word starting with it)."""
        words = self.word_index()
        if not prefix:
            return set(words.get(word, ()))
        found: set[int] = set()
        start = bisect.bisect_left(self._vocabulary, word)
        for candidate in self._vocabulary[start:]:
            if not candidate.startswith(word):
                break
            found.update(words[candidate])
        return found

    # -- views -----------------------------------------------------------------------------
    def facets(self, subset: Iterable[int] | None = None) -> Counter[tuple[str, str]]:
        """How many articles of the subset (default: all) name each place and person."""
        counts: Counter[tuple[str, str]] = Counter()
        indices = range(len(self.articles)) if subset is None else subset
        for index in indices:
            article = self.articles[index]
            counts.update((PLACE, p) for p in article.places)
            counts.update((PERSON, p) for p in article.people)
        return counts

    def order(self, sort: SortOrder) -> list[int]:
        """All article positions in the given order (unknown dates last either way)."""
        if sort not in self._order:
            positions = range(len(self.articles))
            dated = [i for i in positions if self.articles[i].date is not None]
            undated = [i for i in positions if self.articles[i].date is None]

            def by_date(i: int) -> dt.date:
                date = self.articles[i].date
                assert date is not None
                return date

            if sort is SortOrder.TITLE:
                ordered = sorted(positions, key=lambda i: self.articles[i].title.casefold())
            else:
                dated.sort(key=by_date, reverse=sort is SortOrder.NEWEST)
                ordered = dated + undated
            self._order[sort] = ordered
        return self._order[sort]

    def sorted(self, subset: Iterable[int] | None, sort: SortOrder) -> list[int]:
        order = self.order(sort)
        if subset is None:
            return list(order)
        wanted = subset if isinstance(subset, (set, frozenset)) else set(subset)
        if len(wanted) * 8 < len(order):
            rank = self._rank(sort)
            return sorted(wanted, key=rank.__getitem__)
        return [i for i in order if i in wanted]

    def _rank(self, sort: SortOrder) -> list[int]:
        if sort not in self._ranks:
            rank = [0] * len(self.articles)
            for position, index in enumerate(self.order(sort)):
                rank[index] = position
            self._ranks[sort] = rank
        return self._ranks[sort]
