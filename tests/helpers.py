"""Small helpers for editing repositories in tests."""

from __future__ import annotations

from pathlib import Path

from styr.findings import Finding
from styr.lint import lint_paths


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
