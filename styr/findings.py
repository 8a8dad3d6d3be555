"""Findings: what a check reports, with where it was found.

A finding carries the rule code and the message parameters, not a rendered
sentence, so that the same finding can be shown in Swedish or English and the
core never has to know the reader's language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PathInDocument = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that comparisons read naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(text) from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place.

    `line` and `column` are 1-based, as editors and CI annotations show them;
    0 means the finding concerns the whole file (or no file at all).
    """

    code: str
    severity: Severity
    file: Path | None
    line: int = 0
    column: int = 0
    path: PathInDocument = ()
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.file or ""), self.line, self.column, self.code)

    @property
    def dotted_path(self) -> str:
        """The path inside the document as planners read it: goals[0].title."""
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text
