"""What a repository's lint configuration chooses, and how it applies to a finding.

A `LintConfig` is read and checked by `styr.config_load` (where it comes from)
and `styr.config_parse` (what its settings may be); this module only holds the
choices and answers, for one rule, whether it runs, where it is ignored and at
what severity its findings stand.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styr.findings import Finding, Severity
from styr.record import Record

if TYPE_CHECKING:  # the rules (and what they import) only where a miss checks a repository
    from styr.rules.base import Rule

KEYS = ("select", "ignore", "per_path_ignores", "severity", "options", "fail_on")


class LintConfig(Record):
    """What a repository's `lint:` settings choose. Not a dataclass: see `styr.record`."""

    _fields = ("select", "ignore", "per_path_ignores", "severity", "options", "fail_on", "source")
    __slots__ = _fields

    def __init__(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        per_path_ignores: dict[str, list[str]] | None = None,
        severity: dict[str, Severity] | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        fail_on: Severity | None = None,
        source: Path | None = None,
    ) -> None:
        self.select: list[str] = ["ALL"] if select is None else select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.per_path_ignores: dict[str, list[str]] = (
            {} if per_path_ignores is None else per_path_ignores
        )
        self.severity: dict[str, Severity] = {} if severity is None else severity
        self.options: dict[str, dict[str, Any]] = {} if options is None else options
        self.fail_on = fail_on
        self.source = source

    def enabled(self, rule: Rule) -> bool:
        return any(matches(s, rule) for s in self.select) and not any(
            matches(s, rule) for s in self.ignore
        )

    def ignored_at(self, rule: Rule, relative: str) -> bool:
        return any(
            fnmatch.fnmatch(relative, pattern) and any(matches(s, rule) for s in selectors)
            for pattern, selectors in self.per_path_ignores.items()
        )

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code) or self.severity.get(rule.name) or rule.severity

    def options_of(self, rule: Rule) -> dict[str, Any]:
        given = self.options.get(rule.code) or self.options.get(rule.name) or {}
        return {**rule.options, **given}

    def apply(self, finding: Finding, rule: Rule, relative: str) -> Finding | None:
        """The finding as configured, or None when configuration turns it off."""
        if not self.enabled(rule) or self.ignored_at(rule, relative):
            return None
        severity = self.severity_of(rule)
        if severity is finding.severity:
            return finding
        return Finding(
            finding.code,
            severity,
            finding.file,
            finding.line,
            finding.column,
            finding.path,
            finding.params,
        )


def matches(selector: str, rule: Rule) -> bool:
    """A selector is ALL, a rule's code, its name, or a prefix of codes (G, G00)."""
    return (
        selector == "ALL"
        or selector.upper() == rule.code
        or selector.lower() == rule.name
        or (selector[:1].isalpha() and rule.code.startswith(selector.upper()))
    )
