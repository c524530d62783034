"""Small timing helpers: a measured figure always travels with its floor.

A floor is the cheapest way plain Python could do a comparable job on the same input
(read and decode the same files; scan the same titles). The ratio figure / floor says how
much work the reader adds on top, and it moves less between machines than seconds do.
"""

from __future__ import annotations

import hashlib
import math
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import reader


@dataclass(slots=True, frozen=True)
class Figure:
    value: float
    floor: float | None = None
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def as_json(self) -> dict[str, object]:
        ratio = self.ratio
        return {"value": self.value, "floor": self.floor, "unit": self.unit,
                "ratio": None if ratio is None else round(ratio, 2), "note": self.note}


def best_of(repeats: int, action: Callable[[], object]) -> float:
    """The fastest of a few runs: noise only ever adds time."""
    best = math.inf
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def percentile(samples: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share 0.5 is the median, 0.95 the 95th)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def each_call(calls: Sequence[Callable[[], object]], rounds: int) -> list[float]:
    """Seconds per call, every call timed on its own, over a few rounds."""
    samples = []
    for _ in range(rounds):
        for call in calls:
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
    return samples


def read_and_decode(files: Sequence[Path]) -> int:
    """The load floor: every byte read and decoded, nothing else done with it."""
    characters = 0
    for path in files:
        characters += len(path.read_bytes().decode("utf-8", "replace"))
    return characters


FLOOR_SCRIPT = """
import os, sys
from pathlib import Path
suffixes = ('.txt', '.md', '.markdown', '.text')
total = 0
for root, dirs, names in os.walk(sys.argv[1]):
    dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
    for name in sorted(names):
        if name.lower().endswith(suffixes) and not name.startswith('.'):
            total += len((Path(root) / name).read_bytes().decode('utf-8', 'replace'))
print(total)
"""
"""The warm-load floor: a fresh interpreter that walks, reads and decodes the same files."""


def run_process(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one fresh process, its output thrown away; a failure stops the benchmark."""
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=env, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{message}")
    return elapsed


def floor_process(folder: Path) -> list[str]:
    return [sys.executable, "-c", FLOOR_SCRIPT, str(folder)]


def reader_process(folder: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "reader", "list", "--json", *options, str(folder)]


def code_digest() -> str:
    """A digest of the reader's source: if it changes mid-run (say, a parse cache made by
    other code is thrown away), the figures of that run mix two programs."""
    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(Path(reader.__file__).resolve().parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def child_env(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(overrides)
    return env
