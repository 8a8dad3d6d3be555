"""A partial lint (what `styr report`, `status`, `site` and `export` need) and its cache entries.

A command that publishes needs only the errors, which can block it (the site
also counts X003's placeholders), so its lint leaves out the quality rules
that can give neither. Whatever it leaves out, the findings it keeps must be
exactly those of a whole lint, and its cache entry must never answer a run
that needs every finding.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from test_rule_cases import case_repository, rule_cases

import styr.lint
from styr.cache import ENTRY_SUFFIX, LintCache, open_cache, partial_suffix
from styr.cli import main
from styr.findings import Finding, Severity
from styr.lint import lint_repository, load_and_lint
from styr.model.repository import load_repository
from styr.publishing import ERRORS_ONLY
from styr.rules.placeholders import PLACEHOLDER

TODAY = date(2026, 6, 1)
WITH_PLACEHOLDERS = frozenset({PLACEHOLDER.code})


def _wanted(findings: list[Finding], only: frozenset[str]) -> list[Finding]:
    return [f for f in findings if f.severity >= Severity.ERROR or f.code in only]


def _both(repo: Path, today: date, only: frozenset[str]) -> tuple[list[Finding], list[Finding]]:
    """What a whole lint keeps of `only`, and what the partial lint gives."""
    whole = lint_repository(load_repository(repo), today=today).findings
    partial = lint_repository(load_repository(repo), today=today, only=only).findings
    return _wanted(whole, only), partial


@pytest.mark.parametrize("only", [ERRORS_ONLY, WITH_PLACEHOLDERS], ids=["errors", "X003"])
@pytest.mark.parametrize(("code", "case"), rule_cases())
def test_a_partial_lint_keeps_exactly_the_findings_asked_for(
    code: str, case: dict[str, Any], only: frozenset[str], tmp_path: Path
) -> None:
    repo, today = case_repository(case, tmp_path)
    kept, partial = _both(repo, today, only)
    assert partial == kept


@pytest.mark.parametrize("only", [ERRORS_ONLY, WITH_PLACEHOLDERS], ids=["errors", "X003"])
@pytest.mark.parametrize(
    "repo",
    [EXAMPLES / "helsingborg", EXAMPLES / "huddinge", *sorted((FIXTURES / "repos").iterdir())],
    ids=lambda p: p.name,
)
def test_the_examples_partly_linted(repo: Path, only: frozenset[str]) -> None:
    kept, partial = _both(repo, TODAY, only)
    assert partial == kept


def _case(code: str, name: str) -> dict[str, Any]:
    spec = yaml.safe_load((Path(__file__).parent / "rule_cases" / f"{code}.yaml").read_text())
    return next(case for case in spec["cases"] if case["name"] == name)


def _with_lint_settings(repo: Path, settings: str) -> None:
    manifest = repo / "styr.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + settings, encoding="utf-8")


def test_a_warning_rule_configured_as_an_error_is_run(tmp_path: Path) -> None:
    repo, today = case_repository(_case("G001", "four goals are one too many"), tmp_path)
    _with_lint_settings(repo, "lint:\n  severity:\n    G001: error\n")
    kept, partial = _both(repo, today, ERRORS_ONLY)
    assert [f.code for f in partial] == ["G001"]
    assert partial == kept


def test_unused_suppressions_as_errors_need_every_rule(tmp_path: Path) -> None:
    # The suppression is used by G006, a warning: a lint that skipped G006 would call it unused.
    case = _case("X001", "a suppression in use, on the line above")
    repo, today = case_repository(case, tmp_path)
    _with_lint_settings(repo, "lint:\n  severity:\n    X001: error\n")
    kept, partial = _both(repo, today, ERRORS_ONLY)
    assert partial == kept == []


# --- The cache -------------------------------------------------------------------------------


def _repository_with_warnings(tmp_path: Path) -> Path:
    repo, _ = case_repository(_case("G001", "four goals are one too many"), tmp_path)
    return repo


def _styr(monkeypatch: pytest.MonkeyPatch, cache: Path, *args: str) -> int:
    """`styr ARGS` in-process through the real entry point, with `cache` as its cache."""
    monkeypatch.setattr(sys, "argv", ["styr", *args])
    monkeypatch.setenv("STYR_CACHE_DIR", str(cache))
    try:
        main()
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    return 0


def test_a_partial_entry_never_answers_styr_lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # On the run's own day, as `styr status` lints: the same key as the lint below.
    repo, cache = _repository_with_warnings(tmp_path), tmp_path / "cache"
    assert _styr(monkeypatch, cache, "status", str(repo), "--allow-errors") in (0, 1)
    names = [p.name for p in cache.iterdir()]
    assert any(name.endswith(partial_suffix(ERRORS_ONLY)) for name in names), names
    capsys.readouterr()
    lint = ["lint", str(repo), "--output-format", "json"]
    assert _styr(monkeypatch, cache, *lint) in (0, 1)
    cached = json.loads(capsys.readouterr().out)
    assert _styr(monkeypatch, cache, *lint, "--no-cache") in (0, 1)
    fresh = json.loads(capsys.readouterr().out)
    assert cached == fresh
    assert any(f["severity"] == "warning" for f in fresh["findings"])


def _opened(folder: Path) -> LintCache:
    cache = open_cache(folder)
    assert cache is not None
    return cache


def test_a_whole_entry_answers_a_partial_lint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository_with_warnings(tmp_path)
    cache = _opened(tmp_path / "cache")
    _, whole = load_and_lint(repo, TODAY, cache)
    monkeypatch.setattr(styr.lint, "lint_repository", _no_lint)
    _, again = load_and_lint(repo, TODAY, cache, only=ERRORS_ONLY)
    assert again.findings == whole.findings


def test_a_partial_entry_answers_the_same_partial_lint_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository_with_warnings(tmp_path)
    cache = _opened(tmp_path / "cache")
    _, first = load_and_lint(repo, TODAY, cache, only=ERRORS_ONLY)
    linted: list[frozenset[str] | None] = []

    def counted(repository: Any, *, today: date, only: frozenset[str] | None = None) -> Any:
        linted.append(only)
        return lint_repository(repository, today=today, only=only)

    monkeypatch.setattr(styr.lint, "lint_repository", counted)
    _, again = load_and_lint(repo, TODAY, cache, only=ERRORS_ONLY)
    assert again.findings == first.findings and linted == []
    load_and_lint(repo, TODAY, cache, only=WITH_PLACEHOLDERS)
    assert linted == [WITH_PLACEHOLDERS]


def test_each_partial_lint_has_a_name_of_its_own() -> None:
    names = {ENTRY_SUFFIX, partial_suffix(ERRORS_ONLY), partial_suffix(WITH_PLACEHOLDERS)}
    assert len(names) == 3


def _no_lint(*args: object, **kwargs: object) -> None:
    raise AssertionError("linted again although the cache holds a whole result")
