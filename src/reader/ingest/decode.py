"""Bytes to text, or a plain-words reason why a file is not an article.

Articles arrive as saved web pages and copied text from many systems: UTF-8 with or without
a BOM, UTF-16 from Windows tools, and legacy 8-bit files. Vietnamese legacy files are most
often Windows-1258, whose letters differ from Windows-1252 only where 1252 has rare symbols,
so 1258 is the fallback (its combining tone marks are composed later by NFC).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.ingest.clean import unusual_characters

MAX_BYTES = 4 * 1024 * 1024
"""Larger files are not articles (a news article is a few kB; a book or a dump is not)."""

LEGACY_ENCODING = "cp1258"


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str


@dataclass(slots=True, frozen=True)
class Rejected:
    reason: str


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.6 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")


def _is_binary(text: str) -> bool:
    """Too many control characters for text that a person wrote."""
    if "\x00" in text:
        return True
    sample = text[:8192]
    # Printable ASCII and line ends are none of the pattern's: counted without them.
    return len(_UNPRINTABLE.findall(unusual_characters(sample))) > max(8, len(sample) // 20)


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> Decoded | Rejected:
    if not data.strip():
        return Rejected("empty file")
    if len(data) > max_bytes:
        return Rejected(f"too large ({len(data) / 1048576:.1f} MB; the limit is "
                        f"{max_bytes / 1048576:.0f} MB)")
    boms = [
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ]
    for bom, encoding in boms:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            return _checked(text, encoding)
    utf16 = _looks_like_utf16(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace"), utf16)
    if b"\x00" in data:
        return Rejected("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _checked(data.decode(LEGACY_ENCODING, errors="replace"), LEGACY_ENCODING)


def _checked(text: str, encoding: str) -> Decoded | Rejected:
    if _is_binary(text):
        return Rejected("binary file (not text)")
    if not text.strip():
        return Rejected("empty file")
    return Decoded(text, encoding)
