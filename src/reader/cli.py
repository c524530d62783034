"""The command line: `reader [PATH…]` opens the terminal interface; subcommands print.

Printing never imports Textual, so `reader list --json` stays quick enough for scripts.
Every file that could not be read is reported on stderr, one line each, and the rest loads.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.store import SortOrder, Store

if TYPE_CHECKING:
    from reader.search import Chip, Searcher

SUBCOMMANDS = ("list", "show", "entities", "bookmarks")


def _paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: the bundled articles)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news about Viet Nam's public security. Without a subcommand, "
                    "opens the terminal interface on the given files (or the bundled articles).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = sub.add_parser("list", help="list articles, optionally filtered")
    _paths_argument(listing)
    listing.add_argument("--province", "--place", action="append", default=[], metavar="NAME",
                         help="only articles naming this place (fuzzy; repeat to AND)")
    listing.add_argument("--person", action="append", default=[], metavar="NAME",
                         help="only articles naming this person (fuzzy; repeat to AND)")
    listing.add_argument("--query", default="", metavar="WORDS",
                         help="words of the title or body; !word excludes, 'word is exact")
    listing.add_argument("--no-merged", action="store_true",
                         help="a place does not include the units merged into it in 2025")
    listing.add_argument("--sort", choices=[s.value for s in SortOrder], default="newest")
    listing.add_argument("--json", action="store_true", help="print one JSON array")

    show = sub.add_parser("show", help="print one article")
    show.add_argument("id", help="article id (a unique prefix is enough)")
    _paths_argument(show)

    entities = sub.add_parser("entities", help="places and people with article counts")
    _paths_argument(entities)
    entities.add_argument("--json", action="store_true", help="print one JSON object")

    from reader.bookmarks_cli import add_bookmarks_parser

    add_bookmarks_parser(sub)
    return parser


def _open(paths: Sequence[Path]) -> Store:
    from reader.corpus import open_store

    store = open_store(paths)
    for skipped in store.skipped:
        print(f"reader: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    return store


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


def _fail(message: str, code: int = 2) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return code


def _chips(store: Store, searcher: Searcher, args: argparse.Namespace) -> list[Chip] | str:
    from reader.search import Chip

    chips = []
    for kind, names in ((PLACE, args.province), (PERSON, args.person)):
        for name in names:
            entity = searcher.resolve(kind, name)
            if entity is None:
                close = [s.name for s in searcher.suggest(name, limit=3) if s.kind == kind]
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                word = "place" if kind == PLACE else "person"
                return f"no {word} matches {name!r}{hint}"
            chips.append(Chip(kind, entity.id, include_merged=not args.no_merged))
    return chips


def print_json_array(items: Iterable[dict[str, Any]]) -> None:
    """One JSON array, an item per line: readable, greppable, and fast to write (the
    indenting encoder is pure Python and was most of the time of a large listing)."""
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    sys.stdout.write("[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n"))


def command_list(args: argparse.Namespace) -> int:
    store = _open(args.paths)
    if not (args.province or args.person or args.query):
        positions = store.order(SortOrder(args.sort))
    else:
        from reader.search import Query, Searcher

        searcher = Searcher(store)
        chips = _chips(store, searcher, args)
        if isinstance(chips, str):
            return _fail(chips)
        positions = searcher.run(Query(tuple(chips), args.query), SortOrder(args.sort)).positions
    articles = [store.articles[i] for i in positions]
    if args.json:
        print_json_array(article_json(store, a) for a in articles)
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    for article in articles:
        date = article.date.isoformat() if article.date else "—         "
        title_width = max(20, width - 31)
        title = textwrap.shorten(article.title, title_width, placeholder="…")
        print(f"{article.id}  {date}  {title}")
    print(f"{len(articles)} of {len(store)} articles", file=sys.stderr)
    return 0


def _find(store: Store, prefix: str) -> Article | str:
    exact = store.get(prefix)
    if exact:
        return exact
    found = [a for a in store.articles if a.id.startswith(prefix.lower())]
    if len(found) == 1:
        return found[0]
    if not found:
        return f"no article has id {prefix!r}"
    return f"{prefix!r} matches {len(found)} articles; give more of the id"


def command_show(args: argparse.Namespace) -> int:
    store = _open(args.paths)
    article = _find(store, args.id)
    if isinstance(article, str):
        return _fail(article, 1)
    print(render_article_text(store, article))
    return 0


def render_article_text(store: Store, article: Article, width: int = 80) -> str:
    meta = [article.source, article.date.isoformat() if article.date else None,
            f"by {article.author}" if article.author else None, f"{article.words} words"]
    lines = [article.title, " · ".join(m for m in meta if m)]
    places = ", ".join(d["name"] for d in _named(store, PLACE, article.places))
    people = ", ".join(d["name"] for d in article_json(store, article)["people"])
    if places:
        lines.append(f"Places: {places}")
    if people:
        lines.append(f"People: {people}")
    lines.append("")
    for paragraph in article.paragraphs:
        lines.extend(textwrap.wrap(paragraph, width) or [""])
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def command_entities(args: argparse.Namespace) -> int:
    store = _open(args.paths)
    counts = store.facets()
    rows: list[dict[str, Any]] = []
    for (kind, entity_id), entity in store.entities.items():
        count = counts.get((kind, entity_id), 0)
        if count:
            rows.append({"kind": kind, "id": entity_id, "name": entity.name, "count": count})
    rows.sort(key=lambda r: (r["kind"] != PLACE, -int(r["count"]), str(r["name"])))
    if args.json:
        grouped = {
            "provinces": [r for r in rows if r["kind"] == PLACE],
            "people": [r for r in rows if r["kind"] == PERSON],
        }
        for items in grouped.values():
            for item in items:
                del item["kind"]
        print(json.dumps(grouped, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['kind']:<7} {row['count']:>5}  {row['name']}  ({row['id']})")
    return 0


def run_tui(paths: Sequence[Path]) -> int:
    try:
        from reader.tui.app import run
    except ImportError as error:  # pragma: no cover - only without the runtime dependencies
        return _fail(f"the terminal interface is unavailable: {error}", 1)
    return run(list(paths))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if (arguments and arguments[0] in SUBCOMMANDS) or arguments[:1] in (["-h"], ["--help"]):
            args = build_parser().parse_args(arguments)
            handlers = {"list": command_list, "show": command_show,
                        "entities": command_entities}
            if args.command in handlers:
                return handlers[args.command](args)
            from reader.bookmarks_cli import command_bookmarks

            return command_bookmarks(args)
        tui = argparse.ArgumentParser(prog="reader", add_help=False)
        _paths_argument(tui)
        return run_tui(tui.parse_args(arguments).paths)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
