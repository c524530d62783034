"""The parse cache: warm starts read no article, edits are seen, damage costs only time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.corpus import open_store
from reader.entities.gazetteer import Gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest import cache, load
from reader.ingest.cache import ParseCache, code_fingerprint
from reader.ingest.load import load_paths


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:04}.txt").write_text(
            f"Police report number {number} from Hanoi\n\n"
            f"Colonel Nguyễn Văn Bình said case {number} in Hà Nội was closed.\n\n"
            f"Bình added that Đà Lạt police helped.", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_corpus(folder, 12)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_warm_load_reads_no_file(corpus: Path, tmp_path: Path, recogniser: Recogniser,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache_file = tmp_path / "cache.pickle"
    cold = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))

    def refuse(*args: object) -> object:
        raise AssertionError("a cached file was read again")

    monkeypatch.setattr(load, "read_file", refuse)
    warm = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    assert [a.id for a in warm.articles] == [a.id for a in cold.articles]
    assert warm.articles == cold.articles
    assert [s.reason for s in warm.skipped] == ["empty file"]


def test_an_edited_file_is_read_again(corpus: Path, tmp_path: Path, recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.pickle"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    edited = corpus / "0003.txt"
    edited.write_text("A new headline about Hue police\n\nNew text in Huế.", encoding="utf-8")
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    warm = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    article = next(a for a in warm.articles if a.path.endswith("0003.txt"))
    assert article.title == "A new headline about Hue police"
    assert article.places == ("thua-thien-hue",)


def test_a_new_fingerprint_starts_afresh(corpus: Path, tmp_path: Path, recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.pickle"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "old"))
    assert ParseCache.open(cache_file, "old").entries
    assert ParseCache.open(cache_file, "new").entries == {}


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", b"\x80\x05K\x01."])
def test_damaged_cache_is_rebuilt(corpus: Path, tmp_path: Path, recogniser: Recogniser,
                                  damage: bytes) -> None:
    cache_file = tmp_path / "cache.pickle"
    cache_file.write_bytes(damage)
    result = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    assert len(result.articles) == 12
    assert ParseCache.open(cache_file, "fp").entries


def test_code_fingerprint_follows_its_inputs() -> None:
    assert code_fingerprint("a") == code_fingerprint("a")
    assert code_fingerprint("a") != code_fingerprint("b")


def test_parallel_load_equals_serial(tmp_path: Path, gazetteer: Gazetteer,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "many"
    write_corpus(folder, 40)
    recogniser = Recogniser(gazetteer)
    serial = load_paths([folder], recogniser, workers=1)
    monkeypatch.setattr(load, "PARALLEL_FROM", 10)
    seen: list[tuple[int, int]] = []
    parallel = load_paths([folder], recogniser, workers=2,
                          progress=lambda done, total: seen.append((done, total)))
    assert parallel.articles == serial.articles
    assert seen[-1] == (40, 40)


def copy_code(target: Path) -> Path:
    """A copy of the fingerprinted packages, to edit without touching the real code."""
    for folder in cache.FINGERPRINTED:
        shutil.copytree(cache.PACKAGE / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.mark.parametrize("edited", ["ingest/parse.py", "ingest/clean.py", "entities/recognise.py",
                                    "entities/fold.py", "feeds/archive.py"])
def test_code_fingerprint_follows_the_source_files(tmp_path: Path, edited: str) -> None:
    package = copy_code(tmp_path / "reader")
    assert code_fingerprint("g", package=package) == code_fingerprint("g")
    source = package / edited
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("the", "THE", 1), encoding="utf-8")  # the same size
    assert code_fingerprint("g", package=package) != code_fingerprint("g")


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = load.read_file

    def counted(path: Path, recogniser: Recogniser) -> object:
        reads.append(path.name)
        return real(path, recogniser)

    monkeypatch.setattr(load, "read_file", counted)
    return reads


def test_changed_parser_code_rereads_every_file(corpus: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    package = copy_code(tmp_path / "reader")
    monkeypatch.setattr(cache, "PACKAGE", package)
    open_store([corpus])
    reads = counting_reads(monkeypatch)
    open_store([corpus])
    assert reads == []
    parse = package / "ingest" / "parse.py"
    parse.write_text(parse.read_text(encoding="utf-8") + "\n# parse differently\n", encoding="utf-8")
    open_store([corpus])
    assert len(reads) == 13


PEOPLE_HEADER = "id\tname\tname_en\troles\taliases\n"


def test_a_changed_people_list_rereads_every_file(corpus: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("READER_CONFIG_DIR", str(config))
    people = config / "people.tsv"
    people.write_text(PEOPLE_HEADER + "pham-an\tPhạm An\tPham An\tJudge\t\n", encoding="utf-8")
    first = open_store([corpus])
    assert "nguyen-van-binh-x" not in first.person_index
    reads = counting_reads(monkeypatch)
    open_store([corpus])
    assert reads == []
    people.write_text(PEOPLE_HEADER + "pham-an\tPhạm An\tPham An\tJudge\t\n"
                      "nguyen-van-binh-x\tNguyễn Văn Bình\tNguyen Van Binh\tColonel\t\n",
                      encoding="utf-8")
    store = open_store([corpus])
    assert len(reads) == 13
    assert len(store.person_index["nguyen-van-binh-x"]) == 12


def test_a_warm_start_holds_repeated_ids_once(corpus: Path, tmp_path: Path,
                                              recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache.pickle"
    load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    warm = load_paths([corpus], recogniser, ParseCache.open(cache_file, "fp"))
    places = [a.places[0] for a in warm.articles]
    people = [a.people[0] for a in warm.articles]
    assert len(places) == 12 and len({id(p) for p in places}) == 1
    assert len({id(p) for p in people}) == 1
