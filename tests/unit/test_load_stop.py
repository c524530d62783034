"""A load that stops half-way (the user quit, Ctrl+C, an error) keeps in the parse cache
what it parsed, and the next load parses only the rest."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from reader.entities.recognise import Recogniser
from reader.ingest import load
from reader.ingest.cache import ParseCache
from reader.ingest.load import PARALLEL_FROM, LoadStopped, load_paths
from tests.conftest import numbered_articles

FINGERPRINT = "test"




def _cache(root: Path) -> ParseCache:
    return ParseCache.open(root / "parsed.cache", FINGERPRINT)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed in this process."""
    parsed: list[str] = []
    real = load.read_file

    def counted(path: Path, recogniser: Recogniser) -> Any:
        parsed.append(path.name)
        return real(path, recogniser)

    monkeypatch.setattr(load, "read_file", counted)
    return parsed


class SetAfter:
    """A stop flag that says no to the load's first `count` looks, then yes."""

    def __init__(self, count: int) -> None:
        self.count = count

    def is_set(self) -> bool:
        self.count -= 1
        return self.count < 0


def test_a_stopped_load_keeps_what_it_parsed_and_the_next_reads_the_rest(
        tmp_path: Path, recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = numbered_articles(tmp_path, 12)
    parsed = _counting(monkeypatch)
    with pytest.raises(LoadStopped) as stopped:
        load_paths([folder], recogniser, _cache(tmp_path), workers=1, stop=SetAfter(1 + 4))
    assert stopped.value.kept == 5  # one look before the walk, then one after each file
    kept = _cache(tmp_path)
    assert len(kept.entries) == 5 and not kept.walked
    parsed.clear()
    again = load_paths([folder], recogniser, _cache(tmp_path), workers=1)
    assert sorted(parsed) == [f"{n:04d}.txt" for n in range(5, 12)]
    assert [a.title for a in again.articles] == [f"Police story number {n}" for n in range(12)]
    assert _cache(tmp_path).walked  # a complete load records its walk again


def test_an_interrupt_keeps_what_was_parsed_and_is_raised(
        tmp_path: Path, recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = numbered_articles(tmp_path, 8)
    real = load.read_file

    def interrupted(path: Path, recogniser: Recogniser) -> Any:
        if path.name == "0003.txt":
            raise KeyboardInterrupt
        return real(path, recogniser)

    monkeypatch.setattr(load, "read_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_paths([folder], recogniser, _cache(tmp_path), workers=1)
    assert sorted(Path(name).name for name in _cache(tmp_path).entries) == \
        ["0000.txt", "0001.txt", "0002.txt"]


def test_a_stop_before_any_file_is_parsed_writes_no_cache(tmp_path: Path,
                                                          recogniser: Recogniser) -> None:
    folder = numbered_articles(tmp_path, 3)
    with pytest.raises(LoadStopped) as stopped:
        load_paths([folder], recogniser, _cache(tmp_path), workers=1, stop=SetAfter(0))
    assert stopped.value.kept == 0
    assert not (tmp_path / "parsed.cache").exists()


def test_a_stopped_pool_drops_the_chunks_it_has_not_begun(
        tmp_path: Path, recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = numbered_articles(tmp_path, PARALLEL_FROM + 20)
    shutdowns: list[dict[str, Any]] = []
    stop = threading.Event()

    class WatchedPool(ProcessPoolExecutor):
        def map(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
            for outcome in super().map(*args, **kwargs):
                stop.set()  # the user quits once the first chunk is back
                yield outcome

        def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
            shutdowns.append({"wait": wait, "cancel_futures": cancel_futures})
            super().shutdown(wait, cancel_futures=cancel_futures)

    monkeypatch.setattr(load, "ProcessPoolExecutor", WatchedPool)
    with pytest.raises(LoadStopped) as stopped:
        load_paths([folder], recogniser, _cache(tmp_path), workers=2, stop=stop)
    assert stopped.value.kept == 1
    assert shutdowns and shutdowns[0]["cancel_futures"]
    assert len(_cache(tmp_path).entries) == 1


def test_a_stopped_load_of_new_files_is_not_taken_for_a_walk(
        tmp_path: Path, recogniser: Recogniser) -> None:
    """The cache of a complete load is trusted for the folders at the next start; once a
    load of new files stopped half-way, the next start looks at every file again."""
    folder = numbered_articles(tmp_path, 4)
    load_paths([folder], recogniser, _cache(tmp_path), workers=1)
    assert _cache(tmp_path).walked
    for number in range(4, 10):
        (folder / f"{number:04d}.txt").write_text(f"Police story number {number}\n\nMore.",
                                                  encoding="utf-8")
    with pytest.raises(LoadStopped):
        load_paths([folder], recogniser, _cache(tmp_path), workers=1, stop=SetAfter(1 + 2))
    kept = _cache(tmp_path)
    assert len(kept.entries) == 4 + 3 and not kept.walked
    trusted = load_paths([folder], recogniser, kept, workers=1, trusted=True)
    assert trusted.unchecked is None  # the files were looked at, not taken from the cache
    assert len(trusted.articles) == 10
