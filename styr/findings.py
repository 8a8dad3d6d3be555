"""Findings: what a check reports, with where it was found.

A finding carries the rule code and the message parameters, not a rendered
sentence, so that the same finding can be shown in Swedish or English and the
core never has to know the reader's language.
"""

from __future__ import annotations

import enum
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


class Finding:
    """One problem at one place.

    `line` and `column` are 1-based, as editors and CI annotations show them;
    0 means the finding concerns the whole file (or no file at all).

    Immutable, equal and hashed by everything but `params`. Written out rather
    than a frozen dataclass: this class is on the path of a cached `styr lint`,
    where making a dataclass (its methods compiled at import, the `dataclasses`
    module and `inspect` beneath it) cost a tenth of the run.
    """

    __slots__ = ("code", "column", "file", "line", "params", "path", "severity")
    _FIELDS = ("code", "severity", "file", "line", "column", "path", "params")  # in order

    code: str
    severity: Severity
    file: Path | None
    line: int
    column: int
    path: PathInDocument
    params: dict[str, Any]

    def __init__(
        self,
        code: str,
        severity: Severity,
        file: Path | None,
        line: int = 0,
        column: int = 0,
        path: PathInDocument = (),
        params: dict[str, Any] | None = None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "code", code)
        setter(self, "severity", severity)
        setter(self, "file", file)
        setter(self, "line", line)
        setter(self, "column", column)
        setter(self, "path", path)
        setter(self, "params", {} if params is None else params)

    def _compared(self) -> tuple[object, ...]:
        return (self.code, self.severity, self.file, self.line, self.column, self.path)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Finding:
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Finding cannot be changed: make another ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Finding cannot be changed ({name})")

    def __reduce__(self) -> tuple[type[Finding], tuple[object, ...]]:
        # Sent between processes whole; the default would set the slots one by one.
        return Finding, (*self._compared(), self.params)

    def __repr__(self) -> str:
        return (
            f"Finding(code={self.code!r}, severity={self.severity!r}, file={self.file!r}, "
            f"line={self.line!r}, column={self.column!r}, path={self.path!r}, "
            f"params={self.params!r})"
        )

    def replaced(self, **changes: Any) -> Finding:
        """The same finding with the fields named changed (as `dataclasses.replace`)."""
        fields = {name: getattr(self, name) for name in Finding._FIELDS}
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Finding has no field {sorted(unknown)[0]!r}")
        return Finding(**{**fields, **changes})

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.file or ""), self.line, self.column, self.code)

    @property
    def dotted_path(self) -> str:
        """The path inside the document as planners read it: goals[0].title."""
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text
