"""What the reading pane marks: mentions of the pinned names win over typed words that
overlap them; words are marked at word starts, whole."""

from __future__ import annotations

import random

from reader.corpus import default_gazetteer
from reader.entities.recognise import PLACE, Recogniser
from reader.highlight import ENTITY, TERM, _Taken, highlight_spans


def test_the_overlap_check_agrees_with_checking_every_interval() -> None:
    chance = random.Random(7)
    for _ in range(300):
        intervals = []
        for _ in range(chance.randint(0, 12)):
            start = chance.randint(0, 80)
            intervals.append((start, start + chance.randint(1, 9)))
        taken = _Taken(intervals)
        for _ in range(40):
            start = chance.randint(0, 95)
            end = start + chance.randint(1, 8)
            every = any(not (end <= s or start >= e) for s, e in intervals)
            assert taken.overlaps(start, end) == every, (intervals, start, end)


def test_mentions_win_over_words_and_words_are_marked_whole() -> None:
    recogniser = Recogniser(default_gazetteer())
    paragraphs = ["Police in Hà Nội met.", "Hanoi police and Hà Nội officers hanoied nothing."]
    spans = highlight_spans(recogniser, paragraphs, {(PLACE, "ha-noi")}, ("ha",))
    marked = [(s.paragraph, paragraphs[s.paragraph][s.start:s.end], s.tag) for s in spans]
    assert marked == [
        (0, "Hà Nội", ENTITY),
        (1, "Hanoi", ENTITY),
        (1, "Hà Nội", ENTITY),
        (1, "hanoied", TERM),
    ]
