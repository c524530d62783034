"""Score the reader on the development set: people per class, places, dates, titles, bylines.

    python tests/devset/score.py [-v]

Each article goes through the whole ingest path (decode, clean, parse, recognise), exactly as
a loaded file does. People are scored per class of the truth (recall) and per class of the
article a false hit came from (precision); `-v` lists every miss and false hit.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.entities.gazetteer import load_gazetteer
from reader.entities.recognise import Recogniser
from reader.ingest.article import Article
from reader.ingest.load import read_article

HERE = Path(__file__).resolve().parent


@dataclass(slots=True)
class Tally:
    found: int = 0
    wanted: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.wanted if self.wanted else 1.0


@dataclass(slots=True)
class Scores:
    people: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    by_class: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list[str] = field(default_factory=list)


def load_truth() -> list[dict[str, Any]]:
    with (HERE / "truth.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _title_ok(truth: dict[str, Any], title: str) -> bool:
    if not truth["title_prefix"]:
        return bool(title == truth["title"])
    return bool(title == truth["title"] or (title.endswith("…") and truth["title"].startswith(title[:-1])))


def score() -> Scores:
    recogniser = Recogniser(load_gazetteer())
    scores = Scores()
    for truth in load_truth():
        path = HERE / "articles" / truth["path"]
        article = read_article(path, path.read_bytes(), recogniser)
        assert isinstance(article, Article), f"{path.name} was skipped"
        expected: dict[str, str] = truth["people"]
        got = set(article.people)
        scores.people.found += len(got)
        scores.people.wanted += len(expected)
        scores.people.right += len(got & set(expected))
        for pid, cls in expected.items():
            tally = scores.by_class[cls]
            tally.wanted += 1
            if pid in got:
                tally.right += 1
                tally.found += 1
            else:
                scores.errors.append(f"{truth['path']}: missed {cls} {pid}")
        for pid in sorted(got - set(expected)):
            scores.by_class[truth["class"]].found += 1
            scores.errors.append(f"{truth['path']}: false person {pid} ({truth['class']} article)")
        places = set(article.places)
        scores.places.found += len(places)
        scores.places.wanted += len(truth["places"])
        scores.places.right += len(places & set(truth["places"]))
        for pid in sorted(places ^ set(truth["places"])):
            scores.errors.append(f"{truth['path']}: place {pid} {'extra' if pid in places else 'missed'}")
        checks = {
            "date": (article.date.isoformat() if article.date else None) == truth["date"],
            "title": _title_ok(truth, article.title),
            "author": article.author == truth["author"],
            "source": truth["source"] is None or article.source == truth["source"],
        }
        for name, ok in checks.items():
            scores.fields[name][0] += ok
            scores.fields[name][1] += 1
            if not ok:
                scores.errors.append(f"{truth['path']}: {name} {getattr(article, name)!r} "
                                     f"expected {truth[name]!r}")
    return scores


def report(scores: Scores) -> str:
    rows = [f"{'class':<14} {'precision':>9} {'recall':>7} {'people':>6}"]
    for cls in sorted(scores.by_class):
        tally = scores.by_class[cls]
        rows.append(f"{cls:<14} {tally.precision:>9.3f} {tally.recall:>7.3f} {tally.wanted:>6}")
    rows.append(f"{'people':<14} {scores.people.precision:>9.3f} {scores.people.recall:>7.3f} "
                f"{scores.people.wanted:>6}")
    rows.append(f"{'places':<14} {scores.places.precision:>9.3f} {scores.places.recall:>7.3f} "
                f"{scores.places.wanted:>6}")
    for name, (right, total) in scores.fields.items():
        rows.append(f"{name:<14} {'':>9} {right / total:>7.3f} {total:>6}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    scores = score()
    print(report(scores))
    if "-v" in argv:
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
