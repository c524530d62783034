"""The figures for one corpus: loading, suggesting, filtering, memory, accuracy.

Everything runs against the reader's public faces (`open_store`, `Searcher`, the `reader`
command), with the user's directories pointed inside benchmarks/out so that a benchmark
never reads the user's people.tsv or touches the user's parse cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from accuracy import Accuracy
from accuracy import measure as measure_accuracy
from timing import (
    Figure,
    best_of,
    child_env,
    code_digest,
    each_call,
    floor_process,
    percentile,
    read_and_decode,
    reader_process,
    run_process,
)
from tui import interface
from views import view_figures

from reader.corpus import open_store
from reader.entities.fold import fold
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.load import Skipped, iter_files
from reader.search import Chip, Query, Searcher
from reader.store import Store

PREFIXES = (
    "l", "lu", "luo", "luong", "luong t", "ha", "ha n", "hanoi", "ho chi", "hcm", "sai",
    "tam quang", "quang", "nghe", "nghe an", "da", "da nang", "dak", "to lam", "le q",
    "nguyen", "nguyen van", "tran", "binh", "thanh", "vung tau", "hue", "kon", "can tho",
    "lam dong",
)
"""What a user types into the filter bar, one keystroke at a time or a word at a time."""

WORDS = ("police", "drug", "fraud", "court", "online")
HUGE_FROM = 200_000
"""From this size on, only what a user meets daily is measured (see bench.py --huge)."""


@dataclass(slots=True)
class SizeResult:
    articles: int
    megabytes: float
    figures: dict[str, Figure] = field(default_factory=dict)
    accuracy: Accuracy | None = None
    code: str = ""
    """Digest of the reader's source measured; "changed" if it changed during the run."""

    def as_json(self) -> dict[str, Any]:
        return {"articles": self.articles, "megabytes": round(self.megabytes, 3),
                "code": self.code,
                "figures": {k: v.as_json() for k, v in self.figures.items()},
                "accuracy": self.accuracy.summary() if self.accuracy else None}


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def corpus_files(folder: Path) -> list[Path]:
    """The files the reader would load, in its order, so both sides read the same bytes."""
    skipped: list[Skipped] = []
    return [Path(path) for path in iter_files([folder], skipped)]


def cold_load(folder: Path, files: list[Path], scratch: Path, repeats: int,
              result: SizeResult, huge: bool = False) -> Store:
    """open_store without a cache, then with an empty one (the user's real first start).
    At a huge size only the first start is measured: each cold load takes many minutes."""
    megabytes = result.megabytes
    floor = best_of(repeats, lambda: read_and_decode(files))
    stores: list[Store] = []

    def load() -> None:
        stores[:] = [open_store([folder])]

    if not huge:
        os.environ["READER_NO_CACHE"] = "1"
        try:
            cold = best_of(repeats, load)
        finally:
            del os.environ["READER_NO_CACHE"]
        floor = min(floor, best_of(repeats, lambda: read_and_decode(files)))
        result.figures["cold"] = Figure(cold, floor, note=f"{megabytes / cold:.1f} MB/s "
                                                          f"(floor {megabytes / floor:.0f} MB/s)")

    def first_start() -> None:
        os.environ["READER_CACHE_DIR"] = str(_fresh(scratch / "first-cache"))
        open_store([folder])

    first = best_of(max(1, repeats - 1), first_start)
    result.figures["first"] = Figure(first, floor, note=f"empty cache; includes writing it; "
                                                        f"{megabytes / first:.1f} MB/s")
    # The cache the last first start wrote stays in use: what follows is measured warm.
    if not stores:
        load()
    return stores[0]


def process_loads(folder: Path, scratch: Path, repeats: int, result: SizeResult,
                  huge: bool = False) -> None:
    """`reader list --json` in fresh processes: the first fills the cache, the next use it.
    At a huge size they use the cache the first start filled instead."""
    env = child_env() if huge else child_env(READER_CACHE_DIR=str(_fresh(scratch / "cli-cache")))
    env.pop("READER_NO_CACHE", None)
    floor = min(run_process(floor_process(folder), env) for _ in range(repeats))
    first = run_process(reader_process(folder), env)
    warm = min(run_process(reader_process(folder), env) for _ in range(repeats))
    word = WORDS[0]
    run_process(reader_process(folder, "--query", word), env)  # saves the word index
    query = min(run_process(reader_process(folder, "--query", word), env) for _ in range(repeats))
    floor = min(floor, min(run_process(floor_process(folder), env) for _ in range(repeats)))
    if not huge:
        result.figures["cli-first"] = Figure(first, floor, note="fresh process, empty cache")
    result.figures["warm"] = Figure(warm, floor, note="fresh process, cache from the run before")
    result.figures["warm-query"] = Figure(query, warm, note=f"--query {word}, saved word index; "
                                                            "floor: warm reader list --json")


def scan_titles(titles: list[str], needles: tuple[str, ...]) -> list[int]:
    """The search floor: a linear scan of every folded title with `in`."""
    return [i for i, title in enumerate(titles) if all(n in title for n in needles)]


def suggestions(store: Store, searcher: Searcher, titles: list[str], rounds: int,
                result: SizeResult) -> None:
    searcher.suggest("warm up")
    samples = each_call([partial(searcher.suggest, p) for p in PREFIXES], rounds)
    floors = each_call([partial(scan_titles, titles, (p,)) for p in PREFIXES], rounds)
    note = f"{len(PREFIXES)} prefixes x {rounds}"
    result.figures["suggest-p50"] = Figure(percentile(samples, 0.5), percentile(floors, 0.5),
                                           note=note)
    result.figures["suggest-p95"] = Figure(percentile(samples, 0.95), percentile(floors, 0.95),
                                           note=note)


def filters(folder: Path, store: Store, searcher: Searcher, titles: list[str], rounds: int,
            result: SizeResult) -> None:
    """Two chips (the busiest places, a gazetteer person) and a word, as the filter bar sends."""
    places = sorted(store.place_index, key=lambda p: -len(store.place_index[p]))[:len(WORDS)]
    people = sorted((p for p in store.person_index if p in store.gazetteer.people),
                    key=lambda p: -len(store.person_index[p]))
    queries = []
    scans = []
    for number, word in enumerate(WORDS):
        place, person = places[number % len(places)], people[number % len(people)]
        queries.append(Query((Chip(PLACE, place), Chip(PERSON, person)), word))
        needles = (fold(store.gazetteer.places[place].name_en), fold(person.replace("-", " ")),
                   word)
        scans.append(needles)
    texts = [(article.title + " " + article.body).lower() for article in store.articles]
    scan = best_of(1, lambda: [i for i, text in enumerate(texts) if WORDS[0] in text])
    first = best_of(1, lambda: searcher.run(queries[0]))
    result.figures["word-index"] = Figure(first, scan, note="no cache: builds the index; floor "
                                                            "= one scan of every title and body")
    warm = Searcher(open_store([folder]))
    first_warm = best_of(1, lambda: warm.run(queries[0]))
    result.figures["word-index-warm"] = Figure(first_warm, scan, note="reads the index saved by "
                                                                      "the start before")
    samples = each_call([partial(searcher.run, q) for q in queries], rounds)
    floors = each_call([partial(scan_titles, titles, n) for n in scans], rounds)
    note = f"{len(queries)} queries x {rounds}"
    result.figures["filter-p50"] = Figure(percentile(samples, 0.5), percentile(floors, 0.5),
                                          note=note)
    result.figures["filter-p95"] = Figure(percentile(samples, 0.95), percentile(floors, 0.95),
                                          note=note)


MEMORY_SCRIPT = """
import json, sys
from pathlib import Path

def status():
    fields = {}
    for line in Path('/proc/self/status').read_text().splitlines():
        key, _, value = line.partition(':')
        if key in ('VmHWM', 'VmRSS'):
            fields[key] = int(value.split()[0]) * 1024
    return fields

from reader.corpus import default_gazetteer, open_store
gazetteer = default_gazetteer()
before = status()
store = open_store([Path(sys.argv[1])], gazetteer)
loaded = status()
if hasattr(store, 'word_index'):
    store.word_index()
indexed = status()
print(json.dumps({'before': before, 'loaded': loaded, 'indexed': indexed,
                  'articles': len(store)}))
"""
"""Peak resident memory of a fresh process before and after loading (Linux /proc)."""


def memory(folder: Path, result: SizeResult, warm: bool = False, text_mb: float = 0.0) -> None:
    """Peak RSS added by a load without cache and its index built (not at a huge size:
    each such load takes many minutes), then by a warm start that reads the saved index
    (what a user does every day; the parse cache and index of the loads before). The warm
    row's floor is the text held (titles and bodies in UTF-8), the issue's target."""
    if not Path("/proc/self/status").exists():
        return
    runs = [("warm", child_env())] if warm else [("cold", child_env(READER_NO_CACHE="1")),
                                                 ("warm", child_env())]
    disk = result.megabytes * 1e6
    for run, env in runs:
        done = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(folder)], env=env,
                              capture_output=True, check=False, text=True)
        if done.returncode != 0:
            print(f"memory not measured:\n{done.stderr[-2000:]}", file=sys.stderr)
            return
        figures = json.loads(done.stdout)
        stages = (("memory", "loaded", "store, no cache"),
                  ("memory-index", "indexed", "store + word index built")) if run == "cold" else \
            (("memory-warm", "indexed", "warm start: store + saved word index"),)
        for key, stage, note in stages:
            added = figures[stage]["VmHWM"] - figures["before"]["VmHWM"]
            per_article = added / max(1, figures["articles"]) / 1024
            floor, floor_note = (text_mb, "text (titles + bodies)") if key == "memory-warm" \
                and text_mb else (disk / 1e6, "size on disk")
            result.figures[key] = Figure(added / 1e6, floor, unit="MB",
                                         note=f"{note}; {per_article:.1f} kB/article; floor = "
                                              f"{floor_note}")


def measure_size(folder: Path, scratch: Path, articles: int) -> SizeResult:
    files = corpus_files(folder)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    result = SizeResult(articles, megabytes, code=code_digest())
    repeats = 3 if articles <= 2000 else 2 if articles <= 20000 else 1
    rounds = 5 if articles <= 2000 else 3 if articles <= 20000 else 1
    huge = articles > HUGE_FROM
    store = cold_load(folder, files, scratch, repeats, result, huge)
    open_store([folder]).word_index()  # a start with the parse cache saves the word index
    process_loads(folder, scratch, repeats, result, huge)
    result.figures.update(interface(folder, 2 if articles <= 20000 else 1, headless=not huge))
    searcher = Searcher(store)
    titles = [fold(article.title) for article in store.articles]
    suggestions(store, searcher, titles, rounds, result)
    filters(folder, store, searcher, titles, rounds, result)
    result.figures.update(view_figures(folder, store, searcher, rounds, repeats))
    text_mb = sum(len(a.title.encode("utf-8")) + len(a.text) for a in store.articles) / 1e6
    memory(folder, result, warm=huge, text_mb=text_mb)
    if not huge:
        result.accuracy = measure_accuracy(store, folder)
    if code_digest() != result.code:
        result.code = "changed"
    return result
