"""`reader bookmarks …`: list, add, remove, annotate and export bookmarks from a shell.

Only `add` loads articles (to record the title, path and date beside the id); everything else
reads the bookmark database alone, so it stays quick and works when the articles are gone.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader import atomic, cli
from reader.bookmarks import Bookmark, BookmarkError, BookmarkStore

FORMATS = ("md", "json", "csv")
CHANGES = frozenset({"add", "remove", "note"})
"""Actions that fail outright when the bookmarks cannot be saved, rather than pretend."""


def add_bookmarks_parser(sub: Any) -> None:
    parser = sub.add_parser("bookmarks", help="list, add, remove and export bookmarks",
                            description="Without an action, lists the bookmarks, newest first.")
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    listing = actions.add_parser("list", help="list the bookmarks, newest first (the default)")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print one JSON array")

    add = actions.add_parser("add", help="bookmark an article")
    add.add_argument("id", help="article id (a unique prefix is enough)")
    cli._paths_argument(add)
    add.add_argument("--note", default=None, metavar="TEXT", help="a note to keep with it")

    remove = actions.add_parser("remove", help="drop a bookmark")
    remove.add_argument("id", help="bookmarked id (a unique prefix is enough)")

    note = actions.add_parser("note", help="set or clear the note of a bookmark")
    note.add_argument("id", help="bookmarked id (a unique prefix is enough)")
    note.add_argument("text", nargs="*", metavar="TEXT", help="the note; none clears it")

    export = actions.add_parser("export", help="write every bookmark as Markdown, JSON or CSV")
    export.add_argument("--format", choices=FORMATS, default="md",
                        help="md: a readable report (default); json: an array; csv: a table")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here (replaced whole, never half-written) instead of stdout")


class _Failure(Exception):
    """One line for stderr, then exit code 1."""


def command_bookmarks(args: argparse.Namespace) -> int:
    handlers: dict[str | None, Callable[[BookmarkStore, argparse.Namespace], int]] = {
        None: _list, "list": _list, "add": _add, "remove": _remove, "note": _note,
        "export": _export,
    }
    store = BookmarkStore.open()
    try:
        for warning in store.warnings:
            print(f"reader: {warning}", file=sys.stderr)
        if args.action in CHANGES and not store.persistent:
            raise _Failure("nothing was changed")
        return handlers[args.action](store, args)
    except (_Failure, BookmarkError) as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()


def bookmark_json(bookmark: Bookmark) -> dict[str, str | None]:
    return {"id": bookmark.article_id, "title": bookmark.title, "date": bookmark.date,
            "path": bookmark.path, "note": bookmark.note, "created": bookmark.created}


def _list(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmarks = store.list()
    if args.json:
        print(json.dumps([bookmark_json(b) for b in bookmarks], ensure_ascii=False, indent=2))
        return 0
    for bookmark in bookmarks:
        print(f"{bookmark.article_id}  {bookmark.date or '—         '}  {bookmark.title}")
        for line in bookmark.note.splitlines():
            print(f"{'':18}  > {line}")
    count = len(bookmarks)
    print(f"{count} bookmark{'' if count == 1 else 's'}" if count else "no bookmarks yet",
          file=sys.stderr)
    return 0


def _resolve(store: BookmarkStore, prefix: str) -> str:
    """A bookmarked id from a unique prefix of it, the same way `show` takes article ids."""
    ids = store.ids()
    if prefix in ids:
        return prefix
    found = [i for i in ids if i.startswith(prefix.lower())]
    if len(found) == 1:
        return found[0]
    if not found:
        raise _Failure(f"no bookmark has id {prefix!r}")
    raise _Failure(f"{prefix!r} matches {len(found)} bookmarks; give more of the id")


def _add(store: BookmarkStore, args: argparse.Namespace) -> int:
    article = cli._find(cli._open(args.paths), args.id)
    if isinstance(article, str):
        raise _Failure(article)
    added = store.add(article.id, article.title, article.path, article.date)
    if args.note is not None:
        store.set_note(article.id, args.note)
    print(f"{'bookmarked' if added else 'already bookmarked'}: {article.id}  {article.title}")
    return 0


def _remove(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmark = store.get(_resolve(store, args.id))
    if bookmark is None or not store.remove(bookmark.article_id):
        raise _Failure(f"no bookmark has id {args.id!r}")
    print(f"removed: {bookmark.article_id}  {bookmark.title}")
    return 0


def _note(store: BookmarkStore, args: argparse.Namespace) -> int:
    article_id = _resolve(store, args.id)
    text = " ".join(args.text).strip()
    if not store.set_note(article_id, text):
        raise _Failure(f"no bookmark has id {args.id!r}")
    print(f"{'note saved' if text else 'note cleared'}: {article_id}")
    return 0


def _export(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmarks = store.list()
    render = {"md": render_markdown, "json": render_json, "csv": render_csv}[args.format]
    text = render(bookmarks)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic.write_text(args.output, text)
    except OSError as error:
        reason = error.strerror.lower() if error.strerror else str(error)
        raise _Failure(f"cannot write {args.output}: {reason}") from error
    count = len(bookmarks)
    print(f"wrote {count} bookmark{'' if count == 1 else 's'} to {args.output}", file=sys.stderr)
    return 0


def render_json(bookmarks: Sequence[Bookmark]) -> str:
    return json.dumps([bookmark_json(b) for b in bookmarks], ensure_ascii=False, indent=2) + "\n"


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
    count = len(bookmarks)
    lines = ["# Bookmarks", "", f"{count} bookmark{'' if count == 1 else 's'}, newest first.", ""]
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
