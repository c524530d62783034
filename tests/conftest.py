"""Every test runs with the user's directories pointed at a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "assets" / "corpus"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("READER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("READER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("READER_CONFIG_DIR", str(base / "config"))


def numbered_articles(root: Path, count: int) -> Path:
    """A folder `articles` of `count` short stories, `0000.txt` on, each titled with its
    number: enough to tell which files a load parsed."""
    folder = root / "articles"
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:04d}.txt").write_text(
            f"Police story number {number}\n\nOfficers in Huế met on day {number}.", encoding="utf-8")
    return folder
