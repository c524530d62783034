"""Ids are long hex digests; people type the first few characters, as with git commits."""

from __future__ import annotations

from collections.abc import Iterable


class PrefixError(LookupError):
    """No id, or more than one, starts with what was typed; the message says which."""


def resolve_prefix(prefix: str, ids: Iterable[str], what: str = "article") -> str:
    """The one id that equals `prefix` or starts with it (case-insensitive for the prefix).

    `what` names the kind of thing in the message: "no bookmark has id 'ab12'".
    """
    wanted = prefix.strip().lower()
    found: list[str] = []
    for candidate in ids:
        if candidate == prefix:
            return candidate
        if wanted and candidate.startswith(wanted):
            found.append(candidate)
    if len(found) == 1:
        return found[0]
    if not found:
        raise PrefixError(f"no {what} has id {prefix!r}")
    raise PrefixError(f"{prefix!r} matches {len(found):,} {what}s; give more of the id")
