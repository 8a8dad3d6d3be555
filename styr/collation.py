"""Swedish alphabetical order for everything sorted by name for display.

Swedish has 29 letters: å, ä and ö come after z (Öresundskraft after
Zoologiska, not among the O). Case does not count, and other accents sort
as their base letter (é as e, ü as y as Swedish dictionaries have it), so a
list reads as a Swedish reader expects. One function, used wherever names
are sorted for a reader: the report's organisations, `styr status`'s rows.
"""

from __future__ import annotations

import unicodedata

# After z, in this order; æ and ø are the Danish and Norwegian ä and ö.
_AFTER_Z = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"}
_AS_SWEDISH = {"ü": "y", "ß": "ss"}


def sort_key(name: str) -> tuple[str, str]:
    """A key that sorts names in Swedish alphabetical order, case- and accent-insensitively.

    Names that differ only in case or accents keep a stable order (the
    written form decides), so the same names always sort the same way.
    """
    letters = []
    for character in unicodedata.normalize("NFC", name.casefold()):
        if character in _AFTER_Z:
            letters.append(_AFTER_Z[character])
        elif character in _AS_SWEDISH:
            letters.append(_AS_SWEDISH[character])
        else:  # é sorts as e
            letters.append(unicodedata.normalize("NFKD", character)[:1] or character)
    return "".join(letters).strip(), name
