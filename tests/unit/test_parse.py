from __future__ import annotations

import datetime as dt

from reader.ingest.parse import parse_article


def test_headline_line_is_the_title() -> None:
    parsed = parse_article("Police seize drugs in Hanoi\n\nHanoi police on Monday seized heroin.")
    assert parsed.title == "Police seize drugs in Hanoi"
    assert parsed.paragraphs == ("Hanoi police on Monday seized heroin.",)


def test_without_headline_the_first_sentence_becomes_a_short_title() -> None:
    text = (" date 2025-03-02 HÀ NỘI — Police in the capital arrested three men on Sunday for "
            "running an online gambling ring that took bets worth billions of dong. The ring "
            "operated from a rented flat.")
    parsed = parse_article(text)
    assert parsed.date == dt.date(2025, 3, 2)
    assert parsed.title.startswith("Police in the capital arrested three men")
    assert parsed.title.endswith("…")
    assert len(parsed.title) <= 100
    assert not parsed.title.lower().startswith("date")
    assert parsed.dateline == "HÀ NỘI"


def test_a_short_first_sentence_is_the_whole_title() -> None:
    parsed = parse_article("HCM CITY — Police arrested two men. They had stolen motorbikes.")
    assert parsed.title == "Police arrested two men"


def test_source_from_lead_and_tail() -> None:
    lead = parse_article("Headline about police work\n\nVNA - The ministry said on Monday.")
    assert lead.source == "VNA"
    tail = parse_article("Headline about police work\n\nThe ministry said on Monday. — VNS")
    assert tail.source == "VNS"
    paren = parse_article("HÀ NỘI (VNA) — The ministry met on Monday.")
    assert paren.source == "VNA"
    assert paren.dateline == "HÀ NỘI"


def test_byline_and_debris() -> None:
    text = ("Headline about police work\n\n15-09-2025\n\nBody one.\n\nphoto 1.jpg\n\n"
            "Print\n\nShare\n\nBy Nguyen Van An\n\nChia sẻFacebook")
    parsed = parse_article(text)
    assert parsed.author == "Nguyen Van An"
    assert parsed.date == dt.date(2025, 9, 15)
    assert parsed.paragraphs == ("Body one.",)


def test_a_date_inside_a_caption_is_not_the_article_date() -> None:
    text = ("Headline about police work\n\nThe minister speaks in Ha Noi, January 21, 2025 - "
            "Photo: VGP\n\nBody.")
    assert parse_article(text).date is None


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "Police seize drugs in Hanoi\n\n"
        "The police of Ha Noi said on Monday that they had seized a large amount\n"
        "of heroin hidden in a truck that came from the northern border province\n"
        "of Lao Cai.\n\nSecond paragraph."
    )
    parsed = parse_article(wrapped)
    assert parsed.paragraphs[0].startswith("The police of Ha Noi said")
    assert parsed.paragraphs[0].endswith("of Lao Cai.")
    assert len(parsed.paragraphs) == 2


def test_markdown_headline_and_image() -> None:
    parsed = parse_article("# Police seize drugs in Hanoi\n\n![photo](a.png)\n\nText here.")
    assert parsed.title == "Police seize drugs in Hanoi"
    assert parsed.paragraphs == ("Text here.",)


def test_short_bullet_list_at_the_start_is_a_tag_list() -> None:
    parsed = parse_article("• Ha Noi\n• Hue\n• Ca Mau\n\nHeadline about police work\n\nBody.")
    assert parsed.tag_list == ("Ha Noi", "Hue", "Ca Mau")
    assert parsed.title == "Headline about police work"


def test_empty_text_gets_the_fallback_title() -> None:
    assert parse_article("", fallback_title="file").title == "file"
