"""Where the reading pane marks the active filters: mentions of pinned places and people in
any spelling (short references included), and the typed words at word starts; and what the
reader looks for with `/` inside the article.

Offsets are per paragraph so that the pane can style each paragraph and jump between them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.entities.fold import fold
from reader.entities.recognise import Mention, Recogniser

ENTITY = "entity"
TERM = "term"


@dataclass(slots=True, frozen=True)
class Span:
    paragraph: int
    start: int
    end: int
    tag: str


def highlight_spans(
    recogniser: Recogniser,
    paragraphs: Sequence[str],
    entities: Collection[tuple[str, str]],
    words: Sequence[str],
    mentions: Sequence[Mention] | None = None,
) -> list[Span]:
    """Spans to mark, in reading order; entity mentions win over overlapping words.

    `mentions` are the recogniser's mentions in the paragraphs joined by blank lines, when
    the caller keeps them: finding them is most of the cost in a long article, and they do
    not change while the user types.
    """
    body = "\n\n".join(paragraphs)
    starts = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    found: list[tuple[int, int, str]] = []
    if entities:
        for mention in recogniser.mentions(body) if mentions is None else mentions:
            if (mention.kind, mention.entity_id) in entities:
                found.append((mention.start, mention.end, ENTITY))
    if words:
        folded = _folded(body)
        pattern = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")[a-z0-9]*"
        )
        taken = _Taken([(s, e) for s, e, _ in found])
        for match in pattern.finditer(folded):
            if not taken.overlaps(match.start(), match.end()):
                found.append((match.start(), match.end(), TERM))
    spans = []
    for start, end, tag in sorted(found):
        index = bisect.bisect_right(starts, start) - 1
        spans.append(Span(index, start - starts[index], end - starts[index], tag))
    return spans


@lru_cache(maxsize=2)
def _folded(body: str) -> str:
    """Each keystroke in the filter bar highlights the article shown again: its folded text
    is kept instead of folded again (a tenth of a second per MB)."""
    return fold(body)


FIND_LIMIT = 100_000
"""Matches marked at most: a one-letter find in a 4 MB article would otherwise mark
hundreds of thousands."""


def find_matches(folded_paragraphs: Sequence[str], text: str,
                 limit: int = FIND_LIMIT) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every occurrence of `text`, ignoring case and diacritics,
    anywhere in a word (less's `/`). The paragraphs come folded (`fold` keeps one character
    per character, so the offsets are valid in the original text); blank text finds nothing.
    """
    needle = fold(text)
    if not needle.strip():
        return []
    size = len(needle)
    found: list[tuple[int, int, int]] = []
    for index, paragraph in enumerate(folded_paragraphs):
        start = paragraph.find(needle)
        while start >= 0:
            found.append((index, start, start + size))
            if len(found) >= limit:
                return found
            start = paragraph.find(needle, start + size)
    return found


class _Taken:
    """Text already marked as mentions, as disjoint sorted intervals, so that each typed
    word's match is checked against its two neighbours instead of every mention (a long
    article has thousands of both)."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(intervals):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:
            return True
        following = index + 1
        return following < len(self.starts) and self.starts[following] < end
