"""The CLI's views of a result: export formats, date periods and co-occurrence."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def dates(capsys: pytest.CaptureFixture[str], *args: str) -> list[str | None]:
    code, out, err = run(capsys, "list", "--json", *args)
    assert code == 0, err
    return [item["date"] for item in json.loads(out)]


def test_csv_export_has_a_header_and_an_article_a_row(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5
    assert rows[0]["date"] == "2026-01-22"
    assert rows[0]["provinces"] == "Hà Nội"
    assert rows[1]["people"].split("; ")[0] == "Lương Tam Quang"
    assert rows[-1]["date"] == ""


def test_markdown_export_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--format", "md", "--person", "tam quang")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "| date | title | places | people | id |"
    assert len(lines) == 2 + 4
    assert all(line.startswith("| ") and line.endswith("` |") for line in lines[2:])


def test_since_and_until_take_the_whole_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert dates(capsys, "--since", "2025") == ["2026-01-22", "2025-11-12"]
    assert dates(capsys, "--until", "2024-12") == ["2024-12-12", "2023-12-21"]
    assert dates(capsys, "--since", "2024-12-13", "--until", "2025-11-12") == ["2025-11-12"]


def test_date_tokens_in_the_query_narrow_by_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert dates(capsys, "--query", "2025") == ["2025-11-12"]
    assert dates(capsys, "--query", "<2024") == ["2023-12-21"]
    assert dates(capsys, "--query", "security 2024-01..2025-12") == ["2025-11-12", "2024-12-12"]


def test_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "--since", "2025-13")
    assert code == 2
    assert "is not a date" in err


def test_with_lists_who_appears_with_a_person(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", "--with", "tam quang", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["entity"] == {"kind": "person", "id": "luong-tam-quang", "name": "Lương Tam Quang",
                              "count": 4}
    people = {row["id"]: row["count"] for row in data["people"]}
    assert "luong-tam-quang" not in people
    assert people["le-quoc-hung"] == 2
    assert {row["id"]: row["count"] for row in data["provinces"]} == {"ha-noi": 3}


def test_with_counts_inside_the_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", "--with", "tam quang", "--since", "2025", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["entity"]["count"] == 2
    assert {row["id"] for row in data["people"]} == {"le-quoc-hung", "le-hoai-trung"}


def test_with_takes_a_place_as_well(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", "--with", "hanoi")
    assert code == 0
    assert out.splitlines()[0] == "Hà Nội (place): 4 articles"


def test_with_an_unknown_name_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "entities", "--with", "xyzzy qq")
    assert code == 2
    assert "no person or place matches 'xyzzy qq'" in err


def test_entities_count_within_a_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", "--until", "2024", "--json")
    data = json.loads(out)
    assert code == 0
    assert {row["id"]: row["count"] for row in data["provinces"]} == {"ha-noi": 2}


def test_a_period_includes_both_of_its_ends(capsys: pytest.CaptureFixture[str]) -> None:
    assert dates(capsys, "--query", "2024-12-12..2025-11-12") == ["2025-11-12", "2024-12-12"]


def test_a_malformed_line_of_the_users_people_file_is_named_and_the_rest_loads(
        capsys: pytest.CaptureFixture[str]) -> None:
    from reader.paths import config_dir

    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "people.tsv").write_text(
        "id\tname\tname_en\troles\taliases\n"
        "broken line without tabs\n"
        "tran-thi-mai\tTrần Thị Mai\tTran Thi Mai\tanalyst\t\n", encoding="utf-8")
    code, out, err = run(capsys, "entities", "--json")
    assert code == 0
    assert "people.tsv, line 2:" in err
    json.loads(out)
