"""The gazetteer as the corpus generator sees it: how each place and person may be written.

The generator must never write a name it does not list in the truth, so invented people are
checked here against every place and person spelling: `Khánh Hòa` is a province, so nobody
is called Nguyễn Khánh Hòa in these articles.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from vocabulary import (
    DAO,
    FAMILIES,
    FOREIGN,
    FOREIGN_TITLES,
    GIVENS,
    HIGHLANDS,
    HMONG,
    KNOWN_PEOPLE,
    MIDDLES,
    NAME_CLASSES,
    PLACE_FAMILIES,
    RARE_FAMILIES,
    ROLES,
    THAI_TAY,
    TITLES,
)

from reader.assets import assets_dir

BARE_NAMES = frozenset({"Ho Chi Minh", "Hồ Chí Minh"})
"""Spellings left out: the bare name before a capitalised word (`the Ho Chi Minh Department`)
is read as the man by design, so articles say `Ho Chi Minh City`, `HCM City` or `TP.HCM`."""


def fold_words(text: str) -> list[str]:
    """Lower-case ASCII words, written here rather than taken from the recogniser, so that the
    truth does not share its code with what it checks."""
    return re.findall(r"[a-z0-9]+", plain(text).lower())


def slug(text: str) -> str:
    return "-".join(fold_words(text))


def plain(text: str) -> str:
    """Vietnamese without diacritics, as English-language sites print names (Đặng → Dang)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(slots=True, frozen=True)
class PlaceSpellings:
    id: str
    plain: tuple[str, ...]
    """ASCII spellings, the usual one first."""
    marked: tuple[str, ...]
    """Spellings for a page that writes diacritics: the usual one first, then the others
    (such pages also write `Hanoi` or `HCM City` at times)."""


@dataclass(slots=True, frozen=True)
class Person:
    id: str
    name: str
    short: str
    title: str
    """How the first mention styles them (may be empty: the full name alone)."""
    short_title: str
    role: str = ""
    cls: str = "kinh"
    """The class of name, for recall per class: kinh, hmong, foreign, …"""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def load_places() -> list[PlaceSpellings]:
    places = []
    for row in _rows(assets_dir() / "places.tsv"):
        spellings = [row["name"], row["name_en"], *_split(row["aliases"]),
                     *_split(row["case_sensitive_aliases"])]
        unique = [s for s in dict.fromkeys(spellings) if s not in BARE_NAMES]
        ascii_ones = [s for s in unique if s.isascii()]
        usual = row["name"] if row["name"] in unique else row["name_en"]
        marked = list(dict.fromkeys([usual, *(s for s in unique if not s.isascii()),
                                     *ascii_ones]))
        places.append(PlaceSpellings(row["id"], tuple(ascii_ones), tuple(marked)))
    return places


def load_people() -> dict[str, tuple[str, str]]:
    """Gazetteer people: id → (name with diacritics, name without)."""
    return {row["id"]: (row["name"], row["name_en"] or plain(row["name"]))
            for row in _rows(assets_dir() / "people.tsv")}


def _word_runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


class NameMaker:
    """Invented people whose names contain no place or gazetteer person."""

    def __init__(self, places: list[PlaceSpellings], people: dict[str, tuple[str, str]]) -> None:
        self.forbidden: set[tuple[str, ...]] = set()
        for place in places:
            for spelling in (*place.plain, *place.marked):
                self.forbidden.add(tuple(fold_words(spelling)))
        for marked, _ in people.values():
            self.forbidden.add(tuple(fold_words(marked)))
        self.known_ids = set(people)

    def full_name(self, rng: random.Random, cls: str = "kinh") -> str:
        while True:
            if cls == "kinh":
                middles = rng.sample(MIDDLES, 2 if rng.random() < 0.06 else 1)
                if len(set(middles)) < len(middles):
                    continue
                words = [rng.choice(FAMILIES), *middles, rng.choice(GIVENS)]
            elif cls in ("kinh-rare", "place-family"):
                family = rng.choice(RARE_FAMILIES if cls == "kinh-rare" else PLACE_FAMILIES)
                words = [family, rng.choice(MIDDLES), rng.choice(GIVENS)]
            elif cls in ("hmong", "thai-tay", "dao"):
                families, middles, givens = {"hmong": HMONG, "thai-tay": THAI_TAY, "dao": DAO}[cls]
                words = [rng.choice(families), rng.choice(middles), rng.choice(givens)]
            else:
                words = rng.choice(HIGHLANDS if cls == "highlands" else FOREIGN).split()
            name = " ".join(words)
            if slug(name) in self.known_ids or _word_runs(fold_words(name)) & self.forbidden:
                continue
            return name

    def invent(self, rng: random.Random, marked: bool, titled: bool) -> Person:
        cls = rng.choices([c for c, _ in NAME_CLASSES], [w for _, w in NAME_CLASSES])[0]
        name = self.full_name(rng, cls)
        shown = name if marked or cls == "foreign" else plain(name)
        given = shown.split()[-1]
        if cls == "foreign":
            title = rng.choice(FOREIGN_TITLES)
            return Person(slug(name), shown, given, title, "Mr" if title != "Ambassador" else title,
                          cls=cls)
        if not titled:
            return Person(slug(name), shown, given, "", "", cls=cls)
        title = rng.choice(TITLES)
        role = rng.choice(ROLES) if rng.random() < 0.5 else ""
        return Person(slug(name), shown, given, title, title, role, cls=cls)


def known_person(rng: random.Random, people: dict[str, tuple[str, str]], person_id: str,
                 marked: bool) -> Person:
    """A gazetteer person with one of the titles the press gives them."""
    full_titles, short_titles = KNOWN_PEOPLE[person_id]
    name = people[person_id][0 if marked else 1]
    return Person(person_id, name, name.split()[-1], rng.choice(full_titles),
                  rng.choice(short_titles), cls="known")
