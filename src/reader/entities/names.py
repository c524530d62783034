"""What a Vietnamese personal name looks like, for finding people the gazetteer lacks.

A name is two to four capitalised Vietnamese syllables. English function words that are also
valid syllables (In, On, As) are refused inside a name; family names that are also the first
word of many place names (Hà, Lâm, Cao, Thái, Tô, La) do not start a name on their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.fold import fold

_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
_NUCLEUS = (
    r"(?:uyeu|uyen|uya|uye|uyu|uoi|uou|oai|oay|oeo|uay|ieu|yeu|uay|"
    r"ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|"
    r"a|e|i|o|u|y)"
)
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(rf"^{_INITIAL}{_NUCLEUS}{_FINAL}$")

FAMILY_NAMES = frozenset(
    fold(name)
    for name in (
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lương", "Đinh", "Trịnh", "Đào", "Mai", "Tạ",
        "Chu", "Lưu", "Kiều", "Quách", "Triệu", "Đoàn", "Vương", "Trương", "Tống", "Châu",
        "Khúc", "Nghiêm", "Thân", "Giáp", "Mạc", "Lại", "Tăng", "Từ", "Doãn", "Phùng", "Âu",
        "Khổng", "Hứa", "Diệp", "Lục", "Ông",
    )
)

TITLES = frozenset(
    (
        "president", "minister", "secretary", "general", "colonel", "chairman",
        "chairwoman", "director", "ambassador", "premier", "governor", "mr", "mrs", "ms",
        "dr", "prof", "professor", "major", "captain", "commander", "chief", "head",
        "deputy", "lieutenant", "senior", "vice", "spokesman", "spokeswoman",
        "spokesperson", "leader", "officer", "inspector", "investigator", "chairperson",
        "judge", "prosecutor", "mayor", "delegate", "member", "comrade", "editor",
    )
)

NOT_IN_NAMES = frozenset(
    (
        "in", "on", "at", "to", "as", "be", "he", "me", "we", "by", "so", "no", "go", "it",
        "of", "or", "if", "is", "and", "but", "for", "nor", "yet", "i",
    )
)
"""English words that never continue a name written without diacritics. Thế, An and Mỹ
are common given names (The, An, My without marks), so they are not here."""


def is_syllable(word: str) -> bool:
    """A single Vietnamese syllable, compared without diacritics."""
    return bool(_SYLLABLE.match(fold(word)))


@lru_cache(maxsize=1 << 16)
def is_name_word(word: str) -> bool:
    """Capitalised like a name (Hùng, not HÙNG or hùng) and shaped like a syllable."""
    return (
        word[:1].isupper()
        and (len(word) == 1 or word[1:].islower())
        and is_syllable(word)
    )
