"""Clean article text to title, date, source, byline, dateline and body paragraphs.

Saved news pages carry more than the story: a list of place tags, the date on a line of its
own or as a ` date 2024-12-12` marker, wire prefixes (`VIETNAM, December 21 -`), image file
names, share buttons, `Print`, a `00:00` player. The body keeps the story and its captions;
the rest becomes metadata or goes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.entities.fold import fold
from reader.ingest.dates import parse_date_line, split_date_marker

AGENCIES = {
    "VGP": "VGP", "VNS": "VNS", "VNA": "VNA", "VOV": "VOV", "VTV": "VTV", "TTXVN": "VNA",
    "SGGP": "SGGP", "PLO": "PLO", "VIR": "VIR", "CAND": "CAND", "QDND": "QĐND", "QĐND": "QĐND",
    "VNEXPRESS": "VnExpress", "TUOI TRE": "Tuoi Tre", "THANH NIEN": "Thanh Nien",
    "NHAN DAN": "Nhan Dan", "VIETNAMPLUS": "VietnamPlus", "VIETNAM NEWS": "Vietnam News",
    "HANOI TIMES": "Hanoi Times", "MPS": "MPS", "REUTERS": "Reuters", "AFP": "AFP",
    "AP": "AP", "XINHUA": "Xinhua",
}
_BULLET = re.compile(r"^[•\-*·▪◦‣●]\s+(\S.*)$")
_IMAGE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|[\w\s().,'-]{0,80}\.(?:jpe?g|png|gif|webp|bmp|svg))$",
                    re.IGNORECASE)
_SHARE_WORDS = (
    r"print|share|tweet|email|e-mail|facebook|twitter|x|zalo|linkedin|copy link|chia se|"
    r"in bai|back to top|like|save|bookmark|comment|comments|font size|a- a\+|a a|gui|"
    r"listen|nghe|audio|video|reddit|telegram|whatsapp|messenger|pinterest"
)
_DEBRIS = re.compile(rf"^(?:(?:{_SHARE_WORDS})[\s:|/·•]*)+$|^\d{{1,2}}:\d{{2}}(?::\d{{2}})?$")
_CAPTION_MARKER = re.compile(r"\s*[-–—]?\s*(?:Ảnh|Anh|Photo|Image|Hình)\s*\d+\s*\.?\s*$")
_MARKER_WORDS = ("Ảnh", "Anh", "Photo", "Image", "Hình")
"""What `_CAPTION_MARKER` needs in a paragraph: without one of them, it is not tried at every
position of the paragraph."""
_BYLINE = re.compile(
    r"^(?:By|Story by|Reporter|Reported by|Written by|Tác giả|Bài|Story and photos?|"
    r"Text and photos?|Story & photos?|Bài và ảnh|Article and photos?)\s*:?\s+"
    r"(?P<author>[A-ZÀ-Ỹ][\w'.\-]*(?:\s+[A-ZÀ-Ỹ][\w'.\-]*){0,4})"
    r"(?:\s*[,–—-]\s*(?:[Tt]ranslated|[Ee]dited|[Pp]hotos?)\s+by\s+"
    r"(?P<translator>[A-ZÀ-Ỹ][\w'.\-]*(?:\s+[A-ZÀ-Ỹ][\w'.\-]*){0,4}))?"
    r"(?:\s*(?:[,–—-]|/|\|)\s*\(?(?P<agency>[A-Za-z ]{2,20}?)\)?)?\s*$"
)
_CLOCK = re.compile(r"^\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC)\s*[+-]\d{1,2}\)?)?$",
                    re.IGNORECASE)
_BYLINE_WORDS = ("By", "Story", "Text", "Reporter", "Reported", "Written", "Tác giả", "Bài", "Article")
"""How a byline starts; one that follows a date on its line has ` By ` in it."""
_BYLINE_SPLIT = re.compile(r"\s+(?:\||·|•|[-–—]{1,2})\s+|\s{2,}")
"""Byline and date printed on one line, in either order (`By Hoang Phong | 20/11/2025`)."""
_RELATED = re.compile(
    r"^(?:related(?: news| articles| stories| posts)?|read more|read also|see also|other news|"
    r"more news|more stories|latest news|most read|most viewed|you may also like|"
    r"tin lien quan|tin khac|xem them|doc them|bai lien quan)\s*:?\s*$"
)
"""Headings of the lists of other stories after the body: what follows is not this article."""
_MENU_TEXT = (
    """skip to main content home news politics society world business economy sports sport life
    lifestyle travel
    culture opinion video videos photo photos multimedia login log in sign up register search
    menu subscribe english tieng viet vietnamese national international law legal security
    crime health education environment science technology entertainment style food trending
    latest podcast e-paper epaper rss contact about us newsletter weather markets asean viet nam
    vietnam trang chu thoi su the gioi kinh te xa hoi phap luat giai tri the thao"""
)
_MENU_WORDS = frozenset(_MENU_TEXT.split())
_DIGIT = re.compile(r"\d")
_FURNITURE_MARK = re.compile(r"[>»›/\\|·•]")
_BREADCRUMB = re.compile(r"\s*(?:>|»|›|/|\\|\||·|•|›)\s*")
_SEPARATOR = re.compile(r"^[\W_]{1,5}$|^\d{1,3}\.?$")
"""Lone separators (`|`, `--`, `»`) and list numbers (`1`, `2.`) between page furniture."""
_CAPTION = re.compile(
    r"(?:^(?:photo|ảnh|anh|image|illustrative photo|file photo)\b"
    r"|[(\[-–—.]\s*(?:photo|ảnh|image|file photo|illustrative photo)\b[^.]{0,60}[)\]]?\.?\s*$"
    r"|\b(?:photo|ảnh)\s*:\s*\S[^.]{0,40}$)",
    re.IGNORECASE,
)
"""A photo caption (`… – Photo: VNA`, `(Photo: vietnamplus.vn)`): never a title."""
_CAPTION_WORDS = ("photo", "anh", "ảnh", "mage")
"""One of these is in every caption, lower-cased (`mage`: İmage and ımage match `image` too);
looking for them first spares most lines the caption pattern, which is tried at every
position."""
_SOURCE_LINE = re.compile(r"^(?:Source|Nguồn)\s*:\s*(?P<source>.{2,60})$", re.IGNORECASE)
_WIRE_PREFIX = re.compile(r"^[A-Z][A-Z ]{1,30},\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*[-–—]\s*")
_LEAD = re.compile(
    r"^(?P<head>[A-ZÀ-Ỹ][A-ZÀ-Ỹ0-9 .,'&]{1,40}?)\s*(?:\((?P<agency>[A-Za-z]{2,12})\)\s*)?"
    r"[-–—]{1,2}\s+(?=\S)"
)
_PAREN_LEAD = re.compile(r"^\((?P<agency>[A-Za-z]{2,12})\)\s*[-–—]\s*")
_TAIL_AGENCY = re.compile(r"(?:\s+[-–—]\s*|\s+|\s*\()(?P<agency>[A-Z][A-Za-z]{1,11}(?:/[A-Z]{2,5})?)"
                          r"\)?\s*$")
_TAIL_WINDOW = 40
"""Where `_TAIL_AGENCY` is looked for: its longest match (a separator, 17 letters, a
bracket) fits, and its agency is the same wherever the search starts."""
_END_MARK = re.compile(r"\s*/\.\s*$")
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<=[.!?])[\"”’]?\s+(?=[\"“A-ZÀ-Ỹ])")
TITLE_WIDTH = 100


@dataclass(slots=True, frozen=True)
class ParsedArticle:
    title: str
    date: dt.date | None
    source: str | None
    author: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]
    tag_list: tuple[str, ...]
    headline: bool = True
    """False when the title was cut from the first sentence, which the body still holds."""


_IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ")")


_DEBRIS_HEAD = 12
_DEBRIS_STARTS = tuple(word.replace("\\", "")[:_DEBRIS_HEAD] for word in _SHARE_WORDS.split("|"))
"""How a debris line starts, folded: a share word (or a digit, for a player's clock). Most
lines start otherwise, and are not folded whole to be matched."""


def _is_debris(line: str) -> bool:
    """Share buttons, players and image names are short lines; prose is never checked."""
    if len(line) > 90:
        return False
    if line.lower().endswith(_IMAGE_ENDINGS) and _IMAGE.match(line):
        return True
    head = fold(line[:_DEBRIS_HEAD])
    if not head.startswith(_DEBRIS_STARTS) and not head[:1].isdigit():
        return False
    return bool(_DEBRIS.match(fold(line)))


def _strip_caption_marker(paragraph: str) -> str:
    if not _DIGIT.search(paragraph, max(0, len(paragraph) - 12)):
        return paragraph
    if not any(word in paragraph for word in _MARKER_WORDS):
        return paragraph
    return _CAPTION_MARKER.sub("", paragraph)


def _strip_tag_list(lines: list[str]) -> tuple[list[str], list[str]]:
    """A leading bulleted list of short items is a tag or place list, not the story."""
    items: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _BULLET.match(line)
        if match and len(match[1].split()) <= 5:
            items.append(match[1].strip())
        elif line:
            break
        index += 1
    if len(items) >= 3:
        return lines[index:], items
    return lines, []


def _is_furniture(line: str) -> bool:
    """Site menus, breadcrumbs, banners, lone separators and list numbers."""
    if len(line) <= 5 and _SEPARATOR.match(line):
        return True
    if len(line) > 160:
        return False
    first = line.split(None, 1)[0].strip("|>»›/\\·•:") if line.strip() else ""
    head = first.lower() if first.isascii() else fold(first)
    if head not in _FURNITURE_HEADS and not _FURNITURE_MARK.search(line):
        return False
    folded = fold(line)
    # Without a separator there is one part, no breadcrumb; the split tries every position.
    parts = [p for p in _BREADCRUMB.split(folded) if p] if _FURNITURE_MARK.search(folded) else []
    if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts) and \
            sum(p in _MENU_WORDS for p in parts) * 2 >= len(parts):
        return True
    words = folded.replace("|", " ").split()
    if 1 <= len(words) <= 12 and all(w in _MENU_WORDS for w in words) and \
            (len(words) >= 2 or line[:1].isupper()):
        return True
    return bool(line.isupper() and len(words) <= 3 and folded in _BANNERS)


_BANNERS = frozenset(("advertisement", "breaking news", "breaking", "live", "trending", "hot",
                      "exclusive", "sponsored", "quang cao", "tin nong", "ads"))
_FURNITURE_HEADS = _MENU_WORDS | {banner.split()[0] for banner in _BANNERS}
"""A menu, breadcrumb or banner line starts with one of these, or holds a separator."""


def _byline(line: str) -> tuple[str | None, str | None, dt.date | None] | None:
    """(author, agency, date) of a byline line, which may also carry the date."""
    if not line.startswith(_BYLINE_WORDS) and " By " not in line:
        return None
    match = _BYLINE.match(line)
    date: dt.date | None = None
    if not match:
        parts = _BYLINE_SPLIT.split(line)
        if len(parts) < 2:
            return None
        rest = []
        for part in parts:
            found = parse_date_line(part)
            if found and date is None:
                date = found
            elif not _CLOCK.match(part):
                rest.append(part)
        if date is None or len(rest) != 1:
            return None
        match = _BYLINE.match(rest[0])
        if not match:
            return None
    author = match["author"].strip()
    if match["translator"]:
        author = f"{author}, translated by {match['translator'].strip()}"
    agency = _agency(match["agency"]) if match["agency"] else None
    return author, agency, date


def _agency(name: str) -> str | None:
    return AGENCIES.get(fold(name).upper().strip())


def _is_caption(line: str) -> bool:
    lowered = line.lower()
    return any(word in lowered for word in _CAPTION_WORDS) and bool(_CAPTION.search(line))


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 30
        and len(line) <= 200
        and not line.rstrip("\"”’").endswith((".", ",", ";"))
        and parse_date_line(line) is None
        and not _is_caption(line)
    )


def _is_stray(line: str) -> bool:
    """One or two words that are not a sentence: a site name, a section, a label."""
    return len(line.split()) <= 2 and not line.rstrip("\"”’").endswith((".", "!", "?"))


def _shorten(sentence: str, width: int = TITLE_WIDTH) -> str:
    sentence = sentence.strip().rstrip(".")
    if len(sentence) <= width:
        return sentence
    cut = sentence[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def _first_sentence(paragraph: str) -> str:
    return _SENTENCE_END.split(paragraph, maxsplit=1)[0]


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line blocks; a block of hard-wrapped lines becomes one paragraph."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        if not block:
            continue
        wrapped = len(block) > 1 and all(30 <= len(line) <= 100 for line in block[:-1])
        paragraphs.extend([" ".join(block)] if wrapped else block)
    return paragraphs


def parse_article(text: str, fallback_title: str = "Untitled") -> ParsedArticle:
    lines = text.split("\n")
    lines, tags = _strip_tag_list(lines)
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    dateline: str | None = None

    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        date, rest = split_date_marker(lines[first])
        lines[first] = rest.strip()

    kept: list[str] = []
    header_seen = 0
    body_seen = 0
    for line in lines:
        if not line:
            kept.append(line)
            continue
        stripped = line.lstrip("#").strip() if line.startswith("#") else line
        if _is_debris(stripped) or ((not body_seen or len(stripped) <= 40) and _is_furniture(stripped)):
            continue
        if body_seen and len(stripped) <= 40 and _RELATED.match(fold(stripped)):
            break
        if date is None and header_seen < 12:
            found = parse_date_line(stripped)
            if found:
                date = found
                continue
        byline = _byline(stripped) if author is None and len(stripped) < (80 if body_seen else 120) \
            else None
        if byline:
            author = byline[0]
            source = source or byline[1]
            date = date or byline[2]
            continue
        source_line = _SOURCE_LINE.match(stripped)
        if source_line:
            source = source or _agency(source_line["source"]) or source_line["source"].strip()
            continue
        header_seen += 1
        if len(stripped) > 120 or stripped.endswith((".", "!", "?", "”", '"')):
            body_seen += 1
        kept.append(stripped)

    paragraphs = _paragraphs(kept)
    title = ""
    # A site name or a stray word above the headline (`VnExpress International`) is skipped.
    lead_in = 0
    while lead_in < min(3, len(paragraphs) - 2) and _is_stray(paragraphs[lead_in]) and \
            _is_headline(paragraphs[lead_in + 1]):
        lead_in += 1
    if len(paragraphs) > 1 and _is_headline(paragraphs[lead_in]):
        title = paragraphs[lead_in]
        del paragraphs[:lead_in + 1]
    # Image markers go ("… - Ảnh 1."); an image's alt text that repeats the headline goes too.
    unmarked = (_strip_caption_marker(p) for p in paragraphs)
    paragraphs = [p for p in unmarked if p and p != title]

    if paragraphs:
        lead = _WIRE_PREFIX.sub("", paragraphs[0])
        match = _LEAD.match(lead)
        if match and match["head"].upper() == match["head"]:
            agency = _agency(match["head"])
            if agency:
                source = source or agency
            else:
                dateline = match["head"].strip()
                if match["agency"]:
                    source = source or _agency(match["agency"]) or match["agency"]
        else:
            paren = _PAREN_LEAD.match(lead)
            if paren:
                source = source or _agency(paren["agency"]) or paren["agency"]
        paragraphs[0] = lead
        last = _END_MARK.sub("", paragraphs[-1]) if "/." in paragraphs[-1] else paragraphs[-1]
        tail = _TAIL_AGENCY.search(last, max(0, len(last.rstrip()) - _TAIL_WINDOW))
        if tail and _agency(tail["agency"].split("/")[0]):
            source = source or _agency(tail["agency"].split("/")[0])
        paragraphs[-1] = last or paragraphs[-1]

    headline = bool(title)
    if not title:
        if paragraphs:
            lead = paragraphs[0]
            match = _LEAD.match(lead)
            if match and match["head"].upper() == match["head"]:
                lead = lead[match.end():]
            if _is_caption(lead) and len(paragraphs) > 1:
                lead = next((p for p in paragraphs[1:] if not _is_caption(p)), lead)
            title = _shorten(_first_sentence(lead))
        title = title or fallback_title
    if fold(title).startswith("date "):
        title = title[5:].strip() or fallback_title
    return ParsedArticle(
        title=title,
        date=date,
        source=source,
        author=author,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        tag_list=tuple(tags),
        headline=headline,
    )
