"""docs/security.md names the test behind every promise: each one it names must exist."""

from __future__ import annotations

import re

from conftest import ROOT

PAGE = ROOT / "docs" / "security.md"
DEFINED = re.compile(r"^(?:async )?def (test_\w+)", re.MULTILINE)
# `tests/test_x.py::test_y`, and `::test_z` after it for the same file.
QUALIFIED = re.compile(r"tests/(test_\w+\.py)::(test_\w+)|::(test_\w+)")
NAMED = re.compile(r"(?<![\w/])(test_\w+)(?![\w.])")


def _defined() -> dict[str, set[str]]:
    return {
        path.name: set(DEFINED.findall(path.read_text(encoding="utf-8")))
        for path in (ROOT / "tests").glob("test_*.py")
    }


def test_every_test_the_security_page_names_exists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    defined = _defined()
    anywhere = set().union(*defined.values())
    missing = sorted(name for name in NAMED.findall(text) if name not in anywhere)
    assert missing == []


def test_every_test_the_security_page_names_with_its_file_is_in_that_file() -> None:
    text = PAGE.read_text(encoding="utf-8")
    defined = _defined()
    misplaced, current = [], ""
    for file, name, continued in QUALIFIED.findall(text):
        current = file or current
        wanted = name or continued
        if wanted not in defined.get(current, set()):
            misplaced.append(f"{current}::{wanted}")
    assert misplaced == []
