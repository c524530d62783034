"""The user's feeds: a plain-text file in the config folder, one feed a line, as newsboat's `urls`.

    # comments and blank lines are kept
    https://e.vnexpress.net/rss/news.rss  vnexpress
    https://en.vietnamplus.vn/rss/society.rss "VietnamPlus society"
    ~/saved/feed.xml

A line is an http(s) URL or a local file path, then an optional name (quoted if it has
spaces). A malformed line is reported with its number and the other lines still work; the
file is rewritten only by `add` and `remove`, which keep every other line as the user wrote it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from reader import atomic
from reader.file_lock import locked
from reader.paths import config_dir

FILE_NAME = "feeds"
_NAME_OK = re.compile(r"^[^\x00-\x1f\x7f]{1,60}$")
_HOST_NOISE = frozenset({"www", "en", "e", "english", "m", "rss", "feeds", "feed", "com", "net", "vn",
                         "org", "gov", "info", "news", "co", "uk", "example"})


@dataclass(slots=True, frozen=True)
class Subscription:
    location: str
    """An http(s) URL, or an absolute path to a local feed file."""
    name: str
    line: int = 0

    @property
    def is_local(self) -> bool:
        return not self.location.startswith(("http://", "https://"))


@dataclass(slots=True)
class Subscriptions:
    feeds: list[Subscription] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """`line 4: ...` for every line that was left out."""


def subscriptions_path() -> Path:
    return config_dir() / FILE_NAME


def default_name(location: str) -> str:
    """`https://e.vnexpress.net/rss/news.rss` is `vnexpress`; a file is its stem."""
    parts = urlsplit(location)
    if parts.scheme in ("http", "https") and parts.hostname:
        words = [w for w in parts.hostname.split(".") if w not in _HOST_NOISE and not w.isdigit()]
        return words[0] if words else parts.hostname
    return Path(location).stem or location


def check_location(raw: str, base: Path | None = None) -> str:
    """The location as it will be fetched; ValueError says in plain words what is wrong."""
    parts = urlsplit(raw)
    if parts.scheme in ("http", "https"):
        if not parts.hostname:
            raise ValueError(f"{raw!r} has no host name")
        return raw
    if len(parts.scheme) > 1:  # a one-letter scheme is a Windows drive
        raise ValueError(f"{raw!r}: only http and https addresses or local file paths can be feeds")
    path = Path(raw).expanduser()
    if not path.is_absolute():
        path = (base or Path.cwd()) / path
    return str(path)


def parse_subscriptions(text: str, base: Path | None = None) -> Subscriptions:
    """The feeds of a subscriptions file's text; a relative path is taken from `base` (the
    file's own folder), not from wherever the command happens to run."""
    result = Subscriptions()
    seen_locations: dict[str, int] = {}
    seen_names: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            words = shlex.split(stripped, comments=True)
        except ValueError as error:
            result.problems.append(f"line {number}: {error} (left out)")
            continue
        if not words:
            continue
        try:
            location = check_location(words[0], base)
        except ValueError as error:
            result.problems.append(f"line {number}: {error} (left out)")
            continue
        name = " ".join(words[1:]) or default_name(location)
        if not _NAME_OK.match(name):
            result.problems.append(f"line {number}: the name {name!r} is too long or has control characters")
            continue
        if location in seen_locations:
            first = seen_locations[location]
            result.problems.append(f"line {number}: the same feed as line {first} (left out)")
            continue
        plain_name, count = name, 2
        while name in seen_names:
            name, count = f"{plain_name}-{count}", count + 1
        seen_locations[location] = number
        seen_names.add(name)
        result.feeds.append(Subscription(location, name, number))
    return result


def load_subscriptions(path: Path | None = None) -> Subscriptions:
    """The user's feeds; a missing file is no feeds, an unreadable one is a problem."""
    path = path or subscriptions_path()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return Subscriptions()
    except OSError as error:
        return Subscriptions(problems=[f"{path} cannot be read ({error.strerror or error})"])
    return parse_subscriptions(text, path.parent)


def _format_line(location: str, name: str | None) -> str:
    return location if not name else f"{location} {shlex.quote(name)}"


def add_subscription(location: str, name: str | None = None, path: Path | None = None) -> Subscription:
    """Append a feed; ValueError when it is malformed or already there (by location or name)."""
    path = path or subscriptions_path()
    checked = check_location(location)
    if name is not None and not _NAME_OK.match(name):
        raise ValueError(f"the name {name!r} is too long or has control characters")
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        current = load_subscriptions(path)
        for feed in current.feeds:
            if feed.location == checked:
                raise ValueError(f"already subscribed as {feed.name!r} (line {feed.line})")
            if name is not None and feed.name == name:
                raise ValueError(f"the name {name!r} is already used by {feed.location}")
        text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else \
            "# Feeds for `reader fetch`: one a line, an http(s) URL or a file path, then an optional name.\n"
        if text and not text.endswith("\n"):
            text += "\n"
        atomic.write_text(path, text + _format_line(checked, name) + "\n")
    added = load_subscriptions(path)
    return next(feed for feed in added.feeds if feed.location == checked)


def remove_subscription(name_or_location: str, path: Path | None = None) -> Subscription:
    """Remove the feed with that name or location, keeping every other line; KeyError if none."""
    path = path or subscriptions_path()
    with locked(path):
        current = load_subscriptions(path)
        try:
            location = check_location(name_or_location)
        except ValueError:
            location = name_or_location
        match = next((feed for feed in current.feeds
                      if name_or_location in (feed.name, feed.location) or feed.location == location), None)
        if match is None:
            raise KeyError(name_or_location)
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        del lines[match.line - 1]
        atomic.write_text(path, "".join(lines))
    return match
