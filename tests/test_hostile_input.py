"""Hostile and broken input: alias bombs, deep nesting, binary junk; no hang, no traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from styr.lint import lint_paths
from styr.load import parse_document
from styr.scaffold import init_repository


def alias_bomb(levels: int = 9, width: int = 9) -> bytes:
    """The classic 'billion laughs': each level refers to the one below `width` times."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def test_alias_bomb_is_refused_quickly_without_expanding() -> None:
    start = time.perf_counter()
    document = parse_document(Path("bomb.yaml"), alias_bomb())
    assert time.perf_counter() - start < 2.0
    assert {f.code for f in document.findings} == {"Y006"}
    # Aliases are not followed: the data holds no 9**9 strings, only placeholders.
    assert document.data["a1"] == [None] * 9
    assert document.data["a8"] == [None] * 9


def test_alias_bomb_in_a_repository_lints_with_a_finding(tmp_path: Path) -> None:
    repo = tmp_path / "k"
    init_repository(repo, "blank", "Testby", "0999")
    (repo / "bomb.yaml").write_bytes(b"kind: council\n" + alias_bomb())
    start = time.perf_counter()
    findings = lint_paths([repo]).findings
    assert time.perf_counter() - start < 10.0
    assert "Y006" in {f.code for f in findings}


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 200_000,
        b"a:\n" + b"".join(b" " * i + b"b:\n" for i in range(1, 500)),
        b"- " * 50_000 + b"x\n",
        bytes(range(256)),
        b"\xff\xfe\x00",
        b"a: 'unterminated\n",
        b"a: !!binary aGVq\n",
        b"? - complex\n  - key\n: value\n",
        b"a: &x 1\nb: *y\n",
    ],
)
def test_broken_input_gives_findings_not_exceptions(raw: bytes) -> None:
    document = parse_document(Path("x.yaml"), raw)
    assert document.findings, raw[:40]
    for finding in document.findings:
        assert finding.line >= 1 and finding.column >= 1
