"""From what the user typed to article positions, and to the places and people they meant.

One matcher serves the CLI's `--province`/`--person`/`--query` and the TUI's filter bar, so
the two faces always agree. Names are compared word by word after folding: a query word
matches a name word that equals it, starts with it, or is one or two typos away
(`luong tam quan` is Lương Tam Quang; `hanoi` and `ha noi` are the same name). Text that
matches no name narrows by words of the title and body, fzf-style: `!word` excludes and
`'word` asks for the whole word. `!` before a whole name (`!hanoi`, `!ha noi`, `!Hà Nội`)
leaves out every article naming that place or person, whatever its spelling, as a `not` chip
does; the words after `!` are read as one name when together they name one.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from reader.analysis.dateranges import take_date_ranges
from reader.entities.fold import fold_words
from reader.entities.recognise import PERSON, PLACE
from reader.ordered_selection import OrderedSelection
from reader.positions import NONE, AnyPositions, BitMap, FrozenBitMap, Positions, as_positions, union
from reader.store import Entity, SortOrder, Store

STRONG = 85.0
"""A name scoring this high counts as what the user meant, without pinning it."""
SUGGEST = 60.0
MAX_CANDIDATES = 2000

MAX_NAME_WORDS = 6
"""The longest run of words after `!` tried as one name."""

Progress = Callable[[int, int], None]
NameLookup = Callable[[tuple[str, ...]], tuple[str, str] | None]
"""Folded words → the one place or person they name whole, or None."""


@dataclass(slots=True, frozen=True)
class Chip:
    kind: str
    id: str
    include_merged: bool = True
    exclude: bool = False
    """Leave out the articles that name it (pinned with `!` in the facet pane)."""


@dataclass(slots=True, frozen=True)
class Terms:
    words: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    text: str = ""
    """The plain words as one phrase, for matching names."""
    excluded_names: tuple[tuple[str, str], ...] = ()
    """Places and people written whole after `!`: every spelling of them is left out."""


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
    positions: OrderedSelection
    matched: tuple[tuple[str, str], ...] = ()
    """Entities the free text was taken to mean (for highlighting)."""
    words: tuple[str, ...] = field(default=())


def parse_terms(text: str, name_of: NameLookup | None = None) -> Terms:
    """The typed text as plain words, `'exact` words and `!excluded` words. With `name_of`,
    `!` followed by words that together name a place or person whole (the longest such run)
    excludes that entity instead of its words: `!ha noi police` leaves out Hà Nội and keeps
    `police` as a plain word."""
    words: list[str] = []
    exact: list[str] = []
    excluded: list[str] = []
    names: list[tuple[str, str]] = []
    tokens = text.split()
    index = 0
    while index < len(tokens):
        raw = tokens[index]
        index += 1
        if raw.startswith("!") and len(raw) > 1:
            taken = _excluded_name(raw[1:], tokens[index:], name_of)
            if taken is None:
                excluded.extend(fold_words(raw[1:]))
            else:
                key, used = taken
                if key not in names:
                    names.append(key)
                index += used
        elif raw.startswith("'") and len(raw) > 1:
            exact.extend(fold_words(raw[1:]))
        else:
            words.extend(fold_words(raw))
    return Terms(tuple(words), tuple(exact), tuple(excluded), " ".join(words), tuple(names))


def _excluded_name(first: str, following: Sequence[str], name_of: NameLookup | None,
                   ) -> tuple[tuple[str, str], int] | None:
    """The entity named by `first` and as many of the plain words after it as name one
    (longest run first), with how many of those words it took; None if no run names one."""
    if name_of is None:
        return None
    run = [first]
    for token in following[:MAX_NAME_WORDS - 1]:
        if token.startswith(("!", "'")):
            break
        run.append(token)
    for length in range(len(run), 0, -1):
        words = tuple(w for token in run[:length] for w in fold_words(token))
        if not words:
            continue
        key = name_of(words)
        if key is not None:
            return key, length - 1
    return None


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


WordScores = list[dict[str, float]]
"""For each typed word, the scores of the name words it was compared with so far."""


def name_score(query_words: Sequence[str], name_words: Sequence[str],
               known: WordScores | None = None, joined_name: str | None = None) -> float:
    """How well typed words match one spelling of a name, 0 to 100.

    `known` keeps word scores across the spellings scored for one typed text: the two
    thousand spellings a first word can match share a few hundred words, and comparing a
    word costs two edit distances."""
    if not query_words or not name_words:
        return 0.0
    joined_query = "".join(query_words)
    if joined_name is None:
        joined_name = "".join(name_words)
    if joined_query == joined_name:
        return 100.0
    if len(query_words) == 1 and len(joined_query) > 3 and joined_name.startswith(joined_query):
        return 97.0
    available = list(name_words)
    total = 0.0
    for number, word in enumerate(query_words):
        scores = known[number] if known is not None else None
        best, best_at = 0.0, -1
        for position, candidate in enumerate(available):
            if scores is None:
                score = _word_score(word, candidate)
            else:
                score = scores.get(candidate, -1.0)
                if score < 0.0:
                    score = scores[candidate] = _word_score(word, candidate)
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


Spelling = tuple[tuple[str, str], tuple[str, ...]]
"""An entity's key and one of its spellings as folded words."""
NameParts = tuple[list[Spelling], dict[str, FrozenBitMap], dict[str, FrozenBitMap]]


def _folded_words(name: str, folded: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """`fold_words` of a name, a word at a time through `folded`: a hundred thousand names
    are written with a few thousand words, and folding each name whole was half of a warm
    start's name table. Folding keeps one character for one, so no folded word spans a
    space and the words of the parts are the words of the whole."""
    words: list[str] = []
    for part in name.split():
        known = folded.get(part)
        if known is None:
            known = folded[part] = tuple(fold_words(part))
        words += known
    return tuple(words)


class NameTable:
    """Every folded spelling of every place and person, with lookups by word and by the
    words joined: what scoring a typed name searches. Built once per store, read-only.

    Spellings are numbered busiest name first, and the lookups give bitmaps of those
    numbers: the candidates of a typed word are a union in C, and the busiest of them are
    the lowest numbers, a slice of the bitmap."""

    __slots__ = ("_heads", "by_joined", "by_word", "joined", "joined_of", "spellings", "words")

    def __init__(self, store: Store) -> None:
        found: list[Spelling] = []
        folded: dict[str, tuple[str, ...]] = {}
        for key, entity in store.entities.items():
            spellings = {_folded_words(k, folded) for k in {entity.name, *entity.keys}}
            found += [(key, words) for words in sorted(s for s in spellings if s)]
        sizes = {key: len(store.articles_of(*key)) for key in store.entities}
        found.sort(key=lambda spelling: -sizes[spelling[0]])  # stable
        by_word: dict[str, list[int]] = {}
        by_joined: dict[str, list[int]] = {}
        for number, (_, words) in enumerate(found):
            for word in set(words):
                by_word.setdefault(word, []).append(number)
            by_joined.setdefault("".join(words), []).append(number)
        self._fill(found, {word: FrozenBitMap(numbers) for word, numbers in by_word.items()},
                   {joined: FrozenBitMap(numbers) for joined, numbers in by_joined.items()})

    def _fill(self, spellings: list[Spelling], by_word: dict[str, FrozenBitMap],
              by_joined: dict[str, FrozenBitMap]) -> None:
        self.spellings = spellings
        """(key, folded words), busier names first."""
        self.by_word = by_word
        self.by_joined = by_joined
        self.words = sorted(by_word)
        self.joined = sorted(by_joined)
        self.joined_of = ["".join(words) for _, words in spellings]
        """Each spelling's words joined, parallel to `spellings`."""
        self._heads: dict[int, list[str]] = {}

    def parts(self) -> NameParts:
        """What the table is made of, the rest being derived: what `derived_cache` saves."""
        return self.spellings, self.by_word, self.by_joined

    @classmethod
    def from_parts(cls, parts: NameParts) -> NameTable:
        table = cls.__new__(cls)
        table._fill(*parts)
        return table

    def heads(self, length: int) -> list[str]:
        """Every name word cut to `length` letters, parallel to `words` (kept per length:
        each keystroke of a word asks for the same ones)."""
        found = self._heads.get(length)
        if found is None:
            found = self._heads[length] = [w[:length] for w in self.words]
        return found


_TABLES: weakref.WeakKeyDictionary[Store, NameTable] = weakref.WeakKeyDictionary()
"""The name table of each live store: the store is read-only, so one table serves all."""
_TABLES_LOCK = threading.Lock()


def share_names(store: Store, table: NameTable) -> None:
    """The table every searcher of this store will use: one read from where the last start
    saved it (`derived_cache`), instead of one built on first use."""
    with _TABLES_LOCK:
        _TABLES.setdefault(store, table)


def first_ranked(ranks: Sequence[tuple[bool, int, int]], name: Callable[[int], str],
                 limit: int) -> list[int]:
    """The numbers of the first `limit` entries, as one sort of (rank, name, number) would
    order them. Names are looked up only for entries that can still be among the first:
    those ranked no worse than the `limit`-th best rank (a letter typed scores thousands)."""
    if not ranks or limit <= 0:
        return []
    cutoff = heapq.nsmallest(limit, ranks)[-1]
    contenders = [(rank, name(number), number) for number, rank in enumerate(ranks)
                  if rank <= cutoff]
    contenders.sort()
    return [number for _, _, number in contenders[:limit]]


class Searcher:
    """Matching and filtering over one store; cheap to build. The name table is built on
    first use (or by `prepare`, off the interface's thread); scores of the last few typed
    texts are kept, since the filter and the suggestions score the same text."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._table: NameTable | None = None
        self._scored = functools.lru_cache(maxsize=32)(self._score_all)
        self._letters: dict[str, dict[tuple[str, str], float]] = {}
        """Scores of single letters, kept for the session (see `warm_letters`)."""
        self._totals: dict[tuple[str, str], int] = {}
        """Articles naming each place or person, as `count` gives them, kept once asked."""
        self._named = functools.lru_cache(maxsize=32)(self._articles_named)
        self._letters_named: dict[str, tuple[tuple[tuple[str, str], ...], FrozenBitMap]] = {}
        """`_articles_named` of single letters, kept for the session (see `warm_letters`)."""
        self._unions: dict[frozenset[tuple[str, str]], FrozenBitMap] = {}
        """The articles naming each of the last few sets of strongly matched names."""

    def prepare(self, progress: Progress | None = None, build: bool = True) -> None:
        """Build now what the first search would: the name table and the word index.
        Searchers of the same store share them, so this can run wherever loading runs.
        With `build` false, a word index that was not saved is left for later (building
        one reads every body: seconds at 100,000 articles)."""
        self._names()
        if build:
            self.store.word_index(progress)
        else:
            self.store.load_saved_index()

    def _names(self) -> NameTable:
        table = self._table
        if table is None:
            with _TABLES_LOCK:
                table = _TABLES.get(self.store)
                if table is None:
                    table = _TABLES[self.store] = NameTable(self.store)
            self._table = table
        return table

    # -- names -----------------------------------------------------------------------------
    def _candidates(self, words: Sequence[str], narrow: bool = False) -> BitMap:
        """Spellings that can score at all: the first typed word must match one of their
        words (equal, prefix or a typo away), or the whole text must match them joined.

        With `narrow` (scores of SUGGEST and up only), every later word must also come
        within SUGGEST of one of their words: `nguyen van b` scores the few dozen
        spellings with a `van` and a `b…`, not the two thousand busiest Nguyễns, which
        took most of a keystroke at 100,000 articles and could leave the right one out."""
        table = self._names()
        found = self._word_candidates(table, words[0], (0.69, 0.73))
        if narrow:
            for word in words[1:]:
                if not found:
                    break
                # _word_score: at least SUGGEST when whole >= 0.6 or head * 0.95 >= 0.6;
                # a margin below both, as the cutoff is compared in floating point.
                found &= self._word_candidates(table, word,
                                               (SUGGEST / 100 - 0.01, SUGGEST / 95 - 0.01))
        joined = "".join(words)
        by_joined = table.by_joined
        found |= by_joined.get(joined, NONE)
        if len(words) == 1 and len(joined) > 3:
            found |= union(by_joined[spelling] for spelling in _with_prefix(table.joined, joined))
        if len(found) > MAX_CANDIDATES:
            # A letter or two matches thousands of names equally well; scoring them all
            # would stall typing, and the busiest (the lowest numbers) win the tie-break anyway.
            found = found[:MAX_CANDIDATES]
        return found

    @staticmethod
    def _word_candidates(table: NameTable, word: str, cutoffs: tuple[float, float]) -> BitMap:
        """Spellings with a word equal to `word`, starting with it, or (past two letters)
        as similar as the cutoffs ask, whole or cut to its length."""
        by_word = table.by_word
        found = union(by_word[name_word] for name_word in _with_prefix(table.words, word))
        if len(word) > 2:
            whole, head = cutoffs
            close = process.extract(word, table.words, scorer=Levenshtein.normalized_similarity,
                                    score_cutoff=whole, limit=None)
            close += [(table.words[i], score, i) for _, score, i in process.extract(
                word, table.heads(len(word)), scorer=Levenshtein.normalized_similarity,
                score_cutoff=head, limit=None)]
            found |= union(by_word[name_word] for name_word, _, _ in close)
        return found

    def _score_all(self, words: tuple[str, ...]) -> dict[tuple[str, str], float]:
        """The best score of every place and person scoring at least SUGGEST."""
        table = self._names()
        spellings, joined_of = table.spellings, table.joined_of
        candidates = self._candidates(words, narrow=True)
        if len(words) == 1:
            return self._score_one_word(words[0], candidates, table)
        known: WordScores = [{} for _ in words]
        best: dict[tuple[str, str], float] = {}
        for number in candidates:
            key, spelling = spellings[number]
            score = name_score(words, spelling, known, joined_of[number])
            if score >= SUGGEST and score > best.get(key, 0.0):
                best[key] = score
        return best

    @staticmethod
    def _score_one_word(word: str, candidates: BitMap, table: NameTable,
                        ) -> dict[tuple[str, str], float]:
        """`name_score` of one typed word, unrolled: the first word is what matches two
        thousand spellings, and at 100,000 articles its calls were most of a keystroke's
        search. The test of candidates checks it against `name_score` spelling by spelling."""
        spellings, joined_of = table.spellings, table.joined_of
        long = len(word) > 3
        known: dict[str, float] = {}
        best: dict[tuple[str, str], float] = {}
        for number in candidates:
            joined = joined_of[number]
            if joined == word:
                score = 100.0
            elif long and joined.startswith(word):
                score = 97.0
            else:
                score = 0.0
                for name_word in spellings[number][1]:
                    found = known.get(name_word, -1.0)
                    if found < 0.0:
                        found = known[name_word] = _word_score(word, name_word)
                    if found > score:
                        score = found
                if score < 70.0:  # name_score gives 0 below 70: no suggestion either way
                    continue
            key = spellings[number][0]
            if score > best.get(key, 0.0):
                best[key] = score
        return best

    def score_entities(self, text: str, kinds: Sequence[str] = (PLACE, PERSON),
                       minimum: float = SUGGEST) -> dict[tuple[str, str], float]:
        words = tuple(fold_words(text))
        if not words:
            return {}
        if minimum < SUGGEST:
            table = self._names()
            best: dict[tuple[str, str], float] = {}
            for number in self._candidates(words):
                key, spelling = table.spellings[number]
                score = name_score(words, spelling)
                if key[0] in kinds and score >= minimum and score > best.get(key, 0.0):
                    best[key] = score
            return best
        scored = self._letters.get(words[0]) if len(words) == 1 else None
        if scored is None:
            scored = self._scored(words)
        if minimum == SUGGEST and PLACE in kinds and PERSON in kinds:
            return dict(scored)  # all of them: a copy, since callers may change theirs
        return {key: score for key, score in scored.items()
                if score >= minimum and key[0] in kinds}

    def _articles_named(self, words: tuple[str, ...]
                        ) -> tuple[tuple[tuple[str, str], ...], FrozenBitMap]:
        """The names the typed words (folded) match strongly, and the articles naming any
        of them (a place's towns included): one union of them all, since a letter typed
        names two thousand people strongly. Kept for the last few texts (`_named`): a
        backspace, or the same text typed again, asks for the same. Kept too by the names
        themselves: the next letters of a name often match the same ones (`ngu`, `nguy`
        and `nguye` name the same two thousand people at 100,000 articles), and a set's
        hash costs far less than its union."""
        strong = self.score_entities(" ".join(words), minimum=STRONG)
        names = frozenset(strong)
        by_name = self._unions.get(names)
        if by_name is None:
            by_name = FrozenBitMap(union(
                self.store.articles_in_place(entity_id, include_merged=False) if kind == PLACE
                else self.store.articles_of(kind, entity_id) for kind, entity_id in strong))
            if len(self._unions) >= 16:
                self._unions.clear()
            self._unions[names] = by_name
        return tuple(strong), by_name

    def warm_letters(self) -> None:
        """Score every first letter of a name now, busiest first, and keep the scores for
        the session. The first letter typed is the dearest keystroke (about two thousand
        names start with it at 100,000 articles); run on a worker after the first screen,
        it is ready before most users type."""
        table = self._names()
        initials: dict[str, int] = {}
        for word in table.words:
            initials[word[0]] = initials.get(word[0], 0) + len(table.by_word[word])
        totals = self._totals
        for letter in sorted(initials, key=initials.__getitem__, reverse=True):
            if letter not in self._letters:
                self._letters[letter] = self._score_all((letter,))
            # What the letter's filter and suggestions look up next: the articles of the
            # names it matches strongly (one union of two thousand bitmaps) and each name's
            # count (two thousand lookups), 10-12 ms of that keystroke at 100,000 articles.
            if letter not in self._letters_named:
                self._letters_named[letter] = self._articles_named((letter,))
            for key in self._letters[letter]:
                if key not in totals:
                    totals[key] = self.count(key)

    def suggest(self, text: str, within: AnyPositions | None = None, limit: int = 8,
                exclude: Sequence[tuple[str, str]] = ()) -> list[Suggestion]:
        """Places and people for the typed text: names some article of `within` (default:
        all) mentions first, then best score, then how many articles name them (`long` is
        Lương Tam Quang before Vĩnh Long when no article names Vĩnh Long). Counts come
        from the indexes of the scored names only, never from a pass over the articles."""
        scores = self.score_entities(text)
        within = None if within is None else as_positions(within)
        for key in exclude:
            scores.pop(key, None)
        entities = self.store.entities
        if within is None:  # the usual case: a dict lookup per name, not a call
            totals = self._totals
            counts = [totals.get(key, -1) for key in scores]
            for number, key in enumerate(scores):
                if counts[number] < 0:
                    counts[number] = totals[key] = self.count(key)
        else:
            counts = [self.count(key, within) for key in scores]
        items = list(scores.items())
        ranks = [(found == 0, -round(score), -found)
                 for score, found in zip(scores.values(), counts, strict=True)]
        chosen = first_ranked(ranks, lambda number: entities[items[number][0]].name, limit)
        return [Suggestion(key[0], key[1], entities[key].name, score, counts[number],
                           self.describe(entities[key]))
                for number in chosen for key, score in (items[number],)]

    def count(self, key: tuple[str, str], within: AnyPositions | None = None) -> int:
        """Articles (of `within`) naming the person, or the place or a town in it."""
        if key[0] == PLACE:
            if within is None:
                count = self._totals.get(key)
                if count is None:
                    count = len(self.store.articles_in_place(key[1], include_merged=False))
                    self._totals[key] = count
                return count
            found: Positions = self.store.articles_in_place(key[1], include_merged=False)
        else:
            found = self.store.articles_of(PERSON, key[1])
            if within is None:
                return len(found)
        return found.intersection_cardinality(as_positions(within))

    def whole_name(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """The one place or person these words name whole: a spelling with the same letters
        (`hanoi` for Hà Nội) or as many words, each close (`luong tam quan`). Part of a
        name (`ha`, `tam quang`) or a tie between two names (`ha n`) names none: `!` then
        applies to the word, as it did before names were read."""
        if not words:
            return None
        table = self._names()
        joined = "".join(words)
        best: dict[tuple[str, str], float] = {}
        for number in self._candidates(words):
            key, spelling = table.spellings[number]
            if joined == "".join(spelling):
                score = 100.0
            elif len(spelling) == len(words):
                score = name_score(words, spelling)
            else:
                continue
            if score >= STRONG and score > best.get(key, 0.0):
                best[key] = score
        if not best:
            return None
        ranked = sorted(best, key=lambda k: -round(best[k]))
        if len(ranked) > 1 and round(best[ranked[0]]) == round(best[ranked[1]]):
            return None
        return ranked[0]

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
    def chip_positions(self, chip: Chip) -> Positions:
        if chip.kind == PLACE:
            return self.store.articles_in_place(chip.id, chip.include_merged)
        return self.store.articles_of(PERSON, chip.id)

    def run(self, query: Query, sort: SortOrder = SortOrder.NEWEST,
            within: AnyPositions | None = None, notes: Mapping[int, str] | None = None) -> Result:
        """Positions of the articles that pass every chip and every typed term, sorted.

        `notes` (the user's bookmark notes by position) are searched like the body.
        """
        selected, matched, words = self.select(query, within, notes)
        return Result(self.store.sorted(selected, sort), matched, words)

    def select(self, query: Query, within: AnyPositions | None = None,
               notes: Mapping[int, str] | None = None,
               ) -> tuple[Positions | None, tuple[tuple[str, str], ...], tuple[str, ...]]:
        """The unsorted selection (None: every article), the names the text was taken to
        mean, and the words to highlight. Nothing given is changed: the store's indexes
        and `within` are shared, so every step makes a new bitmap."""
        selected = None if within is None else as_positions(within)

        def narrow(found: Positions) -> None:
            nonlocal selected
            selected = found if selected is None else selected & found

        excluded_chips = [chip for chip in query.chips if chip.exclude]
        for chip in query.chips:
            if not chip.exclude:
                narrow(self.chip_positions(chip))
        period, text = take_date_ranges(query.text)
        if period is not None:
            narrow(self.store.dated_within(period.start, period.end))
        terms = parse_terms(text, self.whole_name)
        matched: tuple[tuple[str, str], ...] = ()
        if terms.words:
            words = tuple(fold_words(terms.text))
            named = self._letters_named.get(words[0]) if len(words) == 1 else None
            matched, by_name = named if named is not None else self._named(words)
            by_words: Positions | None = None
            for word in terms.words:
                found = self.store.with_word(word)
                by_words = found if by_words is None else by_words & found
                if not by_words:
                    break
            by_note = BitMap(
                position for position, note in (notes or {}).items()
                if all(any(w.startswith(t) for w in fold_words(note)) for t in terms.words)
            )
            narrow(union((by_name, by_words or NONE, by_note)))
        for word in terms.exact:
            narrow(self.store.with_word(word, prefix=False))
        left_out: list[Positions] = [self.store.with_word(word, prefix=False)
                                     for word in terms.excluded]
        left_out += [self.chip_positions(chip) for chip in excluded_chips]
        left_out += [self.chip_positions(Chip(kind, entity_id, include_merged=False))
                     for kind, entity_id in terms.excluded_names]
        if left_out:
            kept = self.store.everything() if selected is None else selected
            selected = kept.difference(*left_out)
        return selected, matched, terms.words + terms.exact
