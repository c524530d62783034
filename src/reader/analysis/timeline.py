"""A result's articles by month (by week when the span is short), for a bar chart.

Each article's month and week are computed once; a timeline is a `Counter` over them for the
positions of the result, then the empty periods in between are filled so the bars are evenly
spaced in time. Undated articles are counted apart, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from reader.analysis.dateranges import DateRange
from reader.positions import AnyPositions
from reader.store import Store

WEEKS_UNDER_MONTHS = 3
"""A result within three calendar months is drawn by week: a few monthly bars say little."""


@dataclass(slots=True, frozen=True)
class Bar:
    start: dt.date
    end: dt.date
    count: int

    @property
    def range(self) -> DateRange:
        return DateRange(self.start, self.end)


@dataclass(slots=True, frozen=True)
class Timeline:
    bars: tuple[Bar, ...]
    unit: str
    """"month" or "week"."""
    undated: int

    @property
    def peak(self) -> int:
        return max((b.count for b in self.bars), default=0)


def _month_key(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_bar(key: int, count: int) -> Bar:
    year, month = divmod(key, 12)
    start = dt.date(year, month + 1, 1)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return Bar(start, following - dt.timedelta(days=1), count)


def _week_bar(key: int, count: int) -> Bar:
    start = dt.date.fromordinal(key * 7 + 1)  # ordinal 1 is a Monday
    return Bar(start, start + dt.timedelta(days=6), count)


class TimelineIndex:
    """Built once per store from the dates alone."""

    def __init__(self, store: Store) -> None:
        self.ordinals: list[int] = [a.date.toordinal() if a.date else 0 for a in store.articles]
        self.months: list[int] = [_month_key(a.date) if a.date else -1 for a in store.articles]

    def timeline(self, subset: AnyPositions | None = None, unit: str | None = None,
                 max_bars: int | None = None) -> Timeline:
        positions: AnyPositions = range(len(self.ordinals)) if subset is None else subset
        months = Counter(map(self.months.__getitem__, positions))
        undated = months.pop(-1, 0)
        if not months:
            return Timeline((), unit or "month", undated)
        first, last = min(months), max(months)
        chosen = unit or ("week" if last - first < WEEKS_UNDER_MONTHS else "month")
        if chosen == "week":
            weeks = Counter((o - 1) // 7 for o in map(self.ordinals.__getitem__, positions) if o)
            keys = range(min(weeks), max(weeks) + 1)
            bars = [_week_bar(k, weeks.get(k, 0)) for k in keys]
        else:
            bars = [_month_bar(k, months.get(k, 0)) for k in range(first, last + 1)]
        if max_bars is not None and len(bars) > max_bars:
            bars = bars[-max_bars:]
        return Timeline(tuple(bars), chosen, undated)


def sparkline(timeline: Timeline, width: int | None = None) -> str:
    """One row of block characters, one a bar; an empty period is a space."""
    blocks = " ▁▂▃▄▅▆▇█"
    bars = timeline.bars if width is None else timeline.bars[-width:]
    peak = max((b.count for b in bars), default=0)
    if peak == 0:
        return ""
    return "".join(blocks[0] if b.count == 0 else blocks[max(1, round(b.count / peak * 8))]
                   for b in bars)
