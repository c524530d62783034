"""The `reader` command's first step: plain paths go to the interface without importing the
command line, the parsers or the store; everything else goes to the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli_entry
from reader.assets import bundled_corpus

HEAVY = ("reader.cli", "reader.cli_common", "reader.store", "reader.ingest.load",
         "reader.entities.recognise", "reader.search", "reader.tui.screens.main",
         "reader.positions")


def test_plain_paths_and_everything_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list").write_text("a file named like a command", encoding="utf-8")
    assert not cli_entry.plainly_paths(["list"])  # the command wins, as in reader.cli
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nBody.", encoding="utf-8")
    assert cli_entry.plainly_paths([])
    assert cli_entry.plainly_paths([str(article), str(tmp_path)])
    assert not cli_entry.plainly_paths([str(tmp_path / "missing.txt")])
    assert not cli_entry.plainly_paths(["list", str(tmp_path)])
    assert not cli_entry.plainly_paths(["--version"])
    assert not cli_entry.plainly_paths(["https://example.org/a"])
    assert not cli_entry.plainly_paths([str(article), "-x"])


def test_the_interface_starts_before_the_heavy_modules_are_imported() -> None:
    """The loading screen draws the last start's list first; what builds the store loads
    behind it (a clean interpreter, so no other test's imports count)."""
    code = (
        "import sys\n"
        "import reader.cli_entry as entry\n"
        "seen = []\n"
        "def run_tui(paths):\n"
        "    import reader.tui.app\n"
        f"    seen.extend(m for m in {HEAVY!r} if m in sys.modules)\n"
        "    return 0\n"
        "entry.run_tui = run_tui\n"
        f"assert entry.main([{str(bundled_corpus())!r}]) == 0\n"
        "print(seen)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_a_command_goes_to_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_entry.main(["list", "--json", str(bundled_corpus())]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5


def test_a_missing_path_is_explained_by_the_command_line(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_entry.main([str(tmp_path / "missing.txt")]) != 0
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize(("given", "expected"), [(None, cli_entry.FRAMES_PER_SECOND), ("30", "30")])
def test_the_frame_rate_is_set_unless_the_user_set_one(
        given: str | None, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    if given is None:
        monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    else:
        monkeypatch.setenv("TEXTUAL_FPS", given)
    cli_entry.main([str(tmp_path / "missing.txt")])
    assert os.environ["TEXTUAL_FPS"] == expected
