"""`reader bookmarks …` end to end through `main`, with the data dir in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from reader.bookmarks import Bookmark, BookmarkStore
from reader.bookmarks_cli import render_markdown
from reader.cli import main

FIELDS = ["id", "title", "date", "path", "note", "created"]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    """The bundled articles, newest first, as `reader list --json` gives them."""
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    articles: list[dict[str, str]] = json.loads(out)
    return articles


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    code, out, _ = run(capsys, "bookmarks", "--json")
    assert code == 0
    items: list[dict[str, str]] = json.loads(out)
    return items


def one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_empty_list(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "bookmarks")
    assert (code, out) == (0, "")
    assert "no bookmarks yet" in err
    assert listed(capsys) == []


def test_add_by_prefix_records_the_article(data: Path, capsys: pytest.CaptureFixture[str],
                                           corpus: list[dict[str, str]]) -> None:
    first = corpus[0]
    code, out, _ = run(capsys, "bookmarks", "add", first["id"][:6])
    assert code == 0
    assert out.startswith(f"bookmarked: {first['id']}")
    [item] = listed(capsys)
    assert list(item) == FIELDS
    assert {k: item[k] for k in ("id", "title", "date", "path")} == {
        k: first[k] for k in ("id", "title", "date", "path")}
    assert item["note"] == ""
    code, out, _ = run(capsys, "bookmarks", "add", first["id"])
    assert code == 0 and out.startswith("already bookmarked")
    assert len(listed(capsys)) == 1
    assert (data / "bookmarks.sqlite3").exists()


def test_listing_is_newest_first_with_notes(data: Path, capsys: pytest.CaptureFixture[str],
                                            corpus: list[dict[str, str]]) -> None:
    older, newer = corpus[3], corpus[1]
    assert run(capsys, "bookmarks", "add", older["id"], "--note", "read again")[0] == 0
    assert run(capsys, "bookmarks", "add", newer["id"])[0] == 0
    code, out, err = run(capsys, "bookmarks", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(newer["id"]) and lines[1].startswith(older["id"])
    assert lines[2].strip() == "> read again"
    assert "2 bookmarks" in err


def test_add_unknown_or_ambiguous_id_fails_in_one_line(data: Path, capsys: pytest.CaptureFixture[str],
                                                        corpus: list[dict[str, str]]) -> None:
    code, _, err = run(capsys, "bookmarks", "add", "ffffffffffffffff0")
    assert code == 1
    assert one_line_error(err) == "reader: no article has id 'ffffffffffffffff0'"
    shared = [c for c, n in Counter(a["id"][0] for a in corpus).items() if n > 1]
    if shared:
        code, _, err = run(capsys, "bookmarks", "add", shared[0])
        assert code == 1
        assert "give more of the id" in one_line_error(err)
    assert listed(capsys) == []


def test_a_bookmark_outlives_its_article_file(data: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "raid.txt").write_text("Police raid in Hanoi\n\nThe police of Hà Nội raided a shop.")
    _, out, _ = run(capsys, "list", "--json", str(folder))
    [article] = json.loads(out)
    assert run(capsys, "bookmarks", "add", article["id"], str(folder))[0] == 0
    (folder / "raid.txt").unlink()
    [item] = listed(capsys)
    assert (item["id"], item["title"]) == (article["id"], "Police raid in Hanoi")
    assert item["path"].endswith("raid.txt")


def test_remove_and_note_take_a_prefix_of_a_bookmark(data: Path, capsys: pytest.CaptureFixture[str],
                                                     corpus: list[dict[str, str]]) -> None:
    target = corpus[2]["id"]
    run(capsys, "bookmarks", "add", target)
    code, out, _ = run(capsys, "bookmarks", "note", target[:5], "worth", "a", "second", "look")
    assert (code, out.strip()) == (0, f"note saved: {target}")
    assert listed(capsys)[0]["note"] == "worth a second look"
    assert run(capsys, "bookmarks", "note", target)[0] == 0
    assert listed(capsys)[0]["note"] == ""
    code, out, _ = run(capsys, "bookmarks", "remove", target[:5])
    assert code == 0 and out.startswith(f"removed: {target}")
    assert listed(capsys) == []
    for action in (("remove", target), ("note", target, "text")):
        code, _, err = run(capsys, "bookmarks", *action)
        assert code == 1
        assert one_line_error(err) == f"reader: no bookmark has id {target!r}"


def _bookmark_two(capsys: pytest.CaptureFixture[str], corpus: list[dict[str, str]]) -> None:
    assert run(capsys, "bookmarks", "add", corpus[0]["id"], "--note", "first line\nsecond line")[0] == 0
    assert run(capsys, "bookmarks", "add", corpus[4]["id"])[0] == 0


def test_export_markdown_is_a_readable_report(data: Path, capsys: pytest.CaptureFixture[str],
                                              corpus: list[dict[str, str]]) -> None:
    _bookmark_two(capsys, corpus)
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "md")
    assert code == 0
    assert out.startswith("# Bookmarks\n")
    assert f"## {corpus[0]['title']}\n" in out
    assert f"- Date: {corpus[0]['date']}\n" in out
    assert f"- Source: `{corpus[0]['path']}`\n" in out
    assert "> first line\n> second line\n" in out
    assert "- Date: unknown\n" in out  # the undated article
    assert out.index(corpus[4]["title"]) < out.index(corpus[0]["title"])


def test_markdown_escapes_titles_but_keeps_notes_as_written() -> None:
    text = render_markdown([Bookmark("id1", "Police *seize* [fake] goods #2", "/a`b.txt", None,
                                     "see **this**", "2025-01-01T00:00:00+00:00")])
    assert "## Police \\*seize\\* \\[fake\\] goods \\#2\n" in text
    assert "> see **this**\n" in text
    assert "`/a'b.txt`" in text


def test_export_csv_has_a_header_and_a_row_each(data: Path, capsys: pytest.CaptureFixture[str],
                                                corpus: list[dict[str, str]]) -> None:
    _bookmark_two(capsys, corpus)
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "csv")
    assert code == 0
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == FIELDS
    rows = list(reader)
    assert [r["id"] for r in rows] == [corpus[4]["id"], corpus[0]["id"]]
    assert rows[1]["note"] == "first line\nsecond line"
    assert rows[0]["date"] == ""


def test_export_json_to_a_file_replaces_it_whole(data: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 corpus: list[dict[str, str]]) -> None:
    _bookmark_two(capsys, corpus)
    target = tmp_path / "out" / "bookmarks.json"
    target.parent.mkdir()
    target.write_text("an older export that is longer than the new one " * 100)
    code, out, err = run(capsys, "bookmarks", "export", "--format", "json", "-o", str(target), "--force")
    assert (code, out) == (0, "")
    assert f"wrote 2 bookmarks to {target}" in err
    items = json.loads(target.read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [b["id"] for b in listed(capsys)]
    assert list(items[0]) == FIELDS
    assert sorted(p.name for p in target.parent.iterdir()) == ["bookmarks.json"]


def test_export_to_a_missing_folder_fails_in_one_line(data: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nowhere" / "x.md"
    code, out, err = run(capsys, "bookmarks", "export", "-o", str(target))
    assert (code, out) == (1, "")
    assert one_line_error(err).startswith(f"reader: cannot write {target}: ")
    assert not target.parent.exists()


def test_a_damaged_store_is_reported_and_the_command_still_works(data: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data.mkdir()
    (data / "bookmarks.sqlite3").write_bytes(b"definitely not sqlite" * 50)
    code, out, err = run(capsys, "bookmarks", "--json")
    assert (code, json.loads(out)) == (0, [])
    assert "moved aside" in one_line_error(err)
    assert len(list(data.glob("bookmarks.sqlite3.damaged-*"))) == 1


def test_changes_are_refused_when_they_cannot_be_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str],
                                                       corpus: list[dict[str, str]]) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "a-file" / "data"))
    code, _, err = run(capsys, "bookmarks", "add", corpus[0]["id"])
    assert code == 1
    assert "Traceback" not in err
    warning, failure = err.strip().splitlines()
    assert warning.startswith("reader: bookmarks will not be saved: ")
    assert failure == "reader: nothing was changed"
    code, out, err = run(capsys, "bookmarks", "--json")
    assert (code, json.loads(out)) == (0, [])
    assert "will not be saved" in err


def test_the_cli_and_the_store_share_one_database(data: Path, capsys: pytest.CaptureFixture[str],
                                                  corpus: list[dict[str, str]]) -> None:
    with BookmarkStore.open() as store:
        store.add("0123456789abcdef", "Added elsewhere", "/elsewhere.txt", "2020-02-02")
        run(capsys, "bookmarks", "add", corpus[1]["id"])
        assert store.ids() == {"0123456789abcdef", corpus[1]["id"]}
    assert [i["id"] for i in listed(capsys)] == [corpus[1]["id"], "0123456789abcdef"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_json_is_honoured_before_and_after_the_action(data: Path, capsys: pytest.CaptureFixture[str],
                                                      corpus: list[dict[str, str]], where: str) -> None:
    assert run(capsys, "bookmarks", "add", corpus[0]["id"])[0] == 0
    args = ("bookmarks", "--json", "list") if where == "before" else ("bookmarks", "list", "--json")
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == [corpus[0]["id"]]
