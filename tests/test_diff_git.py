"""`styr diff` end to end: real git repositories, real commits, the real command.

Each group of tests commits one group of a planner's edits to the Helsingborg
example (tests/diff_scenarios.py) and runs `styr diff` once for the group;
each test then checks one kind of change in the JSON output (and, where the
issue names the words, in the Swedish text).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diff_scenarios as scenario
import jsonschema
import pytest
from conftest import ROOT
from diff_repos import (
    GitRepository,
    changes_in,
    findings_delta,
    git_repository,
    kinds_of,
    kinds_with_ids,
    only_change,
    plain_folder,
)
from markdown_it import MarkdownIt

BUDGET_2025 = "mal-och-budget-2025"


@dataclass(frozen=True)
class Compared:
    """One group of edits, committed on top of the tag, and what `styr diff` said."""

    repository: GitRepository
    document: dict[str, Any]
    text: str


def _compare(folder: Path, *edits: Any, before: Any = None) -> Compared:
    repository = git_repository(folder)
    if before is not None:
        before(repository)
        repository.commit("Styrmodellen före ändringarna")
    repository.tag(BUDGET_2025)
    for edit in edits:
        edit(repository)
    repository.commit("Mål och budget 2026")
    document = repository.diff_json(BUDGET_2025, "HEAD")
    text = repository.run_diff(BUDGET_2025, "HEAD")
    assert text.code == 0, (text.out, text.err)
    return Compared(repository, document, " ".join(text.out.split()))


@pytest.fixture(scope="module")
def goals(tmp_path_factory: pytest.TempPathFactory) -> Compared:
    return _compare(tmp_path_factory.mktemp("goals") / "repo", scenario.goals_and_organisations)


@pytest.fixture(scope="module")
def indicators(tmp_path_factory: pytest.TempPathFactory) -> Compared:
    return _compare(tmp_path_factory.mktemp("indicators") / "repo", scenario.indicators)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Compared:
    return _compare(
        tmp_path_factory.mktemp("documents") / "repo",
        scenario.documents,
        before=scenario.documents_with_end_dates,
    )


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Compared:
    return _compare(tmp_path_factory.mktemp("outcomes") / "repo", scenario.outcomes)


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Compared:
    return _compare(tmp_path_factory.mktemp("model") / "repo", scenario.steering_model)


def _about(change: dict[str, Any], organisation: str) -> bool:
    return organisation in (change.get("id"), change.get("organisation"))


def _of_kind(document: object, kind: str, organisation: str) -> dict[str, Any]:
    found = [c for c in changes_in(document) if c["kind"] == kind and _about(c, organisation)]
    assert len(found) == 1, (kind, organisation, kinds_with_ids(document))
    return found[0]


# Goals.


def test_a_goal_added(goals: Compared) -> None:
    change = only_change(goals.document, "added", "kn-mal-3")
    assert change["category"] == "goal"
    assert change["organisation"] == "kulturnamnden"
    assert "added" in kinds_of(goals.document, "kn-mal-3-ind-1")


def test_a_goal_removed_with_its_indicator(goals: Compared) -> None:
    change = only_change(goals.document, "removed", "amn-mal-2")
    assert change["category"] == "goal"
    assert change["organisation"] == "arbetsmarknadsnamnden"
    # What is gone has its place on the old side, where it still is.
    old_file = goals.repository.git("show", f"{BUDGET_2025}:{scenario.ARBETE}").splitlines()
    assert (change["file"], old_file[change["line"] - 1].strip()) == (
        scenario.ARBETE,
        "- id: amn-mal-2",
    )
    assert "removed" in kinds_of(goals.document, "amn-mal-2-ind-1")


def test_a_goal_renamed_is_found_by_similarity(goals: Compared) -> None:
    change = only_change(goals.document, "renamed", "von-mal-nojda-boende")
    assert change["params"]["old_id"] == "von-mal-2"
    assert 0 < change["params"]["similarity"] <= 1
    for element in ("von-mal-2", "von-mal-nojda-boende"):
        assert not {"added", "removed"} & set(kinds_of(goals.document, element)), element


def test_a_goal_reworded_has_a_word_diff(goals: Compared) -> None:
    change = only_change(goals.document, "reworded", "kn-mal-2")
    params = change["params"]
    assert params["field"] == "title"
    assert params["old"] == "Fler barn och unga ska låna böcker på stadens bibliotek"
    assert params["new"] == "Fler barn och unga ska låna och läsa böcker på stadens bibliotek"
    added = " ".join(text for op, text in params["words"] if op == "+").split()
    removed = [text for op, text in params["words"] if op == "-"]
    assert added == ["och", "läsa"] and removed == []
    assert "läsa" in goals.text


def test_a_moved_link_says_from_where_to_where(goals: Compared) -> None:
    change = only_change(goals.document, "link-moved", "mn-mal-2")
    params = change["params"]
    assert params["field"] == "contributes_to"
    assert params["removed"] == ["inriktning-sysselsattning"]
    assert params["added"] == ["inriktning-innovation"]
    moved = re.search(r"flyttades från (.{1,200}?) till (.{1,200})", goals.text)
    assert moved, goals.text
    assert re.search("sysselsättning|sysselsattning", moved[1], re.I), moved[0]
    assert re.search("innovation", moved[2], re.I), moved[0]


def test_a_fourth_goal_is_over_the_limit(goals: Compared) -> None:
    params = _of_kind(goals.document, "goal-count-changed", "skol-och-fritidsnamnden")["params"]
    assert (params["old"], params["new"], params["limit"], params["over_limit"]) == (3, 4, 3, True)
    within = _of_kind(goals.document, "goal-count-changed", "kulturnamnden")["params"]
    assert (within["old"], within["new"], within["over_limit"]) == (2, 3, False)


def test_an_organisation_added_and_one_removed(goals: Compared) -> None:
    added = only_change(goals.document, "added", "kulturforvaltningen")
    assert added["category"] == "organisation"
    removed = only_change(goals.document, "removed", "helsingborg-arena-och-scen-ab")
    assert removed["category"] == "organisation"


def test_the_mission_source_changed(goals: Compared) -> None:
    change = _of_kind(goals.document, "mission-source-changed", "ab-helsingborgshem")
    assert (change["params"]["old"], change["params"]["new"]) == ("ägardirektiv", "bolagsordning")


def test_positions_are_on_the_new_side(goals: Compared) -> None:
    """Kulturnämndens new first goal moved its second goal down: the diff says where it is now."""
    change = only_change(goals.document, "reworded", "kn-mal-2")
    assert change["file"] == scenario.KULTUR
    here = goals.repository
    start = here.line_of(scenario.KULTUR, "- id: kn-mal-2")
    title = here.line_of(scenario.KULTUR, "title: Fler barn och unga ska låna och läsa")
    assert change["line"] in (start, title), (change["line"], start, title)
    assert start > scenario.CULTURE_GOAL_LINES
    assert change["column"] >= 1


# Indicators.


def _target(compared: Compared, kind: str, indicator: str) -> dict[str, Any]:
    return dict(only_change(compared.document, kind, indicator)["params"])


def test_a_lowered_target_when_higher_is_better(indicators: Compared) -> None:
    params = _target(indicators, "ambition-lowered", "sfn-mal-1-ind-1")
    assert (params["year"], params["old"], params["new"]) == (2026, 87, 85)
    assert params["better"] == "higher" and params["explained"] is False


def test_a_higher_number_is_a_lowered_target_when_lower_is_better(indicators: Compared) -> None:
    params = _target(indicators, "ambition-lowered", "mn-mal-1-ind-1")
    assert (params["year"], params["old"], params["new"]) == (2026, 16, 18)
    assert params["better"] == "lower"
    assert "ambition-raised" not in kinds_of(indicators.document, "mn-mal-1-ind-1")


def test_a_raised_target(indicators: Compared) -> None:
    params = _target(indicators, "ambition-raised", "soc-mal-1-ind-1")
    assert (params["year"], params["old"], params["new"], params["better"]) == (
        2026,
        68,
        70,
        "higher",
    )


def test_baseline_unit_and_kolada_changed(indicators: Compared) -> None:
    baseline = _target(indicators, "baseline-changed", "soc-mal-2-ind-1")
    assert baseline["old"] == {"year": 2022, "value": 70}
    assert baseline["new"] == {"year": 2022, "value": 69}
    unit = _target(indicators, "unit-changed", "mn-mal-2-ind-1")
    assert (unit["old"], unit["new"]) == ("index", "poäng")
    kolada = _target(indicators, "kolada-changed", "sfn-mal-3-ind-1")
    assert (kolada["old"], kolada["new"]) == ("N17445", "N17461")


def test_an_indicator_dropped_and_one_added(indicators: Compared) -> None:
    dropped = only_change(indicators.document, "removed", "soc-ind-aterkommande-barn")
    assert dropped["category"] == "indicator"
    assert dropped["organisation"] == "socialnamnden"
    added = only_change(indicators.document, "added", "kn-mal-2-ind-2")
    assert added["category"] == "indicator"


def test_only_the_edited_indicators_changed(indicators: Compared) -> None:
    edited = {
        "sfn-mal-1-ind-1",
        "mn-mal-1-ind-1",
        "soc-mal-1-ind-1",
        "soc-mal-2-ind-1",
        "mn-mal-2-ind-1",
        "sfn-mal-3-ind-1",
        "soc-ind-aterkommande-barn",
        "kn-mal-2-ind-2",
    }
    changed = {c.get("id") for c in changes_in(indicators.document) if c["category"] == "indicator"}
    assert changed == edited


# Steering documents.


def test_a_document_adopted(documents: Compared) -> None:
    change = only_change(documents.document, "document-adopted", "klimatstrategi")
    assert change["params"]["adopted_on"] == "2026-11-24"
    assert change["params"]["adopted_by"] == "kommunfullmaktige"


def test_a_document_repealed(documents: Compared) -> None:
    assert "document-repealed" in kinds_of(documents.document, "servicepolicy")


def test_a_document_extended(documents: Compared) -> None:
    params = only_change(documents.document, "document-extended", "naringslivsprogram")["params"]
    assert (params["old"], params["new"]) == ("2026-12-31", "2028-12-31")


def test_a_review_date_moved(documents: Compared) -> None:
    params = only_change(documents.document, "review-moved", "livskvalitetsprogram")["params"]
    assert (params["old"], params["new"]) == ("2027-12-31", "2028-06-30")


# Follow-up.


def test_a_past_outcome_revised(outcomes: Compared) -> None:
    revised = [c for c in changes_in(outcomes.document) if c["kind"] == "outcome-revised"]
    assert len(revised) == 1, kinds_with_ids(outcomes.document)
    params = revised[0]["params"]
    assert (params["indicator"], params["period"]) == ("hh-mal-1-ind-1", "2024")
    assert (params["old"], params["new"], params["field"]) == (71.2, 74.2, "value")
    assert revised[0]["file"] == scenario.OUTCOMES_2024
    assert re.search(r"utfall 2024 ändrat från 71,2 till 74,2", outcomes.text, re.I), outcomes.text


def test_an_outcome_added(outcomes: Compared) -> None:
    added = [c for c in changes_in(outcomes.document) if c["kind"] == "outcome-added"]
    assert len(added) == 1, kinds_with_ids(outcomes.document)
    params = added[0]["params"]
    assert (params["indicator"], params["period"], params["new"]) == (
        "soc-ind-aterkommande-barn",
        "2025",
        18.5,
    )


# The declared steering model.


def test_structural_changes_of_the_model(model: Compared) -> None:
    changes = [c for c in changes_in(model.document) if c["kind"] == "model-changed"]
    parts = {(c["params"]["part"], c["params"]["what"]) for c in changes}
    assert ("element_kinds", "added") in parts, parts
    assert any(part == "links" and what in ("removed", "changed") for part, what in parts), parts
    kind = next(c for c in changes if c["params"]["part"] == "element_kinds")
    assert kind["params"]["id"] == "aktivitet"
    assert kind["file"] == scenario.MANIFEST and kind["line"] >= 1


# The findings' delta.


def test_findings_introduced_and_fixed(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    repository.edit(scenario.DOCUMENTS, 'adopted_on: "2021-12-14"', "adopted_on: 2021-12-14")
    old = repository.commit("Ett datum utan citattecken")
    repository.edit(scenario.DOCUMENTS, "adopted_on: 2021-12-14", 'adopted_on: "2021-12-14"')
    repository.edit(
        scenario.MILJO,
        "    contributes_to: [inriktning-livskvalitet]\n",
        "    contributes_to: [inriktning-livskvalitet, inriktning-finns-inte]\n",
        after="  - id: mn-mal-1\n",
    )
    repository.commit("Ett mål som bidrar till något som inte finns")
    introduced, fixed = findings_delta(repository.diff_json(old, "HEAD"))
    assert [(f["severity"], f["file"]) for f in introduced] == [("error", scenario.MILJO)]
    assert [f["file"] for f in fixed] == [scenario.DOCUMENTS]
    assert "finns-inte" in introduced[0]["message"]
    text = " ".join(repository.run_diff(old, "HEAD").out.split())
    assert re.search(r"1 nytt fel", text) and re.search(r"1 åtgärda", text), text
    assert repository.run_diff(old, "HEAD", "--fail-on", "new-errors").code == 1
    assert repository.run_diff("HEAD~2", old, "--fail-on", "new-errors").code == 0


# An empty diff.


def test_an_empty_commit_is_no_change(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    repository.commit("Inget ändrat")
    result = repository.run_diff("HEAD~1", "HEAD")
    assert result.code == 0
    assert "Inga ändringar" in result.out
    document = repository.diff_json("HEAD~1", "HEAD")
    assert changes_in(document) == [] and _schema_errors(document) == []


def test_a_reformatting_is_no_change(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    scenario.reformatted(repository)
    repository.commit("Samma värden, annan form")
    assert repository.git("diff", "--stat", "HEAD~1", "HEAD")  # the file did change
    document = repository.diff_json("HEAD~1", "HEAD")
    assert changes_in(document) == [], kinds_with_ids(document)
    assert findings_delta(document) == ([], [])
    result = repository.run_diff("HEAD~1", "HEAD")
    assert result.code == 0 and "Inga ändringar" in result.out


# The sides: tags, the working tree, the merge base, folders, outside git.


def test_a_tag_names_the_old_side(goals: Compared) -> None:
    result = goals.repository.run_diff(BUDGET_2025, "HEAD")
    assert BUDGET_2025 in result.out
    assert changes_in(goals.document)  # the fixture's diff was of the tag


def test_one_revision_against_the_working_tree_leaves_it_untouched(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    scenario.outcomes(repository)  # not committed
    status = repository.status()
    revised_file = repository.read(scenario.OUTCOMES_2024)
    head = repository.git("rev-parse", "HEAD")
    document = repository.diff_json("HEAD")
    assert "outcome-revised" in kinds_of(document)
    assert repository.status() == status
    assert repository.read(scenario.OUTCOMES_2024) == revised_file
    assert repository.git("rev-parse", "HEAD") == head
    assert repository.git("stash", "list") == ""


def test_no_revision_is_the_merge_base_with_main_against_the_working_tree(
    tmp_path: Path,
) -> None:
    repository = git_repository(tmp_path / "repo")
    repository.branch("mal-och-budget-2026")
    scenario.indicators(repository)
    repository.commit("Nya målvärden")
    repository.git("switch", "--quiet", "main")
    repository.edit(scenario.MANIFEST, "name: Helsingborgs stad\n", "name: Helsingborg\n")
    repository.commit("Under tiden, på main")
    repository.git("switch", "--quiet", "mal-och-budget-2026")
    scenario.outcomes(repository)  # and an edit not yet committed
    document = repository.diff_json()
    kinds = kinds_of(document)
    assert "ambition-lowered" in kinds and "outcome-revised" in kinds
    # What happened on main after the branch started is not this branch's change.
    assert repository.read(scenario.MANIFEST).count("name: Helsingborgs stad\n") == 1
    assert [c for c in changes_in(document) if c["file"] == scenario.MANIFEST] == []


def test_two_folders_without_git(tmp_path: Path) -> None:
    old = plain_folder(tmp_path / "gammal")
    new = plain_folder(tmp_path / "ny")
    scenario.outcomes(new)
    result = new.run_diff("--from", old.root, "--to", new.root, "-f", "json", cwd=tmp_path)
    assert "outcome-revised" in kinds_of(result.json())
    assert new.run_diff("--from", old.root, "--to", old.root, cwd=tmp_path).code == 0


def test_outside_git_says_to_compare_folders(tmp_path: Path) -> None:
    folder = plain_folder(tmp_path / "kommun")
    result = folder.run_diff()
    assert result.code == 2
    assert "--from" in result.err and "--to" in result.err


def test_an_unknown_revision_is_named(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    result = repository.run_diff("mal-och-budget-1999", "HEAD")
    assert result.code == 2
    assert "mal-och-budget-1999" in result.err


# --fail-on: a lowered target needs a comment that explains it.

LOWERED = "- {year: 2026, value: 18}"
EXPLAINED = '- {year: 2026, value: 18, comment: "Ny mätstation från 2025 ger högre värden."}'


def test_fail_on_a_lowered_ambition_without_a_comment(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    repository.tag(BUDGET_2025)
    repository.edit(scenario.MILJO, "- {year: 2026, value: 16}", LOWERED)
    repository.commit("Sänkt målvärde")
    unexplained = repository.run_diff(
        BUDGET_2025, "HEAD", "--fail-on", "ambition-lowered-unexplained"
    )
    assert unexplained.code == 1, (unexplained.out, unexplained.err)
    assert "mn-mal-1-ind-1" in unexplained.out or "NO2" in unexplained.out

    repository.edit(scenario.MILJO, LOWERED, EXPLAINED)
    repository.commit("Sänkt målvärde, med en förklaring")
    explained = repository.run_diff(
        BUDGET_2025, "HEAD", "--fail-on", "ambition-lowered-unexplained"
    )
    assert explained.code == 0, (explained.out, explained.err)
    params = only_change(repository.diff_json(BUDGET_2025, "HEAD"), "ambition-lowered")["params"]
    assert params["explained"] is True
    assert params["comment"] == "Ny mätstation från 2025 ger högre värden."
    # Lowered is lowered, explained or not.
    assert repository.run_diff(BUDGET_2025, "HEAD", "--fail-on", "ambition-lowered").code == 1
    # A kind that did not occur does not fail.
    assert repository.run_diff(BUDGET_2025, "HEAD", "--fail-on", "removed").code == 0


# Several municipalities in one repository: PATH narrows, unchanged ones are counted.

HUDDINGE_BOARD = "organisation/grundskolenamnden.yaml"


def test_path_narrows_to_one_municipality(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "kommuner", "helsingborg", "huddinge")
    scenario.outcomes(_inside(repository, "helsingborg"))
    huddinge = _inside(repository, "huddinge")
    huddinge.edit(HUDDINGE_BOARD, "som god eller mycket god", "som god")
    repository.commit("Båda kommunerna ändrade")
    everything = repository.diff_json("HEAD~1", "HEAD")
    assert {"outcome-revised", "reworded"} <= set(kinds_of(everything))
    only = repository.diff_json("HEAD~1", "HEAD", "huddinge")
    assert kinds_of(only) == ["reworded"]
    assert only_change(only, "reworded")["file"] == HUDDINGE_BOARD


def test_an_unchanged_municipality_is_counted_not_listed(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "kommuner", "helsingborg", "huddinge")
    scenario.outcomes(_inside(repository, "helsingborg"))
    repository.commit("Bara Helsingborg ändrat")
    document = repository.diff_json("HEAD~1", "HEAD")
    assert document["unchanged"] == 1
    assert [r["path"] for r in document["repositories"]] == ["helsingborg"]


def _inside(repository: GitRepository, folder: str) -> GitRepository:
    """The same work tree, with files named from one municipality's folder."""
    inner = GitRepository(repository.root / folder)
    inner.environment = repository.environment
    return inner


# The renderings of one diff: Markdown for a merge request, JSON against its schema.


def _sections(markdown: str) -> dict[tuple[str, str], int]:
    """(h2, h3) -> the number of table body rows under that h3, as a git host renders it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows: dict[tuple[str, str], int] = {}
    h2 = h3 = ""
    in_body = False
    for position, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[position + 1].content.strip()
            if token.tag == "h2":
                h2, h3 = title, ""
            elif token.tag == "h3":
                h3 = title
                rows[(h2, h3)] = 0
        elif token.type in ("tbody_open", "tbody_close"):
            in_body = token.type == "tbody_open"
        elif token.type == "tr_open" and in_body and h3:
            rows[(h2, h3)] += 1
    return rows


def test_markdown_has_a_section_per_organisation_with_a_row_per_change(goals: Compared) -> None:
    result = goals.repository.run_diff(BUDGET_2025, "HEAD", "-f", "markdown")
    assert result.code == 0, result.err
    sections = _sections(result.out)
    (municipality,) = {h2 for h2, _ in sections}
    assert municipality.startswith("Helsingborgs stad"), municipality
    for organisation, name in (
        ("kulturnamnden", "Kulturnämnden"),
        ("miljonamnden", "Miljönämnden"),
        ("vard-och-omsorgsnamnden", "Vård- och omsorgsnämnden"),
        ("skol-och-fritidsnamnden", "Skol- och fritidsnämnden"),
    ):
        changes = [c for c in changes_in(goals.document) if c["organisation"] == organisation]
        assert sections.get((municipality, name)) == len(changes), (name, sections)
    # The findings' delta under a heading of its own, a row per finding.
    introduced, fixed = findings_delta(goals.document)
    (findings,) = [
        rows for (_, h3), rows in sections.items() if h3.startswith("Fynd från styr lint")
    ]
    assert findings == len(introduced) + len(fixed) > 0


def _schema_errors(document: dict[str, Any]) -> list[str]:
    schema = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return sorted(str(error) for error in validator.iter_errors(document))[:3]


def test_json_validates_against_its_schema(
    goals: Compared, indicators: Compared, documents: Compared, outcomes: Compared, model: Compared
) -> None:
    for compared in (goals, indicators, documents, outcomes, model):
        assert _schema_errors(compared.document) == []


def test_the_github_summary_folds_each_organisation(goals: Compared) -> None:
    result = goals.repository.run_diff(BUDGET_2025, "HEAD", "-f", "github")
    assert result.code == 0, result.err
    summaries = re.findall(r"<summary>(.*?)</summary>", result.out, re.S)
    assert any("Kulturnämnden" in summary for summary in summaries), summaries
    assert result.out.count("<details") == result.out.count("</details>") >= 4


def test_english_by_flag(outcomes: Compared) -> None:
    result = outcomes.repository.run_diff(BUDGET_2025, "HEAD", "--lang", "en")
    assert result.code == 0
    assert "outcome 2024 changed from 71.2 to 74.2" in " ".join(result.out.split())


def test_a_wider_range_is_a_lower_ambition(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    index = "        unit: index\n        better: higher\n"
    repository.edit(scenario.MILJO, index, index.replace("higher", "range") + RANGE.format(70))
    repository.commit("Nöjd-Kund-Index inom ett intervall")
    repository.edit(scenario.MILJO, RANGE.format(70), RANGE.format(66))
    repository.commit("Ett bredare intervall")
    change = only_change(repository.diff_json("HEAD~1", "HEAD"), "ambition-lowered")
    assert change["id"] == "mn-mal-2-ind-1"
    assert change["params"]["field"] == "range"
    assert change["params"]["old"] == {"min": 70, "max": 80}
    assert change["params"]["new"] == {"min": 66, "max": 80}


RANGE = "        range: {{min: {}, max: 80}}\n"


def test_the_assessment_bands_are_part_of_the_model(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    repository.write(
        scenario.MANIFEST,
        repository.read(scenario.MANIFEST)
        + "follow_up:\n  met_from: 100\n  partly_met_above: 75\n",
    )
    repository.commit("Egna gränser för bedömningen")
    document = repository.diff_json("HEAD~1", "HEAD")
    changes = [c for c in changes_in(document) if c["kind"] == "model-changed"]
    assert changes and {c["params"]["part"] for c in changes} == {"bands"}, changes
    assert kinds_of(document) == ["model-changed"] * len(changes)


def test_the_date_is_the_day_both_sides_are_linted_for(tmp_path: Path) -> None:
    repository = git_repository(tmp_path / "repo")
    scenario.documents_with_end_dates(repository)  # valid until 2026-12-31
    repository.commit("Näringslivsprogrammet gäller till 2026")

    def introduced_on(day: str) -> list[str]:
        introduced, _ = findings_delta(repository.diff_json("HEAD~1", "HEAD", "--date", day))
        return [f["code"] for f in introduced if f["file"] == scenario.DOCUMENTS]

    assert introduced_on("2026-12-01") == []
    assert introduced_on("2027-06-01") != []
