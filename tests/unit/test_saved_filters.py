"""Saved filters: kept by kind and id, named from the store when recalled, written whole, and
a damaged file moved aside with a warning rather than lost or fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import saved_filters
from reader.entities.recognise import PERSON, PLACE
from reader.saved_filters import SavedChip, SavedFilter, SavedFiltersError
from reader.search import Chip
from reader.store import Store

HANOI = SavedChip(Chip(PLACE, "ha-noi"), "Hà Nội")
NOT_LUONG = SavedChip(Chip(PERSON, "luong-tam-quang", exclude=True), "Lương Tam Quang")


def test_a_saved_filter_comes_back_as_it_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    saved = SavedFilter("Hà Nội without him", (HANOI, NOT_LUONG), "police 2025")
    replaced, warnings = saved_filters.save(saved, path)
    assert (replaced, warnings) == (False, [])
    assert saved_filters.load(path) == ([saved], [])
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == saved_filters.VERSION
    assert document["filters"][0]["chips"][1] == {
        "kind": PERSON, "id": "luong-tam-quang", "exclude": True, "include_merged": True,
        "label": "Lương Tam Quang"}


def test_a_name_in_use_is_replaced_in_place(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    saved_filters.save(SavedFilter("a", (HANOI,), ""), path)
    saved_filters.save(SavedFilter("b", (), "police"), path)
    replaced, _ = saved_filters.save(SavedFilter("a", (), "drugs"), path)
    assert replaced
    filters, _ = saved_filters.load(path)
    assert [(f.name, f.text) for f in filters] == [("a", "drugs"), ("b", "police")]


def test_each_change_reads_the_file_again(tmp_path: Path) -> None:
    """Another running copy saved in between: its filter stays."""
    path = tmp_path / "saved.json"
    saved_filters.save(SavedFilter("mine", (), "x"), path)
    other = json.loads(path.read_text(encoding="utf-8"))
    other["filters"].append({"name": "theirs", "text": "y", "chips": []})
    path.write_text(json.dumps(other), encoding="utf-8")
    saved_filters.save(SavedFilter("mine too", (), "z"), path)
    names = [f.name for f in saved_filters.load(path)[0]]
    assert names == ["mine", "theirs", "mine too"]


def test_delete_removes_only_that_name(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    for name in ("a", "b", "c"):
        saved_filters.save(SavedFilter(name, (), name), path)
    left, warnings = saved_filters.delete("b", path)
    assert [f.name for f in left] == ["a", "c"] and warnings == []
    assert [f.name for f in saved_filters.load(path)[0]] == ["a", "c"]


def test_a_missing_file_is_no_filters_and_no_warning(tmp_path: Path) -> None:
    assert saved_filters.load(tmp_path / "none.json") == ([], [])


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe", b"[]", b'{"version": 1}',
    b'{"version": 99, "filters": []}',
    b'{"version": 1, "filters": [{"name": "x", "text": 3, "chips": []}]}',
    b'{"version": 1, "filters": [{"name": "x", "text": "", "chips": [{"kind": "place"}]}]}',
])
def test_a_damaged_file_is_moved_aside_and_the_reader_carries_on(tmp_path: Path,
                                                                 content: bytes) -> None:
    path = tmp_path / "saved.json"
    path.write_bytes(content)
    filters, warnings = saved_filters.load(path)
    assert filters == []
    assert len(warnings) == 1 and "damaged" in warnings[0]
    [aside] = tmp_path.glob("saved.json.damaged-*")
    assert aside.read_bytes() == content
    assert str(aside) in warnings[0]
    assert not path.exists()
    saved_filters.save(SavedFilter("fresh", (), "x"), path)
    assert [f.name for f in saved_filters.load(path)[0]] == ["fresh"]


def test_a_save_over_a_damaged_file_keeps_the_damaged_one_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "saved.json"
    path.write_bytes(b"garbage")
    _, warnings = saved_filters.save(SavedFilter("fresh", (), "x"), path)
    assert warnings and "damaged" in warnings[0]
    assert len(list(tmp_path.glob("saved.json.damaged-*"))) == 1


def test_a_folder_that_cannot_be_written_is_an_error_with_a_reason(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SavedFiltersError, match="could not be saved"):
        saved_filters.save(SavedFilter("x", (), "y"), blocker / "saved.json")


def test_recalled_chips_are_named_from_the_store(seed_store: Store) -> None:
    hcm = SavedChip(Chip(PLACE, "ho-chi-minh", include_merged=False), "Saigon (old label)")
    gone = SavedChip(Chip(PERSON, "nobody-at-all"), "Nobody At All")
    recalled = saved_filters.recall(SavedFilter("x", (HANOI, hcm, gone, NOT_LUONG), "t"),
                                    seed_store)
    assert [(chip.id, name, merged) for chip, name, merged in recalled.chips] == [
        ("ha-noi", "Hà Nội", False), ("ho-chi-minh", "Hồ Chí Minh", True),
        ("luong-tam-quang", "Lương Tam Quang", False)]
    assert recalled.chips[1][0].include_merged is False
    assert recalled.chips[2][0].exclude is True
    assert recalled.dropped == ("Nobody At All",)
    assert recalled.text == "t"


def test_default_names_say_what_the_filter_is() -> None:
    assert saved_filters.default_name(["Hà Nội", "not Tô Lâm"], " police ") == \
        "Hà Nội + not Tô Lâm + police"
    assert saved_filters.default_name([], "") == "filter"
    long = saved_filters.default_name(["x" * 30, "y" * 30], "")
    assert len(long) == saved_filters.DEFAULT_NAME_LENGTH and long.endswith("…")


def test_the_summary_reads_like_the_bar() -> None:
    assert SavedFilter("n", (HANOI, NOT_LUONG), "police").summary() == \
        "Hà Nội · not Lương Tam Quang · police"
