"""The reading pane's text work without the interface: the body's word wrap gives the lines
Textual gives a Static (so the pane's height and its drawing agree), and `/` finds words
whatever their case and accents, at offsets valid in the original text."""

from __future__ import annotations

import random

from textual.content import Content

from reader.entities.fold import fold
from reader.highlight import find_matches
from reader.tui.widgets.article_body import line_starts

WORDS = ["Hà", "Nội", "police", "a", "Lương", "Tam", "Quang", "x" * 30, "漢字漢字", "—",
         "end.", "supercalifragilistic", "đường", "[bold]", "Ngọc"]


def lines_by_starts(paragraph: str, starts: list[int]) -> list[str]:
    lines = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(paragraph)
        lines.append(paragraph[start:end].removesuffix("\n").rstrip())
    return lines


def test_the_wrap_breaks_where_textual_breaks() -> None:
    chance = random.Random(11)
    for _ in range(2000):
        paragraph = "".join(chance.choice(WORDS) + chance.choice([" ", " ", "  ", "\n", ""])
                            for _ in range(chance.randint(0, 40))).strip(" ")
        width = chance.randint(2, 60)
        expected = [line.plain.rstrip() for line in Content(paragraph).wrap(width)]
        assert lines_by_starts(paragraph, line_starts(paragraph, width)) == expected, \
            (paragraph, width)


def test_find_ignores_case_and_accents_and_its_offsets_hold_in_the_original() -> None:
    paragraphs = ["Police in Hà Nội and HA NOI met.", "Nothing here.", "Đà Nẵng, ha noi, Hanoi."]
    folded = fold("\n\n".join(paragraphs)).split("\n\n")
    found = find_matches(folded, "ha noi")
    assert [paragraphs[p][s:e] for p, s, e in found] == ["Hà Nội", "HA NOI", "ha noi"]
    assert [paragraphs[p][s:e] for p, s, e in find_matches(folded, "ĐÀ")] == ["Đà"]
    inside = find_matches(folded, "an")  # inside words too
    assert [paragraphs[p][s - 1:e + 1] for p, s, e in inside] == [" and", "Nẵng", "Hano"]
    assert find_matches(folded, "   ") == [] and find_matches(folded, "xyz") == []


def test_find_stops_at_its_limit() -> None:
    folded = [fold("a" * 50)] * 3
    assert len(find_matches(folded, "a", limit=70)) == 70
