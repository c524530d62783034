"""Publication dates in the forms Vietnamese and international news sites print them.

Numeric dates are read day first (`12/11/2025` is 12 November), as Vietnamese sites write
them, unless the second number cannot be a month. Only a line that is a date, or the
` date YYYY-MM-DD` marker of some exports, gives the article's date: a date inside a
sentence or a caption ("Ha Noi, January 21, 2025 - Photo") is about something else.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.entities.fold import fold

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?"
    r"|thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|cn|t[2-7]),?"
)
"""English weekdays, and Vietnamese ones as folded (`Thứ Năm` → `thu nam`, `Chủ nhật`, `T5`)."""
_TIME = r"(?:\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)"
_ZONE = r"(?:(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d{2})?|ict|\(gmt\s*[+-]\d{1,2}\))"
_LABEL = (r"(?:(?:updated|posted|published|last updated|date|ngay|cap nhat|dang luc|dang ngay|"
          r"xuat ban)\s*:?\s*)")
_SEP = r"[\s,|\-–—]*"

_FORMS = [
    # January 22, 2026 / Jan. 22 2026 / Thursday, November 20, 2025 / November, 20 2025
    rf"{_MONTH},?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    # ngày 3 tháng 9 năm 2025 (folded), 3 tháng 9, 2025
    r"(?:ngay\s+)?(?P<day>\d{1,2})\s+thang\s+(?P<month>\d{1,2}),?\s+(?:nam\s+)?(?P<year>\d{4})",
    # 22 January 2026
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
    # 2025-11-20, 2025-11-20T15:32:00+07:00, 2025/11/20
    r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})",
    # 12/11/2025, 15-09-2025, 12.11.2025 (day first)
    r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})",
]
_TAIL = rf"(?:{_SEP}(?:t|at\s+|luc\s+)?{_TIME})?(?:\s*{_ZONE})?(?:\s*\(?[+-]\d{{2}}:?\d{{2}}\)?)?"
_LINE_FORMS = [
    re.compile(
        rf"^\s*{_LABEL}?(?:{_TIME}{_SEP})?(?:{_WEEKDAY}{_SEP})?(?:{_LABEL}{_SEP})?{form}{_TAIL}\s*$",
        re.IGNORECASE
    )
    for form in _FORMS
]
_ISO_LONG = re.compile(
    r"^\s*(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:z|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")
"""Every form has a four-digit year: a line without one is not looked at further. (Four
digits, not after a digit: the pattern starts with the digit so that the engine can skip to
the next one, and then looks behind it.)"""
_MARKER = re.compile(r"^\s*date:?\s+(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b\s*",
                     re.IGNORECASE)


def _build(year: str, month: str, day: str) -> dt.date | None:
    month_number = MONTHS.get(month.lower().rstrip(".")) if month.isalpha() else int(month)
    if month_number is None:
        return None
    day_number, year_number = int(day), int(year)
    if month_number > 12 and day_number <= 12:
        day_number, month_number = month_number, day_number
    if not 1900 <= year_number <= 2100:
        return None
    try:
        return dt.date(year_number, month_number, day_number)
    except ValueError:
        return None


def parse_date_line(line: str) -> dt.date | None:
    """The date of a line that holds nothing but a date (and a weekday, time, zone)."""
    if len(line) > 80 or not _YEAR.search(line):
        return None
    folded = line if line.isascii() else fold(line)
    for pattern in (*_LINE_FORMS, _ISO_LONG):
        match = pattern.match(folded)
        if match:
            return _build(match["year"], match["month"], match["day"])
    return None


def split_date_marker(line: str) -> tuple[dt.date | None, str]:
    """A leading ` date 2024-12-12 ` marker: its date, and the rest of the line."""
    match = _MARKER.match(line)
    if not match:
        return None, line
    return _build(match["year"], match["month"], match["day"]), line[match.end():]
