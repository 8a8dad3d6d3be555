"""The follow-up report (`styr report --period`): its view, its Markdown and the command.

Huddinge's example holds a whole year: outcomes for 2024, 2025-T1, 2025-T2 and
2025, analyses, and what the school board will do where a goal is not met.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult
from helpers import findings_of, replace_in
from markdown_it import MarkdownIt
from markdown_it.token import Token

from styr.errors import UsageError
from styr.followup.evaluate import read_outcomes
from styr.followup.periods import parse_period
from styr.model.repository import load_repository
from styr.report.followup_report import build_followup_view, previous_period
from styr.report.followup_report_types import FollowupReportView, GoalLine

Run = Callable[..., CliResult]
HUDDINGE = EXAMPLES / "huddinge"
AREAS = ["Ekologisk hållbarhet", "Social hållbarhet", "Ekonomisk hållbarhet"]
RELATION = (
    "3. Andelen elever i åk 7-9 som uppger att de har en förtroendefull relation "
    "med minst en vuxen i skolan"
)
COST = "1. Kostnad per elev i grundskolan ska minska med X%"
ELIGIBILITY = "2. Andelen grundskoleelever som uppnår behörighet till gymnasieskolan"


def view_of(root: Path, period: str, language: str = "sv") -> FollowupReportView:
    return build_followup_view(load_repository(root), period, language)


def goal_named(view: FollowupReportView, title: str) -> GoalLine:
    found = [goal for area in view.areas for goal in area.goals if goal.title == title]
    found += [goal for goal in view.other_goals if goal.title == title]
    assert found, title
    return found[0]


@pytest.fixture(scope="module")
def year() -> FollowupReportView:
    return view_of(HUDDINGE, "2025")


def test_the_year_is_titled_as_the_follow_up_file_titles_it(year: FollowupReportView) -> None:
    assert year.title == "Årsredovisning 2025"
    assert year.period == "2025"
    assert year.municipality == "Huddinge kommun"
    assert view_of(HUDDINGE, "2025-T2").title == "Delårsrapport 2025"


def test_a_period_without_a_file_of_its_own_gets_a_plain_title() -> None:
    half = view_of(HUDDINGE, "2025-H1")
    assert half.title == "Delårsrapport januari–juni 2025"
    assert view_of(HUDDINGE, "2025-H1", "en").title == "Interim report January–June 2025"
    # Nothing is written for it: every goal there is, not followed up.
    assert {goal.status.key for area in half.areas for goal in area.goals} == {"not_followed_up"}


def test_a_period_that_is_no_period_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        view_of(HUDDINGE, "2025-T4")


def test_each_council_area_holds_the_goals_that_reach_it(year: FollowupReportView) -> None:
    assert [area.title for area in year.areas] == AREAS
    social = year.areas[1]
    titles = [goal.title for goal in social.goals]
    # The board's indicators reach the area through the council's indicators.
    assert RELATION in titles and ELIGIBILITY in titles
    assert goal_named(year, RELATION).organisation == "Grundskolenämnden"
    assert COST in [goal.title for goal in year.areas[2].goals]
    assert year.other_goals == []


def test_counts_by_status_overall_and_per_area(year: FollowupReportView) -> None:
    overall = {count.status.key: count.count for count in year.counts}
    listed = {id(goal): goal for area in year.areas for goal in area.goals}
    assert sum(overall.values()) == len(listed)
    assert overall["met"] == 4 and overall["partly_met"] == 2
    social = year.areas[1]
    assert social.count_of("met") == 3 and social.count_of("partly_met") == 2
    assert social.count_of("not_met") == 0
    assert [count.status.label for count in year.counts][:2] == ["Uppfyllt", "Delvis uppfyllt"]


def test_outcome_against_target_in_swedish_numbers(year: FollowupReportView) -> None:
    eligibility = goal_named(year, ELIGIBILITY)
    assert eligibility.status.symbol == "●" and eligibility.status.label == "Uppfyllt"
    (line,) = eligibility.indicators
    assert (line.value, line.target, line.unit) == ("86,6", "86,5", "procent")
    assert (line.women, line.men) == ("89,2", "84")
    cost = goal_named(year, COST).indicators[0]
    assert (cost.value, cost.target) == ("107\u00a0800", "108\u00a0000")


def test_the_trend_is_since_the_period_before_with_an_outcome(year: FollowupReportView) -> None:
    eligibility = goal_named(year, ELIGIBILITY).indicators[0]
    assert eligibility.trend.symbol == "↗"
    assert eligibility.trend.text == "Högre än 2024 – bättre"
    # The cost per pupil was followed up in the tertials too: lower than then, and lower is better.
    cost = goal_named(year, COST).indicators[0]
    assert cost.trend.symbol == "↘" and cost.trend.text == "Lägre än januari–augusti 2025 – bättre"
    health = goal_named(year, "6. Andel elever som skattar sin hälsa som god eller mycket god")
    assert health.indicators[0].trend.text == "Lägre än 2024 – sämre"
    assert health.indicators[0].trend.key == "worsening"


def test_no_trend_where_the_period_has_no_outcome() -> None:
    tertial = view_of(HUDDINGE, "2025-T2")
    eligibility = goal_named(tertial, ELIGIBILITY).indicators[0]
    assert eligibility.value == "" and eligibility.trend.text == ""


def test_analysis_and_actions_where_the_goal_is_not_met(year: FollowupReportView) -> None:
    relation = goal_named(year, RELATION)
    assert relation.status.key == "partly_met"
    assert relation.analysis[0].startswith("Fler elever uppger")
    assert relation.actions[0].startswith("Förvaltningen inför mentorstid")
    eligibility = goal_named(year, ELIGIBILITY)
    assert eligibility.analysis[0].startswith("Behörigheten till gymnasieskolan ökade")
    assert eligibility.actions == []


def test_actions_of_a_goal_that_is_met_are_not_shown(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    replace_in(
        root / "uppfoljning" / "2025.yaml",
        "      oftare behöriga än pojkarna, och skillnaden är densamma som 2024.\n",
        "      oftare behöriga än pojkarna, och skillnaden är densamma som 2024.\n"
        "    actions: Läxhjälpen fortsätter.\n",
    )
    assert goal_named(view_of(root, "2025"), ELIGIBILITY).actions == []
    tertial = view_of(HUDDINGE, "2025-T2")
    assert goal_named(tertial, COST).status.key == "partly_met"
    assert goal_named(tertial, COST).actions[0].startswith("Förvaltningen följer kostnaden")


def test_the_previous_period_is_the_last_one_before_with_anything_written() -> None:
    repository = load_repository(HUDDINGE)
    outcomes, analyses = read_outcomes(repository)

    def before(text: str) -> str | None:
        period = parse_period(text)
        assert period is not None
        found = previous_period(period, outcomes, analyses)
        return found.text if found else None

    assert before("2025") == "2025-T2"
    assert before("2025-T2") == "2025-T1"
    assert before("2025-H1") == "2025-T1"  # a half-year ends after the first tertial
    assert before("2025-T1") == "2024"
    assert before("2024") is None


def test_changes_since_the_previous_follow_up(year: FollowupReportView) -> None:
    assert year.previous_period == "2025-T2"
    by_subject = {change.subject: change for change in year.changes}
    cost = by_subject[COST]
    assert cost.kind == "status_changed" and cost.kind_label == "Ändrad status"
    assert (cost.before, cost.after) == ("◐ Delvis uppfyllt", "● Uppfyllt")
    # Not followed up in the tertial, followed up in 2024: its status changed, it is not new.
    eligibility = by_subject[ELIGIBILITY]
    assert eligibility.kind == "status_changed" and eligibility.before.startswith("–")
    # A council indicator measured once a year: a new outcome since the tertial.
    footprint = by_subject["8. Det ekologiska fotavtrycket ska minska till 4,0 gha/inv."]
    assert footprint.kind == "outcome_added"
    assert footprint.after == "4,3\u00a0gha per invånare"
    assert footprint.organisation == ""
    # Listed once, as the goal it is (the board's indicators are its smart goals).
    assert len(by_subject) == len(year.changes)


def test_a_goal_followed_up_for_the_first_time(example_copy: Callable[[str], Path]) -> None:
    root = example_copy("huddinge")
    replace_in(
        root / "uppfoljning" / "2024.yaml",
        "  - indicator: gsn-ind-3-relation\n    value: 80.1\n",
        "",
    )
    changes = {change.subject: change for change in view_of(root, "2025").changes}
    relation = changes[RELATION]
    assert relation.kind == "goal_added" and relation.kind_label == "Följs upp för första gången"
    assert (relation.before, relation.after) == ("", "◐ Delvis uppfyllt")


def test_no_earlier_period_no_changes() -> None:
    first = view_of(HUDDINGE, "2024")
    assert first.previous_period == "" and first.changes == []


def test_a_goal_that_reaches_no_area_is_among_the_other_goals(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    board = root / "organisation" / "grundskolenamnden.yaml"
    text = board.read_text(encoding="utf-8")
    start = text.index("  - id: gsn-ind-7-skolskjuts")
    block = text[start:]
    links = block[block.index("    contributes_to:") :]
    links = links[: links.index("\n", links.index("contributes_to:")) + 1]
    board.write_text(text[:start] + block.replace(links, "", 1), encoding="utf-8")
    view = view_of(root, "2025")
    assert [goal.title for goal in view.other_goals] == [
        "7. NKI för elever som erhåller skolskjuts"
    ]
    assert all(
        goal.title != view.other_goals[0].title for area in view.areas for goal in area.goals
    )
    assert any(entry.title == "Övriga mål" for entry in view.toc)


# The command and its Markdown.


def tokens_of(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def headings(tokens: list[Token], level: int) -> list[str]:
    found = []
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == f"h{level}":
            inline = tokens[position + 1]
            words = [c.content for c in inline.children or [] if c.type == "text"]
            found.append("".join(words).strip())
    return found


def cells(tokens: list[Token]) -> list[str]:
    found = []
    for position, token in enumerate(tokens):
        if token.type in ("td_open", "th_open"):
            inline = tokens[position + 1]
            found.append("".join(c.content for c in inline.children or [] if c.type == "text"))
    return found


def paragraphs(tokens: list[Token]) -> list[str]:
    """Each paragraph's text as a reader sees it (escapes undone, no markup)."""
    return [
        "".join(c.content for c in tokens[position + 1].children or [] if c.type == "text")
        for position, token in enumerate(tokens)
        if token.type == "paragraph_open"
    ]


def test_markdown_holds_areas_goals_statuses_and_analyses(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "uppfoljning.md"
    result = run_cli("report", HUDDINGE, "--period", "2025", "-f", "md", "-o", target)
    assert result.code == 0, result.err
    tokens = tokens_of(target.read_text(encoding="utf-8"))
    assert headings(tokens, 1) == ["Årsredovisning 2025"]
    second = headings(tokens, 2)
    assert second[1:] == [
        "Sammanfattning",
        *AREAS,
        "Förändringar sedan förra uppföljningen",
        # The board's proposed indicator for pupils in year 5, apart from the decided goals.
        "Förslag som ännu inte är beslutade",
    ]
    assert RELATION in headings(tokens, 3) and ELIGIBILITY in headings(tokens, 3)
    assert {"Analys", "Det här gör vi"} <= set(headings(tokens, 4))
    table = cells(tokens)
    assert "● Uppfyllt" in table and "◐ Delvis uppfyllt" in table
    assert "86,6 procent (kvinnor 89,2, män 84)" in table
    assert "↗ Högre än 2024 – bättre" in table
    text = paragraphs(tokens)
    assert any(p.startswith("Fler elever uppger att de har en förtroendefull") for p in text)
    assert any(p.startswith("Förvaltningen inför mentorstid") for p in text)


def test_html_is_written_with_the_period(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "uppfoljning.html"
    result = run_cli("report", HUDDINGE, "--period", "2025-T2", "-o", target)
    assert result.code == 0, result.err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>Delårsrapport 2025</h1>" in page
    # The same two goals partly met in both tertials, and no new outcome.
    assert "Inget har förändrats sedan uppföljningen januari–april 2025." in page


def test_without_a_period_the_goal_report_as_before(run_cli: Run) -> None:
    goals = run_cli("report", HUDDINGE, "-f", "md", "--date", "2026-12-01")
    followup = run_cli("report", HUDDINGE, "-f", "md", "--date", "2026-12-01", "--period", "2025")
    assert goals.code == followup.code == 0
    assert goals.out.startswith("# <a id=") and "Mål och styrning" in goals.out.splitlines()[0]
    assert followup.out.splitlines()[0].endswith("Årsredovisning 2025")


@pytest.mark.parametrize("period", ["2025-T4", "25", "förra året"])
def test_a_bad_period_is_a_usage_error(run_cli: Run, period: str) -> None:
    result = run_cli("report", HUDDINGE, "--period", period)
    assert result.code == 2
    assert "Ogiltig period" in result.err and "Traceback" not in result.err


def test_one_municipality_at_a_time(run_cli: Run) -> None:
    result = run_cli("report", HUDDINGE, EXAMPLES / "helsingborg", "--period", "2025")
    assert result.code == 2
    assert "gäller en kommun; 2 angavs" in result.err


def test_errors_refuse_the_report_unless_allowed(
    run_cli: Run, example_copy: Callable[[str], Path]
) -> None:
    root = example_copy("huddinge")
    replace_in(
        root / "uppfoljning" / "2025.yaml",
        "  - indicator: gsn-ind-7-skolskjuts\n    value: 70.6\n",
        "  - indicator: gsn-ind-7-skolskjuts\n    value: 70.6\n"
        "  - indicator: gsn-ind-7-skolskjuts\n    value: 71.0\n",
    )
    refused = run_cli("report", root, "--period", "2025", "-f", "md")
    assert refused.code == 1 and "F005" in refused.out + refused.err
    assert refused.out.count("Årsredovisning 2025") == 0
    allowed = run_cli("report", root, "--period", "2025", "-f", "md", "--allow-errors")
    assert allowed.code == 0
    assert "Årsredovisning 2025" in allowed.out and "> **" in allowed.out


def test_titles_and_analyses_stay_text(run_cli: Run, example_copy: Callable[[str], Path]) -> None:
    root = example_copy("huddinge")
    hostile = "<script>alert(1)</script> Nöjd | *skjuts* [x]"
    replace_in(
        root / "organisation" / "grundskolenamnden.yaml",
        'title: "7. NKI för elever som erhåller skolskjuts"',
        f"title: {hostile!r}",
    )
    replace_in(
        root / "uppfoljning" / "2025.yaml",
        "analyses:\n",
        f"analyses:\n  - goal: gsn-ind-7-skolskjuts\n    text: {hostile!r}\n",
    )
    page = run_cli("report", root, "--period", "2025", "-o", "-")
    assert page.code == 0, page.err
    assert "<script>alert" not in page.out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Nöjd | *skjuts* [x]" in page.out
    markdown = run_cli("report", root, "--period", "2025", "-f", "md")
    tokens = tokens_of(markdown.out)
    assert hostile in headings(tokens, 3)
    assert hostile in paragraphs(tokens)
    # Its `|` escaped, the title stays one table cell: split, no cell would hold it whole.
    assert hostile in cells(tokens)


def test_the_swedish_word_for_actions_suggests_the_key(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    replace_in(root / "uppfoljning" / "2025.yaml", "    actions: >-\n", "    åtgärder: >-\n")
    (finding,) = [f for f in findings_of(root) if f.code == "S002"]
    assert "actions" in str(finding.params)
    assert finding.line > 0 and finding.column > 0


def test_two_files_of_the_period_with_titles_of_their_own_title_neither(
    example_copy: Callable[[str], Path],
) -> None:
    root = example_copy("huddinge")
    (root / "uppfoljning" / "2025-grundskolenamnden.yaml").write_text(
        'kind: follow_up\ntitle: Grundskolenämndens verksamhetsberättelse 2025\nperiod: "2025"\n',
        encoding="utf-8",
    )
    assert view_of(root, "2025").title == "Uppföljning 2025"


def test_the_areas_are_named_as_the_steering_model_names_them(year: FollowupReportView) -> None:
    assert year.area_heading == "Målområde"
    assert {area.kind for area in year.areas} == {"Målområde"}
    helsingborg = view_of(EXAMPLES / "helsingborg", "2024")
    assert helsingborg.area_heading == "Stadens inriktning"
    assert len(helsingborg.areas) == 4
    assert view_of(EXAMPLES / "helsingborg", "2024", "en").area_heading == "City direction"


def test_the_follow_up_report_has_no_lint_findings_to_add(run_cli: Run) -> None:
    result = run_cli("report", HUDDINGE, "--period", "2025", "--with-findings")
    assert result.code == 2
    assert "--with-findings" in result.err and "styr lint" in result.err
