"""How deep a steering file may nest, shared by both readers."""

from __future__ import annotations

import re

MAX_DEPTH = 64
# A cheap bound on nesting before a parser sees the text: PyYAML's C composer
# recurses per level and crashes the interpreter on deep enough input.
DEEP_INDENT = re.compile(rf"^[ \t?:-]{{{MAX_DEPTH},}}", re.MULTILINE)
