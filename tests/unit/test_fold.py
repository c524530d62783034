from __future__ import annotations

import unicodedata

import pytest

from reader.entities.fold import fold, fold_words, slug

TWO_MARK_LETTERS = "ệộởằẫẩếềểễịựữửừứờớợỡẳẵặấầậồổỗốẽẻ"


def test_every_mark_goes_including_two_mark_letters() -> None:
    assert fold("Nghệ An") == "nghe an"
    assert all(fold(c).isascii() for c in TWO_MARK_LETTERS)
    assert fold("Đắk Lắk ĐỒNG đồng") == "dak lak dong dong"


def test_fold_keeps_length_so_offsets_stay_valid() -> None:
    text = "HÀ NỘI — Lương Tam Quang, Thừa Thiên Huế; “quoted” 'x'"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("spelling", ["Hà Nội", "Ha Noi", "HÀ NỘI", "ha noi", "Hà Nội".upper()])
def test_spellings_fold_alike(spelling: str) -> None:
    assert fold(spelling) == "ha noi"


def test_decomposed_input_folds_after_nfc() -> None:
    assert fold(unicodedata.normalize("NFC", "Nghe\u0323\u0302")) == "nghe"


def test_fzf_style_tables_miss_two_mark_letters_but_we_do_not() -> None:
    """A one-step table from precomposed letters to ASCII (as fzf's) has no entry for ệ;
    NFD + dropping combining marks handles any number of marks."""
    one_mark_table = {"é": "e", "ê": "e", "à": "a", "ô": "o"}
    naive = "".join(one_mark_table.get(c, c) for c in "nghệ")
    assert naive != "nghe"
    assert fold("nghệ") == "nghe"


def test_words_and_slugs() -> None:
    assert fold_words("Lương Tam Quang, Bộ Công an!") == ["luong", "tam", "quang", "bo", "cong", "an"]
    assert slug("Nguyễn Phú Trọng") == "nguyen-phu-trong"
    assert slug("Bà Rịa – Vũng Tàu") == "ba-ria-vung-tau"
