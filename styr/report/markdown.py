"""Escaping text from the YAML for Markdown, so that it shows as written on a git host.

`md` is the one filter the Markdown templates put every piece of YAML text
through: a goal titled `*Fler* | <b>elever</b>` must not turn into emphasis, a
table column or HTML, and a title starting with `1.` or `#` must not start a
list or a heading.
"""

from __future__ import annotations

import re

# Characters that mean something inline in CommonMark/GFM (and `|` in tables).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What would start a block at the beginning of a line: a list item, a setext underline.
_LINE_START = re.compile(r"^([-+=])|^([0-9]{1,9})([.)])")
_MAY_START_A_BLOCK = frozenset("-+=0123456789")


def md(value: object) -> str:
    """One line of YAML text, safe anywhere in Markdown: a paragraph, a heading, a table cell."""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    line = " ".join(text.split())
    # Most texts hold nothing to escape: a search finds that several times faster than a
    # substitution, on the millions of texts of a large report.
    if _INLINE.search(line) is not None:
        line = _INLINE.sub(r"\\\1", line)
    if line[:1] in _MAY_START_A_BLOCK:  # "" is in no set: an empty text is left as it is
        return _LINE_START.sub(_escape_line_start, line)
    return line


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"
