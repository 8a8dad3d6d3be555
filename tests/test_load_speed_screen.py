"""The screen, made faster, sends the careful reader every text the former screen sent.

The screen is a trust boundary: a text it lets through is read by yaml-rs,
which says nothing of what YAML 1.1 reads differently. The former screen is
kept here as it was, and the new one is held to it over adversarial text:
the same answer for every text (never one the former sent that the new one
lets through), and each changed pattern finds what its former one found.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.load import screen as new

# ---- the former screen, as it was -------------------------------------------------

# Each pattern below starts with a single character or character class (a
# look-behind comes after it), so that the regular expression engine can skip
# through the text quickly: the screen costs less than the parse.

# Characters YAML forbids, tabs (Y004), line breaks that YAML 1.1 has but
# YAML 1.2 does not (the careful reader hides them), and bidirectional
# controls (Y018). Those below U+0100 are one small class; the others are
# looked for one by one, which costs nothing in a text that has no character
# past U+00FF and is still several times faster than a class that holds them.
_FORBIDDEN = re.compile(r"[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORBIDDEN_WIDE = tuple(
    "\u2028\u2029\ufeff\ufffe\uffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")
# Where a plain scalar may start: after indentation, `: `, `- `, a flow
# indicator, or more than one space. Every alternative is two characters wide
# (look-behinds must be), which is why the probe starts with two line breaks.
_SCALAR_START = r"(?:: |- |, |\n | {2}|[\s\S][\[{,\n])"
# A number with a leading zero or a base prefix (`0126`, `0o17`), or with
# underscores (`1_000`): YAML 1.1 and 1.2 read them differently (Y009).
_ODD_NUMBER = re.compile(rf"0(?:(?<={_SCALAR_START}0)|(?<={_SCALAR_START}[-+]0))[0-9_oObBxX]")
# Since widened to an underscore after a digit too (`1_`, `.5_`), which YAML 1.1
# reads as a number: a change of what is looked for, not of speed, so the former
# screen takes it as well.
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
# One pattern per bracket, each starting with its bracket: found several
# times faster than one pattern starting with either.
_UNTAMED_LIST = re.compile(rf"\[(?!{_entries(_INNER, ']')}{_AFTER})")
_UNTAMED_MAPPING = re.compile(rf"\{{(?!{_entries(f'{_KEY}: +{_INNER}', '}')}{_AFTER})")

# Text that a plain scalar would have made a YAML 1.1 date (Y011) or base-60
# number (Y012): only where a plain scalar starts, and ends at the match.
_END = r"(?=[ \t\r]*(?:$|#|[,\]}]|:(?:[ \t\r]|$)))"
_DATE = re.compile(
    rf"-(?<={_SCALAR_START}[0-9]{{4}}-)[0-9]{{1,2}}-[0-9]{{1,2}}(?:[Tt]|[ \t]+[0-9]|{_END})",
    re.MULTILINE,
)
# For base 60 only the digit before the colon is checked, not where the number
# starts: `kl 10:30` is a false alarm, but a cheap one.
_BASE_60 = re.compile(rf":(?<=[0-9]:)[0-9_.]+(?::[0-9_.]+)*{_END}", re.MULTILINE)
_FIRST_DOCUMENT_START = re.compile(r"---(?=\s|$)")


def former_screen(text: str) -> bool:
    """Whether the text may hold something the careful reader must see."""
    opening = _FIRST_DOCUMENT_START.match(text)
    # Every pattern looks for a boundary before what it finds: leading line
    # breaks give the first line one. One `---` opening the file is harmless.
    probe = "\n\n" + (text[opening.end() :] if opening else text)
    if former_forbidden_character(probe) or ("\r" in probe and _LONE_CARRIAGE_RETURN.search(probe)):
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


def former_forbidden_character(text: str) -> bool:
    """Whether the text holds a character of `_FORBIDDEN` or `_FORBIDDEN_WIDE`.

    None of them is printable ASCII, a line feed or a carriage return, and
    those are nearly all of a steering file: dropping them from its UTF-8
    bytes is a table look-up per byte, and what is left (å, ä, ö, dashes, and
    anything forbidden) is looked at as text. A pattern over the whole text
    cost more than the rest of the screen together.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII)
    if not rest:
        return False
    left = rest.decode("utf-8", "surrogatepass")
    if _FORBIDDEN.search(left):
        return True
    return not left.isascii() and any(character in left for character in _FORBIDDEN_WIDE)


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n\r"


def _comment_after_content(text: str) -> bool:
    for match in _COMMENT.finditer(text):
        at = match.start()
        if text[text.rfind("\n", 0, at) + 1 : at].strip():
            return True
    return False


# ---- the adversarial texts ----------------------------------------------------------
_PIECES = [
    *"0123456789",
    *" \n\r\t:-,#&*!?[]{}|>'\"%@`._+oObBxXeETt",
    "---",
    "...",
    "%YAML 1.1",
    "- ",
    ": ",
    ", ",
    "  ",
    "\n  ",
    "\n- ",
    "0126",
    "0o17",
    "0x1F",
    "0b1",
    "1_000",
    "-012",
    "+07",
    "2024-03-12",
    "2024-3-1T",
    ": 2020-01-01\n",
    "- 1990-1-1 ",
    "1:20",
    "10:30:00",
    "1e5",
    "-.5",
    "1.5E-3",
    "0.000000000000000001",
    "&a",
    "*a",
    "!tag",
    "!!str",
    "? a",
    "{a: 1}",
    "[a, b]",
    "{year: 2026, value: 80}",
    "{a:}",
    "[?a]",
    "{b: >c}",
    "[[a]]",
    "{a: [b]}",
    "[inriktning-2]",
    "'q''s'",
    '"\\u202e"',
    "|",
    ">",
    "|-\n  a",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\x85",
    "\x00",
    "\x7f",
    "\x9f",
    "\xa0",
    "å",
    "ä",
    "ö",
    "–",
    "\U0001f600",
    "kind: goal\n",
    "id: mal-1\n",
    "title: Fler nöjda\n",
    "value: 70\n",
    "year: 2026\n",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_FILES = st.builds(
    lambda lines, end: "\n".join(lines) + end,
    st.lists(_TEXTS, max_size=12),
    st.sampled_from(["", "\n", "\r\n", "|", ">\n"]),
)
_CHANGED = [
    (_ODD_NUMBER, new._ODD_NUMBER),
    (_DATE, new._DATE),
    (_UNTAMED_LIST, new._UNTAMED_LIST),
    (_UNTAMED_MAPPING, new._UNTAMED_MAPPING),
]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_TEXTS, _FILES))
def test_the_screen_answers_as_the_former_screen(text: str) -> None:
    assert new.screen(text) == former_screen(text)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_TEXTS, _FILES))
def test_each_changed_pattern_finds_where_its_former_pattern_found(text: str) -> None:
    probe = "\n\n" + text
    for former, changed in _CHANGED:
        assert [m.span() for m in changed.finditer(probe)] == [
            m.span() for m in former.finditer(probe)
        ], former.pattern


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=200))
def test_the_characters_are_judged_as_before(text: str) -> None:
    assert new.forbidden_character(text) == former_forbidden_character(text)
    assert new.screen(text) == former_screen(text)


def test_the_common_shapes_are_tame_and_their_neighbours_are_held_to_the_whole_pattern() -> None:
    tame = ["a: [inriktning-2]\n", "b: {year: 2026, value: 80}\n", "- {start: 2023, end: 2026}\n"]
    for text in tame:
        assert not new.screen(text) and not former_screen(text)
    untamed = ["a: [b, {c: d}: e]\n", "b: {year: 2026, value: >c}\n", "c: {a:}\n", "d: [?a]\n"]
    for text in untamed:
        assert new.screen(text) and former_screen(text)


def test_zeros_and_dashes_inside_numbers_and_names_are_no_alarm() -> None:
    text = "id: mal-50401\nhorizon: {start: 2023, end: 2026}\nvalue: 70\n"
    assert not new.screen(text)
    for odd in ("value: 0126\n", "value: -07\n", "a: [0x1F]\n", "d: 2024-03-12\n", "- 2020-1-1\n"):
        assert new.screen(text + odd) and former_screen(text + odd)
