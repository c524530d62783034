"""The article record that ingestion produces and everything else reads."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.records import rebuilder


class BodyFile:
    """An open file the bodies of a warm start are read from, by offset, when asked.

    Held open for as long as an article refers to it, so a cache rewritten meanwhile (a
    new file renamed over the old one) never changes what an article reads. `os.pread`
    does not move a shared file position, so any thread may read at any time.
    """

    __slots__ = ("__weakref__", "_fd", "_lock")

    def __init__(self, fd: int) -> None:
        self._fd = fd
        weakref.finalize(self, os.close, fd)
        self._lock = threading.Lock()
        """Only where there is no pread: seek and read must then go together."""

    def read(self, offset: int, length: int) -> bytes:
        if hasattr(os, "pread"):
            data = os.pread(self._fd, length, offset)
        else:  # pragma: no cover - Windows
            with self._lock:
                os.lseek(self._fd, offset, os.SEEK_SET)
                data = os.read(self._fd, length)
        if len(data) != length:
            raise OSError(f"the parse cache was cut short ({len(data)} of {length} bytes)")
        return data



class StoredText:
    """Where an article's body is in a `BodyFile`: a warm start holds 100,000 of these
    instead of the bodies themselves, which are read one at a time when shown."""

    __slots__ = ("file", "length", "offset")

    def __init__(self, file: BodyFile, offset: int, length: int) -> None:
        self.file = file
        self.offset = offset
        self.length = length

    def read(self) -> bytes:
        return self.file.read(self.offset, self.length)

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to another process as the bytes themselves: a file descriptor is not."""
        return bytes, (self.read(),)

    def __repr__(self) -> str:
        return f"StoredText(offset={self.offset}, length={self.length})"


@dataclass(slots=True, frozen=True, init=False)
class Article:
    id: str
    path: str
    title: str
    date: dt.date | None
    source: str | None
    author: str | None
    dateline: str | None
    content: bytes | StoredText = field(repr=False, compare=False)
    """The body as given, or where to read it: use `text`. Left out of comparisons, since
    the same body may be held either way (and `id` digests the text already)."""
    places: tuple[str, ...]
    people: tuple[str, ...]
    person_names: tuple[str, ...]
    """The name each person is written with here, parallel to `people`."""
    url: str | None = None
    """Where the article was published (a page's canonical URL or a feed entry's link)."""
    site: str | None = None
    """The publishing site's name, as the page or feed gives it."""

    def __init__(self, id: str, path: str, title: str, date: dt.date | None,
                 source: str | None, author: str | None, dateline: str | None,
                 text: bytes | StoredText | None = None, places: tuple[str, ...] = (),
                 people: tuple[str, ...] = (), person_names: tuple[str, ...] = (),
                 url: str | None = None, site: str | None = None, *,
                 content: bytes | StoredText | None = None) -> None:
        """`text` is the body (or where a cache keeps it); `content` is the same under the
        field's own name, which is how `dataclasses.replace` passes it on."""
        # One call per field rather than a loop: a warm start makes 100,000 of these.
        put = object.__setattr__
        put(self, "id", id)
        put(self, "path", path)
        put(self, "title", title)
        put(self, "date", date)
        put(self, "source", source)
        put(self, "author", author)
        put(self, "dateline", dateline)
        put(self, "content", text if text is not None else b"" if content is None else content)
        put(self, "places", places)
        put(self, "people", people)
        put(self, "person_names", person_names)
        put(self, "url", url)
        put(self, "site", site)

    @property
    def text(self) -> bytes:
        """The body as UTF-8: paragraphs separated by blank lines; cleaned, NFC, never markup.
        Kept as bytes because Vietnamese text held as `str` costs twice the memory; on a
        warm start read from the parse cache only when asked for."""
        content = self.content
        return content if isinstance(content, bytes) else content.read()

    @property
    def body(self) -> str:
        return self.text.decode("utf-8")

    @property
    def paragraphs(self) -> list[str]:
        text = self.text
        return text.decode("utf-8").split("\n\n") if text else []

    @property
    def words(self) -> int:
        return len(self.text.split())


restored: Callable[..., Article] = rebuilder(Article)
"""An `Article` from the fields of the parse cache's records and of a worker's answer, in
declared order: a quarter of the constructor's time (`reader.records`)."""


def article_id(clean_text: str) -> str:
    """Stable across runs, renames and moves: a digest of the cleaned text itself."""
    return hashlib.blake2b(clean_text.encode("utf-8"), digest_size=8).hexdigest()
