"""The follow-up report is of the goals in force: proposals and repealed goals stand apart.

Also the decision by each goal, and a council goal's next target where the
period has none ("74 procent (mål 2026)"), in every rendering of the one view.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, CliResult
from helpers import replace_in

from styr.model.repository import load_repository
from styr.report.docx_followup import followup_document
from styr.report.followup_report import build_followup_view
from styr.report.followup_report_types import FollowupReportView, GoalLine

Run = Callable[..., CliResult]
HUDDINGE = EXAMPLES / "huddinge"
YEAR_5 = "5. Andel elever i åk 5 som känner sig trygga i skolan, positiva svar"
EXAM = "2. Gymnasieelever med examen inom tre år"
EXAM_DECISION = "Beslutad av Kommunfullmäktige 2022-11-21, § 150, diarienummer KS-2022/1234"


def view_of(root: Path, period: str = "2025") -> FollowupReportView:
    return build_followup_view(load_repository(root), period, "sv")


def listed(view: FollowupReportView) -> list[GoalLine]:
    return [goal for area in view.areas for goal in area.goals] + view.other_goals


def counted(view: FollowupReportView) -> int:
    return sum(count.count for count in view.counts)


def docx_text(view: FollowupReportView) -> str:
    document = docx.Document(io.BytesIO(followup_document(view)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture(scope="module")
def year() -> FollowupReportView:
    return view_of(HUDDINGE)


def test_a_proposed_goal_is_neither_listed_under_an_area_nor_counted(
    year: FollowupReportView,
) -> None:
    assert YEAR_5 not in [goal.title for goal in listed(year)]
    assert [goal.title for goal in year.proposals] == [YEAR_5]
    assert year.proposals[0].decision.startswith("Förslag till Grundskolenämnden")
    # Counted: every goal under an area or in the other goals, each once.
    distinct = {goal.id for goal in listed(year)}
    assert counted(year) == len(distinct)
    assert year.repealed == []


def test_a_repealed_goal_stands_apart_and_leaves_the_counts(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    before = view_of(root)
    replace_in(
        root / "malomraden.yaml",
        "          case_number: KS-2022/1234\n",
        "          case_number: KS-2022/1234\n          state: repealed\n",
    )
    after = view_of(root)
    assert EXAM in [goal.title for goal in listed(before)]
    assert EXAM not in [goal.title for goal in listed(after)]
    assert [goal.title for goal in after.repealed] == [EXAM]
    assert counted(after) == counted(before) - 1
    assert "Upphävd av Kommunfullmäktige" in after.repealed[0].decision


def test_every_rendering_lists_the_proposals_apart(
    run_cli: Run, tmp_path: Path, year: FollowupReportView
) -> None:
    for fmt in ("md", "html"):
        target = tmp_path / f"uppfoljning.{fmt}"
        result = run_cli("report", HUDDINGE, "--period", "2025", "-f", fmt, "-o", target)
        assert result.code == 0, result.err
        text = target.read_text(encoding="utf-8")
        heading = text.index("Förslag som ännu inte är beslutade", text.index("Förändringar"))
        assert text.index("Andel elever i åk 5") > heading
    words = docx_text(year)
    assert words.index("Andel elever i åk 5") > words.index("Förslag som ännu inte är beslutade")


def test_the_decision_stands_by_the_goal_in_every_rendering(
    run_cli: Run, tmp_path: Path, year: FollowupReportView
) -> None:
    exam = next(goal for goal in listed(year) if goal.title == EXAM)
    # The example's decision is invented, and says so.
    assert exam.decision.startswith(EXAM_DECISION + " (beslutets datum")
    for fmt in ("md", "html"):
        target = tmp_path / f"uppfoljning.{fmt}"
        assert run_cli("report", HUDDINGE, "--period", "2025", "-f", fmt, "-o", target).code == 0
        assert EXAM_DECISION in target.read_text(encoding="utf-8")
    assert EXAM_DECISION in docx_text(year)


def test_a_council_goal_shows_the_next_target_with_its_year(year: FollowupReportView) -> None:
    exam = next(goal for goal in listed(year) if goal.title == EXAM)
    line = exam.indicators[0]
    assert (line.target, line.unit, line.target_year) == ("74", "procent", "(mål 2026)")
    assert "74 procent (mål 2026)" in docx_text(year)


def test_a_target_of_the_period_itself_has_no_year_by_it(year: FollowupReportView) -> None:
    cost = next(goal for goal in listed(year) if goal.id == "gsn-ind-1-kostnad")
    assert cost.indicators[0].target and cost.indicators[0].target_year == ""


def test_a_period_far_outside_the_term_and_every_file_is_refused(run_cli: Run) -> None:
    result = run_cli("report", HUDDINGE, "--period", "1999", "-f", "md")
    assert result.code == 2
    assert "1999" in result.err and "2024, 2025-T1, 2025-T2, 2025" in result.err
    assert "Traceback" not in result.err
    # A period of the term with nothing written yet is still the council's report.
    assert run_cli("report", HUDDINGE, "--period", "2026", "-f", "md").code == 0


def test_the_pdf_names_a_web_address_once_where_the_link_is_the_address() -> None:
    pytest.importorskip("weasyprint", reason="the PDF extra (weasyprint) is not installed")
    import pypdf

    from styr.report.printed import document_report

    data = document_report("pdf", [HUDDINGE], period="2025")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "huddinge.se" in text
    assert "<https://www.huddinge.se/>" not in text.replace("\n", "")
    # The PDF is the page printed: the same proposals apart, decisions, targets and note.
    flat = " ".join(text.split())
    for words in ("Förslag som ännu inte är beslutade", "(mål 2026)", "Exempeltext – inte"):
        assert words in flat, words
    assert "Beslutad av Kommunfullmäktige 2022-11-21" in flat


def test_status_writes_a_number_as_the_report_does(run_cli: Run, year: FollowupReportView) -> None:
    result = run_cli("status", HUDDINGE, "--period", "2025")
    assert result.code == 0, result.err
    cost = next(goal for goal in listed(year) if goal.id == "gsn-ind-1-kostnad")
    assert cost.indicators[0].value.replace("\u00a0", " ") == "107 800"
    assert "107 800" in result.out and "107800" not in result.out


def test_the_help_names_the_follow_up_report(run_cli: Run) -> None:
    listed_help = run_cli("--help")
    assert "Publicera mål- och uppföljningsrapporter." in listed_help.out
    own = run_cli("report", "--help")
    assert "--period uppföljningsrapporten" in " ".join(own.out.split())
