"""`illustrative: true` in a follow-up file: on the whole file, or on one outcome or analysis.

The follow-up report marks invented outcomes and analyses, so that no reader
takes an example for the municipality's own figures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import codes_at, findings_of, replace_in

from styr.followup.evaluate import read_outcomes
from styr.model.repository import load_repository

T1 = Path("uppfoljning") / "2025-T1.yaml"


def _plain_t1(root: Path) -> Path:
    """Huddinge's first tertial without the example mark the example's files carry."""
    file = root / T1
    text = file.read_text(encoding="utf-8").replace("illustrative: true\n", "", 1)
    file.write_text(text, encoding="utf-8")
    return file


def test_illustrative_at_the_top_marks_every_outcome_and_analysis_of_the_file(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    file = _plain_t1(root)
    replace_in(file, "kind: follow_up\n", "kind: follow_up\nillustrative: true\n")
    outcomes, analyses = read_outcomes(load_repository(root))
    in_file = [o for o in outcomes if o.document.file.name == file.name]
    assert in_file and all(o.illustrative for o in in_file)
    assert all(a.illustrative for a in analyses if a.document and a.document.file.name == file.name)
    # The other files are not marked by it.
    assert not any(o.illustrative for o in outcomes if o.document.file.name == "2024.yaml")
    assert not [c for c in codes_at(findings_of(root)) if c[1] == file.name]


def test_illustrative_on_one_entry_marks_only_that_entry(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    file = _plain_t1(root)
    replace_in(
        file,
        "    comment: Prognos för helåret efter april.\n",
        "    comment: Prognos för helåret efter april.\n    illustrative: true\n",
    )
    replace_in(
        file,
        "  - goal: gsn-ind-1-kostnad\n",
        "  - goal: gsn-ind-1-kostnad\n    illustrative: true\n",
    )
    outcomes, analyses = read_outcomes(load_repository(root))
    marked = [(o.indicator, o.period.text) for o in outcomes if o.illustrative]
    assert ("gsn-ind-1-kostnad", "2025-T1") in marked
    assert ("gsn-ind-7-skolskjuts", "2025-T1") not in marked
    assert [a.goal for a in analyses if a.illustrative and a.period.text == "2025-T1"] == [
        "gsn-ind-1-kostnad"
    ]
    assert not [c for c in codes_at(findings_of(root)) if c[1] == file.name]


def test_illustrative_must_be_true_or_false(example_copy: Callable[[str], Path]) -> None:
    root = example_copy("huddinge")
    file = _plain_t1(root)
    replace_in(file, "kind: follow_up\n", "kind: follow_up\nillustrative: kanske\n")
    assert [c for c in codes_at(findings_of(root)) if c[1] == file.name]
