"""Each bundled article parses to the right title, date, source, places and people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.store import Store

SEEDS = {
    "000_fa94eeecaa8366e1.txt": dict(
        title="Viet Nam remains one of the world's safest nations: Public security minister",
        date=dt.date(2026, 1, 22), source="VGP", author=None,
        places={"ha-noi"}, people={"luong-tam-quang"},
    ),
    "001_e661618fcdac232b.txt": dict(
        title="President Luong Cuong: Do not leave blank spots, blind spots, or recessed crime areas",
        date=None, source=None, author=None,
        places=set(), people={"luong-cuong", "luong-tam-quang", "to-lam"},
    ),
    "002_ef3ba65fc9d34ea9.txt": dict(
        title="Public Security Central Party Committee rolls out Action Program to realize "
              "Resolution No. 59-NQ/TW",
        date=dt.date(2025, 11, 12), source=None, author="Cong Tuan",
        places={"ha-noi"}, people={"luong-tam-quang", "le-hoai-trung", "le-quoc-hung"},
    ),
    "003_7f8f73088065725c.txt": dict(
        title="The Ministry of Public Security must focus on strengthening the Party "
              "organisations within the…",
        date=dt.date(2024, 12, 12), source="VNS", author=None,
        places={"ha-noi"},
        people={"luong-cuong", "nguyen-phu-trong", "le-quoc-hung", "luong-tam-quang"},
    ),
    "004_c76a8bac9e2576ed.txt": dict(
        title="Party General Secretary Nguyễn Phú Trọng on Wednesday asked the Central Public "
              "Security Party…",
        date=dt.date(2023, 12, 21), source="VNS", author=None,
        places={"ha-noi"}, people={"nguyen-phu-trong"},
    ),
}


def _by_name(store: Store, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in store.articles if a.path.endswith(name))


def test_all_five_seeds_load(seed_store: Store) -> None:
    assert len(seed_store) == 5
    assert seed_store.skipped == ()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_metadata(seed_store: Store, name: str) -> None:
    article = _by_name(seed_store, name)
    expected = SEEDS[name]
    assert article.title == expected["title"]
    assert article.date == expected["date"]
    assert article.source == expected["source"]
    assert article.author == expected["author"]
    assert set(article.places) == expected["places"]
    assert set(article.people) == expected["people"]
    assert not article.title.lower().startswith("date")


def test_place_list_is_not_part_of_the_first_article(seed_store: Store) -> None:
    article = _by_name(seed_store, "000_fa94eeecaa8366e1.txt")
    assert "An Giang" not in article.body
    assert article.body.startswith("VGP - Viet Nam will continue")
    assert "Ảnh 1" not in article.body


def test_debris_is_dropped(seed_store: Store) -> None:
    body = _by_name(seed_store, "002_ef3ba65fc9d34ea9.txt").body
    for debris in ("quang canh.jpg", "Print", "Chia sẻ", "00:00", "By Cong Tuan", "12/11/2025"):
        assert debris not in body.split("\n\n"), debris
    assert "quang canh.jpg" not in body
    assert "Overview of the meeting." in body


def test_date_marker_and_wire_prefix_leave_the_body(seed_store: Store) -> None:
    for name in ("003_7f8f73088065725c.txt", "004_c76a8bac9e2576ed.txt"):
        article = _by_name(seed_store, name)
        assert article.body.startswith("HÀ NỘI — ")
        assert article.dateline == "HÀ NỘI"


def test_people_are_named_in_vietnamese_spelling(seed_store: Store) -> None:
    article = _by_name(seed_store, "001_e661618fcdac232b.txt")
    names = {seed_store.entity("person", pid).name for pid in article.people}  # type: ignore[union-attr]
    assert names == {"Lương Cường", "Lương Tam Quang", "Tô Lâm"}


def test_ids_are_stable_and_content_derived(seed_store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.corpus import open_store

    source = _by_name(seed_store, "004_c76a8bac9e2576ed.txt")
    moved = tmp_path / "elsewhere" / "renamed.md"
    moved.parent.mkdir()
    moved.write_bytes(Path(source.path).read_bytes())
    again = open_store([moved], seed_store.gazetteer)
    assert again.articles[0].id == source.id
