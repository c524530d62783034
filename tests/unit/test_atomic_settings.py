"""Atomic file replacement, and settings saved by two running copies at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import atomic
from reader.settings import load_settings, save_setting


def test_write_text_replaces_the_whole_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("an older and much longer text " * 50)
    atomic.write_text(target, "new\r\nlines\n")
    assert target.read_bytes() == b"new\r\nlines\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_bytes_creates_the_file(tmp_path: Path) -> None:
    target = tmp_path / "blob.bin"
    atomic.write_bytes(target, b"\x00\xff" * 3, mode=0o600)
    assert target.read_bytes() == b"\x00\xff" * 3
    assert target.stat().st_mode & 0o077 == 0


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("precious")
    with pytest.raises(RuntimeError), atomic.replacing(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("crash mid-write")
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]


def test_writing_into_a_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        atomic.write_text(tmp_path / "missing" / "x.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_create_writes_a_new_file_and_never_replaces_one(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new.bin"
    assert atomic.create(target, b"first") is True
    assert atomic.create(target, b"second") is False
    assert target.read_bytes() == b"first"

    def no_links(source: Path, link: Path) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)  # a file system without hard links
    assert atomic.create(target, b"third") is False
    assert atomic.create(tmp_path / "other.bin", b"other") is True
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bin", "other.bin"]


def test_settings_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    assert load_settings() == {}
    save_setting("theme", "nord")
    save_setting("sort", "title")
    assert load_settings() == {"theme": "nord", "sort": "title"}
    (tmp_path / "config" / "settings.json").write_text("{broken")
    assert load_settings() == {}
    save_setting("sort", "oldest")
    assert load_settings() == {"sort": "oldest"}


SAVER = """
import sys
from reader.settings import save_setting
name, count = sys.argv[1], int(sys.argv[2])
sys.stdin.readline()
for i in range(count):
    save_setting(f"{name}-{i}", i)
"""


def test_two_copies_saving_at_once_lose_no_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**os.environ, "READER_CONFIG_DIR": str(tmp_path / "config")}
    copies = [subprocess.Popen([sys.executable, "-c", SAVER, name, "60"], stdin=subprocess.PIPE,
                               env=env, text=True) for name in ("a", "b", "c")]
    for copy in copies:  # all started before any writes, so the writes overlap
        assert copy.stdin is not None
        copy.stdin.write("go\n")
        copy.stdin.flush()
    for copy in copies:
        assert copy.wait(timeout=60) == 0
    monkeypatch.setenv("READER_CONFIG_DIR", env["READER_CONFIG_DIR"])
    assert sorted(load_settings()) == sorted(f"{n}-{i}" for n in "abc" for i in range(60))
