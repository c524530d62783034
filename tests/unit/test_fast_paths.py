"""The cold load's shortcuts give exactly what the plain way gives.

Folding, cleaning and the gazetteer scan each have a fast path (a total translation table,
patterns that skip what needs no change, a scan tried only at capitals). Each is checked here
against the straightforward definition it replaces, so a faster load never reads differently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.entities import recognise
from reader.entities.fold import _fold_char, _full_table, fold
from reader.entities.gazetteer import Gazetteer, Person
from reader.entities.recognise import PERSON, Recogniser, capitalised_runs
from reader.ingest import clean, dates, parse
from reader.ingest import decode as decode_mod
from reader.ingest.clean import clean_text
from reader.ingest.decode import Decoded, decode
from reader.ingest.parse import parse_article

DEVSET = Path(__file__).resolve().parents[1] / "devset" / "articles"


def test_fold_of_every_character_is_its_own_fold() -> None:
    # "ệ" keeps each text off the ASCII path, so the table itself is what is checked.
    for code in range(0x2400):
        char = chr(code)
        expected = _fold_char(char) if 0x41 <= code < 0x5B or 0xA0 <= code < 0x2300 else char
        assert fold(char + "ệ") == expected + "e", hex(code)


def test_fold_leaves_characters_beyond_the_table_alone() -> None:
    assert fold("Ａ Σ 漢 ệ") == "Ａ σ 漢 e"


SPACES = " \t\u00a0\u2003\u202f\u3000\n"


def plain_clean(text: str) -> str:
    """What clean_text does to spaces, written the slow and obvious way."""
    text = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    return re.sub(r" *\n *", "\n", text).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SPACES + "ab", max_size=24))
def test_spaces_are_cleaned_as_the_plain_rule_says(text: str) -> None:
    assert clean_text(text) == plain_clean(text)


def test_single_spaces_and_bare_line_ends_stay() -> None:
    assert clean_text("a b\nc d\n\ne") == "a b\nc d\n\ne"
    assert clean_text("a  b \n c\u2009d") == "a b\nc d"


def test_a_run_does_not_start_after_a_hyphen_digit_or_apostrophe() -> None:
    words = [[w for w, _, _ in run] for run in capitalised_runs("Quang Nam-Da Nang, 3Ha Noi, l'Ha")]
    assert words == [["Quang", "Nam-Da", "Nang"], ["Noi"]]
    assert [[w for w, _, _ in r] for r in capitalised_runs("Ha Noi")] == [["Ha", "Noi"]]


def devset_bodies() -> list[str]:
    bodies = []
    for path in sorted(DEVSET.glob("*.txt")):
        decoded = decode(path.read_bytes())
        assert isinstance(decoded, Decoded)
        parsed = parse_article(clean_text(decoded.text))
        bodies.append(parsed.title + "\n\n" + "\n\n".join(parsed.paragraphs))
    return bodies


def test_the_scan_at_capitals_finds_what_the_full_scan_finds(recogniser: Recogniser) -> None:
    assert recogniser._only_at_capitals
    everywhere = Recogniser(recogniser.gazetteer)
    everywhere._only_at_capitals = False
    bodies = devset_bodies()
    assert len(bodies) >= 100
    found = 0
    for body in bodies:
        mentions = recogniser.mentions(body)
        assert mentions == everywhere.mentions(body)
        found += len(mentions)
    assert found > 500


def test_an_alias_that_starts_with_a_digit_is_still_found(gazetteer: Gazetteer) -> None:
    agent = Person("agent-007", "007 Bond", "007 Bond", aliases=("007 Bond",))
    extended = replace(gazetteer, people={**gazetteer.people, agent.id: agent})
    with_digit = Recogniser(extended)
    assert not with_digit._only_at_capitals
    mentions = with_digit.mentions("Police said that 007 Bond was seen in Hà Nội.")
    assert [m.entity_id for m in mentions if m.kind == PERSON] == ["agent-007"]


def test_capitals_cover_every_upper_case_letter_the_fold_table_reaches() -> None:
    pattern = recognise._capitals(frozenset("abcdefghijklmnopqrstuvwxyz"))
    for code in range(0x2300):
        char = chr(code)
        wanted = char.isupper() and fold(char + "ệ")[0].isascii()
        assert bool(pattern.fullmatch(char)) == wanted, hex(code)


def test_a_capital_inside_a_word_is_not_where_a_hit_starts() -> None:
    pattern = recognise._capitals(frozenset("hn"))
    assert [m.start() for m in pattern.finditer("Ha HCMC xHa 3Ha ʼHa -Ha 'Noi NOI")] == \
        [0, 3, 17, 21, 25, 29]


def test_a_word_character_folds_to_a_word_character() -> None:
    """What lets the scan skip capitals inside words (ʼ is the one exception)."""
    word = re.compile(r"\w")
    for code in range(0x2300):
        char = chr(code)
        if word.match(char) and char != "\u02bc":
            assert word.match(fold(char + "ệ")[0]), hex(code)


CAPTIONS = [
    "Police at the scene - Photo: VNA", "(Photo: vietnamplus.vn)", "Ảnh: Hoàng Hà",
    "Illustrative photo", "FILE PHOTO", "The suspect. İmage: police", "Ha Noi (Image source)",
    "ẢNH MINH HỌA", "Anh: Tuoi Tre", "Photographers met in Hue.", "A man named Anh",
]


def test_the_caption_test_agrees_with_the_caption_pattern() -> None:
    lines = CAPTIONS + [p for body in devset_bodies() for p in body.split("\n\n")]
    captions = [line for line in lines if parse._CAPTION.search(line)]
    assert len(captions) >= 5
    for line in lines:
        assert parse._is_caption(line) == bool(parse._CAPTION.search(line)), line


def test_the_agency_is_looked_for_where_it_can_be() -> None:
    tails = ["said the police (VNA)", "was arrested. - VNS", "in Hanoi VNA/VNS",
             "end of story   (Xinhua)", "a long paragraph " * 20 + "- VOV"]
    paragraphs = tails + [p for body in devset_bodies() for p in body.split("\n\n")]
    for paragraph in paragraphs:
        windowed = parse._TAIL_AGENCY.search(
            paragraph, max(0, len(paragraph.rstrip()) - parse._TAIL_WINDOW))
        whole = parse._TAIL_AGENCY.search(paragraph)
        assert (windowed and windowed["agency"]) == (whole and whole["agency"]), paragraph


def test_a_remembered_spelling_still_looks_at_its_context(gazetteer: Gazetteer) -> None:
    fresh = Recogniser(gazetteer)
    sentences = ["Police in Ho Chi Minh said on Monday.", "President Ho Chi Minh wrote it.",
                 "Police in Ho Chi Minh said on Monday.", "Ho Chi Minh Thought was taught."]
    kinds = [[m.kind for m in fresh.mentions(s)] for s in sentences]
    assert kinds == [["place"], [PERSON], ["place"], [PERSON]]


def test_a_remembered_run_is_still_judged_by_its_context(gazetteer: Gazetteer) -> None:
    fresh = Recogniser(gazetteer)
    sentences = ["The suspect Zhang Wei fled.", "Zhang Wei Street is long.", "They met Zhang Wei.",
                 "The suspect Zhang Wei fled.", "Police said Park Ji-hoon, 38, fled.",
                 "Park Ji-hoon said nothing."]
    found = [[m.name for m in fresh.mentions(s) if m.kind == PERSON] for s in sentences]
    assert found == [["Zhang Wei"], [], [], ["Zhang Wei"], ["Park Ji-hoon"], []]


DEBRIS = ["Share", "Print | Share | Tweet", "CHIA SẺ", "Chia sẻ Facebook Zalo", "00:00",
          "12:30:05", "Back to top", "A- A+", "printshare", "Facebook Twitter", "Gửi", "x",
          "Like Share Save", "Nghe", "In bài", "Copy link", "E-mail", "١٢:٣٠", "Shared news",
          "Xa lộ", "Audio recording of the trial", "photo.jpg", "Printing press", "save the date"]


def test_debris_is_told_as_the_whole_pattern_tells_it() -> None:
    def plain(line: str) -> bool:
        return len(line) <= 90 and bool(
            (line.lower().endswith(parse._IMAGE_ENDINGS) and parse._IMAGE.match(line))
            or parse._DEBRIS.match(fold(line)))

    lines = DEBRIS + [line for body in devset_bodies() for line in body.split("\n")]
    assert sum(plain(line) for line in DEBRIS) >= 12
    for line in lines:
        assert parse._is_debris(line) == plain(line), line


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 a-/", max_size=16))
def test_a_year_is_four_digits_between_non_digits(text: str) -> None:
    plain = re.compile(r"(?<!\d)\d{4}(?!\d)")
    assert bool(dates._YEAR.search(text)) == bool(plain.search(text))


def test_caption_markers_and_end_marks_go_as_before() -> None:
    paragraphs = ["Police at the scene. - Ảnh 1.", "The suspect in 2024. Photo 2", "Hình 3",
                  "Nguyễn Tuấn Anh 12", "The ring was broken up in 2023.", "End of story. /.",
                  "Ha Noi /. ", "A man /.x", "Image 7 ."]
    for paragraph in paragraphs + [p for body in devset_bodies() for p in body.split("\n\n")]:
        assert parse._strip_caption_marker(paragraph) == parse._CAPTION_MARKER.sub("", paragraph)
    assert parse._strip_caption_marker("Police at the scene. - Ảnh 1.") == "Police at the scene."
    article = parse.parse_article("Police close a ring in Ha Noi\n\nThe ring sold drugs.\n\nEnd /.")
    assert article.paragraphs[-1] == "End"


VIETNAMESE = "ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ"
MIXED = st.text(st.one_of(
    st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + "AaZz09 .,\n\t"),
    st.characters(),  # any code point but surrogates
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
), max_size=60)


@settings(max_examples=600, deadline=None)
@given(MIXED)
def test_fold_is_the_table_fold(text: str) -> None:
    """A few distinct letters are replaced one by one; many go through the table. Both must
    give what the table gives."""
    plain = text.lower() if text.isascii() else text.translate(_full_table())
    assert fold(text) == plain


def plain_clean_text(text: str) -> str:
    """clean_text before it looked only at the unusual characters, step for step."""
    text = clean.decode_entities(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = clean._ESCAPES.sub("", text)
    text = clean._CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if any(space in text for space in clean._ODD_SPACES):
        text = clean._SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = clean._LINE_EDGES.sub("\n", text)
    return text.strip()


CONTROLLED = st.text(st.one_of(
    st.sampled_from("ab \n\t\r\x0c\x00\x01\x1b[31m\x7f\x85\x9b\x9d\u200b\u202e\ufeff\u00a0"
                    "\u2000\u2001\u2009\u202f\u3000e\u0301a\u0300&amp;&#7897;"),
    st.characters(),
), max_size=40)


@settings(max_examples=800, deadline=None)
@given(CONTROLLED)
def test_cleaning_only_the_unusual_characters_changes_nothing(text: str) -> None:
    assert clean_text(text) == plain_clean_text(text)


@settings(max_examples=400, deadline=None)
@given(CONTROLLED | st.text(st.sampled_from("\x01\x02\x7f\x85\ufffd ab\n"), max_size=300))
def test_binary_is_told_as_before(text: str) -> None:
    sample = text[:8192]
    plain = "\x00" in text or \
        len(decode_mod._UNPRINTABLE.findall(sample)) > max(8, len(sample) // 20)
    assert decode_mod._is_binary(text) == plain
