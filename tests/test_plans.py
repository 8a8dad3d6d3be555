"""Operational plans and work plans: read from the YAML, checked by lint, shown everywhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from styr.findings import Finding
from styr.lint import lint_paths
from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.plans import chain_above, operational_plans, work_plans
from styr.report.anchors import Anchors
from styr.report.build import repository_view
from styr.report.texts import Labels
from styr.report.view import RepositoryView
from styr.report.view_types import OrganisationView, PlanView
from styr.rules.catalogue import BY_CODE
from styr.scaffold import init_repository

ROOT = Path(__file__).resolve().parents[1]
HUDDINGE = ROOT / "examples" / "huddinge"
TODAY = date(2026, 12, 1)
PLAN_2025 = Path("verksamhetsplaner") / "grundskolenamnden-2025.yaml"
PLAN_2026 = Path("verksamhetsplaner") / "grundskolenamnden-2026.yaml"
UNIT_PLAN = Path("arbetsplaner") / "avdelningen-elevhalsa-2025.yaml"
DECIDED_2025 = "Beslutad av Grundskolenämnden 2024-12-10, § 112, diarienummer GSN-2024/488"


@pytest.fixture
def huddinge(tmp_path: Path) -> Path:
    root = tmp_path / "huddinge"
    shutil.copytree(HUDDINGE, root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def findings(root: Path) -> list[Finding]:
    return list(lint_paths([root], today=TODAY).findings)


def said(finding: Finding, language: str = "sv") -> str:
    return BY_CODE[finding.code].render(finding, language)


def of_rule(root: Path, code: str) -> list[Finding]:
    return [f for f in findings(root) if f.code == code]


def view_of(root: Path, language: str = "sv") -> RepositoryView:
    return repository_view(load_repository(root), Labels(language), Anchors(""), today=TODAY)


def organisation_of(view: RepositoryView, organisation_id: str) -> OrganisationView:
    for group in view.groups:
        for organisation in group.organisations:
            if organisation.id == organisation_id:
                return organisation
    raise AssertionError(f"no {organisation_id} in the view")


def plan_of(view: RepositoryView, year: str) -> PlanView:
    [plan] = [p for p in organisation_of(view, "grundskolenamnden").plans if p.year == year]
    return plan


# --- the example ------------------------------------------------------------------------


def test_the_huddinge_example_lints_clean() -> None:
    assert findings(HUDDINGE) == []


def test_the_huddinge_example_has_three_plans_of_the_board_and_work_plans_at_two_levels() -> None:
    index = build_index(load_repository(HUDDINGE))
    plans = {(p.owner, p.year): p for p in operational_plans(index)}
    assert sorted(plans) == [("grundskolenamnden", y) for y in (2024, 2025, 2026)]
    assert len(plans[("grundskolenamnden", 2025)].read_areas()) == 3
    owners = {(p.owner, p.data.get("based_on")) for p in work_plans(index)}
    assert ("grundskoleforvaltningen", "gsn-verksamhetsplan-2025") in owners
    assert ("avdelningen-elevhalsa", "gsf-arbetsplan-2025") in owners


def test_a_plan_gets_the_model_s_kind_at_its_owner_s_level() -> None:
    index = build_index(load_repository(HUDDINGE))
    kinds = {e.id: e.kind.id for e in index.of_category("work_plan") if e.kind}
    assert kinds["elevhalsa-arbetsplan-2025"] == "avdelningens_arbetsplan"
    assert kinds["gsf-arbetsplan-2025"] == "arbetsplan"


def test_the_chain_above_an_organisation_is_nearest_first() -> None:
    index = build_index(load_repository(HUDDINGE))
    above = [e.id for e in chain_above("avdelningen-elevhalsa", index)]
    assert above == ["grundskoleforvaltningen", "grundskolenamnden", "kommunfullmaktige"]


# --- lint -------------------------------------------------------------------------------


def test_p001_a_plan_without_a_reading_of_an_area(huddinge: Path) -> None:
    edit(
        huddinge / PLAN_2025,
        "    - area: ekologisk-hallbarhet\n",
        "    - area: social-hallbarhet\n",
    )
    [finding] = of_rule(huddinge, "P001")
    assert (finding.file.name, finding.path) == (
        PLAN_2025.name,
        ("operational_plan", "area_readings"),
    )
    assert "målområde 'Ekologisk hållbarhet'" in said(finding)
    assert "area: ekologisk-hallbarhet" in said(finding)
    assert finding.line > 0 and finding.column > 0


def test_a_reading_of_something_that_is_no_council_area_is_a_wrong_reference(
    huddinge: Path,
) -> None:
    edit(
        huddinge / PLAN_2025, "    - area: ekologisk-hallbarhet\n", "    - area: kf-ind-8-energi\n"
    )
    codes = {f.code: f for f in findings(huddinge)}
    assert codes["C008"].path == ("operational_plan", "area_readings", 2, "area")
    assert "område på fullmäktigenivå" in said(codes["C008"])


def test_p002_two_plans_for_the_same_organisation_and_year(huddinge: Path) -> None:
    edit(huddinge / PLAN_2026, "  year: 2026\n", "  year: 2025\n")
    [finding] = of_rule(huddinge, "P002")
    assert finding.file.name == PLAN_2026.name and finding.path == ("operational_plan", "year")
    assert "verksamhetsplaner/grundskolenamnden-2025.yaml" in said(finding)
    assert "Grundskolenämnden" in said(finding) and "2025" in said(finding)


def test_p003_a_work_plan_owned_at_a_level_without_work_plans(huddinge: Path) -> None:
    edit(huddinge / UNIT_PLAN, "owner: avdelningen-elevhalsa", "owner: grundskolenamnden")
    [finding] = of_rule(huddinge, "P003")
    assert finding.path == ("work_plan", "owner")
    assert "Nämnd (verksamhetsplan)" in said(finding) and "styr.yaml" in said(finding)


def test_p003_an_operational_plan_owned_by_an_administration(huddinge: Path) -> None:
    edit(huddinge / PLAN_2026, "owner: grundskolenamnden", "owner: grundskoleforvaltningen")
    [finding] = of_rule(huddinge, "P003")
    assert finding.path == ("operational_plan", "owner")


def test_a_plan_owned_by_something_that_is_no_organisation(huddinge: Path) -> None:
    edit(huddinge / PLAN_2026, "owner: grundskolenamnden", "owner: social-hallbarhet")
    [finding] = [f for f in findings(huddinge) if f.code == "C008"]
    assert finding.path == ("operational_plan", "owner")


def test_p004_a_work_plan_based_on_a_plan_outside_its_chain(huddinge: Path) -> None:
    edit(huddinge / UNIT_PLAN, "based_on: gsf-arbetsplan-2025", "based_on: kommunstyrelsen")
    [finding] = of_rule(huddinge, "P004")
    assert finding.path == ("work_plan", "based_on")
    assert "'Kommunstyrelsen'" in said(finding)
    # The plan of the same year nearest above is offered instead.
    assert "based_on: gsf-arbetsplan-2025" in said(finding)


def test_p004_a_work_plan_based_on_a_plan_below_it(huddinge: Path) -> None:
    work_plan = huddinge / "arbetsplaner" / "grundskoleforvaltningen-2025.yaml"
    edit(work_plan, "based_on: gsn-verksamhetsplan-2025", "based_on: elevhalsa-arbetsplan-2025")
    assert [f.path for f in of_rule(huddinge, "P004")] == [("work_plan", "based_on")]


def test_a_work_plan_based_on_a_goal_is_a_wrong_reference(huddinge: Path) -> None:
    edit(huddinge / UNIT_PLAN, "based_on: gsf-arbetsplan-2025", "based_on: gsn-ind-2-behorighet")
    [finding] = [f for f in findings(huddinge) if f.code == "C008"]
    assert "en plan eller en organisation" in said(finding)


def test_a_work_plan_based_on_its_board_still_lints_clean(huddinge: Path) -> None:
    work_plan = huddinge / "arbetsplaner" / "grundskoleforvaltningen-2025.yaml"
    edit(work_plan, "based_on: gsn-verksamhetsplan-2025", "based_on: grundskolenamnden")
    assert findings(huddinge) == []


def test_p005_a_plan_for_a_year_outside_the_term(huddinge: Path) -> None:
    edit(huddinge / UNIT_PLAN, "  year: 2025\n", "  year: 2021\n")
    [finding] = of_rule(huddinge, "P005")
    assert finding.path == ("work_plan", "year")
    assert "2021" in said(finding) and "2023–2026" in said(finding)


def test_d005_a_proposed_smart_goal_with_outcomes(huddinge: Path) -> None:
    follow_up = huddinge / "uppfoljning" / "2025.yaml"
    edit(
        follow_up,
        "  - indicator: gsn-ind-1-kostnad\n",
        "  - indicator: gsn-ind-5-trygghet-ak5\n    value: 126\n  - indicator: gsn-ind-1-kostnad\n",
    )
    [finding] = of_rule(huddinge, "D005")
    assert finding.path == ("indicators", 6, "decision", "state")
    assert "gsn-ind-5-trygghet-ak5" in said(finding)


def test_a_decided_indicator_outside_the_term_is_reported(huddinge: Path) -> None:
    edit(
        huddinge / "malomraden.yaml",
        'date: "2022-11-21"\n          paragraph',
        'date: "2019-11-21"\n          paragraph',
    )
    [finding] = of_rule(huddinge, "D003")
    assert "indicators" in finding.path


# --- backward compatibility -------------------------------------------------------------

OLD_BOARD_PLAN = """\
operational_plan:
  title: Exempelnämndens verksamhetsplan 2025
  year: 2025
  adopted_on: "2024-12-10"
area_readings:
  - area: malomrade-1
    text: Området betyder för nämnden att fler får svar i tid.
"""


OLD_READINGS = """\
operational_plan:
  title: Exempelnämndens verksamhetsplan 2027
  year: 2027
area_readings:
  - area: social-hallbarhet
    text: Målområdet innebär för nämnden att fler brukare mår bra.
  - area: ekologisk-hallbarhet
    text: Målområdet innebär för nämnden att lokalerna använder mindre energi.
"""


@pytest.fixture
def old_form(tmp_path: Path) -> Path:
    """A repository made by `styr init --model huddinge` before plans were files of their own."""
    root = tmp_path / "testby"
    init_repository(root, "huddinge", "Testby", "0999")
    shutil.rmtree(root / "verksamhetsplaner")
    manifest = root / "styr.yaml"
    edit(manifest, "    - {from: verksamhetsplan, to: [malomrade]}\n", "")
    edit(
        manifest,
        "    - id: verksamhetsplan\n      category: operational_plan\n      level: namnd\n"
        "      name: {sv: Verksamhetsplan, en: Operational plan}\n",
        "",
    )
    edit(root / "organisation" / "exempelnamnden.yaml", "mission:", OLD_READINGS + "mission:")
    plan = root / "arbetsplaner" / "exempelforvaltningen.yaml"
    edit(plan, "based_on: exempelnamnden-verksamhetsplan-2027", "based_on: exempelnamnden")
    return root


def test_a_plan_written_the_old_way_is_read_as_the_organisation_s_plan(old_form: Path) -> None:
    [plan] = operational_plans(build_index(load_repository(old_form)))
    assert plan.in_organisation_file and plan.owner == "exempelnamnden" and plan.year == 2027
    assert plan.read_areas() == ["social-hallbarhet", "ekologisk-hallbarhet"]
    view = view_of(old_form)
    board = organisation_of(view, "exempelnamnden")
    [shown] = board.plans
    assert [r.area.title for r in shown.readings] == ["Social hållbarhet", "Ekologisk hållbarhet"]
    assert board.area_readings == [] and shown.anchor == ""
    assert shown.title == "Exempelnämndens verksamhetsplan 2027"
    assert [r.organisation.title for r in view.readings_by_area["social-hallbarhet"]] == [
        "Exempelnämnden"
    ]


def test_a_repository_written_the_old_way_lints_as_before(old_form: Path) -> None:
    # Only the placeholders styr init writes (X003), as a new repository has; no plan rule.
    assert {f.code for f in findings(old_form)} == {"X003"}


def test_an_old_plan_in_a_blank_repository_lints_as_before(tmp_path: Path) -> None:
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    board = root / "organisation" / "exempelnamnden.yaml"
    before = sorted((f.code, f.line) for f in findings(root))
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("mission:", OLD_BOARD_PLAN + "mission:", 1), encoding="utf-8")
    after = sorted((f.code, f.line) for f in findings(root) if not f.code.startswith("P"))
    assert [f for f in findings(root) if f.code.startswith("P")] == []
    assert len(after) == len(before)
    [shown] = organisation_of(view_of(root), "exempelnamnden").plans
    assert shown.title == "Exempelnämndens verksamhetsplan 2025"
    assert ("Beslutsdatum", "2024-12-10") in [(f.label, f.text) for f in shown.facts]


# --- the view ---------------------------------------------------------------------------


def test_the_board_shows_its_plans_by_year_with_their_decisions() -> None:
    view = view_of(HUDDINGE)
    board = organisation_of(view, "grundskolenamnden")
    assert [p.year for p in board.plans] == ["2024", "2025", "2026"]
    assert board.headings["plans"] == "Verksamhetsplan"
    decided, proposed = plan_of(view, "2025"), plan_of(view, "2026")
    assert DECIDED_2025 in [f.text for f in decided.facts]
    assert not decided.proposed and proposed.proposed
    assert any(f.text.startswith("Förslag till Grundskolenämnden") for f in proposed.facts)
    assert [(f.label, [r.title for r in f.refs]) for f in decided.facts if f.refs] == [
        ("Anmäls till", ["Kommunstyrelsen"])
    ]


def test_a_plan_s_readings_link_to_the_areas() -> None:
    plan = plan_of(view_of(HUDDINGE), "2025")
    areas = [(r.area.title, r.area.href) for r in plan.readings]
    assert areas[0] == ("Ekonomisk hållbarhet", "#omrade-ekonomisk-hallbarhet")
    assert len(areas) == 3 and plan.readings_heading.startswith("Tolkning av målområde")
    assert [r.title for r in plan.carries_out] == [
        "Ekonomisk hållbarhet",
        "Social hållbarhet",
        "Ekologisk hållbarhet",
    ]


def test_the_work_plans_that_carry_out_a_plan_are_nested_by_level() -> None:
    plan = plan_of(view_of(HUDDINGE), "2025")
    [administration] = plan.carried_out_by
    assert (administration.plan.title, administration.plan.kind) == (
        "Grundskoleförvaltningens arbetsplan 2025",
        "Arbetsplan",
    )
    [unit] = administration.children
    assert unit.plan.kind == "Avdelningens arbetsplan"
    assert unit.plan.href == "#plan-elevhalsa-arbetsplan-2025"


def test_a_work_plan_links_back_to_the_plan_it_carries_out() -> None:
    administration = organisation_of(view_of(HUDDINGE), "grundskoleforvaltningen")
    [plan] = [w for w in administration.work_plans if w.id == "gsf-arbetsplan-2025"]
    [based] = [f for f in plan.facts if f.refs and f.refs[0].id == "gsn-verksamhetsplan-2025"]
    assert based.refs[0].href == "#vp-gsn-verksamhetsplan-2025"


def test_each_area_has_the_boards_readings() -> None:
    readings = view_of(HUDDINGE).readings_by_area["social-hallbarhet"]
    assert [(r.organisation.title, r.year) for r in readings] == [
        ("Grundskolenämnden", "2024"),
        ("Grundskolenämnden", "2025"),
        ("Grundskolenämnden", "2026"),
    ]


def test_the_view_in_english_names_the_parts_in_english() -> None:
    plan = plan_of(view_of(HUDDINGE, "en"), "2025")
    assert plan.kind == "Operational plan"
    assert "Reported to" in [f.label for f in plan.facts]


# --- renderings -------------------------------------------------------------------------


def _styr(*arguments: str) -> None:
    command = [sys.executable, "-m", "styr", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("plans")
    _styr("report", str(HUDDINGE), "-o", str(out / "r.html"), "--date", "2026-12-01")
    _styr("report", str(HUDDINGE), "-f", "md", "-o", str(out / "r.md"), "--date", "2026-12-01")
    _styr("report", str(HUDDINGE), "-f", "docx", "-o", str(out / "r.docx"), "--date", "2026-12-01")
    _styr("site", str(HUDDINGE), "-o", str(out / "site"), "--date", "2026-12-01")
    from docx import Document

    document = Document(str(out / "r.docx"))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    word = "\n".join([p.text for p in document.paragraphs] + cells)
    site = out / "site"
    return {
        "html": (out / "r.html").read_text(encoding="utf-8"),
        "md": (out / "r.md").read_text(encoding="utf-8"),
        "docx": word,
        "board": (site / "organisationer" / "grundskolenamnden.html").read_text(encoding="utf-8"),
        "area": (site / "omraden" / "social-hallbarhet.html").read_text(encoding="utf-8"),
    }


@pytest.mark.parametrize("output", ["html", "md", "docx", "board"])
def test_every_rendering_shows_the_plans(rendered: dict[str, str], output: str) -> None:
    text = rendered[output]
    assert "Grundskolenämndens verksamhetsplan 2025" in text
    assert DECIDED_2025 in text
    assert "Förslag till Grundskolenämnden" in text
    assert "Genomförs i" in text
    assert "Arbetsplan 2025 för avdelningen för elevhälsa och stöd" in text
    assert "vända sig till" in text  # the 2025 reading of the social goal area


def test_the_site_links_a_reading_to_its_area_and_the_area_to_the_readings(
    rendered: dict[str, str],
) -> None:
    assert (
        '<dt><a href="../omraden/social-hallbarhet.html">Social hållbarhet</a></dt>'
        in (rendered["board"])
    )
    area = rendered["area"]
    assert "Vad området betyder för nämnderna" in area
    assert 'href="../organisationer/grundskolenamnden.html#vp-gsn-verksamhetsplan-2025"' in area
    assert (
        'href="../organisationer/grundskoleforvaltningen.html#plan-gsf-arbetsplan-2025"'
        in rendered["board"]
    )


def test_the_markdown_report_lists_the_nested_work_plans(rendered: dict[str, str]) -> None:
    assert (
        "- Arbetsplan: [Grundskoleförvaltningens arbetsplan 2025](#plan-gsf-arbetsplan-2025)\n"
        "  - Avdelningens arbetsplan: [Arbetsplan 2025 för avdelningen för elevhälsa och stöd]"
        "(#plan-elevhalsa-arbetsplan-2025)"
    ) in rendered["md"]


def test_the_follow_up_report_for_2025_still_renders(tmp_path: Path) -> None:
    out = tmp_path / "uppfoljning.html"
    _styr("report", str(HUDDINGE), "--period", "2025", "-o", str(out), "--date", "2026-12-01")
    assert "Grundskolenämnden" in out.read_text(encoding="utf-8")


def test_styr_diff_shows_a_changed_reading_under_the_board(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(HUDDINGE, old)
    shutil.copytree(HUDDINGE, new)
    edit(
        new / PLAN_2025, "betyder för nämnden att kostnaden", "betyder för nämnden nu att kostnaden"
    )
    command = [sys.executable, "-m", "styr", "diff", "--from", str(old), "--to", str(new)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    [changed] = [line for line in lines if "grundskolenamnden-2025.yaml" in line]
    assert "Grundskolenämndens verksamhetsplan 2025" in changed and "{+nu+}" in changed
    assert lines[lines.index(changed) - 1].strip() == "Grundskolenämnden"


def test_a_decided_and_a_proposed_smart_goal_say_so() -> None:
    view = view_of(HUDDINGE)
    board = organisation_of(view, "grundskolenamnden")
    [proposed] = [i for i in board.indicators if i.id == "gsn-ind-5-trygghet-ak5"]
    assert proposed.decision.startswith("Beslut: Förslag till Grundskolenämnden")
    [area] = [a for a in view.council_areas if a.id == "social-hallbarhet"]
    [decided] = [i for i in area.indicators if i.id == "kf-ind-2-examen"]
    assert decided.decision.startswith("Beslut: Beslutad av Kommunfullmäktige 2022-11-21, § 150")
    assert [i.decision for i in board.indicators if i.id == "gsn-ind-2-behorighet"] == [""]


def test_the_word_report_says_the_smart_goal_s_decision_by_its_name(
    rendered: dict[str, str],
) -> None:
    assert (
        "positiva svar (Enhet: procent · högre är bättre · Beslut: Förslag till Grundskolenämnden"
    ) in rendered["docx"]


@pytest.mark.parametrize("output", ["html", "md", "board"])
def test_the_proposed_smart_goal_s_decision_is_shown(rendered: dict[str, str], output: str) -> None:
    assert "Beslut: Förslag till Grundskolenämnden, diarienummer GSN-2025/430" in rendered[output]


def test_a_plan_key_written_in_swedish_gets_the_key_it_should_be(huddinge: Path) -> None:
    edit(huddinge / PLAN_2026, "  reported_to: kommunstyrelsen", "  anmals_till: kommunstyrelsen")
    [finding] = [f for f in findings(huddinge) if f.code == "S002"]
    assert finding.path == ("operational_plan", "anmals_till")
    assert "Menade du 'reported_to'?" in said(finding)
