"""From what the user typed to article positions, and to the places and people they meant.

One matcher serves the CLI's `--province`/`--person`/`--query` and the TUI's filter bar, so
the two faces always agree. Names are compared word by word after folding: a query word
matches a name word that equals it, starts with it, or is one or two typos away
(`luong tam quan` is Lương Tam Quang; `hanoi` and `ha noi` are the same name). Text that
matches no name narrows by words of the title and body, fzf-style: `!word` excludes and
`'word` asks for the whole word.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from reader.entities.fold import fold_words
from reader.entities.recognise import PERSON, PLACE
from reader.store import Entity, SortOrder, Store

STRONG = 85.0
"""A name scoring this high counts as what the user meant, without pinning it."""
SUGGEST = 60.0
MAX_CANDIDATES = 2000


@dataclass(slots=True, frozen=True)
class Chip:
    kind: str
    id: str
    include_merged: bool = True


@dataclass(slots=True, frozen=True)
class Terms:
    words: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    text: str = ""
    """The plain words as one phrase, for matching names."""


@dataclass(slots=True, frozen=True)
class Suggestion:
    kind: str
    id: str
    name: str
    score: float
    count: int
    note: str = ""


@dataclass(slots=True, frozen=True)
class Query:
    chips: tuple[Chip, ...] = ()
    text: str = ""


@dataclass(slots=True, frozen=True)
class Result:
    positions: list[int]
    matched: tuple[tuple[str, str], ...] = ()
    """Entities the free text was taken to mean (for highlighting)."""
    words: tuple[str, ...] = field(default=())


def parse_terms(text: str) -> Terms:
    words: list[str] = []
    exact: list[str] = []
    excluded: list[str] = []
    for raw in text.split():
        if raw.startswith("!") and len(raw) > 1:
            excluded.extend(fold_words(raw[1:]))
        elif raw.startswith("'") and len(raw) > 1:
            exact.extend(fold_words(raw[1:]))
        else:
            words.extend(fold_words(raw))
    return Terms(tuple(words), tuple(exact), tuple(excluded), " ".join(words))


def _word_score(query: str, candidate: str) -> float:
    if query == candidate:
        return 100.0
    if candidate.startswith(query):
        return 98.0
    if len(query) <= 2:
        return 0.0
    whole = Levenshtein.normalized_similarity(query, candidate)
    head = Levenshtein.normalized_similarity(query, candidate[: len(query)])
    return 100.0 * max(whole, head * 0.95)


def name_score(query_words: Sequence[str], name_words: Sequence[str]) -> float:
    """How well typed words match one spelling of a name, 0 to 100."""
    if not query_words or not name_words:
        return 0.0
    joined_query, joined_name = "".join(query_words), "".join(name_words)
    if joined_query == joined_name:
        return 100.0
    if len(query_words) == 1 and len(joined_query) > 3 and joined_name.startswith(joined_query):
        return 97.0
    available = list(name_words)
    total = 0.0
    for word in query_words:
        best, best_at = 0.0, -1
        for position, candidate in enumerate(available):
            score = _word_score(word, candidate)
            if score > best:
                best, best_at = score, position
        if best < 70.0:
            return min(best, total / len(query_words))
        total += best
        available.pop(best_at)
    return total / len(query_words)


def _with_prefix(ordered: list[str], prefix: str) -> list[str]:
    start = bisect.bisect_left(ordered, prefix)
    end = bisect.bisect_left(ordered, prefix + "\uffff")
    return ordered[start:end]


class Searcher:
    """Matching and filtering over one store; cheap to build, holds no per-query state."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._spellings: list[tuple[tuple[str, str], tuple[str, ...]]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_joined: dict[str, list[int]] = {}
        for key, entity in store.entities.items():
            spellings = {tuple(fold_words(k)) for k in (entity.name, *entity.keys)}
            for words in sorted(s for s in spellings if s):
                number = len(self._spellings)
                self._spellings.append((key, words))
                for word in set(words):
                    self._by_word.setdefault(word, []).append(number)
                self._by_joined.setdefault("".join(words), []).append(number)
        self._words = sorted(self._by_word)
        self._joined = sorted(self._by_joined)
        sizes = {key: len(store.articles_of(*key)) for key in store.entities}
        self._weight = [-sizes[key] for key, _ in self._spellings]
        """Busier names first: among candidates that score alike, they rank first anyway."""

    # -- names -----------------------------------------------------------------------------
    def _candidates(self, words: list[str]) -> set[int]:
        """Spellings that can score at all: the first typed word must match one of their
        words (equal, prefix or a typo away), or the whole text must match them joined."""
        first = words[0]
        found: set[int] = set()
        for word in _with_prefix(self._words, first):
            found.update(self._by_word[word])
        if len(first) > 2:
            close = process.extract(first, self._words, scorer=Levenshtein.normalized_similarity,
                                    score_cutoff=0.69, limit=None)
            heads = [w[: len(first)] for w in self._words]
            close += [(self._words[i], score, i) for _, score, i in process.extract(
                first, heads, scorer=Levenshtein.normalized_similarity, score_cutoff=0.73,
                limit=None)]
            for word, _, _ in close:
                found.update(self._by_word[word])
        joined = "".join(words)
        found.update(self._by_joined.get(joined, ()))
        if len(words) == 1 and len(joined) > 3:
            for spelling in _with_prefix(self._joined, joined):
                found.update(self._by_joined[spelling])
        if len(found) > MAX_CANDIDATES:
            # A letter or two matches thousands of names equally well; scoring them all
            # would stall typing, and the busiest would win the tie-break anyway.
            found = set(heapq.nsmallest(MAX_CANDIDATES, found, key=self._weight.__getitem__))
        return found

    def score_entities(self, text: str, kinds: Sequence[str] = (PLACE, PERSON),
                       minimum: float = SUGGEST) -> dict[tuple[str, str], float]:
        words = fold_words(text)
        best: dict[tuple[str, str], float] = {}
        if not words:
            return best
        for number in self._candidates(words):
            key, spelling = self._spellings[number]
            if key[0] not in kinds:
                continue
            score = name_score(words, spelling)
            if score >= minimum and score > best.get(key, 0.0):
                best[key] = score
        return best

    def suggest(self, text: str, within: set[int] | None = None, limit: int = 8,
                exclude: Sequence[tuple[str, str]] = ()) -> list[Suggestion]:
        """Places and people for the typed text: best score first, then how many articles
        of `within` (default: all) name them. Counts come from the indexes of the scored
        names only, never from a pass over the articles."""
        scores = self.score_entities(text)
        for key in exclude:
            scores.pop(key, None)
        counts = {key: self.count(key, within) for key in scores}
        ranked = sorted(scores.items(), key=lambda item: (
            -round(item[1]), -counts[item[0]], self.store.entities[item[0]].name))
        return [Suggestion(key[0], key[1], self.store.entities[key].name, score, counts[key],
                           self.describe(self.store.entities[key]))
                for key, score in ranked[:limit]]

    def count(self, key: tuple[str, str], within: set[int] | None = None) -> int:
        """Articles (of `within`) naming the person, or the place or a town in it."""
        if key[0] == PLACE:
            found = self.store.articles_in_place(key[1], include_merged=False)
        else:
            found = set(self.store.articles_of(PERSON, key[1]))
        return len(found) if within is None else len(found & within)

    def describe(self, entity: Entity) -> str:
        """A few words on where a place lies and what it became, or a person's role."""
        if entity.kind == PERSON:
            return entity.detail.split(";")[0] if entity.detail else ""
        gazetteer = self.store.gazetteer
        place = gazetteer.places[entity.id]
        notes = []
        if place.parent:
            notes.append(f"in {gazetteer.places[place.parent].name}")
        towns = [gazetteer.places[t].name for t in gazetteer.children(place.id)]
        if towns:
            notes.append("incl. " + ", ".join(towns))
        became = gazetteer.became(place.id)
        if became:
            notes.append(became)
        absorbed = [gazetteer.places[p].name for p in gazetteer.absorbed(place.id)]
        if absorbed:
            notes.append("since 2025 also " + ", ".join(absorbed))
        return "; ".join(notes)

    def resolve(self, kind: str, text: str) -> Entity | None:
        """The one place or person a CLI argument names, or None if nothing is close."""
        scores = self.score_entities(text, kinds=(kind,), minimum=STRONG)
        if not scores:
            return None
        key = max(scores, key=lambda k: (round(scores[k]), self.count(k)))
        return self.store.entities[key]

    # -- articles --------------------------------------------------------------------------
    def chip_positions(self, chip: Chip) -> set[int]:
        if chip.kind == PLACE:
            return self.store.articles_in_place(chip.id, chip.include_merged)
        return set(self.store.articles_of(PERSON, chip.id))

    def run(self, query: Query, sort: SortOrder = SortOrder.NEWEST,
            within: set[int] | None = None, notes: Mapping[int, str] | None = None) -> Result:
        """Positions of the articles that pass every chip and every typed term, sorted.

        `notes` (the user's bookmark notes by position) are searched like the body.
        """
        selected, matched, words = self.select(query, within, notes)
        return Result(self.store.sorted(selected, sort), matched, words)

    def select(self, query: Query, within: set[int] | None = None,
               notes: Mapping[int, str] | None = None,
               ) -> tuple[set[int] | None, tuple[tuple[str, str], ...], tuple[str, ...]]:
        """The unsorted selection (None: every article), the names the text was taken to
        mean, and the words to highlight."""
        selected: set[int] | None = None if within is None else set(within)

        def narrow(found: set[int]) -> None:
            nonlocal selected
            selected = found if selected is None else selected & found

        for chip in query.chips:
            narrow(self.chip_positions(chip))
        terms = parse_terms(query.text)
        matched: tuple[tuple[str, str], ...] = ()
        if terms.words:
            strong = self.score_entities(terms.text, minimum=STRONG)
            matched = tuple(strong)
            by_name: set[int] = set()
            for kind, entity_id in strong:
                if kind == PLACE:
                    by_name |= self.store.articles_in_place(entity_id, include_merged=False)
                else:
                    by_name |= self.store.articles_of(kind, entity_id)
            by_words: set[int] | None = None
            for word in terms.words:
                found = self.store.with_word(word)
                by_words = found if by_words is None else by_words & found
                if not by_words:
                    break
            by_note = {
                position for position, note in (notes or {}).items()
                if all(any(w.startswith(t) for w in fold_words(note)) for t in terms.words)
            }
            narrow(by_name | (by_words or set()) | by_note)
        for word in terms.exact:
            narrow(self.store.with_word(word, prefix=False))
        for word in terms.excluded:
            excluded = self.store.with_word(word, prefix=False)
            if selected is None:
                selected = set(range(len(self.store))) - excluded
            else:
                selected -= excluded
        return selected, matched, terms.words + terms.exact
