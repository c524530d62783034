"""Feeds of every dialect to entries; bad feeds to plain reasons, quickly and in little memory."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
from pathlib import Path

import pytest

from reader.feeds.parse import ParsedFeed, html_paragraphs, parse_feed

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
BASE = "http://news.example"


def _feed(name: str) -> ParsedFeed:
    parsed = parse_feed((WEB / name).read_bytes().replace(b"{base}", BASE.encode()), f"{BASE}/{name}")
    assert isinstance(parsed, ParsedFeed), parsed
    return parsed


def test_rss2_entries_with_guid_date_author_and_html_removed() -> None:
    feed = _feed("rss2.xml")
    assert feed.site == "Express Daily International - News"
    first, second, third = feed.entries
    assert first.key == "express-4871234"
    assert first.link == f"{BASE}/hanoi-police-break-up-online-gambling-ring-4871234.html"
    assert first.date == dt.date(2025, 5, 15) or first.date == dt.date(2025, 5, 14)  # 08:30 +07 is 01:30 UTC
    assert first.author == "Minh Chau"
    assert first.paragraphs == ("Police in Hà Nội have detained twelve people.",)
    assert second.key == f"{BASE}/quang-ninh-border-guards.html"
    assert third.key == third.link and third.date is None
    assert feed.warning is None


def test_atom_rss1_and_rss091() -> None:
    atom = _feed("atom.xml")
    assert [e.title for e in atom.entries] == ["Da Nang opens a new border guard station",
                                                "An entry that only the feed carries"]
    assert atom.entries[0].author == "Portal Reporter"
    assert atom.entries[0].paragraphs == (
        "Da Nang opened a station for the border guard on the coast of Son Tra.",
        "It will patrol the waters near the port.")
    assert atom.entries[1].link is None and atom.entries[1].key == "urn:example:portal:entry-2"
    old = _feed("rss1.rdf")
    assert old.entries[0].link == f"{BASE}/old-1.html" and old.entries[0].date == dt.date(2024, 12, 12)
    oldest = _feed("rss091.xml")
    assert oldest.entries[0].title == "Lao Cai rescues tourists lost in the mountains"


def test_javascript_and_file_links_are_dropped_with_a_note() -> None:
    data = (b'<rss version="2.0"><channel><title>t</title>'
            b"<item><title>a</title><link>javascript:alert(1)</link><description>x</description></item>"
            b"<item><title>b</title><link>file:///etc/passwd</link><description>y</description></item>"
            b"<item><title>c</title><link>/relative.html</link><description>z</description></item>"
            b"</channel></rss>")
    feed = parse_feed(data, f"{BASE}/feed")
    assert isinstance(feed, ParsedFeed)
    a, b, c = feed.entries
    assert a.link is None and a.note is not None and "javascript" in a.note
    assert b.link is None and b.note is not None
    assert c.link == f"{BASE}/relative.html"


def test_escapes_and_markup_in_entries_are_made_harmless() -> None:
    data = (b'<rss version="2.0"><channel><title>\x1b]0;owned\x07Site</title><item>'
            b"<title>\x1b[31mRed\x1b[0m [bold]title[/bold]</title><link>http://a.example/1</link>"
            b"<description>&lt;script&gt;alert(1)&lt;/script&gt;"
            b"&lt;p&gt;\x1b]8;;http://x.invalid\x07link\x1b]8;;\x07 "
            b"text&lt;/p&gt;</description></item></channel></rss>")
    feed = parse_feed(data, f"{BASE}/feed")
    assert isinstance(feed, ParsedFeed)
    entry = feed.entries[0]
    assert entry.title == "Red [bold]title[/bold]"
    assert entry.paragraphs == ("link text",)
    assert feed.site == "Site"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty response"),
    (b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "web page"),
    (b"<html><body>hello</body></html>", "web page"),
    (b"this is not xml at all, just words", "not a feed"),
    (b"<?xml version='1.0'?><unknown><thing/></unknown>", "not a feed"),
])
def test_not_feeds(data: bytes, reason: str) -> None:
    result = parse_feed(data, f"{BASE}/feed")
    assert isinstance(result, str) and reason in result


def test_malformed_xml_is_read_leniently_with_a_warning() -> None:
    data = (b'<rss version="2.0"><channel><title>t</title><item><title>One & two</title>'
            b"<link>http://a.example/1</link><description>text</description></item>"
            b"<item><title>Second</title><link>http://a.example/2</link></channel>")
    feed = parse_feed(data, f"{BASE}/feed")
    assert isinstance(feed, ParsedFeed)
    assert [e.link for e in feed.entries] == ["http://a.example/1", "http://a.example/2"]
    assert feed.warning is not None and feed.warning.startswith("malformed XML")


def test_an_entity_expansion_bomb_is_refused_fast_and_small() -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12))
    data = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lollollollol">{levels}]>'
            '<rss version="2.0"><channel><title>&l11;</title>'
            "<item><title>&l11;</title></item></channel></rss>").encode()
    tracemalloc.start()
    started = time.perf_counter()
    result = parse_feed(data, f"{BASE}/feed")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(result, str) and "entities" in result
    assert elapsed < 2 and peak < 20_000_000


def test_entities_declared_after_a_long_prolog_or_in_utf16_are_refused_and_xml_text_is_not() -> None:
    bomb = ('<?xml version="1.0"?>' + "<!-- padding -->" * 1000 + '<!DOCTYPE r [<!ENTITY a "aaaa">]>'
            '<rss version="2.0"><channel><title>&a;</title></channel></rss>')
    for data in (bomb.encode(), bomb.encode("utf-16")):
        result = parse_feed(data, f"{BASE}/feed")
        assert isinstance(result, str) and "entities" in result
    about_xml = (b'<rss version="2.0"><channel><title>t</title><item><title>XML</title><description>'
                 b"<![CDATA[Writing <!ENTITY x> declares an entity.]]></description></item></channel></rss>")
    feed = parse_feed(about_xml, f"{BASE}/feed")
    assert isinstance(feed, ParsedFeed) and feed.entries[0].title == "XML"


def test_html_paragraphs() -> None:
    assert html_paragraphs("<p>One</p><p>Two<br>Three</p><script>x()</script>") == ("One", "Two", "Three")
    assert html_paragraphs("plain &amp; simple") == ("plain & simple",)
    assert html_paragraphs("") == ()


def test_a_web_page_names_the_feed_it_advertises() -> None:
    page = (b'<!DOCTYPE html><html><head><link rel="stylesheet" href="/s.css">'
            b'<link rel="alternate" type="application/rss+xml" title="News" href="/rss/news.rss">'
            b"</head><body>Home</body></html>")
    assert parse_feed(page, f"{BASE}/news/") == \
        f"not a feed: the address gives a web page, whose feed is {BASE}/rss/news.rss"
    sly = page.replace(b"/rss/news.rss", b"javascript:alert(1)")
    assert parse_feed(sly, f"{BASE}/news/") == \
        "not a feed: the address gives a web page (look for its RSS link)"
