"""The domain never imports Textual, and the installed package carries its assets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_domain_and_cli_do_not_import_textual() -> None:
    code = (
        "import sys, reader.cli, reader.corpus, reader.search, reader.store, reader.bookmarks, "
        "reader.ingest.load, reader.entities.recognise\n"
        "reader.cli.main(['list', '--json'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
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
