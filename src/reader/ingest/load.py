"""Files and folders to article records, with a reason for every file that was skipped.

A bad file never stops a load: it is reported in plain words (binary, empty, too large,
unreadable, a copy of another file) and the rest loads.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from stat import S_ISREG
from typing import Protocol

from reader.entities.gazetteer import Gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest.article import Article, article_id, restored
from reader.ingest.cache import CachedSkip, ParseCache
from reader.ingest.clean import clean_text
from reader.ingest.decode import MAX_BYTES, Rejected, decode
from reader.ingest.parse import parse_article
from reader.ingest.pool_context import pool_context as _pool_context

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
"""Saved web pages: the story is extracted and menus, banners and related lists left out."""
ARCHIVE_SUFFIXES = frozenset({".json"})
"""Articles fetched from feeds, one JSON file each (reader.feeds.archive)."""
ARTICLE_SUFFIXES = TEXT_SUFFIXES | PAGE_SUFFIXES | ARCHIVE_SUFFIXES


@dataclass(slots=True, frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(slots=True, frozen=True)
class Unchecked:
    """The files a trusted load took from the parse cache without looking at them: what
    `changes_since` compares the folders with once the first screen is up."""

    paths: tuple[Path, ...]
    stamps: Mapping[str, tuple[int, int, object]]
    """The cache's entries: each file's size and modification time first."""


@dataclass(slots=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unchecked: Unchecked | None = None
    """Set when the files were not looked at (`load_paths(trusted=True)`)."""


def iter_files(paths: Iterable[Path], skipped: list[Skipped]) -> Iterator[str]:
    """Named files and folders (recursively: article suffixes only, hidden ones left out),
    as absolute paths, so that a record says where its file is from anywhere."""
    for path in paths:
        root = os.path.abspath(path)
        if os.path.isdir(root):
            for folder, dirs, files in os.walk(root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES and \
                            not name.startswith("."):
                        yield os.path.join(folder, name)
        elif os.path.isfile(root):
            yield root
        elif os.path.exists(root):
            skipped.append(Skipped(str(path), "not a regular file"))
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))


def read_article(path: Path, data: bytes, recogniser: Recogniser) -> Article | Skipped:
    """One file's bytes to an article; pure apart from the path it records. Web pages and
    archived articles go to their own readers, which answer with an article or a reason."""
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES or suffix in ARCHIVE_SUFFIXES:
        if suffix in PAGE_SUFFIXES:
            from reader.ingest.html import read_page

            outcome = read_page(str(path), data, None, recogniser)
        else:
            from reader.feeds.archive import read_archived

            outcome = read_archived(str(path), data, recogniser)
        return Skipped(str(path), outcome) if isinstance(outcome, str) else outcome
    decoded = decode(data, MAX_BYTES)
    if isinstance(decoded, Rejected):
        return Skipped(str(path), decoded.reason)
    text = clean_text(decoded.text)
    if not text.strip():
        return Skipped(str(path), "no readable text after cleaning")
    parsed = parse_article(text, fallback_title=path.stem)
    body = "\n\n".join(parsed.paragraphs)
    # A title cut from the first sentence may end mid-name; the body has it whole.
    found = recogniser.recognise(parsed.title + "\n\n" + body if parsed.headline else body)
    return Article(
        id=article_id(text),
        path=str(path),
        title=parsed.title,
        date=parsed.date,
        source=parsed.source,
        author=parsed.author,
        dateline=parsed.dateline,
        text=body.encode("utf-8"),
        places=found.places,
        people=tuple(pid for pid, _ in found.people),
        person_names=tuple(name for _, name in found.people),
    )


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
"""Non-blocking, so a named pipe given an article's name is refused instead of waiting for
a writer; a regular file reads the same either way."""


def read_bytes(name: str) -> bytes | str:
    """A file's bytes, or why it cannot be an article. One open, one `fstat` and one read:
    `Path.stat` then `Path.read_bytes` cost three times as much, a tenth of a cold load."""
    try:
        fd = os.open(name, _OPEN_FLAGS)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    try:
        info = os.fstat(fd)
        if not S_ISREG(info.st_mode):
            return "not a regular file"
        if info.st_size > MAX_BYTES:
            return (f"too large ({info.st_size / 1048576:.1f} MB; the limit is "
                    f"{MAX_BYTES / 1048576:.0f} MB)")
        data = os.read(fd, info.st_size + 1)
        if len(data) > info.st_size:
            # It grew since fstat: read on, but no further than what `decode` refuses.
            pieces, total = [data], len(data)
            while total <= MAX_BYTES and (piece := os.read(fd, 1 << 16)):
                pieces.append(piece)
                total += len(piece)
            data = b"".join(pieces)
        return data
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    finally:
        os.close(fd)


def read_file(path: Path, recogniser: Recogniser) -> Article | Skipped:
    data = read_bytes(str(path))
    if isinstance(data, str):
        return Skipped(str(path), data)
    return read_article(path, data, recogniser)


Progress = Callable[[int, int], None]

PARALLEL_FROM = 400
"""Fewer files than this parse faster in one process than it takes to start a pool."""


class LoadStopped(Exception):
    """The load was asked to stop (the user quit while it ran). What was parsed until then
    is in the parse cache, so the next start reads only the rest."""

    def __init__(self, kept: int) -> None:
        super().__init__(f"stopped; {kept:,} files read so far are kept for the next start")
        self.kept = kept


class StopFlag(Protocol):
    """What a load looks at to know it should stop (a `threading.Event` is one)."""

    def is_set(self) -> bool: ...


def load_paths(paths: Iterable[Path], recogniser: Recogniser, cache: ParseCache | None = None,
               workers: int | None = None, progress: Progress | None = None,
               trusted: bool = False, stop: StopFlag | None = None) -> LoadResult:
    """Every article under the paths, in walking order; copies and bad files are skipped.

    Files whose size and time match the cache are not read; the rest are parsed, on all
    cores when there are many. `trusted` takes the cache's last complete walk for the files
    without walking or stat-ing them (0.6 s of a warm start at 100,000 files, seconds at a
    million): the result is marked `unchecked`, and its caller looks for changes later.

    A first load of 100,000 files takes a minute. When `stop` is set, or the load ends by
    any error (Ctrl+C included), the files parsed so far are saved in the cache before
    `LoadStopped` (or the error) is raised: quitting half-way costs the next start only
    the other half.
    """
    paths = list(paths)
    if trusted and cache is not None:
        from_cache = _from_last_walk(paths, cache)
        if from_cache is not None:
            if progress is not None:
                progress(len(from_cache.articles), len(from_cache.articles))
            return from_cache
    result = LoadResult()
    files = list(iter_files(paths, result.skipped))
    outcomes: list[Article | Skipped | CachedSkip | None] = [None] * len(files)
    todo: list[int] = []
    stats: list[tuple[str, int, int]] = []
    for position, name in enumerate(files):
        if stop is not None and not position % 1000 and stop.is_set():
            raise LoadStopped(0)
        try:
            info = os.stat(name)
            stat = (name, info.st_size, info.st_mtime_ns)
        except OSError:
            stat = (name, -1, -1)
        stats.append(stat)
        cached = cache.get(*stat) if cache is not None else None
        if cached is None:
            todo.append(position)
        else:
            outcomes[position] = cached
    parsed = _parse_all([Path(files[i]) for i in todo], recogniser, workers, progress,
                        len(files) - len(todo), len(files))
    kept = 0
    try:
        for position, outcome in zip(todo, parsed, strict=True):
            outcomes[position] = outcome
            kept += 1
            if cache is not None:
                # A file that cannot be stat-ed is kept under size -1 too: a trusted start
                # then finds it in the walk, and it is read again once it can be.
                cached_form = CachedSkip(outcome.reason) if isinstance(outcome, Skipped) else outcome
                cache.put(*stats[position], cached_form)
            if stop is not None and stop.is_set():
                raise LoadStopped(kept)
    except BaseException:
        parsed.close()  # the workers stop: the files not begun are left for the next load
        if cache is not None and cache.changed:
            cache.walked = False  # not a complete walk: the next start looks at every file
            cache.save()
        raise
    if cache is not None:
        cache.follow_walk(files)
        cache.save()
    _collect(zip(files, outcomes, strict=True), result)
    return result


def _collect(outcomes: Iterable[tuple[str, Article | Skipped | CachedSkip | None]],
             result: LoadResult) -> None:
    """Articles in order, each under the name it was found by, and the skipped files; a
    second copy of a text is skipped. Written for speed: it runs for every article of a
    warm start (a million, at the largest)."""
    articles, skipped = result.articles, result.skipped
    seen: dict[str, str] = {}
    for name, outcome in outcomes:
        assert outcome is not None
        if isinstance(outcome, CachedSkip):
            skipped.append(Skipped(name, outcome.reason))
        elif isinstance(outcome, Skipped):
            skipped.append(outcome)
        else:
            if outcome.path != name:
                outcome = replace(outcome, path=name)
            first = seen.setdefault(outcome.id, name)
            if first is name:
                articles.append(outcome)
            else:
                skipped.append(Skipped(name, f"same text as {first}"))


def _from_last_walk(paths: list[Path], cache: ParseCache) -> LoadResult | None:
    """The load the cache's last complete walk gives, if every path is still a folder or a
    file (a missing one is better told at once than found by the later check)."""
    if not all(os.path.isdir(path) or os.path.isfile(path) for path in paths):
        return None
    walked = cache.walked_outcomes()
    if walked is None:
        return None
    result = LoadResult(unchecked=Unchecked(tuple(paths), cache.entries))
    _collect(walked, result)
    return result


@dataclass(slots=True, frozen=True)
class Changes:
    added: int = 0
    changed: int = 0
    removed: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def __str__(self) -> str:
        parts = [f"{count} {what}" for count, what in ((self.added, "added"),
                 (self.changed, "changed"), (self.removed, "removed")) if count]
        return "Files changed since the last start: " + ", ".join(parts) + "."


def changes_since(unchecked: Unchecked) -> Changes:
    """The files added, changed (size or time) and removed since the trusted load's walk:
    the walk and the stat calls that load left out."""
    stamps = unchecked.stamps
    added = changed = found = 0
    for name in iter_files(unchecked.paths, []):
        entry = stamps.get(name)
        if entry is None:
            added += 1
            continue
        found += 1
        try:
            info = os.stat(name)
            stamp = (info.st_size, info.st_mtime_ns)
        except OSError:
            stamp = (-1, -1)
        if stamp != (entry[0], entry[1]):
            changed += 1
    return Changes(added, changed, len(stamps) - found)


def _parse_all(files: list[Path], recogniser: Recogniser, workers: int | None,
               progress: Progress | None, done: int,
               total: int) -> Generator[Article | Skipped, None, None]:
    cores = workers if workers is not None else (os.cpu_count() or 1)
    if progress is not None:
        progress(done, total)
    parsed = 0
    if len(files) >= PARALLEL_FROM and cores >= 2:
        pooled = _parse_in_pool(files, recogniser, cores)
        try:
            for outcome in pooled:
                yield outcome
                parsed += 1
                if progress is not None and parsed % 200 == 0:
                    progress(done + parsed, total)
        except (OSError, ValueError, BrokenProcessPool):
            pass  # no pool can start here (or it died): the rest loads in this process
        finally:
            pooled.close()
    for path in files[parsed:]:
        yield read_file(path, recogniser)
        parsed += 1
        if progress is not None and parsed % 200 == 0:
            progress(done + parsed, total)
    if progress is not None:
        progress(total, total)


def _parse_in_pool(files: list[Path], recogniser: Recogniser,
                   cores: int) -> Generator[Article | Skipped, None, None]:
    """Chunks of names go out and chunks of plain tuples come back (`_packed`): unpickling an
    Article, a dataclass with slots, costs five times what its fields as a tuple do."""
    names = [str(path) for path in files]
    pool = ProcessPoolExecutor(cores, mp_context=_pool_context(), initializer=_start_worker,
                               initargs=(recogniser.gazetteer,))
    try:
        chunk = max(16, min(256, len(names) // (cores * 8) or 1))
        for start, packed in zip(range(0, len(names), chunk),
                                 pool.map(_read_chunk, [names[i:i + chunk]
                                                        for i in range(0, len(names), chunk)]),
                                 strict=True):
            for name, fields in zip(names[start:start + chunk], packed, strict=True):
                yield _unpacked(name, fields)
    finally:
        # Left half-way (the user quit): the chunks not begun are dropped, not waited for.
        pool.shutdown(wait=True, cancel_futures=True)


_Fields = tuple[str, str, int | None, str | None, str | None, str | None, bytes, tuple[str, ...],
                tuple[str, ...], tuple[str, ...], str | None, str | None]
Packed = str | _Fields
"""A skipped file's reason, or an article's fields but its path (`_packed`)."""


def _packed(outcome: Article | Skipped) -> Packed:
    """What a worker sends back: the parent knows the path already, and a date goes as its
    ordinal (a `date` pickles through a reduce call of its own)."""
    if isinstance(outcome, Skipped):
        return outcome.reason
    date = outcome.date
    return (outcome.id, outcome.title, None if date is None else date.toordinal(),
            outcome.source, outcome.author, outcome.dateline, outcome.text, outcome.places,
            outcome.people, outcome.person_names, outcome.url, outcome.site)


def _unpacked(path: str, fields: Packed) -> Article | Skipped:
    if isinstance(fields, str):
        return Skipped(path, fields)
    (id_, title, ordinal, source, author, dateline, text, places, people, person_names, url,
     site) = fields
    return restored(id_, path, title, None if ordinal is None else dt.date.fromordinal(ordinal),
                    source, author, dateline, text, places, people, person_names, url, site)


_worker_recogniser: Recogniser | None = None


def _start_worker(gazetteer: Gazetteer) -> None:
    global _worker_recogniser
    _worker_recogniser = Recogniser(gazetteer)


def _read_chunk(names: list[str]) -> list[Packed]:
    assert _worker_recogniser is not None
    return [_packed(read_file(Path(name), _worker_recogniser)) for name in names]
