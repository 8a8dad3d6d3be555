"""docs/ci.md's snippets for publishing the website: valid YAML, installing styr as it can be."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

CI = Path(__file__).resolve().parents[1] / "docs" / "ci.md"


def _pages_snippets() -> list[str]:
    section = CI.read_text(encoding="utf-8").split("## Publicera webbplatsen", 1)[1]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def _commands(node: object) -> list[str]:
    """Every text in the snippet (its commands among them), in order."""
    if isinstance(node, str):
        return [node]
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [text for value in values for text in _commands(value)]


def test_the_pages_snippets_are_yaml_and_install_styr_from_git() -> None:
    snippets = _pages_snippets()
    assert len(snippets) == 2  # GitLab Pages and GitHub Pages
    for snippet in snippets:
        commands = _commands(yaml.safe_load(snippet))
        installs = [c for c in commands if c.startswith("pip install")]
        assert installs == ['pip install "git+https://example.org/styr.git@v0.1.0"'], installs
        assert any(c.startswith("styr site .") for c in commands)
