"""Escaping text from the YAML for Markdown, so that it shows as written on a git host.

`md` is the one filter the Markdown templates put every piece of YAML text
through: a goal titled `*Fler* | <b>elever</b>` must not turn into emphasis, a
table column or HTML, and a title starting with `1.` or `#` must not start a
list or a heading.
"""

from __future__ import annotations

import re

# Characters that mean something inline in CommonMark/GFM (and `|` in tables), each
# escaped with a backslash: one `str.translate`, several times faster than a pattern's
# substitution on the hundreds of thousands of texts of a large report.
_INLINE = "\\`*_[]<>|~&#"
_BACKSLASHED = str.maketrans({character: "\\" + character for character in _INLINE})
# What would start a block at the beginning of a line: a list item, a setext underline.
_LINE_START = re.compile(r"^([-+=])|^([0-9]{1,9})([.)])")
_MAY_START_A_BLOCK = frozenset("-+=0123456789")


def md(value: object) -> str:
    """One line of YAML text, safe anywhere in Markdown: a paragraph, a heading, a table cell."""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    escaped = " ".join(text.split()).translate(_BACKSLASHED)
    if escaped[:1] in _MAY_START_A_BLOCK:  # "" is in no set: an empty text is left as it is
        return _LINE_START.sub(_escape_line_start, escaped)
    return escaped


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"
