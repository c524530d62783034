"""`reader feeds add/list/remove` through the parsers the main command registers."""

from __future__ import annotations

import argparse
import json

import pytest

from reader.feeds.state import FeedState, update_state
from reader.feeds_cli import add_feeds_parsers, run_feeds_command


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="reader")
    add_feeds_parsers(parser.add_subparsers(dest="command"))
    return run_feeds_command(parser.parse_args(list(argv)))


def test_add_list_remove(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("feeds", "list") == 0
    assert "No feeds yet" in capsys.readouterr().out
    assert run("feeds", "add", "https://e.police.example/rss/crime.rss") == 0
    assert run("feeds", "add", "https://other.example/feed", "--name", "other portal") == 0
    out = capsys.readouterr().out
    assert "Added police: https://e.police.example/rss/crime.rss" in out
    update_state("https://other.example/feed", lambda s: FeedState(
        last_fetch="2026-01-02T03:04:05+00:00", articles=1234, last_error="timed out after 20 s\x1b[31m"))
    assert run("feeds") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["police", "0", "never", "https://e.police.example/rss/crime.rss"]
    assert lines[1].startswith("other portal") and "1,234" in lines[1] and "2026-01-0" in lines[1]
    assert lines[2].strip() == "last error: timed out after 20 s"
    assert run("feeds", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["police", "other portal"]
    assert rows[1]["articles"] == 1234 and rows[1]["last_error"].startswith("timed out")
    assert run("feeds", "remove", "police") == 0
    assert "its articles stay in the archive" in capsys.readouterr().out
    assert run("feeds", "--json") == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["other portal"]


def test_usage_errors_exit_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("feeds", "add", "javascript:alert(1)") == 2
    assert "only http and https" in capsys.readouterr().err
    assert run("feeds", "add", "https://a.example/rss") == 0
    assert run("feeds", "add", "https://a.example/rss") == 2
    assert "already subscribed" in capsys.readouterr().err
    assert run("feeds", "remove", "nothing") == 2
    assert "no feed is named" in capsys.readouterr().err
    assert run("fetch", "--timeout", "0") == 2


def test_a_malformed_line_is_reported_with_its_number(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.feeds.subscriptions import subscriptions_path
    path = subscriptions_path()
    path.parent.mkdir(parents=True)
    path.write_text("https://a.example/rss a\nftp://b.example/rss\nhttps://c.example/rss c\n")
    assert run("feeds", "list") == 0
    captured = capsys.readouterr()
    assert "feeds file: line 2:" in captured.err
    assert [line.split()[0] for line in captured.out.splitlines()] == ["a", "c"]


def test_fetch_with_no_feeds_says_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("fetch") == 0
    assert "reader feeds add" in capsys.readouterr().out
