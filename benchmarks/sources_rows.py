"""The rows of sources.py (web pages, the archive, fetching) inside `make bench`.

sources.py prints its own tables; this runs its three parts with sizes that keep a plain
`make bench` short (the issue's sizes with `--full`), prints what they print, and keeps the
text for results.json. A part that fails is reported and the others still run.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import sources


@dataclass(slots=True, frozen=True)
class Sizes:
    rounds: int
    """Rounds over the fixture pages for the extraction speed."""
    archive: int
    """Articles in the archive and in the plain-text floor."""
    feeds: int


QUICK = Sizes(rounds=5, archive=1_000, feeds=50)
FULL = Sizes(rounds=20, archive=10_000, feeds=50)


def run_sources(sizes: Sizes) -> str:
    """Each part's printed table, printed when the part ends, and all of them as one text."""
    parts = (("extraction", lambda _: sources.bench_extraction(sizes.rounds)),
             ("archive", lambda folder: sources.bench_archive(sizes.archive, folder)),
             ("fetch", lambda _: sources.bench_fetch(sizes.feeds)))
    text: list[str] = []
    for name, part in parts:
        captured = io.StringIO()
        with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(captured):
            try:
                part(Path(folder))
            except Exception:  # a broken part must not cost the rest of the run
                print(f"\n{name}: not measured\n{traceback.format_exc(limit=3)}")
        text.append(captured.getvalue().strip("\n"))
        print("\n" + text[-1], flush=True)
    return "\n\n".join(text)
