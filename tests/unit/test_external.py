"""Opening an article's file outside the app: the command line built from $PAGER, $VISUAL
and $EDITOR, and every failure told as a sentence."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from reader.tui import external
from reader.tui.external import Command, command_for, run

PYTHON = shlex.quote(sys.executable)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("Police in Hue.", encoding="utf-8")
    return path


def test_the_variable_is_split_as_a_shell_would_and_the_file_comes_last(article_file: Path) -> None:
    command = command_for(external.EDITOR, "vi", str(article_file),
                          {"EDITOR": f"{PYTHON} -X 'dev mode'"})
    assert command.problem == ""
    assert command.argv == (sys.executable, "-X", "dev mode", str(article_file))


def test_visual_comes_before_editor_and_an_empty_one_is_skipped(article_file: Path) -> None:
    both = {"VISUAL": f"{PYTHON} -v", "EDITOR": f"{PYTHON} -e"}
    assert command_for(external.EDITOR, "vi", str(article_file), both).argv[1] == "-v"
    empty_visual = {"VISUAL": "  ", "EDITOR": f"{PYTHON} -e"}
    assert command_for(external.EDITOR, "vi", str(article_file), empty_visual).argv[1] == "-e"


def test_without_a_variable_the_default_is_used(article_file: Path) -> None:
    command = command_for(external.PAGER, sys.executable, str(article_file), {})
    assert command.argv == (sys.executable, str(article_file))


def test_a_file_named_like_an_option_is_passed_as_an_absolute_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "-R.txt").write_text("text", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    command = command_for(external.PAGER, "less", "-R.txt", {"PAGER": PYTHON})
    assert command.argv[-1] == str(tmp_path / "-R.txt")


@pytest.mark.parametrize(("environ", "path", "expected"), [
    ({"PAGER": "no-such-pager-here --flag"}, "FILE", "no-such-pager-here was not found"),
    ({"PAGER": "less 'unclosed"}, "FILE", "$PAGER cannot be read"),
    ({"PAGER": PYTHON}, "", "no file"),
    ({"PAGER": PYTHON}, "GONE", "no longer there"),
])
def test_what_cannot_be_run_says_why(article_file: Path, environ: dict[str, str], path: str,
                                     expected: str) -> None:
    path = {"FILE": str(article_file), "GONE": str(article_file) + ".gone"}.get(path, path)
    command = command_for(external.PAGER, "less", path, environ)
    assert command.argv == ()
    assert expected in command.problem


def test_a_name_with_escape_codes_is_told_without_them(article_file: Path) -> None:
    command = command_for(external.PAGER, "less", str(article_file),
                          {"PAGER": "\x1b]0;HACKED\x07pager"})
    assert "\x1b" not in command.problem and "\x07" not in command.problem


def test_running_tells_a_failure_and_passes_the_file(tmp_path: Path, article_file: Path) -> None:
    record = tmp_path / "argv.txt"
    script = f"import sys; open({str(record)!r}, 'w').write(sys.argv[-1])"
    assert run(Command((sys.executable, "-c", script, str(article_file)))) == ""
    assert record.read_text() == str(article_file)
    failed = run(Command((sys.executable, "-c", "raise SystemExit(3)")))
    assert "ended with status 3" in failed
    missing = run(Command((str(tmp_path / "not-a-program"),)))
    assert "could not start" in missing
    assert run(Command(problem="told")) == "told"
