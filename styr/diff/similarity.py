"""Renames: an element removed and one added whose content is the same or nearly so.

Content is compared as a sequence of tokens, one per word of each value,
each marked with its field (`title:barn`), in the order of the fields' names,
so that reordered keys change nothing and a word moved from the title to the
text is not the same word. The similarity is difflib's ratio over the two
sequences (2 × matching tokens / all tokens): one word changed in a
ten-word title of a goal with a target group and a horizon is about 0.95,
a goal rewritten from scratch well under 0.5.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from styr.diff.content import Field, dotted

# At or above this similarity an id changed is a rename (with the content's
# changes shown as for a kept id); below it, one element removed and one added.
THRESHOLD = 0.8

# Pairs compared within one group at most. A corpus may remove and add
# thousands of elements of one category; beyond this many pairs the group is
# split by organisation, and a part still too large (or past the bound for
# all parts) has only its renames with exactly the same content found (by
# hashing, in linear time): the rest are shown as removed and added.
MAX_PAIRS = 40_000
# And at most this many pairs in all the groups of one category together.
MAX_PAIRS_IN_ALL = 400_000

# Two contents of more tokens than this together are scored by the tokens
# they share, not in order: matching in order costs up to the product of the
# lengths (a title of 100,000 characters is written once in a while).
MAX_MATCHED_TOKENS = 2000

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)

Tokens = tuple[str, ...]
T = TypeVar("T")


def content_tokens(content: dict[Field, Any]) -> Tokens:
    """The tokens of an element's own content (see the module's docstring)."""
    tokens: list[str] = []
    for path in sorted(content, key=dotted):
        name = dotted(path)
        value = content[path]
        values = value if isinstance(value, list) else [value]
        for item in values:
            words = _WORD.findall(item.lower()) if isinstance(item, str) else [repr(item)]
            tokens.extend(f"{name}:{word}" for word in words)
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class Candidate(Generic[T]):
    """An element removed or added, with its content's tokens and the group it is sought in."""

    item: T
    tokens: Tokens
    group: Hashable = None


@dataclass(frozen=True, slots=True)
class Rename(Generic[T]):
    old: T
    new: T
    similarity: float


def match_renames(
    removed: Sequence[Candidate[T]], added: Sequence[Candidate[T]]
) -> list[Rename[T]]:
    """Pairs of one removed and one added candidate, best first, each used once.

    Candidates without content are never paired: two elements that only have
    an id say nothing about being the same.
    """
    old = [c for c in removed if c.tokens]
    new = [c for c in added if c.tokens]
    renames = _exact(old, new)
    taken_old = {id(r.old) for r in renames}
    taken_new = {id(r.new) for r in renames}
    old = [c for c in old if id(c.item) not in taken_old]
    new = [c for c in new if id(c.item) not in taken_new]
    if len(old) * len(new) <= MAX_PAIRS:
        return renames + _best_first(old, new)
    budget = MAX_PAIRS_IN_ALL
    for group_old, group_new in _groups(old, new):
        pairs = len(group_old) * len(group_new)
        if pairs <= MAX_PAIRS and pairs <= budget:
            budget -= pairs
            renames.extend(_best_first(group_old, group_new))
    return renames


def _exact(old: Sequence[Candidate[T]], new: Sequence[Candidate[T]]) -> list[Rename[T]]:
    waiting: dict[Tokens, list[Candidate[T]]] = {}
    for candidate in new:
        waiting.setdefault(candidate.tokens, []).append(candidate)
    renames = []
    for candidate in old:
        same = waiting.get(candidate.tokens)
        if same:
            renames.append(Rename(candidate.item, same.pop(0).item, 1.0))
    return renames


def _groups(
    old: Sequence[Candidate[T]], new: Sequence[Candidate[T]]
) -> list[tuple[list[Candidate[T]], list[Candidate[T]]]]:
    by_group: dict[Hashable, tuple[list[Candidate[T]], list[Candidate[T]]]] = {}
    for candidate in old:
        by_group.setdefault(candidate.group, ([], []))[0].append(candidate)
    for candidate in new:
        by_group.setdefault(candidate.group, ([], []))[1].append(candidate)
    return list(by_group.values())


def _best_first(old: Sequence[Candidate[T]], new: Sequence[Candidate[T]]) -> list[Rename[T]]:
    old_bags = [_bag(candidate.tokens) for candidate in old]
    scored: list[tuple[float, int, int]] = []
    matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None, autojunk=False)
    for j, added in enumerate(new):
        bag, size, matching = _bag(added.tokens), len(added.tokens), False
        for i, removed in enumerate(old):
            # An upper bound first: the tokens both have, counted in C.
            total = size + len(removed.tokens)
            shared = 2 * len(bag & old_bags[i])
            if shared < THRESHOLD * total:
                continue
            if total > MAX_MATCHED_TOKENS:  # too long to match in order: the bound is the score
                scored.append((shared / total, i, j))
                continue
            if not matching:  # the costly half, once per added element
                matcher.set_seq2(added.tokens)
                matching = True
            matcher.set_seq1(removed.tokens)
            score = matcher.ratio()
            if score >= THRESHOLD:
                scored.append((score, i, j))
    scored.sort(key=lambda entry: (-entry[0], entry[1], entry[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    renames = []
    for score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        renames.append(Rename(old[i].item, new[j].item, round(score, 3)))
    return renames


def _bag(tokens: Tokens) -> frozenset[tuple[str, int]]:
    """The tokens as a set, each repeat numbered: a multiset's intersection as a set's."""
    seen: dict[str, int] = {}
    numbered = []
    for token in tokens:
        seen[token] = seen.get(token, 0) + 1
        numbered.append((token, seen[token]))
    return frozenset(numbered)
