"""Records rebuilt from saved fields (`reader.records`: the parse cache's articles, the saved
entities) are those records in every way: equal, hashed, frozen, copied and pickled like
those the constructor makes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle

import pytest

from reader.ingest.article import Article, restored
from reader.records import rebuilder
from reader.store import Entity, entity_of

FIELDS = ("0123456789abcdef", "/articles/a.txt", "Border guards in Lạng Sơn", dt.date(2025, 9, 3),
          "VNA", "Minh Anh", "LANG SON", b"Border guards stopped a truck.",
          ("lang-son",), ("nguyen-van-binh",), ("Nguyễn Văn Bình",), "https://news.example/a",
          "Example News")


def test_a_restored_article_is_the_article_the_constructor_makes() -> None:
    made, back = Article(*FIELDS), restored(*FIELDS)
    assert type(back) is Article
    assert back == made and hash(back) == hash(made) and repr(back) == repr(made)
    assert [getattr(back, f.name) for f in dataclasses.fields(Article)] == \
        [getattr(made, f.name) for f in dataclasses.fields(Article)]
    assert back.text == made.text and back.body == made.body


def test_a_restored_article_is_frozen_and_copies_like_any_other() -> None:
    back = restored(*FIELDS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.title = "changed"  # type: ignore[misc]
    moved = dataclasses.replace(back, path="/elsewhere/a.txt")
    assert moved.path == "/elsewhere/a.txt" and moved.title == back.title
    assert pickle.loads(pickle.dumps(back)) == back


def test_saved_entities_are_rebuilt_as_entities() -> None:
    made = Entity("person", "luong-tam-quang", "Lương Tam Quang", ("luong tam quang",), "minister")
    back = entity_of("person", "luong-tam-quang", "Lương Tam Quang", ("luong tam quang",), "minister")
    assert type(back) is Entity and back == made and hash(back) == hash(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.name = "changed"  # type: ignore[misc]


def test_only_dataclasses_of_slots_alone_are_rebuilt() -> None:
    @dataclasses.dataclass(frozen=True)
    class WithoutSlots:
        name: str

    with pytest.raises(TypeError):
        rebuilder(WithoutSlots)
