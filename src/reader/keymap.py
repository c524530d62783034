"""The user's own keys: `keymap.toml` in the config folder rebinds keys by binding id.

    [keys]
    "main.bookmark" = "ctrl+b"
    "list.next" = "j,down,ctrl+n"

Every binding of the interface has an id (the help screen shows them), so a keymap names what
it changes rather than the key it replaces, as newsboat's `bind-key` and posting's keymap do.
A file with mistakes still applies what is right in it; each mistake is one warning line.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reader.paths import config_dir
from reader.terminal_safe import safe_text

KEYMAP_FILE = "keymap.toml"
KEY = re.compile(r"^[A-Za-z0-9_+\-]+$")
"""A Textual key name: letters, digits, `_`, `+` and `-` (`ctrl+b`, `question_mark`, `f5`)."""


@dataclass(slots=True, frozen=True)
class Keymap:
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, as Textual's `App.set_keymap` takes them."""
    warnings: list[str] = field(default_factory=list)


def keymap_path() -> Path:
    return config_dir() / KEYMAP_FILE


def load_keymap(known_ids: Collection[str], path: Path | None = None) -> Keymap:
    """Read the keymap; a missing file is an empty keymap, a broken one a warning."""
    path = keymap_path() if path is None else path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Keymap()
    except OSError as error:
        return Keymap(warnings=[f"{KEYMAP_FILE} could not be read ({error.strerror}); "
                                "the usual keys apply."])
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Keymap(warnings=[f"{KEYMAP_FILE} is not valid TOML ({safe_text(str(error))}); "
                                "the usual keys apply."])
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return Keymap(warnings=[f"{KEYMAP_FILE}: [keys] must be a table of binding id = \"keys\"."])
    return _checked(table, known_ids)


def _checked(table: dict[str, object], known_ids: Collection[str]) -> Keymap:
    keys: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, value in table.items():
        shown_id = safe_text(binding_id)
        if binding_id not in known_ids:
            close = difflib.get_close_matches(binding_id, list(known_ids), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            warnings.append(f"{KEYMAP_FILE}: no binding is called {shown_id}{hint}; ignored.")
            continue
        if not isinstance(value, str):
            warnings.append(f"{KEYMAP_FILE}: {shown_id} needs keys in quotes, like \"ctrl+b\"; "
                            "ignored.")
            continue
        names = [name.strip() for name in value.split(",")]
        bad = [name for name in names if not KEY.match(name)]
        if bad or not names:
            warnings.append(f"{KEYMAP_FILE}: {shown_id} = {safe_text(value)!r} is not a list of "
                            "keys like \"ctrl+b,f5\"; ignored.")
            continue
        keys[binding_id] = ",".join(names)
    return Keymap(keys, warnings)
