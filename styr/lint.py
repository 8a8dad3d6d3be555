"""`styr lint` as a function: repositories in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from styr.cache import LintCache
from styr.cache_entry import valid_entry
from styr.config import LintConfig, load_config
from styr.findings import Finding, Severity
from styr.load import Document
from styr.model.guard import guard
from styr.model.index import FILE_LAYOUTS, Index
from styr.model.repository import (
    MANIFEST,
    Repository,
    find_repositories,
    load_repository,
    read_repository_files,
)
from styr.parallel import map_in_processes
from styr.rules.catalogue import ALL_RULES, BY_CODE, QUALITY_CHECKS
from styr.rules.chain import check_chain
from styr.rules.context import RuleContext
from styr.rules.suppressions import NO_REASON, UNUSED
from styr.schema_check import SchemaResult, unknown_file_kind, with_known_ids
from styr.schema_check import check as check_schema
from styr.suppress import parse_suppressions
from styr.withholding import Withheld, withhold


@dataclass(slots=True)
class RepositoryResult:
    repository: Repository
    findings: list[Finding] = field(default_factory=list)
    config: LintConfig = field(default_factory=LintConfig)
    suppressed: int = 0
    # Findings not shown because a file they presume did not load (styr.withholding).
    withheld: Withheld | None = None


@dataclass(slots=True)
class LintResult:
    results: list[RepositoryResult] = field(default_factory=list)

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
                replace(r, findings=[f for f in r.findings if f.severity >= Severity.ERROR])
                for r in self.results
            ]
        )

    @property
    def files_checked(self) -> int:
        return sum(len(r.repository.all_documents()) for r in self.results)


def lint_paths(
    paths: Iterable[Path],
    *,
    today: date | None = None,
    cache: LintCache | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> LintResult:
    """Lint every repository the paths name (see `find_repositories`).

    With a cache, a repository whose files have not changed is not linted
    again; with `jobs` above 1, many repositories are linted in parallel.
    """
    day = today or date.today()
    roots = find_repositories(paths)
    report = progress or (lambda done, total: None)
    results: list[RepositoryResult] = []
    if jobs <= 1 or len(roots) < _PARALLEL_FROM:
        for root in roots:
            results.append(_lint_root(root, day, cache))
            report(len(results), len(roots))
        return LintResult(results)
    # Workers read, hash and lint their repositories themselves, so that the
    # cache look-ups run in parallel too; they send back no file contents.
    arguments = [(root, day, cache) for root in roots]
    for result in map_in_processes(_lint_root, arguments, jobs):
        results.append(result)
        report(len(results), len(roots))
    return LintResult(results)


# Below this many repositories, starting worker processes costs more than it saves.
_PARALLEL_FROM = 8


def _lint_root(root: Path, today: date, cache: LintCache | None) -> RepositoryResult:
    """One repository's result: from the cache when nothing changed, else linted (and cached).

    The result keeps the manifest's data and the files' names, not their
    contents: what the output formats need, and memory stays flat however
    many repositories are linted.
    """
    # With a cache, read once: for the key and for linting.
    contents = read_repository_files(root) if cache is not None else None
    result = _cached_or_linted(
        root, today, cache, contents, lambda: load_repository(root, contents)
    )
    repository = result.repository
    result.repository = Repository(
        root=repository.root,
        manifest=Document(repository.manifest.file, repository.manifest.data),
        documents=[Document(document.file, None) for document in repository.documents],
    )
    return result


def load_and_lint(
    root: Path, today: date, cache: LintCache | None = None
) -> tuple[Repository, RepositoryResult]:
    """A repository loaded whole (to publish it) and its lint result, each file read once.

    `styr report` and `styr status` show the repository and must know its
    errors: with a cache, a repository `styr lint` has just checked is not
    checked again.
    """
    contents = read_repository_files(root)
    repository = load_repository(root, contents)
    return repository, _cached_or_linted(root, today, cache, contents, lambda: repository)


def _cached_or_linted(
    root: Path,
    today: date,
    cache: LintCache | None,
    contents: dict[Path, bytes | None] | None,
    load: Callable[[], Repository],
) -> RepositoryResult:
    """The one place the cache is consulted: a valid entry for these contents, else a fresh lint.

    `load` is only called on a miss; a fresh result is stored for next time.
    """
    if cache is None or contents is None:
        return lint_repository(load(), today=today)
    key = cache.key(root, contents, today)
    cached = from_cache_entry(root, cache.load(key))
    if cached is not None:
        return cached
    result = lint_repository(load(), today=today)
    cache.store(key, to_cache_entry(result))
    return result


def to_cache_entry(result: RepositoryResult) -> dict[str, object]:
    return {
        "manifest": result.repository.manifest.data,
        "files": [_relative(result.repository, d.file) for d in result.repository.documents],
        "suppressed": result.suppressed,
        "withheld": _withheld_entry(result),
        "fail_on": result.config.fail_on.label if result.config.fail_on else None,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.label,
                "file": _relative(result.repository, f.file) if f.file else None,
                "line": f.line,
                "column": f.column,
                "path": list(f.path),
                "params": f.params,
            }
            for f in result.findings
        ],
    }


def from_cache_entry(root: Path, entry: Any) -> RepositoryResult | None:
    """The result an entry holds; None (a miss) unless it has exactly the entry shape."""
    if not valid_entry(entry, BY_CODE.keys()):
        return None
    repository = Repository(
        root=root,
        manifest=Document(root / MANIFEST, entry["manifest"]),
        documents=[Document(root / name, None) for name in entry["files"]],
    )
    findings = [
        Finding(
            f["code"],
            Severity.parse(f["severity"]),
            root / f["file"] if f["file"] is not None else None,
            f["line"],
            f["column"],
            tuple(f["path"]),
            f["params"],
        )
        for f in entry["findings"]
    ]
    fail_on = entry["fail_on"]
    config = LintConfig(fail_on=Severity.parse(fail_on) if fail_on else None)
    return RepositoryResult(
        repository, findings, config, entry["suppressed"], _withheld_from(root, entry["withheld"])
    )


def _withheld_entry(result: RepositoryResult) -> dict[str, object] | None:
    withheld = result.withheld
    if withheld is None:
        return None
    return {
        "count": withheld.count,
        "files": [_relative(result.repository, file) for file in withheld.files],
    }


def _withheld_from(root: Path, entry: Any) -> Withheld | None:
    if entry is None:
        return None
    return Withheld(entry["count"], tuple(root / name for name in entry["files"]))


def lint_repository(repository: Repository, *, today: date) -> RepositoryResult:
    config = load_config(repository.root, repository.manifest.data, ALL_RULES)
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
    raw.extend(guarded.keep(_quality(guarded.repository, guarded.index, config, today), rule_of))
    configured = _configure(raw, repository, config)
    kept, suppressed = _suppress(configured, repository, config)
    # Last, so that the count is of findings that would otherwise have been shown.
    findings, withheld = withhold(kept, repository, BY_CODE.__getitem__)
    for document in repository.all_documents():
        document.forget_positions()
    return RepositoryResult(
        repository, sorted(set(findings), key=Finding.sort_key), config, suppressed, withheld
    )


def _quality(
    repository: Repository, index: Index, config: LintConfig, today: date
) -> list[Finding]:
    findings: list[Finding] = []
    memo: dict[str, object] = {}
    for rule, check in QUALITY_CHECKS:
        if config.enabled(rule):
            context = RuleContext(repository, index, config.options_of(rule), today, memo)
            findings.extend(check(context))
    return findings


def _relative(repository: Repository, file: Path | None) -> str:
    if file is None:
        return ""
    try:
        return file.relative_to(repository.root).as_posix()
    except ValueError:
        return file.as_posix()


def _configure(
    findings: list[Finding], repository: Repository, config: LintConfig
) -> list[Finding]:
    kept = []
    for finding in findings:
        configured = config.apply(
            finding, BY_CODE[finding.code], _relative(repository, finding.file)
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
            if not suppression.used:
                extra.append(UNUSED.at(file, suppression.line, suppression.column, codes=codes))
            if not suppression.reason:
                extra.append(NO_REASON.at(file, suppression.line, suppression.column, codes=codes))
    return kept + _configure(extra, repository, config), suppressed


def _shape(
    document: Document, shapes: dict[Path, SchemaResult], *, is_manifest: bool
) -> list[Finding]:
    """File-kind and schema findings; nothing for a file that did not load.

    The schema's verdict on each file is kept in `shapes`, for the guard.
    """
    if document.data is None:
        return []
    if is_manifest:
        return _schema(document, "manifest", shapes)
    kind = document.kind
    if kind not in FILE_LAYOUTS:
        return [unknown_file_kind(document, list(FILE_LAYOUTS))]
    return _schema(document, kind, shapes)


def _schema(document: Document, kind: str, shapes: dict[Path, SchemaResult]) -> list[Finding]:
    result = check_schema(document, kind)
    shapes[document.file] = result
    return result.findings
