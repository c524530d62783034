"""Build assets/places.tsv and assets/people.tsv from the checked place and people facts.

Run once when the facts change: ``python scripts/build_gazetteer.py FACTS_DIR PLACE_LIST``
where FACTS_DIR holds vn_provinces.tsv, vn_provinces_2025.tsv, vn_cities.tsv and
vn_people.tsv, and PLACE_LIST is the article whose leading bulleted list names the 64 places
of the filter vocabulary. The output is committed so that an installed reader needs neither.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"

PLACE_COLUMNS = [
    "id", "name", "name_en", "kind", "parent", "region", "capital",
    "merged_into", "merged_name", "aliases", "case_sensitive_aliases",
]
PEOPLE_COLUMNS = ["id", "name", "name_en", "roles", "aliases"]


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def place_list(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped:
            break
        names.append(stripped.lstrip("•*-· ").strip())
    return names


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


def build_places(facts: Path, names: list[str]) -> list[dict[str, str]]:
    provinces = {row["id"]: row for row in read_tsv(facts / "vn_provinces.tsv")}
    units = {row["id"]: row for row in read_tsv(facts / "vn_provinces_2025.tsv")}
    cities = {row["id"]: row for row in read_tsv(facts / "vn_cities.tsv")}
    listed = [slug(name) for name in names]
    # The 2025 unit ids mostly coincide with ours; Hue's unit is our Thua Thien Hue, and the
    # province of Ba Ria-Vung Tau is represented in the list by Vung Tau.
    ours = {pid: pid for pid in provinces}
    ours["hue"] = "thua-thien-hue"
    ours["ba-ria-vung-tau"] = "vung-tau"
    rows = []
    for name, pid in zip(names, listed, strict=True):
        if pid in provinces:
            src = provinces[pid]
            aliases = split_aliases(src["aliases"])
            unit = units[src["merged_2025"]]
            row = {
                "id": pid, "name": src["name_vi"], "name_en": src["name_en"],
                "kind": src["kind"], "parent": "", "region": src["region"],
                "capital": src["capital_city"],
                "merged_into": ours[unit["id"]], "merged_name": unit["name_vi"],
            }
        elif pid in cities:
            city = cities[pid]
            province = provinces[city["province"]]
            unit = units[province["merged_2025"]]
            aliases = [city["name_en"], city["name_vi"], *split_aliases(city["aliases"])]
            parent = province["id"] if province["id"] in listed else ""
            if not parent:
                # The list has no row for the province: the city stands for it, so the
                # province's own spellings find it too.
                aliases += split_aliases(province["aliases"])
            row = {
                "id": pid, "name": city["name_vi"], "name_en": city["name_en"],
                "kind": "town", "parent": parent, "region": province["region"],
                "capital": city["name_en"],
                "merged_into": ours[unit["id"]], "merged_name": unit["name_vi"],
            }
        else:
            raise SystemExit(f"{name!r} is in the place list but in no fact table")
        weak = [a for a in aliases if a in {"Hue"}]
        strong = [a for a in dict.fromkeys([name, row["name_en"], row["name"], *aliases])
                  if a not in weak]
        row["aliases"] = "|".join(strong)
        row["case_sensitive_aliases"] = "|".join(weak)
        rows.append(row)
    return rows


def build_people(facts: Path) -> list[dict[str, str]]:
    rows = []
    for person in read_tsv(facts / "vn_people.tsv"):
        rows.append({
            "id": person["id"], "name": person["name_vi"], "name_en": person["name_en"],
            "roles": person["roles"],
            "aliases": "|".join(dict.fromkeys([person["name_en"], person["name_vi"]])),
        })
    return rows


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE)
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    facts, place_file = Path(argv[0]), Path(argv[1])
    names = place_list(place_file)
    if len(names) != 64:
        raise SystemExit(f"expected 64 places in the list, found {len(names)}")
    write_tsv(ASSETS / "places.tsv", PLACE_COLUMNS, build_places(facts, names))
    write_tsv(ASSETS / "people.tsv", PEOPLE_COLUMNS, build_people(facts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
