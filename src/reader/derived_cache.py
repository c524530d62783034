"""What a start derives from its articles' records, saved for the next start of the same
articles: the store's indexes and entities, and the name table the filter bar matches.

At 100,000 articles a warm start read both in about 0.2 s instead of building them in
0.9 s (ten times that at a million), before the list could be used. They are a function of
the articles' texts (their ids digest them, in order), the parser, the gazetteer and the
code of the store and the search: the key digests all of these, and what was saved under
another key is built again. A file that cannot be read only costs that build.

The name table has a file of its own, under the same key: a command that never searches
(`reader list`) reads the indexes only, and does not hold 40 MB of names at 100,000
articles that it has no use for.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.atomic import write_bytes
from reader.entities.gazetteer import Gazetteer
from reader.ingest.article import Article
from reader.ingest.cache import code_fingerprint
from reader.store import Indexes, Store, entity_of

if TYPE_CHECKING:
    # Only their types: a command that never searches does not import the matcher.
    from reader.search import NameParts, NameTable

FORMAT = 2
_SOURCES = ("search.py", "store.py", "derived_cache.py")
"""The modules, beside those of the parse cache's fingerprint, that decide what is saved."""

EntityFields = tuple[str, str, str, tuple[str, ...], str]


@dataclass(slots=True)
class Derived:
    """What was found saved for one list of articles, and where and under which key to
    save what a start builds instead."""

    path: Path
    key: str
    indexes: Indexes | None = None

    @property
    def names_path(self) -> Path:
        """Beside the indexes: `names-…` for `derived-…`."""
        return self.path.with_name("names-" + self.path.name.removeprefix("derived-"))


def key_of(articles: Sequence[Article], gazetteer: Gazetteer) -> str:
    code = hashlib.blake2b(digest_size=16)
    for name in _SOURCES:
        code.update((Path(__file__).parent / name).read_bytes())
    digest = hashlib.blake2b(digest_size=16)
    digest.update(code_fingerprint(gazetteer.fingerprint, code.hexdigest()).encode())
    digest.update("\n".join(article.id for article in articles).encode("utf-8", "replace"))
    return digest.hexdigest()


def open_derived(path: Path, articles: Sequence[Article], gazetteer: Gazetteer) -> Derived:
    """What the file holds for these articles: nothing if it was saved for others, or
    cannot be read. The name table is read when asked for (`read_names`)."""
    derived = Derived(path, key_of(articles, gazetteer))
    data = _read(path, derived.key)
    if data is not None:
        try:
            places, people, entities = data["store"]
            derived.indexes = (places, people, {(fields[0], fields[1]): entity_of(*fields)
                                                for fields in entities})
        except Exception:
            derived.indexes = None
    return derived


def read_names(derived: Derived) -> NameParts | None:
    """The name table saved for the same articles, or None."""
    data = _read(derived.names_path, derived.key)
    return None if data is None else data.get("names")


def _read(path: Path, key: str) -> dict[str, Any] | None:
    try:
        data = pickle.loads(path.read_bytes())
    except Exception:
        return None
    if isinstance(data, dict) and data.get("format") == FORMAT and data.get("key") == key:
        return data
    return None


def save(derived: Derived, store: Store) -> None:
    """The store's indexes under the derived key. Best effort, like the parse cache: a
    failed write only costs a build later."""
    places, people, entities = store.indexes()
    fields: list[EntityFields] = [(e.kind, e.id, e.name, e.keys, e.detail)
                                  for e in entities.values()]
    _write(derived.path, {"format": FORMAT, "key": derived.key, "store": (places, people, fields)})


def save_names(derived: Derived, table: NameTable) -> None:
    _write(derived.names_path, {"format": FORMAT, "key": derived.key, "names": table.parts()})


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
