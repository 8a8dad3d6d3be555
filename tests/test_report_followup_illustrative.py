"""`illustrative: true` in a follow-up file: on the whole file, or on one outcome or analysis.

The follow-up report marks invented outcomes and analyses, so that no reader
takes an example for the municipality's own figures.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
from conftest import EXAMPLES, CliResult
from helpers import codes_at, findings_of, replace_in

from styr.followup.evaluate import read_outcomes
from styr.model.repository import load_repository
from styr.report.docx_followup import followup_document
from styr.report.followup_report import build_followup_view

Run = Callable[..., CliResult]
HUDDINGE = EXAMPLES / "huddinge"

T1 = Path("uppfoljning") / "2025-T1.yaml"


def _plain_t1(root: Path) -> Path:
    """Huddinge's first tertial, its follow-up files without the example mark they carry."""
    for file in (root / "uppfoljning").glob("*.yaml"):
        text = file.read_text(encoding="utf-8").replace("illustrative: true\n", "", 1)
        file.write_text(text, encoding="utf-8")
    return root / T1


def _mark_cost_entries(file: Path) -> None:
    """Marks illustrative the cost indicator's outcome and the cost goal's analysis."""
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
    _mark_cost_entries(file)
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


NOTE = "Exempeltext – inte kommunens egen"


def _rendered(run: Run, root: Path, tmp_path: Path, period: str) -> dict[str, str]:
    """The follow-up report of the period in Markdown, HTML and Word, as text."""
    shown: dict[str, str] = {}
    for fmt in ("md", "html"):
        target = tmp_path / f"uppfoljning-{period}.{fmt}"
        result = run("report", root, "--period", period, "-f", fmt, "-o", target)
        assert result.code == 0, result.err
        shown[fmt] = target.read_text(encoding="utf-8")
    view = build_followup_view(load_repository(root), period, "sv")
    document = docx.Document(io.BytesIO(followup_document(view)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    shown["docx"] = "\n".join([p.text for p in document.paragraphs] + cells)
    return shown


def test_an_illustrative_file_is_marked_once_by_the_period_heading(
    run_cli: Run, tmp_path: Path
) -> None:
    view = build_followup_view(load_repository(HUDDINGE), "2025", "sv")
    assert view.illustrative
    lines = [g for area in view.areas for g in area.goals]
    assert not any(i.illustrative for g in lines for i in g.indicators)
    assert not any(g.analysis_illustrative for g in lines)
    for fmt, text in _rendered(run_cli, HUDDINGE, tmp_path, "2025").items():
        assert text.count(NOTE) == 1, fmt
        assert text.index(NOTE) < text.index("Sammanfattning"), fmt


def test_an_entry_marked_alone_is_marked_by_itself(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    root = example_copy("huddinge")
    file = _plain_t1(root)
    _mark_cost_entries(file)
    view = build_followup_view(load_repository(root), "2025-T1", "sv")
    assert not view.illustrative
    cost = next(g for area in view.areas for g in area.goals if g.id == "gsn-ind-1-kostnad")
    assert cost.analysis_illustrative and cost.indicators[0].illustrative
    for fmt, text in _rendered(run_cli, root, tmp_path, "2025-T1").items():
        assert text.count(NOTE) == 2, fmt  # by the outcome and by the analysis
    # Unmarked, the report says nothing of examples.
    plain = _unmarked(root, file)
    for fmt, text in _rendered(run_cli, plain, tmp_path, "2025-T1").items():
        assert NOTE not in text, fmt


def _unmarked(root: Path, file: Path) -> Path:
    text = file.read_text(encoding="utf-8").replace("    illustrative: true\n", "")
    file.write_text(text, encoding="utf-8")
    return root
