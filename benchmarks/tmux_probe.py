"""The interface as a user sees it: the installed `reader` in a real terminal (tmux).

Keys go in with `tmux send-keys`; the screen is read back with `capture-pane`, polled as
fast as tmux answers (a few ms a look). The first word is typed the moment the list shows,
at typing speed, and timed from its last key until the count shows what `reader list
--query` says it should: a filter waiting for an index cannot hide. Then each key of a
name is timed from sending it to the last change, before the screen stays still for SETTLE
seconds, of two things: what the user watches while typing (the bar, the count, the list
and the suggestions: the screen without the reading pane beside the list), and the whole
screen (the reading pane, which follows once the typing pauses, included). A bare Textual
app (one line and an Input) runs in the same harness, so its figures are the floor: what
any Textual app costs in this terminal.

    python tmux_probe.py reader FOLDER     start, first word, keystrokes; prints JSON
    python tmux_probe.py bare              the same for the bare app
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

READER = Path(sys.executable).with_name("reader")
WIDTH, HEIGHT = 140, 45
SETTLE = 0.5
"""Seconds the screen must stay unchanged to count as settled."""
TYPING = 0.08
"""Seconds between the keys of the first word: a quick typist."""
TIMEOUT = 60.0
TYPED = "nguyen van binh"
FIRST_WORD = "police"
COUNT = re.compile(r"([\d,]+) of ([\d,]+) articles")
LIST = re.compile(r"[\d,]+ articles · loading|[\d,]+ of [\d,]+ articles")
"""A list of titles on screen: the loading screen's preview of the last start's list (its
count line says "loading"), or the real list."""

BARE_APP = """
import sys
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare app ready")
        yield Input()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

Bare().run()
"""


class Terminal:
    """One tmux server of our own (its own socket), killed when done."""

    def __init__(self) -> None:
        self.socket = f"reader-bench-{uuid.uuid4().hex[:8]}"

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def start(self, command: str) -> float:
        """Starts the command in a fresh pane; returns the clock reading just before."""
        started = time.perf_counter()
        self.tmux("new-session", "-d", "-s", "p", "-x", str(WIDTH), "-y", str(HEIGHT),
                  f"{command}; sleep 30")
        return started

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "p")

    def send(self, key: str) -> float:
        started = time.perf_counter()
        if len(key) == 1:
            self.tmux("send-keys", "-t", "p", "-l", key)
        else:
            self.tmux("send-keys", "-t", "p", key)
        return started

    def wait_for(self, pattern: re.Pattern[str] | str, timeout: float = TIMEOUT) -> tuple[float, str]:
        """Seconds on the clock when the pattern first shows, and that screen."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            screen = self.screen()
            seen = time.perf_counter()
            if (pattern.search(screen) if isinstance(pattern, re.Pattern) else pattern in screen):
                return seen, screen
        raise RuntimeError(f"{pattern!r} never appeared; the screen was:\n{self.screen()}")

    def settle(self, before: str, sent: float) -> tuple[float, str]:
        """Seconds from `sent` to the last change of the screen, once it stays still."""
        (latency, _), screen = self.settle_both(before, sent)
        return latency, screen

    def settle_both(self, before: str, sent: float) -> tuple[tuple[float, float], str]:
        """Seconds from `sent` to the last change of the whole screen and of its part
        without the reading pane (`watched`), once the whole screen stays still."""
        last_change = last_watched_change = sent
        last, last_watched = before, watched(before)
        deadline = sent + TIMEOUT
        while True:
            screen = self.screen()
            now = time.perf_counter()
            if screen != last:
                last_change, last = now, screen
                part = watched(screen)
                if part != last_watched:
                    last_watched_change, last_watched = now, part
            elif now - last_change >= SETTLE or now > deadline:
                return (last_change - sent, last_watched_change - sent), last

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True,
                       check=False)


def watched(screen: str) -> str:
    """The screen without the reading pane: what a user typing in the filter bar watches.
    Side by side, the pane is every column from its top-left corner (the `╭` just after the
    list's `╮`), except on the rows of the suggestions, which lie over both panes and are
    kept to the box's right edge. Stacked (below 100 columns) there is no pane beside the list: all of it."""
    lines = screen.splitlines()
    split = next((line.find("╮╭") + 1 for line in lines if "╮╭" in line), 0)
    if not split:
        return screen
    box_top = next((n for n, line in enumerate(lines) if "╭─ suggestions" in line), None)
    box, right = range(0), split
    if box_top is not None:
        left = lines[box_top].find("╭─ suggestions")
        right = max(split, lines[box_top].find("╮", left) + 1)
        box_bottom = next((n for n in range(box_top + 1, len(lines))
                           if lines[n][left:left + 1] == "╰"), len(lines) - 1)
        box = range(box_top, box_bottom + 1)
    return "\n".join(line[:right] if n in box else line[:split] for n, line in enumerate(lines))


def _command(argv: list[str]) -> str:
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in os.environ.items()
                       if k.startswith("READER_"))
    return f"env {exports} TERM=xterm-256color {shlex.join(argv)}"


def _keys(term: Terminal, text: str, screen: str) -> tuple[list[float], list[float]]:
    """Per key: seconds to the settled screen, and to the settled list and suggestions."""
    whole, part = [], []
    for key in text:
        sent = term.send("Space" if key == " " else key)
        (latency, watched_latency), screen = term.settle_both(screen, sent)
        whole.append(latency)
        part.append(watched_latency)
    return whole, part


def expected_count(folder: Path, word: str) -> int:
    """How many articles the word selects, by the CLI (the same matcher as the bar)."""
    done = subprocess.run(_command([str(READER), "list", "--json", "--query", word, str(folder)]),
                          shell=True, capture_output=True, text=True, check=True)
    return len(json.loads(done.stdout))


def _type(term: Terminal, word: str) -> float:
    """Types the word at typing speed; returns when its last key was sent."""
    sent = 0.0
    for number, key in enumerate(word):
        if number:
            time.sleep(TYPING)
        sent = term.send(key)
    return sent


def probe_reader(folder: Path) -> dict[str, object]:
    expected = expected_count(folder, FIRST_WORD)
    term = Terminal()
    try:
        started = term.start(_command([str(READER), str(folder)]))
        listed, _ = term.wait_for(LIST)
        painted, screen = term.wait_for(COUNT)
        first = painted - started
        found = COUNT.search(screen)
        total = found.group(2) if found else "?"
        # The first word, typed the moment the list shows: the word index must be there.
        term.send("/")
        _, screen = term.wait_for("Back to list")  # the footer says the bar has the focus
        _, screen = term.settle(screen, time.perf_counter())
        last = _type(term, FIRST_WORD)
        first_word: list[float] = []
        lost = ""
        try:
            wanted = re.compile(rf"(?:{expected:,}|{expected}) of {re.escape(total)} articles")
            shown, screen = term.wait_for(wanted, timeout=30)
            first_word.append(shown - last)
        except RuntimeError:  # keys went missing: say so rather than time the wrong thing
            lost = next((line.strip() for line in term.screen().splitlines()
                         if COUNT.search(line)), "")
        term.send("C-u")
        _, screen = term.wait_for(f"{total} of {total} articles")
        _, screen = term.settle(screen, time.perf_counter())
        keys, list_keys = _keys(term, TYPED, screen)
        term.send("Escape")
        return {"list": listed - started, "first": first, "first_word": first_word, "keys": keys,
                "list_keys": list_keys, "count": f"{expected} of {total}", "lost_keys": lost}
    finally:
        term.close()


def probe_bare() -> dict[str, object]:
    term = Terminal()
    try:
        started = term.start(_command([sys.executable, "-c", BARE_APP]))
        painted, screen = term.wait_for("bare app ready")
        first = painted - started
        last = _type(term, FIRST_WORD)
        shown, screen = term.wait_for(FIRST_WORD)
        first_word = shown - last
        _, screen = term.settle(term.screen(), term.send("C-u"))
        keys, list_keys = _keys(term, TYPED, screen)
        return {"first": first, "first_word": [first_word], "keys": keys, "list_keys": list_keys}
    finally:
        term.close()


def main() -> None:
    result = probe_bare() if sys.argv[1] == "bare" else probe_reader(Path(sys.argv[2]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
