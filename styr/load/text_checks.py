"""Checks on a file's text itself, before it is read as YAML.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are invisible and make
an editor, a browser or a code review show text in another order than it is
stored ("Trojan Source"): a goal title can read one way and say another, a
comment can hide what follows it. Steering files in Swedish and English never
need them, so each line that holds one is reported, at the first of them.

A double-quoted text can also write one as an escape (backslash, u, 202e): the
file then looks harmless, but the value holds the character and shows
reordered wherever it is printed. The careful reader reports each such escape
in a double-quoted text (`escaped_bidi_findings`); the fast reader leaves any
text that holds one to it.
"""

from __future__ import annotations

import re
from pathlib import Path

from styr.findings import Finding
from styr.rules import loading as rules

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# `\u202e`, `\U0000202E` (any case): the escapes YAML decodes into a bidi control.
ESCAPED_BIDI = re.compile(r"\\(?:u|U0000)(20(?:2[a-eA-E]|6[6-9]))")
_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}


def text_findings(text: str, file: Path | None) -> list[Finding]:
    """What is wrong with the text whatever YAML makes of it."""
    if BIDI_CONTROLS.search(text) is None:
        return []
    return bidi_findings(text, file)


def bidi_findings(text: str, file: Path | None) -> list[Finding]:
    found = []
    line, line_start, counted = 1, 0, 0
    match = BIDI_CONTROLS.search(text)
    while match is not None:
        index = match.start()
        line += text.count("\n", counted, index)
        counted = index
        line_start = text.rfind("\n", 0, index) + 1
        char = match.group()
        found.append(
            rules.BIDI_CONTROL.at(
                file, line, index - line_start + 1, char=f"U+{ord(char):04X}", name=_NAMES[char]
            )
        )
        # One finding per line: the next search starts on the next line.
        line_end = text.find("\n", index)
        if line_end < 0:
            break
        match = BIDI_CONTROLS.search(text, line_end)
    return found


def escaped_bidi_findings(
    text: str, start: int, end: int, file: Path | None, line: int, column: int
) -> list[Finding]:
    """Y018 for each bidi control written as an escape in `text[start:end]`, a
    double-quoted scalar that begins at `line`, `column` (1-based)."""
    found = []
    for match in ESCAPED_BIDI.finditer(text, start, end):
        index = match.start()
        if _escaped(text, start, index):
            continue  # `\\u202e`: a backslash, then the letters, in the value
        newlines = text.count("\n", start, index)
        where_line = line + newlines
        where_column = (
            index - text.rfind("\n", start, index) if newlines else column + index - start
        )
        char = chr(int(match.group(1), 16))
        found.append(
            rules.BIDI_CONTROL.at(
                file, where_line, where_column, char=f"U+{ord(char):04X}", name=_NAMES[char]
            )
        )
    return found


def _escaped(text: str, start: int, index: int) -> bool:
    """Whether the backslash at `index` is itself escaped by an odd run before it."""
    before = index
    while before > start and text[before - 1] == "\\":
        before -= 1
    return (index - before) % 2 == 1
