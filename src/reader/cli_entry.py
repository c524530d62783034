"""The `reader` command's first step: the interface or a subcommand, decided before either
is imported.

`reader` on files and folders that plainly exist goes straight to the interface, whose
loading screen draws the last start's list before the parsers, the recogniser and the store
are imported (they load behind it). Anything else (a subcommand, an option, an address, a
path that is not there or cannot be read) goes to `reader.cli`, which checks and explains.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

SUBCOMMANDS = ("list", "show", "entities", "bookmarks", "feeds", "fetch")
WEB_PREFIXES = ("http:/", "https:/")
"""A URL as given (a Path makes `//` one slash, so the prefix is checked on that form too)."""


FRAMES_PER_SECOND = "120"
"""Textual's frame rate unless the user sets TEXTUAL_FPS. A filter's result waits for the
next frame after it is applied: 8-12 ms of each keystroke at Textual's 60, traced in tmux;
at 120 it waits half as long. Frames are drawn only when something changed, so an idle
screen costs nothing more. Set before Textual is imported: it reads the rate once."""


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("TEXTUAL_FPS", FRAMES_PER_SECOND)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if plainly_paths(arguments):
        try:
            return run_tui([Path(a) for a in arguments])
        except ImportError:
            pass  # reader.cli says what is missing
        except KeyboardInterrupt:
            return 130
    from reader.cli import main as command_line

    return command_line(arguments)


def plainly_paths(arguments: Sequence[str]) -> bool:
    """Whether every argument is a file or a readable folder, and none could be read as a
    command, an option or an address: what `reader.cli` would accept without a word."""
    if arguments[:1] and arguments[0] in SUBCOMMANDS:
        return False
    return not any(argument.startswith("-") or argument.lower().startswith(WEB_PREFIXES)
                   or path_problem(Path(argument)) for argument in arguments)


def path_problem(path: Path) -> str | None:
    """What keeps a named path from loading (it is missing, or a folder we may not enter),
    or None: a typo must not quietly give an empty list. `reader.cli` says it."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return f"no such file or folder: {path}"
    except OSError as error:  # a file in a folder we may not enter is not "missing"
        return f"cannot read {path}: {_reason(error)}"
    if path.is_dir():
        try:
            with os.scandir(path) as entries:
                next(entries, None)
        except OSError as error:
            return f"cannot read the folder {path}: {_reason(error)}"
    return None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def run_tui(paths: Sequence[Path]) -> int:
    from reader.tui.app import run

    return run(list(paths))
