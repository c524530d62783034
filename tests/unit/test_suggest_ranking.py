"""Names that some article mentions are offered before names that none does, however well
the typed text matches the latter (`long` is Vĩnh Long word for word, but no article
names it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.search import Searcher, first_ranked


def test_long_offers_luong_tam_quang_before_vinh_long(searcher: Searcher) -> None:
    offered = searcher.suggest("long", limit=20)
    names = [s.name for s in offered]
    assert names.index("Lương Tam Quang") < names.index("Vĩnh Long")
    assert offered[0].count > 0
    counts = [s.count for s in offered]
    first_zero = counts.index(0)
    assert all(c == 0 for c in counts[first_zero:]), "no mentioned name after an unmentioned one"


def test_score_still_orders_names_with_articles(searcher: Searcher) -> None:
    """Among mentioned names the better match comes first, whatever the counts."""
    names = [s.name for s in searcher.suggest("cuong")]
    assert names[:2] == ["Lương Cường", "Lương Tam Quang"]


@given(ranks=st.lists(st.tuples(st.booleans(), st.integers(-3, 0), st.integers(-3, 0)),
                      max_size=40),
       names=st.lists(st.sampled_from(["An", "Ba", "Bình", "Cư"]), min_size=40, max_size=40),
       limit=st.integers(0, 12))
def test_the_first_ranked_are_those_a_full_sort_puts_first(
        ranks: list[tuple[bool, int, int]], names: list[str], limit: int) -> None:
    """Ties on rank and on name are common here (few values): the cut must drop none."""
    looked_up: list[int] = []

    def name(number: int) -> str:
        looked_up.append(number)
        return names[number]

    full = sorted(range(len(ranks)), key=lambda n: (ranks[n], names[n], n))[:limit]
    assert first_ranked(ranks, name, limit) == full
    if full and len(ranks) > limit:
        worst = max(ranks[n] for n in full)
        assert all(ranks[n] <= worst for n in looked_up), "names looked up past the cut"
