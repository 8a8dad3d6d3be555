"""Inline suppression: `# styr: ignore[G002] skäl` on the line, or alone on the line above.

A reason still a placeholder (`# styr: ignore[G002] FYLL I: …`) suppresses
nothing: the finding stays, and X003 says the reason is to be written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from styr.findings import Finding
from styr.load import Document
from styr.rules.base import Rule
from styr.rules.placeholders import is_placeholder

# A YAML comment starts at line start or after white space; requiring that
# keeps a '#' inside a text value from being read as a suppression.
_COMMENT = re.compile(r"(?:^|\s)#\s*styr:\s*ignore\[(?P<codes>[^\]]*)\](?P<reason>.*)$")


@dataclass(slots=True)
class Suppression:
    line: int  # where the comment is (1-based)
    column: int
    target_line: int  # the line whose findings it suppresses
    selectors: list[str]
    reason: str
    used: set[str] = field(default_factory=set)

    @property
    def awaits_reason(self) -> bool:
        """Whether the reason is still a placeholder ("FYLL I: …", as the editor's quick fix
        writes it): such a comment suppresses nothing until someone writes why."""
        return is_placeholder(self.reason)

    def covers(self, finding: Finding, rule: Rule) -> bool:
        if self.awaits_reason:
            return False
        return finding.line == self.target_line and any(
            s.upper() == rule.code or s.lower() == rule.name for s in self.selectors
        )


def parse_suppressions(document: Document) -> list[Suppression]:
    if document.text is None or "styr:" not in document.text:
        return []
    lines = document.text.splitlines()
    found = []
    for number, line in enumerate(lines, start=1):
        match = _COMMENT.search(line)
        if match is None or _inside_quotes(line, line.index("#", match.start())):
            continue
        alone = line[: match.start()].strip() == ""
        target = _next_content_line(lines, number) if alone else number
        selectors = [s.strip() for s in match["codes"].split(",") if s.strip()]
        column = line.index("#", match.start()) + 1
        found.append(Suppression(number, column, target, selectors, match["reason"].strip()))
    return found


def _inside_quotes(line: str, position: int) -> bool:
    """Whether a '#' stands inside a quoted value on its line (then it is text, not a comment)."""
    before = line[:position].replace('\\"', "").replace("''", "")
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _next_content_line(lines: list[str], after: int) -> int:
    for number in range(after + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return after
