"""How far the loaded store agrees with truth.jsonl: places, people and dates, per file.

A regression check, not an accuracy estimate: the synthetic corpus is written from templates
that the recogniser was developed against. Its name classes (Kinh, rare and place-like family
names, Hmong, Thai and Tày, Dao, Central Highlands, foreign names with a cue) are reported
separately so that a change that breaks one class shows; the truth's ids and word lists are
computed by the generator's own code, not the recogniser's.

Counts are pooled over all files (micro-averaged): a file naming four places weighs four
times as much as a file naming one. A file the store skipped counts as a miss of everything
it names. Examples of misses and false hits are kept so that a bad score can be read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store import Store

EXAMPLES = 12


@dataclass(slots=True)
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_hits: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    def add(self, path: str, expected: set[str], got: set[str]) -> None:
        self.true_positive += len(expected & got)
        self.false_positive += len(got - expected)
        self.false_negative += len(expected - got)
        if expected - got and len(self.misses) < EXAMPLES:
            self.misses.append({"path": path, "missing": sorted(expected - got),
                                "expected": sorted(expected), "got": sorted(got)})
        if got - expected and len(self.false_hits) < EXAMPLES:
            self.false_hits.append({"path": path, "extra": sorted(got - expected),
                                    "expected": sorted(expected), "got": sorted(got)})

    def summary(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "true_positive": self.true_positive, "false_positive": self.false_positive,
                "false_negative": self.false_negative, "misses": self.misses,
                "false_hits": self.false_hits}


@dataclass(slots=True)
class Accuracy:
    places: Score = field(default_factory=Score)
    people: Score = field(default_factory=Score)
    people_by_class: dict[str, list[int]] = field(default_factory=dict)
    """Per class of name: [found, named] (recall; the generator's classes)."""
    dates_right: int = 0
    files: int = 0
    skipped: int = 0
    wrong_dates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.files if self.files else 1.0

    def summary(self) -> dict[str, Any]:
        by_class = {cls: {"recall": round(found / named, 4) if named else 1.0, "people": named}
                    for cls, (found, named) in sorted(self.people_by_class.items())}
        return {"files": self.files, "skipped": self.skipped, "people_by_class": by_class,
                "date_accuracy": round(self.date_accuracy, 4), "wrong_dates": self.wrong_dates,
                "places": self.places.summary(), "people": self.people.summary()}


def load_truth(folder: Path) -> list[dict[str, Any]]:
    with (folder / "truth.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def measure(store: Store, folder: Path) -> Accuracy:
    """Compare every file of the truth with the article the store made of it."""
    by_path = {Path(a.path).resolve().relative_to(folder.resolve()).as_posix(): a
               for a in store.articles}
    accuracy = Accuracy()
    for truth in load_truth(folder):
        path = truth["path"]
        article = by_path.get(path)
        accuracy.files += 1
        if article is None:
            accuracy.skipped += 1
        got_date = article.date.isoformat() if article and article.date else None
        if got_date == truth["date"]:
            accuracy.dates_right += 1
        elif len(accuracy.wrong_dates) < EXAMPLES:
            accuracy.wrong_dates.append({"path": path, "expected": truth["date"],
                                         "got": got_date, "form": truth.get("date_form")})
        accuracy.places.add(path, set(truth["places"]), set(article.places if article else ()))
        got_people = set(article.people if article else ())
        accuracy.people.add(path, set(truth["people"]), got_people)
        for person_id, cls in truth.get("people_classes", {}).items():
            tally = accuracy.people_by_class.setdefault(cls, [0, 0])
            tally[0] += person_id in got_people
            tally[1] += 1
    return accuracy
