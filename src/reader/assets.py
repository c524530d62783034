"""Where the bundled corpus and gazetteers are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "assets"
_CHECKOUT = Path(__file__).resolve().parents[2] / "assets"


def assets_dir() -> Path:
    """The wheel carries the assets inside the package; an editable install uses the repo's."""
    for candidate in (_PACKAGED, _CHECKOUT):
        if (candidate / "places.tsv").is_file():
            return candidate
    raise FileNotFoundError("the bundled assets (places.tsv) are missing from this install")


def bundled_corpus() -> Path:
    return assets_dir() / "corpus"
