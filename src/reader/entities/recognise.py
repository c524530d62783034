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
from collections.abc import Iterable
from dataclasses import dataclass

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


def _atoms(folded_alias: str) -> tuple[str, ...]:
    spaced = re.sub(r"\s*-\s*", " - ", folded_alias.strip())
    return tuple(spaced.split())


def _atom_regex(atom: str) -> str:
    return _DASH if atom == "-" else re.escape(atom)


def _trie_regex(sequences: Iterable[tuple[str, ...]]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for sequence in sequences:
        node = trie
        for atom in sequence:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict, glued: bool) -> str:  # type: ignore[type-arg]
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
_RUN_WORD = (
    rf"[{_UPPER}](?:[{_UPPER}]+(?!{_NOT_UPPER})|\.(?= [{_UPPER}])"
    rf"|{_NOT_UPPER}*(?:[-'’](?!s(?![^\W\d_]))[^\W\d_]+)*)"
)
_RUN = re.compile(rf"(?<![{_UPPER}\d_'’-]){_RUN_WORD}(?: {_RUN_WORD})*(?!{_NOT_UPPER})")
"""Capitalised words (`Hùng`, `HÙNG`, `Ji-hoon`, `H'Hen`, the initial in `Marc E. Knapper`)
joined by single spaces. A word ends where a capital follows a small letter, and a run may
start right after a small letter: that is a lost space (`detainedTran Van Long`,
`Nghe AnMore`), which `capitalised_runs` reports."""


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
        body = _trie_regex(self._aliases)
        self._pattern = re.compile(rf"(?<![\w]){body}(?![\w])")

    def _add(self, alias: str, kind: str, entity_id: str, exact: bool) -> None:
        key = _atoms(fold(alias))
        entry = _Alias(kind, entity_id, _caps_pattern(alias), alias if exact else None)
        entries = self._aliases.setdefault(key, [])
        if all(e.entity_id != entity_id or e.exact != entry.exact for e in entries):
            entries.append(entry)

    # -- gazetteer hits ------------------------------------------------------------------
    def _accept(self, alias: _Alias, text: str, folded: str, start: int, end: int) -> bool:
        surface = text[start:end]
        if alias.exact is not None:
            return surface == alias.exact
        tokens = _WORD_TOKEN.findall(surface)
        if surface.isupper() and len(surface) > 1:
            caps_ok = True
        else:
            caps_ok = len(tokens) == len(alias.caps) and all(
                token[0].isupper() or not needed for token, needed in zip(tokens, alias.caps,
                                                                          strict=True)
            ) and tokens[0][0].isupper()
        if not caps_ok:
            return False
        if alias.kind == PLACE and alias.entity_id == "ho-chi-minh" and \
                _atoms(folded[start:end]) == ("ho", "chi", "minh"):
            before = folded[max(0, start - 12):start]
            after = folded[end:end + 12]
            if _BARE_HCM_BEFORE.search(before) or _BARE_HCM_AFTER.match(after):
                return False
        return True

    def _gazetteer_hits(self, text: str, folded: str) -> list[Mention]:
        hits: list[Mention] = []
        position = 0
        while True:
            match = self._pattern.search(folded, position)
            if match is None:
                return hits
            start, end = match.span()
            key = _atoms(match.group())
            accepted = next(
                (a for a in self._aliases.get(key, ()) if self._accept(a, text, folded, start, end)),
                None,
            )
            if accepted is None:
                position = start + 1
                continue
            if THING_AFTER.match(text, end):
                position = end
                continue
            hits.append(Mention(accepted.kind, accepted.entity_id, start, end, text[start:end]))
            position = end

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
            words = _WORD_TOKEN.findall(mention.name)
            for word in {words[0], words[-1]} if len(words) > 1 else ():
                by_word.setdefault(fold(word), []).append(mention)
        first_start = min(m.start for m in full)
        refs: list[Mention] = []
        for run in runs:
            candidate = run[-1]
            if len(run) > 1 and not (fold_word(run[-2][0]) in TITLES and
                                     not any(is_name_word(w) for w, _, _ in run[:-1])):
                continue
            word, start, end = candidate
            if start < first_start or fold_word(word) not in by_word or not is_capitalised(word):
                continue
            if any(not (end <= s or start >= e) for s, e in taken):
                continue
            earlier = [m for m in by_word[fold_word(word)] if m.start < start]
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
