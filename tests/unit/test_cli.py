from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

FIELDS = {"id", "title", "date", "source", "author", "path", "url", "site", "provinces", "people"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == 5
    for item in items:
        assert set(item) == FIELDS
        assert item["date"] is None or len(item["date"]) == 10
        for entry in item["provinces"] + item["people"]:
            assert set(entry) == {"id", "name"}
    first = items[0]
    assert first["date"] == "2026-01-22"
    assert first["provinces"] == [{"id": "ha-noi", "name": "Hà Nội"}]
    assert first["people"] == [{"id": "luong-tam-quang", "name": "Lương Tam Quang"}]
    assert items[-1]["date"] is None


@pytest.mark.parametrize(("args", "expected"), [
    (("--person", "tam quang"), 4),
    (("--person", "Lê Hoài Trung"), 1),
    (("--person", "le hoai trung"), 1),
    (("--province", "hanoi"), 4),
    (("--province", "Hà Nội", "--person", "luong cuong"), 1),
    (("--query", "cybercrime"), 2),
])
def test_list_filters(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: int) -> None:
    code, out, _ = run(capsys, "list", "--json", *args)
    assert code == 0
    assert len(json.loads(out)) == expected


def test_unknown_place_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "list", "--province", "atlantis")
    assert code == 2
    assert "no place matches 'atlantis'" in err
    assert "Traceback" not in err


def test_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list")
    assert code == 0
    assert len(out.strip().splitlines()) == 5
    assert "5 of 5 articles" in err


def test_show_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list", "--json", "--person", "le hoai trung")
    article_id = json.loads(out)[0]["id"]
    code, text, _ = run(capsys, "show", article_id[:6])
    assert code == 0
    assert text.startswith("Public Security Central Party Committee rolls out")
    assert "People: Lương Tam Quang, Lê Hoài Trung, Lê Quốc Hùng" in text
    assert max(len(line) for line in text.splitlines()[4:]) <= 80


def test_show_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "ffffffffffff")
    assert code == 1
    assert "no article has id" in err


def test_entities_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"id": "ha-noi", "name": "Hà Nội", "count": 4} in data["provinces"]
    people = {p["id"]: p["count"] for p in data["people"]}
    assert people["luong-tam-quang"] == 4
    assert people["to-lam"] == 1


def test_bad_files_are_skipped_with_a_reason(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Police in Hanoi meet\n\nThe police of Hà Nội met.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "latin.txt").write_bytes("Cà Mau police\n\nCà Mau officers met.".encode("cp1258"))
    (tmp_path / "escapes.md").write_text("\x1b[2J\x1b]0;pwned\x07Title about police\n\n[bold]x[/] in Hue.")
    (tmp_path / "copy.txt").write_text("Police in Hanoi meet\n\nThe police of Hà Nội met.")
    code, out, err = run(capsys, "list", "--json", str(tmp_path))
    assert code == 0
    items = json.loads(out)
    # good.txt and copy.txt hold the same text: the first in walking order loads.
    assert sorted(Path(i["path"]).name for i in items) == ["copy.txt", "escapes.md", "latin.txt"]
    assert "empty.txt: empty file" in err
    assert "binary.txt: binary file" in err
    assert "good.txt: same text as" in err
    assert "\x1b" not in out
    escaped = next(i for i in items if i["path"].endswith("escapes.md"))
    assert escaped["title"] == "Title about police"
    assert "Traceback" not in err
