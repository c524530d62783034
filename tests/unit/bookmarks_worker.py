"""A second copy of the reader for test_bookmarks.py: run as a script in a child process.

    add DB PREFIX COUNT     open once, say "ready", wait for a line on stdin, add COUNT bookmarks
    reopen DB PREFIX COUNT  say "ready", wait, then open, add one and close, COUNT times
    toggle DB ID            open, toggle ID on, say "done", then wait to be killed
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from reader.bookmarks import BookmarkStore
from reader.ingest.article import Article


def article(article_id: str) -> Article:
    return Article(id=article_id, path=f"/corpus/{article_id}.txt", title=f"Title {article_id}",
                   date=dt.date(2025, 1, 2), source=None, author=None, dateline=None,
                   text=b"Body.", places=(), people=(), person_names=())


def main(argv: list[str]) -> int:
    mode, db = argv[0], Path(argv[1])
    if mode == "toggle":
        store = BookmarkStore.open(db)
        assert store.toggle(article(argv[2]))
        print("done", flush=True)
        time.sleep(600)
        return 0
    prefix, count = argv[2], int(argv[3])
    if mode == "add":
        store = BookmarkStore.open(db)
        print("ready", flush=True)
        sys.stdin.readline()
        for i in range(count):
            store.add(f"{prefix}{i:03}", f"Title {prefix}{i}", f"/corpus/{prefix}{i}.txt", None)
            store.list()
        store.close()
    else:
        print("ready", flush=True)
        sys.stdin.readline()
        for i in range(count):
            with BookmarkStore.open(db) as store:
                assert store.persistent, store.warnings
                assert not store.warnings, store.warnings
                store.add(f"{prefix}{i:03}", f"Title {prefix}{i}", f"/corpus/{prefix}{i}.txt", None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
