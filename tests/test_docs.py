"""The generated docs stay in step with the code."""

from __future__ import annotations

from conftest import ROOT

from styr.rule_docs import rules_markdown


def test_rules_page_is_generated_from_the_catalogue() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(), "run: styr rules --markdown > docs/rules.md"


def test_readme_quickstart_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = quickstart.split("```sh")[1:]
    commands = [block.split("```", 1)[0].strip() for block in blocks]
    assert len(commands) == 2
    assert "styr lint examples/helsingborg" in commands[0]
    assert "pytest" in commands[1] and ".[test]" in commands[1]
