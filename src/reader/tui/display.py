"""Strings from outside the article text (file-name titles, paths, sources, notes) made
safe to draw: the same cleaning as article text, so an escape sequence in a file name or a
note never reaches the terminal. Cached, since the list asks for every visible row."""

from __future__ import annotations

from functools import lru_cache

from reader.ingest.clean import clean_text


@lru_cache(maxsize=8192)
def shown(text: str) -> str:
    """One line, without escape sequences or control characters."""
    return " ".join(clean_text(text).split())
