"""Date ranges as users type them: `2025`, `2025-07`, `2025-07-14`, `2025-07..2025-09`,
`>2025-01-15`, `<2024`, `>=2025-03`, `..2024-06`, `2025-01..`.

A bound is as wide as it is written: `2025-07` starts on 1 July and ends on 31 July, so
`..2025-07` includes the whole of July and `<2025-07` stops on 30 June.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_POINT = r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?"
_RANGE = re.compile(rf"^(?P<start>{_POINT})?\.\.(?P<end>{_POINT})?$")
_COMPARE = re.compile(rf"^(?P<op>[<>]=?)(?P<point>{_POINT})$")
_SINGLE = re.compile(rf"^{_POINT}$")


@dataclass(slots=True, frozen=True)
class DateRange:
    """Inclusive on both ends; None is open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date):
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def intersect(self, other: DateRange) -> DateRange:
        starts = [d for d in (self.start, other.start) if d is not None]
        ends = [d for d in (self.end, other.end) if d is not None]
        return DateRange(max(starts) if starts else None, min(ends) if ends else None)

    @property
    def label(self) -> str:
        first = self.start.isoformat() if self.start else ""
        last = self.end.isoformat() if self.end else ""
        if first and first == last:
            return first
        return f"{first}..{last}"


def span(point: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a written date covers; None when it is not a real date."""
    parts = [int(p) for p in point.split("-")]
    try:
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        year, month = parts[0], parts[1]
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day = dt.date(year, month, parts[2])
        return day, day
    except (ValueError, calendar.IllegalMonthError):
        return None


def parse_date_range(token: str) -> DateRange | None:
    """A range for a token of the filter language, or None when the token is not a date."""
    token = token.strip()
    if match := _RANGE.match(token):
        start, end = match["start"], match["end"]
        if start is None and end is None:
            return None
        first = span(start) if start else None
        last = span(end) if end else None
        if (start and first is None) or (end and last is None):
            return None
        return DateRange(first[0] if first else None, last[1] if last else None)
    if match := _COMPARE.match(token):
        bounds = span(match["point"])
        if bounds is None:
            return None
        one = dt.timedelta(days=1)
        return {
            ">": DateRange(bounds[1] + one, None),
            ">=": DateRange(bounds[0], None),
            "<": DateRange(None, bounds[0] - one),
            "<=": DateRange(None, bounds[1]),
        }[match["op"]]
    if _SINGLE.match(token):
        bounds = span(token)
        return DateRange(*bounds) if bounds else None
    return None


def take_date_ranges(text: str) -> tuple[DateRange | None, str]:
    """The period a filter text asks for (every date token, intersected) and the rest of the
    text, so that `hanoi 2025-07..2025-09` narrows to the quarter and searches for `hanoi`."""
    period: DateRange | None = None
    rest: list[str] = []
    for token in text.split():
        found = parse_date_range(token)
        if found is None:
            rest.append(token)
        else:
            period = found if period is None else period.intersect(found)
    return period, " ".join(rest)
