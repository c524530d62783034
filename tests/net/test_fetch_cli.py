"""`reader fetch` against a local server: plain progress lines, the summary, the exit code."""

from __future__ import annotations

import argparse
import json

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
