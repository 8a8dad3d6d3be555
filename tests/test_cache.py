"""The lint cache: same answers as a fresh run, rebuilt when anything it depends on changes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers import replace_in

from styr.cache import LintCache
from styr.lint import lint_paths
from styr.scaffold import init_repository

TODAY = date(2026, 6, 1)


@pytest.fixture
def repos(tmp_path: Path) -> Path:
    for number in range(3):
        init_repository(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"000{number}")
    replace_in(tmp_path / "alla" / "k1" / "styr.yaml", 'code: "0001"', "code: 0001")
    return tmp_path / "alla"


def _summary(result: object) -> list[tuple[str, str, int, int]]:
    return [
        (f.code, f.file.as_posix() if f.file else "", f.line, f.column)
        for f in result.findings  # type: ignore[attr-defined]
    ]


def test_a_warm_run_gives_the_same_findings(repos: Path, tmp_path: Path) -> None:
    cache = LintCache(tmp_path / "cache")
    cold = lint_paths([repos], today=TODAY, cache=cache)
    warm = lint_paths([repos], today=TODAY, cache=cache)
    assert _summary(warm) == _summary(cold) != []
    assert [r.repository.municipality_code for r in warm.results] == ["0000", "0001", "0002"]
    assert warm.files_checked == cold.files_checked
    assert warm.failed() == cold.failed()


def test_entries_are_used_and_a_changed_file_relints_its_repository(
    repos: Path, tmp_path: Path
) -> None:
    cache = LintCache(tmp_path / "cache")
    lint_paths([repos], today=TODAY, cache=cache)
    entries = sorted((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 3
    for entry in entries:  # poison every entry: a hit now shows as a fake finding
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["findings"] = [
            {
                "code": "C001",
                "severity": "error",
                "file": "vision.yaml",
                "line": 9,
                "column": 9,
                "path": [],
                "params": {"target": "x", "suggestion": "", "suggestion_en": ""},
            }
        ]
        entry.write_text(json.dumps(data), encoding="utf-8")
    replace_in(repos / "k2" / "vision.yaml", "Skriv visionen här", "Visionen")
    codes = {
        r.repository.root.name: [f.code for f in r.findings]
        for r in lint_paths([repos], today=TODAY, cache=cache).results
    }
    assert codes == {"k0": ["C001"], "k1": ["C001"], "k2": []}


def test_the_date_is_part_of_the_key(repos: Path, tmp_path: Path) -> None:
    cache = LintCache(tmp_path / "cache")
    lint_paths([repos], today=TODAY, cache=cache)
    lint_paths([repos], today=date(2027, 1, 1), cache=cache)
    assert len(list((tmp_path / "cache").glob("*.json"))) == 6


def test_a_corrupt_entry_is_ignored(repos: Path, tmp_path: Path) -> None:
    cache = LintCache(tmp_path / "cache")
    cold = lint_paths([repos], today=TODAY, cache=cache)
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{ inte json", encoding="utf-8")
    assert _summary(lint_paths([repos], today=TODAY, cache=cache)) == _summary(cold)


def test_the_cache_folder_ignores_itself_in_git(repos: Path, tmp_path: Path) -> None:
    lint_paths([repos], today=TODAY, cache=LintCache(tmp_path / "cache"))
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_parallel_and_serial_runs_agree(tmp_path: Path) -> None:
    for number in range(10):
        init_repository(tmp_path / "många" / f"k{number}", "blank", f"K{number}", f"01{number:02d}")
    replace_in(tmp_path / "många" / "k3" / "program.yaml", "[vision]", "[visionen]")
    serial = lint_paths([tmp_path / "många"], today=TODAY, jobs=1)
    parallel = lint_paths([tmp_path / "många"], today=TODAY, jobs=2)
    assert _summary(parallel) == _summary(serial)
    assert [f.code for f in parallel.findings] == ["C001"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported_per_repository(tmp_path: Path, jobs: int) -> None:
    for number in range(9):
        init_repository(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"02{number:02d}")
    seen: list[tuple[int, int]] = []
    lint_paths([tmp_path / "alla"], today=TODAY, jobs=jobs, progress=lambda *p: seen.append(p))
    assert seen == [(done, 9) for done in range(1, 10)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_keep_names_not_contents(
    repos: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Memory stays flat however many repositories are linted: a result keeps the
    # manifest (for the output formats) and the files' names, not their data.
    monkeypatch.setattr("styr.lint._PARALLEL_FROM", 2)
    result = lint_paths([repos], today=TODAY, jobs=jobs)
    assert len(result.results) == 3
    for repository_result in result.results:
        repository = repository_result.repository
        assert isinstance(repository.manifest.data, dict)
        assert repository.documents and all(d.data is None for d in repository.documents)
        assert all(d.file.is_file() for d in repository.documents)
    assert result.files_checked == sum(len(r.repository.all_documents()) for r in result.results)
