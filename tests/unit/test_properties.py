"""Whatever bytes or text arrive, loading never raises and never lets escapes through."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.entities.recognise import Recogniser
from reader.ingest.article import Article
from reader.ingest.load import Skipped, read_article

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(outcome: Article | Skipped) -> None:
    if isinstance(outcome, Article):
        for text in (outcome.title, outcome.body):
            assert "\x1b" not in text and "\x9b" not in text
            assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
        assert outcome.title
    else:
        assert outcome.reason


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_never_raise(recogniser: Recogniser, data: bytes) -> None:
    _check(read_article(Path("x.txt"), data, recogniser))


@SETTINGS
@given(st.text(max_size=2000))
def test_random_unicode_never_raises(recogniser: Recogniser, text: str) -> None:
    _check(read_article(Path("x.txt"), text.encode("utf-8", "surrogatepass"), recogniser))


NEWSY = st.lists(
    st.sampled_from([
        "Hà Nội", "Ha Noi", "HCMC", "Lương Tam Quang", "Colonel", "Nguyễn", "Văn", "Bình", "said",
        "\x1b[31m", "\x1b]8;;x\x07", " date 2024-12-12 ", "—", "\n", "\n\n", "Print", "1 a.jpg",
        "January 22, 2026", "12/11/2025", "[bold]", "Hùng", "•", "  ", "Lâm Đồng", "to", "Lam",
    ]),
    max_size=80,
).map(" ".join)


@SETTINGS
@given(NEWSY)
def test_article_like_text_never_raises(recogniser: Recogniser, text: str) -> None:
    _check(read_article(Path("x.txt"), text.encode("utf-8"), recogniser))
