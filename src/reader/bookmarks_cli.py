"""`reader bookmarks …`: filled in by the bookmarks work; registered here so the CLI is whole."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_bookmarks_parser(sub: Any) -> None:
    parser = sub.add_parser("bookmarks", help="list, add, remove and export bookmarks")
    parser.add_argument("--json", action="store_true")


def command_bookmarks(args: argparse.Namespace) -> int:
    print("reader: bookmarks are not available yet", file=sys.stderr)
    return 1
