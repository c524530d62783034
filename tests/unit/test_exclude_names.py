"""`!` before a whole name leaves out every spelling of it, as `hanoi` finds every spelling;
`!` before anything else (a plain word, part of a name) leaves out that word only."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.entities.recognise import PLACE
from reader.search import Chip, Query, Searcher, parse_terms
from reader.store import Store

HANOI = (PLACE, "ha-noi")


def ids(searcher: Searcher, text: str, chips: tuple[Chip, ...] = ()) -> set[str]:
    store = searcher.store
    return {store.articles[p].id for p in searcher.run(Query(chips, text)).positions}


def everything(store: Store) -> set[str]:
    return {a.id for a in store.articles}


@pytest.mark.parametrize("typed", ["!hanoi", "!ha noi", "!Hà Nội", "!HA NOI"])
def test_an_excluded_name_leaves_out_every_spelling(searcher: Searcher, seed_store: Store,
                                                    typed: str) -> None:
    """The articles left are exactly those `hanoi` does not find, the same as a `not` chip."""
    named = ids(searcher, "hanoi")
    assert 0 < len(named) < len(seed_store)
    assert ids(searcher, typed) == everything(seed_store) - named
    assert ids(searcher, typed) == ids(searcher, "", (Chip(*HANOI, include_merged=False,
                                                           exclude=True),))
    assert parse_terms(typed, searcher.whole_name).excluded_names == (HANOI,)
    assert parse_terms(typed, searcher.whole_name).excluded == ()


def test_leaving_out_the_spelling_alone_would_keep_other_spellings(searcher: Searcher,
                                                                    seed_store: Store) -> None:
    """Read word by word (as without a name lookup), `!hanoi` kept articles that write
    Hà Nội another way: what the issue found. The name reading keeps none of them."""
    by_word = parse_terms("!hanoi")
    assert by_word.excluded == ("hanoi",) and by_word.excluded_names == ()
    spelled = {seed_store.articles[p].id for p in seed_store.with_word("hanoi", prefix=False)}
    assert (everything(seed_store) - spelled) & ids(searcher, "hanoi")
    assert not ids(searcher, "!hanoi") & ids(searcher, "hanoi")


def test_the_words_after_the_name_stay_plain_words(searcher: Searcher) -> None:
    terms = parse_terms("!ha noi police", searcher.whole_name)
    assert terms.excluded_names == (HANOI,)
    assert terms.words == ("police",)
    assert ids(searcher, "!ha noi police") == ids(searcher, "police") - ids(searcher, "hanoi")


def test_a_plain_word_is_excluded_as_a_word(searcher: Searcher, seed_store: Store) -> None:
    terms = parse_terms("!congress", searcher.whole_name)
    assert terms.excluded == ("congress",) and terms.excluded_names == ()
    with_word = {seed_store.articles[p].id for p in seed_store.with_word("congress", prefix=False)}
    assert with_word
    assert ids(searcher, "!congress") == everything(seed_store) - with_word


def test_part_of_a_name_is_a_word(searcher: Searcher, seed_store: Store) -> None:
    """`ha` begins Hà Nội, Hà Nam, Hà Tĩnh…: no one name, so the word is what goes."""
    terms = parse_terms("!ha", searcher.whole_name)
    assert terms.excluded == ("ha",) and terms.excluded_names == ()
    with_word = {seed_store.articles[p].id for p in seed_store.with_word("ha", prefix=False)}
    assert ids(searcher, "!ha") == everything(seed_store) - with_word


def test_two_names_that_tie_name_neither(searcher: Searcher) -> None:
    """`ha n` could be Hà Nội or Hà Nam: `!ha` is a word and `n` a plain word."""
    terms = parse_terms("!ha n", searcher.whole_name)
    assert terms.excluded_names == ()
    assert terms.excluded == ("ha",) and terms.words == ("n",)


def test_a_name_with_a_typo_is_still_a_name(searcher: Searcher) -> None:
    terms = parse_terms("!luong tam quan", searcher.whole_name)
    assert terms.excluded_names == (("person", "luong-tam-quang"),)


def test_the_cli_query_follows(capsys: pytest.CaptureFixture[str], searcher: Searcher) -> None:
    assert main(["list", "--json", "--query", "!ha noi"]) == 0
    listed = {item["id"] for item in json.loads(capsys.readouterr().out)}
    assert listed == ids(searcher, "!hanoi")
    assert not listed & ids(searcher, "hanoi")


def test_part_of_one_persons_name_is_words(searcher: Searcher) -> None:
    """`tam quang` is only ever Lương Tam Quang, but it is not his whole name: `!` then
    leaves out the word, so an exclusion never reaches further than what was typed."""
    terms = parse_terms("!tam quang", searcher.whole_name)
    assert terms.excluded_names == ()
    assert terms.excluded == ("tam",) and terms.words == ("quang",)
