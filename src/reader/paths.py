"""The user's directories, named once so that tests can point them at a temporary folder.

platformdirs follows XDG_DATA_HOME, XDG_CACHE_HOME and XDG_CONFIG_HOME on Linux;
READER_DATA_DIR, READER_CACHE_DIR and READER_CONFIG_DIR override each one outright.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"


def _dir(variable: str, default: str) -> Path:
    override = os.environ.get(variable)
    return Path(override) if override else Path(default)


def data_dir() -> Path:
    """Bookmarks and reading state: what the user would miss."""
    return _dir("READER_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The parse cache: safe to delete at any time."""
    return _dir("READER_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and the user's own people list (people.tsv)."""
    return _dir("READER_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))
