"""Fetches in real processes: killed with SIGKILL mid-way, or two at once on the same archive."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.feeds.archive import Archive
from reader.feeds.state import load_states
from reader.feeds.subscriptions import add_subscription

from .conftest import fixture_text

FETCH = (
    "import sys\n"
    "from reader.feeds.fetch import fetch_all\n"
    "from reader.feeds.http import FetchOptions\n"
    "from reader.feeds.subscriptions import load_subscriptions\n"
    "summary = fetch_all(load_subscriptions().feeds, options=FetchOptions(connect_timeout=1, read_timeout=2,"
    " deadline=5, retries=0, use_proxy_settings=False), progress=lambda p: print(p.message, flush=True))\n"
    "print(summary.line())\n"
)
FEEDS = 6
PER_FEED = 4
ENTRIES = FEEDS * PER_FEED


def _serve(server: HTTPServer, delay: float) -> None:
    """Feeds whose pages answer ever more slowly, so that a kill finds some feeds committed,
    some mid-way; every entry is also in the next feed, so commits race for the same files."""
    base = server.url_for("").rstrip("/")
    page = fixture_text("express_police.html", base)

    def slow_page(request: Request) -> Response:
        number = int(request.path.strip("/p.html"))
        time.sleep(delay * (1 + number // PER_FEED))
        # Each page a different story under its own address, so none is a copy of another.
        body = page.replace(b"twelve people", f"{number} people".encode()).replace(
            b"hanoi-police-break-up-online-gambling-ring-4871234.html", f"story-{number}.html".encode())
        return Response(body, content_type="text/html; charset=utf-8")

    for feed in range(FEEDS):
        numbers = [*range(feed * PER_FEED, (feed + 1) * PER_FEED), ((feed + 1) * PER_FEED) % ENTRIES]
        items = "".join(f"<item><title>Story {n}</title><link>{base}/p{n}.html</link><guid>g{n}</guid></item>"
                        for n in numbers)
        server.expect_request(f"/f{feed}.rss").respond_with_data(
            f'<rss version="2.0"><channel><title>f{feed}</title>{items}</channel></rss>',
            content_type="text/xml")
        add_subscription(server.url_for(f"/f{feed}.rss"), f"f{feed}")
    for n in range(ENTRIES):
        server.expect_request(f"/p{n}.html").respond_with_handler(slow_page)


def _start() -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", FETCH], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=os.environ.copy())


def _assert_whole_archive() -> int:
    files = Archive().article_files()
    for path in files:
        assert json.loads(path.read_bytes())["format"] == "reader-archive"
    urls = [json.loads(path.read_bytes())["url"] for path in files]
    assert len(urls) == len(set(urls))
    return len(files)


def test_sigkill_during_a_fetch_leaves_no_half_file_and_the_next_fetch_completes(server: HTTPServer) -> None:
    _serve(server, delay=0.04)
    process = _start()
    assert process.stdout is not None
    for _ in range(2):  # two feeds committed, the others under way
        process.stdout.readline()
    time.sleep(0.03)
    process.send_signal(signal.SIGKILL)
    process.wait(5)
    assert 0 < _assert_whole_archive() < ENTRIES
    finish = _start()
    _, err = finish.communicate(timeout=60)
    assert finish.returncode == 0, err
    assert _assert_whole_archive() == ENTRIES
    assert all(state.last_error is None for state in load_states().values())


def test_two_fetches_at_once_neither_duplicate_nor_damage(server: HTTPServer) -> None:
    _serve(server, delay=0.02)
    first, second = _start(), _start()
    for process in (first, second):
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
    assert _assert_whole_archive() == ENTRIES
    states = load_states()
    assert len(states) == FEEDS
    assert sum(state.articles for state in states.values()) == ENTRIES
    assert not list(Archive().folder.glob("*.tmp"))
