"""What every rule is: a code, a name, a severity, messages and documentation.

The documentation is written where the rule is defined (its `doc`), so that
`styr rule CODE` and the docs can never drift from the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from styr.findings import Finding, PathInDocument, Severity

Language = str  # "sv" or "en"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and texts. Checks that apply it live beside it."""

    code: str
    name: str
    severity: Severity
    summary: dict[Language, str]
    message: dict[Language, str]
    doc: str
    options: dict[str, Any] = field(default_factory=dict)

    def render(self, finding: Finding, language: Language) -> str:
        template = self.message.get(language) or self.message["sv"]
        try:
            return template.format(**finding.params)
        except (KeyError, IndexError, ValueError):
            # A message must never crash the run; show the raw template instead.
            return template

    def at(
        self,
        file: Any,
        line: int = 0,
        column: int = 0,
        path: PathInDocument = (),
        **params: Any,
    ) -> Finding:
        """A finding of this rule at a place (line and column 1-based)."""
        return Finding(self.code, self.severity, file, line, column, path, params)
