"""Feed bytes (RSS 0.9x/1.0/2.0, Atom) to entries, or a plain-words reason there are none.

feedparser reads every dialect and survives broken XML; this module refuses what it should
not be given (an HTML page, entity declarations that could expand to gigabytes), keeps only
http(s) links (never `javascript:` or `file:`), and cleans every string.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html

from reader.ingest.clean import clean_text

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z]")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption", "tr")


@dataclass(slots=True, frozen=True)
class FeedEntry:
    key: str
    """The entry's GUID, else its link, else a digest of its title and text: what makes two
    entries the same entry."""
    title: str
    link: str | None
    date: dt.date | None
    author: str | None
    paragraphs: tuple[str, ...]
    """The entry's own content (or summary), HTML removed: the text kept when the linked page
    cannot be fetched."""
    note: str | None = None
    """Why the link was dropped, when it was."""


@dataclass(slots=True, frozen=True)
class ParsedFeed:
    title: str | None
    site: str | None
    entries: tuple[FeedEntry, ...]
    warning: str | None = None
    """A problem the feed survived (broken XML read leniently, entries left out)."""


def safe_link(raw: object) -> str | None:
    """Only http(s) links are ever fetched or opened."""
    if not isinstance(raw, str):
        return None
    link = clean_text(raw)
    parts = urlsplit(link)
    return link if parts.scheme in ("http", "https") and parts.hostname else None


def html_paragraphs(fragment: str) -> tuple[str, ...]:
    """An HTML fragment (an entry's content or summary) to clean paragraphs."""
    if not fragment.strip():
        return ()
    if "<" not in fragment:
        text = clean_text(fragment)
        return tuple(p for p in (line.strip() for line in text.split("\n")) if p)
    try:
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ()
    for bad in tree.xpath("//script|//style|//iframe|//noscript"):
        bad.drop_tree()
    for block in tree.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    text = clean_text(tree.text_content())
    return tuple(p for p in (line.strip() for line in text.split("\n")) if p)


def _date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value")
        if value:
            return str(value)
    return str(entry.get("summary") or entry.get("description") or "")


def _entry(entry: Any) -> FeedEntry | None:
    raw_link = entry.get("link")
    link = safe_link(raw_link)
    note = None
    if raw_link and link is None:
        note = f"link {clean_text(str(raw_link))[:60]!r} is not an http(s) address: not fetched"
    title = clean_text(str(entry.get("title") or ""))
    paragraphs = html_paragraphs(_text(entry))
    if not title and not paragraphs:
        return None
    guid = entry.get("id") or entry.get("guid")
    key = clean_text(str(guid)) if guid else link or hashlib.blake2b(
        (title + "\n".join(paragraphs)).encode("utf-8"), digest_size=12).hexdigest()
    author = clean_text(str(entry.get("author") or "")) or None
    return FeedEntry(key=key, title=title or (paragraphs[0][:100] if paragraphs else ""), link=link,
                     date=_date(entry), author=author, paragraphs=paragraphs, note=note)


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


def advertised_feed(data: bytes, location: str) -> str | None:
    """The feed a web page names in its head (`<link rel="alternate" type="application/rss+xml">`),
    as an absolute http(s) address, so that the user is told what to subscribe to instead."""
    try:
        tree = lxml.html.document_fromstring(data[:262144])
    except (ValueError, lxml.etree.ParserError):
        return None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" in rel and (link.get("type") or "").lower() in _FEED_TYPES and link.get("href"):
            return safe_link(urljoin(location, link.get("href").strip()))
    return None


def parse_feed(data: bytes, location: str, content_type: str | None = None) -> ParsedFeed | str:
    """A feed's entries; `location` resolves relative links, `content_type` (the HTTP header)
    may name the encoding."""
    if not data.strip():
        return "empty response where a feed was expected"
    head = data[:8192]
    # Entities are declared before the root element (in UTF-16 with NUL bytes between letters).
    plain = data.replace(b"\x00", b"") if b"\x00" in head else data
    root = _ROOT_START.search(plain)
    if _ENTITY_DECLARATION.search(plain, 0, root.start() if root else len(plain)):
        return "refused: the feed declares XML entities (they can expand to gigabytes)"
    if _HTML_START.match(head) or (b"<html" in head.lower() and b"<rss" not in head and b"<feed" not in head):
        advertised = advertised_feed(data, location)
        if advertised:
            return f"not a feed: the address gives a web page, whose feed is {advertised}"
        return "not a feed: the address gives a web page (look for its RSS link)"
    headers = {"content-type": content_type or "application/xml"}
    if location.startswith(("http://", "https://")):
        headers["content-location"] = location
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    entries = []
    left_out = 0
    for raw in parsed.entries:
        entry = _entry(raw)
        if entry is None:
            left_out += 1
        else:
            entries.append(entry)
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not entries:
        detail = f" ({clean_text(str(problem))[:80]})" if problem else ""
        return f"not a feed: no RSS or Atom found{detail}"
    warnings = []
    malformed = parsed.get("bozo") and problem is not None and not isinstance(
        problem, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType))
    if malformed and not entries:
        return f"malformed feed with no readable entries ({clean_text(str(problem))[:80]})"
    if malformed:
        warnings.append(f"malformed XML, read leniently ({clean_text(str(problem))[:80]})")
    if left_out:
        warnings.append(f"{left_out} entries with neither title nor text left out")
    feed = parsed.get("feed", {})
    title = clean_text(str(feed.get("title") or "")) or None
    return ParsedFeed(title=title, site=title, entries=tuple(entries),
                      warning="; ".join(warnings) or None)
