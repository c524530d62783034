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
sys.path.insert(0, str(ROOT / "benchmarks"))


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
    "portal_long_menu.html": Truth(
        "Border guards rescue fishermen off Con Co island", dt.date(2025, 6, 3), "Thanh Hai",
        ("The Quang Tri border guard rescued", "The boat, registered in Quang Binh", "Colonel Le Quang Hung",
         "All seven fishermen"),
        ("About Quang Tri", "Security - Defence", "Other articles", "Dong Ha police", "Address: 45")),
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


def bench_archive(count: int, folder: Path) -> None:
    """The same stories as N text files and as N archive files, each read and recognised."""
    from make_corpus import write_corpus

    from reader.entities.gazetteer import load_gazetteer
    from reader.entities.recognise import Recogniser
    from reader.feeds.archive import Archive, Record, read_archived
    from reader.ingest.load import read_article

    recogniser = Recogniser(load_gazetteer())
    texts = folder / "texts"
    write_corpus(texts, count, seed=7)
    files = sorted(texts.rglob("*.txt"))
    records = []
    for path in files:
        article = read_article(path, path.read_bytes(), recogniser)
        assert not isinstance(article, str) and hasattr(article, "title"), article
        records.append(Record(url=f"https://news.example/{path.stem}", title=article.title,
                              paragraphs=tuple(article.paragraphs), date=article.date, author=article.author,
                              site="News Example", guid=path.stem))
    archive = Archive(folder / "archive")
    archive.commit(records)
    archived = archive.article_files()
    print(f"\nArchive: {len(files):,} text files and {len(archived):,} archive files of the same stories, "
          "read and recognised one after the other")

    def load_texts() -> None:
        for path in files:
            read_article(path, path.read_bytes(), recogniser)

    def load_archive() -> None:
        for path in archived:
            read_archived(str(path), path.read_bytes(), recogniser)

    # Alternated, best of three each: the machine is shared and its speed drifts.
    text_times, archive_times = [], []
    for _ in range(3):
        text_times.append(_timed(load_texts))
        archive_times.append(_timed(load_archive))
    text_time, archive_time = min(text_times), min(archive_times)
    print(f"{'text files (floor)':42} {text_time:7.2f} s  {len(files) / text_time:8.0f} articles/s  1.00")
    print(f"{'archive files':42} {archive_time:7.2f} s  {len(archived) / archive_time:8.0f} articles/s  "
          f"{archive_time / text_time:4.2f}")


def _timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def bench_fetch(feeds: int, delay: float = 0.2) -> None:
    """N feeds that each answer after `delay`, spread over hosts (127.0.0.x) of at most the
    per-host cap each, beside one feed; then all N on one host, where the cap queues them."""
    import http.server
    import threading

    from reader.feeds.archive import Archive
    from reader.feeds.fetch import fetch_all
    from reader.feeds.http import FetchOptions
    from reader.feeds.subscriptions import Subscription

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(delay)
            number = self.path.strip("/")
            body = (f'<rss version="2.0"><channel><title>f{number}</title><item><title>Story {number}'
                    f"</title><guid>{self.server.server_address[0]}-{number}</guid><description>Police in "
                    f"Hue report case {number} on {self.server.server_address[0]}.</description></item>"
                    "</channel></rss>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    options = FetchOptions(fetch_pages=False, retries=0, use_proxy_settings=False)
    hosts = [f"127.0.0.{n}" for n in range(1, (feeds + options.per_host - 1) // options.per_host + 1)]
    servers = []
    for host in hosts:
        server = http.server.ThreadingHTTPServer((host, 0), Slow)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    try:
        def subscriptions(count: int, spread: bool) -> list[Subscription]:
            chosen = []
            for n in range(count):
                server = servers[n // options.per_host] if spread else servers[0]
                chosen.append(Subscription(f"http://{server.server_address[0]}:{server.server_address[1]}/{n}",
                                           f"f{n}"))
            return chosen

        def once(chosen: list[Subscription]) -> float:
            with tempfile.TemporaryDirectory() as folder:
                started = time.perf_counter()
                summary = fetch_all(chosen, options=options, archive=Archive(Path(folder)),
                                    state_file=Path(folder) / "state.json")
                elapsed = time.perf_counter() - started
            assert summary.ok, summary.line()
            return elapsed

        one = min(once(subscriptions(1, True)) for _ in range(3))
        spread = min(once(subscriptions(feeds, True)) for _ in range(3))
        single_host = once(subscriptions(feeds, False))
    finally:
        for server in servers:
            server.shutdown()
    print(f"\nFetching: feeds answering after {delay * 1000:.0f} ms; "
          f"at most {options.per_host} at once per host")
    print(f"{'1 feed (floor)':42} {one:7.2f} s")
    label = f"{feeds} feeds on {len(hosts)} hosts"
    print(f"{label:42} {spread:7.2f} s  {spread - one:+.2f} s beside one feed "
          f"= {(spread - one) / delay:.1f} x {delay * 1000:.0f} ms (target: at most 3)")
    print(f"{f'{feeds} feeds on one host':42} {single_host:7.2f} s  the cap of {options.per_host} per host "
          f"queues them: {single_host / one:.1f} x one feed")


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
        if args.only in (None, "archive"):
            bench_archive(args.archive, Path(folder))
        if args.only in (None, "fetch"):
            bench_fetch(args.feeds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
