"""Facets, timeline, co-occurrence and date ranges over a small store built from records."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.analysis.dateranges import DateRange, parse_date_range, take_date_ranges
from reader.analysis.facets import FacetIndex, group_places
from reader.analysis.timeline import TimelineIndex, sparkline
from reader.entities.gazetteer import load_gazetteer
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.store import Store


def article(number: int, date: dt.date | None, places: tuple[str, ...],
            people: tuple[str, ...] = ()) -> Article:
    return Article(id=f"{number:016x}", path=f"/corpus/{number}.txt", title=f"Title {number}",
                   date=date, source=None, author=None, dateline=None, text=b"Body.",
                   places=places, people=people,
                   person_names=tuple(p.replace("-", " ").title() for p in people))


@pytest.fixture(scope="module")
def store() -> Store:
    day = dt.date
    return Store([
        article(0, day(2025, 1, 5), ("ha-noi",), ("to-lam",)),
        article(1, day(2025, 1, 20), ("ha-noi", "binh-duong"), ("to-lam", "nguyen-van-a")),
        article(2, day(2025, 3, 2), ("binh-duong",), ("nguyen-van-a",)),
        article(3, None, ("ho-chi-minh",), ("to-lam",)),
        article(4, day(2025, 3, 30), ("da-nang",)),
    ], load_gazetteer())


def test_facets_count_articles_busiest_first(store: Store) -> None:
    rows = FacetIndex(store).counts()
    assert [(r.kind, r.id, r.count) for r in rows[:4]] == [
        (PERSON, "to-lam", 3), (PLACE, "binh-duong", 2), (PLACE, "ha-noi", 2),
        (PERSON, "nguyen-van-a", 2)]  # ties by name
    assert {r.id: r.count for r in rows}["da-nang"] == 1


@pytest.mark.parametrize("subset", [[0, 1], [0, 1, 2, 3], [4], []])
def test_facets_of_a_subset_equal_a_direct_count(store: Store, subset: list[int]) -> None:
    """Both paths (the subset itself, and totals minus the complement) agree with a scan."""
    expected: dict[str, int] = {}
    for index in subset:
        found = store.articles[index]
        for key in (*found.places, *found.people):
            expected[key] = expected.get(key, 0) + 1
    got = {r.id: r.count for r in FacetIndex(store).counts(set(subset))}
    assert got == expected


def test_facets_by_kind_and_excluding(store: Store) -> None:
    index = FacetIndex(store)
    assert {r.kind for r in index.counts(kind=PLACE)} == {PLACE}
    assert "ha-noi" not in {r.id for r in index.counts(exclude=[(PLACE, "ha-noi")])}


def test_cooccurrence_lists_who_appears_with_an_entity(store: Store) -> None:
    index = FacetIndex(store)
    rows = {r.id: r.count for r in index.with_entity((PERSON, "to-lam"))}
    assert rows == {"ha-noi": 2, "binh-duong": 1, "nguyen-van-a": 1, "ho-chi-minh": 1}
    inside = {r.id: r.count for r in index.with_entity((PERSON, "to-lam"), subset={0, 3})}
    assert inside == {"ha-noi": 1, "ho-chi-minh": 1}


def test_places_group_by_their_2025_unit(store: Store) -> None:
    rows = FacetIndex(store).counts(kind=PLACE)
    groups = {g.name: {m.id for m in g.members} for g in group_places(rows, store)}
    assert groups["Hồ Chí Minh"] == {"binh-duong", "ho-chi-minh"}
    regions = {g.name for g in group_places(rows, store, by="region")}
    assert "Red River Delta" in regions


def test_timeline_by_month_fills_empty_months(store: Store) -> None:
    timeline = TimelineIndex(store).timeline(unit="month")
    assert [(b.start.isoformat(), b.count) for b in timeline.bars] == [
        ("2025-01-01", 2), ("2025-02-01", 0), ("2025-03-01", 2)]
    assert timeline.bars[1].end == dt.date(2025, 2, 28)
    assert timeline.undated == 1
    assert sparkline(timeline) == "█ █"


def test_timeline_of_a_short_span_is_by_week(store: Store) -> None:
    timeline = TimelineIndex(store).timeline({0, 1})
    assert timeline.unit == "week"
    assert sum(b.count for b in timeline.bars) == 2
    assert all(b.start.weekday() == 0 and (b.end - b.start).days == 6 for b in timeline.bars)


def test_a_bar_narrows_to_its_period(store: Store) -> None:
    """A bar's period, as the filter applies it (the store's dated positions)."""
    march = TimelineIndex(store).timeline(unit="month").bars[-1]

    def within(period: DateRange, subset: set[int] | None = None) -> list[int]:
        found = store.dated_within(period.start, period.end)
        return sorted(found if subset is None else set(found) & subset)

    assert within(march.range) == [2, 4]
    assert within(march.range, {0, 4}) == [4]
    one_day = DateRange(dt.date(2025, 3, 30), dt.date(2025, 3, 30))
    assert within(one_day) == [4]  # both ends are inclusive
    assert within(DateRange(None, dt.date(2025, 1, 5))) == [0]


@pytest.mark.parametrize(("token", "start", "end"), [
    ("2025", "2025-01-01", "2025-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-07..2025-09", "2025-07-01", "2025-09-30"),
    (">2025-01-15", "2025-01-16", None),
    (">=2025-03", "2025-03-01", None),
    ("<2024", None, "2023-12-31"),
    ("<=2024-06", None, "2024-06-30"),
    ("..2024-06", None, "2024-06-30"),
    ("2025-01-02..", "2025-01-02", None),
])
def test_date_ranges_of_the_filter_language(token: str, start: str | None, end: str | None) -> None:
    expected = DateRange(dt.date.fromisoformat(start) if start else None,
                         dt.date.fromisoformat(end) if end else None)
    assert parse_date_range(token) == expected


@pytest.mark.parametrize("token", ["hanoi", "2025-13", "2025-02-30", "..", "20", "12345", "<x"])
def test_words_and_impossible_dates_are_not_ranges(token: str) -> None:
    assert parse_date_range(token) is None


def test_ranges_contain_and_intersect() -> None:
    q3 = parse_date_range("2025-07..2025-09")
    assert q3 is not None
    assert dt.date(2025, 8, 1) in q3 and dt.date(2025, 10, 1) not in q3
    assert q3.intersect(DateRange(dt.date(2025, 9, 10))).label == "2025-09-10..2025-09-30"


def test_date_tokens_are_taken_out_of_the_filter_text() -> None:
    period, rest = take_date_ranges("hanoi 2025 police >2025-06")
    assert rest == "hanoi police"
    assert period == DateRange(dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    assert take_date_ranges("tam quang") == (None, "tam quang")


def test_places_and_people_come_from_one_count(store: Store) -> None:
    index = FacetIndex(store)
    subset = {0, 1, 2}
    places, people = index.places_and_people(subset, limit=2)
    assert places == index.counts(subset, kind=PLACE, limit=2)
    assert people == index.counts(subset, kind=PERSON, limit=2)
    assert {r.kind for r in places} == {PLACE} and {r.kind for r in people} == {PERSON}
