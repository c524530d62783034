"""The orders the list can be sorted in: apart from the store, so that the first screen (the
last start's list, drawn before the store's modules are loaded) can name its order."""

from __future__ import annotations

from enum import Enum


class SortOrder(Enum):
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"

    @property
    def label(self) -> str:
        return {"newest": "newest first", "oldest": "oldest first", "title": "title"}[self.value]

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]
