"""Full garbage collections wait for a pause in the typing, and no longer than that."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reader.tui import collector
from reader.tui.collector import FullCollections


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def full_ones() -> Iterator[list[int]]:
    """Generations of the collections run while the test runs; thresholds put back."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    thresholds = gc.get_threshold()
    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)


def test_deferred_the_collector_runs_no_full_collection_by_itself(full_ones: list[int]) -> None:
    collections = FullCollections(Clock())
    before = gc.get_threshold()
    collections.defer()
    assert collections.deferred and gc.get_threshold()[:2] == before[:2]
    gc.collect()
    full_ones.clear()
    kept = [[n] for n in range(300_000)]  # containers that survive: young and middle runs
    assert 1 in full_ones and 2 not in full_ones
    assert gc.get_count()[2] > 0, "middle collections are waiting for a full one"
    collections.restore()
    assert gc.get_threshold() == before and not collections.deferred
    del kept


def test_a_waiting_full_collection_runs_at_a_pause(full_ones: list[int]) -> None:
    clock = Clock()
    collections = FullCollections(clock)
    gc.collect(1)
    assert not collections.tick(), "not deferred: the collector's own rules apply"
    collections.defer()
    gc.collect()
    assert not collections.tick(), "nothing waiting"
    gc.collect(1)
    collections.busy()
    clock.now += collector.IDLE_AFTER / 2
    full_ones.clear()
    assert not collections.tick() and 2 not in full_ones, "a key came a moment ago"
    clock.now += collector.IDLE_AFTER
    assert collections.tick() and 2 in full_ones
    assert gc.get_count()[2] == 0 and collections.collected == 1
    assert not collections.tick(), "once only"
    collections.restore()


def test_typing_without_a_pause_gets_its_full_collection_when_overdue(
        full_ones: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "OVERDUE", 3)
    clock = Clock()
    collections = FullCollections(clock)
    collections.defer()
    gc.collect()
    for _ in range(2):
        gc.collect(1)
        collections.busy()
        assert not collections.tick()
    gc.collect(1)
    collections.busy()
    full_ones.clear()
    assert collections.tick() and 2 in full_ones
    collections.restore()
