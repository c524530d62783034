"""Fetching against a local server: every fault ends in a clear message in the feed state,
nothing archived is lost or duplicated, and the limits hold."""

from __future__ import annotations

import codecs
import json
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.entities.recognise import Recogniser
from reader.feeds.archive import Archive, Record, read_archived
from reader.feeds.fetch import FetchProgress, FetchSummary, fetch_all, fetch_page
from reader.feeds.state import load_states
from reader.feeds.subscriptions import Subscription

from .conftest import FAST, cp1258_bytes, fixture_text, raw_server
from .conftest import WEB as WEB_FIXTURES

PAGES = {
    "/hanoi-police-break-up-online-gambling-ring-4871234.html": "express_police.html",
    "/quang-ninh-border-guards.html": "plus_translator.html",
    "/nghe-an-drink-driving.html": "cand_vietnamese_date.html",
}


def _base(server: HTTPServer) -> str:
    return server.url_for("").rstrip("/")


def _serve_pages(server: HTTPServer) -> None:
    for path, name in PAGES.items():
        server.expect_request(path).respond_with_data(fixture_text(name, _base(server)),
                                                      content_type="text/html; charset=utf-8")


def _feed(server: HTTPServer, path: str, name: str = "rss2.xml", **headers: str) -> Subscription:
    server.expect_request(path).respond_with_data(fixture_text(name, _base(server)), headers=headers,
                                                  content_type="application/rss+xml")
    return Subscription(server.url_for(path), path.strip("/").split(".")[0])


def _fetch(*feeds: Subscription, **changes: object) -> FetchSummary:
    return fetch_all(list(feeds), options=replace(FAST, **changes))  # type: ignore[arg-type]


def _archived(recogniser: Recogniser) -> list:  # type: ignore[type-arg]
    articles = []
    for path in Archive().article_files():
        article = read_archived(str(path), path.read_bytes(), recogniser)
        assert not isinstance(article, str), (path, article)
        articles.append(article)
    return articles


def _state(location: str) -> dict[str, object]:
    state = load_states()[location]
    return {"error": state.last_error, "warning": state.warning, "articles": state.articles,
            "new": state.last_new}


def test_a_feed_and_its_pages_are_archived_with_page_text(server: HTTPServer, recogniser: Recogniser) -> None:
    _serve_pages(server)
    feed = _feed(server, "/news.rss")
    seen: list[FetchProgress] = []
    summary = fetch_all([feed], options=FAST, progress=seen.append)
    assert summary.ok and summary.new_articles == 3
    assert summary.line() == "1 feed · 3 new articles"
    assert [p.done for p in seen] == [1] and seen[0].message == "news: 3 new"
    articles = {a.title: a for a in _archived(recogniser)}
    hanoi = articles["Hanoi police break up online gambling ring worth VND2 trillion"]
    assert len(hanoi.paragraphs) == 5  # the page's story, not the feed's one-line summary
    assert hanoi.url == "https://e.expressdaily.example/hanoi-police-break-up-online-gambling-ring-4871234.html"
    assert hanoi.site == "Express Daily International"
    assert hanoi.author == "Minh Chau"
    assert "ha-noi" in hanoi.places
    nghe_an = articles["Traffic police in Nghe An step up checks on drink driving"]
    assert nghe_an.author == "Hoang Lam"
    assert _state(feed.location) == {"error": None, "warning": None, "articles": 3, "new": 3}


def test_a_page_that_cannot_be_fetched_keeps_the_feeds_own_text(server: HTTPServer,
                                                                recogniser: Recogniser) -> None:
    feed = _feed(server, "/news.rss")  # no pages served: every page is a 500
    summary = _fetch(feed, retries=0)
    assert summary.ok and summary.new_articles == 3
    texts = {a.title: a.body for a in _archived(recogniser)}
    assert texts["Hanoi police break up online gambling ring worth VND2 trillion"] == \
        "Police in Hà Nội have detained twelve people."
    warning = _state(feed.location)["warning"]
    assert isinstance(warning, str) and "3 linked pages could not be read" in warning


def test_atom_entries_without_a_link_or_a_date_are_kept(server: HTTPServer, recogniser: Recogniser) -> None:
    feed = _feed(server, "/portal.atom", "atom.xml")
    assert _fetch(feed, fetch_pages=False).new_articles == 2
    only = next(a for a in _archived(recogniser) if a.title == "An entry that only the feed carries")
    assert only.url is None and only.date is None and only.body.startswith("Officers in Hue")


def test_a_second_fetch_adds_nothing_and_an_unchanged_feed_costs_one_304(server: HTTPServer) -> None:
    calls: list[dict[str, str]] = []

    def feed_handler(request: Request) -> Response:
        calls.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(fixture_text("rss2.xml", _base(server)), content_type="application/rss+xml",
                        headers={"ETag": '"v1"', "Last-Modified": "Thu, 15 May 2025 02:00:00 GMT"})

    server.expect_request("/news.rss").respond_with_handler(feed_handler)
    _serve_pages(server)
    feed = Subscription(server.url_for("/news.rss"), "news")
    assert _fetch(feed).new_articles == 3
    requests_before = len(server.log)
    second = _fetch(feed)
    assert second.ok and second.new_articles == 0 and second.results[0].unchanged
    assert len(server.log) - requests_before == 1
    assert calls[-1]["If-None-Match"] == '"v1"'
    assert calls[-1]["If-Modified-Since"] == "Thu, 15 May 2025 02:00:00 GMT"
    assert len(Archive().article_files()) == 3
    assert _state(feed.location)["articles"] == 3


def test_the_same_entry_in_two_feeds_is_archived_once(server: HTTPServer) -> None:
    _serve_pages(server)
    first, second = _feed(server, "/a.rss"), _feed(server, "/b.rss")
    summary = _fetch(first, second)
    assert summary.new_articles == 3
    assert len(Archive().article_files()) == 3


@pytest.mark.parametrize(("status", "message"), [
    (404, "not found (HTTP 404)"),
    (410, "gone: the address was removed for good (HTTP 410)"),
    (500, "server error (HTTP 500) (2 tries)"),
])
def test_http_errors_are_stored_in_plain_words(server: HTTPServer, status: int, message: str) -> None:
    server.expect_request("/feed").respond_with_data("no", status=status)
    feed = Subscription(server.url_for("/feed"), "portal")
    summary = _fetch(feed)
    assert not summary.ok
    assert summary.line() == f"1 feed · 0 new articles · 1 failed (portal: {message})"
    assert _state(feed.location)["error"] == message


def test_5xx_is_retried_with_backoff_until_it_works(server: HTTPServer) -> None:
    answers = iter([503, 502, 200])
    times: list[float] = []

    def flaky(_: Request) -> Response:
        times.append(time.monotonic())
        status = next(answers)
        body = fixture_text("rss091.xml", _base(server)) if status == 200 else b"busy"
        return Response(body, status=status, content_type="application/rss+xml")

    server.expect_request("/feed").respond_with_handler(flaky)
    summary = _fetch(Subscription(server.url_for("/feed"), "old"), retries=2, backoff=0.1, fetch_pages=False)
    assert summary.ok and summary.new_articles == 1
    assert len(times) == 3
    assert times[1] - times[0] >= 0.09 and times[2] - times[1] >= 0.19  # backoff doubles


@pytest.mark.parametrize(("body", "message"), [
    (b"<rss><channel><title>x</title><item><title>", "malformed feed with no readable entries"),
    (b"<!DOCTYPE html><html><body><a href='/rss'>RSS</a></body></html>",
     "not a feed: the address gives a web page"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     b'<rss version="2.0"><channel><title>&b;</title></channel></rss>',
     "refused: the feed declares XML entities"),
])
def test_bad_feeds_are_errors_in_the_state(server: HTTPServer, body: bytes, message: str) -> None:
    server.expect_request("/feed").respond_with_data(body, content_type="application/xml")
    feed = Subscription(server.url_for("/feed"), "bad")
    summary = _fetch(feed)
    assert not summary.ok
    error = _state(feed.location)["error"]
    assert isinstance(error, str) and error.startswith(message)


def test_a_redirect_loop_stops_at_the_limit(server: HTTPServer) -> None:
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    summary = _fetch(Subscription(server.url_for("/loop"), "loop"))
    assert summary.failed[0].error == "too many redirects (more than 3; a redirect loop?)"


def test_a_redirect_to_a_file_url_is_not_followed(server: HTTPServer) -> None:
    server.expect_request("/feed").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    summary = _fetch(Subscription(server.url_for("/feed"), "sly"))
    assert summary.failed[0].error == "redirected to an address that is not http or https (not followed)"


def test_a_server_that_never_answers_times_out() -> None:
    with raw_server("silent") as base:
        started = time.monotonic()
        summary = _fetch(Subscription(base + "/feed", "mute"), retries=0)
        elapsed = time.monotonic() - started
    assert summary.failed[0].error == "timed out after 0.5 s"
    assert elapsed < 3


def test_a_connection_reset_is_reported() -> None:
    with raw_server("reset") as base:
        summary = _fetch(Subscription(base + "/feed", "reset"), retries=1)
    assert summary.failed[0].error == "the server closed or reset the connection (2 tries)"


def test_a_refused_connection_is_reported() -> None:
    with raw_server("silent") as base:
        pass  # closed: nothing listens on the port any more
    summary = _fetch(Subscription(base + "/feed", "gone"), retries=0)
    assert summary.failed[0].error is not None and summary.failed[0].error.startswith("could not connect")


def test_a_server_dripping_bytes_hits_the_deadline(server: HTTPServer) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.1)
            yield b" "

    server.expect_request("/feed").respond_with_handler(lambda _: Response(drip(), content_type="text/xml"))
    summary = _fetch(Subscription(server.url_for("/feed"), "drip"), deadline=0.5, retries=0)
    assert summary.failed[0].error == "took longer than 0.5 s (the server kept sending slowly)"


def test_a_100_mb_page_is_cut_at_the_cap_without_holding_it(server: HTTPServer) -> None:
    sent = [0]

    def huge() -> Iterator[bytes]:
        block = b"<p>" + b"word " * 13106 + b"</p>"
        for _ in range(1600):  # 1600 x 64 kB = 100 MB
            sent[0] += len(block)
            yield block

    server.expect_request("/big.html").respond_with_handler(
        lambda _: Response(huge(), content_type="text/html; charset=utf-8"))
    items = f"<item><title>Big</title><link>{server.url_for('/big.html')}</link></item>"
    server.expect_request("/feed").respond_with_data(
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>', content_type="text/xml")
    tracemalloc.start()
    summary = _fetch(Subscription(server.url_for("/feed"), "big"), max_bytes=256 * 1024, deadline=10)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert summary.ok
    assert peak < 40 * 1024 * 1024
    assert sent[0] < 20 * 1024 * 1024  # the server was not read to the end


def test_connections_per_host_are_capped(server: HTTPServer) -> None:
    lock = threading.Lock()
    active = [0, 0]

    def slow(_: Request) -> Response:
        with lock:
            active[0] += 1
            active[1] = max(active[1], active[0])
        time.sleep(0.15)
        with lock:
            active[0] -= 1
        return Response(fixture_text("rss091.xml", _base(server)), content_type="text/xml")

    feeds = []
    for number in range(8):
        server.expect_request(f"/f{number}").respond_with_handler(slow)
        feeds.append(Subscription(server.url_for(f"/f{number}"), f"f{number}"))
    started = time.monotonic()
    summary = _fetch(*feeds, per_host=2, fetch_pages=False)
    elapsed = time.monotonic() - started
    assert summary.ok
    assert active[1] == 2
    assert elapsed >= 4 * 0.15


def test_feeds_are_fetched_concurrently(server: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(0.3)
        return Response(fixture_text("rss091.xml", _base(server)), content_type="text/xml")

    feeds = []
    for number in range(8):
        server.expect_request(f"/c{number}").respond_with_handler(slow)
        feeds.append(Subscription(server.url_for(f"/c{number}"), f"c{number}"))
    started = time.monotonic()
    summary = _fetch(*feeds, per_host=8, fetch_pages=False)
    assert summary.ok
    assert time.monotonic() - started < 8 * 0.3 / 2


@pytest.mark.parametrize(("encoding", "content_type"), [
    ("utf-16", "text/html; charset=utf-16"),
    ("utf-16-le", "text/html; charset=UTF-16LE"),
    ("cp1258", "text/html; charset=windows-1258"),
])
def test_pages_in_legacy_and_utf16_encodings(server: HTTPServer, recogniser: Recogniser, encoding: str,
                                             content_type: str) -> None:
    story = ("<p>Police in Quảng Ninh seized smuggled goods at the border near Móng Cái city. "
             "Officers said the two men carried cigarettes on a small boat at night "
             "and were stopped by a patrol after a long chase along the river.</p>")
    markup = f"<html><body><article><h1>Hàng lậu ở Quảng Ninh</h1>{story}{story}</article></body></html>"
    data = cp1258_bytes(markup) if encoding == "cp1258" else markup.encode(encoding)
    server.expect_request("/page.html").respond_with_data(data, content_type=content_type)
    items = f"<item><title>Smuggling</title><link>{server.url_for('/page.html')}</link></item>"
    server.expect_request("/feed").respond_with_data(
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>', content_type="text/xml")
    assert _fetch(Subscription(server.url_for("/feed"), "enc")).new_articles == 1
    (article,) = _archived(recogniser)
    assert "Police in Quảng Ninh seized smuggled goods" in article.body
    assert "quang-ninh" in article.places
    assert codecs.lookup(encoding)


def test_escapes_in_feeds_and_pages_never_reach_the_archive(server: HTTPServer,
                                                            recogniser: Recogniser) -> None:
    story = ("<p>\x1b[31mPolice\x1b[0m in Da Nang warned about "
             "\x1b]8;;https://evil.example\x07a link\x1b]8;;\x07 "
             "and [bold red]fake[/] bank messages that ask people for passwords and one-time codes.</p>")
    server.expect_request("/p.html").respond_with_data(
        f"<html><body><article><h1>Warning</h1>{story}{story.replace('Da Nang', 'Hue')}"
        "</article></body></html>",
        content_type="text/html; charset=utf-8")
    items = (f"<item><title>\x1b]0;pwned\x07Scam [b]warning[/b]</title>"
             f"<link>{server.url_for('/p.html')}</link></item>")
    server.expect_request("/feed").respond_with_data(
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>', content_type="text/xml")
    assert _fetch(Subscription(server.url_for("/feed"), "esc")).new_articles == 1
    raw = Archive().article_files()[0].read_text()
    assert "\\u001b" not in raw and "\x1b" not in raw and "\\u0007" not in raw
    (article,) = _archived(recogniser)
    assert article.title == "Scam [b]warning[/b]"
    assert "[bold red]fake[/]" in article.body


def test_javascript_and_file_links_are_never_fetched(server: HTTPServer) -> None:
    items = ("<item><title>One</title><link>javascript:fetch('http://127.0.0.1/x')</link>"
             "<description>Text of the first entry.</description></item>"
             "<item><title>Two</title><link>file:///etc/passwd</link>"
             "<description>Text of the second entry.</description></item>")
    server.expect_request("/feed").respond_with_data(
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>', content_type="text/xml")
    feed = Subscription(server.url_for("/feed"), "js")
    summary = _fetch(feed)
    assert summary.ok and summary.new_articles == 2
    assert [entry[0].path for entry in server.log] == ["/feed"]
    warning = _state(feed.location)["warning"]
    assert isinstance(warning, str) and "2 entries with a link that is not http(s)" in warning


def test_a_local_feed_file_is_read_from_disk(server: HTTPServer, tmp_path: Path) -> None:
    _serve_pages(server)
    local = tmp_path / "saved.xml"
    local.write_bytes(fixture_text("rss2.xml", _base(server)))
    summary = _fetch(Subscription(str(local), "saved"), Subscription(str(tmp_path / "none.xml"), "none"))
    assert summary.results[0].new == 3
    assert summary.results[1].error == "no such file"


def test_errors_do_not_lose_what_was_archived(server: HTTPServer) -> None:
    _serve_pages(server)
    feed = _feed(server, "/news.rss")
    assert _fetch(feed).new_articles == 3
    server.clear()
    server.expect_request("/news.rss").respond_with_data("gone", status=410)
    summary = _fetch(feed)
    assert not summary.ok
    assert len(Archive().article_files()) == 3
    state = load_states()[feed.location]
    assert state.articles == 3 and state.last_error is not None and state.last_success is not None
    document = json.loads(Path(Archive().article_files()[0]).read_bytes())
    assert document["format"] == "reader-archive"


def test_cancel_stops_soon_and_keeps_finished_feeds(server: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(2)
        return Response(b"", status=500)

    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/quick").respond_with_data(fixture_text("rss091.xml", _base(server)),
                                                      content_type="text/xml")
    cancel = threading.Event()

    def stop_after_first(progress: FetchProgress) -> None:
        cancel.set()

    started = time.monotonic()
    feeds = [Subscription(server.url_for("/quick"), "quick"), Subscription(server.url_for("/slow"), "slow")]
    summary = fetch_all(feeds,
                        options=replace(FAST, read_timeout=5, deadline=5, fetch_pages=False),
                        progress=stop_after_first, cancel=cancel)
    assert time.monotonic() - started < 1.5
    assert summary.cancelled
    assert summary.results[0].new == 1 and summary.results[1].error == "stopped"
    assert "stopped before the end" in summary.line()


def test_a_changed_feed_fetches_only_the_pages_not_yet_archived(server: HTTPServer) -> None:
    _serve_pages(server)
    feed = _feed(server, "/news.rss")  # no validators: every fetch gets the whole feed
    assert _fetch(feed).new_articles == 3
    before = len(server.log)
    assert _fetch(feed).new_articles == 0
    assert [request.path for request, _ in server.log[before:]] == ["/news.rss"]


def test_one_page_is_fetched_into_the_archive(server: HTTPServer, recogniser: Recogniser) -> None:
    _serve_pages(server)
    server.expect_request("/front.html").respond_with_data(
        (WEB_FIXTURES / "section_index.html").read_bytes(), content_type="text/html")
    url = server.url_for("/nghe-an-drink-driving.html")
    record = fetch_page(url, options=FAST)
    assert isinstance(record, Record)
    assert record.title == "Traffic police in Nghe An step up checks on drink driving"
    assert record.url == "https://en.cand.example/public-order/traffic-police-check-drink-driving-i7712/"
    assert record.aliases == (url,)
    again = fetch_page(url, options=FAST)
    assert isinstance(again, Record)
    assert len(Archive().article_files()) == 1
    (article,) = _archived(recogniser)
    assert article.author == "Hoang Lam" and "nghe-an" in article.places
    assert fetch_page(server.url_for("/front.html"), options=FAST) == \
        "no article text found on the page (only 5 words outside menus and lists)"
    server.expect_request("/missing.html").respond_with_data("", status=404)
    assert fetch_page(server.url_for("/missing.html"), options=FAST) == "not found (HTTP 404)"
    for bad in ("javascript:alert(1)", "file:///etc/passwd"):
        assert fetch_page(bad, options=FAST) == f"{bad!r} is not an http or https address"


def test_entries_left_for_later_are_fetched_next_time_despite_an_etag(server: HTTPServer) -> None:
    def feed_handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(fixture_text("rss2.xml", _base(server)), content_type="application/rss+xml",
                        headers={"ETag": '"v1"'})

    server.expect_request("/news.rss").respond_with_handler(feed_handler)
    _serve_pages(server)
    feed = Subscription(server.url_for("/news.rss"), "news")
    first = _fetch(feed, max_pages_per_feed=2)
    assert first.new_articles == 2
    assert _state(feed.location)["warning"] == "1 entries left for the next fetch"
    assert load_states()[feed.location].etag is None
    second = _fetch(feed, max_pages_per_feed=2)
    assert second.new_articles == 1
    assert load_states()[feed.location].etag == '"v1"'
    assert _fetch(feed).results[0].unchanged


def test_an_entry_with_no_text_and_no_page_is_tried_again(server: HTTPServer) -> None:
    item = f"<item><title>Only a title</title><link>{server.url_for('/later.html')}</link></item>"
    def feed_handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"same"':
            return Response(status=304)
        return Response(f'<rss version="2.0"><channel><title>t</title>{item}</channel></rss>',
                        content_type="text/xml", headers={"ETag": '"same"'})

    server.expect_request("/feed").respond_with_handler(feed_handler)
    server.expect_oneshot_request("/later.html").respond_with_data("", status=404)
    feed = Subscription(server.url_for("/feed"), "later")
    assert _fetch(feed).new_articles == 0
    warning = _state(feed.location)["warning"]
    assert isinstance(warning, str) and "1 entries could not be read" in warning
    server.expect_request("/later.html").respond_with_data(
        fixture_text("plus_translator.html", _base(server)), content_type="text/html")
    assert _fetch(feed).new_articles == 1


def test_an_unforeseen_failure_is_that_feeds_error_only(server: HTTPServer,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.feeds import fetch as fetch_module
    real = fetch_module.parse_feed

    def parse(data: bytes, location: str, content_type: str | None = None):  # type: ignore[no-untyped-def]
        if location.endswith("/bad.rss"):
            raise RuntimeError("\x1b[31mparser bug")
        return real(data, location, content_type)

    monkeypatch.setattr(fetch_module, "parse_feed", parse)
    good, bad = _feed(server, "/good.rss", "rss091.xml"), _feed(server, "/bad.rss", "rss091.xml")
    summary = _fetch(good, bad, fetch_pages=False)
    assert summary.results[0].new == 1
    assert summary.results[1].error == "unexpected error (RuntimeError: parser bug)"
    assert _state(bad.location)["error"] == "unexpected error (RuntimeError: parser bug)"
