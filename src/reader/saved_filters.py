"""Named filters (chips and typed text) kept between runs, like newsboat's query feeds.

One JSON file in the data directory, written atomically. Each change re-reads the file under
a lock, so two running copies never undo each other's saves. Chips are kept by kind and id,
not by name: recalling one names it from the store of the day, and a chip whose place or
person is gone is dropped and reported. A damaged file is moved aside (never deleted), the
user is told where, and the reader carries on with no saved filters.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import atomic
from reader.entities.recognise import PLACE
from reader.file_lock import locked
from reader.paths import data_dir
from reader.search import Chip
from reader.store import Store

VERSION = 1
DEFAULT_NAME_LENGTH = 40


@dataclass(slots=True, frozen=True)
class SavedChip:
    chip: Chip
    label: str
    """The name when it was saved: shown in the list of saved filters, never trusted."""


@dataclass(slots=True, frozen=True)
class SavedFilter:
    name: str
    chips: tuple[SavedChip, ...]
    text: str

    def summary(self) -> str:
        """The filter as the bar shows it: `not ` before left-out names, then the text."""
        parts = [("not " if c.chip.exclude else "") + c.label for c in self.chips]
        if self.text.strip():
            parts.append(self.text.strip())
        return " · ".join(parts)


@dataclass(slots=True, frozen=True)
class Recalled:
    """A saved filter named from the store: chips as (chip, name, has a 2025 merger)."""

    chips: tuple[tuple[Chip, str, bool], ...]
    text: str
    dropped: tuple[str, ...]
    """Labels of chips whose place or person the store no longer has."""


class SavedFiltersError(Exception):
    """The file could not be written; the message says why, for the user."""


def saved_filters_path() -> Path:
    return data_dir() / "saved-filters.json"


def default_name(labels: Sequence[str], text: str) -> str:
    """What a filter is called unless the user says otherwise: its names and text."""
    name = " + ".join([*labels, *([text.strip()] if text.strip() else [])])
    if len(name) > DEFAULT_NAME_LENGTH:
        name = name[:DEFAULT_NAME_LENGTH - 1].rstrip() + "…"
    return name or "filter"


def _encode(saved: SavedFilter) -> dict[str, Any]:
    return {"name": saved.name, "text": saved.text, "chips": [
        {"kind": c.chip.kind, "id": c.chip.id, "exclude": c.chip.exclude,
         "include_merged": c.chip.include_merged, "label": c.label} for c in saved.chips]}


def _decode(entry: Any) -> SavedFilter:
    """One filter from its JSON; ValueError when a field is missing or of the wrong type."""
    if not isinstance(entry, dict):
        raise ValueError("a saved filter is not an object")
    name, text, chips = entry.get("name"), entry.get("text"), entry.get("chips")
    if not isinstance(name, str) or not isinstance(text, str) or not isinstance(chips, list):
        raise ValueError("a saved filter lacks its name, text or chips")
    decoded = []
    for chip in chips:
        if not isinstance(chip, dict):
            raise ValueError("a chip is not an object")
        kind, entity_id, label = chip.get("kind"), chip.get("id"), chip.get("label", "")
        exclude, merged = chip.get("exclude", False), chip.get("include_merged", True)
        if not (isinstance(kind, str) and isinstance(entity_id, str) and isinstance(label, str)
                and isinstance(exclude, bool) and isinstance(merged, bool)):
            raise ValueError("a chip lacks its kind or id")
        decoded.append(SavedChip(Chip(kind, entity_id, merged, exclude), label or entity_id))
    return SavedFilter(name, tuple(decoded), text)


def _parse(data: bytes) -> list[SavedFilter]:
    document = json.loads(data.decode("utf-8"))
    if not isinstance(document, dict) or not isinstance(document.get("filters"), list):
        raise ValueError("not a list of saved filters")
    if document.get("version") != VERSION:
        raise ValueError(f"version {document.get('version')!r}, expected {VERSION}")
    return [_decode(entry) for entry in document["filters"]]


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    return target


def _read(path: Path, warnings: list[str]) -> list[SavedFilter]:
    """The filters in `path`; a missing file is none, a damaged one is moved aside."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        warnings.append(f"Saved filters could not be read ({error.strerror or error}); "
                        "none are shown.")
        return []
    try:
        return _parse(data)
    except (ValueError, UnicodeDecodeError) as error:
        try:
            aside = _move_aside(path)
        except OSError:
            warnings.append(f"The saved filters in {path} are damaged ({error}) and could not "
                            "be moved aside; none are shown.")
            return []
        warnings.append(f"The saved filters were damaged ({error}); the file was kept as "
                        f"{aside} and the list starts empty.")
        return []


def load(path: Path | None = None) -> tuple[list[SavedFilter], list[str]]:
    """The saved filters, in the order saved, and warnings for the user."""
    warnings: list[str] = []
    return _read(path or saved_filters_path(), warnings), warnings


def _change(path: Path | None, change: Callable[[list[SavedFilter]], list[SavedFilter]],
            ) -> tuple[list[SavedFilter], list[str]]:
    """Read, change and write back under the file's lock."""
    target = path or saved_filters_path()
    warnings: list[str] = []
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(target):
            filters = change(_read(target, warnings))
            document = {"version": VERSION, "filters": [_encode(f) for f in filters]}
            atomic.write_text(target, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise SavedFiltersError(f"The filter could not be saved: {error.strerror or error} "
                                f"({error.filename or target}).") from error
    return filters, warnings


def save(saved: SavedFilter, path: Path | None = None) -> tuple[bool, list[str]]:
    """Add a filter, replacing one of the same name in place; True if it replaced one."""
    replaced = False

    def change(filters: list[SavedFilter]) -> list[SavedFilter]:
        nonlocal replaced
        replaced = any(f.name == saved.name for f in filters)
        if replaced:
            return [saved if f.name == saved.name else f for f in filters]
        return [*filters, saved]

    _, warnings = _change(path, change)
    return replaced, warnings


def delete(name: str, path: Path | None = None) -> tuple[list[SavedFilter], list[str]]:
    """Remove the filter called `name`; the filters left."""
    return _change(path, lambda filters: [f for f in filters if f.name != name])


def recall(saved: SavedFilter, store: Store) -> Recalled:
    """The saved chips named from `store`; those it no longer knows are dropped."""
    chips: list[tuple[Chip, str, bool]] = []
    dropped: list[str] = []
    for saved_chip in saved.chips:
        chip = saved_chip.chip
        entity = store.entities.get((chip.kind, chip.id))
        if entity is None:
            dropped.append(saved_chip.label)
            continue
        has_merged = chip.kind == PLACE and bool(store.gazetteer.absorbed(chip.id))
        chips.append((chip, entity.name, has_merged))
    return Recalled(tuple(chips), saved.text, tuple(dropped))
