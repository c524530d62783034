"""The user's people.tsv: good lines load, each bad line gives a warning naming file and line."""

from __future__ import annotations

from pathlib import Path

from reader.entities.gazetteer import load_gazetteer
from reader.entities.recognise import Recogniser


def test_a_malformed_line_is_named_and_the_rest_loads(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "id\tname\tname_en\troles\taliases\n"
        "vo-van-a\tVõ Văn A\tVo Van A\tlawyer\t\n"
        "just one field\n"
        "\tNo Id Here\n"
        "Bad Id\tBad Person\n"
        "x\ty\tz\tw\tv\textra\n"
        "# a comment\n"
        "\n"
        "ksor-nhon\tKsor Nhôn\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(extra_people=people)
    assert "vo-van-a" in gazetteer.people and "ksor-nhon" in gazetteer.people
    assert len(gazetteer.warnings) == 4
    for line, warning in zip((3, 4, 5, 6), gazetteer.warnings, strict=True):
        assert f"{people}, line {line}:" in warning
    assert "no name" in gazetteer.warnings[0]
    assert "no id" in gazetteer.warnings[1]
    assert "lower-case" in gazetteer.warnings[2]
    assert "6 tab-separated fields" in gazetteer.warnings[3]
    assert [p for p in Recogniser(gazetteer).recognise("Ksor Nhôn spoke.").people] == \
        [("ksor-nhon", "Ksor Nhôn")]


def test_a_file_without_a_header_is_read_in_the_bundled_order(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text("tran-b\tTrần B\tTran B\n", encoding="utf-8")
    gazetteer = load_gazetteer(extra_people=people)
    assert gazetteer.people["tran-b"].name == "Trần B"
    assert gazetteer.warnings == []


def test_a_file_that_is_not_text_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_bytes(b"id\tname\n\xff\xfe\x00bad")
    gazetteer = load_gazetteer(extra_people=people)
    assert len(gazetteer.warnings) == 1 and "not UTF-8" in gazetteer.warnings[0]
    assert "to-lam" in gazetteer.people


def test_the_fingerprint_follows_the_user_file(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text("id\tname\nvo-van-a\tVõ Văn A\n", encoding="utf-8")
    before = load_gazetteer(extra_people=people).fingerprint
    people.write_text("id\tname\nvo-van-b\tVõ Văn B\n", encoding="utf-8")
    assert load_gazetteer(extra_people=people).fingerprint != before
