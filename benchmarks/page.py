"""An article as a file: page layout (paragraph style, line ends) and the bytes on disk.

Real saved articles differ in how they separate paragraphs (blank lines, one per line,
hard-wrapped e-mail text), in line ends, and in encoding (UTF-8 with or without a BOM,
UTF-16 from Windows tools, Windows-1258 from legacy Vietnamese software, NFD from macOS).
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
import unicodedata
from dataclasses import dataclass, field

from vocabulary import DEBRIS


@dataclass(slots=True)
class SyntheticArticle:
    text: str
    date: dt.date | None
    date_form: str
    places: list[str]
    people: list[str]
    encoding: str
    people_classes: dict[str, str] = field(default_factory=dict)
    """The class of each invented or known person's name (kinh, hmong, foreign, …)."""

    def encoded(self) -> bytes:
        """The bytes on disk: mostly UTF-8, some with a BOM, UTF-16, Windows-1258 or NFD."""
        if self.encoding == "cp1258":
            return cp1258(self.text)
        if self.encoding == "utf-8-nfd":
            return unicodedata.normalize("NFD", self.text).encode("utf-8")
        return self.text.encode(self.encoding)

    def truth(self) -> dict[str, object]:
        return {"date": self.date.isoformat() if self.date else None,
                "places": sorted(self.places), "people": sorted(self.people),
                "date_form": self.date_form, "encoding": self.encoding,
                "people_classes": dict(sorted(self.people_classes.items()))}


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def cp1258(text: str) -> bytes:
    """Windows-1258 keeps â/ê/ô/ơ/ư/ă/đ whole and writes the five tones as combining marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        tones = "".join(c for c in decomposed if c in _TONES)
        out += (letter + tones).encode("cp1258", errors="replace")
    return bytes(out)


def layout(rng: random.Random, header: list[str], paragraphs: list[str],
           byline: str | None, byline_on_top: bool) -> str:
    """Header lines, then paragraphs: blank-line separated, one per line, or hard-wrapped.

    A file that starts with the ` date ` marker has nothing above it (`byline_on_top` off).
    """
    style = rng.choices(("blank", "single", "wrapped"), weights=(75, 15, 10))[0]
    body = list(paragraphs)
    if "<lead>" in header:
        at = header.index("<lead>")
        header = [*header[:at], body.pop(0), *header[at + 1:]]
    if byline:
        if byline_on_top and rng.random() < 0.5:
            header = [*header, byline]
        else:
            body.append(byline)
    if rng.random() < 0.2:
        body.insert(rng.randint(1, len(body)), rng.choice(DEBRIS))
    if style == "wrapped":
        body = [_wrap(p) for p in body]
    separator = "\n" if style == "single" else "\n\n"
    text = separator.join([*header, *body]) + "\n"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return text


def _wrap(paragraph: str) -> str:
    """Hard-wrap prose at 72 columns, as e-mailed text is; short lines stay as they are."""
    return "\n".join(textwrap.fill(line, 72, break_long_words=False, break_on_hyphens=False)
                     if len(line) > 100 else line for line in paragraph.split("\n"))
