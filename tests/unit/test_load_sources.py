"""Saved web pages and archived articles load beside text files, through the same loader."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from reader.corpus import open_store
from reader.feeds.archive import Archive, Record

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


def test_pages_archive_files_and_text_load_together(tmp_path: Path) -> None:
    shutil.copy(WEB / "express_police.html", tmp_path / "story.html")
    shutil.copy(WEB / "section_index.html", tmp_path / "front.htm")
    (tmp_path / "note.txt").write_text("Police in Đà Nẵng seized a boat.\n\nThe crew was held.")
    (tmp_path / "settings.json").write_text('{"theme": "nord"}')
    archive = Archive(tmp_path / "archive")
    archive.commit([Record(url="https://news.example/a-1", title="Border guards in Lạng Sơn",
                           paragraphs=("Border guards in Lạng Sơn stopped a truck on Monday.",
                                       "Colonel Nguyễn Văn Bình said the case was opened."),
                           date=dt.date(2025, 9, 3), author="Minh Anh", site="Example News")])
    store = open_store([tmp_path])
    by_title = {a.title: a for a in store.articles}
    page = next(a for t, a in by_title.items() if t.startswith("Hanoi police break up"))
    assert page.url and page.url.startswith("https://")
    assert page.site and "ha-noi" in page.places
    archived = by_title["Border guards in Lạng Sơn"]
    assert archived.url == "https://news.example/a-1"
    assert archived.site == "Example News" and archived.author == "Minh Anh"
    assert archived.date == dt.date(2025, 9, 3)
    assert "lang-son" in archived.places
    assert len(store.articles) == 3
    reasons = {Path(s.path).name: s.reason for s in store.skipped}
    assert reasons["front.htm"].startswith("no article text found")
    assert reasons["settings.json"] == "not an archive file (no format marker)"
