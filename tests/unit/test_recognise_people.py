"""People the gazetteer does not list: each class of name, with sentences that must and must not
name a person."""

from __future__ import annotations

import pytest

from reader.entities.recognise import PERSON, PLACE, Recogniser


def people(recogniser: Recogniser, text: str) -> list[str]:
    return list(dict.fromkeys(m.entity_id for m in recogniser.mentions(text) if m.kind == PERSON))


def places(recogniser: Recogniser, text: str) -> list[str]:
    return list(dict.fromkeys(m.entity_id for m in recogniser.mentions(text) if m.kind == PLACE))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Family names missing from the old list, with and without diacritics.
        ("Police questioned Cấn Văn Thắng on Monday.", ["can-van-thang"]),
        ("Police questioned Khuat Duy Tien on Monday.", ["khuat-duy-tien"]),
        ("The court heard Phí Thị Hạnh and Nông Văn Dìn.", ["phi-thi-hanh", "nong-van-din"]),
        ("Lo Van Panh and Luong Thi Hien were fined.", ["lo-van-panh", "luong-thi-hien"]),
        # Two syllables are enough for a family name that starts no place.
        ("Officers said Quách Tuấn had fled.", ["quach-tuan"]),
        ("Officers said Vuong Khoa had fled.", ["vuong-khoa"]),
        # Hmong: Family A Given, Family Thị Given.
        ("Border guards caught Giàng A Páo and Sùng Thị Mỷ.", ["giang-a-pao", "sung-thi-my"]),
        ("Border guards caught Vang Seo Chu near the border.", ["vang-seo-chu"]),
        # Dao. Ban Van Son is three English words: only a title makes it a name.
        ("Police detained Tẩn Láo Lở and Captain Ban Van Son.", ["tan-lao-lo", "ban-van-son"]),
        # Central Highlands: Y, H', clans first.
        ("Y Kông Niê and H'Nhi Niê were questioned.", ["y-kong-nie", "h-nhi-nie"]),
        ("Nay Y Lang, Ksor Nhon, Siu Den and Ro Cham Hung were held.",
         ["nay-y-lang", "ksor-nhon", "siu-den", "ro-cham-hung"]),
        ("Rah Lan Chung and Kpă Thuyên testified.", ["rah-lan-chung", "kpa-thuyen"]),
        # Family names that begin place names: a person with a name's shape.
        ("Hà Văn Tuấn was arrested in Hà Nam.", ["ha-van-tuan"]),
        ("Cao Minh Duc of Cao Bang was charged.", ["cao-minh-duc"]),
        ("Lâm Thị Hoa moved to Lâm Đồng.", ["lam-thi-hoa"]),
        ("Police said Colonel Cao Lanh had retired.", ["cao-lanh"]),
        ("Deputy Head Ha Tuan spoke.", ["ha-tuan"]),
        # Context marks any name: roles in any case, ages, `named`, nationality.
        ("The suspect Zhang Wei was caught at the border.", ["zhang-wei"]),
        ("South Korean national Park Ji-hoon was deported.", ["park-ji-hoon"]),
        ("Park Ji-hoon, 38, was deported.", ["park-ji-hoon"]),
        ("A Chinese man named Chen Ming was held.", ["chen-ming"]),
        ("US Ambassador Marc E. Knapper met the minister.", ["marc-e-knapper"]),
        ("lawyer David Kerr said the appeal would go ahead.", ["david-kerr"]),
        ("Mr. Zhang Wei and Dr. Anna Schmidt testified.", ["zhang-wei", "anna-schmidt"]),
        ("Sok Dara (41) was arrested.", ["sok-dara"]),
        # Lists after a plural role.
        ("the late ministers Tran Dai Nghia, Le Hong Son and Pham Tam Long",
         ["tran-dai-nghia", "le-hong-son", "pham-tam-long"]),
        ("suspects Li Jun, Wang Hao and Somphone Keo", ["li-jun", "wang-hao", "somphone-keo"]),
        # Scraping damage and capitals.
        ("Police detainedTran Van Long in the morning.", ["tran-van-long"]),
        ("Police arrestedY Kong Nie at dawn.", ["y-kong-nie"]),
        ("POLICE ARREST NGUYEN VAN HUNG IN HA NOI", ["nguyen-van-hung"]),
        ("Court reports name Nguyễn Văn A and Trần Thị B.", ["nguyen-van-a", "tran-thi-b"]),
    ],
)
def test_people_are_found(recogniser: Recogniser, text: str, expected: list[str]) -> None:
    assert people(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Things named after people.
        "He lives on Nguyen Van Cu Street.",
        "The Phan Chau Trinh High School and Ton Duc Thang University reopened.",
        "She won the Tran Van On Award and gave to the Nguyen Duc Canh Fund.",
        "Traffic on Vo Van Kiet Avenue and Pham Van Dong Bridge was slow.",
        "Crowds visited the Ho Chi Minh Mausoleum.",
        "Residents of Nguyen Du Ward and Tran Hung Dao Ward complained.",
        # Places shaped like names.
        "The boat left Phan Thiet for Ly Son Island.",
        "Police in Hoang Mai district and Ha Long Bay patrolled.",
        # Family-name-like words that begin places, without a name's shape.
        "Ha Nam and Cao Bang are provinces.",
        "Markets in Thai Hoa, Cao Lanh and La Gi reopened.",
        # English words that are Vietnamese syllables.
        "Can Man Long Hang Ten?",
        "Long Son Tan Van Dam",
        "Nay Can Long",
        "Police detained Ban Van Son.",
        # Roles that are ordinary words when capitalised, before ordinary words.
        "General Water Supply and Major Road Works.",
        "Head Office Manager",
        # Organisations after a role.
        "The Director of the Provincial Police Department attended.",
        "Deputy Minister of Public Security spoke.",
        # A role word that ends a sentence is not a cue for the next one.
        "They thanked her son. Long Spring Festival followed.",
        # `named` without a person noun before it.
        "a project named Green Future",
        # An age after one word, or a year that is not an age.
        "Section B, 12, and Ward 5, 13, were closed.",
    ],
)
def test_no_person(recogniser: Recogniser, text: str) -> None:
    assert people(recogniser, text) == []


def test_a_thing_named_after_a_person_does_not_hide_the_person(recogniser: Recogniser) -> None:
    text = "Students of Le Quy Don High School honoured Le Quy Don, the scholar Le Quy Don."
    assert "le-quy-don" in people(recogniser, text)


def test_a_place_followed_by_a_thing_word_is_the_thing(recogniser: Recogniser) -> None:
    assert places(recogniser, "She studied at Ha Noi University.") == []
    assert places(recogniser, "She studied at Ha Noi University in Ha Noi.") == ["ha-noi"]


def test_initials_and_no_initials_are_one_person(recogniser: Recogniser) -> None:
    text = "US Ambassador Marc E. Knapper met police. Ambassador Marc Knapper said so."
    assert recogniser.recognise(text).people == (("marc-e-knapper", "Marc E. Knapper"),)


def test_a_foreign_name_repeated_without_its_cue_is_the_same_person(recogniser: Recogniser) -> None:
    text = "The suspect Park Ji-hoon fled. Later, Park Ji-hoon was caught. Marc Knapper spoke."
    spans = [(text[m.start:m.end], m.entity_id) for m in recogniser.mentions(text) if m.kind == PERSON]
    assert spans == [("Park Ji-hoon", "park-ji-hoon"), ("Park Ji-hoon", "park-ji-hoon")]


def test_glued_place(recogniser: Recogniser) -> None:
    text = "Police in Nghe AnMore news"
    assert places(recogniser, text) == ["nghe-an"]
    mention = next(m for m in recogniser.mentions(text) if m.kind == PLACE)
    assert text[mention.start:mention.end] == "Nghe An"


def test_glued_name_offsets_point_at_the_original_text(recogniser: Recogniser) -> None:
    text = "Police detainedTran Van Long and Pham Van Hai."
    spans = [text[m.start:m.end] for m in recogniser.mentions(text) if m.kind == PERSON]
    assert spans == ["Tran Van Long", "Pham Van Hai"]


def test_capitals_give_a_readable_name(recogniser: Recogniser) -> None:
    found = recogniser.recognise("POLICE DETAIN GIÀNG A PÁO NEAR LÀO CAI BORDER")
    assert ("giang-a-pao", "Giàng A Páo") in found.people


def test_anonymised_letter_name_ends_at_the_sentence(recogniser: Recogniser) -> None:
    assert people(recogniser, "They met Nguyen Van A. Police said more.") == ["nguyen-van-a"]


def test_short_reference_to_a_foreign_name(recogniser: Recogniser) -> None:
    text = "The suspect Zhang Wei fled. Police said Zhang was caught later."
    refs = [m for m in recogniser.mentions(text) if m.kind == PERSON]
    assert [text[m.start:m.end] for m in refs] == ["Zhang Wei", "Zhang"]
    assert {m.entity_id for m in refs} == {"zhang-wei"}
