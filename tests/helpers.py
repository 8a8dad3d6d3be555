"""Small helpers for editing repositories in tests."""

from __future__ import annotations

from pathlib import Path

from styr.findings import Finding
from styr.lint import lint_paths
from styr.scaffold import init_repository


def findings_of(*paths: Path) -> list[Finding]:
    return lint_paths(list(paths)).findings


def codes_at(findings: list[Finding]) -> list[tuple[str, str, int, int]]:
    """(code, file name, line, column) of each finding: what tests compare."""
    return [(f.code, f.file.name if f.file else "", f.line, f.column) for f in findings]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def column_of(path: Path, needle: str, within: str | None = None) -> int:
    """1-based column of `needle` on the first line containing `within` (or needle)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if (within or needle) in line:
            return line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


# An indicator whose milestone G013 reports, with negative amounts ("−1 250,5" in Swedish).
NEGATIVE_AMOUNTS_BOARD = """\
kind: organisation
id: exempelnamnden
type: namnd
name: Exempelnämnden
parent: kommunfullmaktige
mission:
  source: reglemente
  text: Nämnden ansvarar för service till invånarna.
direction:
  text: Nämnden ska bidra till att fler invånare får en god service.
  contributes_to: [malomrade-1]
goals:
  - id: mal-1
    title: Fler invånare ska vara nöjda med servicen
    target_group: invånare
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
    indicators:
      - id: ind-1
        title: Nettokostnad per invånare
        unit: kronor
        better: lower
        baseline: {year: 2026, value: -1250.5}
        targets:
          - {year: 2030, value: -2000}
        milestones:
          - {year: 2027, value: 85.5, term: short}
"""


def repository_with_negative_amounts(tmp_path: Path) -> Path:
    """A blank municipality with one board whose indicator, in negative amounts, is off course."""
    repo = tmp_path / "kommun"
    init_repository(repo, "blank", "Testby", "0999")
    (repo / "organisation" / "exempelnamnden.yaml").write_text(
        NEGATIVE_AMOUNTS_BOARD, encoding="utf-8"
    )
    return repo
