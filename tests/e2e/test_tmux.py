"""The installed `reader` in a real terminal (tmux): type a filter, read the count, quit
cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

READER = Path(sys.executable).with_name("reader")


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "r")

    def wait_for(self, *texts: str, timeout: float = 30.0) -> str:
        """The first screen that shows every one of the texts at once."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{texts!r} never appeared together; the screen was:\n{self.screen()}")


@pytest.fixture
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    """reader in a tmux pane of the size given by indirect parametrisation (default 120x40)."""
    width, height = getattr(request, "param", (120, 40))
    if shutil.which("tmux") is None:
        pytest.fail("tmux is required for the end-to-end test (CI installs it)")
    assert READER.exists(), f"the installed reader script is missing: {READER}"
    term = Terminal(f"reader-test-{uuid.uuid4().hex[:8]}")
    env = {key: os.environ[key] for key in ("READER_DATA_DIR", "READER_CACHE_DIR",
                                             "READER_CONFIG_DIR")}
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    term.tmux("new-session", "-d", "-s", "r", "-x", str(width), "-y", str(height),
              f"env {exports} TERM=xterm-256color {READER}; echo EXIT=$?; sleep 30")
    term.tmux("resize-window", "-t", "r", "-x", str(width), "-y", str(height))
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_typing_a_filter_updates_the_count(terminal: Terminal) -> None:
    terminal.wait_for("5 of 5 articles")
    terminal.tmux("send-keys", "-t", "r", "/")
    terminal.wait_for("Back to list")
    for key in "tam quang":
        terminal.tmux("send-keys", "-t", "r", "-l", key)
    # The count, the typed text and the suggestion on one screen. Each widget hands its
    # redraw to the screen on its own, so under load a frame can show the new count while
    # the suggestions opening come in the next one (8 ms later); waiting for the count
    # alone could read that frame.
    terminal.wait_for("tam quang", "4 of 5 articles", "Lương Tam Quang")
    terminal.tmux("send-keys", "-t", "r", "Escape")
    terminal.wait_for("Bookmark")
    terminal.tmux("send-keys", "-t", "r", "q")
    # The shell prints the exit status once reader has gone: a traceback at quit, or a
    # non-zero status, cannot pass.
    screen = terminal.wait_for("EXIT=", timeout=15)
    assert "EXIT=0" in screen, screen
    assert "Traceback" not in screen
    assert "4 of 5 articles" not in screen


@pytest.mark.parametrize("terminal", [(80, 24)], indirect=True)
def test_filter_then_read_two_articles_in_a_row_at_80_columns(terminal: Terminal) -> None:
    terminal.wait_for("5 of 5 articles")
    terminal.tmux("send-keys", "-t", "r", "/")
    terminal.wait_for("Back to list")
    terminal.tmux("send-keys", "-t", "r", "-l", "hanoi")
    terminal.wait_for("hanoi", "4 of 5 articles")
    terminal.tmux("send-keys", "-t", "r", "Escape")
    terminal.wait_for("Bookmark")  # the list has focus again
    terminal.tmux("send-keys", "-t", "r", "Enter")
    time.sleep(0.5)
    # The list cuts titles at 80 columns; the pane shows them whole.
    terminal.tmux("send-keys", "-t", "r", "J")
    terminal.wait_for("Public Security Central Party")
    terminal.tmux("send-keys", "-t", "r", "J")
    terminal.wait_for("The Ministry of Public Security must")
    terminal.tmux("send-keys", "-t", "r", "q")
    screen = terminal.wait_for("EXIT=", timeout=15)
    assert "EXIT=0" in screen, screen


def test_a_place_pinned_from_the_facets_then_a_timeline_bar(terminal: Terminal) -> None:
    terminal.wait_for("5 of 5 articles")
    terminal.tmux("send-keys", "-t", "r", "f")
    terminal.wait_for("Facets (5 articles)")
    terminal.tmux("send-keys", "-t", "r", "Enter")  # the busiest place: Hà Nội
    terminal.wait_for("4 of 5 articles")
    terminal.wait_for("Hà Nội ×")
    terminal.tmux("send-keys", "-t", "r", "f")
    terminal.tmux("send-keys", "-t", "r", "t")
    terminal.wait_for("Timeline by month (4 articles)")
    terminal.tmux("send-keys", "-t", "r", "Enter")  # the newest month
    screen = terminal.wait_for("1 of 5 articles")
    assert "2026-01" in screen
    terminal.tmux("send-keys", "-t", "r", "q")
    screen = terminal.wait_for("EXIT=", timeout=15)
    assert "EXIT=0" in screen, screen


def test_r_fetches_new_articles_and_keeps_the_cursor(terminal: Terminal, httpserver) -> None:  # type: ignore[no-untyped-def]
    from reader.feeds.subscriptions import add_subscription

    web = Path(__file__).resolve().parents[1] / "fixtures" / "web"
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/news.rss").respond_with_data(
        (web / "rss2.xml").read_bytes().replace(b"{base}", base.encode()),
        content_type="application/rss+xml")
    httpserver.expect_request("/hanoi-police-break-up-online-gambling-ring-4871234.html") \
        .respond_with_data((web / "express_police.html").read_bytes(), content_type="text/html")
    for missing in ("/quang-ninh-border-guards.html", "/nghe-an-drink-driving.html"):
        httpserver.expect_request(missing).respond_with_data("gone", status=404)
    add_subscription(f"{base}/news.rss", "local")

    terminal.wait_for("5 of 5 articles")
    terminal.tmux("send-keys", "-t", "r", "j")
    terminal.tmux("send-keys", "-t", "r", "j")
    terminal.wait_for("The Ministry of Public Security must")  # the third article is shown
    terminal.tmux("send-keys", "-t", "r", "r")
    screen = terminal.wait_for("8 of 8 articles", timeout=40)
    assert "3 new articles" in screen or "3 new articles" in terminal.wait_for("new articles")
    assert "The Ministry of Public Security must" in terminal.screen()  # the cursor stayed
    terminal.tmux("send-keys", "-t", "r", "q")
    screen = terminal.wait_for("EXIT=", timeout=15)
    assert "EXIT=0" in screen, screen
