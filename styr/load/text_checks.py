"""Checks on a file's text itself, before it is read as YAML.

Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are invisible and make
an editor, a browser or a code review show text in another order than it is
stored ("Trojan Source"): a goal title can read one way and say another, a
comment can hide what follows it. Steering files in Swedish and English never
need them, so each line that holds one is reported, at the first of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from styr.findings import Finding
from styr.rules import loading as rules

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
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
