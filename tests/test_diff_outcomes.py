"""What `styr diff` says changed in the follow-up: outcomes added, removed and revised."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_pairs import Sides, two_sides
from helpers import line_of

from styr.diff.changes import Change, ChangeKind
from styr.diff.outcomes import outcome_changes

FOLLOW_UP_2024 = "uppfoljning/2024.yaml"
FOLLOW_UP_2025 = "uppfoljning/2025.yaml"
# The first outcome of 2024: Helsingborgshem's tenants who feel safe.
SAFE = "hh-mal-1-ind-1"
SAFE_2024 = "  - indicator: hh-mal-1-ind-1\n    value: 71.2\n    women: 73.3\n"
# The whole of that outcome as written.
SAFE_2024_ALL = SAFE_2024 + "    men: 69.0\n    source: Bolagets hyresgästenkät\n"
SAFE_TITLE = "Andel hyresgäster som svarar att de känner sig trygga utomhus i området på kvällen"


@pytest.fixture
def sides(tmp_path: Path) -> Sides:
    return two_sides(tmp_path)


def changes_of(sides: Sides) -> list[Change]:
    old, new = sides.load()
    return outcome_changes(old.repository, new.repository, new.index)


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


def test_a_past_outcome_revised_says_from_what_to_what(sides: Sides) -> None:
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 71", side="old")
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 74")
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.OUTCOME_REVISED
    assert change.params == {
        "indicator": SAFE,
        "period": "2024",
        "old": 71,
        "new": 74,
        "field": "value",
    }
    assert (change.category, change.id, change.title) == ("follow_up", SAFE, SAFE_TITLE)
    assert change.organisation == "ab-helsingborgshem"
    assert change.file == FOLLOW_UP_2024
    assert (change.line, change.column) == (line_of(sides.new / FOLLOW_UP_2024, SAFE), 5)


def test_whose_an_outcome_is_decided_by_the_one_rule_for_every_change(
    sides: Sides, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One rule (`places.organisation_of`) for whose a change is: an outcome is
    # grouped as its indicator is, however that rule places the indicator.
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 74")
    monkeypatch.setattr(
        "styr.diff.outcomes.organisation_of", lambda element: f"styrs-av-{element.id}"
    )
    sides.edit(FOLLOW_UP_2025, ANALYSIS_2025, ANALYSIS_2025.replace("långsammare", "snabbare"))
    changes = changes_of(sides)
    assert [change.organisation for change in changes] == [
        f"styrs-av-{SAFE}",
        "styrs-av-hamn-mal-1",  # a goal's analysis, as the goal
    ]


def test_the_figures_for_women_and_men_are_revised_each_on_its_own(sides: Sides) -> None:
    sides.edit(FOLLOW_UP_2024, SAFE_2024, SAFE_2024.replace("73.3", "73.9") + "    men: 68.4\n")
    sides.edit(FOLLOW_UP_2024, "    men: 69.0\n", "", side="new")
    changes = changes_of(sides)
    assert [(c.kind, c.params["field"], c.params["old"], c.params["new"]) for c in changes] == [
        (ChangeKind.OUTCOME_REVISED, "women", 73.3, 73.9),
        (ChangeKind.OUTCOME_REVISED, "men", 69.0, 68.4),
    ]


def test_an_outcome_added_keeps_its_period_as_written(sides: Sides) -> None:
    added = (
        '  - indicator: hh-mal-1-ind-1\n    period: "2026-T2"\n    value: 73\n'
        "  - indicator: hh-mal-1-ind-1\n    period: 2026-H1\n    value: 72.5\n"
    )
    sides.edit(FOLLOW_UP_2025, "outcomes:\n", "outcomes:\n" + added)
    changes = changes_of(sides)
    assert [(c.kind, c.params["period"], c.params["new"]) for c in changes] == [
        (ChangeKind.OUTCOME_ADDED, "2026-T2", 73),
        (ChangeKind.OUTCOME_ADDED, "2026-H1", 72.5),
    ]
    assert changes[0].line == line_of(sides.new / FOLLOW_UP_2025, SAFE)
    assert changes[0].title == SAFE_TITLE


def test_a_new_follow_up_file_adds_its_outcomes(sides: Sides) -> None:
    (sides.new / "uppfoljning" / "2026.yaml").write_text(
        'kind: follow_up\nperiod: "2026"\noutcomes:\n  - indicator: hh-mal-1-ind-1\n'
        "    value: 75.5\n",
        encoding="utf-8",
    )
    change = only(changes_of(sides))
    assert (change.kind, change.params["period"], change.file) == (
        ChangeKind.OUTCOME_ADDED,
        "2026",
        "uppfoljning/2026.yaml",
    )
    assert (change.line, change.column) == (4, 5)


def test_an_outcome_removed_is_placed_where_it_was(sides: Sides) -> None:
    sides.edit(FOLLOW_UP_2024, SAFE_2024_ALL, "")
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.OUTCOME_REMOVED
    assert change.params == {"indicator": SAFE, "period": "2024", "old": 71.2}
    assert (change.file, change.line) == (FOLLOW_UP_2024, line_of(sides.old / FOLLOW_UP_2024, SAFE))


def test_a_value_filled_in_later_is_added_not_revised(sides: Sides) -> None:
    """--fail-on outcome-revised stops a reported figure changed, not one given at last."""
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: null", side="old")
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.OUTCOME_ADDED
    assert (change.params["new"], change.params["field"]) == (71.2, "value")


@pytest.mark.parametrize(("field", "written"), [("women", 73.3), ("men", 69.0)])
def test_a_breakdown_by_sex_given_is_added_and_one_taken_away_removed(
    sides: Sides, field: str, written: float
) -> None:
    line = f"    {field}: {written}\n"
    sides.edit(FOLLOW_UP_2024, line, "", side="old")
    given = only(changes_of(sides))
    assert (given.kind, given.params["field"], given.params["new"]) == (
        ChangeKind.OUTCOME_ADDED,
        field,
        written,
    )
    sides.edit(FOLLOW_UP_2024, "    value: 71.2\n", f"    value: 71.2\n{line}", side="old")
    sides.edit(FOLLOW_UP_2024, line, "")
    taken = only(changes_of(sides))
    assert (taken.kind, taken.params["field"], taken.params["old"]) == (
        ChangeKind.OUTCOME_REMOVED,
        field,
        written,
    )


@pytest.mark.parametrize(
    "written", ['"74"', "true", "[74]", ".nan"], ids=["text", "boolean", "list", "nan"]
)
def test_a_figure_that_is_not_a_number_is_left_to_lint(sides: Sides, written: str) -> None:
    sides.edit(FOLLOW_UP_2024, "value: 71.2", f"value: {written}")
    assert changes_of(sides) == []


def test_a_figure_not_a_number_on_both_sides_is_no_change(sides: Sides) -> None:
    sides.edit_both(FOLLOW_UP_2024, "value: 71.2", "value: .nan")
    assert changes_of(sides) == []


def test_an_outcome_written_twice_compares_the_first(sides: Sides) -> None:
    again = SAFE_2024_ALL.replace("71.2", "99").replace("Bolagets", "Stadens")
    sides.edit(FOLLOW_UP_2024, SAFE_2024_ALL, SAFE_2024_ALL + again)
    # The second 2024 outcome is lint's to report (F005): the first is the same.
    assert changes_of(sides) == []


def test_the_period_written_on_the_outcome_or_the_file_is_the_same_period(sides: Sides) -> None:
    sides.edit(
        FOLLOW_UP_2024, SAFE_2024, SAFE_2024.replace("    value", "    period: 2024\n    value")
    )
    assert changes_of(sides) == []


def test_only_the_style_or_the_order_changed_is_no_change(sides: Sides) -> None:
    sides.edit(
        FOLLOW_UP_2024,
        SAFE_2024_ALL,
        "  - {men: 69, women: 73.30, value: 71.2, indicator: hh-mal-1-ind-1,"
        " source: Bolagets hyresgästenkät}\n",
    )
    assert changes_of(sides) == []


def test_an_outcome_moved_to_another_file_is_no_change(sides: Sides) -> None:
    moved = SAFE_2024_ALL
    sides.edit(FOLLOW_UP_2024, moved, "")
    with_period = moved.replace("    value", '    period: "2024"\n    value')
    sides.edit(FOLLOW_UP_2025, "outcomes:\n", "outcomes:\n" + with_period)
    assert changes_of(sides) == []


def test_an_outcome_of_an_indicator_gone_is_named_from_the_old_side(sides: Sides) -> None:
    board = "organisation/ab-helsingborgshem.yaml"
    sides.edit(board, "      - id: hh-mal-1-ind-1\n", "      - id: hh-mal-1-ind-9\n")
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 74")
    change = only(changes_of(sides))
    assert (change.title, change.organisation) == (SAFE_TITLE, "ab-helsingborgshem")


def test_an_outcome_of_an_indicator_on_neither_side_is_named_by_its_id(sides: Sides) -> None:
    sides.edit_both(FOLLOW_UP_2024, "indicator: hh-mal-1-ind-1", "indicator: hh-okand")
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 74")
    change = only(changes_of(sides))
    assert (change.title, change.organisation) == ("hh-okand", None)


def test_an_unchanged_follow_up_is_no_change(sides: Sides) -> None:
    assert changes_of(sides) == []


def test_an_outcomes_source_reworded_and_a_comment_given(sides: Sides) -> None:
    sides.edit(
        FOLLOW_UP_2024, SAFE_2024_ALL, SAFE_2024_ALL + "    comment: Enkäten gjordes i mars\n"
    )
    sides.edit(FOLLOW_UP_2024, "source: Bolagets hyresgästenkät", "source: Stadens hyresgästenkät")
    source, comment = changes_of(sides)
    assert source.kind is ChangeKind.REWORDED
    assert {k: v for k, v in source.params.items() if k != "words"} == {
        "indicator": SAFE,
        "period": "2024",
        "field": "outcome.source",
        "old": "Bolagets hyresgästenkät",
        "new": "Stadens hyresgästenkät",
    }
    words = source.params["words"]
    assert "".join(t for op, t in words if op in "=+") == "Stadens hyresgästenkät"
    assert (comment.kind, comment.params["field"]) == (ChangeKind.FIELD_CHANGED, "outcome.comment")
    assert (comment.params["old"], comment.params["new"]) == (None, "Enkäten gjordes i mars")
    assert comment.line == line_of(sides.new / FOLLOW_UP_2024, SAFE)


def test_a_new_fetch_of_the_same_figures_is_no_change(sides: Sides) -> None:
    sides.edit(
        FOLLOW_UP_2024, SAFE_2024_ALL, SAFE_2024_ALL + "    fetched_on: 2026-11-30\n", side="old"
    )
    sides.edit(FOLLOW_UP_2024, SAFE_2024_ALL, SAFE_2024_ALL + "    fetched_on: 2026-12-01\n")
    assert changes_of(sides) == []


ANALYSIS_2025 = "  - goal: hamn-mal-1\n    text: Utvecklingen går åt rätt håll men långsammare"


def test_a_goals_analysis_reworded(sides: Sides) -> None:
    sides.edit(FOLLOW_UP_2025, ANALYSIS_2025, ANALYSIS_2025.replace("långsammare", "snabbare"))
    change = only(changes_of(sides))
    assert change.kind is ChangeKind.REWORDED
    assert (change.category, change.id, change.organisation) == (
        "goal",
        "hamn-mal-1",
        "helsingborgs-hamn-ab",
    )
    assert change.params["field"] == "analysis"
    assert (change.params["goal"], change.params["period"]) == ("hamn-mal-1", "2025")
    assert "snabbare" in change.params["new"] and "långsammare" in change.params["old"]
    assert (change.file, change.line) == (
        FOLLOW_UP_2025,
        line_of(sides.new / FOLLOW_UP_2025, "goal: hamn-mal-1"),
    )


def test_a_goals_analysis_given_and_one_taken_away(sides: Sides) -> None:
    sides.edit(FOLLOW_UP_2025, ANALYSIS_2025, ANALYSIS_2025.replace("hamn-mal-1", "amn-mal-1"))
    given, taken = changes_of(sides)
    assert (given.kind, given.id, given.params["old"], given.params["field"]) == (
        ChangeKind.OUTCOME_ADDED,
        "amn-mal-1",
        None,
        "analysis",
    )
    assert (taken.kind, taken.id, taken.params["new"], taken.params["field"]) == (
        ChangeKind.OUTCOME_REMOVED,
        "hamn-mal-1",
        None,
        "analysis",
    )
    assert taken.line == line_of(sides.old / FOLLOW_UP_2025, "goal: hamn-mal-1")


def test_only_the_line_breaks_of_an_analysis_changed_is_no_change(sides: Sides) -> None:
    sides.edit(
        FOLLOW_UP_2025,
        ANALYSIS_2025,
        "  - goal: hamn-mal-1\n    text: >-\n"
        "      Utvecklingen går åt rätt håll\n      men långsammare",
    )
    assert changes_of(sides) == []


def test_the_old_side_is_indexed_only_for_what_the_new_side_does_not_know(
    sides: Sides, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.diff.outcomes as outcomes

    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 74")
    old, new = sides.load()

    def no_index(repository: object) -> None:
        raise AssertionError("the old side was indexed again")

    monkeypatch.setattr(outcomes, "build_index", no_index)
    assert only(outcome_changes(old.repository, new.repository, new.index)).title == SAFE_TITLE
    board = "organisation/ab-helsingborgshem.yaml"
    sides.edit(board, "      - id: hh-mal-1-ind-1\n", "      - id: hh-mal-1-ind-9\n")
    old, new = sides.load()
    given = outcome_changes(old.repository, new.repository, new.index, old.index)
    assert only(given).title == SAFE_TITLE  # named from the old side's index as given


RENAMED = "hh-mal-1-ind-9"


def _rename_safe(sides: Sides) -> None:
    """The indicator gets another id, and every outcome of it follows."""
    board = "organisation/ab-helsingborgshem.yaml"
    sides.edit(board, f"      - id: {SAFE}\n", f"      - id: {RENAMED}\n")
    for name in (FOLLOW_UP_2024, FOLLOW_UP_2025):
        sides.edit(name, f"indicator: {SAFE}\n", f"indicator: {RENAMED}\n")


def test_the_outcomes_of_a_renamed_indicator_follow_it(sides: Sides) -> None:
    _rename_safe(sides)
    sides.edit(FOLLOW_UP_2024, "value: 71.2", "value: 74")
    old, new = sides.load()
    renamed = {SAFE: RENAMED}
    change = only(outcome_changes(old.repository, new.repository, new.index, old.index, renamed))
    assert (change.kind, change.params["indicator"]) == (ChangeKind.OUTCOME_REVISED, RENAMED)
    # Without the rename, every outcome of it is removed and added again.
    unmatched = outcome_changes(old.repository, new.repository, new.index, old.index)
    assert {c.kind for c in unmatched} == {ChangeKind.OUTCOME_ADDED, ChangeKind.OUTCOME_REMOVED}


def test_a_renamed_indicator_is_one_change_with_its_outcomes(sides: Sides) -> None:
    from styr.diff.compare import compare_repositories

    _rename_safe(sides)
    old, new = sides.load()
    changes = compare_repositories(old.repository, new.repository)
    assert [(c.kind, c.id) for c in changes] == [(ChangeKind.RENAMED, RENAMED)]


def test_outcomes_still_naming_the_old_id_after_a_rename_are_unchanged(sides: Sides) -> None:
    board = "organisation/ab-helsingborgshem.yaml"
    sides.edit(board, f"      - id: {SAFE}\n", f"      - id: {RENAMED}\n")
    old, new = sides.load()
    renamed = {SAFE: RENAMED}
    assert outcome_changes(old.repository, new.repository, new.index, old.index, renamed) == []


def test_the_analysis_of_a_renamed_goal_follows_it(sides: Sides) -> None:
    board = "organisation/helsingborgs-hamn-ab.yaml"
    sides.edit(board, "  - id: hamn-mal-1\n", "  - id: hamn-mal-kund\n")
    sides.edit(FOLLOW_UP_2025, ANALYSIS_2025, ANALYSIS_2025.replace("hamn-mal-1", "hamn-mal-kund"))
    old, new = sides.load()
    renamed = {"hamn-mal-1": "hamn-mal-kund"}
    assert outcome_changes(old.repository, new.repository, new.index, old.index, renamed) == []


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_follow_up_file_that_did_not_load_on_one_side_adds_or_removes_nothing(
    sides: Sides, side: str
) -> None:
    # A YAML error: lint's findings of that side say why; its outcomes are not gone.
    sides.edit(FOLLOW_UP_2024, "outcomes:\n", "outcomes:\n  - [\n", side=side)
    sides.edit(FOLLOW_UP_2025, "value: 72.8", "value: 73")
    old, new = sides.load()
    unloaded = old if side == "old" else new
    assert not next(d for d in unloaded.repository.documents if d.file.name == "2024.yaml").loaded
    change = only(outcome_changes(old.repository, new.repository, new.index, old.index))
    assert (change.kind, change.file) == (ChangeKind.OUTCOME_REVISED, FOLLOW_UP_2025)


@pytest.mark.parametrize(
    ("kind", "params", "said"),
    [
        (
            ChangeKind.OUTCOME_ADDED,
            {"field": "women", "new": 70.1},
            "utfall 2024 för kvinnor lades till: 70,1",
        ),
        (
            ChangeKind.OUTCOME_REMOVED,
            {"field": "men", "old": 69},
            "utfall 2024 för män togs bort (det var 69)",
        ),
        (
            ChangeKind.OUTCOME_ADDED,
            {"field": "analysis", "old": None, "new": "Text"},
            "en analys för 2024 lades till",
        ),
        (
            ChangeKind.OUTCOME_REMOVED,
            {"field": "analysis", "old": "Text", "new": None},
            "analysen för 2024 togs bort",
        ),
    ],
    ids=["women-added", "men-removed", "analysis-added", "analysis-removed"],
)
def test_a_figure_or_an_analysis_added_or_removed_is_said_so(
    kind: ChangeKind, params: dict[str, object], said: str
) -> None:
    from styr.diff.changes import Change
    from styr.diff.layout import on_old_side
    from styr.diff.sentences import PLAIN, sentence

    change = Change(
        kind,
        "follow_up",
        "ind",
        "Andel",
        "uppfoljning/2024.yaml",
        3,
        5,
        params={"period": "2024", **params},
    )
    assert sentence(change, "sv", PLAIN).endswith(said)
    # What was taken away is placed in the old side, with the old side named.
    assert on_old_side(change) is (kind is ChangeKind.OUTCOME_REMOVED)
