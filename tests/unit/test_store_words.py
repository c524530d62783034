"""The word index: the same words as the fold, saved and read back, never stale, built once."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import corpus, word_index
from reader.entities.fold import fold_words
from reader.entities.gazetteer import Gazetteer
from reader.ingest.article import Article
from reader.store import SortOrder, Store
from reader.word_index import WordIndex, for_articles


def article(number: int, title: str, body: str) -> Article:
    return Article(f"{number:016x}", f"/n/{number}.txt", title, dt.date(2025, 1, 1 + number % 28),
                   None, None, None, body.encode("utf-8"), (), (), ())


def words_of(index: WordIndex, position: int) -> set[str]:
    return {w for w in index.vocabulary if position in index.with_word(w, prefix=False)}


TRICKY = ("Hà Nội", "ĐÀ NẴNG", "Lương—Cường", "Bộ Công an’s", "Huế\u00a0police", "straße",
          "x²", "İstanbul", "Ha\u0300 No\u0323i", "COVID-19", "a_b", "𝔘nicode", "ǅemal")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)), max_size=12),
       st.text(max_size=20))
def test_an_article_has_exactly_the_words_the_fold_finds(parts: list[str], title: str) -> None:
    body = " ".join(parts)
    index = WordIndex.build([article(0, title, body)])
    assert set(index.vocabulary) == set(fold_words(title + "\n" + body))


def test_prefix_and_whole_word() -> None:
    index = WordIndex.build([article(0, "Police in Hà Nội", "Officers met."),
                             article(1, "Hanoi court", "A policeman spoke."),
                             article(2, "Nothing", "Ha Long bay.")])
    assert set(index.with_word("police")) == {0, 1}
    assert set(index.with_word("police", prefix=False)) == {0}
    assert set(index.with_word("ha")) == {0, 1, 2}
    assert set(index.with_word("ha", prefix=False)) == {0, 2}
    assert set(index.with_word("noi", prefix=False)) == {0}
    assert set(index.with_word("zzz")) == set()
    assert set(index.with_word("zzz", prefix=False)) == set()
    assert set(index.with_word("p")) == {0, 1} and set(index.with_word("o")) == {0}
    assert set(index.with_word("s")) == {1} and set(index.with_word("n")) == {0, 2}


def test_one_letter_matches_every_word_it_starts() -> None:
    articles = sample(40)
    index = WordIndex.build(articles)
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        expected = {i for i, a in enumerate(articles)
                    if any(w.startswith(letter) for w in fold_words(a.title + " " + a.body))}
        assert set(index.with_word(letter)) == expected, letter


def sample(count: int) -> list[Article]:
    return [article(n, f"Report {n}", f"Case {n} in {'Huế' if n % 3 else 'Hà Nội'} closed "
                                      f"{'fraud' if n % 2 else 'drugs'}.") for n in range(count)]


def test_saved_index_reads_back_the_same(tmp_path: Path) -> None:
    articles = sample(30)
    built = WordIndex.build(articles)
    built.save(tmp_path / "words.bin", "fp")
    loaded = WordIndex.load(tmp_path / "words.bin", "fp")
    assert loaded is not None
    assert loaded.vocabulary == built.vocabulary
    assert loaded.postings == built.postings and loaded.offsets == built.offsets
    assert loaded.digest == built.digest and loaded.articles == 30
    assert loaded.heads == built.heads and len(loaded.heads) > 5
    assert WordIndex.load(tmp_path / "words.bin", "other code") is None


@pytest.mark.parametrize("cut", [0, 5, 20, -1])
def test_a_damaged_saved_index_is_ignored(tmp_path: Path, cut: int) -> None:
    data = WordIndex.build(sample(30)).to_bytes("fp")
    assert WordIndex.from_bytes(data[:cut], "fp") is None
    assert WordIndex.from_bytes(data + b"\0", "fp") is None
    assert WordIndex.from_bytes(b"garbage" * 10, "fp") is None
    header = len(word_index._MAGIC) + 16 + 8 * 2  # the postings count: after the key, two sizes
    claims_more = data[:header] + (2**40).to_bytes(8, "little") + data[header + 8:]
    assert WordIndex.from_bytes(claims_more, "fp") is None


def test_an_index_for_other_articles_is_not_used() -> None:
    articles = sample(10)
    saved = WordIndex.build(articles)
    changed = [*articles[:4], article(99, "Other", "Other text"), *articles[5:]]
    assert for_articles(changed, saved) is None
    assert for_articles(articles[:9], saved) is None
    assert for_articles(articles, saved) is saved


def test_an_index_for_the_first_articles_is_extended() -> None:
    articles = sample(12)
    extra = [article(50, "Bookmarked elsewhere", "Zebra crossing in Huế")]
    extended = for_articles(articles + extra, WordIndex.build(articles))
    whole = WordIndex.build(articles + extra)
    assert extended is not None
    assert extended.vocabulary == whole.vocabulary
    assert extended.postings == whole.postings and extended.offsets == whole.offsets
    assert set(extended.with_word("zebra")) == {12}


def write(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:03}.txt").write_text(
            f"Report number {number} from police\n\nCase {number} about "
            f"{'smuggling' if number % 2 else 'fraud'} was closed in Hà Nội.", encoding="utf-8")


def test_a_warm_start_reads_the_saved_index(tmp_path: Path, gazetteer: Gazetteer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    write(folder, 8)
    cold = corpus.open_store([folder], gazetteer)
    expected = cold.with_word("smuggl")
    assert len(expected) == 4

    def refuse(*args: object, **kwargs: object) -> WordIndex:
        raise AssertionError("the word index was rebuilt on a warm start")

    monkeypatch.setattr(word_index.WordIndex, "build", refuse)
    warm = corpus.open_store([folder], gazetteer)
    assert warm.with_word("smuggl") == expected


def test_an_edited_file_rebuilds_the_saved_index(tmp_path: Path, gazetteer: Gazetteer) -> None:
    folder = tmp_path / "news"
    write(folder, 6)
    assert not corpus.open_store([folder], gazetteer).with_word("counterfeit")
    (folder / "002.txt").write_text("Counterfeit goods seized\n\nPolice in Huế found them.",
                                    encoding="utf-8")
    store = corpus.open_store([folder], gazetteer)
    found = store.with_word("counterfeit")
    assert [store.articles[i].path for i in found] == [str(folder / "002.txt")]
    assert set(store.with_word("fraud")) == {i for i, a in enumerate(store.articles)
                                             if b"fraud" in a.text}


def test_progress_while_the_index_is_built(gazetteer: Gazetteer) -> None:
    store = Store(sample(250), gazetteer)
    assert not store.index_ready and store.index_progress == 0.0
    seen: list[float] = []
    store.word_index(lambda done, total: seen.append(store.index_progress))
    assert store.index_ready and store.index_progress == 1.0
    assert seen[0] == 0.0 and 0.0 < seen[len(seen) // 2] < 1.0 and seen == sorted(seen)


def test_sort_orders_are_built_once_however_many_threads_ask(gazetteer: Gazetteer,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(sample(50), gazetteer)
    builds: list[int] = []
    slow = Store._ordered

    def counted(self: Store, sort: SortOrder) -> list[int]:
        builds.append(1)
        threading.Event().wait(0.02)  # widen the window two threads could both build in
        return slow(self, sort)

    monkeypatch.setattr(Store, "_ordered", counted)
    results: list[list[int]] = []
    threads = [threading.Thread(target=lambda: results.append(store.sorted({1, 2}, SortOrder.OLDEST)))
               for _ in range(8)]
    threads += [threading.Thread(target=lambda: results.append(store.order(SortOrder.OLDEST)))
                for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    order = store.order(SortOrder.OLDEST)
    dates = [store.articles[i].date for i in order]
    assert sorted(order) == list(range(50)) and dates == sorted(dates)  # type: ignore[type-var]
    assert all(r == [1, 2] or r is order for r in results) and len(results) == 12


def test_a_saved_index_is_taken_before_the_first_screen_and_none_is_built(
        tmp_path: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    write(folder, 5)
    real_build = WordIndex.build
    builds: list[int] = []

    def counted(articles: list[Article], progress: object = None) -> WordIndex:
        builds.append(len(articles))
        return real_build(articles)

    monkeypatch.setattr(word_index.WordIndex, "build", counted)
    first = corpus.open_store([folder], gazetteer)
    assert not first.load_saved_index() and not first.index_ready and builds == []
    assert first.with_word("fraud") and builds == [5]  # built on use, and saved
    second = corpus.open_store([folder], gazetteer)
    assert second.load_saved_index() and second.index_ready and builds == [5]
    assert second.with_word("fraud") == first.with_word("fraud")
