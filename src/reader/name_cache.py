"""The name table of a set of articles, saved beside the word index: a warm start reads it
(0.1 s at 100,000 articles) instead of building it from every entity (0.4 s, and seconds at
a million), and the first word typed needs it.

The table is a function of the store's entities and their article counts, which are a
function of the articles' texts (their ids digest them), the parser, the gazetteer and the
code that builds store and table: the key digests all of these, and a table saved under
another key is built again. A file that cannot be read only costs that build.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from reader.atomic import write_bytes
from reader.ingest.cache import code_fingerprint
from reader.search import NameTable
from reader.store import Store

FORMAT = 1
_SOURCES = ("search.py", "store.py", "name_cache.py")
"""The modules, beside those of the parse cache's fingerprint, that decide what a table holds."""


def key_of(store: Store) -> str:
    code = hashlib.blake2b(digest_size=16)
    for name in _SOURCES:
        code.update((Path(__file__).parent / name).read_bytes())
    digest = hashlib.blake2b(digest_size=16)
    digest.update(code_fingerprint(store.gazetteer.fingerprint, code.hexdigest()).encode())
    digest.update("\n".join(article.id for article in store.articles).encode("utf-8", "replace"))
    return digest.hexdigest()


def load(path: Path, key: str) -> NameTable | None:
    """The saved table if it was saved under this key; None if not, or if it cannot be read."""
    try:
        data = pickle.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("key") == key:
            return NameTable.from_parts(data["parts"])
    except Exception:
        pass
    return None


def save(path: Path, key: str, table: NameTable) -> None:
    """Best effort, like the parse cache: a failed write only costs a build later."""
    data = pickle.dumps({"format": FORMAT, "key": key, "parts": table.parts()},
                        protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, data)
    except OSError:
        pass
