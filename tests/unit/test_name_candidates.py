"""Scores of typed names: narrowing the spellings to score by every typed word (not only
the first) changes no score of SUGGEST or more. Checked against scoring every spelling
of the gazetteer, typos and partial words included."""

from __future__ import annotations

import pytest

from reader import search
from reader.entities.fold import fold_words
from reader.search import SUGGEST, Query, Searcher, name_score
from reader.store import Store

TYPED = [
    "nguyen van b", "nguyen van binh", "nguyen phu trong", "nguyen phu trung", "nguyen xyz",
    "luong tam q", "luong tam quang", "luong tam quan", "tam quang", "to lam", "ha n",
    "ha noi", "hanoi", "ho chi minh", "ho chi min", "thanh hoa", "thanh h", "quang n",
    "lam dong", "lamm dong", "da n", "can tho", "vo van thuong", "vo van thuongg",
    "ba ria vung tau", "dak lak", "tran luu q", "phan van giang", "p v giang",
    "nguyen phu truxg", "luong tam qxaxg",
    # one word: scored by its own unrolled loop
    "n", "h", "ng", "ngu", "nguy", "nguyen", "ngyuen", "luong", "luonh", "tran", "le", "pha",
    "quang", "hoa", "thanh", "hanoi", "danang", "vinh", "long", "xyzzy",
]


def everything_scored(searcher: Searcher, text: str) -> dict[tuple[str, str], float]:
    words = tuple(fold_words(text))
    table = searcher._names()
    best: dict[tuple[str, str], float] = {}
    for key, spelling in table.spellings:
        score = name_score(words, spelling)
        if score >= SUGGEST and score > best.get(key, 0.0):
            best[key] = score
    return best


@pytest.mark.parametrize("text", TYPED)
def test_narrowed_scores_are_the_scores_of_every_spelling(searcher: Searcher, text: str) -> None:
    assert searcher.score_entities(text) == everything_scored(searcher, text)


def test_warmed_letters_give_the_same_scores_without_scoring_again(
        seed_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = Searcher(seed_store)
    expected = {letter: cold.score_entities(letter) for letter in "nlthq"}
    warm = Searcher(seed_store)
    warm.warm_letters()
    monkeypatch.setattr(Searcher, "_candidates", lambda *args, **kwargs: pytest.fail("scored again"))
    for letter, scores in expected.items():
        assert scores and warm.score_entities(letter) == scores
    assert warm.suggest("n")[0].name == cold.suggest("n")[0].name


def test_warmed_letters_filter_and_suggest_as_before_without_reading_the_indexes(
        seed_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """`warm_letters` keeps each letter's strongly named articles and each name's count:
    the letter's filter and suggestions then read no index of names, and give what a
    searcher that kept nothing gives."""
    letters = "nlthqdvp"
    cold = Searcher(seed_store)
    expected = {letter: (cold.select(Query((), letter)), cold.suggest(letter)) for letter in letters}
    assert any(found for (found, _, _), _ in expected.values())
    warm = Searcher(seed_store)
    warm.warm_letters()

    def read(*args: object, **kwargs: object) -> None:
        pytest.fail("an index of names was read again")

    monkeypatch.setattr(Store, "articles_of", read)
    monkeypatch.setattr(Store, "articles_in_place", read)
    for letter, (selected, suggested) in expected.items():
        assert warm.select(Query((), letter)) == selected
        assert warm.suggest(letter) == suggested


def test_the_next_letter_naming_the_same_people_joins_their_articles_once(
        seed_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lu`, `luo` and `luon` match the same people strongly: the union of their articles
    is made for the first text only, and each text selects what a cold searcher selects."""
    texts = ["lu", "luo", "luon"]
    names = {frozenset(Searcher(seed_store).score_entities(t, minimum=search.STRONG)) for t in texts}
    assert len(names) == 1 and next(iter(names))
    expected = {text: Searcher(seed_store).select(Query((), text)) for text in texts}
    searcher = Searcher(seed_store)
    assert searcher.select(Query((), texts[0])) == expected[texts[0]]

    def read(*args: object, **kwargs: object) -> None:
        pytest.fail("the same names' articles were joined again")

    monkeypatch.setattr(Store, "articles_of", read)
    monkeypatch.setattr(Store, "articles_in_place", read)
    for text in texts[1:]:
        assert searcher.select(Query((), text)) == expected[text]


def test_past_the_cap_the_busiest_names_are_scored(seed_store: Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A letter matches more spellings than a keystroke can score: those kept are the
    spellings of the names most articles mention."""
    searcher = Searcher(seed_store)
    table = searcher._names()
    matching = [number for number, (_, words) in enumerate(table.spellings)
                if any(word.startswith("n") for word in words)]
    assert len(matching) > 6

    def size(number: int) -> int:
        return len(seed_store.articles_of(*table.spellings[number][0]))

    monkeypatch.setattr(search, "MAX_CANDIDATES", 6)
    kept = set(searcher._candidates(("n",)))
    assert len(kept) == 6 and kept <= set(matching)
    assert min(size(n) for n in kept) >= max(size(n) for n in matching if n not in kept)


def test_names_folded_a_word_at_a_time_fold_as_whole_names() -> None:
    names = ["Nguyễn Văn Bình", "NGUYỄN VĂN BÌNH", "Park Ji-hoon", "H'Hen Niê", "Y Ngọc Êban",
             "Marc E. Knapper", "Lê\u00a0Quốc  Hùng", "Tô\tLâm", "Đỗ 2 Đức", "Ksor H’Bia",
             "Nguyễn Văn Bình", ""]
    folded: dict[str, tuple[str, ...]] = {}
    for name in names:
        assert search._folded_words(name, folded) == tuple(fold_words(name)), name
    assert folded["Nguyễn"] == ("nguyen",)  # each word folded once, then looked up
