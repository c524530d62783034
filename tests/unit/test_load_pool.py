"""The process pool of a large load: never started by `fork`, and not needed to load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus import default_gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest import load


def write_articles(folder: Path, count: int) -> None:
    for number in range(count):
        (folder / f"{number:04d}.txt").write_text(
            f"Report {number} from Hue\n\nOfficers met on day {number}.", encoding="utf-8")


def test_the_pool_context_is_never_fork() -> None:
    assert load._pool_context().get_start_method() in {"forkserver", "spawn"}


def test_a_pool_that_cannot_start_leaves_the_load_to_this_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = load.PARALLEL_FROM + 5
    write_articles(tmp_path, count)

    class NoPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError(38, "Function not implemented")

    monkeypatch.setattr(load, "ProcessPoolExecutor", NoPool)
    seen: list[tuple[int, int]] = []
    result = load.load_paths([tmp_path], Recogniser(default_gazetteer()), workers=2,
                             progress=lambda done, total: seen.append((done, total)))
    assert len(result.articles) == count
    assert not result.skipped
    assert seen[-1] == (count, count)
    assert sorted(a.title for a in result.articles) == sorted(f"Report {n} from Hue" for n in range(count))


def test_the_interface_prepares_the_pool_without_starting_the_fork_server() -> None:
    """Before its first screen the interface starts only the resource tracker (it needs the
    real stderr); the fork server, which imports the loader, waits for a load that needs
    workers (a clean interpreter, so no other test's pool counts)."""
    code = (
        "import sys\n"
        "from multiprocessing import forkserver, resource_tracker\n"
        "from reader.ingest.pool_context import prepare_pool\n"
        "prepare_pool()\n"
        "print(resource_tracker._resource_tracker._pid is not None,\n"
        "      forkserver._forkserver._forkserver_pid is None,\n"
        "      'reader.ingest.load' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.split() == ["True", "True", "False"]
