"""Web pages to articles: the story without the page around it, metadata, encodings, bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from pathlib import Path

import lxml.html
import pytest

from reader.entities.recognise import Recogniser
from reader.ingest import html
from reader.ingest.html import Page, extract_page, read_page, sniff_encoding

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"

PAGE_CHROME = ("Politics & Law", "Related news", "Share", "Facebook", "Copy link", "Great work",
               "Comments", "Copyright", "Read more", "Lang Son customs", "Home", "Other news",
               "Ha Tinh police", "Tags", "Zalo", "Print", "Licence No", "Photo courtesy")


def _page(name: str) -> Page:
    path = WEB / name
    page = extract_page(str(path), path.read_bytes(), None)
    assert isinstance(page, Page), page
    return page


def _no_chrome(page: Page) -> None:
    for text in (page.title, *page.paragraphs):
        for chrome in PAGE_CHROME:
            assert chrome not in text, (chrome, text)


def test_story_and_metadata_of_a_page_with_menus_related_list_and_comments() -> None:
    page = _page("express_police.html")
    assert page.title == "Hanoi police break up online gambling ring worth VND2 trillion"
    assert page.date == dt.date(2025, 5, 15)
    assert page.author == "Minh Chau"
    assert page.site == "Express Daily International"
    assert page.url == "https://e.expressdaily.example/hanoi-police-break-up-online-gambling-ring-4871234.html"
    assert page.language == "en"
    assert page.paragraphs[0].startswith("Police in Hà Nội have detained twelve people")
    assert page.paragraphs[-1].startswith("The case is being investigated further")
    assert len(page.paragraphs) == 5
    _no_chrome(page)


def test_a_page_signed_only_by_its_translator_names_the_translator() -> None:
    page = _page("plus_translator.html")
    assert page.title == "Quang Ninh border guards seize smuggled cigarettes"
    assert page.author == "Le Huong"
    assert page.date == dt.date(2025, 3, 4)
    assert page.url is not None and page.url.endswith("post312.vnp")
    _no_chrome(page)


def test_a_byline_with_a_translator_names_the_reporter_and_a_vietnamese_date_is_read() -> None:
    page = _page("cand_vietnamese_date.html")
    assert page.title == "Traffic police in Nghe An step up checks on drink driving"
    assert page.author == "Hoang Lam"
    assert page.date == dt.date(2025, 5, 12)
    assert page.site == "Public Security News Example"
    assert not any("Translated" in p or "Story by" in p for p in page.paragraphs)
    _no_chrome(page)


@pytest.mark.parametrize(("raw", "author"), [
    ("Story by Hoang Lam - Translated by Thu Trang", "Hoang Lam"),
    ("By Minh Chau", "Minh Chau"),
    ("Translated by Le Huong", "Le Huong"),
    ("Reporter: Tran An, translated by Mai", "Tran An"),
    ("", None),
])
def test_bylines(raw: str, author: str | None) -> None:
    assert html._author(raw) == author


def test_date_fallback_reads_a_vietnamese_weekday_line() -> None:
    tree = lxml.html.document_fromstring(
        "<html><body><div>Chủ nhật, 09/11/2025 - 10:05 (GMT+7)</div></body></html>")
    assert html._date(None, tree) == dt.date(2025, 11, 9)
    assert html._date("2024-01-02", tree) == dt.date(2024, 1, 2)


def test_recognition_runs_on_the_title_and_body(recogniser: Recogniser) -> None:
    path = WEB / "express_police.html"
    article = read_page(str(path), path.read_bytes(), "text/html", recogniser)
    assert not isinstance(article, str)
    assert {"ha-noi", "hai-phong", "quang-ninh"} <= set(article.places)
    assert "nguyen-thanh-tung" in article.people
    assert article.site == "Express Daily International"
    assert article.source == "Express Daily International"
    assert article.path == str(path)
    assert article.url is not None and article.url.startswith("https://e.expressdaily.example/")


def test_a_section_front_is_skipped_with_a_reason() -> None:
    reason = extract_page("front.html", (WEB / "section_index.html").read_bytes(), None)
    assert isinstance(reason, str)
    assert reason.startswith("no article text found")


@pytest.mark.parametrize(("data", "start"), [
    (b"", "empty page"), (b"   \n", "empty page"), (b"just words, no markup at all", "not a web page"),
    (b"<html>" + b"x" * (html.MAX_PAGE_BYTES + 1), "too large"),
])
def test_bad_input_gives_a_reason(data: bytes, start: str) -> None:
    reason = extract_page("p.html", data, None)
    assert isinstance(reason, str) and reason.startswith(start)


def _cp1258(text: str) -> bytes:
    """Windows-1258 as legacy tools write it: precomposed where the code page has the letter,
    base letter plus combining tone mark where it has not."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for tone in marks:
            rest = [mark for mark in marks if mark != tone]
            try:
                out += (unicodedata.normalize("NFC", base + "".join(rest)).encode("cp1258")
                        + tone.encode("cp1258"))
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"cannot write {char!r} in Windows-1258")
    return bytes(out)


STORY = ("<p>Công an Thành phố Hà Nội đã bắt giữ ba người trong đường dây buôn lậu. "
         "The suspects from Quảng Ninh and Hải Phòng were held after a long investigation by officers "
         "who followed the goods through several warehouses near the port over many weeks.</p>")


def _vietnamese_page(charset_meta: str | None) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (f"<html lang='en'><head>{meta}<title>Bắt giữ đường dây buôn lậu</title></head><body>"
            f"<article><h1>Bắt giữ đường dây buôn lậu ở Hà Nội</h1>{STORY}{STORY}</article></body></html>")


@pytest.mark.parametrize(("encoder", "meta", "header"), [
    (_cp1258, "windows-1258", None),
    (_cp1258, None, "text/html; charset=windows-1258"),
    (lambda text: text.encode("utf-16-le"), None, "text/html; charset=UTF-16"),
    (lambda text: text.encode("utf-16-be"), "utf-16", None),
    (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), None, None),
    (lambda text: text.encode("utf-8"), None, "text/html; charset=utf-8"),
])
def test_encodings_declared_by_header_meta_or_bom(encoder, meta: str | None, header: str | None) -> None:  # type: ignore[no-untyped-def]
    page = extract_page("p.html", encoder(_vietnamese_page(meta)), header)
    assert isinstance(page, Page), page
    assert page.title == "Bắt giữ đường dây buôn lậu ở Hà Nội"
    assert "Công an Thành phố Hà Nội đã bắt giữ" in page.paragraphs[0]
    assert unicodedata.is_normalized("NFC", page.paragraphs[0])


def test_header_beats_meta_and_bom_beats_both() -> None:
    data = b'<meta charset="utf-8">'
    assert sniff_encoding(data, "text/html; charset=windows-1258") == "cp1258"
    assert sniff_encoding(data, None) == "utf-8"
    assert sniff_encoding(codecs.BOM_UTF8 + data, "text/html; charset=windows-1258") == "utf-8-sig"
    assert sniff_encoding(b"<p>", "text/html; charset=no-such-code") is None


def test_escapes_are_stripped_and_markup_stays_literal() -> None:
    body = ("<p>\x1b[31mRed alert\x1b[0m: police in Da Nang warned residents about "
            "\x1b]8;;https://evil.example\x07a fake link\x1b]8;;\x07 and [bold red]phishing[/] "
            "messages that copy bank websites and ask for one-time passwords over the phone.</p>")
    markup = (f"<html><head><title>\x1b]0;pwned\x07[link=x]Warning[/link]</title></head><body><article>"
              f"<h1>\x1b[2J[b]Police warn about scams[/b]</h1>{body}{body}</article></body></html>")
    page = extract_page("p.html", markup.encode(), None)
    assert isinstance(page, Page), page
    assert "\x1b" not in page.title and "\x07" not in page.title
    assert page.title == "[b]Police warn about scams[/b]"
    text = "\n".join(page.paragraphs)
    assert "\x1b" not in text and "\x07" not in text
    assert "Red alert: police in Da Nang" in text
    assert "[bold red]phishing[/]" in text
    assert "a fake link and" in text


def test_only_http_urls_are_kept() -> None:
    markup = (b"<html><head><link rel='canonical' href='javascript:alert(1)'></head><body><article><h1>T</h1>"
              + STORY.encode() * 2 + b"</article></body></html>")
    page = extract_page("saved/x.html", markup, None)
    assert isinstance(page, Page)
    assert page.url is None
    page = extract_page("https://site.example/a.html", markup, None)
    assert isinstance(page, Page)
    assert page.url == "https://site.example/a.html"


def test_an_xhtml_page_with_an_xml_declaration() -> None:
    data = (b'<?xml version="1.0" encoding="utf-8"?>\n'
            + (WEB / "express_police.html").read_bytes().replace(b"<!DOCTYPE html>", b""))
    page = extract_page("a.xhtml", data, None)
    assert isinstance(page, Page), page
    assert page.title == "Hanoi police break up online gambling ring worth VND2 trillion"


def test_a_canonical_link_to_the_front_page_is_not_the_storys_address() -> None:
    data = (WEB / "express_police.html").read_bytes().replace(
        b"https://e.expressdaily.example/hanoi-police-break-up-online-gambling-ring-4871234.html",
        b"https://e.expressdaily.example/")
    page = extract_page("https://e.expressdaily.example/news/story-1.html", data, None)
    assert isinstance(page, Page)
    assert page.url == "https://e.expressdaily.example/news/story-1.html"
    saved = extract_page("saved/story.html", data, None)
    assert isinstance(saved, Page) and saved.url == "https://e.expressdaily.example/"


def test_a_portal_with_a_long_menu_no_metadata_and_a_signature_at_the_end() -> None:
    page = _page("portal_long_menu.html")
    assert page.title == "Border guards rescue fishermen off Con Co island"
    assert page.date == dt.date(2025, 6, 3)  # `ngày 03 tháng 6 năm 2025`, after a 13-link menu
    assert page.author == "Thanh Hai"
    assert page.site == "Quang Tri Portal"
    assert page.paragraphs[0].startswith("The Quang Tri border guard rescued seven fishermen")
    assert page.paragraphs[-1] == "All seven fishermen were in good health and returned home the same day."
    for chrome in ("About Quang Tri", "Security - Defence", "Other articles", "Dong Ha police warn",
                   "Address: 45 Hung Vuong", "QUANG TRI PORTAL", "Photo: Border guard"):
        assert all(chrome not in text for text in (page.title, *page.paragraphs)), chrome


@pytest.mark.parametrize(("last", "author"), [
    ("Thanh Hai", "Thanh Hai"), ("Minh Chau - VNA", "Minh Chau"), ("Nguyen Van An (VNA)", "Nguyen Van An"),
    ("He said nothing more.", None), ("Police say 3 people died", None),
])
def test_a_signature_line_at_the_end(last: str, author: str | None) -> None:
    body = "".join(f"<p>{STORY[3:-4]} Number {n}.</p>" for n in range(2))
    page = extract_page("p.html", f"<html><body><article><h1>Title here</h1>{body}<p>{last}</p>"
                                  "</article></body></html>".encode(), None)
    assert isinstance(page, Page), page
    assert page.author == author
    assert (page.paragraphs[-1] == last) is (author is None)


def test_an_extractor_failure_is_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*_: object, **__: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    assert extract_page("p.html", (WEB / "express_police.html").read_bytes(), None) == \
        "the page could not be read (RecursionError)"


def test_deeply_nested_markup_does_not_raise() -> None:
    data = b"<html><body>" + b"<div>" * 5000 + STORY.encode() * 3 + b"</div>" * 5000 + b"</body></html>"
    result = extract_page("deep.html", data, None)
    assert isinstance(result, (str, Page))
