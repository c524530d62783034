"""Fetched articles kept for reading offline: one JSON file per article in the data folder.

Each file is written once and never changed: to a hidden temporary file, synced, then linked
to its final name, which fails if the name exists, so a crash leaves at most a hidden
temporary file (which the loader never reads) and two fetches at once cannot both write it.
The name is a digest of the article's URL; the index beside the files also knows each feed
GUID and a digest of each text, so the same story under another address is not kept twice.
The index is only a cache: when it is missing, damaged or out of step it is rebuilt from the
files, which are the truth.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reader import atomic
from reader.entities.recognise import Recogniser
from reader.file_lock import locked
from reader.ingest.article import Article, article_id
from reader.ingest.clean import clean_text
from reader.paths import data_dir

FORMAT = "reader-archive"
VERSION = 1
SUFFIX = ".json"
INDEX_NAME = ".index.json"
STALE_TEMPORARY_SECONDS = 3600


def archive_dir() -> Path:
    """Where fetched articles are kept; the loader opens it with the bundled articles."""
    return data_dir() / "archive"


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def file_name(identity: str) -> str:
    """A stable name from the canonical URL: the same article always lands on the same file."""
    return _digest(identity) + SUFFIX


@dataclass(slots=True, frozen=True)
class Record:
    """An article as fetched, before recognition (which the loader does, like for any file)."""

    url: str | None
    """Where it was published (http or https only), or None for an entry without a link."""
    title: str
    paragraphs: tuple[str, ...]
    date: dt.date | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    guid: str | None = None
    feed: str | None = None
    aliases: tuple[str, ...] = ()
    """Other addresses of the same article (the feed's link when the page names another)."""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def identity(self) -> str:
        """What names the file: the URL, else the feed's GUID, else the text."""
        return self.url or (f"guid:{self.guid}" if self.guid else f"text:{_digest(self.body)}")

    def to_json(self) -> bytes:
        document = {
            "format": FORMAT, "version": VERSION, "url": self.url, "title": self.title,
            "date": self.date.isoformat() if self.date else None, "author": self.author,
            "site": self.site, "language": self.language, "guid": self.guid, "feed": self.feed,
            "aliases": list(self.aliases),
            "fetched": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "text": self.body,
        }
        return json.dumps(document, ensure_ascii=False, indent=0).encode("utf-8")


@dataclass(slots=True)
class Keys:
    urls: set[str] = field(default_factory=set)
    guids: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)
    files: int = 0

    def knows(self, url: str | None = None, guid: str | None = None, text: str | None = None) -> bool:
        return bool((url and _digest(url) in self.urls) or (guid and _digest(guid) in self.guids)
                    or (text is not None and _digest(text) in self.texts))

    def learn(self, url: str | None = None, guid: str | None = None, text: str | None = None) -> None:
        if url:
            self.urls.add(_digest(url))
        if guid:
            self.guids.add(_digest(guid))
        if text is not None:
            self.texts.add(_digest(text))


def write_once(target: Path, data: bytes) -> bool:
    """Write a new file whole, or not at all; False when the name is already taken."""
    return write_all_once([(target, data)])[0]


def write_all_once(files: list[tuple[Path, bytes]]) -> list[bool]:
    """Write new files, each whole or not at all, into one folder; False for a name already
    taken. Each is written to a hidden temporary file and synced (the syncs side by side,
    which costs about one), then hard-linked to its name, which fails if the name exists."""
    if not files:
        return []
    temporaries = [atomic.temporary_beside(target) for target, _ in files]
    descriptors: list[int] = []
    try:
        for temporary, (_, data) in zip(temporaries, files, strict=True):
            descriptors.append(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            view = memoryview(data)
            while view:
                view = view[os.write(descriptors[-1], view):]
        with ThreadPoolExecutor(min(16, len(descriptors))) as pool:
            list(pool.map(os.fsync, descriptors))
        pairs = zip(temporaries, files, strict=True)
        written = [_link(temporary, target) for temporary, (target, _) in pairs]
        with contextlib.suppress(OSError):
            folder = os.open(files[0][0].parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        return written
    finally:
        for descriptor in descriptors:
            os.close(descriptor)
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)


def _link(temporary: Path, target: Path) -> bool:
    try:
        os.link(temporary, target)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: the rename is atomic, the check is not
        if target.exists():
            return False
        os.replace(temporary, target)
    return True


class Archive:
    """The archive folder; `commit` is the one way in, and holds the lock while it writes."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or archive_dir()
        self.index_path = self.folder / INDEX_NAME

    def article_files(self) -> list[Path]:
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return []
        return [self.folder / n for n in sorted(names) if n.endswith(SUFFIX) and not n.startswith(".")]

    def keys(self) -> Keys:
        """What is archived: from the index, rebuilt from the files when it is not to be trusted."""
        files = self.article_files()
        try:
            saved = json.loads(self.index_path.read_bytes())
            keys = Keys(set(saved["urls"]), set(saved["guids"]), set(saved["texts"]), int(saved["files"]))
            if keys.files == len(files):
                return keys
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return self._rebuild(files)

    def _rebuild(self, files: list[Path]) -> Keys:
        keys = Keys(files=len(files))
        for path in files:
            try:
                document = json.loads(path.read_bytes())
            except (OSError, ValueError):
                continue
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                continue
            keys.learn(url=document.get("url"), guid=document.get("guid"), text=document.get("text", ""))
            for alias in document.get("aliases") or ():
                keys.learn(url=alias)
        return keys

    def _save_keys(self, keys: Keys) -> None:
        document = {"urls": sorted(keys.urls), "guids": sorted(keys.guids), "texts": sorted(keys.texts),
                    "files": keys.files}
        atomic.write_text(self.index_path, json.dumps(document, separators=(",", ":")))

    def commit(self, records: list[Record]) -> list[Record]:
        """Archive the records not already there (by URL, GUID or text); returns those written."""
        if not records:
            return []
        self.folder.mkdir(parents=True, exist_ok=True)
        written: list[Record] = []
        with locked(self.index_path, timeout=30.0):
            keys = self.keys()
            chosen: list[Record] = []
            for record in records:
                if any(keys.knows(url=url) for url in (record.url, *record.aliases)) or \
                        keys.knows(guid=record.guid, text=record.body):
                    continue
                chosen.append(record)
                keys.learn(url=record.url, guid=record.guid, text=record.body)
                for alias in record.aliases:
                    keys.learn(url=alias)
            done = write_all_once([(self.folder / file_name(r.identity), r.to_json()) for r in chosen])
            written = [record for record, ok in zip(chosen, done, strict=True) if ok]
            keys.files += len(written)
            self._save_keys(keys)
            self._remove_stale_temporaries()
        return written

    def _remove_stale_temporaries(self) -> None:
        """Left by a fetch that was killed while writing; never read, removed after an hour."""
        cutoff = time.time() - STALE_TEMPORARY_SECONDS
        for path in self.folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()


_NEEDS_CLEANING = re.compile(
    "[&\r\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u2000-\u200f\u202a-\u202f\u205f\u2066-\u2069\u3000"
    "\ufeff\ufffe]|  | \n|\n "
)


def clean_again(text: str) -> str:
    """`clean_text`, skipped for text that it would leave as it is (what the archive writes),
    which a search in C and an NFC check tell faster than cleaning does."""
    if _NEEDS_CLEANING.search(text) is None and text == text.strip() and \
            unicodedata.is_normalized("NFC", text):
        return text
    return clean_text(text)


def read_archived(path: str, data: bytes, recogniser: Recogniser) -> Article | str:
    """An archive file to an article, or why it cannot be read (for the loader)."""
    try:
        document = json.loads(data)
    except ValueError as error:
        return f"damaged archive file ({error})"
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return "not an archive file (no format marker)"
    if document.get("version") != VERSION:
        return f"archive file of an unknown version ({document.get('version')!r})"
    title = document.get("title")
    body = document.get("text")
    if not isinstance(title, str) or not isinstance(body, str):
        return "damaged archive file (no title or text)"
    # Written clean, but a file on disk may have been edited since: cleaned again, like any file.
    title, body = clean_again(title), clean_again(body)
    if not body:
        return "damaged archive file (no title or text)"
    try:
        date = dt.date.fromisoformat(document["date"]) if document.get("date") else None
    except (TypeError, ValueError):
        date = None
    found = recogniser.recognise(title + "\n\n" + body)
    site = _optional(document.get("site"))
    return Article(
        id=article_id(title + "\n\n" + body), path=path, title=title, date=date, source=site,
        author=_optional(document.get("author")), dateline=None, text=body.encode("utf-8"),
        places=found.places, people=tuple(pid for pid, _ in found.people),
        person_names=tuple(name for _, name in found.people), url=_optional(document.get("url")), site=site,
    )


def _optional(value: object) -> str | None:
    return clean_again(value) or None if isinstance(value, str) else None
