"""Web pages, the archive and fetching: how well and how fast, as ratios to floors.

    python benchmarks/sources.py [--rounds N] [--archive N] [--feeds N]

Extraction: each candidate extractor on the fixture pages in tests/fixtures/web/, scored on
title, date, author and body (every story paragraph found, no menu/related/comment line let
in), with pages per second beside the floor of parsing the same pages with lxml alone.
Archive: loading N archived articles beside loading N plain text files of the same stories.
Fetching: N feeds from a local server that answers each after 200 ms, beside one feed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "tests" / "fixtures" / "web"
sys.path.insert(0, str(ROOT / "src"))


@dataclass(slots=True, frozen=True)
class Truth:
    title: str
    date: dt.date
    author: str
    paragraph_starts: tuple[str, ...]
    chrome: tuple[str, ...]


TRUTH = {
    "express_police.html": Truth(
        "Hanoi police break up online gambling ring worth VND2 trillion", dt.date(2025, 5, 15), "Minh Chau",
        ("Police in Hà Nội have detained", "The Hanoi Police Department said", "According to investigators",
         "Colonel Nguyen Thanh Tung", "The case is being investigated"),
        ("Politics & Law", "Related news", "Ho Chi Minh City police seize", "Great work", "Copy link",
         "Copyright")),
    "plus_translator.html": Truth(
        "Quang Ninh border guards seize smuggled cigarettes", dt.date(2025, 3, 4), "Le Huong",
        ("Quang Ninh (VNA) - Border guards", "The smugglers fled", "Lieutenant Colonel Pham Van Hai",
         "Authorities are checking"),
        ("Society", "Read more", "Lang Son customs", "Licence No", "Zalo")),
    "cand_vietnamese_date.html": Truth(
        "Traffic police in Nghe An step up checks on drink driving", dt.date(2025, 5, 12), "Hoang Lam",
        ("Traffic police in the central province", "In the first week", "Major Tran Quoc Dat",
         "Drivers found with alcohol"),
        ("Fighting crime", "Other news", "Ha Tinh police", "they should do this", "Tags")),
}


@dataclass(slots=True)
class Extracted:
    title: str | None
    date: dt.date | None
    author: str | None
    text: str


def _lxml_floor(markup: str) -> Extracted:
    tree = lxml.html.document_fromstring(markup)
    return Extracted(None, None, None, tree.text_content())


def _reader(markup: str) -> Extracted:
    from reader.ingest.html import Page, extract_page
    page = extract_page("page.html", markup.encode("utf-8"), "text/html; charset=utf-8")
    if not isinstance(page, Page):
        return Extracted(None, None, None, "")
    return Extracted(page.title, page.date, page.author, "\n".join(page.paragraphs))


def _trafilatura(fast: bool) -> Callable[[str], Extracted]:
    import trafilatura

    def run(markup: str) -> Extracted:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                          favor_precision=True, fast=fast)
        if doc is None or isinstance(doc, dict):
            return Extracted(None, None, None, "")
        date = dt.date.fromisoformat(doc.date[:10]) if doc.date else None
        return Extracted(doc.title, date, doc.author, doc.text or "")
    return run


def _readability(markup: str) -> Extracted:
    from readability import Document
    document = Document(markup)
    text = lxml.html.document_fromstring(document.summary()).text_content()
    return Extracted(document.short_title(), None, None, text)


def _justext(markup: str) -> Extracted:
    import justext
    paragraphs = justext.justext(markup.encode("utf-8"), justext.get_stoplist("English"))
    title = lxml.html.document_fromstring(markup).findtext(".//title")
    return Extracted(title, None, None, "\n".join(p.text for p in paragraphs if not p.is_boilerplate))


CANDIDATES: dict[str, Callable[[str], Extracted]] = {
    "lxml alone (floor)": _lxml_floor,
    "reader.ingest.html (trafilatura + fills)": _reader,
    "trafilatura": _trafilatura(fast=False),
    "trafilatura fast": _trafilatura(fast=True),
    "readability-lxml": _readability,
    "justext": _justext,
}


def _score(found: Extracted, truth: Truth) -> dict[str, float]:
    starts = sum(start in found.text for start in truth.paragraph_starts) / len(truth.paragraph_starts)
    clean = sum(chrome not in found.text for chrome in truth.chrome) / len(truth.chrome)
    return {"title": float(found.title == truth.title), "date": float(found.date == truth.date),
            "author": float(found.author == truth.author), "body found": starts, "chrome kept out": clean}


def bench_extraction(rounds: int) -> None:
    pages = {name: (WEB / name).read_text(encoding="utf-8") for name in TRUTH}
    print(f"Extraction: {len(pages)} fixture pages, {rounds} rounds; "
          "speed as pages/s and time relative to lxml")
    print(f"{'extractor':42} {'title':>5} {'date':>5} {'author':>6} {'body':>5} {'clean':>5} "
          f"{'pages/s':>8} {'x lxml':>7}")
    floor_time = None
    for name, run in CANDIDATES.items():
        scores = [_score(run(markup), TRUTH[page]) for page, markup in pages.items()]
        started = time.perf_counter()
        for _ in range(rounds):
            for markup in pages.values():
                run(markup)
        elapsed = time.perf_counter() - started
        floor_time = floor_time or elapsed
        mean = {key: sum(s[key] for s in scores) / len(scores) for key in scores[0]}
        print(f"{name:42} {mean['title']:5.2f} {mean['date']:5.2f} {mean['author']:6.2f} "
              f"{mean['body found']:5.2f} {mean['chrome kept out']:5.2f} "
              f"{rounds * len(pages) / elapsed:8.0f} {elapsed / floor_time:7.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--archive", type=int, default=10_000)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--only", choices=("extraction", "archive", "fetch"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for variable in ("READER_DATA_DIR", "READER_CACHE_DIR", "READER_CONFIG_DIR"):
            os.environ[variable] = str(Path(folder) / variable.lower())
        if args.only in (None, "extraction"):
            bench_extraction(args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
