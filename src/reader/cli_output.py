"""How every command prints: one JSON layout, counts people can read, text the terminal cannot obey.

Strings printed here come from files, notes and paths the user did not write for a terminal;
an escape sequence in one must never change the terminal's colours or title.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from reader.terminal_safe import safe_line


def format_count(count: int, noun: str, plural: str | None = None) -> str:
    """`1 bookmark`, `12,345 articles`: thousands separated, the noun agreeing."""
    return f"{count:,} {noun if count == 1 else (plural or noun + 's')}"


def _dump(value: Any, depth: int) -> str:
    """Containers at the top and in objects open one item or key a line; an array's items
    are written whole on their line, so every listing is greppable the same way."""
    pad = "  " * depth
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [pad + json.dumps(item, ensure_ascii=False) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * max(depth - 1, 0) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = [f"{pad}{json.dumps(key, ensure_ascii=False)}: {_dump(item, depth + 1)}"
                for key, item in value.items()]
        return "{\n" + ",\n".join(keys) + "\n" + "  " * max(depth - 1, 0) + "}"
    return json.dumps(value, ensure_ascii=False)


def format_json(value: Any) -> str:
    """Every `--json` and JSON export: an array is one item a line; an object one key a line,
    its arrays again one item a line. JSON escapes control characters itself."""
    return _dump(value, 0) + "\n"


def print_json(value: Any) -> None:
    sys.stdout.write(format_json(value))


def warn(message: str) -> None:
    """One line on stderr, prefixed like every other message of the command."""
    print(f"reader: {safe_line(message)}", file=sys.stderr)
