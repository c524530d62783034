"""A file's bytes are read with one open, one fstat and one read; what cannot be an article
(too large, not a regular file, gone) is skipped with its reason and the rest loads."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.entities.recognise import Recogniser
from reader.ingest.decode import MAX_BYTES
from reader.ingest.load import LoadResult, load_paths, read_bytes

STORY = "Police in Đà Nẵng seized a boat.\n\nColonel Nguyễn Văn Bình said the crew was held."


def _load_bounded(folder: Path, recogniser: Recogniser) -> LoadResult:
    """The load in a thread, so a load that waits on a file fails the test, not the run."""
    outcome: list[LoadResult] = []
    worker = threading.Thread(target=lambda: outcome.append(load_paths([folder], recogniser)),
                              daemon=True)
    worker.start()
    worker.join(20)
    assert outcome, "the load did not finish: it is waiting on a file"
    return outcome[0]


def test_a_file_over_the_limit_is_skipped_unread(tmp_path: Path, recogniser: Recogniser,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    with (tmp_path / "dump.txt").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    real_read = os.read
    asked: list[int] = []

    def counted(fd: int, length: int) -> bytes:
        asked.append(length)
        return real_read(fd, length)

    monkeypatch.setattr(os, "read", counted)
    result = _load_bounded(tmp_path, recogniser)
    assert max(asked) < 1000, "the large file was read"
    assert [a.title for a in result.articles] == ["Police in Đà Nẵng seized a boat"]
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == \
        [("dump.txt", "too large (4.0 MB; the limit is 4 MB)")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_skipped_without_waiting_for_a_writer(tmp_path: Path,
                                                              recogniser: Recogniser) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = _load_bounded(tmp_path, recogniser)
    assert len(result.articles) == 1
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == \
        [("pipe.txt", "not a regular file")]


def test_a_dangling_link_is_skipped_as_unreadable(tmp_path: Path, recogniser: Recogniser) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert read_bytes(str(tmp_path / "gone.txt")) == "cannot be read (No such file or directory)"


def test_a_file_that_grew_after_its_size_was_taken_is_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode() * 50)
    real_fstat = os.fstat

    def smaller(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        fields = list(info[:10])
        fields[6] = 10  # st_size: taken when the file had 10 bytes
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", smaller)
    assert read_bytes(str(path)) == STORY.encode() * 50


def test_a_file_that_grew_past_the_limit_stops_being_read_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    with path.open("wb") as handle:
        handle.truncate(3 * MAX_BYTES)
    real_fstat = os.fstat

    def small(fd: int) -> os.stat_result:
        fields = list(real_fstat(fd)[:10])
        fields[6] = 100
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", small)
    data = read_bytes(str(path))
    assert isinstance(data, bytes)
    assert MAX_BYTES < len(data) <= MAX_BYTES + (1 << 16)
