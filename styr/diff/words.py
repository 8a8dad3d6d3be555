"""A word-level diff of two texts: which words a rewording took out and put in.

The diff is a list of `[op, text]` segments, op "=" (in both), "-" (only in
the old text) or "+" (only in the new). The "=" and "-" texts joined give the
old text back, the "=" and "+" texts the new one, whitespace and all, so a
rendering can lay the text out as it was written.
"""

from __future__ import annotations

import difflib
import re

SAME, REMOVED, ADDED = "=", "-", "+"

# Words, runs of whitespace, and each punctuation mark on its own: "2026." to
# "2027." is one changed number, not a changed word with its full stop.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

# Past this many tokens in the changed middle of the two texts (after what
# they begin and end with alike), it is given as one removal and one
# insertion: matching costs up to the product of the two lengths.
MAX_MATCHED_TOKENS = 1500

Segment = list[str]


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new` (see the module's docstring)."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    start = _common_prefix(before, after)
    end = _common_suffix(before[start:], after[start:])
    middle_before = before[start : len(before) - end]
    middle_after = after[start : len(after) - end]
    raw: list[tuple[str, list[str]]] = [(SAME, before[:start])]
    raw.extend(_middle(middle_before, middle_after))
    raw.append((SAME, before[len(before) - end :]))
    return _grouped([(op, "".join(tokens)) for op, tokens in raw if tokens])


def _common_prefix(a: list[str], b: list[str]) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def _common_suffix(a: list[str], b: list[str]) -> int:
    length = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        length += 1
    return length


def _middle(a: list[str], b: list[str]) -> list[tuple[str, list[str]]]:
    if len(a) + len(b) > MAX_MATCHED_TOKENS:
        return [(REMOVED, a), (ADDED, b)]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    parts: list[tuple[str, list[str]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append((SAME, a[i1:i2]))
            continue
        parts.append((REMOVED, a[i1:i2]))
        parts.append((ADDED, b[j1:j2]))
    return parts


def _grouped(segments: list[tuple[str, str]]) -> list[Segment]:
    """Runs of changes as one removal and one insertion, same ops merged.

    Whitespace alone left in common between two changes goes into the change
    on both sides: "[-Fler-][+Färre+] [-barn-][+unga+]" reads as
    "[-Fler barn-][+Färre unga+]".
    """
    result: list[Segment] = []
    removed: list[str] = []
    added: list[str] = []
    for position, (op, text) in enumerate(segments):
        if (
            op == SAME
            and text.isspace()
            and removed
            and added
            and _change_follows(segments, position)
        ):
            removed.append(text)
            added.append(text)
        elif op == SAME:
            _flush(result, removed, added)
            _append(result, SAME, text)
        else:
            (removed if op == REMOVED else added).append(text)
    _flush(result, removed, added)
    return result


def _change_follows(segments: list[tuple[str, str]], position: int) -> bool:
    return position + 1 < len(segments) and segments[position + 1][0] != SAME


def _flush(result: list[Segment], removed: list[str], added: list[str]) -> None:
    if removed:
        _append(result, REMOVED, "".join(removed))
    if added:
        _append(result, ADDED, "".join(added))
    removed.clear()
    added.clear()


def _append(result: list[Segment], op: str, text: str) -> None:
    if not text:
        return
    if result and result[-1][0] == op:
        result[-1][1] += text
    else:
        result.append([op, text])
