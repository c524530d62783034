"""`reader fetch` against a local server: plain progress lines, the summary, the exit code."""

from __future__ import annotations

import argparse
import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.feeds.subscriptions import add_subscription
from reader.feeds_cli import add_feeds_parsers, run_feeds_command

from .conftest import fixture_text


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="reader")
    add_feeds_parsers(parser.add_subparsers(dest="command"))
    return run_feeds_command(parser.parse_args(list(argv)))


def test_fetch_prints_progress_and_a_summary_and_exits_1_when_a_feed_failed(
        server: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/old.rss").respond_with_data(fixture_text("rss091.xml", base),
                                                        content_type="text/xml")
    server.expect_request("/gone.rss").respond_with_data("", status=404)
    add_subscription(server.url_for("/old.rss"), "old")
    add_subscription(server.url_for("/gone.rss"), "gone")
    assert run("fetch", "--no-pages", "--timeout", "1") == 1
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line[:6] for line in lines[:2]) == ["[1/2] ", "[2/2] "]
    assert sorted(line[6:] for line in lines[:2]) == ["gone: not found (HTTP 404)", "old: 1 new"]
    assert lines[2] == "2 feeds · 1 new article · 1 failed (gone: not found (HTTP 404))"
    assert run("feeds", "list") == 0
    listing = capsys.readouterr().out
    assert "last error: not found (HTTP 404)" in listing
    server.clear()
    server.expect_request("/old.rss").respond_with_data(fixture_text("rss091.xml", base),
                                                        content_type="text/xml")
    server.expect_request("/gone.rss").respond_with_data(fixture_text("rss1.rdf", base),
                                                         content_type="text/xml")
    assert run("fetch", "--no-pages", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["feeds"], summary["new_articles"], summary["failed"]) == (2, 1, 0)


def test_on_a_terminal_fetch_shows_a_progress_bar_then_the_summary(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(fixture_text("rss091.xml", "http://127.0.0.1:9"))
    add_subscription(str(feed), "saved")
    code = ("import argparse\n"
            "from reader.feeds_cli import add_feeds_parsers, run_feeds_command\n"
            "parser = argparse.ArgumentParser()\n"
            "add_feeds_parsers(parser.add_subparsers(dest='command'))\n"
            "raise SystemExit(run_feeds_command(parser.parse_args(['fetch', '--no-pages'])))\n")
    # A terminal of its own, without forking this (threaded) test process.
    terminal, child_end = pty.openpty()
    process = subprocess.Popen([sys.executable, "-c", code], stdin=child_end, stdout=child_end,
                               stderr=child_end, env=os.environ.copy())
    os.close(child_end)
    output = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(terminal)
    assert process.wait(10) == 0, output
    assert "━".encode() in output and b"[1/1]" not in output  # a bar, not plain lines
    assert output.rstrip().endswith("1 feed · 1 new article".encode())
