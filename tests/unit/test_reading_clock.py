"""The loading screen's line while files are parsed: how many, and about how long is left."""

from __future__ import annotations

import pytest

from reader.tui.reading_clock import ReadingClock, about


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_no_estimate_until_the_reading_has_settled() -> None:
    clock = Clock()
    reading = ReadingClock(clock)
    assert reading.text(0, 10_000) == "Reading the files: 0 of 10,000"
    clock.now += 1.0
    assert reading.text(1_000, 10_000) == "Reading the files: 1,000 of 10,000"


def test_the_rate_is_taken_from_the_first_report_on() -> None:
    """60,000 files came from the cache at once; 4,000 were then parsed in 4 s."""
    clock = Clock()
    reading = ReadingClock(clock)
    reading.text(60_000, 100_000)
    clock.now += 4.0
    assert reading.text(64_000, 100_000) == "Reading the files: 64,000 of 100,000 · about 35 s left"


def test_nothing_is_left_once_every_file_is_read() -> None:
    clock = Clock()
    reading = ReadingClock(clock)
    reading.text(0, 500)
    clock.now += 5.0
    assert reading.text(500, 500) == "Reading the files: 500 of 500"


@pytest.mark.parametrize(("seconds", "said"), [
    (3, "a few seconds left"), (9.9, "a few seconds left"), (12, "about 10 s left"),
    (13, "about 15 s left"), (89, "about 90 s left"), (95, "about 2 min left"),
    (600, "about 10 min left"),
])
def test_estimates_are_rounded_to_steps(seconds: float, said: str) -> None:
    assert about(seconds) == said
