"""Bytes to text: UTF-8, or UTF-16 with a byte-order mark, and nothing else."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from styr.i18n import N_, translate


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
        return _decode(data, len(codecs.BOM_UTF8), "utf-8")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        hint = N_("The file is UTF-32.")
        raise DecodeError(1, 1, data[0], translate(hint, "sv"), translate(hint, "en"))
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode(data, 2, "utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode(data, 2, "utf-16-be")
    return _decode(data, 0, "utf-8")


def plain_utf8(data: bytes) -> bool:
    """Whether `decode` reads the bytes as UTF-8 from their first byte (no byte-order mark):
    then they are exactly the UTF-8 form of the text it gives."""
    return not data.startswith(_MARKS)


_MARKS = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def _decode(data: bytes, start: int, encoding: str) -> str:
    body = data[start:]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        # Positions count characters of the text before the bad byte, in the
        # file's own encoding, so they match what an editor shows.
        before = body[: error.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        bad = body[error.start]
        if encoding.startswith("utf-16"):
            unit = body[error.start : error.start + 2]
            bad = unit[1] if encoding.endswith("le") and len(unit) == 2 else unit[0]
            raise DecodeError(line, column, bad, "Ogiltig UTF-16.", "Invalid UTF-16.") from None
        hint_sv, hint_en = _hint(bad)
        raise DecodeError(line, column, bad, hint_sv, hint_en) from None


_UNDEFINED_IN_CP1252 = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


def _hint(bad: int) -> tuple[str, str]:
    # 0x80–0x9F are Windows-1252's curly quotes, dashes and ellipsis (Word
    # exports are full of them); 0xA0–0xFF are Latin-1 letters such as å, ä, ö.
    if bad >= 0xA0 or (bad >= 0x80 and bad not in _UNDEFINED_IN_CP1252):
        hint = N_("It looks saved as Latin-1 or Windows-1252.")
        return translate(hint, "sv"), translate(hint, "en")
    return "", ""
