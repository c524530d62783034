"""The saved sort and theme reach a config folder that does not exist yet, however deep:
a mutation run showed no test started without the folder's parent."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings import load_settings, save_setting


def test_a_setting_is_saved_where_no_folder_exists_yet(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "home" / ".config" / "reader"))
    save_setting("sort", "oldest")
    assert load_settings() == {"sort": "oldest"}
