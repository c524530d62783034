"""Small user preferences (theme, sort) kept between runs in the config directory.

A damaged settings file is not worth a warning: defaults apply and the next save rewrites it.
Two running copies may save at the same moment: each change re-reads the file under a lock,
so one copy's theme never undoes the other's sort.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader import atomic
from reader.file_lock import locked
from reader.paths import config_dir


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_settings() -> dict[str, Any]:
    return _read(settings_path())


def save_setting(key: str, value: Any) -> None:
    """Read, change one key and write back atomically, all under the settings lock.

    A folder we cannot write to loses the preference quietly: it is a nicety, not user data.
    """
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with locked(path):
            data = _read(path)
            data[key] = value
            atomic.write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError:
        pass
