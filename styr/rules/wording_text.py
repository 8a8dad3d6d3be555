"""G002's reading of a goal statement into words: normalising and tokenising.

A statement is normalised (case, Unicode composition, dashes, quotes, spacing)
before anything compares words with it, and its numbering and framing words
("Mål 3:", "Målet är att ...") are dropped before it is split into tokens.
"""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str) -> str:
    """Lower case, composed å/ä/ö, one space between words, no surrounding punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # the many dashes of word processors
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .!;•*-\t")


# Numbering and framing words say nothing about the goal itself: "Mål 3:",
# "Målområde 1:2", "Målet är att ...", "Målet för X är att ...", "Att ...".
_FRAMES = (
    re.compile(r"^(?:mål|delmål|effektmål|nämndmål|nämndsmål|målområde)\s*[\d.:]*\d[.:)]?\s+"),
    re.compile(r"^\d+[.)]\s+"),
    re.compile(r"^(?:vårt |det övergripande )?målet(?: \S+){0,8}? är att "),
    re.compile(r"^att "),
)


def _strip_frames(text: str) -> str:
    for frame in _FRAMES:
        text = frame.sub("", text, count=1)
    return text


_TOKEN = re.compile(r"[0-9a-zåäöéüæø]+(?:[-/][0-9a-zåäöéüæø]+)*-?|[%,;:()]")


def goal_tokens(text: str) -> list[str]:
    """The words and punctuation of a normalised statement, its numbering and framing dropped."""
    return _TOKEN.findall(_strip_frames(text))
