"""The command line: `reader [PATH…]` opens the terminal interface; subcommands print.

Printing never imports Textual, so `reader list --json` stays quick enough for scripts.
Every file that could not be read is reported on stderr, one line each, and the rest loads.
A word that is neither a command nor a file is an error, never an empty interface.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.analysis.dateranges import DateRange, span
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
from reader.cli_entry import SUBCOMMANDS, WEB_PREFIXES
from reader.cli_output import format_count, print_json, warn
from reader.entities.recognise import PERSON, PLACE
from reader.ingest.article import Article
from reader.store import SortOrder, Store

if TYPE_CHECKING:
    from reader.analysis.facets import FacetCount
from reader.terminal_safe import safe_line

VERSION = f"reader {__version__}"
DATE_SHAPE = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")


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
    _add_filter_arguments(listing)
    listing.add_argument("--sort", choices=[s.value for s in SortOrder], default="newest")
    _add_period_arguments(listing)
    listing.add_argument("--format", choices=EXPORT_FORMATS, default="text",
                         help="text (default), json, csv or md: the result in that form")
    add_json_argument(listing, "one JSON array, an article a line (same as --format json)")

    show = sub.add_parser("show", help="print one article")
    show.add_argument("id", help="article id (a unique prefix is enough)")
    add_paths_argument(show)
    add_json_argument(show, "one JSON object")

    entities = sub.add_parser("entities", help="places and people with article counts")
    add_paths_argument(entities)
    entities.add_argument("--with", dest="together", metavar="NAME",
                          help="who and what appears in the same articles as this person or place")
    _add_filter_arguments(entities)
    _add_period_arguments(entities)
    add_json_argument(entities, "one JSON object: provinces and people, an entry a line")

    from reader.bookmarks_cli import add_bookmarks_parser
    from reader.feeds_cli import add_feeds_parsers

    add_bookmarks_parser(sub)
    add_feeds_parsers(sub)
    return parser


EXPORT_FORMATS = ("text", "json", "csv", "md")


def _add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--province", "--place", action="append", default=[], metavar="NAME",
                        help="only articles naming this place (fuzzy; repeat to AND)")
    parser.add_argument("--person", action="append", default=[], metavar="NAME",
                        help="only articles naming this person (fuzzy; repeat to AND)")
    parser.add_argument("--query", default="", metavar="WORDS",
                        help="words of the title or body; !word excludes, 'word is exact; "
                             "date tokens (2025, 2025-07..2025-09, >2025-01-15, <2024) narrow by date")
    parser.add_argument("--no-merged", action="store_true",
                        help="a place does not include the units merged into it in 2025")


def _add_period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="only articles dated on or after "
                        "DATE (2025, 2025-07 or 2025-07-14: the start of that period)")
    parser.add_argument("--until", metavar="DATE", help="only articles dated on or before "
                        "DATE (2025, 2025-07 or 2025-07-14: the end of that period)")


def _period(args: argparse.Namespace) -> DateRange | None:
    """The period --since and --until ask for (date tokens in --query are the searcher's)."""
    period: DateRange | None = None
    for option, bound in (("since", 0), ("until", 1)):
        value = getattr(args, option)
        if value is None:
            continue
        covered = span(value.strip()) if DATE_SHAPE.match(value.strip()) else None
        if covered is None:
            raise CommandError(f"--{option} {value!r} is not a date (write 2025, 2025-07 or "
                               "2025-07-14)", USAGE)
        given = DateRange(covered[0], None) if bound == 0 else DateRange(None, covered[1])
        period = given if period is None else period.intersect(given)
    return period


def select(store: Store, args: argparse.Namespace) -> list[int]:
    """The positions the filter arguments leave, in the asked order: what `list` prints and
    what `entities` counts within."""
    sort = SortOrder(getattr(args, "sort", "newest"))
    period = _period(args)
    text = args.query or ""
    if not (args.province or args.person or text.strip()):
        positions = list(store.order(sort))
    else:
        from reader.corpus import share_saved_names
        from reader.search import Chip, Query, Searcher

        share_saved_names(store)
        searcher = Searcher(store)
        chips = [Chip(kind, resolve_entity(searcher, kind, name).id, include_merged=not args.no_merged)
                 for kind, names in ((PLACE, args.province), (PERSON, args.person))
                 for name in names]
        positions = list(searcher.run(Query(tuple(chips), text), sort).positions)
    if period is not None:
        inside = store.dated_within(period.start, period.end)
        positions = [i for i in positions if i in inside]
    return positions


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
    articles = [store.articles[i] for i in select(store, args)]
    form = "json" if args.json else args.format
    if form == "json":
        print_json([article_json(store, a) for a in articles])
        return 0
    if form in ("csv", "md"):
        from reader.export import articles_csv, articles_markdown

        rows = [article_json(store, a) for a in articles]
        sys.stdout.write(articles_csv(rows) if form == "csv" else articles_markdown(rows))
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


def _entity_rows(rows: Sequence[FacetCount]) -> dict[str, list[dict[str, Any]]]:
    return {
        "provinces": [{"id": r.id, "name": r.name, "count": r.count} for r in rows if r.kind == PLACE],
        "people": [{"id": r.id, "name": r.name, "count": r.count} for r in rows if r.kind == PERSON],
    }


def _resolve_any(store: Store, text: str) -> tuple[str, str]:
    """A person or a place, whichever the name fits better; ambiguity is an error as for
    --province and --person."""
    from reader.search import Searcher

    searcher = Searcher(store)
    scores = searcher.score_entities(text, kinds=(PLACE, PERSON))
    best = {kind: max((v for k, v in scores.items() if k[0] == kind), default=0.0)
            for kind in (PLACE, PERSON)}
    if not scores:
        raise CommandError(f"no person or place matches {text!r}", USAGE)
    order = sorted((PLACE, PERSON), key=lambda kind: -best[kind])
    try:
        entity = resolve_entity(searcher, order[0], text)
    except CommandError:
        if best[order[1]] <= 0:
            raise
        entity = resolve_entity(searcher, order[1], text)
    return entity.kind, entity.id


def command_together(store: Store, args: argparse.Namespace) -> int:
    """`entities --with NAME`: co-occurrence counts within whatever the filters leave."""
    from reader.analysis.facets import FacetIndex

    key = _resolve_any(store, args.together)
    filtered = bool(args.province or args.person or args.query or args.since or args.until)
    subset = set(select(store, args)) if filtered else None
    index = FacetIndex(store)
    rows = index.with_entity(key, subset)
    entity = store.entity(*key)
    name = entity.name if entity else key[1]
    together = index.count_of(key, subset)
    if args.json:
        print_json({"entity": {"kind": key[0], "id": key[1], "name": name, "count": together},
                    **_entity_rows(rows)})
        return 0
    print(f"{safe_line(name)} ({key[0]}): {format_count(together, 'article')}")
    _print_entity_rows(rows)
    return 0


def command_entities(args: argparse.Namespace) -> int:
    store = load_store(args.paths)
    if args.together:
        return command_together(store, args)
    from reader.analysis.facets import FacetIndex

    filtered = bool(args.province or args.person or args.query or args.since or args.until)
    rows = FacetIndex(store).counts(set(select(store, args)) if filtered else None)
    rows.sort(key=lambda r: (r.kind != PLACE, -r.count, r.name))
    if args.json:
        print_json(_entity_rows(rows))
        return 0
    _print_entity_rows(rows)
    return 0


def _print_entity_rows(rows: Sequence[FacetCount]) -> None:
    for row in rows:
        print(f"{row.kind:<7} {row.count:>6,}  {safe_line(row.name)}  ({safe_line(row.id)})")


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
    paths = [_fetched_page(str(p)) if str(p).lower().startswith(WEB_PREFIXES) else p for p in paths]
    if paths:
        _not_a_command(str(paths[0]))
    check_paths(paths)
    return run_tui(paths)


def _fetched_page(given: str) -> Path:
    """`reader URL`: the page fetched once into the archive (or found there), then read from
    the archive like any file; a page that cannot be had is an error before the interface."""
    from reader.feeds.archive import archive_dir, file_name
    from reader.feeds.fetch import fetch_page

    url = given if "://" in given else given.replace(":/", "://", 1)
    record = fetch_page(url)
    if isinstance(record, str):
        raise CommandError(f"cannot read {url}: {record}")
    target = archive_dir() / file_name(record.identity)
    if not target.exists():
        raise CommandError(f"{url} has the same text as an article already archived; "
                           "run `reader` to read it there")
    return target


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
