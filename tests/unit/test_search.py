from __future__ import annotations

import pytest

from reader.entities.gazetteer import Gazetteer
from reader.entities.recognise import PERSON, PLACE
from reader.search import STRONG, Chip, Query, Searcher, name_score, parse_terms
from reader.store import SortOrder, Store


def count(searcher: Searcher, text: str, *chips: Chip) -> int:
    return len(searcher.run(Query(tuple(chips), text)).positions)


@pytest.mark.parametrize("text", ["tam quang", "luong tam quang", "Lương Tam Quang",
                                  "luong tam quan", "LUONG TAM QUANG"])
def test_tam_quang_finds_his_four_articles(searcher: Searcher, text: str) -> None:
    assert count(searcher, text) == 4


@pytest.mark.parametrize("text", ["Lê Hoài Trung", "le hoai trung"])
def test_le_hoai_trung_finds_one(searcher: Searcher, text: str) -> None:
    assert count(searcher, text) == 1


@pytest.mark.parametrize("text", ["ha noi", "hanoi", "Hà Nội", "HA NOI"])
def test_ha_noi_spellings_agree(searcher: Searcher, text: str) -> None:
    assert count(searcher, text) == 4


def test_words_that_match_no_name_search_the_text(searcher: Searcher) -> None:
    assert count(searcher, "cybercrime") == 2
    assert count(searcher, "zzzz") == 0


def test_fzf_operators(searcher: Searcher, seed_store: Store) -> None:
    assert count(searcher, "!luong") == len(seed_store) - count(searcher, "'luong")
    assert count(searcher, "'minis") == 0
    assert count(searcher, "minis") > 0


def test_chips_and_together(searcher: Searcher) -> None:
    quang = Chip(PERSON, "luong-tam-quang")
    cuong = Chip(PERSON, "luong-cuong")
    assert count(searcher, "", quang) == 4
    assert count(searcher, "", quang, cuong) == 2
    assert count(searcher, "", quang, Chip(PLACE, "ca-mau")) == 0


def test_place_chip_includes_towns_and_merged_units(tmp_path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    from reader.corpus import open_store

    (tmp_path / "dalat.txt").write_text("Police work in the hills\n\nOfficers in Đà Lạt met.")
    (tmp_path / "binhduong.txt").write_text("Factory raid by police\n\nPolice in Binh Duong acted.")
    (tmp_path / "hcm.txt").write_text("City police meeting held\n\nHCMC police met on Monday.")
    searcher = Searcher(open_store([tmp_path], gazetteer))
    titles = lambda chip: {searcher.store.articles[i].title for i in searcher.chip_positions(chip)}  # noqa: E731
    assert titles(Chip(PLACE, "lam-dong")) == {"Police work in the hills"}
    assert titles(Chip(PLACE, "ho-chi-minh")) == {"Factory raid by police", "City police meeting held"}
    assert titles(Chip(PLACE, "ho-chi-minh", include_merged=False)) == {"City police meeting held"}
    assert count(searcher, "lam dong") == 1


def test_sort_orders(searcher: Searcher, seed_store: Store) -> None:
    newest = [seed_store.articles[i] for i in searcher.run(Query(), SortOrder.NEWEST).positions]
    dates = [a.date for a in newest if a.date]
    assert dates == sorted(dates, reverse=True)
    assert newest[-1].date is None
    oldest = [seed_store.articles[i] for i in searcher.run(Query(), SortOrder.OLDEST).positions]
    assert oldest[-1].date is None
    assert oldest[0].date == min(dates)
    titles = [seed_store.articles[i].title.casefold()
              for i in searcher.run(Query(), SortOrder.TITLE).positions]
    assert titles == sorted(titles)


def test_suggestions_rank_by_score_then_count(searcher: Searcher) -> None:
    suggestions = searcher.suggest("luong")
    assert [s.id for s in suggestions[:2]] == ["luong-tam-quang", "luong-cuong"]
    assert suggestions[0].count == 4 and suggestions[1].count == 2


@pytest.mark.parametrize(("typed", "expected"), [
    ("trong", "nguyen-phu-trong"), ("nghe an", "nghe-an"), ("hcmc", "ho-chi-minh"),
    ("saigon", "ho-chi-minh"), ("daklak", "dak-lak"), ("lam dong", "lam-dong"),
    ("luong tam quan", "luong-tam-quang"),
])
def test_suggestion_finds_the_entity(searcher: Searcher, typed: str, expected: str) -> None:
    assert searcher.suggest(typed)[0].id == expected


def test_merged_place_suggestion_says_what_it_became(searcher: Searcher) -> None:
    suggestion = searcher.suggest("binh duong")[0]
    assert suggestion.id == "binh-duong"
    assert "Hồ Chí Minh" in suggestion.note
    assert "Đà Lạt" in searcher.suggest("lam dong")[0].note


def test_name_score_basics() -> None:
    assert name_score(["hanoi"], ["ha", "noi"]) == 100
    assert name_score(["ha", "noi"], ["ha", "nam"]) < 85
    assert name_score(["vinh"], ["vinh", "long"]) >= 85
    assert name_score(["quang"], ["luong", "tam", "quang"]) >= 85


def test_parse_terms() -> None:
    terms = parse_terms("Hà Nội !drugs 'police")
    assert terms.words == ("ha", "noi")
    assert terms.excluded == ("drugs",)
    assert terms.exact == ("police",)


def test_resolve_for_the_cli(searcher: Searcher) -> None:
    assert searcher.resolve(PLACE, "hanoi").id == "ha-noi"  # type: ignore[union-attr]
    assert searcher.resolve(PERSON, "tam quang").id == "luong-tam-quang"  # type: ignore[union-attr]
    assert searcher.resolve(PLACE, "atlantis") is None


@pytest.mark.parametrize("typed", ["l", "lu", "luong", "luong tam quan", "ha", "ha n", "hanoi",
                                   "nguyen phu trog", "trong", "quang", "daklak", "binh d",
                                   "hcm", "saigon", "ca mau", "xyz", "tam quang", "dong"])
def test_candidate_pruning_matches_scoring_everything(searcher: Searcher, typed: str) -> None:
    from reader.entities.fold import fold_words

    words = fold_words(typed)
    brute: dict[tuple[str, str], float] = {}
    for key, spelling in searcher._names().spellings:
        score = name_score(words, spelling)
        if score >= 60 and score > brute.get(key, 0.0):
            brute[key] = score
    assert searcher.score_entities(typed) == brute
    strong = {key: score for key, score in brute.items() if score >= STRONG}
    assert searcher.score_entities(typed, minimum=STRONG) == strong
    assert searcher.score_entities(typed, kinds=(PERSON,)) == {
        key: score for key, score in brute.items() if key[0] == PERSON}


def test_filter_and_suggestions_score_a_text_once(seed_store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    searcher = Searcher(seed_store)
    calls: list[tuple[str, ...]] = []
    real = Searcher._candidates

    def counted(self: Searcher, words: tuple[str, ...], narrow: bool = False) -> set[int]:
        calls.append(tuple(words))
        return real(self, words, narrow)

    monkeypatch.setattr(Searcher, "_candidates", counted)
    searcher.run(Query((), "tam quang"))
    suggestions = searcher.suggest("tam quang")
    assert calls == [("tam", "quang")]
    assert suggestions[0].id == "luong-tam-quang"
    searcher.suggest("tam quan")
    assert calls == [("tam", "quang"), ("tam", "quan")]


def test_counts_with_and_without_a_subset(seed_store: Store) -> None:
    searcher = Searcher(seed_store)
    busiest = max(seed_store.place_index, key=lambda p: len(seed_store.place_index[p]))
    for key in [(PLACE, "ha-noi"), (PLACE, busiest), (PERSON, "luong-tam-quang")]:
        everything = (seed_store.articles_in_place(key[1], include_merged=False)
                      if key[0] == PLACE else seed_store.articles_of(*key))
        assert searcher.count(key) == len(everything) > 0
        assert searcher.count(key) == len(everything)  # the second time from the kept count
        half = set(sorted(everything)[::2])
        assert searcher.count(key, within=half) == len(half)
        assert searcher.count(key, within=set()) == 0


def test_prepare_builds_what_the_first_search_needs(gazetteer: Gazetteer) -> None:
    from reader.corpus import open_store

    store = open_store([], gazetteer)
    searcher = Searcher(store)
    assert not store.index_ready and searcher._table is None
    seen: list[tuple[int, int]] = []
    searcher.prepare(lambda done, total: seen.append((done, total)))
    assert store.index_ready and searcher._table is not None
    assert seen[-1] == (len(store), len(store))
    assert Searcher(store)._names() is searcher._table  # shared, not built again
    assert Searcher(open_store([], gazetteer))._names() is not searcher._table
