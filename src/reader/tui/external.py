"""Opening an article's file in the reader's own pager or editor (`v`, `E`).

No Textual here: the screen suspends itself around `run`. Every way this can fail (a
variable with unbalanced quotes, a program that is not installed, one that exits with an
error) comes back as a sentence for a notification, never as an exception.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.terminal_safe import safe_line

PAGER = ("PAGER",)
EDITOR = ("VISUAL", "EDITOR")


@dataclass(slots=True, frozen=True)
class Command:
    """What to run, or why nothing can be run (`problem`)."""

    argv: tuple[str, ...] = ()
    problem: str = ""


def command_for(variables: tuple[str, ...], default: str, path: str,
                environ: Mapping[str, str] | None = None) -> Command:
    """The command line for the first of `variables` that is set (else `default`), with the
    file as its last argument: split as a shell would (`EDITOR="code -w"`), and a file whose
    name starts with `-` made absolute so that no program reads it as an option (many
    pagers and editors do not take `--`)."""
    environ = os.environ if environ is None else environ
    name, value = next(((v, environ[v]) for v in variables if environ.get(v, "").strip()),
                       ("", default))
    where = f"${name}" if name else "the default"
    try:
        words = shlex.split(value)
    except ValueError as error:
        return Command(problem=f"{where} cannot be read ({error}): {safe_line(value)}")
    if not words:
        return Command(problem=f"{where} names no program.")
    if not path:
        return Command(problem="This article has no file.")
    if not Path(path).is_file():
        return Command(problem=f"The file is no longer there: {safe_line(path)}")
    if path.startswith("-"):
        path = os.path.abspath(path)
    program = shutil.which(words[0])
    if program is None:
        return Command(problem=f"{safe_line(words[0])} was not found "
                               f"({'set ' + ' or '.join('$' + v for v in variables)}).")
    return Command((words[0], *words[1:], path))


def run(command: Command) -> str:
    """Run the program in the foreground; what went wrong, or "" when it ended well."""
    if command.problem:
        return command.problem
    try:
        done = subprocess.run(command.argv, check=False)
    except OSError as error:
        return f"{safe_line(command.argv[0])} could not start: {safe_line(error.strerror or str(error))}"
    if done.returncode != 0:
        return f"{safe_line(command.argv[0])} ended with status {done.returncode}."
    return ""
