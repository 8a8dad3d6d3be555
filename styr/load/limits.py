"""What a steering file may be at most, shared by both readers and the file access."""

from __future__ import annotations

import re

MAX_DEPTH = 64
# A cheap bound on nesting before a parser sees the text: PyYAML's C composer
# recurses per level and crashes the interpreter on deep enough input.
DEEP_INDENT = re.compile(rf"^[ \t?:-]{{{MAX_DEPTH},}}", re.MULTILINE)
# The same after a line break: a pattern that starts with one character is
# found several times faster than `^` under MULTILINE, which is tried everywhere.
_DEEP_AFTER_BREAK = re.compile(rf"\n[ \t?:-]{{{MAX_DEPTH}}}")


def deeply_indented(text: str) -> bool:
    """Whether a line of the text starts with `MAX_DEPTH` indentation or indicator characters."""
    return DEEP_INDENT.match(text) is not None or _DEEP_AFTER_BREAK.search(text) is not None


# Steering files are written by hand; anything this large is a mistake, and
# refusing it keeps memory bounded whatever lands in the folder.
MAX_FILE_BYTES = 5 * 1024 * 1024

# The most digits before the decimal point that a number may have. A budget in
# kronor has ten; past fifteen a float no longer holds every digit, and long
# before Python's own limits (4,300 digits for int to text, 1e308 for a float)
# nothing a steering file says needs the number.
MAX_NUMBER_DIGITS = 15
