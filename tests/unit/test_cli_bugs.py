"""The command line's answers to mistakes, its JSON layout, and what it lets reach a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import __version__, cli, cli_entry
from reader.bookmarks import Bookmark, BookmarkStore
from reader.bookmarks_cli import render_markdown
from reader.cli import main
from reader.cli_output import format_count, format_json
from reader.id_prefix import PrefixError, resolve_prefix

HOSTILE_NOTE = "before \x1b]0;HACKED\x07red \x1b[31mafter\x1b[0m \x9b2J end"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def no_interface(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[Path]]]:
    """Records any attempt to open the full-screen interface instead of opening it."""
    started: list[list[Path]] = []

    def fake(paths: list[Path]) -> int:
        started.append(list(paths))
        return 0

    monkeypatch.setattr(cli, "run_tui", fake)
    yield started


# -- words that are not commands -----------------------------------------------------------
@pytest.mark.parametrize(("word", "expected"), [
    ("frobnicate", f"'frobnicate' is not a command ({', '.join(cli.SUBCOMMANDS)}) nor a file"),
    ("lst", "did you mean list?"),
    ("bookmark", "did you mean bookmarks?"),
    ("/nonexistent", "no such file or folder: /nonexistent"),
    ("missing.txt", "no such file or folder: missing.txt"),
])
def test_a_word_that_names_nothing_is_an_error_not_an_empty_interface(
        capsys: pytest.CaptureFixture[str], no_interface: list[list[Path]], word: str,
        expected: str) -> None:
    code, out, err = run(capsys, word)
    assert (code, out) == (2, "")
    assert expected in err
    assert err.count("\n") == 1
    assert no_interface == []


def test_existing_paths_still_open_the_interface(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 no_interface: list[list[Path]]) -> None:
    (tmp_path / "lst").mkdir()  # a folder that happens to look like a mistyped command
    assert run(capsys, str(tmp_path / "lst"))[0] == 0
    assert run(capsys)[0] == 0
    assert no_interface == [[tmp_path / "lst"], []]


def test_a_later_missing_path_also_stops_the_interface(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       no_interface: list[list[Path]]) -> None:
    code, _, err = run(capsys, str(tmp_path), str(tmp_path / "gone"))
    assert code == 2
    assert f"no such file or folder: {tmp_path / 'gone'}" in err
    assert no_interface == []


@pytest.mark.parametrize("command", ["list", "entities"])
def test_a_missing_path_makes_a_command_fail(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, err = run(capsys, command, "/nonexistent")
    assert code == 2
    assert out == ""
    assert err == "reader: no such file or folder: /nonexistent\n"


def test_an_unreadable_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch,
                                          no_interface: list[list[Path]]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path) == locked:  # root reads any folder, so refuse it here as chmod 000 would
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(cli_entry.os, "scandir", scandir)
    for args in ((str(locked),), ("list", str(locked))):
        code, _, err = run(capsys, *args)
        assert code == 2
        assert err == f"reader: cannot read the folder {locked}: permission denied\n"
    assert no_interface == []


def test_a_file_in_a_folder_we_may_not_enter_is_not_called_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    inside = tmp_path / "locked" / "a.txt"
    real_lstat = os.lstat

    def lstat(path: Path) -> os.stat_result:
        if Path(path) == inside:  # what a folder without execute permission gives a user
            raise PermissionError(13, "Permission denied", str(path))
        return real_lstat(path)

    monkeypatch.setattr(cli_entry.os, "lstat", lstat)
    code, _, err = run(capsys, "list", str(inside))
    assert code == 2
    assert err == f"reader: cannot read {inside}: permission denied\n"


def test_version(capsys: pytest.CaptureFixture[str], no_interface: list[list[Path]]) -> None:
    assert run(capsys, "--version") == (0, f"reader {__version__}\n", "")
    assert no_interface == []


# -- names that could mean several things ---------------------------------------------------
def test_an_ambiguous_place_lists_the_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", "--province", "quang")
    assert (code, out) == (2, "")
    assert err.startswith("reader: 'quang' could be any of 6 places: ")
    for name in ("Tuyên Quang", "Quảng Ninh", "Quảng Nam", "Quảng Ngãi", "Quảng Trị", "Quảng Bình"):
        assert name in err
    assert err.rstrip().endswith("give more of the name")


def test_an_ambiguous_person_lists_the_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "--person", "luong")
    assert code == 2
    assert "could be any of 2 people: " in err
    assert "Lương Tam Quang" in err and "Lương Cường" in err


@pytest.mark.parametrize(("option", "name", "count"), [
    ("--province", "Quảng Nam", 0), ("--province", "hanoi", 4), ("--person", "luong cuong", 2),
    ("--province", "Sơn La", 0), ("--province", "ha giang", 0)])  # both also match a longer name
def test_a_full_name_is_not_ambiguous(capsys: pytest.CaptureFixture[str], option: str, name: str,
                                      count: int) -> None:
    code, out, _ = run(capsys, "list", "--json", option, name)
    assert code == 0
    assert len(json.loads(out)) == count


# -- the 2025 merger -------------------------------------------------------------------------
def test_no_merged_changes_what_a_merged_place_finds(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for number, town in enumerate(("a market", "the port", "a factory")):
        (tmp_path / f"story{number}.txt").write_text(
            f"Police act in Binh Duong\n\nPolice in Bình Dương province inspected {town} on Monday.")
    code, out, _ = run(capsys, "list", "--json", "--province", "ho chi minh", str(tmp_path))
    assert code == 0
    assert len(json.loads(out)) == 3
    code, out, _ = run(capsys, "list", "--json", "--no-merged", "--province", "ho chi minh", str(tmp_path))
    assert code == 0
    assert json.loads(out) == []


# -- one JSON layout -------------------------------------------------------------------------
def _is_one_item_a_line(text: str) -> None:
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    for line in lines[1:-1]:
        json.loads(line.rstrip(","))


def test_json_layout_of_arrays_and_objects() -> None:
    assert format_json([]) == "[]\n"
    assert format_json([{"a": 1}, {"b": [1, 2]}]) == '[\n{"a": 1},\n{"b": [1, 2]}\n]\n'
    assert format_json({"x": [{"a": 1}, {"a": 2}], "y": "é"}) == (
        '{\n"x": [\n  {"a": 1},\n  {"a": 2}\n],\n"y": "é"\n}\n')
    assert format_json({"n": "\x1b[31m"}) == '{\n"n": "\\u001b[31m"\n}\n'


def test_every_listing_prints_json_the_same_way(data: Path, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    _is_one_item_a_line(out)
    ids = [item["id"] for item in json.loads(out)]
    for article_id in ids[:2]:
        assert run(capsys, "bookmarks", "add", article_id, "--json")[0] == 0
    listings = [run(capsys, *args)[1] for args in (
        ("bookmarks", "--json"), ("bookmarks", "--json", "list"), ("bookmarks", "list", "--json"),
        ("bookmarks", "export", "--format", "json"), ("bookmarks", "export", "--json"))]
    assert len(set(listings)) == 1
    _is_one_item_a_line(listings[0])
    assert [b["id"] for b in json.loads(listings[0])] == ids[1::-1]
    code, out, _ = run(capsys, "entities", "--json")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "{" and lines[1] == '"provinces": [' and lines[-1] == "}"
    assert all(json.loads(line.strip().rstrip(","))["count"] for line in lines if line.startswith("  "))


@pytest.mark.parametrize("action", [("add",), ("note", "kept"), ("remove",)])
def test_every_bookmark_action_takes_json_and_prints_one_object(
        data: Path, capsys: pytest.CaptureFixture[str], action: tuple[str, ...]) -> None:
    article_id = json.loads(run(capsys, "list", "--json")[1])[0]["id"]
    if action[0] != "add":
        run(capsys, "bookmarks", "add", article_id)
    for args in (("bookmarks", action[0], article_id, *action[1:], "--json"),
                 ("bookmarks", "--json", action[0], article_id, *action[1:])):
        if action[0] == "remove":
            run(capsys, "bookmarks", "add", article_id)
        code, out, _ = run(capsys, *args)
        assert code == 0
        lines = out.splitlines()
        assert (lines[0], lines[-1]) == ("{", "}")
        item = json.loads(out)
        assert item["id"] == article_id
        assert item["note"] == ("kept" if action[0] == "note" else "")


def test_feeds_commands_are_reached_from_the_main_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    for args in (("feeds", "--json"), ("feeds", "list", "--json")):
        assert run(capsys, *args) == (0, "[]\n", "")
    code, out, _ = run(capsys, "fetch")
    assert code == 0
    assert out.startswith("No feeds to fetch")


def test_show_json_is_the_list_entry_with_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    entry = json.loads(run(capsys, "list", "--json")[1])[0]
    code, out, _ = run(capsys, "show", entry["id"][:8], "--json")
    assert code == 0
    shown = json.loads(out)
    assert {k: shown[k] for k in entry} == entry
    assert shown["paragraphs"] and shown["words"] > 10
    assert out.splitlines()[1].startswith('"id": ')


def test_export_json_and_a_different_format_disagree(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "bookmarks", "export", "--json", "--format", "csv")
    assert code == 2
    assert "ask for different formats" in err


# -- export does not overwrite -------------------------------------------------------------
def test_export_refuses_to_replace_a_file_without_force(data: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.md"
    target.write_text("my own notes")
    code, out, err = run(capsys, "bookmarks", "export", "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"reader: {target} exists; add --force to replace it\n"
    assert target.read_text() == "my own notes"
    assert run(capsys, "bookmarks", "export", "-o", str(target), "--force")[0] == 0
    assert target.read_text().startswith("# Bookmarks\n")


# -- counts ---------------------------------------------------------------------------------
def test_counts_have_thousands_separators() -> None:
    assert format_count(1, "article") == "1 article"
    assert format_count(12345, "article") == "12,345 articles"
    assert format_count(2, "person", "people") == "2 people"
    bookmarks = [Bookmark(f"{i:016x}", "t", "/p", None, "", "2025-01-01T00:00:00+00:00")
                 for i in range(1234)]
    assert "1,234 bookmarks, newest first." in render_markdown(bookmarks)


# -- one id-prefix resolver ---------------------------------------------------------------
def test_id_prefix_resolver() -> None:
    ids = ["ab12", "ab34", "cd56"]
    assert resolve_prefix("cd", ids) == "cd56"
    assert resolve_prefix("AB1", ids) == "ab12"
    with pytest.raises(PrefixError, match="'ab' matches 2 articles; give more of the id"):
        resolve_prefix("ab", ids)
    with pytest.raises(PrefixError, match="no bookmark has id 'ff'"):
        resolve_prefix("ff", ids, "bookmark")
    with pytest.raises(PrefixError):
        resolve_prefix("", ids)


# -- nothing from outside reaches the terminal as an escape sequence ------------------------
def _reader(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, env=env,
                          timeout=60, check=False)


def test_hostile_notes_and_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    hostile = folder / "\x1b]0;HACKED\x07\x1b[31mred.txt"
    hostile.write_text("Police in Hanoi\n\nThe police of Hà Nội met on Monday to plan the year.")
    (folder / "\x1b[2Jempty.txt").write_bytes(b"")
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path / "data"), "READER_NO_CACHE": "1"}
    listing = _reader(env, "list", str(folder))
    assert listing.returncode == 0, listing.stderr
    article_id = listing.stdout.split()[0].decode()
    outputs = [listing,
               _reader(env, "bookmarks", "add", article_id, str(folder), "--note", HOSTILE_NOTE),
               _reader(env, "bookmarks", "note", article_id[:6], HOSTILE_NOTE),
               _reader(env, "bookmarks", "list"),
               _reader(env, "bookmarks", "--json"),
               _reader(env, "bookmarks", "export", "--format", "md"),
               _reader(env, "bookmarks", "export", "--format", "csv"),
               _reader(env, "show", article_id, str(folder)),
               _reader(env, "entities", str(folder))]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream and b"\x9b" not in stream
            assert "\x9b" not in stream.decode("utf-8")
    assert b"empty.txt: empty file" in listing.stderr
    assert b"> before red after end" in outputs[3].stdout
    with BookmarkStore.open(tmp_path / "data" / "bookmarks.sqlite3") as store:
        saved = store.get(article_id)
    assert saved is not None
    assert saved.note == "before red after end"  # cleaned when it was written, too
