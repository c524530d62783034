"""The command line: `reader [PATH…]` opens the terminal interface; subcommands print.

Printing never imports Textual, so `reader list --json` stays quick enough for scripts.
Every file that could not be read is reported on stderr, one line each, and the rest loads.
A word that is neither a command nor a file is an error, never an empty interface.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.cli_common import (
    USAGE,
    CommandError,
    add_json_argument,
    add_paths_argument,
    check_paths,
    find_article,
    load_store,
    resolve_entity,
)
from reader.cli_output import format_count, print_json, warn
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.store import SortOrder, Store
from reader.terminal_safe import safe_line

SUBCOMMANDS = ("list", "show", "entities", "bookmarks", "feeds", "fetch")
VERSION = f"reader {__version__}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news about Viet Nam's public security. Without a subcommand, "
                    "opens the terminal interface on the given files (or the bundled articles).",
    )
    parser.add_argument("--version", action="version", version=VERSION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = sub.add_parser("list", help="list articles, optionally filtered")
    add_paths_argument(listing)
    listing.add_argument("--province", "--place", action="append", default=[], metavar="NAME",
                         help="only articles naming this place (fuzzy; repeat to AND)")
    listing.add_argument("--person", action="append", default=[], metavar="NAME",
                         help="only articles naming this person (fuzzy; repeat to AND)")
    listing.add_argument("--query", default="", metavar="WORDS",
                         help="words of the title or body; !word excludes, 'word is exact")
    listing.add_argument("--no-merged", action="store_true",
                         help="a place does not include the units merged into it in 2025")
    listing.add_argument("--sort", choices=[s.value for s in SortOrder], default="newest")
    add_json_argument(listing, "one JSON array, an article a line")

    show = sub.add_parser("show", help="print one article")
    show.add_argument("id", help="article id (a unique prefix is enough)")
    add_paths_argument(show)
    add_json_argument(show, "one JSON object")

    entities = sub.add_parser("entities", help="places and people with article counts")
    add_paths_argument(entities)
    add_json_argument(entities, "one JSON object: provinces and people, an entry a line")

    from reader.bookmarks_cli import add_bookmarks_parser
    from reader.feeds_cli import add_feeds_parsers

    add_bookmarks_parser(sub)
    add_feeds_parsers(sub)
    return parser


def _named(store: Store, kind: str, ids: Sequence[str]) -> list[dict[str, str]]:
    named = []
    for entity_id in ids:
        entity = store.entity(kind, entity_id)
        named.append({"id": entity_id, "name": entity.name if entity else entity_id})
    return named


def article_json(store: Store, article: Article) -> dict[str, Any]:
    people = []
    for pid, name in zip(article.people, article.person_names, strict=True):
        entity = store.entity(PERSON, pid)
        people.append({"id": pid, "name": entity.name if entity else name})
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "author": article.author,
        "path": article.path,
        "url": article.url,
        "site": article.site,
        "provinces": _named(store, PLACE, article.places),
        "people": people,
    }


def command_list(args: argparse.Namespace) -> int:
    store = load_store(args.paths)
    if not (args.province or args.person or args.query):
        positions = store.order(SortOrder(args.sort))
    else:
        from reader.search import Chip, Query, Searcher

        searcher = Searcher(store)
        chips = [Chip(kind, resolve_entity(searcher, kind, name).id, include_merged=not args.no_merged)
                 for kind, names in ((PLACE, args.province), (PERSON, args.person))
                 for name in names]
        positions = searcher.run(Query(tuple(chips), args.query), SortOrder(args.sort)).positions
    articles = [store.articles[i] for i in positions]
    if args.json:
        print_json([article_json(store, a) for a in articles])
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    title_width = max(20, width - 31)
    for article in articles:
        date = article.date.isoformat() if article.date else "—         "
        title = textwrap.shorten(safe_line(article.title), title_width, placeholder="…")
        print(f"{article.id}  {date}  {title}")
    print(f"{len(articles):,} of {format_count(len(store), 'article')}", file=sys.stderr)
    return 0


def command_show(args: argparse.Namespace) -> int:
    store = load_store(args.paths)
    article = find_article(store, args.id)
    if args.json:
        print_json({**article_json(store, article), "words": article.words,
                    "paragraphs": list(article.paragraphs)})
        return 0
    sys.stdout.write(render_article_text(store, article))
    return 0


def render_article_text(store: Store, article: Article, width: int = 80) -> str:
    """The article as plain text; every line passes through the terminal-safety filter."""
    meta = [article.source, article.date.isoformat() if article.date else None,
            f"by {article.author}" if article.author else None, f"{article.words:,} words"]
    lines = [article.title, " · ".join(m for m in meta if m)]
    places = ", ".join(d["name"] for d in _named(store, PLACE, article.places))
    people = ", ".join(d["name"] for d in article_json(store, article)["people"])
    if places:
        lines.append(f"Places: {places}")
    if people:
        lines.append(f"People: {people}")
    lines.append("")
    for paragraph in article.paragraphs:
        lines.extend(textwrap.wrap(safe_line(paragraph), width) or [""])
        lines.append("")
    return "\n".join(safe_line(line) for line in lines).rstrip() + "\n"


def command_entities(args: argparse.Namespace) -> int:
    store = load_store(args.paths)
    counts = store.facets()
    rows: list[dict[str, Any]] = []
    for (kind, entity_id), entity in store.entities.items():
        count = counts.get((kind, entity_id), 0)
        if count:
            rows.append({"kind": kind, "id": entity_id, "name": entity.name, "count": count})
    rows.sort(key=lambda r: (r["kind"] != PLACE, -int(r["count"]), str(r["name"])))
    if args.json:
        print_json({
            "provinces": [{k: r[k] for k in ("id", "name", "count")} for r in rows if r["kind"] == PLACE],
            "people": [{k: r[k] for k in ("id", "name", "count")} for r in rows if r["kind"] == PERSON],
        })
        return 0
    for row in rows:
        print(f"{row['kind']:<7} {row['count']:>6,}  {safe_line(row['name'])}  ({safe_line(row['id'])})")
    return 0


def run_tui(paths: Sequence[Path]) -> int:
    try:
        from reader.tui.app import run
    except ImportError as error:  # pragma: no cover - only without the runtime dependencies
        raise CommandError(f"the terminal interface is unavailable: {error}") from error
    return run(list(paths))


def _not_a_command(word: str) -> None:
    """A first argument that names nothing: say whether it looks like a mistyped command."""
    if os.path.lexists(word):
        return
    close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
    if close:
        raise CommandError(f"{word!r} is not a command nor a file; did you mean {close[0]}?", USAGE)
    if os.sep not in word and "." not in word:
        raise CommandError(f"{word!r} is not a command ({', '.join(SUBCOMMANDS)}) "
                           "nor a file or folder", USAGE)


def start_interface(arguments: Sequence[str]) -> int:
    """`reader [PATH…]`: every path is checked before the full-screen interface takes over."""
    parser = argparse.ArgumentParser(prog="reader", add_help=False)
    parser.add_argument("--version", action="version", version=VERSION)
    add_paths_argument(parser)
    paths: list[Path] = parser.parse_args(arguments).paths
    if paths:
        _not_a_command(str(paths[0]))
    check_paths(paths)
    return run_tui(paths)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] in (["--version"], ["-V"]):
            print(VERSION)
            return 0
        if (arguments and arguments[0] in SUBCOMMANDS) or arguments[:1] in (["-h"], ["--help"]):
            args = build_parser().parse_args(arguments)
            handlers: dict[str, Callable[[argparse.Namespace], int]] = {
                "list": command_list, "show": command_show, "entities": command_entities}
            if args.command in handlers:
                return handlers[args.command](args)
            if args.command in ("feeds", "fetch"):
                from reader.feeds_cli import run_feeds_command

                return run_feeds_command(args)
            from reader.bookmarks_cli import command_bookmarks

            return command_bookmarks(args)
        return start_interface(arguments)
    except CommandError as error:
        warn(str(error))
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
