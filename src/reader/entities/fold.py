"""Diacritic- and case-insensitive folding that keeps every character where it was.

Matching works on folded text, highlighting on the original: because the fold maps each
character to exactly one character, an offset found in the folded text is valid in the
original. Vietnamese letters with two marks (ệ, ộ, ở, ằ) lose both; đ becomes d.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    if char in _DASHES:
        return "-"
    if char in "\u2018\u2019\u02bc":
        return "'"
    if char == "\u00a0":
        return " "
    decomposed = unicodedata.normalize("NFD", char)
    if decomposed == char:  # most characters: no marks to take off
        base = "" if unicodedata.combining(char) else char
    else:
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
    lowered = base.lower()
    if len(lowered) == 1:
        return lowered
    if len(base) == 1:
        return base
    return char.lower() if len(char.lower()) == 1 else char


_TABLE_END = 0x2300


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in list(range(0x41, 0x5B)) + list(range(0xA0, _TABLE_END)):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    return table


@lru_cache(maxsize=1)
def _full_table() -> list[str]:
    """`_table` with every other character below its end mapped to itself: `str.translate`
    raises and clears a LookupError for each character its table lacks, which made folding
    a Vietnamese article two to three times slower than this total lookup."""
    table = _table()
    return [table.get(code, chr(code)) for code in range(_TABLE_END)]


@lru_cache(maxsize=1)
def _replacements() -> dict[str, str]:
    """Each non-ASCII character below the table's end whose fold differs, with that fold,
    where the fold folds to itself and is no ASCII capital: `bytes.lower` is applied after
    the replacements, and one replacement must not create what another replaces."""
    table = _full_table()
    replacements: dict[str, str] = {}
    for code in range(0x80, _TABLE_END):
        folded = table[code]
        if folded != chr(code) and len(folded) == 1 and not "A" <= folded <= "Z" and \
                (ord(folded) >= _TABLE_END or table[ord(folded)] == folded):
            replacements[chr(code)] = folded
    return replacements


_ASCII_BYTES = bytes(range(0x80))
_FEW = 16
"""Distinct non-ASCII characters up to which they are replaced one by one (a pass each)."""


def fold(text: str) -> str:
    """Lower-case and strip every diacritic, one output character per input character."""
    if text.isascii():
        return text.lower()
    # Most text is English with a few Vietnamese names. `translate` looks every character up
    # in Python objects: twice as slow as replacing the few distinct non-ASCII characters
    # (what is left of the UTF-8 without its ASCII bytes) one C pass each, then lowering the
    # ASCII letters in UTF-8 (`bytes.lower` leaves every other byte as it is).
    others = set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
                 .decode("utf-8", "surrogatepass"))
    if len(others) > _FEW:
        return text.translate(_full_table())
    replacements = _replacements()
    for char in others:
        folded = replacements.get(char)
        if folded is not None:
            text = text.replace(char, folded)
        elif ord(char) < _TABLE_END and _full_table()[ord(char)] != char:
            return text.translate(_full_table())
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


_WORD = re.compile(r"[a-z0-9]+")


def fold_words(text: str) -> list[str]:
    """The folded words of a text: what the word index and word filters compare."""
    return _WORD.findall(fold(text))


def slug(text: str) -> str:
    """An id from a name: folded, ASCII, words joined by hyphens (`Tô Lâm` → `to-lam`)."""
    return "-".join(fold_words(text))
