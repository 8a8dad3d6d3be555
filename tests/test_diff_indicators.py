"""What `styr diff` says changed in one indicator: targets judged as higher or lower ambition."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from diff_pairs import Sides, two_sides
from helpers import column_of, line_of

from styr.diff.changes import Change, ChangeKind
from styr.diff.indicators import indicator_changes

SCHOOL = "organisation/skol-och-fritidsnamnden.yaml"  # sfn-mal-1-ind-1: higher is better
SCHOOL_INDICATOR = "sfn-mal-1-ind-1"
SCHOOL_TARGET = "- {year: 2026, value: 87}"
SCHOOL_MILESTONE = "- {year: 2024, value: 84, term: short}"
SCHOOL_BASELINE = "baseline: {year: 2022, value: 82.4}"
# Its direction, with the line after it: `better: higher` is written on other indicators too.
SCHOOL_BETTER = f"better: higher\n        {SCHOOL_BASELINE}"
AIR = "organisation/miljonamnden.yaml"  # mn-mal-1-ind-1: lower is better
AIR_INDICATOR = "mn-mal-1-ind-1"
AIR_TARGET = "- {year: 2026, value: 16}"


@pytest.fixture
def sides(tmp_path: Path) -> Sides:
    return two_sides(tmp_path)


def changes_of(sides: Sides, indicator: str) -> list[Change]:
    old, new = sides.load()
    element = new.element(indicator)
    return indicator_changes(old.element(indicator), element, element.owner, new.repository)


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, changes
    return changes[0]


def kinds(changes: list[Change]) -> list[ChangeKind]:
    return [change.kind for change in changes]


def test_a_lower_target_where_higher_is_better_is_a_lower_ambition(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert change.kind is ChangeKind.AMBITION_LOWERED
    assert change.params == {
        "field": "targets",
        "milestone": False,
        "year": 2026,
        "old": 87,
        "new": 85,
        "better": "higher",
        "explained": False,
        "comment": None,
    }
    assert (change.category, change.id) == ("indicator", SCHOOL_INDICATOR)
    assert change.title == "Andel elever i årskurs 9 som är behöriga till yrkesprogram"
    assert change.organisation == "skol-och-fritidsnamnden"


def test_a_higher_target_where_lower_is_better_is_a_lower_ambition(sides: Sides) -> None:
    sides.edit(AIR, AIR_TARGET, "- {year: 2026, value: 18.5}")
    change = only(changes_of(sides, AIR_INDICATOR))
    assert change.kind is ChangeKind.AMBITION_LOWERED
    assert (change.params["old"], change.params["new"], change.params["better"]) == (
        16,
        18.5,
        "lower",
    )


@pytest.mark.parametrize(
    ("file", "indicator", "written", "raised"),
    [
        (SCHOOL, SCHOOL_INDICATOR, SCHOOL_TARGET, "- {year: 2026, value: 90}"),
        (AIR, AIR_INDICATOR, AIR_TARGET, "- {year: 2026, value: 14}"),
    ],
    ids=["higher-is-better", "lower-is-better"],
)
def test_a_target_moved_the_better_way_is_a_higher_ambition(
    sides: Sides, file: str, indicator: str, written: str, raised: str
) -> None:
    sides.edit(file, written, raised)
    change = only(changes_of(sides, indicator))
    assert change.kind is ChangeKind.AMBITION_RAISED
    assert "explained" not in change.params


def test_the_change_is_placed_at_the_target_in_the_new_file(sides: Sides) -> None:
    # A line before the indicator moves it down: the place is the new side's.
    sides.edit(SCHOOL, "goals:\n", "# Mål för 2026\ngoals:\n")
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    written = sides.new / SCHOOL
    assert change.file == SCHOOL
    assert change.line == line_of(written, "{year: 2026, value: 85}")
    assert change.column == column_of(written, "{year: 2026")


def test_without_the_repository_a_file_is_named_by_its_whole_path(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    old, new = sides.load()
    pair = old.element(SCHOOL_INDICATOR), new.element(SCHOOL_INDICATOR)
    change = only(indicator_changes(*pair, "skol-och-fritidsnamnden"))
    assert change.file == (sides.new / SCHOOL).as_posix()


def test_a_comment_on_the_new_target_explains_a_lower_ambition(sides: Sides) -> None:
    sides.edit(
        SCHOOL,
        SCHOOL_TARGET,
        "- year: 2026\n            value: 85\n"
        "            comment: >-\n              Sänkt efter beslut i nämnden 2026-06-15.\n",
    )
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert change.kind is ChangeKind.AMBITION_LOWERED
    assert change.params["explained"] is True
    assert change.params["comment"] == "Sänkt efter beslut i nämnden 2026-06-15."


@pytest.mark.parametrize("comment", ['""', '"   "'])
def test_a_comment_without_words_explains_nothing(sides: Sides, comment: str) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, f"- {{year: 2026, value: 85, comment: {comment}}}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.params["explained"], change.params["comment"]) == (False, None)


def test_a_comment_on_the_old_target_only_explains_nothing(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 87, comment: Satt 2023}", side="old")
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    assert only(changes_of(sides, SCHOOL_INDICATOR)).params["explained"] is False


def test_a_milestone_is_judged_as_a_target_and_says_it_is_a_milestone(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_MILESTONE, "- {year: 2024, value: 83, term: short}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert change.kind is ChangeKind.AMBITION_LOWERED
    assert change.params["field"] == "milestones"
    assert change.params["milestone"] is True
    assert (change.params["year"], change.params["old"], change.params["new"]) == (2024, 84, 83)
    assert change.line == line_of(sides.new / SCHOOL, "{year: 2024, value: 83")


def test_a_milestone_comment_explains_it(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_MILESTONE, "- {year: 2024, value: 83, term: short, comment: Sent}")
    assert only(changes_of(sides, SCHOOL_INDICATOR)).params["explained"] is True


def test_a_comment_given_with_a_higher_target_goes_with_it(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 90, comment: Nytt beslut}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.kind, change.params["comment"]) == (ChangeKind.AMBITION_RAISED, "Nytt beslut")


def test_a_milestones_text_reworded_and_its_term_changed(sides: Sides) -> None:
    sides.edit_both(
        SCHOOL, SCHOOL_MILESTONE, "- {year: 2024, value: 84, term: short, text: Fler behöriga}"
    )
    sides.edit(SCHOOL, "term: short, text: Fler behöriga", "term: long, text: Många fler behöriga")
    term, text = changes_of(sides, SCHOOL_INDICATOR)
    assert (term.kind, term.params) == (
        ChangeKind.FIELD_CHANGED,
        {"field": "milestones.term", "old": "short", "new": "long", "year": 2024},
    )
    assert text.kind is ChangeKind.REWORDED
    assert (text.params["field"], text.params["year"]) == ("milestones.text", 2024)
    assert (text.params["old"], text.params["new"]) == ("Fler behöriga", "Många fler behöriga")
    words = text.params["words"]
    assert "".join(t for op, t in words if op in "=-") == "Fler behöriga"
    assert "".join(t for op, t in words if op in "=+") == "Många fler behöriga"
    assert text.column == column_of(sides.new / SCHOOL, "Många", within="term: long")


def test_a_comment_given_to_a_target_that_stays_is_a_changed_field(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 87, comment: Oförändrat}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.kind, change.params) == (
        ChangeKind.FIELD_CHANGED,
        {"field": "targets.comment", "old": None, "new": "Oförändrat", "year": 2026},
    )


def test_a_comment_on_a_range_or_a_baseline_reworded(sides: Sides) -> None:
    sides.edit_both(
        SCHOOL,
        SCHOOL_BETTER,
        "better: range\n        range: {min: 80, max: 90, comment: Som förut}\n"
        "        baseline: {year: 2022, value: 82.4, comment: Mätt i maj}",
    )
    sides.edit(SCHOOL, "comment: Som förut", "comment: Som tidigare")
    sides.edit(SCHOOL, "comment: Mätt i maj", "comment: Mätt i juni")
    changes = changes_of(sides, SCHOOL_INDICATOR)
    assert [(c.kind, c.params["field"]) for c in changes] == [
        (ChangeKind.REWORDED, "range.comment"),
        (ChangeKind.REWORDED, "baseline.comment"),
    ]


def test_only_the_spacing_of_a_milestones_text_changed_is_no_change(sides: Sides) -> None:
    sides.edit(
        SCHOOL, SCHOOL_MILESTONE, "- {year: 2024, value: 84, term: short, text: Fler  behöriga}"
    )
    sides.edit(
        SCHOOL,
        SCHOOL_MILESTONE,
        "- {year: 2024, value: 84, term: short, text: Fler behöriga}",
        side="old",
    )
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_a_target_year_added_and_one_removed(sides: Sides) -> None:
    sides.edit(
        SCHOOL, SCHOOL_TARGET, "- {year: 2027, value: 88}\n          - {year: 2028, value: 89}"
    )
    changes = changes_of(sides, SCHOOL_INDICATOR)
    by_year = {change.params["year"]: change for change in changes}
    assert sorted(by_year) == [2026, 2027, 2028]
    removed = by_year[2026]
    assert removed.kind is ChangeKind.TARGET_REMOVED
    assert (removed.params["old"], "new" in removed.params) == (87, False)
    # What is gone is placed at the targets of the new file, where a reviewer reads.
    assert removed.line == line_of(sides.new / SCHOOL, "targets:")
    for year, value in ((2027, 88), (2028, 89)):
        added = by_year[year]
        assert added.kind is ChangeKind.TARGET_ADDED
        assert (added.params["new"], added.params["field"]) == (value, "targets")
        assert added.line == line_of(sides.new / SCHOOL, f"{{year: {year}, value: {value}}}")
    assert [c.line for c in changes] == sorted(c.line for c in changes)


def test_the_targets_all_gone_are_each_removed(sides: Sides) -> None:
    sides.edit(SCHOOL, f"        targets:\n          {SCHOOL_TARGET}\n", "")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.kind, change.params["year"]) == (ChangeKind.TARGET_REMOVED, 2026)


def test_without_a_better_direction_a_changed_target_is_not_judged(sides: Sides) -> None:
    sides.edit_both(SCHOOL, SCHOOL_BETTER, SCHOOL_BASELINE)
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert change.kind is ChangeKind.TARGET_CHANGED
    assert (change.params["old"], change.params["new"], change.params["better"]) == (87, 85, None)


def test_a_changed_direction_is_said_and_the_target_in_the_same_edit_not_judged(
    sides: Sides,
) -> None:
    """87 set where higher was better, 85 where lower is: no one direction judges both."""
    sides.edit(SCHOOL, SCHOOL_BETTER, SCHOOL_BETTER.replace("higher", "lower"))
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    changes = changes_of(sides, SCHOOL_INDICATOR)
    assert kinds(changes) == [ChangeKind.BETTER_CHANGED, ChangeKind.TARGET_CHANGED]
    assert (changes[1].params["old"], changes[1].params["new"]) == (87, 85)
    assert (changes[0].params["old"], changes[0].params["new"]) == ("higher", "lower")
    assert changes[0].line == line_of(sides.new / SCHOOL, SCHOOL_BASELINE) - 1


def test_baseline_unit_and_kolada_id_changed(sides: Sides) -> None:
    sides.edit(
        SCHOOL, f"unit: procent\n        {SCHOOL_BETTER}", f"unit: andel\n        {SCHOOL_BETTER}"
    )
    sides.edit(SCHOOL, SCHOOL_BASELINE, "baseline: {year: 2023, value: 83}")
    sides.edit(SCHOOL, "kolada: N15428", "kolada: N15436")
    changes = changes_of(sides, SCHOOL_INDICATOR)
    assert kinds(changes) == [
        ChangeKind.UNIT_CHANGED,
        ChangeKind.BASELINE_CHANGED,
        ChangeKind.KOLADA_CHANGED,
    ]
    unit, baseline, kolada = (change.params for change in changes)
    assert unit == {"old": "procent", "new": "andel"}
    assert baseline == {"old": {"year": 2022, "value": 82.4}, "new": {"year": 2023, "value": 83}}
    assert kolada == {"old": "N15428", "new": "N15436"}
    assert changes[2].line == line_of(sides.new / SCHOOL, "kolada: N15436")


def test_a_baseline_and_a_kolada_id_given_or_taken_away(sides: Sides) -> None:
    sides.edit(SCHOOL, f"        {SCHOOL_BASELINE}\n", "")
    sides.edit(SCHOOL, "        kolada: N15428\n", "")
    changes = changes_of(sides, SCHOOL_INDICATOR)
    params = {change.kind: change.params for change in changes}
    assert params[ChangeKind.BASELINE_CHANGED] == {
        "old": {"year": 2022, "value": 82.4},
        "new": None,
    }
    assert params[ChangeKind.KOLADA_CHANGED] == {"old": "N15428", "new": None}


def test_only_the_style_or_the_order_of_keys_changed_is_no_change(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, "- value: 87.0\n            year: 2026")
    sides.edit(
        SCHOOL, SCHOOL_MILESTONE, "- term: short\n            value: 84\n            year: 2024"
    )
    sides.edit(
        SCHOOL,
        SCHOOL_BASELINE,
        "baseline:\n          value: 82.40\n          year: 2022",
    )
    sides.edit(SCHOOL, "kolada: N15428", 'kolada: "N15428"')
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_targets_in_another_order_are_no_change(sides: Sides) -> None:
    two = "- {year: 2026, value: 87}\n          - {year: 2027, value: 88}"
    sides.edit_both(SCHOOL, SCHOOL_TARGET, two)
    sides.edit(SCHOOL, two, "- {year: 2027, value: 88}\n          - {year: 2026, value: 87}")
    assert changes_of(sides, SCHOOL_INDICATOR) == []


@pytest.mark.parametrize(
    "written",
    ['"85"', "true", "null", "[85]", ".nan", ".inf"],
    ids=["text", "boolean", "nothing", "list", "nan", "infinite"],
)
def test_a_target_that_is_not_a_number_is_left_to_lint(sides: Sides, written: str) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, f"- {{year: 2026, value: {written}}}")
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_a_target_not_a_number_on_both_sides_is_no_change(sides: Sides) -> None:
    sides.edit_both(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: .nan}")
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_targets_that_are_not_a_list_are_left_to_lint(sides: Sides) -> None:
    sides.edit(SCHOOL, f"targets:\n          {SCHOOL_TARGET}\n", "targets: 87\n")
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_a_target_added_carries_its_comment(sides: Sides) -> None:
    sides.edit(
        SCHOOL,
        SCHOOL_TARGET,
        f"{SCHOOL_TARGET}\n          - {{year: 2030, value: 95, comment: Ny plan}}",
    )
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.kind, change.params["comment"]) == (ChangeKind.TARGET_ADDED, "Ny plan")


def test_a_year_that_is_not_a_number_is_left_to_lint(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_TARGET, '- {year: "2026", value: 85}')
    # The year "2026" names no year: the old 2026 target is gone, nothing added.
    assert kinds(changes_of(sides, SCHOOL_INDICATOR)) == [ChangeKind.TARGET_REMOVED]


def test_a_baseline_or_unit_of_the_wrong_type_is_left_to_lint(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_BASELINE, "baseline: 82.4")
    sides.edit(SCHOOL, "kolada: N15428", "kolada: 15428")
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_a_year_written_twice_compares_the_first(sides: Sides) -> None:
    twice = "- {year: 2026, value: 87}\n          - {year: 2026, value: 80}"
    sides.edit(SCHOOL, SCHOOL_TARGET, twice)
    assert changes_of(sides, SCHOOL_INDICATOR) == []


# A range: `better: range` with `range: {min, max}`.

RANGE_OLD = "better: range\n        range: {min: 80, max: 90}"


def _range_sides(sides: Sides, new_range: str, new_better: str = "range") -> None:
    """sfn-mal-1-ind-1 as a range indicator on both sides, its range rewritten on the new."""
    sides.edit_both(SCHOOL, SCHOOL_BETTER, f"{RANGE_OLD}\n        {SCHOOL_BASELINE}")
    sides.edit(SCHOOL, RANGE_OLD, f"better: {new_better}\n        range: {new_range}")


@pytest.mark.parametrize(
    ("new_range", "kind"),
    [
        ("{min: 75, max: 90}", ChangeKind.AMBITION_LOWERED),
        ("{min: 75, max: 95}", ChangeKind.AMBITION_LOWERED),
        ("{max: 90}", ChangeKind.AMBITION_LOWERED),
        ("{min: 82, max: 88}", ChangeKind.AMBITION_RAISED),
        ("{min: 85, max: 90}", ChangeKind.AMBITION_RAISED),
        ("{min: 85, max: 95}", ChangeKind.TARGET_CHANGED),
        ("{min: 70, max: 80}", ChangeKind.TARGET_CHANGED),
    ],
    ids=["lower-min", "wider", "open-below", "narrower", "higher-min", "moved-up", "moved-down"],
)
def test_a_range_wider_is_lower_narrower_is_higher_moved_is_changed(
    sides: Sides, new_range: str, kind: ChangeKind
) -> None:
    _range_sides(sides, new_range)
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert change.kind is kind
    assert change.params["field"] == "range"
    assert change.params["year"] is None
    assert change.params["old"] == {"min": 80, "max": 90}
    assert change.line == line_of(sides.new / SCHOOL, "range: {")


def test_a_range_gives_its_bounds_with_none_for_one_not_given(sides: Sides) -> None:
    _range_sides(sides, "{max: 90}")
    assert only(changes_of(sides, SCHOOL_INDICATOR)).params["new"] == {"min": None, "max": 90}


def test_a_wider_range_is_explained_by_its_comment(sides: Sides) -> None:
    _range_sides(sides, "{min: 75, max: 90, comment: Ny mätmetod}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.kind, change.params["explained"]) == (ChangeKind.AMBITION_LOWERED, True)
    assert change.params["comment"] == "Ny mätmetod"


def test_a_range_of_an_indicator_no_longer_judged_by_range_is_not_judged(sides: Sides) -> None:
    _range_sides(sides, "{min: 75, max: 90}", new_better="higher")
    changes = changes_of(sides, SCHOOL_INDICATOR)
    assert kinds(changes) == [ChangeKind.BETTER_CHANGED, ChangeKind.TARGET_CHANGED]


def test_a_range_of_an_indicator_newly_judged_by_range_is_not_judged(sides: Sides) -> None:
    """A narrower range is not a higher ambition when the range only now is the target."""
    _range_sides(sides, "{min: 82, max: 88}")
    sides.edit(SCHOOL, "better: range", "better: higher", side="old")
    changes = changes_of(sides, SCHOOL_INDICATOR)
    assert kinds(changes) == [ChangeKind.BETTER_CHANGED, ChangeKind.TARGET_CHANGED]


def test_a_range_given_and_taken_away(sides: Sides) -> None:
    sides.edit(SCHOOL, SCHOOL_BETTER, f"{RANGE_OLD}\n        {SCHOOL_BASELINE}")
    given = changes_of(sides, SCHOOL_INDICATOR)
    assert kinds(given) == [ChangeKind.BETTER_CHANGED, ChangeKind.TARGET_ADDED]
    assert given[1].params["new"] == {"min": 80, "max": 90}


def test_a_target_value_of_a_range_indicator_is_not_judged(sides: Sides) -> None:
    _range_sides(sides, "{min: 80, max: 90}")
    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85}")
    change = only(changes_of(sides, SCHOOL_INDICATOR))
    assert (change.kind, change.params["better"]) == (ChangeKind.TARGET_CHANGED, "range")


def test_a_range_of_the_wrong_type_is_left_to_lint(sides: Sides) -> None:
    _range_sides(sides, '{min: "75", max: 90}')
    assert changes_of(sides, SCHOOL_INDICATOR) == []


def test_every_params_value_is_plain_json(sides: Sides) -> None:
    import json

    sides.edit(SCHOOL, SCHOOL_TARGET, "- {year: 2026, value: 85, comment: Sänkt}")
    sides.edit(SCHOOL, SCHOOL_BASELINE, "baseline: {year: 2023, value: 83}")
    for change in changes_of(sides, SCHOOL_INDICATOR):
        params: dict[str, Any] = change.params
        assert json.loads(json.dumps(params)) == params
