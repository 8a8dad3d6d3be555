"""Suggestions: the id a planner meant, and the known name closest to a misspelt one.

Both unknown keys ("contributes_too") and unknown references
("inriktning-trygghett") ask `Suggester.suggest`. The work per question is
bounded whatever the number of known names: the names are indexed once by
their one-character deletions (the "symmetric delete" method), a question looks
up only its own deletions and compares itself with at most `MAX_COMPARISONS`
names, each by an edit distance that gives up past two edits. So a repository
with ten thousand misspelt references costs ten thousand small look-ups, not
ten thousand passes over every id.

The index finds every name within one edit (a letter added, removed, changed,
or two letters swapped) and most within two.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path

# Past this length a text is no misspelt name; it is not looked up at all.
MAX_LENGTH = 64
# The most names one question is compared with, however many share its deletions.
MAX_COMPARISONS = 200

_SEPARATORS = re.compile(r"[\s_-]+")
_NOT_IN_AN_ID = re.compile(r"[^a-z0-9_.]+")
_RUNS = re.compile(r"-{2,}")
# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})


def plain_letters(text: str) -> str:
    """Lower case, with å, ä → a, ö → o, é → e and other marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


def corrected_id(text: str) -> str:
    """The id a planner probably meant by `text`: what to suggest for a malformed id.

    Lower case; å/ä → a, ö → o, é → e; spaces and every other character an id
    may not hold → `-`; repeated `-` collapsed; separators stripped from both
    ends, since an id starts with a letter or digit. "" when nothing is left.
    """
    text = _NOT_IN_AN_ID.sub("-", plain_letters(text))
    return _RUNS.sub("-", text).strip("-_.")


def fold(text: str) -> str:
    """The form names are compared in: plain lower-case letters, one kind of separator."""
    return _SEPARATORS.sub("_", plain_letters(text)).strip("_")


def max_edits(text: str) -> int:
    """How many edits a suggestion may be from `text`: none for very short texts."""
    if len(text) < 3:
        return 0
    return 1 if len(text) < 6 else 2


class Suggester:
    """The closest of a fixed set of names to a misspelt one.

    `aliases` are other words for some names (a Swedish word for a key,
    `malgrupp` for `target_group`): a text close to an alias suggests the name.
    The index is built at the first question, so a run without misspellings
    never pays for it.
    """

    def __init__(self, names: Iterable[str], aliases: Mapping[str, str] | None = None) -> None:
        self._names = list(dict.fromkeys(names))
        self._aliases = dict(aliases or {})
        self._exact: dict[str, str] | None = None
        self._deletions: dict[str, list[int]] = {}
        self._folded: list[str] = []
        self._targets: list[str] = []
        self.comparisons = 0  # distance computations so far; bounded per question

    def suggest(self, text: str) -> str | None:
        """The known name `text` most probably means, or None when none is close."""
        if not text or len(text) > MAX_LENGTH:
            return None
        exact = self._index()
        folded = fold(text)
        found = exact.get(folded)
        if found is not None:
            return found if found != text else None
        limit = max_edits(folded)
        if limit == 0:
            return None
        best: tuple[int, int] | None = None
        for position in self._nearby(folded):
            self.comparisons += 1
            distance = bounded_distance(folded, self._folded[position], limit)
            if distance <= limit and (best is None or (distance, position) < best):
                best = (distance, position)
        if best is None:
            return None
        target = self._targets[best[1]]
        return target if target != text else None

    def _index(self) -> dict[str, str]:
        if self._exact is not None:
            return self._exact
        self._exact = {}
        entries = [(name, name) for name in self._names]
        entries += list(self._aliases.items())
        for word, target in entries:
            folded = fold(word)
            if not folded or len(folded) > MAX_LENGTH or folded in self._exact:
                continue
            self._exact[folded] = target
            position = len(self._folded)
            self._folded.append(folded)
            self._targets.append(target)
            for variant in _deletions(folded):
                self._deletions.setdefault(variant, []).append(position)
        return self._exact

    def _nearby(self, folded: str) -> list[int]:
        """Indexed names that share a one-character deletion with `folded`, at most a cap."""
        seen: dict[int, None] = {}
        for variant in _deletions(folded):
            for position in self._deletions.get(variant, ()):
                seen[position] = None
                if len(seen) >= MAX_COMPARISONS:
                    return list(seen)
        return list(seen)


def _deletions(text: str) -> list[str]:
    """`text` itself and every text one character shorter."""
    return [text, *dict.fromkeys(text[:i] + text[i + 1 :] for i in range(len(text)))]


def bounded_distance(first: str, second: str, limit: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) between the texts; limit+1 past it.

    Only a band of width `limit` around the diagonal is computed, and the
    computation stops as soon as every cell of a row is past the limit.
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    # A misspelling differs in a few letters: compare only what lies between
    # the common beginning and the common end.
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    end = 0
    while end < min(len(first), len(second)) - start and first[-1 - end] == second[-1 - end]:
        end += 1
    first, second = first[start : len(first) - end], second[start : len(second) - end]
    past = limit + 1
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i in range(1, len(first) + 1):
        current = [past] * (len(second) + 1)
        current[0] = i
        low, high = max(1, i - limit), min(len(second), i + limit)
        for j in range(low, high + 1):
            cost = 0 if first[i - 1] == second[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = min(value, past)
        if min(current[max(0, low - 1) : high + 1]) > limit:
            return past
        previous2, previous = previous, current
    return min(previous[len(second)], past)


# ------------------------------------------------------------ Swedish words

_WORDS_FILE = Path(__file__).resolve().parent / "data" / "swedish_words.json"


@cache
def _swedish_words(part: str) -> dict[str, list[str]]:
    """The words for keys ("keys") or for values of a choice ("values")."""
    words: dict[str, list[str]] = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))[part]
    return words


def aliases_for(allowed: Iterable[str], part: str = "keys") -> dict[str, str]:
    """The Swedish words planners type for any of `allowed` (keys or values), word → name.

    A word may stand for several names (`uppdrag`: `mission` or `assignments`);
    it suggests the first of them that is allowed here.
    """
    names = set(allowed)
    aliases = {}
    for word, targets in _swedish_words(part).items():
        target = next((t for t in targets if t in names), None)
        if target is not None:
            aliases[word] = target
    return aliases


@lru_cache(maxsize=512)  # the keys of one mapping of a schema, a model's kinds
def _suggester_for(names: tuple[str, ...], part: str) -> Suggester:
    return Suggester(names, aliases_for(names, part))


def suggest_among(text: str, names: Iterable[str], part: str = "keys") -> str | None:
    """The one of `names` that `text` most probably means, Swedish words included."""
    return _suggester_for(tuple(names), part).suggest(text)
