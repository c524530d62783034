"""What a Vietnamese personal name looks like, for finding people the gazetteer lacks.

A name is two to four capitalised Vietnamese syllables. English function words that are also
valid syllables (In, On, As) are refused inside a name. The family names come from
assets/family_names.tsv (Kinh and ethnic-minority, with the sources noted there); those that
also begin place names or are English words (Hà, Cao, Lâm, Do, Ban) need a longer name or a
context cue. Central Highlands clan names and the `Y` and `H'` prefixes start names whose
syllables need not be Vietnamese-shaped (Y Moan Ênuôl, Ksor Phước, H'Hen Niê).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from reader.assets import assets_dir
from reader.entities.fold import fold, fold_words

_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
_NUCLEUS = (
    r"(?:uyeu|uyen|uya|uye|uyu|uoi|uou|oai|oay|oeo|uay|ieu|yeu|uay|"
    r"ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|"
    r"a|e|i|o|u|y)"
)
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(rf"^{_INITIAL}{_NUCLEUS}{_FINAL}$")

FAMILY = "family"
PLACE_LIKE = "place"
CLAN = "clan"
CLAN_LAST = "clan-last"


@dataclass(slots=True, frozen=True)
class FamilyNames:
    """Folded family and clan names by how much evidence a name starting with them needs."""

    strong: frozenset[str]
    """Start a name of two or more syllables (Nguyễn, Giàng, Nông)."""
    weak: frozenset[str]
    """Start a name only with three or more syllables or a cue (Hà, Cao, Do, Ban)."""
    clans: frozenset[tuple[str, ...]]
    """Start a name of any spelling (Ksor, Rơ Châm, Y)."""
    clans_last: frozenset[str]
    """End a name of any spelling (Niê, Ênuôl)."""

    @property
    def all(self) -> frozenset[str]:
        return self.strong | self.weak


def _data_rows(name: str) -> list[dict[str, str]]:
    with (assets_dir() / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def family_names() -> FamilyNames:
    strong: set[str] = set()
    weak: set[str] = set()
    clans: set[tuple[str, ...]] = set()
    last: set[str] = set()
    for row in _data_rows("family_names.tsv"):
        words = tuple(fold_words(row["name"]))
        if row["kind"] == CLAN:
            clans.add(words)
        elif row["kind"] == CLAN_LAST:
            last.add(words[0])
        elif row["kind"] == PLACE_LIKE:
            weak.add(words[0])
        else:
            strong.add(words[0])
    return FamilyNames(frozenset(strong - weak), frozenset(weak), frozenset(clans), frozenset(last))


@lru_cache(maxsize=1)
def not_people() -> frozenset[tuple[str, ...]]:
    """Place names outside the gazetteer shaped like a person's name (Phan Thiết, Hoàng Mai)."""
    return frozenset(tuple(fold_words(row["name"])) for row in _data_rows("not_people.tsv"))


FAMILY_NAMES = family_names().all
"""Every listed family name, folded (kept for callers that only ask "is this a family name")."""

TITLES = frozenset(
    (
        "president", "minister", "secretary", "general", "colonel", "chairman",
        "chairwoman", "director", "ambassador", "premier", "governor", "mr", "mrs", "ms",
        "dr", "prof", "professor", "major", "captain", "commander", "chief", "head",
        "deputy", "lieutenant", "senior", "vice", "spokesman", "spokeswoman",
        "spokesperson", "leader", "officer", "inspector", "investigator", "chairperson",
        "judge", "prosecutor", "mayor", "delegate", "member", "comrade", "editor",
    )
)

NOT_IN_NAMES = frozenset(
    (
        "in", "on", "at", "to", "as", "be", "he", "me", "we", "by", "so", "no", "go", "it",
        "of", "or", "if", "is", "and", "but", "for", "nor", "yet", "i",
    )
)
"""English words that never continue a name written without diacritics. Thế, An and Mỹ
are common given names (The, An, My without marks), so they are not here."""


def is_syllable(word: str) -> bool:
    """A single Vietnamese syllable, compared without diacritics."""
    return bool(_SYLLABLE.match(fold(word)))


@lru_cache(maxsize=1 << 16)
def is_name_word(word: str) -> bool:
    """Capitalised like a name (Hùng, not HÙNG or hùng) and shaped like a syllable."""
    return (
        word[:1].isupper()
        and (len(word) == 1 or word[1:].islower())
        and is_syllable(word)
    )


@lru_cache(maxsize=1 << 16)
def is_capitalised(word: str) -> bool:
    """Any capitalised word a foreign or minority name may hold: Knapper, Ji-hoon, H'Hen, E."""
    return word[:1].isupper() and (len(word) == 1 or not word[1:].isupper() or word.endswith("."))
