"""G002's reading of a goal statement into words: normalising and tokenising.

A statement is normalised (case, Unicode composition, dashes, quotes, spacing)
before anything compares words with it, and its numbering and framing words
("Mål 3:", "Målet är att ...") are dropped before it is split into tokens.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")  # the many dashes of word processors
_QUOTES = re.compile(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]")
# Either of the two above: most goals hold neither, and one search that finds
# nothing costs less than two substitutions that change nothing.
_DASHES_OR_QUOTES = re.compile(r"[\u2010-\u2015\u2212\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]")


def normalise(text: str) -> str:
    """Lower case, composed å/ä/ö, one space between words, no surrounding punctuation."""
    # The patterns are compiled once, above: G002 normalises every goal, and
    # `re.sub` given a pattern's text looks the compiled pattern up each time.
    text = unicodedata.normalize("NFC", text).lower()
    if _DASHES_OR_QUOTES.search(text):
        text = _QUOTES.sub("", _DASHES.sub("-", text))
    # Splitting on whitespace (what `\s` matches) and joining with one space
    # is the same as putting one space for each run of it, and faster: a run
    # at either end is dropped here where the strip below would drop its space.
    return " ".join(text.split()).strip(" .!;•*-\t")


# Numbering and framing words say nothing about the goal itself: "Mål 3:",
# "Målområde 1:2", "Målet är att ...", "Målet för X är att ...", "Att ...".
_FRAMES = (
    re.compile(r"^(?:mål|delmål|effektmål|nämndmål|nämndsmål|målområde)\s*[\d.:]*\d[.:)]?\s+"),
    re.compile(r"^\d+[.)]\s+"),
    re.compile(r"^(?:vårt |det övergripande )?målet(?: \S+){0,8}? är att "),
    re.compile(r"^att "),
)


# What a text a frame can drop starts with: most goals start with none of them.
_FRAME_STARTS = ("mål", "delmål", "effektmål", "nämnd", "vårt ", "det övergripande ", "att ")


def _strip_frames(text: str) -> str:
    if not (text[:1].isdigit() or text.startswith(_FRAME_STARTS)):
        return text  # no frame can match (each is anchored at such a start)
    for frame in _FRAMES:
        text = frame.sub("", text, count=1)
    return text


_TOKEN = re.compile(r"[0-9a-zåäöéüæø]+(?:[-/][0-9a-zåäöéüæø]+)*-?|[%,;:()]")
# A normalised statement of nothing but word letters and single spaces: most
# goals. Its tokens are then exactly its words, which `str.split` finds in a
# fraction of the time `_TOKEN` takes (G002 tokenises every goal).
_WORDS_ONLY = re.compile(r"[0-9a-zåäöéüæø ]*")


def goal_tokens(text: str) -> list[str]:
    """The words and punctuation of a normalised statement, its numbering and framing dropped."""
    text = _strip_frames(text)
    if _WORDS_ONLY.fullmatch(text):
        return text.split()
    return _TOKEN.findall(text)
