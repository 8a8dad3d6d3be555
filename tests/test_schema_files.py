"""The schemas as the linter uses them: modelines, validator agreement, one finding per problem.

The schema files themselves are tested in test_schemas.py.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from filled import init_filled
from helpers import line_of, replace_in


def test_editor_modelines_in_the_examples_point_at_existing_schemas() -> None:
    for file in sorted((ROOT / "examples").rglob("*.yaml")):
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), file
        target = (file.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), (file, target)


def test_a_value_only_the_strict_validator_refuses_still_gives_a_finding(tmp_path: Path) -> None:
    from styr.lint import lint_paths

    repo = tmp_path / "k"
    init_filled(repo, "blank", "Testby", "0999")
    manifest = repo / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('code: "0999"', 'code: "0999\\n"'), encoding="utf-8")
    [finding] = lint_paths([repo]).findings
    assert finding.code == "S002"
    assert (finding.line, finding.path) == (line_of(manifest, "code:"), ("municipality", "code"))


def test_a_bad_kolada_id_gives_one_finding_not_two(tmp_path: Path) -> None:
    from styr.lint import lint_paths

    repo = tmp_path / "k"
    init_filled(repo, "blank", "Testby", "0999")
    board = repo / "organisation" / "exempelnamnden.yaml"
    replace_in(board, "        unit: procent", "        unit: procent\n        kolada: n15428")
    replace_in(
        board,
        "    contributes_to: [malomrade-1]\n    indicators",
        '    agenda2030: ["18"]\n    contributes_to: [malomrade-1]\n    indicators',
    )
    assert sorted(f.code for f in lint_paths([repo]).findings) == ["A001", "K001"]
