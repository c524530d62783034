"""One command, one table: how fast and how accurate the reader is at 1k and 10k articles.

    python benchmarks/bench.py [--full | --huge] [--sizes 1000,10000] [--seed 1]

Corpora are generated into benchmarks/out/corpus-N-sS (kept and reused while the generator
is unchanged); the table is printed and also written to benchmarks/out/results.json. Each
time stands beside a floor measured in the same run on the same files (see timing.py), so
the ratio column is the figure to watch. `--full` adds 100k articles; `--huge` measures
only 1M articles, and only what a user meets daily (first start, warm start, first filter,
keystrokes, memory). After the table come the web-page, archive and fetching figures of
sources.py (the issue's sizes with `--full`, smaller ones otherwise).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

from make_corpus import is_current, write_corpus
from measure import SizeResult, measure_size
from report import render_table
from sources_rows import FULL, QUICK, run_sources

OUT = Path(__file__).resolve().parent / "out"
FULL_SIZE = 100_000
HUGE_SIZE = 1_000_000


def parse_sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace("k", "000")) for part in text.split(",") if part]


def ensure_corpus(size: int, seed: int) -> Path:
    """The corpus for this size and seed, generated only when missing or out of date."""
    folder = OUT / f"corpus-{size}-s{seed}"
    if not is_current(folder, size, seed):
        started = time.perf_counter()
        print(f"generating {size} articles…", file=sys.stderr)
        write_corpus(folder, size, seed)
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return folder


def private_dirs() -> Path:
    """Point the reader's data, cache and config folders inside out/, away from the user's."""
    scratch = OUT / "scratch"
    for name in ("data", "cache", "config"):
        (scratch / name).mkdir(parents=True, exist_ok=True)
        os.environ[f"READER_{name.upper()}_DIR"] = str(scratch / name)
    os.environ.pop("READER_NO_CACHE", None)
    return scratch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark loading, search and recognition.")
    parser.add_argument("--full", action="store_true", help=f"also run {FULL_SIZE:,} articles")
    parser.add_argument("--huge", action="store_true",
                        help=f"only {HUGE_SIZE:,} articles (about 3.7 GB of disk; hours on 2 cores)")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    args = parser.parse_args(argv)
    sizes = parse_sizes(args.sizes)
    if args.full and FULL_SIZE not in sizes:
        sizes.append(FULL_SIZE)
    if args.huge:
        sizes = [HUGE_SIZE]
    started = time.perf_counter()
    scratch = private_dirs()
    results: dict[int, SizeResult] = {}
    for size in sizes:
        folder = ensure_corpus(size, args.seed)
        print(f"measuring {size} articles…", file=sys.stderr)
        results[size] = measure_size(folder, scratch, size)
    print(render_table(results), flush=True)
    changed = [f"{size:,}" for size, result in results.items() if result.code == "changed"]
    if changed:
        print(f"\nwarning: the reader's source changed while measuring {', '.join(changed)} "
              "articles; run again for figures of one program", file=sys.stderr)
    sources = ""
    if not args.huge:
        chosen = FULL if args.full else QUICK
        print(f"\nWeb pages, the archive and fetching (sources.py: {chosen.rounds} rounds, "
              f"{chosen.archive:,} archived articles, {chosen.feeds} feeds)", flush=True)
        sources = run_sources(chosen)
    elapsed = time.perf_counter() - started
    print(f"\n{len(sizes)} sizes in {elapsed:.0f} s on {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; details in {OUT.name}/results.json")
    write_results(results, args.seed, elapsed, sources)
    return 0


def write_results(results: dict[int, SizeResult], seed: int, elapsed: float,
                  sources: str = "") -> None:
    payload = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(), "cores": os.cpu_count(),
        "platform": platform.platform(), "seed": seed, "seconds": round(elapsed, 1),
        "sizes": {str(size): result.as_json() for size, result in results.items()},
        "sources": sources.splitlines(),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
