"""Per-article cold-load cost of the working tree against an older commit, on the same files.

    python benchmarks/coldload_compare.py [--old ba932f5] [--articles 1000] [--rounds 5]
                                          [--whole 10000]

The older commit's `src` and `assets` are extracted (with `git archive`) into a temporary
folder outside the repository; each side then runs in its own fresh interpreter with
PYTHONPATH pointing at its `src`, so neither imports the other's code. One run of a side is
one cold pass over the files (empty caches, as in a real first load), timed in CPU seconds
(`time.process_time`) and split into parsing, recognition and the rest (decode, clean, id).
Old and new runs alternate, and each side's best run counts, so machine noise that comes and
goes hits both alike. The ratio new/old is the figure to watch: at most 1.00.

Two sets of files: the synthetic corpus of `make_corpus.py` and the development set under
tests/devset (130 real-shaped articles, passed over several times per run since it is small).
`--whole N` also times the whole cold load (`load_paths`: walk, read, decode, clean, parse,
recognise, on every core) of an N-article corpus, wall clock, against the read-and-decode
floor measured in the same run, and prints MB/s for both; and, where the commit has a pool
function, a pool of a single worker, which parts the pool's own cost from the cost of two
workers running at once.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from make_corpus import is_current, write_corpus

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
DEVSET = ROOT / "tests" / "devset" / "articles"

WORKER = r"""
import json, sys, time
from pathlib import Path
import reader
import reader.ingest.load as load
from reader.entities.gazetteer import load_gazetteer
from reader.entities.recognise import Recogniser

spec = json.loads(sys.stdin.read())
files = [Path(p) for p in spec["files"]]
data = [p.read_bytes() for p in files]
recogniser = Recogniser(load_gazetteer())
clock = time.process_time
spent = {"parse": 0.0, "recognise": 0.0}
real_parse = load.parse_article
real_recognise = recogniser.recognise

def parse_article(text, fallback_title="Untitled"):
    started = clock()
    try:
        return real_parse(text, fallback_title=fallback_title)
    finally:
        spent["parse"] += clock() - started

def recognise(text):
    started = clock()
    try:
        return real_recognise(text)
    finally:
        spent["recognise"] += clock() - started

load.parse_article = parse_article
recogniser.recognise = recognise
found = 0
started = clock()
for _ in range(spec["repeat"]):
    for path, raw in zip(files, data):
        outcome = load.read_article(path, raw, recogniser)
        found += len(getattr(outcome, "people", ())) + len(getattr(outcome, "places", ()))
total = clock() - started
print(json.dumps({"module": reader.__file__, "total": total, "found": found, **spent}))
"""

WHOLE = r"""
import json, sys, time
from pathlib import Path
from reader.entities.gazetteer import load_gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest.load import load_paths

spec = json.loads(sys.stdin.read())
folder = Path(spec["folder"])
files = [Path(p) for p in spec["files"]]

def floor():
    return sum(len(p.read_bytes().decode("utf-8", "replace")) for p in files)

def children_cpu():
    # CPU seconds of finished child processes: the pool's workers are this process's
    # children (fork) or the fork server's (forkserver), counted once they are reaped.
    import os, resource
    own = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime
    try:
        from multiprocessing import forkserver
        pid = forkserver._forkserver._forkserver_pid
        if pid:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")
    except (OSError, AttributeError, ValueError, IndexError):
        pass
    return total

def timed(call):
    wall, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    call()
    time.sleep(0.3)  # the workers reaped
    return (time.perf_counter() - wall - 0.3, time.process_time() - cpu,
            children_cpu() - children)

recogniser = Recogniser(load_gazetteer())
floors = [timed(floor)]
load = timed(lambda: load_paths([folder], recogniser))
floors.append(timed(floor))
one = timed(lambda: load_paths([folder], recogniser, workers=1))
floors.append(timed(floor))
result = {"load": load[0], "pool_cpu": load[1] + load[2], "floor": min(f[0] for f in floors),
          "one": one[1], "floor_cpu": min(f[1] for f in floors)}
import reader.ingest.load as loader
in_pool = getattr(loader, "_parse_in_pool", None)  # older commits have none
if in_pool is not None:
    # A pool of one worker: its CPU beyond one process is the pool's own cost (sending,
    # receiving, a worker's cold start), apart from what two workers at once cost each other.
    single = timed(lambda: list(in_pool(files, recogniser, 1)))
    result["worker1"] = single[1] + single[2]
print(json.dumps(result))
"""


def extract(revision: str, into: Path) -> Path:
    """The `src` and `assets` of `revision`, written under `into`; the repository is untouched."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision,
                              "src", "assets"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def corpus(size: int, seed: int) -> Path:
    folder = OUT / f"corpus-{size}-s{seed}"
    if not is_current(folder, size, seed):
        print(f"generating {size} articles…", file=sys.stderr)
        write_corpus(folder, size, seed)
    return folder


def article_files(folder: Path) -> list[str]:
    names = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names += [os.path.join(root, f) for f in sorted(files)
                  if f.endswith(".txt") and not f.startswith(".")]
    return names


def run(code: str, src: Path, spec: dict[str, Any]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"READER_{name}_DIR"] = str(Path(spec["scratch"]) / name.lower())
    env["READER_NO_CACHE"] = "1"
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(spec), env=env,
                          check=True, capture_output=True, text=True, cwd=spec["scratch"])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def compare(label: str, files: list[str], repeat: int, rounds: int, sides: dict[str, Path],
            scratch: Path) -> dict[str, float]:
    """Alternate the sides `rounds` times; each figure of a side is its least over the runs
    (noise only ever adds time)."""
    spec = {"files": files, "repeat": repeat, "scratch": str(scratch)}
    best: dict[str, dict[str, Any]] = {}
    for turn in range(rounds):
        order = list(sides) if turn % 2 == 0 else list(reversed(sides))
        for side in order:
            result = run(WORKER, sides[side], spec)
            kept = best.setdefault(side, {})
            for key in ("total", "parse", "recognise"):
                kept[key] = min(result[key], kept.get(key, result[key]))
            kept["rest"] = min(result["total"] - result["parse"] - result["recognise"],
                               kept.get("rest", result["total"]))
            kept["found"] = result["found"]
    count = len(files) * repeat
    print(f"\n{label}: {len(files)} files x {repeat}, least of {rounds} alternating runs, "
          "CPU µs per article")
    print(f"  {'':6} {'total':>8} {'parse':>8} {'recog':>8} {'rest':>8}  found")
    for side, result in best.items():
        print(f"  {side:6} {result['total'] / count * 1e6:8.1f} {result['parse'] / count * 1e6:8.1f} "
              f"{result['recognise'] / count * 1e6:8.1f} {result['rest'] / count * 1e6:8.1f}  "
              f"{result['found']}")
    ratios = {part: best["new"][part] / best["old"][part]
              for part in ("total", "parse", "recognise", "rest")}
    print("  new/old " + "  ".join(f"{part} {ratio:.3f}" for part, ratio in ratios.items()))
    return ratios


def whole(size: int, seed: int, rounds: int, sides: dict[str, Path], scratch: Path) -> None:
    folder = corpus(size, seed)
    files = article_files(folder)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    spec = {"folder": str(folder), "files": files, "scratch": str(scratch)}
    best: dict[str, dict[str, Any]] = {}
    for turn in range(rounds):
        order = list(sides) if turn % 2 == 0 else list(reversed(sides))
        for side in order:
            result = run(WHOLE, sides[side], spec)
            kept = best.setdefault(side, {})
            for key, value in result.items():
                kept[key] = min(value, kept.get(key, value))
    print(f"\nwhole cold load (load_paths), {size:,} articles ({megabytes:.1f} MB), "
          f"best of {rounds}")
    cores = os.cpu_count() or 1
    print(f"  {'':6} {'pool wall':>9} {'MB/s':>6} {'pool CPU':>9} {'MB/s/core':>9} "
          f"{'1 process CPU':>13} {'MB/s':>6} {'floor MB/s':>10} {'ratio':>6} {'1-worker CPU':>12}")
    for side, result in best.items():
        worker1 = f"{result['worker1']:11.2f}s" if "worker1" in result else f"{'n/a':>12}"
        print(f"  {side:6} {result['load']:8.2f}s {megabytes / result['load']:6.1f} "
              f"{result['pool_cpu']:8.2f}s {megabytes / result['pool_cpu']:9.1f} "
              f"{result['one']:12.2f}s {megabytes / result['one']:6.1f} "
              f"{megabytes / result['floor_cpu']:10.0f} {result['one'] / result['floor_cpu']:6.1f} "
              f"{worker1}")
    print(f"  new/old: pool wall {best['new']['load'] / best['old']['load']:.3f}, "
          f"pool CPU {best['new']['pool_cpu'] / best['old']['pool_cpu']:.3f}, "
          f"one process CPU {best['new']['one'] / best['old']['one']:.3f}")
    print(f"  ({cores} cores; wall time counts other work on the machine too, CPU time does "
          "not: on idle cores the pool's wall time is about its CPU time over the cores. The "
          "floor reads and decodes the same files in the same process; ratio = one process "
          "CPU / floor CPU. 1-worker CPU: a pool of one worker, parent and worker; its excess "
          "over one process is the pool's own cost, and the pool's CPU beyond it is what two "
          "workers at once cost each other)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cold-load cost per article, new against old.")
    parser.add_argument("--old", default="ba932f5", help="commit to compare with")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic corpus size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="runs per side, alternating")
    parser.add_argument("--devset-repeat", type=int, default=8, help="passes over the devset per run")
    parser.add_argument("--whole", type=int, default=0, help="also time load_paths on N articles")
    parser.add_argument("--skip-devset", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coldload-") as temporary:
        scratch = Path(temporary)
        sides = {"old": extract(args.old, scratch / "old"), "new": ROOT / "src"}
        synthetic = article_files(corpus(args.articles, args.seed))
        compare(f"synthetic corpus ({args.articles:,}, seed {args.seed})", synthetic, 1,
                args.rounds, sides, scratch)
        if not args.skip_devset:
            devset = article_files(DEVSET)
            compare("devset", devset, args.devset_repeat, args.rounds, sides, scratch)
        if args.whole:
            whole(args.whole, args.seed, max(1, args.rounds // 2), sides, scratch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
