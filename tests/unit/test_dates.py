from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest.dates import parse_date_line, split_date_marker


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("January 22, 2026 7:40 PM GMT+7", dt.date(2026, 1, 22)),
        ("12/11/2025", dt.date(2025, 11, 12)),
        ("Thursday, November 20, 2025 - 15:32", dt.date(2025, 11, 20)),
        ("Nov 12, 2025", dt.date(2025, 11, 12)),
        ("Nov. 3, 2025", dt.date(2025, 11, 3)),
        ("15-09-2025", dt.date(2025, 9, 15)),
        ("November 18, 2025 | 06:12 pm GMT+7", dt.date(2025, 11, 18)),
        ("2025-11-20T15:32:00+07:00", dt.date(2025, 11, 20)),
        ("2025-11-20 15:32", dt.date(2025, 11, 20)),
        ("22 January 2026", dt.date(2026, 1, 22)),
        ("Updated: 20/11/2025 10:00", dt.date(2025, 11, 20)),
        ("10:00 20/11/2025", dt.date(2025, 11, 20)),
        ("12/31/2025", dt.date(2025, 12, 31)),
    ],
)
def test_date_lines(line: str, expected: dt.date) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Ha Noi, January 21, 2025 - Photo: VGP",
        "00:00",
        "31/02/2025",
        "In the first 6 months of 2025",
        "Resolution No. 59-NQ/TW",
        "",
    ],
)
def test_lines_that_are_not_dates(line: str) -> None:
    assert parse_date_line(line) is None


def test_date_marker_is_split_from_the_text() -> None:
    date, rest = split_date_marker(" date 2024-12-12 HÀ NỘI — The Ministry")
    assert date == dt.date(2024, 12, 12)
    assert rest == "HÀ NỘI — The Ministry"


def test_no_marker_leaves_the_line_alone() -> None:
    assert split_date_marker("The date is near") == (None, "The date is near")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Năm, 20/11/2025 - 14:30", dt.date(2025, 11, 20)),
        ("Thu Nam, 20/11/2025", dt.date(2025, 11, 20)),
        ("Chủ nhật, 7/9/2025, 08:00 (GMT+7)", dt.date(2025, 9, 7)),
        ("T5, 20/11/2025 14:30", dt.date(2025, 11, 20)),
        ("Ngày 12/11/2025", dt.date(2025, 11, 12)),
        ("ngày 3 tháng 9 năm 2025", dt.date(2025, 9, 3)),
        ("Thứ hai, ngày 3 tháng 11 năm 2025", dt.date(2025, 11, 3)),
        ("Cập nhật: 09:15 | 20/11/2025", dt.date(2025, 11, 20)),
        ("November, 20 2025", dt.date(2025, 11, 20)),
        ("Thursday, November, 20, 2025", dt.date(2025, 11, 20)),
    ],
)
def test_vietnamese_and_comma_forms(line: str, expected: dt.date) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Police met on ngày 3 tháng 9 năm 2025 in the capital",
        "Thứ Năm, the court met",
        "Nguyễn Văn A, sinh ngày 3 tháng 9 năm 1990, trú tại Hà Nội",
    ],
)
def test_dates_inside_sentences_are_not_the_article_date(line: str) -> None:
    assert parse_date_line(line) is None
