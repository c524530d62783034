"""Where the reading pane marks the active filters: mentions of pinned places and people in
any spelling (short references included), and the typed words at word starts.

Offsets are per paragraph so that the pane can style each paragraph and jump between them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reader.entities.fold import fold
from reader.entities.recognise import Recogniser

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
) -> list[Span]:
    """Spans to mark, in reading order; entity mentions win over overlapping words."""
    body = "\n\n".join(paragraphs)
    starts = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    found: list[tuple[int, int, str]] = []
    if entities:
        for mention in recogniser.mentions(body):
            if (mention.kind, mention.entity_id) in entities:
                found.append((mention.start, mention.end, ENTITY))
    if words:
        folded = fold(body)
        pattern = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")[a-z0-9]*"
        )
        taken = [(s, e) for s, e, _ in found]
        for match in pattern.finditer(folded):
            if all(match.end() <= s or match.start() >= e for s, e in taken):
                found.append((match.start(), match.end(), TERM))
    spans = []
    for start, end, tag in sorted(found):
        index = _paragraph_of(starts, start)
        spans.append(Span(index, start - starts[index], end - starts[index], tag))
    return spans


def _paragraph_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low
