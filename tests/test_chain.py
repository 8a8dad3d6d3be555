"""The goal-chain checks (C001–C009) and the file-kind check, on a repository from `styr init`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES
from helpers import codes_at, column_of, findings_of, line_of, replace_in

BOARD = Path("organisation/exempelnamnden.yaml")


def test_a_new_repository_lints_clean(blank_repo: Path) -> None:
    assert findings_of(blank_repo) == []


def test_dangling_reference_is_reported_at_the_reference(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(
        board,
        "    contributes_to: [malomrade-1]\n    indicators",
        "    contributes_to: [malomrade-2]\n    indicators",
    )
    findings = findings_of(blank_repo)
    line = line_of(board, "contributes_to: [malomrade-2]")
    assert codes_at(findings) == [("C001", board.name, line, column_of(board, "malomrade-2"))]
    assert findings[0].path == ("goals", 0, "contributes_to", 0)
    assert findings[0].params["suggestion"] == " Menade du 'malomrade-1'?"


def test_link_to_a_kind_the_model_does_not_allow(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(
        board,
        "    contributes_to: [malomrade-1]\n    indicators",
        "    contributes_to: [vision]\n    indicators",
    )
    findings = findings_of(blank_repo)
    assert [f.code for f in findings] == ["C002"]
    assert findings[0].line == line_of(board, "contributes_to: [vision]")
    assert findings[0].params["allowed"] == "malomrade"


def test_cycle_in_the_goal_chain(blank_repo: Path) -> None:
    manifest = blank_repo / "styr.yaml"
    replace_in(
        manifest,
        "{from: malomrade, to: [program, vision]}",
        "{from: malomrade, to: [malomrade, program, vision]}",
    )
    areas = blank_repo / "malomraden.yaml"
    areas.write_text(
        areas.read_text(encoding="utf-8").replace(
            "contributes_to: [program]", "contributes_to: [program, malomrade-2]"
        )
        + "  - id: malomrade-2\n    title: Ett andra område\n    contributes_to: [malomrade-1]\n",
        encoding="utf-8",
    )
    findings = findings_of(blank_repo)
    assert [f.code for f in findings] == ["C003"]
    assert "malomrade-1 → malomrade-2 → malomrade-1" in findings[0].params["cycle"]


def test_self_reference_is_a_cycle(blank_repo: Path) -> None:
    manifest = blank_repo / "styr.yaml"
    replace_in(
        manifest,
        "{from: malomrade, to: [program, vision]}",
        "{from: malomrade, to: [malomrade, program]}",
    )
    replace_in(
        blank_repo / "malomraden.yaml",
        "contributes_to: [program]",
        "contributes_to: [program, malomrade-1]",
    )
    assert [f.code for f in findings_of(blank_repo)] == ["C003"]


def test_organisation_that_is_its_own_ancestor(blank_repo: Path) -> None:
    replace_in(
        blank_repo / "organisation/kommunfullmaktige.yaml",
        "name: Kommunfullmäktige",
        "name: Kommunfullmäktige\nparent: exempelnamnden",
    )
    findings = findings_of(blank_repo)
    assert [f.code for f in findings] == ["C003"]
    assert findings[0].params["relation"] == "organisationsträdet"


def test_duplicate_id_is_reported_at_the_second(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "id: exempelnamnden-mal-1", "id: malomrade-1")
    replace_in(
        board,
        "contributes_to: [malomrade-1]\n    indicators",
        "contributes_to: [malomrade-1]\n    indicators",
    )
    findings = [f for f in findings_of(blank_repo) if f.code == "C004"]
    assert codes_at(findings) == [("C004", board.name, line_of(board, "id: malomrade-1"), 9)]
    assert findings[0].params["first_line"] == line_of(
        blank_repo / "malomraden.yaml", "id: malomrade-1"
    )


def test_goal_that_contributes_to_nothing(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "    contributes_to: [malomrade-1]\n    indicators", "    indicators")
    findings = findings_of(blank_repo)
    assert codes_at(findings) == [
        ("C005", board.name, line_of(board, "id: exempelnamnden-mal-1"), 9)
    ]


def test_council_area_that_nothing_contributes_to_is_a_warning(blank_repo: Path) -> None:
    areas = blank_repo / "malomraden.yaml"
    with areas.open("a", encoding="utf-8") as stream:
        stream.write(
            "  - id: malomrade-2\n    title: Ett område utan bidrag\n"
            "    contributes_to: [program]\n"
        )
    findings = findings_of(blank_repo)
    assert codes_at(findings) == [("C006", areas.name, line_of(areas, "id: malomrade-2"), 9)]
    assert findings[0].severity.label == "warning"


def test_board_without_direction(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    text = board.read_text(encoding="utf-8")
    start = text.index("direction:")
    end = text.index("goals:")
    board.write_text(text[:start] + text[end:], encoding="utf-8")
    findings = findings_of(blank_repo)
    assert [f.code for f in findings] == ["C007"]
    assert findings[0].params["part"].startswith("inriktning")


def test_assignment_to_something_that_is_not_an_organisation(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    with board.open("a", encoding="utf-8") as stream:
        stream.write(
            "assignments:\n  - id: uppdrag-1\n    title: Utred servicen\n"
            "    to: exempelnamnden-mal-1\n    contributes_to: [exempelnamnden-mal-1]\n"
        )
    findings = findings_of(blank_repo)
    assert codes_at(findings) == [
        ("C008", board.name, line_of(board, "to: exempelnamnden-mal-1"), 9)
    ]


def test_undeclared_element_kind_and_organisation_type(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "type: namnd", "type: styrelse")
    replace_in(
        board, "  - id: exempelnamnden-mal-1", "  - id: exempelnamnden-mal-1\n    kind: smart_mal"
    )
    findings = findings_of(blank_repo)
    assert sorted(f.code for f in findings) == ["C009", "C009"]
    assert {f.params["kind"] for f in findings} == {"styrelse", "smart_mal"}


def test_link_declaration_naming_an_undeclared_kind(blank_repo: Path) -> None:
    replace_in(
        blank_repo / "styr.yaml", "{from: program, to: [vision]}", "{from: program, to: [visionen]}"
    )
    codes = [f.code for f in findings_of(blank_repo)]
    assert "C009" in codes


def test_file_without_a_kind(blank_repo: Path) -> None:
    notes = blank_repo / "anteckningar.yaml"
    notes.write_text("titel: Mina anteckningar\n", encoding="utf-8")
    findings = findings_of(blank_repo)
    assert codes_at(findings) == [("S001", "anteckningar.yaml", 1, 1)]


def test_misspelt_key_is_reported_at_the_key(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "    target_group: invånare", "    target_grupp: invånare")
    findings = findings_of(blank_repo)
    assert codes_at(findings) == [("S002", board.name, line_of(board, "target_grupp"), 5)]
    assert "target_grupp" in findings[0].params["problem"]


def test_a_duplicate_id_names_the_first_file_as_the_repository_holds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same repository gives the same message, given by an absolute or a relative path."""
    import shutil

    from styr.lint import lint_paths
    from styr.rules.catalogue import BY_CODE

    root = tmp_path / "kommun"
    shutil.copytree(EXAMPLES / "huddinge", root)
    board = next((root / "organisation").glob("*.yaml"))
    (root / "organisation" / "kopia.yaml").write_bytes(board.read_bytes())
    monkeypatch.chdir(tmp_path)
    shown = []
    for given in (root, Path("kommun")):
        findings = [f for f in lint_paths([given]).findings if f.code == "C004"]
        assert findings
        shown.append({BY_CODE["C004"].render(f, "sv") for f in findings})
    assert shown[0] == shown[1]
    assert all(str(tmp_path) not in text for text in shown[0])


def test_a_boards_direction_names_only_what_the_council_decides(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("helsingborg")
    board = root / "organisation" / "kulturnamnden.yaml"
    wrong = ["kn-mal-2", "vision-2035", "ks-ind-ranking"]  # its own goal, the vision, another's
    replace_in(
        board,
        "  contributes_to: [inriktning-livskvalitet, inriktning-trygghet]\n",
        f"  contributes_to: [inriktning-livskvalitet, {', '.join(wrong)}]\n",
    )
    findings = [f for f in findings_of(root) if f.code.startswith("C")]
    line = line_of(board, "  contributes_to: [inriktning-livskvalitet, kn-mal-2")
    assert codes_at(findings) == [
        ("C002", board.name, line, column_of(board, name, within="kn-mal-2, vision"))
        for name in wrong
    ]
    assert {f.params["allowed"] for f in findings} == {"stadens_inriktning"}
    assert findings[0].params["source_kind"] == "Inriktningen för"


def test_a_direction_may_name_huddinges_goal_areas_but_not_its_indicators(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    board = root / "organisation" / "grundskolenamnden.yaml"
    text = board.read_text(encoding="utf-8")
    assert "\ndirection:\n" in text
    areas = yaml.safe_load((root / "malomraden.yaml").read_text(encoding="utf-8"))["areas"]
    area = areas[0]["id"]
    indicator = areas[0]["indicators"][0]["id"]
    replace_in(board, "\ndirection:\n", f"\ndirection:\n  contributes_to: [{area}, {indicator}]\n")
    findings = [f for f in findings_of(root) if f.code.startswith("C")]
    assert codes_at(findings) == [
        (
            "C002",
            board.name,
            line_of(board, "  contributes_to: ["),
            column_of(board, indicator, within=area),
        )
    ]
    assert findings[0].params["allowed"] == "malomrade"
