"""Every rule's YAML fixture cases: input files, the findings expected at their positions.

A case file `rule_cases/<CODE>.yaml` holds:

    rule: G001
    cases:
      - name: what the case shows
        today: "2026-06-01"          # optional, for rules about dates
        files:                       # written over a repository made by `styr init`
          organisation/exempelnamnden.yaml: |
            kind: organisation
            ...
        remove: [malomraden.yaml]    # optional: files of the starter to delete
        expect:                      # findings of this rule only: file, line, column
          - {file: organisation/exempelnamnden.yaml, line: 12, column: 5}

Every rule must have a case file with at least one failing and one passing case.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from styr.lint import lint_paths
from styr.rules.catalogue import ALL_RULES, BY_CODE
from styr.scaffold import init_repository

CASES_DIR = Path(__file__).resolve().parent / "rule_cases"
DEFAULT_TODAY = date(2026, 6, 1)


def _case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.yaml"))


def rule_cases() -> list[Any]:
    params = []
    for path in _case_files():
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}"))
    return params


def case_repository(case: dict[str, Any], folder: Path) -> tuple[Path, date]:
    """The repository a case describes, made in `folder`, and the day it is linted on."""
    repo = folder / "kommun"
    init_repository(repo, "blank", "Testby", "0999")
    for name in case.get("remove", []):
        (repo / name).unlink()
    for name, content in (case.get("files") or {}).items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:  # bytes given as a list of integers, for encoding cases
            target.write_bytes(bytes(content))
    today = date.fromisoformat(case["today"]) if "today" in case else DEFAULT_TODAY
    return repo, today


@pytest.mark.parametrize(("code", "case"), rule_cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    repo, today = case_repository(case, tmp_path)
    findings = lint_paths([repo], today=today).findings
    got = [
        {"file": f.file.relative_to(repo).as_posix(), "line": f.line, "column": f.column}
        for f in findings
        if f.code == code and f.file is not None
    ]
    assert got == case["expect"], [f"{f.code} {f.line}:{f.column} {f.params}" for f in findings]
    # Every finding, of this rule or another, fills each placeholder of its message.
    unfilled = {f.code: BY_CODE[f.code].unfilled(f.params) for f in findings}
    assert not any(unfilled.values()), unfilled


def test_every_rule_has_failing_and_passing_cases() -> None:
    covered: dict[str, tuple[int, int]] = {}
    for path in _case_files():
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        failing = sum(1 for case in spec["cases"] if case["expect"])
        passing = sum(1 for case in spec["cases"] if not case["expect"])
        covered[spec["rule"]] = (failing, passing)
    missing = [rule.code for rule in ALL_RULES if covered.get(rule.code, (0, 0))[0] == 0]
    unpassed = [rule.code for rule in ALL_RULES if covered.get(rule.code, (0, 0))[1] == 0]
    assert missing == [], f"rules without a failing case: {missing}"
    assert unpassed == [], f"rules without a passing case: {unpassed}"


def test_every_rule_is_documented() -> None:
    for rule in ALL_RULES:
        for language in ("sv", "en"):
            assert len(rule.doc_in(language).strip()) > 80, (rule.code, language)
            assert rule.summary_in(language), (rule.code, language)
            assert rule.message_in(language), (rule.code, language)
