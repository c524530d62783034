"""Files and folders to article records, with a reason for every file that was skipped.

A bad file never stops a load: it is reported in plain words (binary, empty, too large,
unreadable, a copy of another file) and the rest loads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.entities.recognise import Recogniser
from reader.ingest.article import Article, article_id
from reader.ingest.clean import clean_text
from reader.ingest.decode import MAX_BYTES, Rejected, decode
from reader.ingest.parse import parse_article

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})


@dataclass(slots=True, frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(slots=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def iter_files(paths: Iterable[Path], skipped: list[Skipped]) -> Iterator[Path]:
    """Named files as given; folders recursively, article suffixes only, hidden ones left out."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                        yield candidate
        elif path.is_file():
            yield path
        elif path.exists():
            skipped.append(Skipped(str(path), "not a regular file"))
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))


def read_article(path: Path, data: bytes, recogniser: Recogniser) -> Article | Skipped:
    """One file's bytes to an article; pure apart from the path it records."""
    decoded = decode(data, MAX_BYTES)
    if isinstance(decoded, Rejected):
        return Skipped(str(path), decoded.reason)
    text = clean_text(decoded.text)
    if not text.strip():
        return Skipped(str(path), "no readable text after cleaning")
    parsed = parse_article(text, fallback_title=path.stem)
    body = "\n\n".join(parsed.paragraphs)
    found = recogniser.recognise(parsed.title + "\n\n" + body)
    return Article(
        id=article_id(text),
        path=str(path),
        title=parsed.title,
        date=parsed.date,
        source=parsed.source,
        author=parsed.author,
        dateline=parsed.dateline,
        body=body,
        places=found.places,
        people=tuple(pid for pid, _ in found.people),
        person_names=tuple(name for _, name in found.people),
    )


def read_file(path: Path, recogniser: Recogniser) -> Article | Skipped:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(str(path), f"too large ({size / 1048576:.1f} MB; the limit is "
                                      f"{MAX_BYTES / 1048576:.0f} MB)")
        data = path.read_bytes()
    except OSError as error:
        return Skipped(str(path), f"cannot be read ({error.strerror or error})")
    return read_article(path, data, recogniser)


def load_paths(paths: Iterable[Path], recogniser: Recogniser) -> LoadResult:
    result = LoadResult()
    seen: dict[str, str] = {}
    for path in iter_files(paths, result.skipped):
        outcome = read_file(path, recogniser)
        if isinstance(outcome, Skipped):
            result.skipped.append(outcome)
        elif outcome.id in seen:
            result.skipped.append(Skipped(str(path), f"same text as {seen[outcome.id]}"))
        else:
            seen[outcome.id] = outcome.path
            result.articles.append(outcome)
    return result
