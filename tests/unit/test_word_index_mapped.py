"""A saved word index is mapped, not read: a start holds none of its postings until a
search touches them, and a later save never changes an index already in use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.ingest.article import Article
from reader.word_index import WordIndex


def article(number: int, body: str) -> Article:
    return Article(f"{number:016x}", f"/m/{number}.txt", f"Report {number}", dt.date(2025, 2, 1),
                   None, None, None, body.encode("utf-8"), (), (), ())


ARTICLES = [article(n, f"Police in Huế met {'again ' * (n % 3)}on day {n}.") for n in range(40)]


def test_a_loaded_index_is_a_view_of_the_file(tmp_path: Path) -> None:
    built = WordIndex.build(ARTICLES)
    built.save(tmp_path / "words.bin", "fp")
    loaded = WordIndex.load(tmp_path / "words.bin", "fp")
    assert loaded is not None
    assert isinstance(loaded.postings, memoryview) and isinstance(loaded.offsets, memoryview)
    assert all(isinstance(head, memoryview) for head in loaded.heads.values())
    for word in ("police", "hue", "again", "day", "p", "a", "nothing"):
        assert loaded.with_word(word) == built.with_word(word)
        assert loaded.with_word(word, prefix=False) == built.with_word(word, prefix=False)


def test_a_mapped_index_outlives_its_file_being_replaced(tmp_path: Path) -> None:
    where = tmp_path / "words.bin"
    WordIndex.build(ARTICLES).save(where, "fp")
    loaded = WordIndex.load(where, "fp")
    assert loaded is not None
    before = loaded.with_word("again")
    WordIndex.build(ARTICLES[:3]).save(where, "fp")
    assert loaded.with_word("again") == before and len(before) > 10
    again = WordIndex.load(where, "fp")
    assert again is not None and again.articles == 3


def test_an_empty_or_missing_file_is_no_index(tmp_path: Path) -> None:
    (tmp_path / "empty.bin").write_bytes(b"")
    assert WordIndex.load(tmp_path / "empty.bin", "fp") is None
    assert WordIndex.load(tmp_path / "missing.bin", "fp") is None


def test_an_index_read_from_bytes_is_extended_with_more_articles(tmp_path: Path) -> None:
    saved = WordIndex.from_bytes(WordIndex.build(ARTICLES[:30]).to_bytes("fp"), "fp")
    assert saved is not None
    extended = saved.extended(ARTICLES)
    assert set(extended.with_word("police")) == set(range(40))
    assert extended.with_word("again") == WordIndex.build(ARTICLES).with_word("again")
