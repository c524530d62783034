from __future__ import annotations

import pytest

from reader.corpus import open_store
from reader.entities.gazetteer import Gazetteer, load_gazetteer
from reader.entities.recognise import Recogniser
from reader.search import Searcher
from reader.store import Store


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def recogniser(gazetteer: Gazetteer) -> Recogniser:
    return Recogniser(gazetteer)


@pytest.fixture(scope="session")
def seed_store(gazetteer: Gazetteer) -> Store:
    return open_store([], gazetteer)


@pytest.fixture(scope="session")
def searcher(seed_store: Store) -> Searcher:
    return Searcher(seed_store)
