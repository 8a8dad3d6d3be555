"""styr diff of a goal moved from one board to another: said as a move, under both boards."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_repos import GitRepository, plain_folder

GIVING = "organisation/miljonamnden.yaml"
RECEIVING = "organisation/stadsbyggnadsnamnden.yaml"
SAID = (
    "Nämndens och bolagets mål ”Företag som har haft tillsyn ska vara nöjda med nämndens "
    "myndighetsutövning” flyttades från Miljönämnden till Stadsbyggnadsnämnden"
)


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GitRepository]:
    root = tmp_path_factory.mktemp("flytt")
    plain_folder(root / "gammal")
    new = plain_folder(root / "ny")
    block = new.read(GIVING)[new.read(GIVING).index("  - id: mn-mal-2\n") :]
    new.cut(GIVING, "  - id: mn-mal-2\n")
    new.write(RECEIVING, new.read(RECEIVING) + block)
    return root, new


def test_a_goal_moved_is_said_by_the_boards_names_under_both_boards(
    moved: tuple[Path, GitRepository],
) -> None:
    root, new = moved
    run = new.run_diff("--from", "gammal", "--to", "ny", cwd=root)
    assert run.code == 0, run.err
    under = _by_organisation(run.out)
    assert any(line.endswith(SAID) for line in under["Miljönämnden"])
    assert any(line.endswith(SAID) for line in under["Stadsbyggnadsnämnden"])
    assert "Flyttat: 1" in run.out.splitlines()[1]  # counted once
    assert "värdet ”organisation”" not in run.out


def _by_organisation(text: str) -> dict[str, list[str]]:
    """The text's change lines under each heading of an organisation (indented by two)."""
    sections: dict[str, list[str]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            heading = line.strip()
            sections[heading] = []
        elif heading and line.startswith("    "):
            sections[heading].append(line)
    return sections


def test_a_goal_moved_is_one_change_of_its_own_kind_in_json_and_fails_on_it(
    moved: tuple[Path, GitRepository],
) -> None:
    root, new = moved
    document = new.run_diff("--from", "gammal", "--to", "ny", "-f", "json", cwd=root).json()
    (municipality,) = document["repositories"]
    changes = [c for c in municipality["changes"] if c["kind"] == "moved"]
    assert [(c["id"], c["organisation"], c["params"], c["text"]) for c in changes] == [
        (
            "mn-mal-2",
            "stadsbyggnadsnamnden",
            {
                "old": "miljonamnden",
                "new": "stadsbyggnadsnamnden",
                "kind_name": "Nämndens och bolagets mål",
            },
            SAID,
        )
    ]
    failing = new.run_diff("--from", "gammal", "--to", "ny", "--fail-on", "moved", cwd=root)
    assert failing.code == 1
