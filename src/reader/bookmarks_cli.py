"""`reader bookmarks …`: list, add, remove, annotate and export bookmarks from a shell.

Only `add` loads articles (to record the title, path and date beside the id); everything else
reads the bookmark database alone, so it stays quick and works when the articles are gone.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader import atomic
from reader.bookmarks import Bookmark, BookmarkError, BookmarkStore
from reader.cli_common import (
    USAGE,
    CommandError,
    add_json_argument,
    add_paths_argument,
    find_article,
    load_store,
)
from reader.cli_output import format_count, format_json, print_json, warn
from reader.id_prefix import PrefixError, resolve_prefix
from reader.terminal_safe import safe_line, safe_text

FORMATS = ("md", "json", "csv")
CHANGES = frozenset({"add", "remove", "note"})
"""Actions that fail outright when the bookmarks cannot be saved, rather than pretend."""


def add_bookmarks_parser(sub: Any) -> None:
    parser = sub.add_parser("bookmarks", help="list, add, remove and export bookmarks",
                            description="Without an action, lists the bookmarks, newest first.")
    add_json_argument(parser, "JSON: an array, a bookmark a line (or the bookmark changed)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    listing = actions.add_parser("list", help="list the bookmarks, newest first (the default)")
    add_json_argument(listing, "one JSON array, a bookmark a line", nested=True)

    add = actions.add_parser("add", help="bookmark an article")
    add.add_argument("id", help="article id (a unique prefix is enough)")
    add_paths_argument(add)
    add.add_argument("--note", default=None, metavar="TEXT", help="a note to keep with it")
    add_json_argument(add, "the bookmark as one JSON object", nested=True)

    remove = actions.add_parser("remove", help="drop a bookmark")
    remove.add_argument("id", help="bookmarked id (a unique prefix is enough)")
    add_json_argument(remove, "the removed bookmark as one JSON object", nested=True)

    note = actions.add_parser("note", help="set or clear the note of a bookmark")
    note.add_argument("id", help="bookmarked id (a unique prefix is enough)")
    note.add_argument("text", nargs="*", metavar="TEXT", help="the note; none clears it")
    add_json_argument(note, "the bookmark as one JSON object", nested=True)

    export = actions.add_parser("export", help="write every bookmark as Markdown, JSON or CSV")
    export.add_argument("--format", choices=FORMATS, default=None,
                        help="md: a readable report (default); json: an array; csv: a table")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here (replaced whole, never half-written) instead of stdout")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_json_argument(export, "the same as --format json", nested=True)


def command_bookmarks(args: argparse.Namespace) -> int:
    handlers: dict[str | None, Callable[[BookmarkStore, argparse.Namespace], int]] = {
        None: _list, "list": _list, "add": _add, "remove": _remove, "note": _note,
        "export": _export,
    }
    store = BookmarkStore.open()
    try:
        for warning in store.warnings:
            warn(warning)
        if args.action in CHANGES and not store.persistent:
            raise CommandError("nothing was changed")
        return handlers[args.action](store, args)
    except BookmarkError as error:
        raise CommandError(str(error)) from error
    finally:
        store.close()


def bookmark_json(bookmark: Bookmark) -> dict[str, str | None]:
    return {"id": bookmark.article_id, "title": bookmark.title, "date": bookmark.date,
            "path": bookmark.path, "note": bookmark.note, "created": bookmark.created}


def _print_one(bookmark: Bookmark, args: argparse.Namespace, done: str) -> int:
    if args.json:
        print_json(bookmark_json(bookmark))
    else:
        print(f"{done}: {bookmark.article_id}  {safe_line(bookmark.title)}")
    return 0


def _list(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmarks = store.list()
    if args.json:
        print_json([bookmark_json(b) for b in bookmarks])
        return 0
    for bookmark in bookmarks:
        print(f"{safe_line(bookmark.article_id)}  {safe_line(bookmark.date or '—         ')}  "
              f"{safe_line(bookmark.title)}")
        for line in bookmark.note.splitlines():
            print(f"{'':18}  > {safe_line(line)}")
    count = len(bookmarks)
    print(format_count(count, "bookmark") if count else "no bookmarks yet", file=sys.stderr)
    return 0


def _resolve(store: BookmarkStore, prefix: str) -> Bookmark:
    """A bookmark from a unique prefix of its id, the same way `show` takes article ids."""
    try:
        bookmark = store.get(resolve_prefix(prefix, store.ids(), "bookmark"))
    except PrefixError as error:
        raise CommandError(str(error)) from error
    if bookmark is None:  # removed by another copy in the meantime
        raise CommandError(f"no bookmark has id {prefix!r}")
    return bookmark


def _add(store: BookmarkStore, args: argparse.Namespace) -> int:
    article = find_article(load_store(args.paths), args.id)
    added = store.add(article.id, article.title, article.path, article.date)
    if args.note is not None:
        store.set_note(article.id, args.note)
    bookmark = store.get(article.id)
    if bookmark is None:
        raise CommandError(f"no bookmark has id {article.id!r}")
    return _print_one(bookmark, args, "bookmarked" if added else "already bookmarked")


def _remove(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmark = _resolve(store, args.id)
    if not store.remove(bookmark.article_id):
        raise CommandError(f"no bookmark has id {args.id!r}")
    return _print_one(bookmark, args, "removed")


def _note(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmark = _resolve(store, args.id)
    text = " ".join(args.text).strip()
    if not store.set_note(bookmark.article_id, text):
        raise CommandError(f"no bookmark has id {args.id!r}")
    changed = store.get(bookmark.article_id) or bookmark
    if args.json:
        print_json(bookmark_json(changed))
        return 0
    print(f"{'note saved' if text else 'note cleared'}: {bookmark.article_id}")
    return 0


def _export(store: BookmarkStore, args: argparse.Namespace) -> int:
    if args.json and args.format not in (None, "json"):
        raise CommandError(f"--json and --format {args.format} ask for different formats", USAGE)
    chosen = args.format or ("json" if args.json else "md")
    bookmarks = store.list()
    render = {"md": render_markdown, "json": render_json, "csv": render_csv}[chosen]
    text = safe_text(render(bookmarks))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    if args.output.exists() and not args.force:
        raise CommandError(f"{args.output} exists; add --force to replace it")
    try:
        atomic.write_text(args.output, text)
    except OSError as error:
        reason = error.strerror.lower() if error.strerror else str(error)
        raise CommandError(f"cannot write {args.output}: {reason}") from error
    warn(f"wrote {format_count(len(bookmarks), 'bookmark')} to {args.output}")
    return 0


def render_json(bookmarks: Sequence[Bookmark]) -> str:
    return format_json([bookmark_json(b) for b in bookmarks])


def render_csv(bookmarks: Sequence[Bookmark]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    fields = ["id", "title", "date", "path", "note", "created"]
    writer.writerow(fields)
    for bookmark in bookmarks:
        row = bookmark_json(bookmark)
        writer.writerow(["" if row[f] is None else row[f] for f in fields])
    return buffer.getvalue()


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def render_markdown(bookmarks: Sequence[Bookmark]) -> str:
    """A report to paste into a document: titles as headings, notes as quotes."""
    lines = ["# Bookmarks", "", f"{format_count(len(bookmarks), 'bookmark')}, newest first.", ""]
    for bookmark in bookmarks:
        path = bookmark.path.replace("`", "'")
        lines += [f"## {bookmark.title.translate(_MARKDOWN_SPECIAL)}", "",
                  f"- Date: {bookmark.date or 'unknown'}",
                  f"- Source: `{path}`",
                  f"- Id: `{bookmark.article_id}`",
                  f"- Bookmarked: {bookmark.created}", ""]
        if bookmark.note:
            lines += [f"> {line}".rstrip() for line in bookmark.note.splitlines()]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
