"""The import contract, and the installed package carrying its assets.

Domain modules (everything in src/reader but the TUI and the command line) never import
Textual, the TUI or the CLI; the CLI imports the TUI only inside the function that starts it.
Checked on the source by AST, so a violation is named with its file and line, and at run time.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "reader"
UI = ("textual", "rich", "reader.tui")
TUI_STARTER = "run_tui"
"""The one CLI function allowed to import the TUI, when the user asks for it."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """What an import statement brings in, relative imports resolved."""
    if node.level:
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        stem = ".".join(base + ([node.module] if node.module else []))
    else:
        stem = node.module or ""
    if node.module is None or node.level:
        return [f"{stem}.{alias.name}" if stem else alias.name for alias in node.names] + [stem]
    return [stem] + [f"{stem}.{alias.name}" for alias in node.names]


def imports(tree: ast.Module, module: str,
            is_package: bool = False) -> Iterator[tuple[int, list[str], str | None]]:
    """(line, names it imports, enclosing function or None at module level) per statement."""
    def visit(node: ast.AST, function: str | None) -> Iterator[tuple[int, list[str], str | None]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                yield child.lineno, [alias.name for alias in child.names], function
            elif isinstance(child, ast.ImportFrom):
                yield child.lineno, _absolute(child, module, is_package), function
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, function or child.name)
            else:
                yield from visit(child, function)
    yield from visit(tree, None)


def _hits(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def is_cli(module: str) -> bool:
    """The command line's own modules, by name: reader.cli, reader.cli_*, reader.*_cli and
    __main__, so a new command's module is recognised without editing this test."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "reader":
        return False
    name = parts[1]
    return name in ("cli", "__main__") or name.startswith("cli_") or name.endswith("_cli")


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Every import that breaks the contract, as `module:line imports name (why)`."""
    found = []
    tree = ast.parse(source)
    top = module.split(".")
    if len(top) >= 2 and top[1] == "tui":
        return found
    for line, names, function in imports(tree, module, is_package):
        if is_cli(module):
            bad = [n for n in names if _hits(n, ("reader.tui", "textual"))]
            if bad and function != TUI_STARTER:
                found.append(f"{module}:{line} imports {bad[0]} "
                             f"(the CLI imports the TUI only inside {TUI_STARTER}())")
        else:
            bad = [n for n in names if _hits(n, UI) or is_cli(n)]
            if bad:
                found.append(f"{module}:{line} imports {bad[0]} "
                             "(domain modules never import Textual, Rich, the TUI or the CLI)")
    return found


def test_import_contract_holds_for_every_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += violations(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("reader.search", "import textual\n", "reader.search:1 imports textual (domain"),
    ("reader.store", "x = 1\nfrom textual.widgets import Static\n", "reader.store:2 imports textual.widgets"),
    ("reader.ingest.load", "def f():\n    from reader.tui import app\n",
     "reader.ingest.load:2 imports reader.tui"),
    ("reader.ingest.load", "from ..tui.app import run\n", "reader.ingest.load:1 imports reader.tui.app"),
    ("reader.bookmarks", "from .. import cli\n", "reader.bookmarks:1 imports reader.cli"),
    ("reader.corpus", "from reader.cli_common import load_store\n", "imports reader.cli_common"),
    ("reader.feeds.fetch", "import reader.feeds_cli\n", "imports reader.feeds_cli"),
    ("reader.feeds_cli", "import textual.app\n", "reader.feeds_cli:1 imports textual.app (the CLI"),
    ("reader.feeds.fetch", "from rich.text import Text\n", "imports rich.text"),
    ("reader.cli", "from reader.tui.app import run\n", "reader.cli:1 imports reader.tui.app (the CLI"),
    ("reader.bookmarks_cli", "def run_tui():\n    pass\ndef other():\n    import textual\n",
     "reader.bookmarks_cli:4 imports textual"),
])
def test_the_contract_names_the_offending_import(module: str, source: str, expected: str) -> None:
    [message] = violations(source, module, is_package=module == "reader.bookmarks")
    assert expected in message


@pytest.mark.parametrize(("module", "source"), [
    ("reader.cli", "def run_tui(paths):\n    from reader.tui.app import run\n"),
    ("reader.tui.app", "import textual\nfrom reader.cli import main\n"),
    ("reader.search", "from reader.store import Store\nimport rapidfuzz\n"),
    ("reader.ingest.load", "from .clean import clean_text\n"),
    ("reader.feeds_cli", "from reader.cli_common import load_store\nfrom rich.progress import Progress\n"),
    ("reader.search", "import reader.clipboard\n"),  # not a CLI module for all its name
])
def test_the_contract_allows_what_it_should(module: str, source: str) -> None:
    assert violations(source, module) == []


def test_domain_and_cli_do_not_import_textual_at_run_time(tmp_path: Path) -> None:
    modules = sorted(module_name(p) for p in PACKAGE.rglob("*.py")
                     if not module_name(p).startswith("reader.tui") and p.name != "__main__.py")
    code = (
        f"import importlib, sys\n"
        f"for name in {modules!r}:\n"
        f"    importlib.import_module(name)\n"
        "import reader.cli\n"
        "assert reader.cli.main(['list', '--json']) == 0\n"
        "assert reader.cli.main(['bookmarks', '--json']) == 0\n"
        "loaded = sorted(m for m in sys.modules\n"
        "                if m.split('.')[0] == 'textual' or m.startswith('reader.tui'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "READER_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr


def test_wheel_contains_corpus_and_gazetteers(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("reader-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reader/assets/places.tsv" in names
    assert "reader/assets/people.tsv" in names
    assert len([n for n in names if n.startswith("reader/assets/corpus/")]) == 5


def test_installed_wheel_finds_the_bundled_corpus(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "w"), str(ROOT)], check=True, capture_output=True,
    )
    wheel = next((tmp_path / "w").glob("reader-*.whl"))
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import reader.assets as a; from reader.corpus import open_store; "
            f"assert str(a.assets_dir()).startswith({str(target)!r}); print(len(open_store([])))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin",
                                 "HOME": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5"
