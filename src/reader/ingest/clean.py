"""Make decoded text safe to show and consistent to match.

Text from files is shown in a terminal: escape sequences (colours, cursor moves, OSC 8
hyperlinks, title changes) must never reach it, and bidirectional overrides must not reorder
what the user reads. Decomposed text (saved on macOS) is composed with NFC so that matching
and column widths agree.
"""

from __future__ import annotations

import html
import re
import unicodedata

_ESCAPES = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                 # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?      # OSC: titles, hyperlinks (BEL or ST ends it)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?           # DCS, SOS, PM, APC strings
    | \x1b[ -/]*[0-~]                         # other two-byte escapes
    | \x9b[0-?]*[ -/]*[@-~]                   # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?          # 8-bit OSC
    """,
    re.VERBOSE,
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe]"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_EDGES = re.compile(r" +\n *|\n +")
"""Spaces around a line end; a bare line end (most of them) is not a match, so not rewritten."""
_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(rf"(?: [ {_SPACE_CHARS}]|[{_SPACE_CHARS}])[ {_SPACE_CHARS}]*")
"""A run of spaces of any kind, except a single plain space: every word gap matched and
replaced by itself cost more than the rest of cleaning together."""
_ODD_SPACES = ("  ", "\t", "\u00a0", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000")
"""What `_SPACES` can match: when none is in the text (most articles), it is not scanned."""


_PLAIN_BYTES = bytes(range(0x20, 0x7F)) + b"\n"


def unusual_characters(text: str) -> str:
    """The text without printable ASCII and line ends: what a pattern for control characters,
    odd spaces or non-ASCII letters need look at. Dropping ASCII bytes from UTF-8 leaves
    whole characters, in three fast C passes instead of a regex step per character."""
    return text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES) \
        .decode("utf-8", "surrogatepass")


def decode_entities(text: str) -> str:
    """Scraped pages and feeds leave `&agrave;`, `&#7897;` and `&nbsp;` in text; decoded first,
    so an entity-encoded `Hà Nội` is found and an encoded escape is stripped like any other.
    Only complete entities (with their `;`) are decoded: "AT&T" and "R&D" stay as written."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def clean_text(text: str) -> str:
    """Decode HTML entities, strip escapes and control characters, unify line ends and spaces,
    compose to NFC."""
    text = decode_entities(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPES.sub("", text)
    unusual = unusual_characters(text)
    if _CONTROLS.search(unusual):
        text = _CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    # Neither removing controls nor NFC makes an odd space of another character (NFC turns
    # U+2000 and U+2001 into U+2002 and U+2003, odd spaces too); two spaces it may make.
    if "  " in text or any(space in unusual for space in _ODD_SPACES[1:]):
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGES.sub("\n", text)
    return text.strip()
