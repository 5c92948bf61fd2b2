"""Bytes to text: byte-order marks, and legacy encodings (CJK included) read without a declaration."""

from __future__ import annotations

import codecs

import pytest

from hostile_inputs import CHINESE, JAPANESE, KOREAN, TRADITIONAL
from newsweave.decode import bom_encoding, decode
from newsweave.errors import InputError
from newsweave.extract.units import word_units


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (JAPANESE, "shift_jis"),
        (JAPANESE, "euc-jp"),
        (JAPANESE, "cp932"),
        (CHINESE, "gb2312"),
        (CHINESE, "gb18030"),
        (TRADITIONAL, "big5"),
        (KOREAN, "euc-kr"),
        ("Губернатор открыл новый мост через реку в понедельник.", "cp1251"),
        ("Губернатор открыл новый мост через реку в понедельник.", "koi8-r"),
        ("Le préfet a été reçu à Noël par le maire.", "cp1252"),
    ],
)
def test_undeclared_legacy_text_is_read_right(text: str, codec: str) -> None:
    for piece in (text, text.split("\n\n")[-1][:60]):  # the whole text, and one short sentence
        assert decode(piece.encode(codec), item="x") == piece


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_byte_order_mark_names_the_encoding(codec: str) -> None:
    text = "Zürich: 気象庁 says the storm has passed."
    assert decode("\ufeff".encode(codec) + text.encode(codec), item="x") == text


def test_cp1251_text_that_starts_like_a_bom_is_not_utf16() -> None:
    text = "яют, что этот штат, в конечном счете, проголосует в их пользу"
    assert bom_encoding(text.encode("cp1251")) is None
    assert decode(text.encode("cp1251"), item="x") == text
    assert bom_encoding(codecs.BOM_UTF16_LE + "News".encode("utf-16-le")) == "utf-16"


def test_a_bom_alone_is_empty_text_not_an_article() -> None:
    with pytest.raises(InputError):
        decode(b"\x00\x00", item="x")
    assert word_units(decode("\ufeff\ufeff".encode(), item="x")) == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [("The mayor resigned on Monday.", 5), ("!!! 123 -- x", 0), ("[null]", 1), (JAPANESE[:100], 47.5)],
)
def test_words_are_counted_in_any_script(text: str, words: float) -> None:
    assert word_units(text) == pytest.approx(words, abs=3)
