"""What the store gathers on load: articles by place and person, and how a person is named."""

from __future__ import annotations

import datetime as dt

from reader.entities.gazetteer import Gazetteer
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.store import Store


def named(number: int, places: tuple[str, ...], people: tuple[tuple[str, str], ...]) -> Article:
    return Article(f"{number:016x}", f"/e/{number}.txt", f"Title {number}", dt.date(2025, 3, 1),
                   None, None, None, b"Body", places, tuple(p for p, _ in people),
                   tuple(n for _, n in people))


def test_indexes_and_the_name_a_person_is_shown_with(gazetteer: Gazetteer) -> None:
    store = Store([
        named(0, ("ha-noi", "hue"), (("pham-x", "Pham Van X"),)),
        named(1, ("ha-noi", "ha-noi"), (("pham-x", "Phạm Văn X"), ("le-y", "Le Y"))),
        named(2, (), (("pham-x", "Pham Van X"), ("le-y", "Le Y"), ("le-y", "LE Y"))),
        named(3, ("hue",), (("le-y", "LE Y"), ("tran-z", "Tran Z"))),
        named(4, (), (("le-y", "LE Y"),)),
    ], gazetteer)
    assert {k: set(v) for k, v in store.place_index.items()} == {"ha-noi": {0, 1}, "hue": {0, 3}}
    assert set(store.articles_of(PERSON, "pham-x")) == {0, 1, 2}
    assert set(store.articles_of(PERSON, "le-y")) == {1, 2, 3, 4}
    assert not store.articles_of(PLACE, "nowhere")
    pham = store.entity(PERSON, "pham-x")
    assert pham is not None and pham.name == "Phạm Văn X"  # diacritics first, though rarer
    assert pham.keys == ("Phạm Văn X", "Pham Van X")
    le = store.entity(PERSON, "le-y")
    assert le is not None and le.name == "LE Y" and le.keys == ("LE Y", "Le Y")  # 3 against 2
    tran = store.entity(PERSON, "tran-z")
    assert tran is not None and tran.name == "Tran Z" and tran.keys == ("Tran Z",)


def test_a_gazetteer_person_keeps_its_name_and_gains_the_spellings_seen(gazetteer: Gazetteer) -> None:
    store = Store([named(0, (), (("to-lam", "General To Lam"),))], gazetteer)
    to_lam = store.entity(PERSON, "to-lam")
    assert to_lam is not None and to_lam.name == gazetteer.people["to-lam"].name
    assert to_lam.keys[-1] == "General To Lam"
    assert set(gazetteer.people["to-lam"].aliases) <= set(to_lam.keys)
