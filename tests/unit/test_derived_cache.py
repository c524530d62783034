"""The store's indexes and entities and the name table, saved by one start, are read by the
next, and only for the same articles, gazetteer and code: a stale table would suggest
people who are no longer there, stale indexes would filter the wrong articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import derived_cache, search
from reader.corpus import open_store, share_saved_names
from reader.paths import cache_dir, config_dir
from reader.search import NameTable, Query, Searcher
from reader.store import Store


def write_corpus(folder: Path, people: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, person in enumerate(people):
        (folder / f"{number:02}.txt").write_text(
            f"Police report number {number} from Hanoi\n\n"
            f"Colonel {person} said case {number} in Hà Nội was closed.\n\n"
            f"{person.split()[-1]} added that Đà Lạt police helped.", encoding="utf-8")
    return folder


PEOPLE = ["Nguyễn Văn Bình", "Lương Tam Quang", "Hoàng Thị Mai", "Ksor Y Tin"]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many tables were built (not read)."""
    built: list[int] = []
    real = NameTable.__init__

    def counted(self: NameTable, store: Store) -> None:
        built.append(len(store))
        real(self, store)

    monkeypatch.setattr(NameTable, "__init__", counted)
    return built


def table_of(store: Store) -> NameTable:
    return Searcher(store)._names()


def test_a_saved_table_is_read_back_whole_and_searches_alike(tmp_path: Path, builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    first = open_store([folder])
    share_saved_names(first)
    assert builds == [len(first)]
    second = open_store([folder])
    share_saved_names(second)
    assert builds == [len(first)]  # read, not built
    read, built = table_of(second), NameTable(first)
    assert read.spellings == built.spellings
    assert read.by_word == built.by_word and read.by_joined == built.by_joined
    assert read.words == built.words and read.joined == built.joined
    assert read.joined_of == built.joined_of
    for text in ("luong", "nguyen van b", "ksor", "ha noi", "mai"):
        assert list(Searcher(second).run(Query((), text)).positions) == \
            list(Searcher(first).run(Query((), text)).positions)
        assert Searcher(second).suggest(text) == Searcher(first).suggest(text)


def test_a_changed_article_builds_the_table_again(tmp_path: Path, builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    share_saved_names(open_store([folder]))
    write_corpus(folder, [*PEOPLE[:3], "Trần Quốc Vượng"])
    store = open_store([folder])
    share_saved_names(store)
    assert len(builds) == 2
    assert any(key[1] == "tran-quoc-vuong" for key, _ in table_of(store).spellings)
    assert not any(key[1] == "ksor-y-tin" for key, _ in table_of(store).spellings)


def test_another_gazetteer_builds_the_table_again(tmp_path: Path, builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    before = open_store([folder])
    share_saved_names(before)
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "people.tsv").write_text(
        "id\tname\tname_en\troles\taliases\nle-van-tam\tLê Văn Tám\tLe Van Tam\thero\tTám\n",
        encoding="utf-8")
    after = open_store([folder])
    assert [a.id for a in after.articles] == [a.id for a in before.articles]
    assert derived_cache.key_of(after.articles, after.gazetteer) != \
        derived_cache.key_of(before.articles, before.gazetteer)
    share_saved_names(after)
    assert len(builds) == 2
    assert any(key[1] == "le-van-tam" for key, _ in table_of(after).spellings)


def test_a_damaged_table_file_only_costs_a_build(tmp_path: Path, builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    share_saved_names(open_store([folder]))
    (saved,) = cache_dir().glob("names-*.pickle")
    saved.write_bytes(saved.read_bytes()[:100])
    store = open_store([folder])
    share_saved_names(store)
    assert len(builds) == 2
    assert Searcher(store).suggest("luong")
    share_saved_names(open_store([folder]))  # and it was written again, whole
    assert len(builds) == 2


def test_without_the_cache_searchers_build_their_own(tmp_path: Path, builds: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NO_CACHE", "1")
    folder = write_corpus(tmp_path / "c", PEOPLE)
    store = open_store([folder])
    share_saved_names(store)
    assert builds == [] and not list(cache_dir().glob("derived-*"))
    assert store not in search._TABLES
    assert Searcher(store).suggest("luong") and builds == [len(store)]


def test_the_interface_start_reads_the_table_the_last_one_saved(tmp_path: Path,
                                                                builds: list[int]) -> None:
    from reader.bookmarks import BookmarkStore
    from reader.tui.session import open_session

    folder = write_corpus(tmp_path / "c", PEOPLE)
    bookmarks = BookmarkStore.open(tmp_path / "marks.sqlite3")
    try:
        first, _ = open_session([folder], bookmarks)
        second, _ = open_session([folder], bookmarks, trusted=True)
    finally:
        bookmarks.close()
    assert builds == [len(first)]
    assert Searcher(second).suggest("luong")
    assert builds == [len(first)]


@pytest.fixture
def entity_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many stores built their entities (and indexes) instead of reading them."""
    built: list[int] = []
    real = Store._entities

    def counted(self: Store, person_names: dict[str, dict[str, int]]) -> object:
        built.append(len(self))
        return real(self, person_names)

    monkeypatch.setattr(Store, "_entities", counted)
    return built


def test_a_store_reads_the_indexes_the_last_one_saved(tmp_path: Path,
                                                      entity_builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    first = open_store([folder])
    second = open_store([folder])
    assert entity_builds == [len(first)]
    assert second.place_index == first.place_index
    assert second.person_index == first.person_index
    assert second.entities == first.entities
    assert list(second.articles_of("person", "luong-tam-quang")) == \
        list(first.articles_of("person", "luong-tam-quang")) != []
    assert Store(list(first.articles), first.gazetteer).indexes() == second.indexes()


def test_changed_articles_build_the_indexes_again(tmp_path: Path, entity_builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    open_store([folder])
    write_corpus(folder, [*PEOPLE[:3], "Trần Quốc Vượng"])
    store = open_store([folder])
    assert len(entity_builds) == 2
    assert store.articles_of("person", "tran-quoc-vuong")
    assert not store.articles_of("person", "ksor-y-tin")


def test_the_names_join_indexes_saved_without_them(tmp_path: Path, builds: list[int],
                                                   entity_builds: list[int]) -> None:
    """A plain `reader list` saves the indexes only; the first search adds the names, and
    from then on a start builds neither."""
    folder = write_corpus(tmp_path / "c", PEOPLE)
    open_store([folder])
    with_names = open_store([folder])
    share_saved_names(with_names)
    third = open_store([folder])
    share_saved_names(third)
    assert len(entity_builds) == 1 and len(builds) == 1
    assert Searcher(third).suggest("luong") == Searcher(with_names).suggest("luong")


def test_a_damaged_index_file_only_costs_a_build(tmp_path: Path, entity_builds: list[int]) -> None:
    folder = write_corpus(tmp_path / "c", PEOPLE)
    first = open_store([folder])
    (saved,) = cache_dir().glob("derived-*.pickle")
    saved.write_bytes(saved.read_bytes()[:100])
    second = open_store([folder])
    assert len(entity_builds) == 2 and second.indexes() == first.indexes()
    open_store([folder])  # and it was written again, whole
    assert len(entity_builds) == 2


def test_a_store_that_is_not_searched_does_not_read_the_names(
        tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """`reader list` needs the indexes, not the name table: reading it held 40 MB more at
    100,000 articles."""
    folder = write_corpus(tmp_path / "c", PEOPLE)
    share_saved_names(open_store([folder]))
    read: list[str] = []
    real = Path.read_bytes

    def recorded(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", recorded)
    store = open_store([folder])
    assert any(name.startswith("derived-") for name in read)
    assert not any(name.startswith("names-") for name in read)
    share_saved_names(store)
    assert any(name.startswith("names-") for name in read)
    assert builds == [len(store)]  # the first start built it; this one read it
