"""Names that some article mentions are offered before names that none does, however well
the typed text matches the latter (`long` is Vĩnh Long word for word, but no article
names it)."""

from __future__ import annotations

from reader.search import Searcher


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
