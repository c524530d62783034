"""A web page (a saved `.html` file or a fetched URL) to its story and metadata.

Pages carry far more than the story: menus, banners, breadcrumbs, share buttons, related
lists and comments. Finding the story is trafilatura's job (chosen by benchmarks/sources.py);
this module finds the encoding, fills the metadata trafilatura leaves out (language, a byline
with a translator, a Vietnamese weekday before the date) and cleans every string it returns.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from reader.entities.recognise import Recogniser
from reader.ingest.article import Article, article_id
from reader.ingest.clean import clean_text
from reader.ingest.dates import parse_date_line
from reader.ingest.decode import LEGACY_ENCODING, Decoded, decode
from reader.terminal_safe import safe_text

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_PAGE_BYTES = 8 * 1024 * 1024
"""A news page with its markup is well under a megabyte; more is a dump or an attack."""
MIN_WORDS = 25
"""Fewer words than this is a section front, an error page or a paywall, not a story."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?P<name>[A-ZÀ-Ỹ][\w'’.-]+(?: [A-ZÀ-Ỹ][\w'’.-]+){1,3})"
                        r"(?:\s*(?:[-–—,]\s*|\()[A-Z]{2,6}\)?)?$")
"""A story signed at its end, as Vietnamese sites do: `Thanh Hai`, `Minh Chau - VNA`."""
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(?:(?:story|written|reported|photos?)\s+by|by|reporter|author|tác giả)"
                            r"\s*:?\s+", re.IGNORECASE)
_TRANSLATOR = re.compile(r"\s*(?:[-–—,|;/(]\s*)?(?:translated|translation|compiled|edited)\s+by\b.*$",
                         re.IGNORECASE)
_ONLY_TRANSLATOR = re.compile(r"^(?:translated|translation)\s+by\s*:?\s+(?P<name>.+)$", re.IGNORECASE)
_VIETNAMESE_WEEKDAY = re.compile(r"^\s*(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)\s*[,\-–]?\s*",
                                 re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Page:
    """What a page says about itself, every string cleaned; paragraphs hold only the story."""

    title: str
    date: dt.date | None
    author: str | None
    site: str | None
    url: str | None
    language: str | None
    paragraphs: tuple[str, ...]


def sniff_encoding(data: bytes, content_type: str | None) -> str | None:
    """The page's declared encoding: a BOM first, then the HTTP header, then `<meta charset>`
    (read with NULs removed so that a UTF-16 page's own declaration is seen too)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    declared = _charset_of(content_type) if content_type else None
    if declared is None:
        head = data[:4096]
        match = _META_CHARSET.search(head.replace(b"\x00", b"") if b"\x00" in head else head)
        declared = _known(match.group(1).decode("ascii")) if match else None
    if declared in ("utf-16", "utf-16-le", "utf-16-be"):
        return _utf16_order(data) or declared
    return declared


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return _known(value.strip().strip("\"'"))
    return None


def _known(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf16_order(data: bytes) -> str | None:
    sample = data[:512]
    if sample[1::2].count(0) > sample[0::2].count(0):
        return "utf-16-le"
    if sample[0::2].count(0) > sample[1::2].count(0):
        return "utf-16-be"
    return None


def decode_page(data: bytes, content_type: str | None) -> str:
    """Bytes to markup; falls back on the file rules (UTF-8, else Windows-1258)."""
    encoding = sniff_encoding(data, content_type)
    if encoding is not None:
        return data.decode(encoding, errors="replace").lstrip("\ufeff")
    decoded = decode(data, MAX_PAGE_BYTES)
    if isinstance(decoded, Decoded):
        return decoded.text
    return data.decode(LEGACY_ENCODING, errors="replace")


def _author(raw: str | None) -> str | None:
    """`Story by Hoang Lam - Translated by Thu Trang` names Hoang Lam; a page that names only
    its translator gives that name, since it is the only person who signed it."""
    if not raw:
        return None
    text = clean_text(raw)
    only = _ONLY_TRANSLATOR.match(text)
    if only:
        text = only.group("name")
    text = _TRANSLATOR.sub("", text)
    text = _BYLINE_PREFIX.sub("", text).strip(" .,;-–—")
    return text or None


def _date(raw: str | None, tree: lxml.html.HtmlElement) -> dt.date | None:
    if raw:
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            pass
    # htmldate missed it: a line of its own that is a date, maybe after a Vietnamese weekday.
    for node in tree.iter("time", "span", "div", "p"):
        text = (node.text or "").strip()
        if text and len(text) < 80:
            found = parse_date_line(_VIETNAMESE_WEEKDAY.sub("", text))
            if found:
                return found
    return None


def _title(raw: str | None, site: str | None) -> str:
    """Without the `- Site name` that page titles often carry."""
    title = clean_text(raw or "")
    if site:
        for separator in _TITLE_SEPARATORS:
            if title.endswith(separator + site):
                title = title[: -len(separator + site)]
            if title.startswith(site + separator):
                title = title[len(site + separator):]
    return title.strip()


def _site_from_title(tree: lxml.html.HtmlElement, title: str) -> str | None:
    """`Quang Tri Portal - Border guards rescue ...`: the part of `<title>` beside the story's title."""
    raw = clean_text(tree.findtext(".//title") or "")
    for separator in _TITLE_SEPARATORS:
        if raw.endswith(separator + title):
            return raw[: -len(separator + title)].strip() or None
        if raw.startswith(title + separator):
            return raw[len(title + separator):].strip() or None
    return None


def _language(tree: lxml.html.HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        for meta in root.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                lang = meta.get("content")
    return clean_text(lang).split("-")[0].lower() or None if lang else None


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = clean_text(url)
    return url if urlsplit(url).scheme in ("http", "https") else None


def _canonical(declared: str | None, source: str) -> str | None:
    """The page's own address for itself, unless it names the site's front page (a common
    template mistake that would make every story one URL), then the address it came from."""
    canonical, fetched = _safe_url(declared), _safe_url(source)
    if canonical and urlsplit(canonical).path.strip("/") == "" and fetched and \
            urlsplit(fetched).path.strip("/") != "":
        return fetched
    return canonical or fetched


def extract_page(source: str, data: bytes, content_type: str | None) -> Page | str:
    """A page's story and metadata, or in plain words why there is none."""
    if not data.strip():
        return "empty page"
    if len(data) > MAX_PAGE_BYTES:
        return f"too large ({len(data) / 1048576:.1f} MB; the limit is {MAX_PAGE_BYTES // 1048576} MB)"
    markup = decode_page(data, content_type)
    if "<" not in markup:
        return "not a web page (no markup)"
    try:
        if "\x1b" in markup or "\x9b" in markup or "\x9d" in markup:
            # The parser would drop the ESC byte and leave `[31m` behind as text.
            markup = safe_text(markup)
        # An XHTML page's `<?xml ... encoding=...?>` has been acted on; lxml refuses it in text.
        markup = _XML_DECLARATION.sub("", markup, count=1)
        tree = lxml.html.document_fromstring(markup.replace("\x00", ""))
    except (lxml.etree.ParserError, ValueError) as error:
        return f"not a readable web page ({error})"
    language = _language(tree)
    # Imported here: it takes a tenth of a second that a start without any page need not pay.
    import trafilatura
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            tree, url=source if source.startswith(("http://", "https://")) else None,
            with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        )
    except (RecursionError, ValueError, TypeError, LookupError, lxml.etree.LxmlError) as error:
        # A page odd enough to trip the extractor is skipped with a reason, never a traceback.
        return f"the page could not be read ({type(error).__name__})"
    if not isinstance(document, Document):
        return "no article text found on the page"
    site = clean_text(document.sitename) if document.sitename else None
    title = _title(document.title, site)
    lines = [clean_text(line) for line in (document.text or "").split("\n")]
    paragraphs = [line for line in lines if line]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_WORDS:
        return f"no article text found on the page (only {words} words outside menus and lists)"
    if not title:
        title = PurePosixPath(urlsplit(source).path).stem or paragraphs[0][:100]
    author = _author(document.author)
    signed = _SIGNATURE.match(paragraphs[-1]) if len(paragraphs) > 1 else None
    if signed:
        author = author or signed.group("name")
        paragraphs = paragraphs[:-1]
    return Page(
        title=title,
        date=_date(document.date, tree),
        author=author,
        site=site or _site_from_title(tree, title),
        url=_canonical(document.url, source),
        language=language,
        paragraphs=tuple(paragraphs),
    )


def page_article(source: str, page: Page, recogniser: Recogniser) -> Article:
    """A page's story as an article, places and people recognised as for text files."""
    body = "\n\n".join(page.paragraphs)
    found = recogniser.recognise(page.title + "\n\n" + body)
    return Article(
        id=article_id(page.title + "\n\n" + body),
        path=source,
        title=page.title,
        date=page.date,
        source=page.site,
        author=page.author,
        dateline=None,
        text=body.encode("utf-8"),
        places=found.places,
        people=tuple(pid for pid, _ in found.people),
        person_names=tuple(name for _, name in found.people),
        url=page.url,
        site=page.site,
    )


def read_page(source: str, data: bytes, content_type: str | None, recogniser: Recogniser) -> Article | str:
    """A path or URL and its bytes to an article, or a plain-words reason it was skipped."""
    page = extract_page(source, data, content_type)
    return page if isinstance(page, str) else page_article(source, page, recogniser)
