"""What the reader remembers about each feed between fetches: validators for conditional GET,
when it was last fetched, how many articles it brought, and the last error in plain words.

One JSON file in the data folder, changed only under its lock file and replaced atomically,
so two `reader fetch` at once take turns and a crash leaves the old file whole. A damaged
file is set aside (never deleted) and the state starts afresh: it only costs a full fetch.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from reader import atomic
from reader.file_lock import locked
from reader.paths import data_dir

FILE_NAME = "feeds-state.json"


@dataclass(slots=True, frozen=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    """ISO time of the last attempt, successful or not."""
    last_success: str | None = None
    articles: int = 0
    """Articles this feed has added to the archive, all fetches together."""
    last_new: int = 0
    last_error: str | None = None
    warning: str | None = None


def state_path() -> Path:
    return data_dir() / FILE_NAME


def _from_json(value: object) -> FeedState | None:
    """A feed's saved state; a field of the wrong type (a file edited by hand) is left at its
    default rather than trusted."""
    if not isinstance(value, dict):
        return None
    kept: dict[str, object] = {}
    for name, default in _DEFAULTS.items():
        field_value = value.get(name, default)
        if isinstance(default, int):
            if isinstance(field_value, int) and not isinstance(field_value, bool) and field_value >= 0:
                kept[name] = field_value
        elif field_value is None or isinstance(field_value, str):
            kept[name] = field_value
    return FeedState(**kept)  # type: ignore[arg-type]


_DEFAULTS = {f.name: getattr(FeedState(), f.name) for f in fields(FeedState)}


def load_states(path: Path | None = None) -> dict[str, FeedState]:
    """Every feed's state by location; a missing or damaged file reads as no state."""
    path = path or state_path()
    try:
        document = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        _set_aside(path)
        return {}
    if not isinstance(document, dict) or not isinstance(document.get("feeds"), dict):
        return {}
    states = {}
    for location, value in document["feeds"].items():
        state = _from_json(value)
        if state is not None:
            states[str(location)] = state
    return states


def _set_aside(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.replace(path, path.with_name(path.name + ".damaged"))


def update_states(changes: Mapping[str, Callable[[FeedState], FeedState]],
                  path: Path | None = None) -> dict[str, FeedState]:
    """Read, change and write feeds' states under the lock, in one write; others are kept."""
    path = path or state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path, timeout=30.0):
        states = load_states(path)
        for location, change in changes.items():
            states[location] = change(states.get(location, FeedState()))
        document = {"version": 1, "feeds": {key: asdict(value) for key, value in states.items()}}
        atomic.write_text(path, json.dumps(document, ensure_ascii=False, indent=1))
    return states


def update_state(location: str, change: Callable[[FeedState], FeedState],
                 path: Path | None = None) -> FeedState:
    return update_states({location: change}, path)[location]


def feed_problems(path: Path | None = None) -> list[tuple[str, str]]:
    """(feed name, what went wrong) for each subscribed feed whose last fetch failed or
    warned, for the interface's list of what did not load."""
    from reader.feeds.subscriptions import load_subscriptions

    subscriptions = load_subscriptions()
    states = load_states(path)
    problems = [("feeds file", problem) for problem in subscriptions.problems]
    for feed in subscriptions.feeds:
        state = states.get(feed.location)
        if state is not None and (state.last_error or state.warning):
            problems.append((f"{feed.name} ({feed.location})",
                             state.last_error or state.warning or ""))
    return problems
