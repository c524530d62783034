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
    body: str
    """Paragraphs separated by blank lines; cleaned, NFC, never markup."""
    places: tuple[str, ...]
    people: tuple[str, ...]
    person_names: tuple[str, ...]
    """The name each person is written with here, parallel to `people`."""

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    @property
    def words(self) -> int:
        return len(self.body.split())


def article_id(clean_text: str) -> str:
    """Stable across runs, renames and moves: a digest of the cleaned text itself."""
    return hashlib.blake2b(clean_text.encode("utf-8"), digest_size=8).hexdigest()
