"""Shared helpers for the loader tests: parse a snippet, list where findings are."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from styr.findings import Finding
from styr.load import Document, parse_document

FILE = Path("f.yaml")

Where = tuple[str, int, int]


def parse(source: str | bytes) -> Document:
    """Parse a snippet (text is encoded as UTF-8) as the file `f.yaml`."""
    raw = source.encode("utf-8") if isinstance(source, str) else source
    return parse_document(FILE, raw)


def where(findings: list[Finding] | Document) -> list[Where]:
    """(code, line, column) of every finding, sorted: what the tables compare."""
    if isinstance(findings, Document):
        findings = findings.findings
    return sorted((f.code, f.line, f.column) for f in findings)


def same(actual: Any, expected: Any) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0 is not True)."""
    if type(actual) is not type(expected):
        return False
    if isinstance(expected, dict):
        return list(actual) == list(expected) and all(
            same(actual[key], expected[key]) for key in expected
        )
    if isinstance(expected, list):
        return len(actual) == len(expected) and all(
            same(a, e) for a, e in zip(actual, expected, strict=True)
        )
    if isinstance(expected, float) and math.isnan(expected):
        return math.isnan(actual)
    return bool(actual == expected)


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The 'billion laughs': each level refers `width` times to the one below."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def leaves(value: Any) -> int:
    """How many scalars a plain value holds (to show nothing was expanded)."""
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1
