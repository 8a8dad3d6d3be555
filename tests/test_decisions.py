"""Decisions: read from the YAML, checked by lint, shown in the report and on the site."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from styr.decisions import DECIDED, PROPOSED, placed_decisions, read_decision
from styr.findings import Severity
from styr.lint import lint_paths
from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.report.anchors import Anchors
from styr.report.build import repository_view
from styr.report.texts import Labels
from styr.report.view import RepositoryView
from styr.report.view_types import Fact, OrganisationView
from styr.rules.catalogue import ALL_RULES
from styr.scaffold import init_repository

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2027, 6, 1)

BOARD = """\
kind: organisation
id: exempelnamnden
type: namnd
name: Exempelnämnden
parent: kommunfullmaktige
mission:
  text: Nämnden ansvarar för kommunens service.
  decision: {by: kommunfullmaktige, date: "2015-06-15", paragraph: "§ 88"}
direction:
  text: Nämnden ska bidra till en tryggare kommun.
  contributes_to: [malomrade-1]
  decision: {by: kommunfullmaktige, date: "2026-11-23", paragraph: 123, case_number: KS-2026/45}
goals:
  - id: exempelnamnden-mal-1
    title: Fler invånare är nöjda med nämndens service
    target_group: invånare
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
    decision:
      by: kommunfullmaktige
      date: "2026-11-23"
      paragraph: 123
      case_number: KS-2026/45
    indicators:
      - id: exempelnamnden-ind-1
        title: Andel invånare som ger servicen betyget nöjd eller mycket nöjd
        unit: procent
        better: higher
        baseline: {year: 2026, value: 70}
        targets:
          - {year: 2030, value: 80}
  - id: exempelnamnden-mal-2
    title: Fler invånare får svar på sina frågor inom en vecka
    target_group: invånare
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
    decision: {by: exempelnamnden, state: proposed}
    indicators:
      - id: exempelnamnden-ind-2
        title: Andel frågor som besvaras inom en vecka
        unit: procent
        better: higher
        baseline: {year: 2026, value: 60}
        targets:
          - {year: 2030, value: 75}
"""


DOCUMENTS = """\
kind: steering_documents
documents:
  - id: reglemente-exempelnamnden
    title: Reglemente för Exempelnämnden
    type: reglemente
    until_further_notice: true
    decision: {by: kommunfullmaktige, date: "2015-06-15", paragraph: 88, case_number: KS-2015/7}
"""


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("decisions") / "testby"
    init_repository(root, "blank", "Testby", "0999")
    (root / "organisation" / "exempelnamnden.yaml").write_text(BOARD, encoding="utf-8")
    (root / "styrdokument.yaml").write_text(DOCUMENTS, encoding="utf-8")
    return root


def view_of(root: Path, language: str = "sv") -> RepositoryView:
    return repository_view(load_repository(root), Labels(language), Anchors(""))


def board_of(view: RepositoryView) -> OrganisationView:
    for group in view.groups:
        for organisation in group.organisations:
            if organisation.id == "exempelnamnden":
                return organisation
    raise AssertionError("no Exempelnämnden in the view")


# --- reading --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"), [(123, "§ 123"), ("123", "§ 123"), ("§ 123", "§ 123"), (True, None)]
)
def test_a_paragraph_is_written_as_the_minutes_write_it(written: object, shown: str) -> None:
    decision = read_decision({"paragraph": written})
    assert decision is not None and decision.paragraph == shown


def test_a_decision_without_a_state_is_decided_and_none_is_no_decision() -> None:
    decision = read_decision({"by": "kommunfullmaktige", "date": "2025-11-24"})
    assert decision is not None
    assert (decision.state, decision.day) == (DECIDED, date(2025, 11, 24))
    assert read_decision("beslutad") is None
    assert read_decision(None) is None
    assert read_decision({"date": date(2025, 11, 24)}).dated == "2025-11-24"  # type: ignore[union-attr]


def test_every_decision_of_a_repository_is_found_with_its_place(decided: Path) -> None:
    repository = load_repository(decided)
    found = [
        (p.element.id, p.keys, p.decision.state) for p in placed_decisions(build_index(repository))
    ]
    assert found == [
        ("reglemente-exempelnamnden", ("decision",), DECIDED),
        ("exempelnamnden", ("mission", "decision"), DECIDED),
        ("exempelnamnden", ("direction", "decision"), DECIDED),
        ("exempelnamnden-mal-1", ("decision",), DECIDED),
        ("exempelnamnden-mal-2", ("decision",), PROPOSED),
    ]


# --- the schema and lint --------------------------------------------------------------


def test_a_repository_with_decisions_lints_without_decision_findings(decided: Path) -> None:
    findings = lint_paths([decided], today=TODAY).findings
    decision_codes = {"D003", "D004", "D005", "D006"}
    assert [f for f in findings if f.code in decision_codes or f.code.startswith("S")] == []


def test_a_state_that_is_not_one_of_the_four_is_a_schema_finding(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = BOARD.replace("state: proposed", "state: antagen")
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    findings = [f for f in lint_paths([root], today=TODAY).findings if f.code.startswith("S")]
    assert [(f.file.name if f.file else "", f.line) for f in findings] == [
        ("exempelnamnden.yaml", 37)
    ]


def test_the_decision_rules_are_in_the_catalogue_as_warnings() -> None:
    rules = {rule.code: rule for rule in ALL_RULES}
    for code in ("D003", "D004", "D005", "D006"):
        assert rules[code].severity is Severity.WARNING


def test_an_unknown_organ_suggests_the_organisation_meant(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = BOARD.replace("decision: {by: exempelnamnden,", "decision: {by: exempelnamden,")
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    (found,) = [f for f in lint_paths([root], today=TODAY).findings if f.code == "D004"]
    rule = {r.code: r for r in ALL_RULES}["D004"]
    assert rule.render(found, "sv") == (
        "'exempelnamden' är ingen organisation i kommunens mapp. Menade du 'exempelnamnden'?"
    )


def test_a_decision_is_not_judged_by_a_term_that_is_not_written(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    manifest = root / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("term_of_office:\n  start: 2027\n  end: 2030\n", ""), "utf-8")
    board = BOARD.replace(
        'date: "2026-11-23", paragraph: 123,', 'date: "2015-11-23", paragraph: 123,'
    )
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    assert "term_of_office" not in manifest.read_text(encoding="utf-8")
    assert [f for f in lint_paths([root], today=TODAY).findings if f.code == "D003"] == []


def test_a_repealed_decision_without_a_date_says_so_in_plain_swedish(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = BOARD.replace("{by: exempelnamnden, state: proposed}", "{state: repealed}")
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    (found,) = [f for f in lint_paths([root], today=TODAY).findings if f.code == "D006"]
    rule = {r.code: r for r in ALL_RULES}["D006"]
    assert rule.render(found, "sv") == (
        'Upphävandet saknar datum. Skriv dagen för beslutet: date: "ÅÅÅÅ-MM-DD".'
    )
    assert rule.render(found, "en").startswith("The repeal has no date.")


# --- the view, the report and the site ------------------------------------------------


def _decision_facts(facts: list[Fact]) -> list[str]:
    return [fact.text for fact in facts if fact.label in ("Beslut", "Decision")]


def test_the_view_says_who_decided_when_in_which_paragraph(decided: Path) -> None:
    board = board_of(view_of(decided))
    decided_goal, proposed_goal = board.goals
    assert _decision_facts(decided_goal.facts) == [
        "Beslutad av Kommunfullmäktige 2026-11-23, § 123, diarienummer KS-2026/45"
    ]
    assert _decision_facts(proposed_goal.facts) == ["Förslag till Exempelnämnden"]
    assert _decision_facts(board.mission_facts) == [
        "Beslutad av Kommunfullmäktige 2015-06-15, § 88"
    ]
    assert _decision_facts(board.direction_facts) == [
        "Beslutad av Kommunfullmäktige 2026-11-23, § 123, diarienummer KS-2026/45"
    ]


def test_the_view_in_english(decided: Path) -> None:
    decided_goal, proposed_goal = board_of(view_of(decided, "en")).goals
    assert _decision_facts(decided_goal.facts) == [
        "Decided by Kommunfullmäktige 2026-11-23, § 123, case number KS-2026/45"
    ]
    assert _decision_facts(proposed_goal.facts) == ["Proposal to Exempelnämnden"]


@pytest.mark.parametrize(
    ("decision", "shown"),
    [
        (
            '{by: kommunfullmaktige, date: "2028-03-20", state: revised}',
            "Reviderad av Kommunfullmäktige 2028-03-20",
        ),
        ('{date: "2029-01-15", state: repealed}', "Upphävd 2029-01-15"),
        ("{by: kommunfullmaktig}", "Beslutad av kommunfullmaktig"),
        ("{state: proposed}", "Förslag"),
    ],
)
def test_each_state_is_said_plainly(tmp_path: Path, decision: str, shown: str) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = BOARD.replace("{by: exempelnamnden, state: proposed}", decision)
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    assert _decision_facts(board_of(view_of(root)).goals[1].facts) == [shown]


def _styr(*arguments: str) -> None:
    command = [sys.executable, "-m", "styr", *arguments, "--date", "2027-06-01"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_the_report_and_the_site_show_the_decision(decided: Path, tmp_path: Path) -> None:
    sentence = "Beslutad av Kommunfullmäktige 2026-11-23, § 123, diarienummer KS-2026/45"
    _styr("report", str(decided), "-o", str(tmp_path / "rapport.html"))
    _styr("report", str(decided), "-f", "md", "-o", str(tmp_path / "rapport.md"))
    _styr("site", str(decided), "-o", str(tmp_path / "webbplats"))
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "rapport.md").read_text(encoding="utf-8")
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "webbplats").rglob("*.html")]
    assert sentence in html and "Förslag till Exempelnämnden" in html
    assert sentence in markdown and "Förslag till Exempelnämnden" in markdown
    assert any(sentence in page for page in pages)
    assert any("Förslag till Exempelnämnden" in page for page in pages)
    register = (tmp_path / "webbplats" / "styrdokument.html").read_text(encoding="utf-8")
    assert (
        '<span class="cell-text">Beslutad av Kommunfullmäktige 2015-06-15, § 88, '
        "diarienummer KS-2015/7</span></th>"
    ) in register


def test_a_made_up_decision_says_so_by_itself(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = BOARD.replace(
        "case_number: KS-2026/45\n    indicators:",
        "case_number: KS-2026/45\n      illustrative: true\n    indicators:",
    )
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    decided_goal, proposed_goal = board_of(view_of(root)).goals
    marks = [(f.label, f.text) for f in decided_goal.facts if f.label == "Exempeltext"]
    assert marks == [
        (
            "Exempeltext",
            "beslutets datum, paragraf och diarienummer är ett påhittat exempel, "
            "inte kommunens egna",
        )
    ]
    assert [f for f in proposed_goal.facts if f.label == "Exempeltext"] == []


# --- the Huddinge example -------------------------------------------------------------


def test_the_huddinge_example_has_a_decided_and_a_proposed_element_and_lints_clean() -> None:
    example = ROOT / "examples" / "huddinge"
    placed = list(placed_decisions(build_index(load_repository(example))))
    states = {(p.element.id, p.part, p.decision.state) for p in placed}
    assert ("social-hallbarhet", None, DECIDED) in states
    assert ("kommunstyrelsen", "direction", PROPOSED) in states
    # Every decision is invented there, and says so.
    for p in placed:
        data = p.element.data if p.part is None else p.element.data[p.part]
        assert data["decision"].get("illustrative") is True, p.element.id
    assert lint_paths([example], today=date(2026, 12, 1)).findings == []


def test_the_swedish_words_for_a_decision_suggest_its_keys_and_states(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = BOARD.replace(
        "{by: exempelnamnden, state: proposed}", "{by: exempelnamnden, lage: förslag}"
    )
    board = board.replace("      case_number: KS-2026/45\n", "      diarienummer: KS-2026/45\n")
    (root / "organisation" / "exempelnamnden.yaml").write_text(board, encoding="utf-8")
    findings = [f for f in lint_paths([root], today=TODAY).findings if f.code.startswith("S")]
    problems = [str(f.params.get("problem")) for f in findings]
    assert len(problems) == 2, problems
    assert "Okänd nyckel 'diarienummer'" in problems[0]
    assert "Menade du 'case_number'?" in problems[0]
    assert "Menade du 'state'?" in problems[1]
