"""Interface figures: time to the first screen with the list, and keystroke to new list.

Each is measured in a fresh headless process (tui_probe.py) beside a bare Textual app
measured the same way in the same run: most of a Textual app's start is importing Textual.
The reader's figure is warm: the parse cache was filled by the loads measured before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from timing import Figure, child_env, percentile

PROBE = Path(__file__).resolve().parent / "tui_probe.py"


def _probe(*args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True,
                          env=child_env(), timeout=900, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def interface(folder: Path, repeats: int) -> dict[str, Figure]:
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
