"""`styr report --format docx`: the goal report as a Word document, read back with python-docx.

What a council secretary opens in Word: the report's sections and organisations
as headings in Word's own styles, in the report's order; the indicators as real
tables with a header row; each status as a symbol and a word; each chart as a
table of period, outcome and target; the document's language and title.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import CliResult
from docx.oxml.ns import qn

from styr.lint import load_and_lint
from styr.report.anchors import Anchors
from styr.report.build import repository_view
from styr.report.printed import document_report
from styr.report.texts import Labels

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("helsingborg", "huddinge")
RunCli = Callable[..., CliResult]
FORMAT = ("-f", "docx", "-o", "-")


@dataclass
class Word:
    name: str
    document: Any  # docx.document.Document
    view: Any  # the RepositoryView the HTML report is rendered from

    @property
    def headings(self) -> list[tuple[int, str]]:
        return [
            (int(p.style.name.removeprefix("Heading ")), p.text)
            for p in self.document.paragraphs
            if p.style.name.startswith("Heading ")
        ]

    @property
    def text(self) -> str:
        cells = [c.text for t in self.document.tables for row in t.rows for c in row.cells]
        return "\n".join([*(p.text for p in self.document.paragraphs), *cells])


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest) -> Word:
    name = str(request.param)
    data = document_report("docx", [ROOT / "examples" / name])
    repository, result = load_and_lint(ROOT / "examples" / name, date.today())
    view = repository_view(repository, Labels("sv"), Anchors(""), linted=result)
    return Word(name, docx.Document(io.BytesIO(data)), view)


def test_headings_use_words_built_in_styles_in_the_reports_order(example: Word) -> None:
    headings = example.headings
    assert headings[0] == (1, example.view.municipality)
    for paragraph in example.document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            assert paragraph.style.builtin
    titles = [title for _, title in headings]
    expected = [group.name for group in example.view.groups] + [
        o.name for group in example.view.groups for o in group.organisations
    ]
    positions = [titles.index(name) for name in expected]
    groups = len(example.view.groups)
    assert positions[:groups] == sorted(positions[:groups])  # the levels in order
    assert positions[groups:] == sorted(positions[groups:])  # and their organisations
    for group in example.view.groups:
        assert (2, group.name) in headings
        for o in group.organisations:
            assert (3, o.name) in headings


def test_every_goal_is_a_heading_under_its_organisation(example: Word) -> None:
    titles = [title for _, title in example.headings]
    for group in example.view.groups:
        for o in group.organisations:
            for goal in o.goals:
                assert any(t.endswith(goal.title) for t in titles), goal.title


def test_indicators_are_tables_with_a_header_row_and_their_values(example: Word) -> None:
    tables = example.document.tables
    indicator_tables = [t for t in tables if t.rows[0].cells[0].text == "Indikator"]
    assert indicator_tables
    for table in tables:
        header = table.rows[0]._tr
        assert header.trPr is not None
        assert header.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    cells = " ".join(c.text for t in indicator_tables for row in t.rows for c in row.cells)
    organisations = [o for g in example.view.groups for o in g.organisations]
    indicators = [i for o in organisations for g in o.goals for i in g.indicators]
    indicators += [i for o in organisations for i in o.indicators]
    values = [i.outcome.value for i in indicators if i.outcome and i.outcome.value]
    assert values
    assert not [v for v in values if v not in cells]
    targets = [v.value for i in indicators for v in i.targets]
    assert targets
    assert not [v for v in targets if v not in cells]


def test_statuses_are_a_symbol_and_a_word(example: Word) -> None:
    organisations = [o for g in example.view.groups for o in g.organisations]
    statuses = {
        (i.outcome.status.symbol, i.outcome.status.label)
        for o in organisations
        for i in [*(i for g in o.goals for i in g.indicators), *o.indicators]
        if i.outcome
    }
    statuses |= {
        (g.status.symbol, g.status.label) for o in organisations for g in o.goals if g.status
    }
    assert statuses
    text = example.text
    for symbol, label in statuses:
        assert f"{symbol} {label}" in text


def test_each_chart_is_a_table_of_period_outcome_and_target(example: Word) -> None:
    organisations = [o for g in example.view.groups for o in g.organisations]
    charts = [
        i.outcome.chart
        for o in organisations
        for i in [*(i for g in o.goals for i in g.indicators), *o.indicators]
        if i.outcome and i.outcome.chart
    ]
    assert charts
    tables = example.document.tables
    for chart in charts:
        header = [chart.words.period, chart.words.outcome, chart.words.target]
        rows = [[row.period, row.outcome, row.target] for row in chart.rows]
        assert any(
            [c.text for c in t.rows[0].cells] == header
            and [[c.text for c in r.cells] for r in t.rows[1:]] == rows
            for t in tables
        ), chart.title


def test_the_publisher_and_the_date_stand_under_the_title(example: Word) -> None:
    branding = example.view.branding
    line = example.document.paragraphs[1].text
    assert f"{branding.publisher_label}: {branding.publisher}" in line
    assert branding.updated and branding.updated in line


def test_the_document_says_its_language_and_title(example: Word) -> None:
    properties = example.document.core_properties
    assert properties.language == "sv-SE"
    assert example.view.municipality in properties.title
    defaults = example.document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"


def test_english_when_asked() -> None:
    data = document_report("docx", [ROOT / "examples" / "huddinge"], "en")
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.language == "en-GB"
    assert any(p.text == "Overview" and p.style.name == "Heading 2" for p in document.paragraphs)


def test_cli_writes_the_document(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "rapport.docx"
    result = run_cli("report", ROOT / "examples" / "helsingborg", "-f", "docx", "-o", target)
    assert result.code == 0, result.err
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "Helsingborgs stad"


def test_a_hostile_title_is_text_in_word(
    run_cli: RunCli, tmp_path: Path, example_copy: Callable[[str], Path]
) -> None:
    copy = example_copy("huddinge")
    board = copy / "organisation" / "grundskolenamnden.yaml"
    text = board.read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.startswith("name:"))
    board.write_text(
        text.replace(name_line, 'name: "Grundskole\\u0007nämnden <w:p/> & ]]>"', 1), "utf-8"
    )
    target = tmp_path / "rapport.docx"
    result = run_cli("report", copy, "-f", "docx", "-o", target)
    assert result.code == 0, result.err
    headings = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("<w:p/> & ]]>" in h for h in headings)


def test_a_document_is_not_written_to_a_terminal(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    result = run_cli("report", ROOT / "examples" / "huddinge", "-f", "docx")
    assert result.code == 2
    assert "-o report.docx" in result.err


def test_a_redirected_standard_output_gets_the_document(tmp_path: Path) -> None:
    target = tmp_path / "rapport.docx"
    with target.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "styr", "report", ROOT / "examples" / "huddinge", *FORMAT],
            stdout=out,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert docx.Document(str(target)).paragraphs[0].text == "Huddinge kommun"


@pytest.fixture(scope="module")
def followup() -> tuple[Any, Any]:
    """Huddinge's follow-up report for 2025: its view, and the Word document of it."""
    from styr.report.followup_report_build import linted_followup_view

    view = linted_followup_view(ROOT / "examples" / "huddinge", "2025")
    data = document_report("docx", [ROOT / "examples" / "huddinge"], period="2025")
    return view, docx.Document(io.BytesIO(data))


def test_the_followup_document_has_the_areas_goals_statuses_and_analyses(
    followup: tuple[Any, Any],
) -> None:
    view, document = followup
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Heading 1", view.title)
    assert view.areas
    areas = [title for style, title in headings if style == "Heading 2"]
    assert [area.title for area in view.areas] == [
        a for a in areas if a in {x.title for x in view.areas}
    ]
    texts = [p.text for p in document.paragraphs]
    goals = [goal for area in view.areas for goal in area.goals] + view.other_goals
    assert any(goal.analysis for goal in goals)
    assert any(goal.actions for goal in goals)
    goal_headings = [title for style, title in headings if style == "Heading 3"]
    # The proposals and the repealed goals, apart at the end, after the goals in force.
    apart = view.proposals + view.repealed
    assert goal_headings == [goal.title for goal in goals + apart]
    for goal in goals:
        assert f"{goal.status.symbol} {goal.status.label}" in " ".join(texts)
        for paragraph in goal.analysis + goal.actions:
            assert paragraph in texts


def test_the_followup_document_tables_each_outcome_against_its_target(
    followup: tuple[Any, Any],
) -> None:
    view, document = followup
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    lines = [i for area in view.areas for goal in area.goals for i in goal.indicators]
    assert [i for i in lines if i.value and i.target]
    for i in lines:
        status = f"{i.status.symbol} {i.status.label}"
        assert any(row[0] == i.title and status in row for row in rows), i.title
    summary = document.tables[0]
    assert [c.text for c in summary.rows[1].cells][1:] == [str(c.count) for c in view.counts]


def test_cli_writes_the_followup_document(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "uppfoljning.docx"
    result = run_cli(
        "report", ROOT / "examples" / "huddinge", "--period", "2025-T2", "-f", "docx", "-o", target
    )
    assert result.code == 0, result.err
    assert docx.Document(str(target)).paragraphs[0].style.name == "Heading 1"


def test_with_findings_the_document_ends_with_what_lint_says(
    blank_repo: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    from helpers import replace_in

    replace_in(blank_repo / "styr.yaml", 'code: "0999"', "code: 0999")
    target = tmp_path / "rapport.docx"
    options = ("-f", "docx", "--with-findings", "--allow-errors", "-o", target)
    result = run_cli("report", blank_repo, *options)
    assert result.code == 0, result.err
    document = docx.Document(str(target))
    # The notice of the error first, as the HTML page opens with it.
    assert document.paragraphs[2].text == "Obs! Rapporten kan vara ofullständig"
    assert document.paragraphs[2].runs[0].bold
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[-1] == Labels("sv").findings
    last = document.tables[-1]
    assert [c.text for c in last.rows[0].cells] == ["Nivå", "Regel", "Plats", "Meddelande"]
    assert any("styr.yaml" in row.cells[2].text for row in last.rows[1:])


def test_a_kind_is_not_said_again_under_a_heading_named_after_it(example: Word) -> None:
    headings = example.headings
    council = example.view.headings["council"]
    areas = example.view.council_areas
    assert areas
    for area in areas:
        if area.heading_kind == council:
            assert (3, area.title) in headings
        elif area.heading_kind:
            assert (3, f"{area.heading_kind}: {area.title}") in headings


def test_an_indicators_key_figure_and_global_goals_are_in_its_row(example: Word) -> None:
    organisations = [o for g in example.view.groups for o in g.organisations]
    indicators = [i for o in organisations for g in o.goals for i in g.indicators]
    indicators += [i for o in organisations for i in o.indicators]
    linked = [i for i in indicators if i.kolada]
    assert linked
    rows = [[c.text for c in row.cells] for t in example.document.tables for row in t.rows]
    for i in linked:
        row = next(r for r in rows if r[0].startswith(i.title))
        assert f"Kolada: {i.kolada.text}" in row[-1]
        for link in i.agenda2030:
            assert link.text in row[-1]
