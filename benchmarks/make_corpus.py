"""Write N synthetic news articles shaped like the bundled ones, and the truth about each.

    python benchmarks/make_corpus.py OUT N [--seed S]

Files go to OUT/000/000000.txt, OUT/000/000001.txt, … (1000 per folder); OUT/truth.jsonl
holds, per file, its path relative to OUT, the date it carries (or null), and the ids of the
places and people it names. The truth is known by construction: every name is written from
a slot that records it, and invented names are checked against the gazetteer, so the file
says exactly what the truth says. The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from article import ArticleWriter, World

from reader.assets import assets_dir

FILES_PER_FOLDER = 1000
SOURCES = ("make_corpus.py", "article.py", "page.py", "names.py", "dates.py", "vocabulary.py")


def generator_version() -> str:
    """A digest of the generator's code and the gazetteer: either changed, the corpus is redone."""
    digest = hashlib.blake2b(digest_size=8)
    for path in [*(Path(__file__).parent / name for name in SOURCES),
                 assets_dir() / "places.tsv", assets_dir() / "people.tsv"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(slots=True, frozen=True)
class Written:
    path: str
    data: bytes
    truth: dict[str, object]


def relative_path(index: int) -> str:
    return f"{index // FILES_PER_FOLDER:03d}/{index:06d}.txt"


def generate(count: int, seed: int) -> Iterator[Written]:
    """The articles in order, one at a time; a repeated text (vanishingly rare) is drawn again."""
    rng = random.Random(seed)
    world = World.load()
    seen: set[bytes] = set()
    while len(seen) < count:
        article = ArticleWriter(rng, world).write()
        digest = hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).digest()
        if digest in seen:
            continue
        path = relative_path(len(seen))
        seen.add(digest)
        yield Written(path, article.encoded(), {"path": path, **article.truth()})


def write_corpus(out: Path, count: int, seed: int) -> None:
    """Files, then truth.jsonl, then the stamp that lets a later run reuse them."""
    out.mkdir(parents=True, exist_ok=True)
    (out / ".corpus.json").unlink(missing_ok=True)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for article in generate(count, seed):
            target = out / article.path
            if not target.parent.is_dir():
                target.parent.mkdir()
            target.write_bytes(article.data)
            truth.write(json.dumps(article.truth, ensure_ascii=False) + "\n")
    stamp = {"count": count, "seed": seed, "version": generator_version()}
    (out / ".corpus.json").write_text(json.dumps(stamp) + "\n", encoding="utf-8")


def is_current(out: Path, count: int, seed: int) -> bool:
    """Whether OUT already holds this corpus (same size, seed and generator version)."""
    try:
        stamp = json.loads((out / ".corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == {"count": count, "seed": seed, "version": generator_version()} and \
        (out / "truth.jsonl").is_file()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write synthetic articles and their truth.")
    parser.add_argument("out", type=Path, help="folder to write (created if missing)")
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    write_corpus(args.out, args.count, args.seed)
    print(f"{args.count} articles in {args.out} ({time.perf_counter() - started:.1f} s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
