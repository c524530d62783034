"""Live updates: a file written into a watched folder is reported, other files are not."""

from __future__ import annotations

import threading
from pathlib import Path

from watchfiles import Change

from reader.watch import article_filter, watch_sources


def test_the_filter_keeps_articles_and_leaves_out_hidden_and_temporary_files() -> None:
    keep = article_filter({".txt", ".json"})
    assert keep(Change.added, "/news/a.txt")
    assert keep(Change.deleted, "/news/b.JSON")
    assert not keep(Change.added, "/news/.archive-tmp.json")
    assert not keep(Change.added, "/news/a.txt~")
    assert not keep(Change.added, "/news/picture.png")


def test_a_new_article_file_is_reported(tmp_path: Path) -> None:
    stop = threading.Event()
    target = tmp_path / "new.txt"
    seen: list[set[str]] = []

    def writer() -> None:
        # Keep touching until the watcher has reported (its start time is not ours to know).
        for number in range(100):
            if seen or stop.wait(0.1):
                return
            (tmp_path / ".ignored.txt").write_text("hidden")
            target.write_text(f"Article {number}")

    thread = threading.Thread(target=writer)
    thread.start()
    timer = threading.Timer(15, stop.set)  # bounded: the test never hangs
    timer.start()
    try:
        for changed in watch_sources([tmp_path], {".txt"}, stop, debounce_ms=50):
            seen.append(changed)
            break
    finally:
        stop.set()
        timer.cancel()
        thread.join()
    assert seen and seen[0] == {str(target)}


def test_nothing_to_watch_ends_at_once(tmp_path: Path) -> None:
    assert list(watch_sources([tmp_path / "missing"], {".txt"}, threading.Event())) == []
