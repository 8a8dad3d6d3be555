"""What a lint gives back: each repository's findings as configured, and the run's.

Apart from `styr.lint`, which makes them, so that a reader finds the results
without the walk, the cache and the workers around them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from styr.config import LintConfig
from styr.findings import Finding, PathInDocument, Severity
from styr.model.repository import Repository
from styr.record import Record

if TYPE_CHECKING:
    from styr.withholding import Withheld


class RepositoryResult(Record):
    """One repository's lint: its findings as configured, and what was left out of them.

    Not a dataclass: it is made on a cached run's path (see `styr.record`).
    """

    _fields = ("repository", "findings", "config", "suppressed", "withheld", "unusable")
    __slots__ = _fields

    def __init__(
        self,
        repository: Repository,
        findings: list[Finding] | None = None,
        config: LintConfig | None = None,
        suppressed: int = 0,
        withheld: Withheld | None = None,
        unusable: dict[Path, list[PathInDocument]] | None = None,
    ) -> None:
        self.repository = repository
        self.findings: list[Finding] = [] if findings is None else findings
        self.config = LintConfig() if config is None else config
        self.suppressed = suppressed
        # Findings not shown because a file they presume did not load (styr.withholding).
        self.withheld = withheld
        # The schema's verdict of what no code can read, by file (only files with some):
        # kept in the cache entry, so that a report answered from it need not check
        # every file against the schema again (styr.model.readable).
        self.unusable: dict[Path, list[PathInDocument]] = {} if unusable is None else unusable

    def with_findings(self, findings: list[Finding]) -> RepositoryResult:
        """The same result holding other findings."""
        return RepositoryResult(
            self.repository, findings, self.config, self.suppressed, self.withheld, self.unusable
        )


class LintResult(Record):
    """The results of every repository a run linted, in order."""

    _fields = ("results",)
    __slots__ = _fields

    def __init__(self, results: list[RepositoryResult] | None = None) -> None:
        self.results: list[RepositoryResult] = [] if results is None else results

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    def failed(self, fail_on: Severity | None = None) -> bool:
        """Whether any finding reaches the failing level (the flag's, else each repository's)."""
        for result in self.results:
            level = fail_on or result.config.fail_on or Severity.ERROR
            if any(finding.severity >= level for finding in result.findings):
                return True
        return False

    @property
    def withheld(self) -> list[Withheld]:
        return [r.withheld for r in self.results if r.withheld is not None]

    def errors(self) -> LintResult:
        """The same result holding only the findings at error level."""
        return LintResult(
            [
                r.with_findings([f for f in r.findings if f.severity >= Severity.ERROR])
                for r in self.results
            ]
        )

    @property
    def files_checked(self) -> int:
        # Counted, not listed: a warm run's documents are names until asked for
        # (styr.named_documents), and building 9,000 paths to count them was a
        # third of that run's own time.
        return sum(1 + len(r.repository.documents) for r in self.results)
