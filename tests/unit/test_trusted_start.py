"""A start may take the parse cache's last walk for the files and look at them afterwards:
the same articles as a checked load when nothing changed, and every change found later."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from reader.entities.recognise import Recogniser
from reader.ingest import load
from reader.ingest.cache import ParseCache
from reader.ingest.load import LoadResult, changes_since, load_paths


def write_article(path: Path, number: int, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Police report number {number} from Hanoi\n\n"
                    f"Colonel Nguyễn Văn Bình said case {number} in Hà Nội was closed.{extra}",
                    encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for number in range(6):
        write_article(folder / "a" / f"{number:02}.txt", number)
    write_article(folder / "b" / "10.txt", 10)
    write_article(folder / "top.txt", 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy.txt").write_bytes((folder / "top.txt").read_bytes())
    return folder


def load_once(folder: Path, recogniser: Recogniser, cache_file: Path, trusted: bool) -> LoadResult:
    return load_paths([folder], recogniser, ParseCache.open(cache_file, "fp"), trusted=trusted)


def summary(result: LoadResult) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    return ([(a.id, a.path, a.title) for a in result.articles],
            [(s.path, s.reason) for s in result.skipped])


def test_a_trusted_start_gives_what_a_checked_one_does(corpus: Path, tmp_path: Path,
                                                       recogniser: Recogniser,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache_file = tmp_path / "cache"
    checked = load_once(corpus, recogniser, cache_file, trusted=False)
    assert checked.unchecked is None

    def no_walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("a trusted start walked the folders")

    looked: list[object] = []
    real_stat = os.stat

    def counted_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        looked.append(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load.os, "walk", no_walk)
    monkeypatch.setattr(load.os, "stat", counted_stat)
    trusted = load_once(corpus, recogniser, cache_file, trusted=True)
    monkeypatch.undo()
    assert looked == [str(corpus)] or looked == [corpus]  # only that the folder is there
    assert trusted.unchecked is not None
    assert summary(trusted) == summary(checked)
    reasons = dict(summary(trusted)[1])
    assert "empty" in reasons[str(corpus / "empty.txt")]
    assert reasons[str(corpus / "top.txt")] == f"same text as {corpus / 'copy.txt'}"
    assert [a.body for a in trusted.articles] == [a.body for a in checked.articles]
    assert not changes_since(trusted.unchecked)


def test_every_change_is_found_after_a_trusted_start(corpus: Path, tmp_path: Path,
                                                    recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache"
    load_once(corpus, recogniser, cache_file, trusted=False)
    write_article(corpus / "a" / "02.txt", 2, " Two more sentences were added to this one.")
    (corpus / "a" / "04.txt").unlink()
    write_article(corpus / "c" / "30.txt", 30)
    write_article(corpus / "31.txt", 31)
    trusted = load_once(corpus, recogniser, cache_file, trusted=True)
    # What the last walk found, as it was: the new files come with the check.
    assert "Police report number 4 from Hanoi" in [a.title for a in trusted.articles]
    assert "Police report number 30 from Hanoi" not in [a.title for a in trusted.articles]
    assert trusted.unchecked is not None
    changes = changes_since(trusted.unchecked)
    assert (changes.added, changes.changed, changes.removed) == (2, 1, 1)
    assert str(changes) == "Files changed since the last start: 2 added, 1 changed, 1 removed."


def test_a_file_touched_without_a_new_size_is_a_change(corpus: Path, tmp_path: Path,
                                                      recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache"
    load_once(corpus, recogniser, cache_file, trusted=False)
    target = corpus / "top.txt"
    later = target.stat().st_mtime_ns + 5_000_000_000
    os.utime(target, ns=(later, later))
    trusted = load_once(corpus, recogniser, cache_file, trusted=True)
    assert trusted.unchecked is not None
    assert changes_since(trusted.unchecked).changed == 1


def test_the_walk_is_kept_in_walking_order(corpus: Path, tmp_path: Path,
                                           recogniser: Recogniser) -> None:
    """A file added between others is cached last, but the next start lists it where a
    walk finds it."""
    cache_file = tmp_path / "cache"
    load_once(corpus, recogniser, cache_file, trusted=False)
    write_article(corpus / "a" / "03b.txt", 33)
    write_article(corpus / "0-first.txt", 34)
    checked = load_once(corpus, recogniser, cache_file, trusted=False)
    trusted = load_once(corpus, recogniser, cache_file, trusted=True)
    assert trusted.unchecked is not None
    assert summary(trusted) == summary(checked)
    paths = [a.path for a in trusted.articles]
    assert paths.index(str(corpus / "a" / "03b.txt")) == paths.index(str(corpus / "a" / "03.txt")) + 1


def test_an_older_cache_is_checked_once_then_trusted(corpus: Path, tmp_path: Path,
                                                     recogniser: Recogniser) -> None:
    """A cache written before the walk was kept (no `walked`) is not taken for the files:
    that start checks them, and rewrites the cache so the next one may trust it."""
    cache_file = tmp_path / "cache"
    load_once(corpus, recogniser, cache_file, trusted=False)
    data = cache_file.read_bytes()
    header = ParseCache.open(cache_file, "fp")
    entries_at = int.from_bytes(data[len(b"reader-parse-cache\x04"):][:8], "little")
    stored = pickle.loads(data[entries_at:])
    assert stored["walked"] is True and header.walked
    del stored["walked"]
    cache_file.write_bytes(data[:entries_at] + pickle.dumps(stored))
    assert not ParseCache.open(cache_file, "fp").walked

    first = load_once(corpus, recogniser, cache_file, trusted=True)
    assert first.unchecked is None
    second = load_once(corpus, recogniser, cache_file, trusted=True)
    assert second.unchecked is not None
    assert summary(second) == summary(first)


def test_a_missing_folder_is_told_at_once(corpus: Path, tmp_path: Path,
                                          recogniser: Recogniser) -> None:
    cache_file = tmp_path / "cache"
    gone = tmp_path / "gone"
    gone.mkdir()
    write_article(gone / "1.txt", 41)
    load_paths([corpus, gone], recogniser, ParseCache.open(cache_file, "fp"))
    (gone / "1.txt").unlink()
    gone.rmdir()
    result = load_paths([corpus, gone], recogniser, ParseCache.open(cache_file, "fp"),
                        trusted=True)
    assert result.unchecked is None
    assert (str(gone), "no such file or folder") in summary(result)[1]


def test_a_file_that_cannot_be_looked_at_stays_skipped(corpus: Path, tmp_path: Path,
                                                        recogniser: Recogniser) -> None:
    """A dangling link is skipped on every start, trusted or not, and is no change."""
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    cache_file = tmp_path / "cache"
    checked = load_once(corpus, recogniser, cache_file, trusted=False)
    trusted = load_once(corpus, recogniser, cache_file, trusted=True)
    assert trusted.unchecked is not None
    assert summary(trusted) == summary(checked)
    assert str(corpus / "dangling.txt") in dict(summary(trusted)[1])
    assert not changes_since(trusted.unchecked)
