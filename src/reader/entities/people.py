"""People the gazetteer does not list, found by the shape of their name or by its context.

Four kinds of evidence, each enough on its own: a listed family name followed by name
syllables (three syllables for family names that also begin places, such as Hà or Cao); a
Central Highlands clan or prefix (Ksor, Rơ Châm, Y, H'); a role or kinship word before the
name, in any case (`suspect Zhang Wei`, `Ambassador Marc E. Knapper`, `a Chinese man named
Li Qiang`); an age or year of birth after it (`Park Ji-hoon, 38,`). Context is what finds
foreign names, so no list of them is needed. A name followed by a thing word (`Street`,
`Award`) is the thing, and a run that is a known place name (`Phan Thiết`) is not a person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.entities.cues import (
    AGE_AFTER,
    ENGLISH_SYLLABLES,
    NATIONALITIES,
    NOT_NAME_WORDS,
    PERSON_NOUNS,
    PLURAL_ROLES,
    ROLES,
    STRONG_TITLES,
    THING_AFTER,
)
from reader.entities.fold import fold, slug
from reader.entities.names import NOT_IN_NAMES, TITLES, family_names, is_capitalised, is_name_word, not_people

Token = tuple[str, int, int]
Run = list[Token]

MAX_WORDS = 5
NAMED = frozenset(("named", "called", "dubbed", "alias", "aka"))
NONE, WEAK, STRONG = 0, 1, 2
"""Cue strength: a weak cue (`Head`, `Senior`, also common English words when capitalised)
lets a Vietnamese-shaped name of two syllables through; a strong one any capitalised name."""
_LIST_JOIN = re.compile(r"(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)")


@dataclass(slots=True, frozen=True)
class Found:
    start: int
    end: int
    name: str
    entity_id: str


def _previous_words(text: str, start: int, count: int) -> list[str]:
    """Up to `count` folded words before `start` on its line, nearest last, while only spaces
    separate them: punctuation (a sentence or clause ended) stops the look back."""
    if start == 0 or text[start - 1] not in " \t\u00a0":
        return []
    window = text[max(0, start - 64):start]
    window = window[window.rfind("\n") + 1:]
    parts = window.split()
    if len(window) == 64 and parts:
        parts = parts[1:]
    words: list[str] = []
    for index, part in enumerate(reversed(parts[-count:])):
        if index == 0:
            part = _abbreviation(part)
        if not part.replace("-", "").replace("'", "").replace("’", "").isalpha():
            break
        words.append(fold_word(part))
    return words[::-1]


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """`fold` for the few thousand distinct words of names and titles, remembered."""
    return fold(word)


def _letter(word: str, position: int) -> bool:
    """A single capital ends the anonymised names of court reports (Nguyễn Văn A, Trần Thị B)."""
    return position >= 2 and len(word) == 1 and word.isupper()


ABBREVIATIONS = frozenset(("mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "col.", "lt.", "maj.",
                           "capt.", "sgt.", "gov.", "sen.", "amb.", "pres."))
"""Titles written with a full stop; any other word before a full stop ends a sentence."""


def _abbreviation(word: str) -> str:
    return word[:-1] if word.lower() in ABBREVIATIONS else word


def _english(words: Sequence[str], run: Sequence[str], titled: bool) -> bool:
    """Only English words (`Long Hang`), unless a title stands before a name shaped Family Văn
    Given, the commonest Vietnamese man's name (`Colonel Ban Van Son`) in a run that is not
    all English."""
    if not all(word in ENGLISH_SYLLABLES for word in words):
        return False
    embedded = len(run) > len(words) and all(w in ENGLISH_SYLLABLES for w in run)
    return embedded or not (titled and len(words) == 3 and words[1] == "van")


def _role(word: str) -> bool:
    return word in ROLES or word in PLURAL_ROLES


class PersonFinder:
    """Stateless apart from the name lists; `find` is a pure function of its arguments."""

    def __init__(self) -> None:
        names = family_names()
        self._strong = names.strong
        self._weak = names.weak
        self._clans = names.clans
        self._clan_firsts = {clan[0] for clan in names.clans}
        self._not_people = not_people()
        self._cues = ROLES | PLURAL_ROLES | NAMED
        self._starts = self._strong | self._weak | self._clan_firsts | TITLES | STRONG_TITLES | PLURAL_ROLES
        self._runs: dict[str, tuple[bool, tuple[str, ...], tuple[str, ...], bool]] = {}

    def find(self, text: str, runs: list[Run], taken: list[tuple[int, int]]) -> list[Found]:
        spans = sorted(taken)
        starts = [s for s, _ in spans]

        def free(token: Token) -> bool:
            at = bisect_right(starts, token[1]) - 1
            if at >= 0 and spans[at][1] > token[1]:
                return False
            return at + 1 >= len(spans) or spans[at + 1][0] >= token[2]

        found: list[Found] = []
        listed: dict[int, bool] = {}
        """Start offsets of runs that continue a list after a plural role."""
        for run in runs:
            # A name has two words at least, except a Central Highlands woman's (H'Nhi).
            if len(run) == 1 and not run[0][0].startswith(("H'", "H’")):
                continue
            upper, words, folded, may = self._read_run(text[run[0][1]:run[-1][2]])
            if not may:
                continue
            cue, plural = self._cue_before(text, run[0][1])
            if run[0][1] in listed:
                cue, plural = STRONG, True
            index = 0
            while index < len(run):
                word = folded[index]
                if word in TITLES or word in STRONG_TITLES or word in PLURAL_ROLES:
                    strong = word in STRONG_TITLES or word.removesuffix("s") in STRONG_TITLES
                    cue = max(cue, STRONG if strong else WEAK)
                    plural = plural or word in PLURAL_ROLES
                    index += 1
                    continue
                if not free(run[index]):
                    cue = NONE
                    index += 1
                    continue
                length = self._name_length(words, folded, index, cue, run, free, text, 3 if upper else 4)
                if not length:
                    cue = NONE
                    index += 1
                    continue
                first, last = run[index], run[index + length - 1]
                start, end = first[1], last[2]
                if any(THING_AFTER.match(text, run[k][2])
                       for k in range(index + length - 1, min(len(run), index + length + 2))):
                    index += length
                    cue = NONE
                    continue
                name = " ".join(words[index:index + length])
                found.append(Found(start, end, name, slug(name)))
                if plural and index + length == len(run):
                    joined = _LIST_JOIN.match(text, end)
                    if joined:
                        listed[joined.end()] = True
                cue = NONE
                index += length
        return found

    def _read_run(self, surface: str) -> tuple[bool, tuple[str, ...], tuple[str, ...], bool]:
        """Whether the run is in capitals, its words (capitalised if so) and their folds, and
        whether it may hold a name at all: remembered by its text, since runs recur (the same
        ministries, places and people in article after article)."""
        known = self._runs.get(surface)
        if known is None:
            raw = surface.split(" ")
            upper = surface.isupper() and any(len(w) > 1 for w in raw)
            words = tuple(w.capitalize() for w in raw) if upper else tuple(raw)
            folded = tuple(fold_word(w) for w in words)
            known = upper, words, folded, self._may_hold_a_name(words, folded)
            if len(self._runs) >= 1 << 13:
                self._runs.clear()
            self._runs[surface] = known
        return known

    def _may_hold_a_name(self, words: Sequence[str], folded: Sequence[str]) -> bool:
        """A cheap test that rules out most runs (`Public Security`, `People's Court`): no word
        starts a name or a title, and no two neighbours could be a foreign name."""
        if not self._starts.isdisjoint(folded):
            return True
        if any(word.startswith(("h'", "h’")) for word in folded if "'" in word or "’" in word):
            return True
        return any(self._foreign_word(words[i], folded[i]) and self._foreign_word(words[i + 1], folded[i + 1])
                   for i in range(len(words) - 1))

    def _cue_before(self, text: str, start: int) -> tuple[int, bool]:
        """A role written in lower case just before the run (`suspect`, `ministers`), or
        `named` after a person noun: a strong cue, since prose puts it there."""
        if start < 2 or text[start - 1] != " ":
            return NONE, False
        last = _abbreviation(fold_word(text[text.rfind(" ", 0, start - 1) + 1:start - 1]))
        if last not in self._cues:
            return NONE, False
        before = _previous_words(text, start, 4)
        if not before:
            return NONE, False
        last = before[-1]
        if last in ROLES or last in PLURAL_ROLES:
            return STRONG, last in PLURAL_ROLES
        if last in NAMED:
            context = set(before[:-1])
            if context & (PERSON_NOUNS | ROLES | PLURAL_ROLES | NATIONALITIES):
                return STRONG, False
        return NONE, False

    def _name_length(self, words: Sequence[str], folded: Sequence[str], index: int, cue: int, run: Run,
                     check: Callable[[Token], bool], text: str, most: int = 4) -> int:
        """How many words from `index` make a name (0: none starts here)."""
        first = folded[index]
        # Vietnamese shape: a family name and name syllables.
        if first in self._strong or first in self._weak:
            length = 1
            while index + length < len(words) and length < most and \
                    (is_name_word(words[index + length]) or _letter(words[index + length], length)) and \
                    folded[index + length] not in NOT_IN_NAMES and check(run[index + length]):
                length += 1
            if is_name_word(words[index]) and tuple(folded[index:index + length]) not in \
                    self._not_people and not _english(folded[index:index + length], folded, cue == STRONG):
                needed = 2 if first in self._strong or cue else 3
                if length >= needed:
                    return length
        # Central Highlands: a clan or prefix, then given names of any spelling.
        clan = self._clan_at(folded, index)
        if clan or (first.startswith("h'") and len(first) > 3):
            length = max(clan, 1)
            while index + length < len(words) and length < MAX_WORDS and \
                    self._foreign_word(words[index + length], folded[index + length]) and \
                    check(run[index + length]):
                length += 1
            given = length - max(clan, 1)
            if _english(folded[index:index + length], folded, cue == STRONG):
                return 0
            if first == "y" and clan == 1:
                if given >= 2 or (given == 1 and cue):
                    return length
            elif given >= 1 or not clan:
                return length
        # Context: a role before, or an age after, makes any capitalised words a name.
        if self._foreign_word(words[index], first):
            length = 1
            while index + length < len(words) and length < MAX_WORDS and \
                    self._foreign_word(words[index + length], folded[index + length]) and \
                    check(run[index + length]):
                length += 1
            if length >= 2 and cue == STRONG and not _english(folded[index:index + length], folded, True):
                return length
            if length >= 2 and index + length == len(run) and \
                    all(len(w) > 1 for w in words[index:index + length]) and \
                    AGE_AFTER.match(text, run[index + length - 1][2]):
                return length
        return 0

    def _clan_at(self, folded: Sequence[str], index: int) -> int:
        if folded[index] not in self._clan_firsts:
            return 0
        for size in (2, 1):
            if tuple(folded[index:index + size]) in self._clans:
                return size
        return 0

    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def _foreign_word(word: str, folded: str) -> bool:
        return is_capitalised(word) and folded not in NOT_NAME_WORDS and folded not in NOT_IN_NAMES \
            and not _role(folded) and any(c.isalpha() for c in word)

