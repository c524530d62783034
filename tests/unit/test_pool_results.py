"""What the load pool's workers send back is every field of an article, or a skip's reason.

The workers return plain tuples, not Article objects, and the parent rebuilds the records:
a field left out of the tuple would be lost only in large loads, which these tests cover.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from reader.entities.recognise import Recogniser
from reader.ingest import load
from reader.ingest.article import Article
from reader.ingest.load import Skipped, _packed, _unpacked, load_paths

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


def every_field(article: Article) -> dict[str, object]:
    """All fields, the body included (comparison leaves the body out)."""
    fields = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
    fields["content"] = article.text
    return fields


@pytest.mark.parametrize("date", [dt.date(2025, 11, 9), None])
def test_an_article_comes_back_with_every_field(date: dt.date | None) -> None:
    article = Article("0123456789abcdef", "/news/a.txt", "Tiêu đề", date, "Công an", "Minh Châu",
                      "HÀ NỘI", "Đoạn một.\n\nĐoạn hai.".encode(), ("ha-noi", "hue"),
                      ("to-lam",), ("Tô Lâm",), "https://news.example/a", "Báo Công an")
    assert every_field(_unpacked("/news/a.txt", _packed(article))) == every_field(article)


def test_a_skipped_file_comes_back_with_its_reason() -> None:
    assert _unpacked("/news/b.txt", _packed(Skipped("/news/b.txt", "empty"))) == \
        Skipped("/news/b.txt", "empty")


def test_a_pooled_load_equals_one_process_field_by_field(
        tmp_path: Path, recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(30):
        (tmp_path / f"{number:03d}.txt").write_text(
            f"Cảnh sát Huế bắt nghi phạm số {number}\n\nHUẾ - Ngày 9/11/2025, Đại tá Nguyễn "
            f"Văn Hùng cho biết vụ án thứ {number} ở Đà Nẵng đã được khởi tố.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    for page in sorted(WEB.glob("*.html"))[:3]:
        shutil.copy(page, tmp_path / page.name)
    one = load_paths([tmp_path], recogniser, workers=1)
    monkeypatch.setattr(load, "PARALLEL_FROM", 10)
    pooled = load_paths([tmp_path], recogniser, workers=2)
    assert [every_field(a) for a in pooled.articles] == [every_field(a) for a in one.articles]
    assert pooled.skipped == one.skipped
    assert any(a.url for a in one.articles) and any(a.date for a in one.articles)
    assert any("empty" in s.path for s in one.skipped)
