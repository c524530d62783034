"""Folded word → article positions, held as two flat arrays that are quick to build, save and load.

The vocabulary is sorted, so every word a typed prefix starts is one run of it, and their
postings are one slice of a single array: a prefix search is a bisect and a slice, and the
whole index is a few bytes per posting instead of a Python list per word. Saved beside the
parse cache, a warm start reads it back in one go instead of rebuilding it from every body.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import mmap
import os
import re
import struct
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias

from reader.atomic import write_bytes
from reader.entities.fold import fold_words
from reader.ingest.article import Article
from reader.positions import BitMap, FrozenBitMap

_TOKEN = re.compile(rb"[a-z0-9\x80-\xff]+")
"""Runs of ASCII letters and digits and non-ASCII UTF-8 bytes, in lower-cased bytes.

Every ASCII character outside [a-z0-9] folds to itself and ends a word in `fold_words`, so
the folded words of each run together are exactly the folded words of the whole text."""

_MAGIC = b"reader-words\x01"
_HEADER = struct.Struct("<16s6Q")
_SEPARATOR = "\n"

Progress = Callable[[int, int], None]
Numbers: TypeAlias = "array.array[int] | memoryview[int]"
"""A flat sequence of 4-byte unsigned ints: an array built here, or a view of a saved index."""


def _typecode() -> str:
    for code in ("I", "L"):
        if array.array(code).itemsize == 4:
            return code
    raise RuntimeError("no 4-byte unsigned array type")  # pragma: no cover


TYPECODE = _typecode()


def article_text(article: Article) -> bytes:
    """What the index reads of an article: its title and body."""
    return article.title.encode("utf-8") + b"\n" + article.text


def ids_digest(articles: Sequence[Article]) -> bytes:
    """Names the exact list of articles an index was built for (ids digest the text)."""
    digest = hashlib.blake2b(digest_size=16)
    for article in articles:
        digest.update(article.id.encode("ascii", "replace"))
        digest.update(b"\n")
    return digest.digest()


class WordIndex:
    """Read-only once built; safe to share between threads."""

    __slots__ = ("_head_maps", "articles", "digest", "heads", "offsets", "postings", "vocabulary")

    def __init__(self, vocabulary: list[str], offsets: Numbers, postings: Numbers,
                 articles: int, digest: bytes = b"", heads: dict[str, Numbers] | None = None,
                 ) -> None:
        self.vocabulary = vocabulary
        self.offsets = offsets
        """Word `k`'s positions are postings[offsets[k]:offsets[k + 1]], ascending."""
        self.postings = postings
        self.articles = articles
        self.digest = digest
        self.heads = _heads(vocabulary, offsets, postings) if heads is None else heads
        """Positions of the articles with a word starting with each letter or digit, merged
        once: the first key typed would otherwise union most of the postings."""
        self._head_maps: dict[str, FrozenBitMap] = {}
        """The heads as bitmaps, made on first use and kept (a few kB each)."""

    # -- building ------------------------------------------------------------------------
    @classmethod
    def build(cls, articles: Sequence[Article], progress: Progress | None = None) -> WordIndex:
        by_token: dict[bytes, list[int]] = {}
        total = len(articles)
        step = max(1, total // 100)
        for position, article in enumerate(articles):
            for token in set(_TOKEN.findall(article_text(article).lower())):
                found = by_token.get(token)
                if found is None:
                    by_token[token] = [position]
                else:
                    found.append(position)
            if progress is not None and position % step == 0:
                progress(position, total)
        index = cls._from_tokens(by_token, total, ids_digest(articles))
        if progress is not None:
            progress(total, total)
        return index

    @classmethod
    def _from_tokens(cls, by_token: dict[bytes, list[int]], articles: int,
                     digest: bytes) -> WordIndex:
        by_word: dict[str, list[list[int]]] = {}
        for token, positions in by_token.items():
            words = [token.decode("ascii")] if token.isascii() else \
                fold_words(token.decode("utf-8", "replace"))
            for word in words:
                by_word.setdefault(word, []).append(positions)
        vocabulary = sorted(by_word)
        offsets = array.array(TYPECODE, [0])
        postings = array.array(TYPECODE)
        for word in vocabulary:
            lists = by_word[word]
            postings.extend(lists[0] if len(lists) == 1 else sorted(set().union(*lists)))
            offsets.append(len(postings))
        return cls(vocabulary, offsets, postings, articles, digest)

    def extended(self, articles: Sequence[Article]) -> WordIndex:
        """This index plus the articles after the ones it covers (a few, such as bookmarks
        whose files are gone): a full rebuild would cost a pass over every body."""
        extra = articles[self.articles:]
        if not extra:
            return self
        added = WordIndex.build(extra)
        merged: dict[str, list[int]] = {}
        for number, word in enumerate(added.vocabulary):
            merged[word] = [self.articles + p for p in added._slice(number, number + 1)]
        vocabulary = sorted(set(self.vocabulary) | set(merged))
        offsets = array.array(TYPECODE, [0])
        postings = array.array(TYPECODE)
        for word in vocabulary:
            at = bisect.bisect_left(self.vocabulary, word)
            if at < len(self.vocabulary) and self.vocabulary[at] == word:
                postings.extend(self._slice(at, at + 1))
            postings.extend(merged.get(word, ()))
            offsets.append(len(postings))
        return WordIndex(vocabulary, offsets, postings, len(articles), ids_digest(articles))

    # -- asking --------------------------------------------------------------------------
    def _slice(self, start: int, end: int) -> Numbers:
        return self.postings[self.offsets[start]:self.offsets[end]]

    def _range(self, prefix: str) -> tuple[int, int]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", start)
        return start, end

    def with_word(self, word: str, prefix: bool = True) -> BitMap | FrozenBitMap:
        """Positions of the articles with the word, or with any word it starts. The words a
        prefix starts are one run of the vocabulary, so their postings are one slice: one
        call makes the bitmap, however many words there are."""
        if prefix and word in self.heads:
            found = self._head_maps.get(word)
            if found is None:  # two threads may both make it: the same bitmap either way
                found = self._head_maps[word] = FrozenBitMap(_array(self.heads[word]))
            return found
        if prefix:
            start, end = self._range(word)
        else:
            start = bisect.bisect_left(self.vocabulary, word)
            present = start < len(self.vocabulary) and self.vocabulary[start] == word
            end = start + 1 if present else start
        return BitMap(_array(self._slice(start, end)))

    def words(self, prefix: str = "") -> list[str]:
        start, end = self._range(prefix)
        return self.vocabulary[start:end]

    def __len__(self) -> int:
        return len(self.vocabulary)

    def nbytes(self) -> int:
        """Memory held by the arrays and the words (roughly: str headers included)."""
        text = sum(sys.getsizeof(word) for word in self.vocabulary)
        return (len(self.offsets) + len(self.postings)) * 4 + text + 8 * len(self.vocabulary)

    # -- keeping -------------------------------------------------------------------------
    @staticmethod
    def code_fingerprint() -> str:
        """This module's code, which decides what a saved index holds."""
        return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=12).hexdigest()

    def to_bytes(self, fingerprint: str) -> bytes:
        words = _SEPARATOR.join(self.vocabulary).encode("utf-8")
        key = hashlib.blake2b(fingerprint.encode(), digest_size=16).digest()
        letters = "".join(self.heads)
        head_offsets = array.array(TYPECODE, [0])
        head_postings = array.array(TYPECODE)
        for letter in letters:
            head_postings.extend(self.heads[letter])
            head_offsets.append(len(head_postings))
        header = _HEADER.pack(key, self.articles, len(self.vocabulary), len(self.postings),
                              len(words), len(self.digest), len(letters))
        arrays: list[Numbers] = [self.offsets, self.postings, head_offsets, head_postings]
        if sys.byteorder != "little":  # pragma: no cover - stored little-endian everywhere
            swapped = [array.array(TYPECODE, a) for a in arrays]
            for each in swapped:
                each.byteswap()
            arrays = list(swapped)
        return b"".join((_MAGIC, header, self.digest, words, letters.encode("ascii"),
                         *(a.tobytes() for a in arrays)))

    @classmethod
    def from_bytes(cls, data: bytes, fingerprint: str) -> WordIndex | None:
        """The index saved in `data`, or None if it is damaged or from other code."""
        return cls._read(memoryview(data), fingerprint)

    @classmethod
    def _read(cls, data: memoryview, fingerprint: str) -> WordIndex | None:
        """The arrays are views of `data`, not copies: a mapped file is read by the pages a
        search touches, and a start holds none of its postings until then."""
        try:
            at = len(_MAGIC) + _HEADER.size

            def chunk(length: int) -> memoryview:
                nonlocal at
                if at + length > len(data):
                    raise ValueError("the saved index is cut short")
                at += length
                return data[at - length:at]

            def numbers(count: int) -> Numbers:
                raw = chunk(4 * count)
                if sys.byteorder == "little":
                    return raw.cast("B").cast("I" if TYPECODE == "I" else "L")
                each = array.array(TYPECODE, raw.tobytes())  # pragma: no cover
                each.byteswap()  # pragma: no cover
                return each  # pragma: no cover

            if bytes(data[:len(_MAGIC)]) != _MAGIC or len(data) < at:
                return None
            key, articles, count, postings_count, words_size, digest_size, letters_size = \
                _HEADER.unpack(data[len(_MAGIC):at])
            if key != hashlib.blake2b(fingerprint.encode(), digest_size=16).digest():
                return None
            digest = bytes(chunk(digest_size))
            words = chunk(words_size)
            vocabulary = str(words, "utf-8").split(_SEPARATOR) if count else []
            letters = str(chunk(letters_size), "ascii")
            offsets = numbers(count + 1)
            postings = numbers(postings_count)
            head_offsets = numbers(letters_size + 1)
            head_postings = numbers(head_offsets[-1] if len(head_offsets) else 0)
            if at != len(data) or len(vocabulary) != count or offsets[-1] != postings_count:
                return None
            heads = {letter: head_postings[head_offsets[n]:head_offsets[n + 1]]
                     for n, letter in enumerate(letters)}
            return cls(vocabulary, offsets, postings, articles, digest, heads)
        except (ValueError, TypeError, struct.error, UnicodeDecodeError):
            return None

    def save(self, path: Path, fingerprint: str) -> None:
        """Best effort, like the parse cache: a failed write only costs a rebuild later."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(path, self.to_bytes(fingerprint))
        except OSError:
            pass

    @classmethod
    def load(cls, path: Path, fingerprint: str) -> WordIndex | None:
        """The saved index, its arrays mapped from the file (which may then be replaced:
        the mapping keeps the old one)."""
        try:
            with path.open("rb") as stream:
                if os.fstat(stream.fileno()).st_size == 0:
                    return None
                mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        return cls._read(memoryview(mapped), fingerprint)


def _array(numbers: Numbers) -> array.array[int]:
    """The numbers as an array, which a bitmap takes in one call (a view of a saved index is
    copied first: read item by item it costs three times as much)."""
    if isinstance(numbers, array.array):
        return numbers
    return array.array(TYPECODE, numbers.tobytes())


def _heads(vocabulary: list[str], offsets: Numbers, postings: Numbers) -> dict[str, Numbers]:
    heads: dict[str, Numbers] = {}
    start = 0
    while start < len(vocabulary):
        letter = vocabulary[start][0]
        end = bisect.bisect_left(vocabulary, chr(ord(letter) + 1), start)
        merged = postings[offsets[start]:offsets[end]]
        heads[letter] = merged if end - start == 1 else array.array(TYPECODE, sorted(set(merged)))
        start = end
    return heads


def for_articles(articles: Sequence[Article], saved: WordIndex | None) -> WordIndex | None:
    """The saved index if it was built for these articles (or for the first ones of them)."""
    if saved is None or saved.articles > len(articles):
        return None
    if ids_digest(articles[:saved.articles]) != saved.digest:
        return None
    return saved.extended(articles)
