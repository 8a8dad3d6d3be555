"""What a steering file may be at most, shared by both readers and the file access."""

from __future__ import annotations

MAX_DEPTH = 64
# A cheap bound on nesting before a parser sees the text: PyYAML's C composer
# recurses per level and crashes the interpreter on deep enough input. A line
# that starts with MAX_DEPTH indentation or indicator characters (` `, tab,
# `?`, `:`, `-`) is too deep to be sure of.
#
# Looked for in the text's bytes, each of those characters made a space and
# every other byte an `x`: one table look-up per byte, then a search for a
# line break and MAX_DEPTH spaces. A pattern stopped at every line break to
# look at the indentation after it, which cost half as much again. (Those
# characters are ASCII: in UTF-8 no other character has a byte among them.)
_INDENTING = b" \t?:-"
_MARKS = bytes(
    0x20 if byte in _INDENTING else byte if byte == 0x0A else 0x78 for byte in range(256)
)
_DEEP_RUN = b" " * MAX_DEPTH
_DEEP_RUN_AFTER_BREAK = b"\n" + _DEEP_RUN


def deeply_indented(text: str) -> bool:
    """Whether a line of the text starts with `MAX_DEPTH` indentation or indicator characters."""
    try:
        raw = text.encode("latin-1")  # a copy, where a text has no character past U+00FF
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    marked = raw.translate(_MARKS)
    return marked.startswith(_DEEP_RUN) or _DEEP_RUN_AFTER_BREAK in marked


# Steering files are written by hand; anything this large is a mistake, and
# refusing it keeps memory bounded whatever lands in the folder.
MAX_FILE_BYTES = 5 * 1024 * 1024

# The most digits before the decimal point that a number may have. A budget in
# kronor has ten; past fifteen a float no longer holds every digit, and long
# before Python's own limits (4,300 digits for int to text, 1e308 for a float)
# nothing a steering file says needs the number.
MAX_NUMBER_DIGITS = 15
