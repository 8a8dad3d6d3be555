"""Whether what `styr report` and `styr status` show may be published: not over errors.

A repository with errors (a file that did not load, a broken reference) gives
a report or a follow-up that silently lacks what the broken parts hold. Both
commands lint first, with the same rules as `styr lint`, and refuse while
there are errors; `--allow-errors` publishes anyway, and the output then says
so where a reader sees it.
"""

from __future__ import annotations

from styr.findings import Severity
from styr.lint import LintResult


class ErrorsBlockPublishing(Exception):
    """The repositories have errors and publishing them anyway was not asked for."""

    def __init__(self, errors: LintResult) -> None:
        super().__init__("errors-block-publishing")
        self.errors = errors

    @property
    def count(self) -> int:
        return len(self.errors.findings)


# What a command that publishes must know of the lint: the errors that can block it
# (`load_and_lint(only=ERRORS_ONLY)`, a partial lint; see styr.lint_checks.check_repository).
ERRORS_ONLY: frozenset[str] = frozenset()


def error_count(result: LintResult) -> int:
    return sum(1 for finding in result.findings if finding.severity >= Severity.ERROR)


def check_publishable(result: LintResult, *, allow_errors: bool) -> int:
    """The number of errors; raises `ErrorsBlockPublishing` when there are some not allowed."""
    count = error_count(result)
    if count and not allow_errors:
        raise ErrorsBlockPublishing(result.errors())
    return count
