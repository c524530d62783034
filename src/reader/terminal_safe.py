"""Strings from outside (file names, paths, notes, names as written) made fit for a terminal.

Article text is cleaned when it is loaded (reader.ingest.clean); these are for everything else
that reaches a terminal or is saved to be shown later. An escape sequence in a note or a file
name must never change the terminal's colours or title.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                 # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?      # OSC: titles, hyperlinks
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?           # DCS, SOS, PM, APC strings
    | \x1b[ -/]*[0-~]?                        # other escapes, or a lone ESC
    | \x9b[0-?]*[ -/]*[@-~]                   # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?          # 8-bit OSC
    | [\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]
    """,
    re.VERBOSE,
)
"""Escape sequences, then any control or bidi-override character left over (tabs and line
ends are kept: a note may have several lines)."""


def safe_text(text: str) -> str:
    """Text from outside, fit to print: escape sequences and control characters removed."""
    return _UNSAFE.sub("", text)


def safe_line(text: str) -> str:
    """One line of output: like `safe_text`, with line breaks and tabs turned into spaces."""
    return " ".join(safe_text(text).split())
