"""Interface figures: time to the first screen with the list, and keystroke to new list.

Two harnesses, each beside a bare Textual app (one line and an Input) measured the same way
in the same run. The judge is tmux_probe.py: the installed `reader` in a real terminal,
keys sent with tmux and the screen polled until it stops changing, as a user sees it. The
headless probe (tui_probe.py, Textual's Pilot) is kept for comparison; its floor is mostly
Pilot's own waiting. The reader's figures are warm: the loads measured before filled the
parse cache.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from timing import Figure, child_env, percentile

from reader.tui.screens.main import PANE_AFTER_TYPING

HERE = Path(__file__).resolve().parent
PROBE = HERE / "tui_probe.py"
TMUX_PROBE = HERE / "tmux_probe.py"


def _probe(*args: str, script: Path = PROBE) -> dict[str, object]:
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                          env=child_env(), timeout=900, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _samples(runs: list[dict[str, object]], key: str) -> list[float]:
    """Latencies of the keys that changed the screen (a space may change nothing visible)."""
    return [float(k) for run in runs for k in run[key] if k > 0]  # type: ignore[attr-defined]


def terminal(folder: Path, repeats: int) -> dict[str, Figure]:
    """The tmux rows: the installed reader against the bare app, alternating runs."""
    if shutil.which("tmux") is None:
        print("tmux is missing: the terminal rows are not measured", file=sys.stderr)
        return {}
    readers, bares = [], []
    # A start that is not timed: the rows are for a warm start, and only a start writes the
    # first screen the next one paints while loading (a corpus just generated has none).
    _probe("reader", str(folder), script=TMUX_PROBE)
    for _ in range(repeats):
        bares.append(_probe("bare", script=TMUX_PROBE))
        readers.append(_probe("reader", str(folder), script=TMUX_PROBE))
    first = min(float(r["first"]) for r in readers)  # type: ignore[arg-type]
    listed = min(float(r["list"]) for r in readers)  # type: ignore[arg-type]
    bare_first = min(float(b["first"]) for b in bares)  # type: ignore[arg-type]
    words = _samples(readers, "first_word") or [float("nan")]
    bare_words = _samples(bares, "first_word")
    lost = [str(r["lost_keys"]) for r in readers if r.get("lost_keys")]
    if lost:
        print(f"keys typed right after the list showed went missing: {lost}", file=sys.stderr)
    keys = _samples(readers, "list_keys")
    screens = _samples(readers, "keys")
    bare_keys = _samples(bares, "keys")
    note = f"tmux {len(keys)} keys typing a name; floor: bare app + Input, same harness"
    screen_note = (f"tmux {len(screens)} keys; the reading pane follows {PANE_AFTER_TYPING} s "
                   "after the typing pauses; floor: bare app + Input")
    return {
        "term-list": Figure(listed, bare_first, note=f"tmux, warm; {listed - bare_first:+.2f} s "
                                                     "over the bare app's first paint; the "
                                                     "last start's titles while loading"),
        "term-first": Figure(first, bare_first, note=f"tmux, warm; {first - bare_first:+.2f} s "
                                                     "over the bare app's first paint; the "
                                                     "real list, filter bar ready"),
        "term-first-word": Figure(max(words), max(bare_words),
                                  note="typed as the list shows; last key to the right count"
                                       + (f"; {len(lost)} run(s) lost keys" if lost else "")),
        "term-key-p50": Figure(percentile(keys, 0.5), percentile(bare_keys, 0.5), note=note),
        "term-key-p95": Figure(percentile(keys, 0.95), percentile(bare_keys, 0.95), note=note),
        "term-screen-p50": Figure(percentile(screens, 0.5), percentile(bare_keys, 0.5),
                                  note=screen_note),
        "term-screen-p95": Figure(percentile(screens, 0.95), percentile(bare_keys, 0.95),
                                  note=screen_note),
    }


def interface(folder: Path, repeats: int, headless: bool = True) -> dict[str, Figure]:
    figures = terminal(folder, repeats)
    if headless:
        figures.update(headless_figures(folder, repeats))
    return figures


def headless_figures(folder: Path, repeats: int) -> dict[str, Figure]:
    readers = [_probe("reader", str(folder)) for _ in range(repeats)]
    bares = [_probe("bare") for _ in range(repeats)]
    first = min(float(r["first"]) for r in readers)  # type: ignore[arg-type]
    bare_first = min(float(b["first"]) for b in bares)  # type: ignore[arg-type]
    keys = [k for r in readers for k in r["keys"]]  # type: ignore[attr-defined]
    bare_keys = [k for b in bares for k in b["keys"]]  # type: ignore[attr-defined]
    note = f"headless, warm; {len(keys)} keystrokes typing a name; floor: bare app + Input"
    return {
        "tui-first": Figure(first, bare_first, note="headless, warm cache; floor: bare app "
                                                    "painting one line"),
        "tui-key-p50": Figure(percentile(keys, 0.5), percentile(bare_keys, 0.5), note=note),
        "tui-key-p95": Figure(percentile(keys, 0.95), percentile(bare_keys, 0.95), note=note),
    }
