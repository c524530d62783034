"""The archive: written once, atomically, never duplicated by URL, GUID or text, read back whole."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.entities.recognise import Recogniser
from reader.feeds.archive import Archive, Record, archive_dir, clean_again, read_archived, write_once
from reader.ingest.clean import clean_text
from reader.ingest.html import Page, extract_page, page_article

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
STORY = ("Police in Hà Nội detained three people who sold fake medicine online to buyers in Hải Phòng.",
         "Colonel Nguyen Thanh Tung said the group had used stolen identity papers.")


def _record(url: str | None = "https://news.example/a", guid: str | None = "g-1",
            paragraphs: tuple[str, ...] = STORY, **extra: object) -> Record:
    return Record(url=url, title="Fake medicine sellers held", paragraphs=paragraphs,
                  date=dt.date(2025, 5, 2), author="Minh Chau", site="News Example", guid=guid,
                  feed="https://news.example/rss", **extra)  # type: ignore[arg-type]


def test_a_committed_record_reads_back_as_an_article(recogniser: Recogniser) -> None:
    archive = Archive()
    assert archive.folder == archive_dir()
    assert archive.commit([_record()]) == [_record()]
    (path,) = archive.article_files()
    article = read_archived(str(path), path.read_bytes(), recogniser)
    assert not isinstance(article, str)
    assert article.title == "Fake medicine sellers held"
    assert article.paragraphs == list(STORY)
    assert (article.date, article.author, article.site, article.url) == (
        dt.date(2025, 5, 2), "Minh Chau", "News Example", "https://news.example/a")
    assert "ha-noi" in article.places and "nguyen-thanh-tung" in article.people
    assert article.path == str(path)


def test_an_archived_page_keeps_the_id_it_has_when_read_as_a_page(recogniser: Recogniser) -> None:
    data = (WEB / "express_police.html").read_bytes()
    page = extract_page("https://e.example/p.html", data, None)
    assert isinstance(page, Page)
    Archive().commit([Record(url=page.url, title=page.title, paragraphs=page.paragraphs, site=page.site)])
    (path,) = Archive().article_files()
    archived = read_archived(str(path), path.read_bytes(), recogniser)
    assert not isinstance(archived, str)
    assert archived.id == page_article("x", page, recogniser).id


@pytest.mark.parametrize("duplicate", [
    _record(),                                                     # same URL
    _record(url="https://news.example/b"),                         # same GUID
    _record(url="https://news.example/c", guid="g-2"),             # same text
    _record(url="https://news.example/d", guid=None),              # same text, no GUID
])
def test_duplicates_by_url_guid_or_text_are_not_written(duplicate: Record) -> None:
    archive = Archive()
    archive.commit([_record()])
    assert archive.commit([duplicate]) == []
    assert len(archive.article_files()) == 1


def test_a_page_known_under_its_feed_link_is_not_fetched_twice() -> None:
    archive = Archive()
    archive.commit([_record(url="https://news.example/canonical", aliases=("https://news.example/?id=7",))])
    keys = archive.keys()
    assert keys.knows(url="https://news.example/?id=7")
    other = _record(url="https://news.example/?id=7", guid="x", paragraphs=("Another text entirely.",))
    assert archive.commit([other]) == []


def test_different_articles_are_all_kept_and_entries_without_links_too() -> None:
    archive = Archive()
    records = [_record(url=f"https://news.example/{n}", guid=f"g{n}", paragraphs=(f"Story number {n}.",))
               for n in range(5)]
    records.append(_record(url=None, guid="no-link", paragraphs=("A story only the feed carries.",)))
    assert len(archive.commit(records)) == 6
    assert len(archive.article_files()) == 6


def test_a_lost_or_damaged_index_is_rebuilt_from_the_files() -> None:
    archive = Archive()
    archive.commit([_record()])
    archive.index_path.write_text("{ damaged")
    assert archive.commit([_record(url="https://news.example/z")]) == []
    archive.index_path.unlink()
    assert archive.commit([_record(url="https://news.example/y", guid="other")]) == []
    assert archive.keys().knows(guid="g-1")
    assert len(archive.article_files()) == 1


def test_a_file_added_behind_the_index_is_seen() -> None:
    archive = Archive()
    archive.commit([_record()])
    other = Archive(archive.folder)
    write_once(archive.folder / "by-hand.json", _record(url="https://news.example/q", guid="q",
                                                        paragraphs=("Other.",)).to_json())
    assert other.keys().knows(guid="q")


def test_write_once_never_replaces_and_a_failed_write_leaves_nothing(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    assert write_once(target, b"first")
    assert not write_once(target, b"second")
    assert target.read_bytes() == b"first"

    def crash(*_: object) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        write_once(tmp_path / "b.json", b"x" * 1000)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_two_writers_at_once_write_each_article_once() -> None:
    records = [_record(url=f"https://news.example/{n}", guid=f"g{n}", paragraphs=(f"Story {n}.",))
               for n in range(30)]
    written: list[int] = []
    start = threading.Barrier(4)

    def commit() -> None:
        start.wait()
        written.append(len(Archive().commit(records)))
    threads = [threading.Thread(target=commit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(written) == 30
    assert len(Archive().article_files()) == 30


def test_stale_temporary_files_are_removed_fresh_ones_kept() -> None:
    archive = Archive()
    archive.folder.mkdir(parents=True)
    old = archive.folder / ".old.json.1234.tmp"
    new = archive.folder / ".new.json.5678.tmp"
    old.write_text("half")
    new.write_text("half")
    os.utime(old, (1, 1))
    archive.commit([_record()])
    assert not old.exists() and new.exists()


@pytest.mark.parametrize(("data", "reason"), [
    (b"{ not json", "damaged archive file"),
    (b'{"title": "x", "text": "y"}', "no format marker"),
    (b'{"format": "reader-archive", "version": 99, "title": "x", "text": "y"}', "unknown version"),
    (b'{"format": "reader-archive", "version": 1, "title": "x", "text": "  "}', "no title or text"),
    (b"[1, 2]", "no format marker"),
])
def test_bad_archive_files_give_reasons(data: bytes, reason: str, recogniser: Recogniser) -> None:
    result = read_archived("f.json", data, recogniser)
    assert isinstance(result, str) and reason in result


def test_an_edited_archive_file_is_cleaned_again(recogniser: Recogniser) -> None:
    document = json.loads(_record().to_json())
    document["title"] = "\x1b[31mRed\x1b[0m [b]title[/b]"
    document["text"] = "Text with \x1b]8;;http://x.invalid\x07a link\x1b]8;;\x07 in it."
    document["date"] = "not a date"
    article = read_archived("f.json", json.dumps(document).encode(), recogniser)
    assert not isinstance(article, str)
    assert article.title == "Red [b]title[/b]"
    assert article.body == "Text with a link in it."
    assert article.date is None


PIECES = ["a", "B", " ", "  ", "\n", "\n\n", "\t", "\r", "&", "&amp;", "&#7897;", "\x1b[31m", "\x1b]8;;x\x07",
          "\x00", "\u00a0", "\u200b", "\u202e", "o\u0302", "ộ", "Hà Nội", "[b]", "\ufeff", "\x9b1m"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_cleaning_again_is_clean_text_whatever_the_file_holds(text: str) -> None:
    assert clean_again(text) == clean_text(text)
