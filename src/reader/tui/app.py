"""Placeholder until the terminal interface lands."""

from __future__ import annotations

from pathlib import Path


def run(paths: list[Path]) -> int:
    from reader.corpus import open_store

    store = open_store(paths)
    print(f"reader: {len(store)} articles loaded; the interface is coming. Try `reader list`.")
    return 0
