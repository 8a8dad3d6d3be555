"""The screen: whether a text may hold something the careful reader must see.

The fast path (`fast_reader`) lets yaml-rs read a file only when this look
at its text finds nothing that the careful reader reports or reads
differently: anchors, aliases, tags, directives, more than one document,
complex keys, tabs and characters YAML forbids, bidirectional controls,
numbers written with a leading zero or underscores, unquoted dates and
base-60 numbers, a comment after a value, and flow collections that are not
tame. It errs on the side of "maybe": a false alarm only costs time, a miss
would let a surprise through unreported.
"""

from __future__ import annotations

import re

# Each pattern below starts with a single character or character class (a
# look-behind comes after it), so that the regular expression engine can skip
# through the text quickly: the screen costs less than the parse. Where that
# character is common (a zero, a dash, a bracket), what is cheapest to rule
# out is looked at first: every place the engine stops at costs a start of
# its matching, and what follows decides how soon it may go on.

# Characters YAML forbids, tabs (Y004), line breaks that YAML 1.1 has but
# YAML 1.2 does not (the careful reader hides them), and bidirectional
# controls (Y018). Those below U+0100 are one small class; the others are
# looked for one by one, which costs nothing in a text that has no character
# past U+00FF and is still several times faster than a class that holds them.
_FORBIDDEN = re.compile(r"[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORBIDDEN_BYTE = re.compile(rb"[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORBIDDEN_WIDE = tuple(
    "\u2028\u2029\ufeff\ufffe\uffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")
# Where a plain scalar may start: after indentation, `: `, `- `, a flow
# indicator, or more than one space. Every alternative is two characters wide
# (look-behinds must be), which is why the probe starts with two line breaks.
_SCALAR_START = r"(?:: |- |, |\n | {2}|[\s\S][\[{,\n])"
# A number with a leading zero or a base prefix (`0126`, `0o17`), or with
# underscores (`1_000`, and after its digits: `1_`, `.5_`, `1.0_e+5`, which
# yaml-rs even reads as numbers, and right after the point: `0._`, which PyYAML
# reads as 0.0): YAML 1.1 and 1.2 read them differently (Y009).
# The character before the zero (one that ends a scalar start, or a sign)
# and the one after it are looked at before where the scalar starts: most
# zeros stand inside a number (`2026`, `50401`), and were each looked behind
# twice for nothing.
_ODD_NUMBER = re.compile(
    rf"0(?<=[ \[{{,\n+-]0)[0-9_oObBxX](?:(?<={_SCALAR_START}0.)|(?<={_SCALAR_START}[-+]0.))"
)
_UNDERSCORED_DIGIT = re.compile(r"_(?:[0-9]|(?<=[0-9]_)|(?<=[0-9]\._))")
# A comment (`#` after blank); one after something on its line may have cut a
# text short (Y015).
_COMMENT = re.compile(r"#(?<=[ \t]#)")
# Anchors and aliases (Y006), tags (Y007): only where a node may start.
_NODE_PROPERTY = re.compile(r"[&*](?<=[\s\[{,][&*])\S|!(?<=[\s\[{,]!)")
# Directives and document markers (Y013), after the first line.
_DOCUMENT_SYNTAX = re.compile(r"\n(?:%|---(?=\s|$)|\.\.\.(?=\s|$))")
_COMPLEX_KEY = re.compile(r"(?:^|\n)[ ]*(?:-[ ]+)*\?(?:[ \r]|$|\n)")

# Flow collections (`{sv: Vision, en: Vision}`, `[a, b]`) are where libyaml and
# yaml-rs disagree on what is valid (`{a:}`, `[?a]`, `{b: >c}`), so only tame
# ones take the fast path: on one line, at most two levels deep, holding plain
# words, numbers and one-line quoted text, and followed by nothing but a line
# end, a comment or what closes or continues an enclosing collection. Every
# opening bracket must start such a collection.
_PLAIN_START = r"""[^\s\[\]{},:#&*!|>'"%@`?-]"""
_PLAIN = rf"(?:-(?=[0-9.])|{_PLAIN_START})[^\[\]{{}},:#\n]*"
_QUOTED = r"""(?:"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"|'[^'\n]*(?:''[^'\n]*)*')"""
_KEY = rf"(?:{_QUOTED}|{_PLAIN_START}[^\[\]{{}},:#\n]*)"
_SCALAR = rf"(?:{_QUOTED}|{_PLAIN})"
_AFTER = r"(?=[ ]*(?:[,\]}:#\r\n]|\Z))"


def _entries(item: str, close: str) -> str:
    return rf" *(?:{item} *(?:, *{item} *)*)?{close}"


_INNER = rf"(?:\[{_entries(_SCALAR, ']')}|\{{{_entries(f'{_KEY}: +{_SCALAR}', '}')}|{_SCALAR})"
# Most flow collections of a steering file are of two shapes, words in a
# list (`[inriktning-2]`) and words with numbers (`{year: 2026, value: 80}`),
# each matched in a few steps where the whole tame pattern tries many ways:
# each shape is tried first, and only a collection of another shape is held
# to the whole pattern. (Both shapes are tame, so that the first try can only
# spare the second, never let through what it would stop.)
_WORD = r"[a-zA-Z][a-zA-Z0-9_-]*"
_WORD_LIST = rf"{_WORD}(?:, {_WORD})*\]\n"
_NUMBER_MAPPING = rf"{_WORD}: [0-9]+(?:, {_WORD}: [0-9]+)*\}}\n"
# One pattern per bracket, each starting with its bracket: found several
# times faster than one pattern starting with either.
_UNTAMED_LIST = re.compile(rf"\[(?!{_WORD_LIST})(?!{_entries(_INNER, ']')}{_AFTER})")
_UNTAMED_MAPPING = re.compile(
    rf"\{{(?!{_NUMBER_MAPPING})(?!{_entries(f'{_KEY}: +{_INNER}', '}')}{_AFTER})"
)

# Text that a plain scalar would have made a YAML 1.1 date (Y011) or base-60
# number (Y012): only where a plain scalar starts, and ends at the match.
_END = r"(?=[ \t\r]*(?:$|#|[,\]}]|:(?:[ \t\r]|$)))"
# A dash after a digit is looked for before the year and where it starts:
# most dashes begin a list entry or join a name (`mal-50401`).
_DATE = re.compile(
    rf"-(?<=[0-9]-)(?<={_SCALAR_START}[0-9]{{4}}-)[0-9]{{1,2}}-[0-9]{{1,2}}"
    rf"(?:[Tt]|[ \t]+[0-9]|{_END})",
    re.MULTILINE,
)
# For base 60 only the digit before the colon is checked, not where the number
# starts: `kl 10:30` is a false alarm, but a cheap one.
_BASE_60 = re.compile(rf":(?<=[0-9]:)[0-9_.]+(?::[0-9_.]+)*{_END}", re.MULTILINE)
_FIRST_DOCUMENT_START = re.compile(r"---(?=\s|$)")


def screen(text: str) -> bool:
    """Whether the text may hold something the careful reader must see."""
    opening = _FIRST_DOCUMENT_START.match(text)
    # Every pattern looks for a boundary before what it finds: leading line
    # breaks give the first line one. One `---` opening the file is harmless.
    probe = "\n\n" + (text[opening.end() :] if opening else text)
    if forbidden_character(probe) or ("\r" in probe and _LONE_CARRIAGE_RETURN.search(probe)):
        return True
    if _ODD_NUMBER.search(probe) or ("_" in probe and _UNDERSCORED_DIGIT.search(probe)):
        return True
    if "#" in probe and _comment_after_content(probe):
        return True
    if _DATE.search(probe) or _BASE_60.search(probe):
        return True
    if ("&" in probe or "*" in probe or "!" in probe) and _NODE_PROPERTY.search(probe):
        return True
    if _DOCUMENT_SYNTAX.search(probe):
        return True
    if "?" in probe and _COMPLEX_KEY.search(probe):
        return True
    if not text.endswith("\n") and ("|" in text or ">" in text):
        return True  # a block scalar at the very end: the two parsers chomp it differently
    if "[" in probe and _UNTAMED_LIST.search(probe):
        return True
    return "{" in probe and _UNTAMED_MAPPING.search(probe) is not None


def forbidden_character(text: str) -> bool:
    """Whether the text holds a character of `_FORBIDDEN` or `_FORBIDDEN_WIDE`.

    None of them is printable ASCII, a line feed or a carriage return, and
    those are nearly all of a steering file: dropping them from its bytes is
    a table look-up per byte, and what is left (å, ä, ö, dashes, and anything
    forbidden) is looked at. A pattern over the whole text cost more than the
    rest of the screen together.

    A text with no character past U+00FF (Swedish: å, ä and ö are below it)
    is kept by Python as one byte per character, so its Latin-1 bytes are a
    plain copy, where its UTF-8 form had to be made character by character.
    No wide character can be in such a text, and what is left is looked at
    as bytes.
    """
    try:
        narrow = text.encode("latin-1")
    except UnicodeEncodeError:
        return _forbidden_in_wide_text(text)
    rest = narrow.translate(None, _PRINTABLE_ASCII)
    return bool(rest) and _FORBIDDEN_BYTE.search(rest) is not None


def _forbidden_in_wide_text(text: str) -> bool:
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII)
    left = rest.decode("utf-8", "surrogatepass")
    if _FORBIDDEN.search(left):
        return True
    return any(character in left for character in _FORBIDDEN_WIDE)


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n\r"


def _comment_after_content(text: str) -> bool:
    for match in _COMMENT.finditer(text):
        at = match.start()
        if text[text.rfind("\n", 0, at) + 1 : at].strip():
            return True
    return False
