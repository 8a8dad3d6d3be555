"""Kolada's revisions and preliminary values: what a pull records, lint says and styr diff shows.

Kolada revises published values without notice and marks some preliminary. A
pull keeps the old value of one it fetched itself under `revised:` (a value
typed by hand is never a revision), lint's F006 and F007 say so, and styr diff
says a revised figure as Kolada's.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, CliResult
from kolada_fake import FakeKolada, kolada_fake  # noqa: F401 (the fixture)

from styr.followup.kolada_merge import merge
from styr.followup.kolada_pull import dump_round_trip, pull, revision_lines, round_trip_yaml
from styr.kolada import Outcome
from styr.lint import lint_paths
from styr.rules.catalogue import BY_CODE

Run = Callable[..., CliResult]
SAFE = "sfn-mal-1-ind-1"  # Helsingborg's indicator with Kolada's N15428
INDICATORS = {"N15428": [SAFE]}


def _merged(text: str, *outcomes: Outcome, overwrite: bool = False) -> tuple[Any, str]:
    document = round_trip_yaml().load(text)
    merged = merge(document, list(outcomes), INDICATORS, overwrite, "2026-03-01")
    return merged, dump_round_trip(document)


def _total(
    value: float, year: int = 2024, status: str = "", *, preliminary: bool = False
) -> Outcome:
    return Outcome("N15428", "1283", year, "T", value, status, preliminary)


FETCHED = f"""kind: follow_up
outcomes:
  - indicator: {SAFE}
    period: "2024"
    value: 71.2
    source: Kolada
    fetched_on: "2025-03-01"
  # Nästa utfall skrivs för hand
"""


def test_a_value_kolada_changed_keeps_the_old_one_and_when_it_was_fetched() -> None:
    merged, text = _merged(FETCHED, _total(74.2))
    entry = yaml.safe_load(text)["outcomes"][0]
    assert (entry["value"], entry["fetched_on"]) == (74.2, "2026-03-01")
    assert entry["revised"] == [{"value": 71.2, "fetched_on": "2025-03-01"}]
    assert [(r.indicator, r.period, r.field, r.old, r.new) for r in merged.revisions] == [
        (SAFE, "2024", "value", 71.2, 74.2)
    ]
    assert merged.revisions[0].old_fetched_on == "2025-03-01"
    # The comment after the entry stays after it, below the old value's record.
    assert text.endswith('        fetched_on: "2025-03-01"\n  # Nästa utfall skrivs för hand\n')


def test_a_second_revision_is_added_after_the_first() -> None:
    _, once = _merged(FETCHED, _total(74.2))
    document = round_trip_yaml().load(once)
    merge(document, [_total(75.0)], INDICATORS, False, "2027-03-01")
    entry = yaml.safe_load(dump_round_trip(document))["outcomes"][0]
    assert entry["value"] == 75.0
    assert entry["revised"] == [
        {"value": 71.2, "fetched_on": "2025-03-01"},
        {"value": 74.2, "fetched_on": "2026-03-01"},
    ]


def test_the_same_value_fetched_again_is_no_revision() -> None:
    merged, text = _merged(FETCHED, _total(71.2))
    assert merged.revisions == [] and "revised" not in text
    assert (merged.updated, merged.unchanged) == (0, 1)  # only when it was fetched is new


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_value_typed_by_hand_is_never_a_revision(overwrite: bool) -> None:
    typed = FETCHED.replace("source: Kolada", "source: Skolverket")
    merged, text = _merged(typed, _total(74.2), overwrite=overwrite)
    entry = yaml.safe_load(text)["outcomes"][0]
    assert merged.revisions == [] and "revised" not in entry
    assert entry["value"] == (74.2 if overwrite else 71.2)


def test_a_preliminary_value_is_marked_and_the_mark_goes_when_final() -> None:
    _, text = _merged(FETCHED, _total(71.2, status="Preliminary", preliminary=True))
    entry = yaml.safe_load(text)["outcomes"][0]
    assert entry["preliminary"] is True
    assert list(entry).index("preliminary") == list(entry).index("value") + 1  # by the figure
    document = round_trip_yaml().load(text)
    merge(document, [_total(71.2)], INDICATORS, False, "2026-06-01")
    assert "preliminary" not in yaml.safe_load(dump_round_trip(document))["outcomes"][0]


def test_the_summary_says_which_values_kolada_changed() -> None:
    merged, _ = _merged(FETCHED, _total(74.2))
    assert revision_lines(merged.revisions, "sv") == [
        "Kolada har ändrat 1 av de värden som hämtats tidigare. De nya värdena har skrivits in; "
        "de tidigare finns kvar under revised: i filen, och styr lint visar dem:",
        f"  {SAFE}, 2024: från 71,2 till 74,2 (hämtat 2025-03-01)",
    ]
    assert revision_lines([], "sv") == []


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def test_a_pull_that_finds_a_value_revised_records_it_and_lint_says_so(
    run_cli: Run,
    repo: Path,
    kolada_fake: FakeKolada,  # noqa: F811
) -> None:
    kolada_fake.add_value("N15428", "1283", 2023, 71.2)
    first = pull(repo, [2023], base_url=kolada_fake.base_url, today=date(2025, 3, 1))
    assert first["revised"] == 0
    kolada_fake.add_value("N15428", "1283", 2023, 74.2)  # Kolada corrects it
    result = run_cli("kolada", "pull", repo, "--years", "2023", "--base-url", kolada_fake.base_url)
    assert result.code == 0, result.err
    assert "Kolada har ändrat 1 av de värden som hämtats tidigare" in result.out
    assert f"{SAFE}, 2023: från 71,2 till 74,2 (hämtat 2025-03-01)" in result.out
    target = repo / "uppfoljning" / "kolada.yaml"
    entry = yaml.safe_load(target.read_text(encoding="utf-8"))["outcomes"][0]
    assert entry["revised"] == [{"value": 71.2, "fetched_on": "2025-03-01"}]

    findings = [f for f in lint_paths([repo]).findings if f.code == "F006"]
    ours = [f for f in findings if f.file is not None and f.file.name == "kolada.yaml"]
    assert len(ours) == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[ours[0].line - 1].strip() == "value: 74.2"
    assert ours[0].column == lines[ours[0].line - 1].index("74.2") + 1
    today = date.today().isoformat()
    swedish, english = (BY_CODE["F006"].render(ours[0], lang) for lang in ("sv", "en"))
    said = "Kolada har ändrat utfallet för 2023 från 71,2 till 74,2"
    assert swedish.startswith(f"{said} (hämtat 2025-03-01 och {today}).")
    said = "Kolada changed the outcome for 2023 from 71.2 to 74.2"
    assert english.startswith(f"{said} (fetched 2025-03-01 and {today}).")


def test_a_preliminary_value_from_the_fake_server_is_written_as_such(
    repo: Path,
    kolada_fake: FakeKolada,  # noqa: F811
) -> None:
    kolada_fake.add_value("N15428", "1283", 2023, 80.5, status="Preliminary")
    pull(repo, [2023], base_url=kolada_fake.base_url, today=date(2024, 2, 1))
    text = (repo / "uppfoljning" / "kolada.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["outcomes"][0]["preliminary"] is True


def test_the_helsingborg_example_shows_its_revised_and_preliminary_values(run_cli: Run) -> None:
    result = run_cli("lint", EXAMPLES / "helsingborg")
    assert result.code == 0  # information, not a fault
    assert (
        "Kolada har ändrat utfallet för 2024 från 83,9 till 84,2 (hämtat 2025-03-03 och 2026-03-02)"
    ) in result.out
    assert "Kolada har ändrat kvinnornas utfall för 2024 från 86,1 till 86,7" in result.out
    assert "Utfallet för 2025 är preliminärt i Kolada och bedöms mot målvärdet 53" in result.out


def _before_the_revision(root: Path) -> None:
    """The Helsingborg copy as it was before Kolada revised its 2024 value."""
    path = root / "uppfoljning" / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    after = (
        "    value: 84.2\n    women: 86.7\n    men: 81.6\n    source: Kolada\n"
        '    fetched_on: "2026-03-02"\n    revised:\n      - value: 83.9\n        women: 86.1\n'
        '        fetched_on: "2025-03-03"\n'
    )
    before = (
        "    value: 83.9\n    women: 86.1\n    men: 81.6\n    source: Kolada\n"
        '    fetched_on: "2025-03-03"\n'
    )
    assert text.count(after) == 1
    path.write_text(text.replace(after, before), encoding="utf-8")


def test_styr_diff_says_a_kolada_revision_as_such(run_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old" / "helsingborg", tmp_path / "new" / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", old)
    shutil.copytree(EXAMPLES / "helsingborg", new)
    _before_the_revision(old)
    result = run_cli("diff", "--from", old, "--to", new)
    assert "Kolada reviderade utfallet 2024 från 83,9 till 84,2" in result.out, result.out
    assert "Kolada reviderade utfallet 2024 för kvinnor från 86,1 till 86,7" in result.out
    assert "revised" not in result.out and "fetched_on" not in result.out
    english = run_cli("diff", "--from", old, "--to", new, "--lang", "en")
    assert "Kolada revised outcome 2024 from 83.9 to 84.2" in english.out
    data = json.loads(run_cli("diff", "--from", old, "--to", new, "-f", "json").out)
    changes = [c for r in data["repositories"] for c in r["changes"]]
    assert [(c["kind"], c["params"]["field"], c["params"].get("revised_by")) for c in changes] == [
        ("outcome-revised", "value", "Kolada"),
        ("outcome-revised", "women", "Kolada"),
    ]
    # --fail-on still knows it as a revised outcome.
    assert run_cli("diff", "--from", old, "--to", new, "--fail-on", "outcome-revised").code == 1


def test_a_planners_edit_of_a_kolada_value_is_not_said_as_kolada_s(
    run_cli: Run, tmp_path: Path
) -> None:
    old, new = tmp_path / "old" / "helsingborg", tmp_path / "new" / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", old)
    shutil.copytree(EXAMPLES / "helsingborg", new)
    path = new / "uppfoljning" / "2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    value: 56.8\n", "    value: 55.0\n", 1), encoding="utf-8")
    result = run_cli("diff", "--from", old, "--to", new)
    assert "utfall 2025 ändrat från 56,8 till 55" in result.out, result.out
    assert "Kolada reviderade" not in result.out


def test_styr_status_says_preliminary_by_the_figure(run_cli: Run) -> None:
    shown = run_cli("status", EXAMPLES / "helsingborg", "--period", "2025", "--format", "json")
    assert shown.code == 0, shown.err
    rows = [row for r in json.loads(shown.out) for row in r["rows"]]
    marked = {row["indicator_id"] for row in rows if row.get("preliminary")}
    assert marked == {"von-mal-1-ind-1"}
    table = run_cli("status", EXAMPLES / "helsingborg", "--period", "2025")
    # The outcomes' table first (the peer comparison after it marks the country's values).
    outcomes_table = table.out.split("Jämfört med andra kommuner")[0]
    assert outcomes_table.count("(preliminärt)") == 1  # the table may wrap the cell, not the word


def test_a_revision_of_an_outcome_under_the_files_period_says_that_period() -> None:
    under_the_file = FETCHED.replace("kind: follow_up\n", 'kind: follow_up\nperiod: "2024"\n')
    merged, _ = _merged(under_the_file.replace('    period: "2024"\n', ""), _total(74.2))
    assert [(r.indicator, r.period) for r in merged.revisions] == [(SAFE, "2024")]


def test_a_plain_pull_updates_kolada_s_values_where_they_are_written(
    run_cli: Run,
    repo: Path,
    kolada_fake: FakeKolada,  # noqa: F811
) -> None:
    # uppfoljning/2024.yaml and 2025.yaml hold Kolada's values of U23401 and U23471
    # (source: Kolada) beside values typed by hand (N15428's, from Skolverket).
    kolada_fake.add_value("U23401", "1283", 2024, 62.0)  # Kolada revised 61.5
    kolada_fake.add_value("U23401", "1283", 2025, 56.8)  # final now, no longer preliminary
    kolada_fake.add_value("U23471", "1283", 2024, 84.2, gender="T")
    kolada_fake.add_value("U23471", "1283", 2025, 86.2, gender="T")
    kolada_fake.add_value("N15428", "1283", 2024, 90.0)
    before = (repo / "uppfoljning" / "2024.yaml").read_text(encoding="utf-8")
    url = kolada_fake.base_url
    result = run_cli("kolada", "pull", repo, "--years", "2024-2025", "--base-url", url)
    assert result.code == 0, result.err
    # U23401's two values changed (revised, made final); U23471's are the same as before.
    assert "0 nya, 2 uppdaterade, 2 oförändrade, 1 handskrivna behölls" in result.out
    # Where it wrote: the files that hold the values, and no empty file of its own.
    folder = repo / "uppfoljning"
    assert f"till {folder / '2024.yaml'}, {folder / '2025.yaml'}:" in result.out
    assert not (folder / "kolada.yaml").exists()
    assert "von-mal-1-ind-1, 2024: från 61,5 till 62" in result.out

    in_2024 = _outcomes_of(folder / "2024.yaml")
    assert in_2024["von-mal-1-ind-1"]["value"] == 62.0
    assert in_2024["von-mal-1-ind-1"]["revised"] == [{"value": 61.5}]
    assert in_2024["sfn-mal-1-ind-1"]["source"] == "Skolverket"  # typed by hand: kept
    assert in_2024["sfn-mal-1-ind-1"]["value"] != 90.0
    assert "preliminary" not in _outcomes_of(folder / "2025.yaml")["von-mal-1-ind-1"]
    # The file's own comments stay where they were.
    after = (folder / "2024.yaml").read_text(encoding="utf-8")
    assert after.splitlines()[:5] == before.splitlines()[:5]
    assert "# Påhittat exempel: Kolada har ändrat 2024 års värde" in after
    assert run_cli("lint", repo).code == 0  # no F005: nothing doubled


def _outcomes_of(path: Path) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {entry["indicator"]: entry for entry in data["outcomes"]}


def test_a_source_spelled_kolada_in_small_letters_is_kolada_s_to_the_pull() -> None:
    merged, text = _merged(FETCHED.replace("source: Kolada", "source: kolada"), _total(74.2))
    assert (merged.updated, merged.kept) == (1, 0)
    assert [r.new for r in merged.revisions] == [74.2]
    assert yaml.safe_load(text)["outcomes"][0]["value"] == 74.2


def test_styr_diff_says_kolada_made_a_preliminary_value_final(run_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old" / "helsingborg", tmp_path / "new" / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", old)
    shutil.copytree(EXAMPLES / "helsingborg", new)
    path = new / "uppfoljning" / "2025.yaml"
    text = path.read_text(encoding="utf-8")
    # What a pull writes when Kolada gives the same 56,8 as final.
    marked = "    value: 56.8\n    preliminary: true\n"
    assert text.count(marked) == 1
    path.write_text(text.replace(marked, "    value: 56.8\n"), encoding="utf-8")
    result = run_cli("diff", "--from", old, "--to", new)
    assert "Kolada har fastställt utfallet 2025: 56,8, tidigare preliminärt" in result.out, (
        result.out
    )
    english = run_cli("diff", "--from", old, "--to", new, "--lang", "en")
    assert "Kolada has made outcome 2025 final: 56.8, preliminary before" in english.out
    data = json.loads(run_cli("diff", "--from", old, "--to", new, "-f", "json").out)
    changes = [c for r in data["repositories"] for c in r["changes"]]
    assert [(c["kind"], c["params"]["field"], c["params"]["new"]) for c in changes] == [
        ("field-changed", "outcome.preliminary", None)
    ]
    assert changes[0]["file"] == "uppfoljning/2025.yaml" and changes[0]["line"] > 0
    # Back the other way: said as preliminary again, not as a planner's edit.
    again = run_cli("diff", "--from", new, "--to", old)
    assert "Kolada anger nu utfallet 2025 som preliminärt: 56,8" in again.out, again.out
