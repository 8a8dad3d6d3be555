"""The compiled catalogue (styr.mo), its texts decoded when first asked for, not all at load.

gettext's `GNUTranslations` decodes every one of the catalogue's 1,600 texts
when it opens the file: a few milliseconds, as long as the rest of a
`styr lint` answered from the cache spends on a folder of repositories, to
translate its one summary line. `LazyTranslations` is the same class with
its parsing (`_parse`, which gettext documents as the method to override)
done on demand: opening it indexes the texts by their original bytes in one
pass, and a text is decoded when it is asked for. Every answer is the one
`GNUTranslations` gives (tests/test_i18n_catalogue.py asks it for every text
of the catalogue): the header (charset, plural forms) is parsed by
gettext itself, and any file this does not read exactly as gettext would
(another byte order, a header not first, a malformed entry) is parsed by
gettext in full instead.
"""

from __future__ import annotations

import gettext
import io
import struct
import sys
from typing import Any

_LITTLE_ENDIAN_MAGIC = struct.pack("<I", gettext.GNUTranslations.LE_MAGIC)
_HEADER_WORDS = struct.Struct("<5I")


class LazyTranslations(gettext.GNUTranslations):
    """`gettext.GNUTranslations` whose texts are decoded when first asked for."""

    def _parse(self, fp: Any) -> None:  # gettext's reader: anything with read()
        buffer = fp.read()
        catalogue = _LazyCatalogue.of(buffer)
        if catalogue is None:
            super()._parse(io.BytesIO(buffer))
            return
        # The header by gettext's own parse, alone: the charset, the plural rule, the info.
        super()._parse(io.BytesIO(catalogue.header_only()))
        catalogue.charset = self._charset or "ascii"  # type: ignore[attr-defined]
        self._catalog = catalogue


class _LazyCatalogue:
    """What `GNUTranslations._catalog` holds (text → translation, (text, form) → plural form),
    looked up in the file's bytes."""

    def __init__(self, buffer: bytes, lengths: Any, offsets: Any, count: int) -> None:
        self._buffer = buffer
        self._translations = (lengths, offsets)
        self._count = count
        self.charset = "ascii"
        self._single: dict[bytes, int] = {}
        self._plural: dict[bytes, int] = {}

    @classmethod
    def of(cls, buffer: bytes) -> _LazyCatalogue | None:
        """The catalogue of a little-endian .mo file of version 0 whose first entry is the
        header; None for anything else (gettext then parses it)."""
        if sys.byteorder != "little" or buffer[:4] != _LITTLE_ENDIAN_MAGIC or len(buffer) < 28:
            return None
        _magic, version, count, originals_at, translations_at = _HEADER_WORDS.unpack_from(buffer)
        if version >> 16 != 0 or count == 0:
            return None
        words = memoryview(buffer)
        try:
            originals = words[originals_at : originals_at + 8 * count].cast("I")
            translations = words[translations_at : translations_at + 8 * count].cast("I")
        except TypeError:  # a table not a whole number of words
            return None
        if len(originals) != 2 * count or len(translations) != 2 * count:
            return None
        ends = [o + n for n, o in zip(originals[0::2], originals[1::2], strict=True)]
        ends += [o + n for n, o in zip(translations[0::2], translations[1::2], strict=True)]
        if max(ends) >= len(buffer) or originals[0] != 0 or 0 in originals[2::2]:
            return None  # corrupt, the header not first, or a second header
        catalogue = cls(buffer, translations[0::2], translations[1::2], count)
        for number, (length, offset) in enumerate(
            zip(originals[0::2], originals[1::2], strict=True)
        ):
            original = buffer[offset : offset + length]
            nuls = original.count(b"\0")
            if nuls == 0:
                catalogue._single[original] = number
            elif nuls == 1:
                catalogue._plural[original.partition(b"\0")[0]] = number
            else:
                return None  # gettext refuses it: let it say so
        return catalogue

    def header_only(self) -> bytes:
        """A .mo file holding only the header entry, for gettext to parse."""
        lengths, offsets = self._translations
        header = self._buffer[offsets[0] : offsets[0] + lengths[0]]
        # Magic, version, one entry, its tables at 28 and 36, its texts from 44.
        words = struct.pack("<7I", gettext.GNUTranslations.LE_MAGIC, 0, 1, 28, 36, 0, 0)
        tables = struct.pack("<4I", 0, 44, len(header), 44)
        return words + tables + header + b"\0"

    def _text(self, number: int) -> bytes:
        lengths, offsets = self._translations
        return self._buffer[offsets[number] : offsets[number] + lengths[number]]

    def __getitem__(self, key: str | tuple[str, int]) -> str:
        try:
            if isinstance(key, tuple):
                text, form = key
                forms = self._text(self._plural[text.encode(self.charset)]).split(b"\0")
                if not 0 <= form < len(forms):
                    raise KeyError(key)
                return str(forms[form], self.charset)
            return str(self._text(self._single[key.encode(self.charset)]), self.charset)
        except (UnicodeEncodeError, AttributeError, TypeError, ValueError):
            raise KeyError(key) from None

    def get(self, key: str | tuple[str, int], default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return self.get(key, self) is not self  # type: ignore[arg-type]
