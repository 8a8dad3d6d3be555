"""Lines and values in a buffer's text, as the editor counts them."""

from __future__ import annotations

import re

# The line breaks of YAML and of the editor protocol; other separators (U+2028)
# are characters within a line for both.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMENT = re.compile(r"\s#")


def lines_of(text: str | None) -> list[str]:
    return _LINE_BREAK.split(text) if text else []


def token_end(line: str, column: int) -> int:
    """Where the value starting at `column` ends on its line (past the column at least by one).

    A quoted value ends at its closing quote; a flow item at a comma or bracket;
    a plain value at the end of the line or before a comment.
    """
    rest = line[column:]
    if not rest:
        return column
    if rest[0] in "\"'":
        closing = rest.find(rest[0], 1)
        return column + (closing + 1 if closing > 0 else len(rest))
    stop = len(rest)
    comment = _COMMENT.search(rest)
    if comment is not None:
        stop = comment.start()
    for mark in ",]}":
        found = rest.find(mark)
        if 0 < found < stop:
            stop = found
    if rest[0] in "[{":
        stop = len(rest) if comment is None else comment.start()
    return column + max(len(rest[:stop].rstrip()), 1)
