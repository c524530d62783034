"""Raw pages: furniture before the headline, bylines, dates on byline lines, related lists."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest.parse import parse_article

BODY = "Police in Son La arrested Giàng A Páo on Tuesday.\n\nThe case is being expanded."


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By T.H. – Translated by Minh Anh", "T.H., translated by Minh Anh"),
        ("By Hoang Phong", "Hoang Phong"),
        ("Story and photos: Khánh Linh", "Khánh Linh"),
        ("Text and photos: Đức Tuấn", "Đức Tuấn"),
        ("Reported by Vân Anh", "Vân Anh"),
    ],
)
def test_bylines_fill_the_author_and_leave_the_body(byline: str, author: str) -> None:
    parsed = parse_article(f"Police bust drug ring in Son La\n\n{byline}\n\n{BODY}")
    assert parsed.author == author
    assert all(author.split(",")[0] not in p for p in parsed.paragraphs)


@pytest.mark.parametrize(
    "line",
    ["By Hoang Phong | November 20, 2025", "20/11/2025 - 09:15 | By Hoang Phong",
     "Thứ Năm, 20/11/2025 · By Hoang Phong"],
)
def test_byline_and_date_on_one_line_in_either_order(line: str) -> None:
    parsed = parse_article(f"Police bust drug ring in Son La\n\n{line}\n\n{BODY}")
    assert parsed.author == "Hoang Phong"
    assert parsed.date == dt.date(2025, 11, 20)


def test_agency_credit_after_a_byline_fills_the_source() -> None:
    parsed = parse_article(f"Police bust drug ring in Son La\n\nBy Minh Anh / VNA\n\n{BODY}")
    assert (parsed.author, parsed.source) == ("Minh Anh", "VNA")


def test_menus_breadcrumbs_separators_and_numbers_are_not_the_title() -> None:
    furniture = ["Home", "News | Politics | Society | World", "Home > Society > Law", "|", "1",
                 "2.", "ADVERTISEMENT", "Login", "Search", "Video", "Travel", "Opinion", "Life"]
    text = "\n".join(furniture) + "\nThứ Năm, 20/11/2025 - 14:30\nPolice bust drug ring in Son La\n\n" + BODY
    parsed = parse_article(text)
    assert parsed.title == "Police bust drug ring in Son La"
    assert parsed.date == dt.date(2025, 11, 20)
    assert not any(p in furniture for p in parsed.paragraphs)


def test_date_after_a_long_menu_is_found() -> None:
    menu = "\n".join(["Home", "Politics", "Society", "World", "Business", "Sports", "Life",
                      "Travel", "Opinion", "Video", "Photo", "Login", "Search", "Menu", "English"])
    parsed = parse_article(menu + "\nPolice bust drug ring in Son La\n\n12/11/2025\n\n" + BODY)
    assert parsed.date == dt.date(2025, 11, 12)


def test_related_news_after_the_body_is_cut() -> None:
    text = (f"Police bust drug ring in Son La\n\n{BODY}\n\nRelated news\n\n"
            "Tran Van Long arrested for fraud in Nghe An\n\nDa Nang police seize cigarettes")
    parsed = parse_article(text)
    assert parsed.paragraphs[-1] == "The case is being expanded."


def test_a_caption_is_never_the_title() -> None:
    text = (" date 2025-03-02 \n\nMinister Luong Tam Quang at the event. Photo: VNA\n\n"
            "Police in the capital arrested three men. More text.")
    assert parse_article(text).title == "Police in the capital arrested three men"


def test_a_date_in_a_caption_is_not_the_date_but_the_line_date_is() -> None:
    text = ("Police bust drug ring in Son La\n\nOfficers at the scene, November 3, 2024. Photo: VNA"
            "\n\nNgày 12/11/2025\n\n" + BODY)
    assert parse_article(text).date == dt.date(2025, 11, 12)


def test_a_raw_page_with_a_site_name_above_the_headline() -> None:
    text = ("Skip to main content\nVnExpress International\nThursday, November 20, 2025\n"
            "News Business Travel Life Sports World\nHome » News » Crime\n"
            "Police bust cross-border drug ring in Nghe An\n"
            "By Hoang Phong   November 20, 2025 | 09:15 am GMT+7\n\n" + BODY)
    parsed = parse_article(text)
    assert parsed.title == "Police bust cross-border drug ring in Nghe An"
    assert parsed.author == "Hoang Phong"
    assert parsed.date == dt.date(2025, 11, 20)
    assert parsed.paragraphs[0].startswith("Police in Son La")
