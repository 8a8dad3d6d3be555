"""Bytes to text: UTF-8, or UTF-16 with a byte-order mark, and nothing else."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass
class DecodeError(Exception):
    """Where the bytes stop being valid text (1-based line and column)."""

    line: int
    column: int
    byte: int
    hint_sv: str
    hint_en: str


def decode(data: bytes) -> str:
    """Return the text of a steering file, or raise DecodeError.

    A byte-order mark decides UTF-16; everything else must be UTF-8. We do not
    guess Latin-1 or Windows-1252: a guess that is wrong corrupts å, ä and ö.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], offset=len(codecs.BOM_UTF8), whole=data)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DecodeError(1, 1, data[0], "Filen är UTF-32.", "The file is UTF-32.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            line, column = _position(data, error.start)
            bad = data[error.start]
            raise DecodeError(line, column, bad, "Ogiltig UTF-16.", "Invalid UTF-16.") from None
    return _utf8(data, offset=0, whole=data)


def _utf8(data: bytes, *, offset: int, whole: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        index = error.start + offset
        line, column = _position(whole, index)
        bad = whole[index]
        if 0xA0 <= bad <= 0xFF or bad in (0x80, 0x8A, 0x8C, 0x9A, 0x9C):
            hint_sv = "Den ser ut att vara sparad som Latin-1 eller Windows-1252."
            hint_en = "It looks saved as Latin-1 or Windows-1252."
        else:
            hint_sv = hint_en = ""
        raise DecodeError(line, column, bad, hint_sv, hint_en) from None


def _position(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, column
