"""Writing a value into YAML text safely, whatever characters it holds."""

from __future__ import annotations

# Escapes YAML's double-quoted style defines, for characters that must not appear raw.
_NAMED_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
}


def quote(value: str) -> str:
    """`value` as a YAML double-quoted scalar that every YAML 1.1 and 1.2 reader reads back as is.

    Nothing in it can end the scalar, start a comment, an anchor, an alias, a
    tag or a new key: quotes and backslashes are escaped, and so is every
    character YAML does not allow raw or reads as a line break (controls, NEL,
    the Unicode line and paragraph separators, the byte order mark).
    """
    return '"' + "".join(_escape(character) for character in value) + '"'


def _escape(character: str) -> str:
    named = _NAMED_ESCAPES.get(character)
    if named is not None:
        return named
    if _printable(character):
        return character
    point = ord(character)
    if point <= 0xFF:
        return f"\\x{point:02x}"
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def _printable(character: str) -> bool:
    """YAML's printable set, less the characters a YAML 1.1 reader takes for line breaks."""
    point = ord(character)
    if point in (0x85, 0x2028, 0x2029, 0xFEFF):
        return False
    return (
        0x20 <= point <= 0x7E
        or 0xA0 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or 0x10000 <= point <= 0x10FFFF
    )
