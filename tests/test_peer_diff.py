"""What `styr diff` says changed in the comparison with other municipalities: values added,
removed, revised by Kolada and made final."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_pairs import Sides, two_sides
from helpers import line_of
from test_kolada_pull import Run

from styr.diff.changes import Change, ChangeKind
from styr.diff.peer_changes import peer_changes
from styr.diff.sentences import PLAIN, sentence

PEERS = "jamforelse/kolada.yaml"
LUND_2025 = '{kpi: "N15428", municipality: "1380", year: 2025, value: 84.9}'
COUNTRY_2025 = '{kpi: "N17445", municipality: "0000", year: 2025, value: 75.2, preliminary: true}'
ELIGIBLE = "Andel elever i årskurs 9 som är behöriga till yrkesprogram"


@pytest.fixture
def sides(tmp_path: Path) -> Sides:
    return two_sides(tmp_path)


def changes_of(sides: Sides) -> list[Change]:
    old, new = sides.load()
    return peer_changes(old.repository, new.repository, new.index)


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


def test_a_peers_value_kolada_revised_is_said_as_koladas(sides: Sides) -> None:
    sides.edit(
        PEERS,
        LUND_2025,
        '{kpi: "N15428", municipality: "1380", year: 2025, value: 85.2, '
        'fetched_on: "2026-03-01", revised: [{value: 84.9}]}',
    )
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.OUTCOME_REVISED
    assert change.params == {
        "kpi": "N15428",
        "municipality": "1380",
        "period": "2025",
        "old": 84.9,
        "new": 85.2,
        "field": "value",
        "revised_by": "Kolada",
    }
    assert (change.category, change.file) == ("peer_values", PEERS)
    assert change.line == line_of(sides.new / PEERS, '"1380", year: 2025, value: 85.2')
    assert sentence(change, "sv", PLAIN) == (
        f"Jämförelsen med andra kommuner, ”{ELIGIBLE} (1380)”: "
        "Kolada reviderade utfallet 2025 från 84,9 till 85,2"
    )


def test_a_value_changed_by_hand_is_revised_but_not_by_kolada(sides: Sides) -> None:
    sides.edit(PEERS, LUND_2025, LUND_2025.replace("84.9", "86"))
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.OUTCOME_REVISED
    assert "revised_by" not in change.params
    assert change.params["new"] == 86


def test_the_countrys_value_made_final(sides: Sides) -> None:
    sides.edit(PEERS, COUNTRY_2025, COUNTRY_2025.replace(", preliminary: true", ""))
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.FIELD_CHANGED
    assert change.category == "peer_values_country"
    assert sentence(change, "sv", PLAIN) == (
        "Rikets värde i jämförelsen, ”Gymnasieelever med examen inom 3 år, andel (%)”: "
        "Kolada har fastställt utfallet 2025: 75,2, tidigare preliminärt"
    )


def test_values_added_and_removed(sides: Sides) -> None:
    sides.edit(PEERS, f"  - {LUND_2025}\n", "")
    sides.edit(
        PEERS,
        COUNTRY_2025,
        COUNTRY_2025 + '\n  - {kpi: "N17445", municipality: "0000", year: 2026, value: 76}',
    )
    changes = changes_of(sides)
    kinds = {(c.kind, c.params["municipality"], c.params["period"]) for c in changes}
    assert kinds == {
        (ChangeKind.OUTCOME_REMOVED, "1380", "2025"),
        (ChangeKind.OUTCOME_ADDED, "0000", "2026"),
    }
    removed = next(c for c in changes if c.kind is ChangeKind.OUTCOME_REMOVED)
    assert removed.params["old"] == 84.9
    assert removed.line == line_of(sides.old / PEERS, LUND_2025)  # placed where it was


def test_a_new_fetch_of_the_same_values_is_no_change(sides: Sides) -> None:
    sides.edit(PEERS, LUND_2025, LUND_2025.replace("}", ', fetched_on: "2026-12-01"}'))
    assert changes_of(sides) == []


def test_styr_diff_lists_the_comparisons_changes(sides: Sides, run_cli: Run) -> None:
    sides.edit(PEERS, LUND_2025, LUND_2025.replace("84.9", "86"))
    result = run_cli("diff", "--from", sides.old, "--to", sides.new)
    assert result.code == 0, result.err
    assert f"jamforelse/kolada.yaml:{line_of(sides.new / PEERS, LUND_2025[:-7])}:5" in result.out
    assert f"{ELIGIBLE} (1380)”: utfall 2025 ändrat från 84,9 till 86" in result.out
