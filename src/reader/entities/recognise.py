"""Find the places and people an article names, in one pass over its folded text.

Every gazetteer spelling is folded and arranged as a prefix tree inside a single regular
expression (one regex per name would scan the text hundreds of times). A hit must also look
like a proper noun in the original text, which keeps `long analysis` from being Long An and
`to Lam Dong` from being To Lam. People missing from the gazetteer are found by shape: a
title or a common family name followed by Vietnamese name syllables. Later short references
(`Hùng said`, `stated Luong`) attach to the full name already mentioned.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from reader.entities.cues import THING_AFTER
from reader.entities.fold import fold
from reader.entities.gazetteer import Gazetteer
from reader.entities.names import TITLES, is_capitalised, is_name_word
from reader.entities.people import PersonFinder, fold_word

PLACE = "place"
PERSON = "person"


@dataclass(slots=True, frozen=True)
class Mention:
    kind: str
    entity_id: str
    start: int
    end: int
    name: str
    """The full name as written at the full mention (for a short reference too)."""


@dataclass(slots=True, frozen=True)
class Recognised:
    places: tuple[str, ...]
    people: tuple[tuple[str, str], ...]
    """(id, name as written) in order of first mention."""


@dataclass(slots=True, frozen=True)
class _Alias:
    kind: str
    entity_id: str
    caps: tuple[bool, ...]
    exact: str | None


_SPACE = r"[^\S\n]+"
_DASH = r"[^\S\n]*-[^\S\n]*"
_WORD_TOKEN = re.compile(r"[^\W\d_]+")
_BARE_HCM_BEFORE = re.compile(r"(?:president|uncle|chairman|late|bac)\s+$")
_BARE_HCM_AFTER = re.compile(
    r"^(?:'s|\s+(?:thought|ideology|mausoleum|trail|museum|communist|youth|national|prize|"
    r"award|medal|order|memorial|relic|statue|monument|'s))"
)
"""Around a bare "Ho Chi Minh", words that make it the man (or what is named after him)."""


_HYPHEN = re.compile(r"\s*-\s*")


@lru_cache(maxsize=4096)
def _atoms(folded_alias: str) -> tuple[str, ...]:
    """The words and hyphens of an alias; remembered, since the same few names recur."""
    spaced = _HYPHEN.sub(" - ", folded_alias.strip())
    return tuple(spaced.split())


def _atom_regex(atom: str) -> str:
    return _DASH if atom == "-" else re.escape(atom)


Trie = dict[str, "Trie"]


def _trie(sequences: Iterable[tuple[str, ...]]) -> Trie:
    trie: Trie = {}
    for sequence in sequences:
        node = trie
        for atom in sequence:
            node = node.setdefault(atom, {})
        node[""] = {}
    return trie


def _trie_regex(sequences: Iterable[tuple[str, ...]]) -> str:
    return _emit_trie(_trie(sequences))


def _emit_trie(trie: Trie) -> str:
    def emit(node: Trie, glued: bool) -> str:
        branches = []
        for atom in sorted(k for k in node if k):
            separator = "" if glued or atom == "-" else _SPACE
            branches.append(separator + _atom_regex(atom) + emit(node[atom], atom == "-"))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie, True)


Token = tuple[str, int, int]
Run = list[Token]

_UPPER = "".join(
    chr(c) for c in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    if chr(c).isupper()
)
_LOWER = "".join(
    chr(c) for c in (*range(0x61, 0x7B), *range(0xDF, 0x250), *range(0x1E00, 0x1F00))
    if chr(c).islower()
)
_NOT_UPPER = rf"[{_LOWER}]"
_WORD_TAIL = (
    rf"(?:[{_UPPER}]+(?!{_NOT_UPPER})|\.(?= [{_UPPER}])"
    rf"|{_NOT_UPPER}*(?:[-'’](?!s(?![^\W\d_]))[^\W\d_]+)*)"
)
_RUN_WORD = rf"[{_UPPER}]{_WORD_TAIL}"
_RUN = re.compile(rf"[{_UPPER}](?<![{_UPPER}\d_'’-].){_WORD_TAIL}(?: {_RUN_WORD})*(?!{_NOT_UPPER})")
"""Capitalised words (`Hùng`, `HÙNG`, `Ji-hoon`, `H'Hen`, the initial in `Marc E. Knapper`)
joined by single spaces. A word ends where a capital follows a small letter, and a run may
start right after a small letter: that is a lost space (`detainedTran Van Long`,
`Nghe AnMore`), which `capitalised_runs` reports. The pattern starts with the capital and
looks behind it afterwards: a pattern that starts with a character class lets the regex
engine skip to the next capital, which halves the time of the scan."""


def capitalised_runs(text: str) -> list[Run]:
    """Capitalised words joined by single spaces (`Lieutenant General Lê Quốc Hùng`): the
    only places a name can be, found by one regex instead of a walk over every word."""
    return _scan(text)[0]


def _scan(text: str) -> tuple[list[Run], list[int]]:
    """The runs, and the offsets where a run is glued to the word before it. An initial
    (`E.`) continues a run only after a word that is not a Vietnamese syllable, so
    `Nguyễn Văn A. Police` ends at A."""
    runs: list[Run] = []
    glued: list[int] = []
    for match in _RUN.finditer(text):
        position = match.start()
        if position and text[position - 1].isalpha():
            glued.append(position)
        run: Run = []
        group = match.group()
        if " " not in group:
            runs.append([(group, position, match.end())])
            continue
        dotted = "." in group
        for word in group.split(" "):
            if dotted and run and run[-1][0].endswith(".") and \
                    is_name_word(run[-2][0] if len(run) > 1 else ""):
                last, start, end = run.pop()
                run.append((last[:-1], start, end - 1))
                runs.append(run)
                run = []
            run.append((word, position, position + len(word)))
            position += len(word) + 1
        runs.append(run)
    return runs, glued


_CAPITAL_END = 0x2300
_WORD_BEFORE = "(?<![^\\W\u02bc].)"
"""After a capital: the character before it is a letter or digit, so the fold of that one is
too and no gazetteer hit starts here (ʼ is a letter that folds to an apostrophe)."""


@lru_cache(maxsize=8)
def _capitals(firsts: frozenset[str]) -> re.Pattern[str]:
    """Where a gazetteer hit can start: a capital at the start of a word that folds to the
    first letter of an alias. Beyond the end fold keeps every character as it is, so no
    capital there folds to the first letter of an alias that starts below it."""
    chars = [chr(c) for c in range(_CAPITAL_END) if chr(c).isupper() and fold(chr(c)) in firsts]
    if not chars:
        return re.compile("(?!)")
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" + _WORD_BEFORE)


def _capital_first(key: tuple[str, ...], alias: _Alias) -> bool:
    """Whether every hit of this alias starts at a capital: `_written_as` wants its first word
    capitalised, and its first character is a letter that only characters below
    `_CAPITAL_END` fold to (a user's alias starting with a digit or a quote is not)."""
    if alias.exact is not None:
        first = alias.exact[:1]
        return bool(first) and first.isupper() and ord(first) < _CAPITAL_END
    first = key[0][:1] if key else ""
    return first.isalpha() and ord(first) < _CAPITAL_END


@lru_cache(maxsize=1 << 12)
def _name_ends(name: str) -> tuple[str, ...]:
    """The folded first and last word of a name of two words or more, by which a later
    mention of one of them refers back to it; remembered, since the same people recur."""
    words = _WORD_TOKEN.findall(name)
    return tuple({fold(words[0]), fold(words[-1])}) if len(words) > 1 else ()


@lru_cache(maxsize=1 << 12)
def _without_initials(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in name.split() if not (len(w) == 2 and w.endswith(".")))


def _caps_pattern(alias: str) -> tuple[bool, ...]:
    return tuple(token[0].isupper() for token in _WORD_TOKEN.findall(alias))


class Recogniser:
    """Built once per gazetteer; `recognise` and `mentions` are pure functions of the text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._aliases: dict[tuple[str, ...], list[_Alias]] = {}
        for place in gazetteer.places.values():
            for alias in place.aliases:
                self._add(alias, PLACE, place.id, exact=False)
            for alias in place.case_sensitive_aliases:
                self._add(alias, PLACE, place.id, exact=True)
        for person in gazetteer.people.values():
            for alias in person.aliases:
                self._add(alias, PERSON, person.id, exact=False)
        self._finder = PersonFinder()
        self._fits: dict[str, tuple[_Alias, ...]] = {}
        trie = _trie(self._aliases)
        self._pattern = re.compile(rf"(?<![\w]){_emit_trie(trie)}(?![\w])")
        # One pattern per first letter, tried only where the text has a capital: a regex
        # alternation tries its branches one by one at every position of the text.
        firsts: dict[str, Trie] = {}
        for atom, node in trie.items():
            firsts.setdefault(atom[:1], {})[atom] = node
        self._by_first = {first: re.compile(rf"(?<![\w]){_emit_trie(node)}(?![\w])")
                          for first, node in firsts.items()}
        self._capitals = _capitals(frozenset(self._by_first))
        self._only_at_capitals = all(
            _capital_first(key, entry) for key, entries in self._aliases.items() for entry in entries
        )

    def _add(self, alias: str, kind: str, entity_id: str, exact: bool) -> None:
        key = _atoms(fold(alias))
        entry = _Alias(kind, entity_id, _caps_pattern(alias), alias if exact else None)
        entries = self._aliases.setdefault(key, [])
        if all(e.entity_id != entity_id or e.exact != entry.exact for e in entries):
            entries.append(entry)

    # -- gazetteer hits ------------------------------------------------------------------
    @staticmethod
    def _written_as(alias: _Alias, surface: str) -> bool:
        """Whether the text's spelling fits the alias: its exact form, or capitals where the
        alias has them (or all capitals), starting with one."""
        if alias.exact is not None:
            return surface == alias.exact
        if surface.isupper() and len(surface) > 1:
            return True
        tokens = _WORD_TOKEN.findall(surface)
        return len(tokens) == len(alias.caps) and all(
            token[0].isupper() or not needed for token, needed in zip(tokens, alias.caps, strict=True)
        ) and tokens[0][0].isupper()

    def _spelt(self, surface: str, key: tuple[str, ...]) -> tuple[_Alias, ...]:
        """The aliases of `key` that this spelling fits, remembered by spelling: the same
        few names recur in article after article."""
        fits = self._fits.get(surface)
        if fits is None:
            fits = tuple(a for a in self._aliases.get(key, ()) if self._written_as(a, surface))
            if len(self._fits) >= 4096:
                self._fits.clear()
            self._fits[surface] = fits
        return fits

    @staticmethod
    def _bare_hcm(alias: _Alias, key: tuple[str, ...], folded: str, start: int, end: int) -> bool:
        """A bare "Ho Chi Minh" that is the man (or named after him), not the city."""
        if alias.exact is not None or alias.kind != PLACE or alias.entity_id != "ho-chi-minh" or \
                key != ("ho", "chi", "minh"):
            return False
        before = folded[max(0, start - 12):start]
        after = folded[end:end + 12]
        return bool(_BARE_HCM_BEFORE.search(before) or _BARE_HCM_AFTER.match(after))

    def _matches(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        """The gazetteer match at each start where there is one, in text order. Tried only at
        the capitals of the text, each with the pattern of its first letter, when every alias
        allows it: the full pattern tries all its first words at every position."""
        if not self._only_at_capitals:
            position = 0
            while (match := self._pattern.search(folded, position)) is not None:
                yield match
                position = match.start() + 1
            return
        by_first = self._by_first
        for capital in self._capitals.finditer(text):
            start = capital.start()
            pattern = by_first.get(folded[start])
            if pattern is not None and (match := pattern.match(folded, start)) is not None:
                yield match

    def _gazetteer_hits(self, text: str, folded: str) -> list[Mention]:
        hits: list[Mention] = []
        position = 0
        for match in self._matches(text, folded):
            start, end = match.span()
            if start < position:
                continue
            surface = text[start:end]
            key = _atoms(match.group())
            for accepted in self._spelt(surface, key):
                # The id is compared first: only Ho Chi Minh's aliases need their context.
                if accepted.entity_id != "ho-chi-minh" or \
                        not self._bare_hcm(accepted, key, folded, start, end):
                    break
            else:
                continue
            position = end
            if THING_AFTER.match(text, end):
                continue
            hits.append(Mention(accepted.kind, accepted.entity_id, start, end, surface))
        return hits

    # -- people found by shape or context ------------------------------------------------
    def _discovered(self, text: str, runs: list[Run], taken: list[tuple[int, int]]) -> list[Mention]:
        found = self._finder.find(text, runs, taken)
        if not found:
            return []
        # `Marc E. Knapper` and `Marc Knapper` are one person: the fuller form's id wins, and a
        # later mention of the same words without a cue is that person too.
        ids: dict[tuple[str, ...], str] = {}
        for person in sorted(found, key=lambda f: -len(f.entity_id)):
            ids.setdefault(_without_initials(person.name), person.entity_id)
        mentions = [Mention(PERSON, ids[_without_initials(f.name)], f.start, f.end, f.name)
                    for f in found]
        claimed = {(f.start, f.end) for f in found}
        firsts = {key[0] for key in ids if len(key) > 1}
        for run in runs:
            if len(run) < 2 or fold_word(run[0][0]) not in firsts or (run[0][1], run[-1][2]) in claimed:
                continue
            key = _without_initials(" ".join(w for w, _, _ in run))
            if key in ids and all(run[-1][2] <= s or run[0][1] >= e for s, e in taken):
                start, end = run[0][1], run[-1][2]
                if all(end <= m.start or start >= m.end for m in mentions):
                    mentions.append(Mention(PERSON, ids[key], start, end, text[start:end]))
        return sorted(mentions, key=lambda m: m.start)

    def _short_references(self, runs: list[Run], full: list[Mention],
                          taken: list[tuple[int, int]]) -> list[Mention]:
        if not full:
            return []
        by_word: dict[str, list[Mention]] = {}
        for mention in full:
            for word in _name_ends(mention.name):
                by_word.setdefault(word, []).append(mention)
        first_start = min(m.start for m in full)
        refs: list[Mention] = []
        for run in runs:
            # The cheap tests first: most runs end in a word no full name has.
            word, start, end = run[-1]
            if start < first_start:
                continue
            folded = fold_word(word)
            if folded not in by_word or not is_capitalised(word):
                continue
            if len(run) > 1 and not (fold_word(run[-2][0]) in TITLES and
                                     not any(is_name_word(w) for w, _, _ in run[:-1])):
                continue
            if any(not (end <= s or start >= e) for s, e in taken):
                continue
            earlier = [m for m in by_word[folded] if m.start < start]
            if earlier:
                target = max(earlier, key=lambda m: m.start)
                refs.append(Mention(PERSON, target.entity_id, start, end, target.name))
        return refs

    # -- public ---------------------------------------------------------------------------
    def mentions(self, text: str) -> list[Mention]:
        """Every place and person mention with its offsets in `text`, in text order."""
        runs, glued = _scan(text)
        if not glued:
            return self._mentions(text, runs)
        # Words glued by a lost space are read with the space put back; offsets map back.
        pieces = [text[i:j] for i, j in zip([0, *glued], [*glued, len(text)], strict=True)]
        spaced = " ".join(pieces)
        inserted = [g + k for k, g in enumerate(glued)]

        def back(offset: int) -> int:
            return offset - bisect_left(inserted, offset)

        return [Mention(m.kind, m.entity_id, back(m.start), back(m.end), m.name)
                for m in self._mentions(spaced, _scan(spaced)[0])]

    def _mentions(self, text: str, runs: list[Run]) -> list[Mention]:
        folded = fold(text)
        hits = self._gazetteer_hits(text, folded)
        # A one-word place can end a name (Colonel Nguyễn Thị Huế): let names claim those.
        one_word = {(m.start, m.end) for m in hits
                    if m.kind == PLACE and " " not in m.name and "-" not in m.name}
        discovered = self._discovered(
            text, runs, [(m.start, m.end) for m in hits if (m.start, m.end) not in one_word])
        if discovered and one_word:
            claimed = [(m.start, m.end) for m in discovered]
            hits = [m for m in hits if (m.start, m.end) not in one_word
                    or all(m.end <= s or m.start >= e for s, e in claimed)]
        taken = [(m.start, m.end) for m in hits]
        full = [m for m in hits if m.kind == PERSON] + discovered
        taken += [(m.start, m.end) for m in discovered]
        refs = self._short_references(runs, full, taken)
        return sorted(hits + discovered + refs, key=lambda m: m.start)

    def recognise(self, text: str) -> Recognised:
        places: dict[str, None] = {}
        people: dict[str, str] = {}
        for mention in self.mentions(text):
            if mention.kind == PLACE:
                places.setdefault(mention.entity_id, None)
            else:
                known = self.gazetteer.people.get(mention.entity_id)
                name = known.name if known else mention.name
                current = people.get(mention.entity_id)
                if current is None or (current.isascii() and not name.isascii()):
                    people[mention.entity_id] = name
        return Recognised(tuple(places), tuple(people.items()))
