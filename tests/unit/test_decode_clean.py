from __future__ import annotations

import codecs
import unicodedata

import pytest

from reader.ingest.clean import clean_text
from reader.ingest.decode import Decoded, Rejected, decode

TEXT = "Lương Tam Quang thăm Hà Nội — “an ninh”\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert isinstance(decoded, Decoded)
    assert decoded.encoding == encoding
    assert decoded.text == TEXT


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes a tone mark as a combining character after its letter."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = [c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + "".join(tones).encode("cp1258")
    return out


def test_legacy_vietnamese_file_falls_back_to_cp1258() -> None:
    decoded = decode(_cp1258("Lương Cường ở Hà Nội"))
    assert isinstance(decoded, Decoded)
    assert decoded.encoding == "cp1258"
    assert clean_text(decoded.text) == "Lương Cường ở Hà Nội"


def test_windows_1252_quotes_survive_the_fallback() -> None:
    decoded = decode(b"\x93Safe\x94 \x96 caf\xe9")
    assert isinstance(decoded, Decoded)
    assert decoded.text == "“Safe” – café"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_rejected_files_say_why(data: bytes, reason: str) -> None:
    rejected = decode(data)
    assert isinstance(rejected, Rejected)
    assert reason in rejected.reason


def test_huge_file_is_rejected_with_its_size() -> None:
    rejected = decode(b"a" * 2048, max_bytes=1024)
    assert isinstance(rejected, Rejected)
    assert "too large" in rejected.reason


def test_crlf_and_cr_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_terminal_escapes_are_stripped() -> None:
    dirty = (
        "\x1b[31mRed\x1b[0m \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ "
        "\x1b]0;title\x07done \x9b2Jx \x1bPdevice\x1b\\ok\x07\x08"
    )
    assert clean_text(dirty) == "Red link done x ok"


def test_bidi_overrides_and_zero_width_are_removed() -> None:
    assert clean_text("a\u202eb\u2066c\u200bd\ufeffe") == "abcde"


def test_markup_stays_literal() -> None:
    assert clean_text("[bold red]not markup[/]") == "[bold red]not markup[/]"


def test_decomposed_text_is_composed() -> None:
    decomposed = "Nghe\u0323\u0302 An"
    assert clean_text(decomposed) == "Nghệ An"
    assert len(clean_text(decomposed)) == 7


def test_spaces_are_unified_and_lines_trimmed() -> None:
    assert clean_text("  a\u00a0\u00a0b \t c  \n  d ") == "a b c\nd"


def test_html_entities_are_decoded_so_the_place_is_found() -> None:
    assert clean_text("H&agrave; N&#7897;i&nbsp;police") == "Hà Nội police"
    assert clean_text("H&#xE0; N&#x1ED9;i") == "Hà Nội"


def test_only_complete_entities_are_decoded_once() -> None:
    assert clean_text("AT&T and R&D &copy") == "AT&T and R&D &copy"
    assert clean_text("&amp;lt;") == "&lt;"


def test_an_entity_encoded_escape_never_reaches_the_terminal() -> None:
    assert "\x1b" not in clean_text("&#27;]0;HACKED&#7; red &#x1b;[31m")
