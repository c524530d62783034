"""Typed-filter details a mutation run showed no test would notice breaking: a one-letter
exclusion or exact word, and how a many-word name is scored."""

from __future__ import annotations

import pytest

from reader.search import name_score, parse_terms


def test_a_one_letter_exclusion_and_exact_word_keep_their_operator() -> None:
    terms = parse_terms("!x 'y z")
    assert terms.excluded == ("x",)
    assert terms.exact == ("y",)
    assert terms.words == ("z",)


def test_a_near_miss_many_word_name_scores_the_average_of_its_words() -> None:
    score = name_score(["le", "hoai", "trang"], ["le", "hoai", "trung"])
    assert 90.0 < score < 100.0


def test_a_name_with_one_word_far_off_scores_no_more_than_the_words_before_it() -> None:
    assert name_score(["le", "abcd", "trung"], ["le", "abxy", "trung"]) == pytest.approx(100.0 / 3)
