"""A result as CSV or Markdown, for a spreadsheet or a report (`reader list --format`).

Rows are the same dictionaries `--json` prints, so the three forms always agree. Every
string passes the terminal-safety filter: an export is often printed before it is saved.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from reader.terminal_safe import safe_line

COLUMNS = ("id", "date", "title", "source", "author", "site", "url", "path", "provinces", "people")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(safe_line(str(item["name"])) for item in value)
    return safe_line(str(value))


def articles_csv(rows: Sequence[dict[str, Any]]) -> str:
    """One header line, one article a line; names of places and people joined by `; `."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in COLUMNS])
    return buffer.getvalue()


def _md(text: str) -> str:
    """A table cell: pipes escaped, and nothing that Markdown would read as markup."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def articles_markdown(rows: Sequence[dict[str, Any]]) -> str:
    """A table of date, title, places, people and id: readable as text and as a page."""
    lines = ["| date | title | places | people | id |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        title = _md(_cell(row.get("title")))
        if row.get("url"):
            title = f"[{title}]({_cell(row['url']).replace(')', '%29')})"
        lines.append(f"| {_cell(row.get('date')) or '—'} | {title} | {_md(_cell(row.get('provinces')))} "
                     f"| {_md(_cell(row.get('people')))} | `{_cell(row.get('id'))}` |")
    return "\n".join(lines) + "\n"
