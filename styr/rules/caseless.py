"""Case-insensitive searches of goal titles that skip the slow case-insensitive engine.

`re.IGNORECASE` compares each character of the text through its case
folding, and for a pattern of many alternatives (G006's topics, G009's vague
words) that is most of what the rules cost per goal: twice a plain search.
A text written only in the characters of `_PLAIN` (ASCII, the Swedish and a
few other Latin letters, dashes and quotes) has, case-insensitively, exactly
the matches its lower case has plainly, at the same places: each of those
characters has a lower case of one character, in the same set, which `re`
folds no other way (no dotless i, long s or Kelvin sign among them). So such
a text is searched in lower case with the pattern compiled without the flag;
any other text, or a pattern that is not all lower case in that set, is
searched with the flag as before (`tests/test_rules_fast_paths.py` holds
both to the same matches).
"""

from __future__ import annotations

import re

_PLAIN_CHARACTERS = (
    "\t\n\r\x20-\x7eåäöÅÄÖéÉèÈüÜáÁàÀæÆøØ\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
)
_NOT_PLAIN = re.compile(f"[^{_PLAIN_CHARACTERS}]")


class CaselessPattern:
    """A pattern searched case-insensitively; its source must be in lower case to be fast."""

    __slots__ = ("_folded", "_plain", "_words")

    def __init__(self, source: str, words: tuple[str, ...] = ()) -> None:
        """`words`, in lower case: one of them is in every match (none given: no such test).

        A text in plain letters that holds none of them is no match, found
        without a search: a few substring tests cost a third of one search
        of many alternatives.
        """
        self._folded = re.compile(source, re.IGNORECASE)
        # Lower case only ("\\b", "\\w"): an upper-case escape ("\\W", "\\S") or
        # letter would mean something else, or nothing, against a lowered text.
        fast = source == source.lower() and _NOT_PLAIN.search(source) is None
        self._plain = re.compile(source) if fast else None
        self._words = words

    def search(self, text: str) -> re.Match[str] | None:
        """The first match, as `re.IGNORECASE` finds it; its groups may be in lower case."""
        if self._plain is None or _NOT_PLAIN.search(text) is not None:
            return self._folded.search(text)
        lowered = text.lower()
        if not self._words:
            return self._plain.search(lowered)
        # A loop, not any() over a generator: the words are tested for every
        # goal, and making the generator cost as much as the tests themselves.
        for word in self._words:
            if word in lowered:
                return self._plain.search(lowered)
        return None
