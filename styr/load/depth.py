"""How deep flow collections nest, measured before any YAML parser sees the text.

libyaml keeps its own limit on nesting (in newer PyYAML releases it stops at
a thousand levels with an error of its own, in older ones it has none and the
composer recurses until the interpreter crashes). Our limit, `MAX_DEPTH`, must
hold whichever PyYAML is installed, so flow nesting (`[[[[…`, `{a: {a: …`) is
counted here, by us, first. Block nesting needs no such guard: libyaml hands
block tokens over one at a time, so the reader counts them itself and stops at
our limit long before libyaml's.

The count follows YAML closely enough for its purpose: brackets inside quoted
text, comments and block scalars (`|`, `>`) do not count, and outside flow
collections a bracket only opens one where a value may start. On text libyaml
reads, it counts what libyaml counts (tests/test_depth.py holds it to that);
on text it refuses, such as `a: x] [[[`, it may count less, which does no
harm: the parser stops at the first wrong token, before anything nests.
"""

from __future__ import annotations

import re

_SIGNIFICANT = re.compile(r"""[\[\]{}"'#\n|>]""")
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
# Indicators that may stand before a value on a line in block context.
_LEADING_INDICATORS = re.compile(r"[ ]*(?:[-?:][ ]+)*")
_KEY_BEFORE_VALUE = re.compile(r"""(?:[^\s#'"][^#\n]*?|"[^"\n]*"|'[^'\n]*'):[ ]+""")


def flow_depth_exceeds(text: str, limit: int) -> bool:
    """Whether flow collections in `text` nest deeper than `limit` levels."""
    return too_deep_at(text, limit) is not None


def too_deep_at(text: str, limit: int) -> int | None:
    """Where in `text` (its index) a flow collection opens one level deeper than `limit`,
    or None: the finding points at the bracket, not at the file's start."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    position = 0
    length = len(text)
    while position < length:
        match = _SIGNIFICANT.search(text, position)
        if match is None:
            return None
        char = match.group()
        at = match.start()
        position = at + 1
        if char in "[{":
            if depth or _value_may_start(text, at, in_flow=False):
                depth += 1
                if depth > limit:
                    return at
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "#":
            if at == 0 or text[at - 1] in " \t\n":
                end = text.find("\n", at)
                position = length if end < 0 else end
        elif char in "'\"":
            if _value_may_start(text, at, in_flow=depth > 0):
                quoted = (_SINGLE_QUOTED if char == "'" else _DOUBLE_QUOTED).match(text, at)
                if quoted is None:
                    return None  # an unclosed quote: libyaml stops there too
                position = quoted.end()
        elif char in "|>" and not depth and _value_may_start(text, at, in_flow=False):
            position = _after_block_scalar(text, at)
    return None


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _value_may_start(text: str, at: int, *, in_flow: bool) -> bool:
    """Whether a value may start at `at`: at a line's start, after `: `, `- ` or `? `,
    and inside a flow collection also after `[`, `{` and `,`."""
    before = at - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    if before < 0 or text[before] == "\n":
        return True
    previous = text[before]
    if previous in "[{,":
        return in_flow
    if previous in "-?:" and before < at - 1:
        # An indicator counts only when blank follows it: `a: [` opens, `a:[` is text.
        return before == 0 or text[before - 1] in " \t\n" or previous == ":"
    return False


def _after_block_scalar(text: str, at: int) -> int:
    """Where the lines of a block scalar (`key: |` and the lines under it) end."""
    start = _line_start(text, at)
    parent = _parent_column(text[start:at])
    end = text.find("\n", at)
    while end >= 0:
        next_end = text.find("\n", end + 1)
        line = text[end + 1 : next_end if next_end >= 0 else len(text)]
        stripped = line.lstrip(" ")
        if stripped.strip() and len(line) - len(stripped) <= parent:
            return end + 1
        end = next_end
    return len(text)


def _parent_column(prefix: str) -> int:
    """The column of what a block scalar belongs to: its key, or its list dash."""
    indicators = _LEADING_INDICATORS.match(prefix)
    column = len(prefix) - len(prefix.lstrip(" "))
    if indicators is not None:
        dashes = [i for i, c in enumerate(prefix[: indicators.end()]) if c in "-?:"]
        if dashes:
            column = dashes[-1]
        rest = indicators.end()
        if _KEY_BEFORE_VALUE.match(prefix, rest):
            column = rest
    return column
