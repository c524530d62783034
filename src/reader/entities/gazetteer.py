"""The places and people reader knows by name, and how places nest and merged in 2025.

The 64 places are the filter vocabulary (the list that heads the first bundled article).
A town (Da Lat) lies in a province (Lam Dong): pinning the province finds the town too.
On 1 July 2025, 63 provincial units became 34: `merged_into` names the unit each became,
so that pinning Ho Chi Minh City can include Binh Duong and Vung Tau.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.assets import assets_dir


@dataclass(slots=True, frozen=True)
class Place:
    id: str
    name: str
    name_en: str
    kind: str
    parent: str | None
    region: str
    capital: str
    merged_into: str
    merged_name: str
    aliases: tuple[str, ...]
    case_sensitive_aliases: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class Person:
    id: str
    name: str
    name_en: str
    roles: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Gazetteer:
    places: dict[str, Place]
    people: dict[str, Person]
    fingerprint: str = ""
    warnings: list[str] = field(default_factory=list)
    """What was wrong with the user's people.tsv, one line each (the rest still loaded)."""
    _children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _absorbed: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        children: dict[str, list[str]] = {}
        absorbed: dict[str, list[str]] = {}
        for place in self.places.values():
            if place.parent:
                children.setdefault(place.parent, []).append(place.id)
            elif place.merged_into != place.id:
                absorbed.setdefault(place.merged_into, []).append(place.id)
        self._children = {k: tuple(v) for k, v in children.items()}
        self._absorbed = {k: tuple(v) for k, v in absorbed.items()}

    def children(self, place_id: str) -> tuple[str, ...]:
        """Towns that lie in this place."""
        return self._children.get(place_id, ())

    def absorbed(self, place_id: str) -> tuple[str, ...]:
        """Units that became part of this place on 1 July 2025."""
        return self._absorbed.get(place_id, ())

    def expand(self, place_id: str, include_merged: bool = True) -> frozenset[str]:
        """The place, the towns in it and, if asked, what merged into it, with their towns."""
        roots = [place_id, *(self.absorbed(place_id) if include_merged else ())]
        found: set[str] = set()
        for root in roots:
            found.add(root)
            found.update(self.children(root))
        return frozenset(found)

    def became(self, place_id: str) -> str | None:
        """What a merged unit is part of now, in words; None where it kept its borders."""
        place = self.places[place_id]
        if place.merged_into == place_id:
            return None if place.merged_name == place.name else f"now {place.merged_name}"
        if place.parent and self.places[place.parent].merged_into == place.parent:
            return None
        return f"part of {place.merged_name} since 1 Jul 2025"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _people(rows: Iterable[dict[str, str]]) -> dict[str, Person]:
    people = {}
    for row in rows:
        if not row.get("id") or not row.get("name"):
            continue
        people[row["id"]] = _person(row)
    return people


def _person(row: dict[str, str]) -> Person:
    name_en = row.get("name_en") or row["name"]
    aliases = tuple(dict.fromkeys([name_en, row["name"], *_split(row.get("aliases"))]))
    return Person(row["id"], row["name"], name_en, row.get("roles") or "", aliases)


USER_COLUMNS = ("id", "name", "name_en", "roles", "aliases")


def user_people(path: Path) -> tuple[dict[str, Person], list[str]]:
    """The user's people.tsv: every good line, and a warning naming each bad one.

    A line needs an id and a name; the header (when there is one) names the columns, and a
    file without one is read in the bundled order. Blank lines and `#` comments are skipped.
    """
    people: dict[str, Person] = {}
    warnings: list[str] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return people, [f"{path}: not UTF-8 text; none of its people were loaded"]
    except OSError as error:
        return people, [f"{path}: cannot be read ({error.strerror or error})"]
    columns: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if columns is None:
            columns = cells if {"id", "name"} <= set(cells) else list(USER_COLUMNS)
            if columns is cells:
                continue
        if len(cells) > len(columns):
            warnings.append(f"{path}, line {number}: {len(cells)} tab-separated fields, "
                            f"expected at most {len(columns)}; line skipped")
            continue
        row = dict(zip(columns, cells, strict=False))
        missing = [key for key in ("id", "name") if not row.get(key)]
        if missing:
            warnings.append(f"{path}, line {number}: no {' or '.join(missing)}; line skipped")
            continue
        if any(ch in row["id"] for ch in " \t") or row["id"] != row["id"].lower():
            warnings.append(f"{path}, line {number}: id {row['id']!r} must be lower-case "
                            "without spaces (like nguyen-van-a); line skipped")
            continue
        people[row["id"]] = _person(row)
    return people, warnings


DATA_FILES = ("places.tsv", "people.tsv", "family_names.tsv", "not_people.tsv")
"""Everything recognition reads: a change to any of them changes the fingerprint."""


def load_gazetteer(extra_people: Path | None = None) -> Gazetteer:
    """The bundled gazetteer, plus the user's own people.tsv (same columns) if given."""
    places_path = assets_dir() / "places.tsv"
    people_path = assets_dir() / "people.tsv"
    digest = hashlib.blake2b(digest_size=8)
    places = {}
    for row in _rows(places_path):
        places[row["id"]] = Place(
            id=row["id"], name=row["name"], name_en=row["name_en"], kind=row["kind"],
            parent=row["parent"] or None, region=row["region"], capital=row["capital"],
            merged_into=row["merged_into"], merged_name=row["merged_name"],
            aliases=_split(row["aliases"]),
            case_sensitive_aliases=_split(row["case_sensitive_aliases"]),
        )
    people = _people(_rows(people_path))
    for name in DATA_FILES:
        digest.update((assets_dir() / name).read_bytes())
    warnings: list[str] = []
    if extra_people is not None and extra_people.is_file():
        extra, warnings = user_people(extra_people)
        people.update(extra)
        with contextlib.suppress(OSError):
            digest.update(extra_people.read_bytes())
    return Gazetteer(places, people, digest.hexdigest(), warnings)
