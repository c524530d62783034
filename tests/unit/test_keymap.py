"""The user's keymap: what is right in it applies, every mistake is one plain warning."""

from __future__ import annotations

from pathlib import Path

from reader.bookmarks import BookmarkStore
from reader.keymap import load_keymap

KNOWN = {"main.bookmark", "main.sort", "list.next"}


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "keymap.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_keymap_is_empty(tmp_path: Path) -> None:
    keymap = load_keymap(KNOWN, tmp_path / "keymap.toml")
    assert keymap.keys == {} and keymap.warnings == []


def test_keys_are_read_by_binding_id(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"main.bookmark" = "ctrl+b"\n"list.next" = "j, down ,ctrl+n"\n')
    keymap = load_keymap(KNOWN, path)
    assert keymap.keys == {"main.bookmark": "ctrl+b", "list.next": "j,down,ctrl+n"}
    assert keymap.warnings == []


def test_an_unknown_id_is_named_with_the_closest_one(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"main.bookmrk" = "x"\n"main.sort" = "o"\n')
    keymap = load_keymap(KNOWN, path)
    assert keymap.keys == {"main.sort": "o"}
    assert len(keymap.warnings) == 1
    assert "main.bookmrk" in keymap.warnings[0] and "did you mean main.bookmark" in keymap.warnings[0]


def test_values_that_are_not_keys_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"main.bookmark" = 5\n"main.sort" = "ctrl b"\n"list.next" = ""\n')
    keymap = load_keymap(KNOWN, path)
    assert keymap.keys == {}
    assert len(keymap.warnings) == 3


def test_broken_toml_or_bytes_warn_once_and_change_nothing(tmp_path: Path) -> None:
    for text in ('[keys\n"main.sort" = "o"', b"\xff\xfe\x00garbage"):
        keymap = load_keymap(KNOWN, write(tmp_path, text))
        assert keymap.keys == {}
        assert len(keymap.warnings) == 1 and "not valid TOML" in keymap.warnings[0]


def test_escape_codes_in_a_keymap_never_reach_the_warning(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"\\u001b]0;HACKED\\u0007" = "x"\n')
    keymap = load_keymap(KNOWN, path)
    assert len(keymap.warnings) == 1
    assert "\x1b" not in keymap.warnings[0] and "\x07" not in keymap.warnings[0]


def test_mark_read_many_is_one_change_that_keeps_earlier_reads(tmp_path: Path) -> None:
    with BookmarkStore.open(tmp_path / "b.sqlite3") as store:
        store.mark_read("a")
        assert store.mark_read_many(["a", "b", "c"]) == 2
        assert store.read_ids() == {"a", "b", "c"}
