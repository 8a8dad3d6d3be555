"""The checks of one loaded repository: what a cache miss costs.

Kept apart from `styr.lint` so that a run answered from the cache never
imports the schema validator, the rules or the guard.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from styr.config import LintConfig
from styr.config_load import load_config
from styr.findings import Finding, Severity
from styr.lint import RepositoryResult, relative_name
from styr.load import Document
from styr.model.guard import guard
from styr.model.index import FILE_LAYOUTS, Index
from styr.model.readable import schema_kind
from styr.model.repository import Repository
from styr.rules.base import Rule
from styr.rules.catalogue import ALL_RULES, BY_CODE, QUALITY_CHECKS
from styr.rules.chain import check_chain
from styr.rules.context import RuleContext
from styr.rules.placeholders import PLACEHOLDER
from styr.rules.suppressions import NO_REASON, UNUSED
from styr.schema_check import SchemaResult, unknown_file_kind, with_known_ids
from styr.schema_check import check as check_schema
from styr.schema_texts import shown
from styr.schema_validators import compile_validator, schema_names
from styr.suppress import Suppression, parse_suppressions
from styr.withholding import withhold


def prepare() -> None:
    """Compile every file kind's validator now (see `styr.lint._prepare_for_fork`)."""
    for kind in schema_names():
        compile_validator(kind)


def check_repository(
    repository: Repository, today: date, only: frozenset[str] | None = None
) -> RepositoryResult:
    """Schema, YAML, goal chain and quality findings of one loaded repository.

    With `only`, the result holds the findings at error level and those of the
    rules `only` names, and nothing else: what a command that publishes needs
    (the errors that block it; the site also counts X003's placeholders). A
    quality rule that can give neither is not run, which is most of a lint's
    cost. Such a result is partial and must never stand in for a whole one.
    """
    config = load_config(repository.root, repository.manifest.data, ALL_RULES)
    # Which rules a partial lint runs: all of them when it must tell unused suppressions
    # (X001), since "suppresses nothing" can only be told when every rule has run.
    run_only = None if only is None or _wanted(UNUSED, config, only) else only
    raw: list[Finding] = []
    shapes: dict[Path, SchemaResult] = {}
    for document in repository.all_documents():
        raw.extend(document.findings)
        raw.extend(_shape(document, shapes, is_manifest=document is repository.manifest))
    # Rules see only values of the shape the schema promises (styr.model.guard).
    guarded = guard(repository, shapes)
    raw = with_known_ids(raw, guarded.index.by_id)
    rule_of = BY_CODE.__getitem__
    raw.extend(guarded.keep(check_chain(guarded.repository, guarded.index), rule_of))
    quality = _quality(guarded.repository, guarded.index, config, today, run_only)
    raw.extend(guarded.keep(quality, rule_of))
    configured = _configure(raw, repository, config)
    kept, suppressed = _suppress(configured, repository, config)
    # Last, so that the count is of findings that would otherwise have been shown.
    findings, withheld = withhold(
        kept, repository, BY_CODE.__getitem__, model_misshapen=guarded.model_rejected
    )
    for document in repository.all_documents():
        document.forget_positions()
    if only is not None:
        findings = [f for f in findings if f.severity >= Severity.ERROR or f.code in only]
    unusable = {file: result.unusable for file, result in shapes.items() if result.unusable}
    return RepositoryResult(
        repository,
        sorted(set(findings), key=Finding.sort_key),
        config,
        suppressed,
        withheld,
        unusable,
    )


def _quality(
    repository: Repository,
    index: Index,
    config: LintConfig,
    today: date,
    only: frozenset[str] | None,
) -> list[Finding]:
    findings: list[Finding] = []
    # One context for all the rules of the repository, given each rule's
    # options in turn (a check runs to its end before the next one starts):
    # making one for each rule cost about a sixth of what the smallest rules cost.
    context = RuleContext(repository, index, {}, today)
    for rule, check in QUALITY_CHECKS:
        if config.enabled(rule) and _wanted(rule, config, only):
            context.options = config.options_of(rule)
            findings.extend(check(context))
    return findings


def _wanted(rule: Rule, config: LintConfig, only: frozenset[str] | None) -> bool:
    """Whether a partial lint (`only`, see `check_repository`) needs this rule's findings."""
    if only is None or rule.code in only:
        return True
    # Configuration decides a rule's severity, for all its findings alike (LintConfig.apply).
    return config.severity_of(rule) >= Severity.ERROR


def _configure(
    findings: list[Finding], repository: Repository, config: LintConfig
) -> list[Finding]:
    kept = []
    for finding in findings:
        configured = config.apply(
            finding, BY_CODE[finding.code], relative_name(repository, finding.file)
        )
        if configured is not None:
            kept.append(configured)
    return kept


def _suppress(
    findings: list[Finding], repository: Repository, config: LintConfig
) -> tuple[list[Finding], int]:
    """Drop suppressed findings; report suppressions that suppress nothing or give no reason."""
    by_file = {
        document.file: parse_suppressions(document) for document in repository.all_documents()
    }
    kept, suppressed = [], 0
    for finding in findings:
        rule = BY_CODE[finding.code]
        candidates = by_file.get(finding.file, []) if finding.file else []
        match = next((s for s in candidates if s.covers(finding, rule)), None)
        if match is None:
            kept.append(finding)
        else:
            match.used.add(finding.code)
            suppressed += 1
    extra: list[Finding] = []
    for file, suppressions in by_file.items():
        for suppression in suppressions:
            codes = ", ".join(suppression.selectors) or "–"
            if suppression.awaits_reason:
                extra.append(_reason_to_write(file, suppression))
                continue
            if not suppression.used:
                extra.append(UNUSED.at(file, suppression.line, suppression.column, codes=codes))
            if not suppression.reason:
                extra.append(NO_REASON.at(file, suppression.line, suppression.column, codes=codes))
    return kept + _configure(extra, repository, config), suppressed


def _reason_to_write(file: Path, suppression: Suppression) -> Finding:
    """X003 at a suppression whose reason is a placeholder (it suppresses nothing yet)."""
    reason = shown(suppression.reason)
    return PLACEHOLDER.at(file, suppression.line, suppression.column, placeholder=reason)


def _shape(
    document: Document, shapes: dict[Path, SchemaResult], *, is_manifest: bool
) -> list[Finding]:
    """File-kind and schema findings; nothing for a file that did not load.

    The schema's verdict on each file is kept in `shapes`, for the guard.
    """
    if document.data is None:
        return []
    kind = schema_kind(document, is_manifest=is_manifest)
    if kind is None:
        return [unknown_file_kind(document, list(FILE_LAYOUTS))]
    return _schema(document, kind, shapes)


def _schema(document: Document, kind: str, shapes: dict[Path, SchemaResult]) -> list[Finding]:
    result = check_schema(document, kind)
    shapes[document.file] = result
    return result.findings
