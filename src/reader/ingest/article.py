"""The article record that ingestion produces and everything else reads."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Article:
    id: str
    path: str
    title: str
    date: dt.date | None
    source: str | None
    author: str | None
    dateline: str | None
    text: bytes
    """The body as UTF-8: paragraphs separated by blank lines; cleaned, NFC, never markup.
    Kept as bytes because Vietnamese text held as `str` costs twice the memory."""
    places: tuple[str, ...]
    people: tuple[str, ...]
    person_names: tuple[str, ...]
    """The name each person is written with here, parallel to `people`."""
    url: str | None = None
    """Where the article was published (a page's canonical URL or a feed entry's link)."""
    site: str | None = None
    """The publishing site's name, as the page or feed gives it."""

    @property
    def body(self) -> str:
        return self.text.decode("utf-8")

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.text else []

    @property
    def words(self) -> int:
        return len(self.text.split())


def article_id(clean_text: str) -> str:
    """Stable across runs, renames and moves: a digest of the cleaned text itself."""
    return hashlib.blake2b(clean_text.encode("utf-8"), digest_size=8).hexdigest()
