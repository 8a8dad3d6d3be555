"""Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM, nothing else."""

from __future__ import annotations

import codecs

import pytest
from loader_helpers import parse, where

from styr.load.decode import DecodeError, decode
from styr.rules import loading

SWEDISH = "namn: Nämnd för å, ä och ö\nkod: 0126\n"


def utf16(text: str, order: str, bad: bytes = b"", after: str = "") -> bytes:
    """UTF-16 with a BOM: `text`, then raw `bad` bytes, then `after`."""
    bom = codecs.BOM_UTF16_LE if order == "le" else codecs.BOM_UTF16_BE
    codec = f"utf-16-{order}"
    return bom + text.encode(codec) + bad + after.encode(codec)


# ------------------------------------------------------------------ accepted


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        pytest.param(b"kind: goal\n", "kind: goal\n", id="utf8-ascii"),
        pytest.param(SWEDISH.encode("utf-8"), SWEDISH, id="utf8-swedish"),
        pytest.param(codecs.BOM_UTF8 + SWEDISH.encode("utf-8"), SWEDISH, id="utf8-bom"),
        pytest.param(codecs.BOM_UTF8, "", id="utf8-bom-only"),
        pytest.param(b"", "", id="empty"),
        pytest.param(utf16(SWEDISH, "le"), SWEDISH, id="utf16-le-bom"),
        pytest.param(utf16(SWEDISH, "be"), SWEDISH, id="utf16-be-bom"),
        pytest.param(utf16("", "le"), "", id="utf16-le-bom-only"),
        pytest.param(utf16("mål: 😀\n", "le"), "mål: 😀\n", id="utf16-le-surrogate-pair"),
        pytest.param(utf16("mål: 😀\n", "be"), "mål: 😀\n", id="utf16-be-surrogate-pair"),
        pytest.param("a: 😀\r\n".encode(), "a: 😀\r\n", id="utf8-4-byte-crlf"),
    ],
)
def test_decode_accepts_utf8_and_utf16_with_bom(raw: bytes, text: str) -> None:
    decoded = decode(raw)
    assert decoded == text
    assert not decoded.startswith("\ufeff")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(SWEDISH.encode("utf-8"), id="utf8"),
        pytest.param(codecs.BOM_UTF8 + SWEDISH.encode("utf-8"), id="utf8-bom"),
        pytest.param(utf16(SWEDISH, "le"), id="utf16-le"),
        pytest.param(utf16(SWEDISH, "be"), id="utf16-be"),
    ],
)
def test_every_accepted_encoding_gives_the_same_data_and_positions(raw: bytes) -> None:
    document = parse(raw)
    assert document.data == {"namn": "Nämnd för å, ä och ö", "kod": "0126"}
    assert document.text == SWEDISH
    # The BOM is not a column: the finding sits where an editor shows `0126`.
    assert where(document) == [("Y009", 2, 6)]


# ------------------------------------------------------------------ Latin-1


LATIN1_HINT = pytest.mark.parametrize(
    ("raw", "line", "column", "byte"),
    [
        pytest.param("namn: Nämnd\n".encode("latin-1"), 1, 8, 0xE4, id="ä-line-1"),
        pytest.param("mål: x\n".encode("latin-1"), 1, 2, 0xE5, id="å-column-2"),
        pytest.param("kommun: Malmö\n".encode("latin-1"), 1, 13, 0xF6, id="ö-end-of-line"),
        pytest.param("a: 1\nnamn: Nämnd\n".encode("latin-1"), 2, 8, 0xE4, id="ä-line-2"),
        pytest.param(b"a: 1\r\nb: 2\r\nc: \xc4\r\n", 3, 4, 0xC4, id="Ä-line-3-crlf"),
        pytest.param("Ö".encode("latin-1"), 1, 1, 0xD6, id="Ö-only-byte"),
        pytest.param("å: ".encode() + "ö".encode("latin-1"), 1, 4, 0xF6, id="after-valid-utf8-å"),
        pytest.param("pris: 5 €\n".encode("cp1252"), 1, 9, 0x80, id="cp1252-euro"),
        pytest.param(
            codecs.BOM_UTF8 + "a: 1\nnamn: Nämnd\n".encode("latin-1"),
            2,
            8,
            0xE4,
            id="utf8-bom-then-latin1-line-2",
        ),
        pytest.param(
            codecs.BOM_UTF8 + "namn: Nämnd\n".encode("latin-1"),
            1,
            8,
            0xE4,
            id="utf8-bom-then-latin1-line-1",
        ),
    ],
)


@LATIN1_HINT
def test_latin1_is_refused_where_it_starts(raw: bytes, line: int, column: int, byte: int) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    error = caught.value
    assert (error.line, error.column, error.byte) == (line, column, byte)
    assert "Latin-1" in error.hint_sv
    assert "Latin-1" in error.hint_en


@LATIN1_HINT
def test_latin1_file_gives_y002_with_hint(raw: bytes, line: int, column: int, byte: int) -> None:
    document = parse(raw)
    assert document.data is None
    assert document.text is None
    assert where(document) == [("Y002", line, column)]
    finding = document.findings[0]
    assert finding.params["byte"] == f"{byte:02X}"
    assert "Latin-1" in finding.params["hint"]
    assert "Latin-1" in finding.params["hint_en"]
    english = loading.ENCODING.render(finding, "en")
    assert f"0x{byte:02X}" in english
    assert "Latin-1" in english


@pytest.mark.parametrize(
    ("raw", "line", "column", "byte"),
    [
        pytest.param(b"a: \x81\n", 1, 4, 0x81, id="undefined-in-cp1252"),
        pytest.param(b"a: 1\nb: \x8f\n", 2, 4, 0x8F, id="control-range-line-2"),
    ],
)
def test_bytes_that_are_not_latin1_get_no_latin1_hint(
    raw: bytes, line: int, column: int, byte: int
) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    error = caught.value
    assert (error.line, error.column, error.byte) == (line, column, byte)
    assert error.hint_sv == error.hint_en == ""
    assert where(parse(raw)) == [("Y002", line, column)]


# ------------------------------------------------------------------ UTF-32


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(codecs.BOM_UTF32_LE + "namn: Nämnd\n".encode("utf-32-le"), id="le"),
        pytest.param(codecs.BOM_UTF32_BE + "namn: Nämnd\n".encode("utf-32-be"), id="be"),
        pytest.param(codecs.BOM_UTF32_LE, id="le-bom-only"),
    ],
)
def test_utf32_is_refused(raw: bytes) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert "UTF-32" in caught.value.hint_sv
    assert "UTF-32" in caught.value.hint_en
    document = parse(raw)
    assert document.data is None
    assert where(document) == [("Y002", 1, 1)]
    assert "UTF-32" in loading.ENCODING.render(document.findings[0], "en")


# ------------------------------------------------------------------ broken UTF-16


# (id, text before, bad 16-bit unit or an odd byte, text after, line, column)
INVALID_UTF16: list[tuple[str, str, int | bytes, str, int, int]] = [
    ("lone-high-surrogate-line-2", "ab\n", 0xD800, "x\n", 2, 1),
    ("lone-low-surrogate-line-1", "abc", 0xDC00, "", 1, 4),
    ("odd-trailing-byte", "ab\ncd", b"e", "", 2, 3),
    ("after-swedish", "å: ä\nö: ", 0xDC00, "", 2, 4),
    ("U+010A-is-no-newline", "x: 1\ny: Ċ\nz: ", 0xDC00, "", 3, 4),
]


def _invalid_utf16(before: str, bad: int | bytes, after: str, order: str) -> bytes:
    if isinstance(bad, int):
        bad = bad.to_bytes(2, "little" if order == "le" else "big")
    return utf16(before, order, bad, after)


def _utf16_cases() -> list[object]:
    cases = []
    for name, before, bad, after, line, column in INVALID_UTF16:
        for order in ("le", "be"):
            raw = _invalid_utf16(before, bad, after, order)
            cases.append(pytest.param(raw, line, column, id=f"{order}-{name}"))
    return cases


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(_invalid_utf16(before, bad, after, order), id=f"{order}-{name}")
        for name, before, bad, after, *_ in INVALID_UTF16
        for order in ("le", "be")
    ],
)
def test_invalid_utf16_is_refused_without_an_exception(raw: bytes) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    assert caught.value.hint_en == "Invalid UTF-16."
    assert caught.value.hint_sv == "Ogiltig UTF-16."
    document = parse(raw)
    assert document.data is None
    assert [f.code for f in document.findings] == ["Y002"]
    finding = document.findings[0]
    assert finding.line >= 1 and finding.column >= 1
    assert "UTF-16" in loading.ENCODING.render(finding, "en")


@pytest.mark.parametrize(("raw", "line", "column"), _utf16_cases())
def test_invalid_utf16_is_refused_at_the_right_place(raw: bytes, line: int, column: int) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    assert (caught.value.line, caught.value.column) == (line, column)
