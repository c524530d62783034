"""`reader feeds add/list/remove` and `reader fetch`: the command-line face of reader.feeds.

Exit codes: 0 when everything worked, 1 when some feed failed, 2 for a command line that
cannot be carried out as written. Names, addresses and errors come from feeds and servers,
so everything printed goes through the same escape-stripping as the other commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from reader.cli_common import USAGE, add_json_argument
from reader.cli_output import format_count, print_json, warn
from reader.terminal_safe import safe_line

SUCCESS = 0
SOME_FAILED = 1


def add_feeds_parsers(sub: Any) -> None:
    """Register `feeds` (add, list, remove) and `fetch` on the main parser's subparsers."""
    feeds = sub.add_parser("feeds", help="the feeds that `reader fetch` reads",
                           description="Without an action, lists the feeds. The list is a plain text "
                                       "file in the config folder that you can also edit by hand.")
    add_json_argument(feeds, "JSON: an array, a feed a line")
    actions = feeds.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help="subscribe to a feed (an http(s) URL or a local file)")
    add.add_argument("location", metavar="URL", help="the feed's address, or the path of a feed file")
    add.add_argument("--name", default=None, help="a short name (default: from the address)")
    add_json_argument(add, "the feed added as one JSON object", nested=True)
    listing = actions.add_parser("list", help="name, URL, last fetch, articles and last error of each feed")
    add_json_argument(listing, "one JSON array, a feed a line", nested=True)
    remove = actions.add_parser("remove", help="unsubscribe (the articles already fetched are kept)")
    remove.add_argument("feed", metavar="NAME|URL", help="the feed's name or address")
    add_json_argument(remove, "the feed removed as one JSON object", nested=True)
    feeds.set_defaults(run=command_feeds)

    fetch = sub.add_parser("fetch", help="fetch every feed, and the pages of new entries, into the archive")
    fetch.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                       help="give up on a server silent for this long (default 20)")
    fetch.add_argument("--no-pages", action="store_true",
                       help="keep the feeds' own text instead of fetching each new article's page")
    add_json_argument(fetch, "the summary as one JSON object, a feed a line")
    fetch.set_defaults(run=command_fetch)


def run_feeds_command(args: argparse.Namespace) -> int:
    """Dispatch `feeds` or `fetch` once parsed (either sets `run`)."""
    return int(args.run(args))


def _when(iso: str | None) -> str:
    if not iso:
        return "never"
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return "?"


def _feed_rows() -> list[dict[str, Any]]:
    from reader.feeds.state import load_states
    from reader.feeds.subscriptions import load_subscriptions

    subscriptions = load_subscriptions()
    for problem in subscriptions.problems:
        warn(f"feeds file: {problem}")
    states = load_states()
    rows = []
    for feed in subscriptions.feeds:
        state = states.get(feed.location)
        rows.append({
            "name": feed.name, "url": feed.location,
            "last_fetch": state.last_fetch if state else None,
            "last_success": state.last_success if state else None,
            "articles": state.articles if state else 0,
            "last_error": state.last_error if state else None,
            "warning": state.warning if state else None,
        })
    return rows


def _print_feeds(rows: list[dict[str, Any]]) -> None:
    if not rows:
        print("No feeds yet: add one with `reader feeds add URL [--name NAME]`.")
        return
    width = min(24, max(len(row["name"]) for row in rows))
    for row in rows:
        print(f"{safe_line(row['name']):<{width}}  {row['articles']:>6,}  {_when(row['last_fetch']):<16}  "
              f"{safe_line(row['url'])}")
        if row["last_error"]:
            print(f"{'':<{width}}  last error: {safe_line(row['last_error'])}")
        elif row["warning"]:
            print(f"{'':<{width}}  warning: {safe_line(row['warning'])}")


def command_feeds(args: argparse.Namespace) -> int:
    from reader.feeds.subscriptions import add_subscription, remove_subscription

    action = getattr(args, "action", None) or "list"
    if action == "list":
        rows = _feed_rows()
        if args.json:
            print_json(rows)
        else:
            _print_feeds(rows)
        return SUCCESS
    if action == "add":
        try:
            feed = add_subscription(args.location, args.name)
        except ValueError as error:
            warn(f"cannot add the feed: {error}")
            return USAGE
        except OSError as error:
            warn(f"cannot write the feeds file: {error.strerror or error}")
            return SOME_FAILED
        if args.json:
            print_json({"name": feed.name, "url": feed.location})
        else:
            print(f"Added {safe_line(feed.name)}: {safe_line(feed.location)} (fetch it with `reader fetch`)")
        return SUCCESS
    try:
        removed = remove_subscription(args.feed)
    except KeyError:
        warn(f"no feed is named or has the address {args.feed!r} (see `reader feeds list`)")
        return USAGE
    except OSError as error:
        warn(f"cannot write the feeds file: {error.strerror or error}")
        return SOME_FAILED
    if args.json:
        print_json({"name": removed.name, "url": removed.location})
    else:
        print(f"Removed {safe_line(removed.name)} ({safe_line(removed.location)}); "
              "its articles stay in the archive.")
    return SUCCESS


def command_fetch(args: argparse.Namespace) -> int:
    from reader.feeds.fetch import FetchProgress, fetch_all
    from reader.feeds.http import FetchOptions
    from reader.feeds.subscriptions import load_subscriptions

    if args.timeout <= 0:
        warn("--timeout must be more than 0 seconds")
        return USAGE
    subscriptions = load_subscriptions()
    for problem in subscriptions.problems:
        warn(f"feeds file: {problem}")
    if not subscriptions.feeds:
        print("No feeds to fetch: add one with `reader feeds add URL [--name NAME]`.")
        return SUCCESS
    options = FetchOptions(read_timeout=args.timeout, connect_timeout=min(10.0, args.timeout),
                           deadline=max(60.0, 3 * args.timeout), fetch_pages=not args.no_pages)
    total = len(subscriptions.feeds)
    if args.json or not sys.stdout.isatty():
        def plain(progress: FetchProgress) -> None:
            if not args.json:
                print(f"[{progress.done}/{progress.total}] {safe_line(progress.message)}", flush=True)
        summary = fetch_all(subscriptions.feeds, options=options, progress=plain)
    else:
        from rich.markup import escape
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task(f"Fetching {format_count(total, 'feed')}", total=total)

            def rich(progress: FetchProgress) -> None:
                bar.update(task, completed=progress.done, description=escape(safe_line(progress.message)))
            summary = fetch_all(subscriptions.feeds, options=options, progress=rich)
    if args.json:
        print_json({"feeds": len(summary.results), "new_articles": summary.new_articles,
                    "failed": len(summary.failed),
                    "results": [{"name": r.name, "url": r.location, "new": r.new, "entries": r.entries,
                                 "unchanged": r.unchanged, "error": r.error, "warning": r.warning}
                                for r in summary.results]})
    else:
        print(safe_line(summary.line()))
    return SUCCESS if summary.ok else SOME_FAILED
