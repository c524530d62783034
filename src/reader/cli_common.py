"""What the commands share: their common arguments, loading the store, finding an article by
a prefix of its id, and the names a `--province` or `--person` argument could mean.

Both cli.py and bookmarks_cli.py import from here and neither imports the other's internals.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli_entry import path_problem
from reader.cli_output import warn
from reader.entities.fold import fold_words
from reader.entities.recognise import PLACE
from reader.id_prefix import PrefixError, resolve_prefix
from reader.ingest.article import Article
from reader.store import Store

if TYPE_CHECKING:
    from reader.search import Searcher
    from reader.store import Entity

USAGE = 2
"""Exit code for a command line that cannot be carried out as written (as argparse uses)."""
CLOSE_SCORES = 3.0
"""Names scoring within this of the best are "about equally" good matches."""


class CommandError(Exception):
    """A message for stderr and the exit code that goes with it; never a traceback."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: the bundled articles)")


def add_json_argument(parser: argparse.ArgumentParser, what: str, nested: bool = False) -> None:
    """`--json` on every command. A nested parser (a bookmarks action) must not reset the
    value its parent already parsed, so it only sets it when given."""
    parser.add_argument("--json", action="store_true",
                        default=argparse.SUPPRESS if nested else False, help=f"print {what}")


def check_paths(paths: Sequence[Path]) -> None:
    """Named paths must exist and named folders be readable, before anything loads."""
    for path in paths:
        problem = path_problem(path)
        if problem is not None:
            raise CommandError(problem, USAGE)


def load_store(paths: Sequence[Path]) -> Store:
    """The store for the command, every skipped file reported on stderr, one line each."""
    check_paths(paths)
    from reader.corpus import open_store

    store = open_store(paths)
    for problem in store.gazetteer.warnings:
        warn(problem)
    for skipped in store.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    return store


def find_article(store: Store, prefix: str) -> Article:
    """The article whose id starts with `prefix`; CommandError when none or several do."""
    exact = store.get(prefix)
    if exact is not None:
        return exact
    try:
        found = resolve_prefix(prefix, store.by_id, "article")
    except PrefixError as error:
        raise CommandError(str(error)) from error
    article = store.get(found)
    assert article is not None
    return article


def _spells(entity: Entity, words: list[str]) -> bool:
    joined = "".join(words)
    return any("".join(fold_words(key)) == joined for key in (entity.name, *entity.keys))


def resolve_entity(searcher: Searcher, kind: str, text: str) -> Entity:
    """The one place or person an argument names. When several match about equally well and
    none is spelled exactly so, the candidates are listed rather than one picked silently."""
    from reader.search import STRONG

    word, words = ("place", "places") if kind == PLACE else ("person", "people")
    scores = searcher.score_entities(text, kinds=(kind,), minimum=STRONG)
    if not scores:
        close = [s.name for s in searcher.suggest(text, limit=3) if s.kind == kind]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise CommandError(f"no {word} matches {text!r}{hint}", USAGE)
    best = max(scores.values())
    near = sorted((key for key, score in scores.items() if score >= best - CLOSE_SCORES),
                  key=lambda k: (-round(scores[k]), -searcher.count(k), searcher.store.entities[k].name))
    if len(near) == 1:
        return searcher.store.entities[near[0]]
    exact = [k for k in near if _spells(searcher.store.entities[k], fold_words(text))]
    if len(exact) == 1:
        return searcher.store.entities[exact[0]]
    names = ", ".join(searcher.store.entities[k].name for k in near)
    raise CommandError(f"{text!r} could be any of {len(near):,} {words}: {names}; "
                       "give more of the name", USAGE)
