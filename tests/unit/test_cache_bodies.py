"""Bodies on a warm start stay in the cache file and are read by offset when asked for."""

from __future__ import annotations

import dataclasses
import os
import pickle
import threading
from pathlib import Path

import pytest

from reader.entities.recognise import Recogniser
from reader.ingest.article import Article, BodyFile, StoredText
from reader.ingest.cache import ParseCache
from reader.ingest.load import load_paths


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:04}.txt").write_text(
            f"Report {number} from Hanoi\n\nCase {number} in Hà Nội was closed on day "
            f"{number}.\n\nĐà Lạt police helped {'again ' * number}.", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_corpus(folder, 8)
    return folder


def test_warm_articles_hold_no_body_but_read_the_same_text(
        corpus: Path, tmp_path: Path, recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.bin"
    cold = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    warm = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    assert all(isinstance(a.content, bytes) for a in cold.articles)
    assert all(isinstance(a.content, StoredText) for a in warm.articles)
    assert [a.text for a in warm.articles] == [a.text for a in cold.articles]
    assert [a.paragraphs for a in warm.articles] == [a.paragraphs for a in cold.articles]
    assert [a.words for a in warm.articles] == [a.words for a in cold.articles]


def test_bodies_survive_the_cache_being_rewritten(corpus: Path, tmp_path: Path,
                                                  recogniser: Recogniser) -> None:
    """A reload rewrites the cache while the shown store still reads from the old one."""
    cache_file = tmp_path / "cache.bin"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    shown = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp")).articles
    before = [a.text for a in shown]
    (corpus / "0000.txt").unlink()
    write_corpus(tmp_path / "more", 3)
    (corpus / "new.txt").write_text("A new one\n\nWith its own text.", encoding="utf-8")
    again = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp")).articles
    assert [a.text for a in shown] == before
    third = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp")).articles
    assert [a.text for a in third] == [a.text for a in again]
    assert any(a.text == b"With its own text." for a in third)


def test_a_cache_cut_short_is_ignored(corpus: Path, tmp_path: Path,
                                      recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.bin"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    data = cache_file.read_bytes()
    cache_file.write_bytes(data[:len(data) - 40])
    assert ParseCache.open(cache_file, "fp").entries == {}
    cache_file.write_bytes(data[:100])
    assert ParseCache.open(cache_file, "fp").entries == {}


def test_a_body_read_past_the_end_says_so(tmp_path: Path) -> None:
    path = tmp_path / "bodies"
    path.write_bytes(b"0123456789")
    bodies = BodyFile(os.open(path, os.O_RDONLY))
    assert StoredText(bodies, 2, 3).read() == b"234"
    with pytest.raises(OSError):
        StoredText(bodies, 8, 5).read()


def test_stored_articles_travel_as_plain_bytes(corpus: Path, tmp_path: Path,
                                               recogniser: Recogniser) -> None:
    """Pickled for another process (a pool worker), the body goes along, not the offset."""
    cache_file = tmp_path / "cache.bin"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    article = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp")).articles[3]
    copy = pickle.loads(pickle.dumps(article))
    assert isinstance(copy.content, bytes)
    assert copy.text == article.text
    moved = dataclasses.replace(article, path="/elsewhere.txt")
    assert moved.text == article.text and moved.path == "/elsewhere.txt"


def test_bodies_are_read_from_many_threads_at_once(corpus: Path, tmp_path: Path,
                                                   recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.bin"
    cold = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp")).articles
    warm = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp")).articles
    expected = [a.text for a in cold]
    wrong: list[int] = []

    def read_all() -> None:
        for _ in range(50):
            for number, article in enumerate(warm):
                if article.text != expected[number]:
                    wrong.append(number)

    threads = [threading.Thread(target=read_all) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_article_keeps_its_constructor() -> None:
    by_position = Article("i", "/p", "T", None, None, None, None, b"a\n\nb", ("x",), (), ())
    by_name = Article(id="i", path="/p", title="T", date=None, source=None, author=None,
                      dateline=None, text=b"a\n\nb", places=("x",), people=(), person_names=())
    assert by_position == by_name
    assert by_position.paragraphs == ["a", "b"] and by_position.body == "a\n\nb"
    assert Article("i", "/p", "T", None, None, None, None, b"", (), (), ()).paragraphs == []
    assert [f.name for f in dataclasses.fields(Article)][7] == "content"


def test_a_warm_start_holds_each_path_once(corpus: Path, tmp_path: Path,
                                           recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.bin"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    warm = ParseCache.open(cache_file, "fp")
    assert len(warm.entries) == 8
    for key, (_, _, record) in warm.entries.items():
        assert record[1] is key


def test_articles_of_one_day_share_one_date(tmp_path: Path, recogniser: Recogniser) -> None:
    folder = tmp_path / "dated"
    folder.mkdir()
    for number in range(4):
        (folder / f"{number}.txt").write_text(
            f"Report {number}\n\nJanuary 22, 2026\n\nPolice in Huế met on case {number}.",
            encoding="utf-8")
    cache_file = tmp_path / "cache.bin"
    cold = load_paths([folder], recogniser, ParseCache.open(cache_file, "fp")).articles
    warm = load_paths([folder], recogniser, ParseCache.open(cache_file, "fp")).articles
    assert [a.date for a in warm] == [a.date for a in cold] and warm[0].date is not None
    assert len({id(a.date) for a in warm}) == 1
