"""New since the last start: ids kept between starts, damage read as no earlier start."""

from __future__ import annotations

from pathlib import Path

from reader.seen import load_seen, new_since, save_seen


def test_ids_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "seen.bin"
    save_seen(["43fad17bb83bfc24", "9982f6872be04808", "not-an-id"], path)
    assert load_seen(path) == {"43fad17bb83bfc24", "9982f6872be04808"}


def test_a_first_start_marks_nothing_new(tmp_path: Path) -> None:
    assert load_seen(tmp_path / "missing.bin") is None
    assert new_since(None, ["43fad17bb83bfc24"]) == frozenset()


def test_only_articles_absent_last_time_are_new() -> None:
    assert new_since(frozenset({"a" * 16}), ["a" * 16, "b" * 16]) == {"b" * 16}


def test_a_damaged_file_reads_as_no_earlier_start(tmp_path: Path) -> None:
    path = tmp_path / "seen.bin"
    path.write_bytes(b"\x00" * 11)
    assert load_seen(path) is None
