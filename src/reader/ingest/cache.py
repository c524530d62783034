"""The parse cache: a start with unchanged files reads no article, only their sizes and times.

Each file's outcome (its article, or why it was skipped) is kept under its path with the
size and modification time it had; a file whose size or time differ is read again, so an
edited file shows its new text on the next start. The whole cache belongs to one parser
and one gazetteer: a fingerprint of both (the code of `ingest` and `entities`, and the
gazetteer files) is stored with it, and any change starts a fresh cache. A cache that
cannot be read for any reason is ignored and rewritten: it only ever costs time.

The entries are kept in the order of the last complete load's walk, every file it found
included, so that the interface's start can take them for the folders themselves and look
at the files (a walk and a stat each: seconds at a million files) after its first screen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.atomic import replacing
from reader.ingest.article import Article, BodyFile, StoredText, restored

FORMAT = 4
_MAGIC = b"reader-parse-cache\x04"
_HEADER = struct.Struct("<Q")
"""Where the pickled entries start: the file is the magic, this, every body, then them."""


@dataclass(slots=True, frozen=True)
class CachedSkip:
    reason: str


Outcome = Article | CachedSkip


@dataclass(slots=True)
class ParseCache:
    """The entries are held as plain tuples, bodies apart: a warm start unpickles the short
    fields only, and each article reads its body from the cache file when it is shown
    (`StoredText`), so 100,000 bodies are neither unpickled nor held in memory."""

    path: Path
    fingerprint: str
    entries: dict[str, tuple[int, int, Any]] = field(default_factory=dict)
    changed: bool = False
    bodies: BodyFile | None = None
    """The open cache file the entries' body offsets point into."""
    dates: dict[int, dt.date] = field(default_factory=dict)
    """One date object per day: 100,000 articles fall on a few hundred days."""
    walked: bool = False
    """The entries are every file of the last complete load, in its walking order: a start
    may take them for the folders themselves and look at the files after its first screen
    (`load_paths(trusted=True)`). Caches written before this was kept are not."""

    @classmethod
    def open(cls, path: Path, fingerprint: str) -> ParseCache:
        cache = cls(path, fingerprint)
        try:
            with path.open("rb") as handle:
                if handle.read(len(_MAGIC)) != _MAGIC:
                    return cache
                (entries_at,) = _HEADER.unpack(handle.read(_HEADER.size))
                handle.seek(entries_at)
                data = pickle.load(handle)
                if (isinstance(data, dict) and data.get("format") == FORMAT
                        and data.get("fingerprint") == fingerprint
                        and isinstance(data.get("entries"), dict)):
                    cache.entries = data["entries"]
                    cache.walked = data.get("walked") is True
                    cache.bodies = BodyFile(os.dup(handle.fileno()))
        except Exception:
            cache.entries = {}
        return cache

    def get(self, key: str, size: int, mtime_ns: int) -> Outcome | None:
        entry = self.entries.get(key)
        if entry is None or entry[0] != size or entry[1] != mtime_ns:
            return None
        record = entry[2]
        if isinstance(record, str):
            return CachedSkip(record)
        (article_id, path, title, ordinal, source, author, dateline, text, length, places,
         people, names, url, site) = record
        if not isinstance(text, bytes):
            if self.bodies is None:
                return None
            text = StoredText(self.bodies, text, length)
        date = None
        if isinstance(ordinal, int):
            date = self.dates.get(ordinal)
            if date is None:
                date = self.dates[ordinal] = dt.date.fromordinal(ordinal)
        return restored(article_id, path, title, date, source, author, dateline, text,
                        places, people, names, url, site)

    def put(self, key: str, size: int, mtime_ns: int, outcome: Outcome) -> None:
        """Stored as plain tuples: unpickling dataclasses costs several times more."""
        if isinstance(outcome, CachedSkip):
            record: str | tuple[object, ...] = outcome.reason
        else:
            text = outcome.text
            # The key is the same path: one string for both, pickled and held once.
            path = key if outcome.path == key else outcome.path
            record = (outcome.id, path, outcome.title,
                      outcome.date.toordinal() if outcome.date else None, _shared(outcome.source),
                      outcome.author, outcome.dateline, text, len(text),
                      _shared_all(outcome.places), _shared_all(outcome.people),
                      _shared_all(outcome.person_names), outcome.url, _shared(outcome.site))
        self.entries[key] = (size, mtime_ns, record)
        self.changed = True

    def follow_walk(self, names: list[str]) -> None:
        """After a complete load: keep the files it walked, in its order, and drop those
        gone from the paths this cache belongs to. A cache that was not in walking order
        (new files come last) is written again once."""
        entries = self.entries
        kept = [name for name in names if name in entries]
        if len(kept) != len(entries) or not all(map(str.__eq__, kept, entries)):
            self.entries = {name: entries[name] for name in kept}
            self.changed = True
        if not self.walked:
            self.walked = self.changed = True

    def walked_outcomes(self) -> list[tuple[str, Outcome]] | None:
        """Every entry's outcome in walking order, without a look at the files; None when
        the entries are not a walk or a body cannot be reached. `get` inlined: this loop
        makes every article of a warm start (a million, at the largest)."""
        if not self.walked or not self.entries:
            return None
        outcomes: list[tuple[str, Outcome]] = []
        append = outcomes.append
        bodies, dates, fromordinal = self.bodies, self.dates, dt.date.fromordinal
        for name, (_, _, record) in self.entries.items():
            if record.__class__ is str:
                append((name, CachedSkip(record)))
                continue
            (article_id, path, title, ordinal, source, author, dateline, text, length, places,
             people, names, url, site) = record
            if text.__class__ is not bytes:
                if bodies is None:
                    return None
                text = StoredText(bodies, text, length)
            date = None
            if ordinal.__class__ is int:
                date = dates.get(ordinal)
                if date is None:
                    date = dates[ordinal] = fromordinal(ordinal)
            append((name, restored(article_id, path, title, date, source, author, dateline, text,
                                   places, people, names, url, site)))
        return outcomes

    def save(self) -> None:
        """Written whole or not at all; a failure only costs the next start its time.
        Bodies first (new ones from memory, the others copied from the old file), each
        entry then keeping only its body's offset and length."""
        if not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replacing(self.path) as temporary, temporary.open("w+b") as stream:
                stream.write(_MAGIC + _HEADER.pack(0))
                at = stream.tell()
                entries: dict[str, tuple[int, int, Any]] = {}
                for key, (size, mtime_ns, record) in self.entries.items():
                    if not isinstance(record, str):
                        body = self._body(record)
                        stream.write(body)
                        record = (*record[:7], at, len(body), *record[9:])
                        at += len(body)
                    entries[key] = (size, mtime_ns, record)
                pickle.dump({"format": FORMAT, "fingerprint": self.fingerprint,
                             "entries": entries, "walked": self.walked},
                            stream, protocol=pickle.HIGHEST_PROTOCOL)
                stream.seek(len(_MAGIC))
                stream.write(_HEADER.pack(at))
                stream.flush()
                bodies = BodyFile(os.dup(stream.fileno()))
            self.entries, self.bodies, self.changed = entries, bodies, False
        except OSError:
            pass

    def _body(self, record: tuple[Any, ...]) -> bytes:
        text = record[7]
        if isinstance(text, bytes):
            return text
        if self.bodies is None:
            raise OSError("a cached body has no file to be read from")
        return self.bodies.read(text, record[8])


def _shared(text: str | None) -> str | None:
    """One object for a string many articles repeat (a place id, a site): pickle writes it
    once and a warm start holds it once, instead of a copy per article."""
    return None if text is None else sys.intern(text)


def _shared_all(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(sys.intern, texts))


PACKAGE = Path(__file__).resolve().parents[1]
FINGERPRINTED = ("ingest", "entities", "feeds")
"""The packages whose code decides what a cached outcome holds (feeds: the archive reader)."""


def code_fingerprint(*extra: str, package: Path | None = None) -> str:
    """A digest of the parsing and recognition code, plus anything else that shapes results."""
    digest = hashlib.blake2b(digest_size=12)
    root = PACKAGE if package is None else package
    for folder in FINGERPRINTED:
        for source in sorted((root / folder).glob("*.py")):
            digest.update(source.name.encode())
            digest.update(len(source.name).to_bytes(4, "little"))
            data = source.read_bytes()
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    for item in extra:
        digest.update(item.encode())
    return digest.hexdigest()
