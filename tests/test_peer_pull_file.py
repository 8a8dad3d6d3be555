"""`styr kolada pull --peers` and the file it writes: example values, comments, the group's
name and what the summary says."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES
from kolada_fake import FakeKolada, kolada_fake
from test_kolada_peers import _pull, _use_group
from test_kolada_pull import Run

from styr.followup.kolada_peers import DEFAULT_PEER_FILE

__all__ = ["kolada_fake"]  # the fixture, imported for pytest to find

MODELINE = "# yaml-language-server: $schema=../schemas/peer_values.schema.json"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the Helsingborg example with its made-up comparison values."""
    target = tmp_path / "hb"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def _data(repo: Path) -> Any:
    loaded = yaml.safe_load((repo / DEFAULT_PEER_FILE).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_a_pull_into_the_example_file_drops_its_made_up_values_of_other_years(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    kolada_fake.add_value("N15428", "1283", 2025, 85.0)
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    result = _pull(run_cli, example, kolada_fake)
    assert result.code == 0, result.err
    assert "påhittade exempelvärdena" in result.out
    data = _data(example)
    assert "illustrative" not in data
    figures = data["figures"]
    assert isinstance(figures, list)
    assert {figure["year"] for figure in figures} == {2025}
    assert {(f["municipality"], f["value"]) for f in figures if f["kpi"] == "N15428"} == {
        ("1283", 85.0),
        ("1380", 80.0),
    }
    # The made-up 83,7 of 2024 is nowhere credited to Kolada.
    report = run_cli("report", example, "--period", "2024", "-f", "md")
    assert report.code == 0, report.err
    comparison = report.out.split("Jämfört med andra kommuner")[1]
    assert "83,7" not in comparison
    assert "85<br>Källa: Kolada (N15428)" in comparison  # this pull's own value, of 2025


def test_the_example_files_comments_about_made_up_values_go_but_the_schema_line_stays(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    assert _pull(run_cli, example, kolada_fake).code == 0
    lines = (example / DEFAULT_PEER_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == MODELINE
    assert not any("Påhittade" in line for line in lines)


def test_a_later_pull_keeps_the_files_top_comments(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    (example / DEFAULT_PEER_FILE).unlink()
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    assert _pull(run_cli, example, kolada_fake).code == 0
    target = example / DEFAULT_PEER_FILE
    text = target.read_text(encoding="utf-8")
    assert text.startswith(MODELINE + "\n")
    target.write_text(
        text.replace(MODELINE + "\n", MODELINE + "\n# Jämförelsen beslutad av KS 2026-03-01.\n"),
        encoding="utf-8",
    )
    assert _pull(run_cli, example, kolada_fake).code == 0
    again = target.read_text(encoding="utf-8").splitlines()
    assert again[:2] == [MODELINE, "# Jämförelsen beslutad av KS 2026-03-01."]
    assert sum(line.startswith("# yaml-language-server") for line in again) == 1
    assert sum("styr kolada pull --peers" in line for line in again) == 1


def test_the_kolada_groups_title_names_the_group_when_the_manifest_names_it_not(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    _use_group(example, "G124026")
    manifest = example / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  name: Andra stora kommuner (exempel)\n", ""), "utf-8")
    kolada_fake.add_group("G124026", "Liknande kommuner, gymnasieskola", ["1283", "1880"])
    kolada_fake.add_value("N15428", "1880", 2025, 90.0)
    assert _pull(run_cli, example, kolada_fake).code == 0
    group = _data(example)["group"]
    assert isinstance(group, dict)
    assert group["name"] == "Liknande kommuner, gymnasieskola"
    page = run_cli("report", example, "-f", "md")
    assert "Jämfört med andra kommuner: Liknande kommuner, gymnasieskola" in page.out


def test_the_summary_names_the_country_only_when_it_was_fetched(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    with_country = _pull(run_cli, example, kolada_fake)
    assert "och hela rikets" in with_country.out
    assert "om styr.yaml ber om det" not in with_country.out
    manifest = example / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  country: true\n", "  country: false\n"), "utf-8")
    without = _pull(run_cli, example, kolada_fake)
    assert without.code == 0, without.err
    assert "rikets" not in without.out
    assert "påhittade" not in without.out  # the examples went with the first pull


LISTED = '  municipalities: ["1281", "1380", "1490", "1880", "1980", "2180", "2480"]\n'


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("  country: true\n", "  country: ja\n", "S002"),
        (LISTED, "  kolada_group: liknande kommuner\n", "K024"),
    ],
    ids=["country-not-true-or-false", "group-not-an-id"],
)
def test_a_pull_refuses_errors_in_peers_before_asking_kolada(
    run_cli: Run, example: Path, kolada_fake: FakeKolada, old: str, new: str, code: str
) -> None:
    manifest = example / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    manifest.write_text(text, encoding="utf-8")
    line = text.splitlines().index(new.rstrip("\n")) + 1
    before = (example / DEFAULT_PEER_FILE).read_bytes()
    result = _pull(run_cli, example, kolada_fake)
    assert result.code == 2, result.out
    assert f"peers: i styr.yaml har ett fel på rad {line}," in result.err
    assert "Traceback" not in result.err
    assert kolada_fake.seen == []  # nothing asked of Kolada
    assert (example / DEFAULT_PEER_FILE).read_bytes() == before
    assert f"({code})" in result.err
    assert f"{line}:" in run_cli("lint", example).out  # lint says where, as the pull does


def test_a_value_kolada_revised_keeps_the_earlier_one_and_is_told(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    (example / DEFAULT_PEER_FILE).unlink()
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    kolada_fake.add_value("N15428", "0000", 2025, 84.1)
    kolada_fake.add_value("N15428", "1490", 2025, 81.0)
    assert _pull(run_cli, example, kolada_fake).code == 0
    target = example / DEFAULT_PEER_FILE
    text = target.read_text(encoding="utf-8")
    fetched = _data(example)["figures"][0]["fetched_on"]
    # A year on, Kolada gives other values for a peer and for the country.
    target.write_text(text.replace(f'"{fetched}"', '"2025-03-01"'), encoding="utf-8")
    kolada_fake.values.clear()
    kolada_fake.add_value("N15428", "1380", 2025, 82.0)
    kolada_fake.add_value("N15428", "0000", 2025, 84.5)
    kolada_fake.add_value("N15428", "1490", 2025, 81.0)
    result = _pull(run_cli, example, kolada_fake)
    assert result.code == 0, result.err
    assert "Kolada har ändrat N15428 för kommun 1380 år 2025 från 80 till 82" in result.out
    assert "Kolada har ändrat N15428 för hela riket år 2025 från 84,1 till 84,5" in result.out
    assert "1490" not in result.out.split("Källa: Kolada.")[-1]  # unchanged: not told
    figures = {f["municipality"]: f for f in _data(example)["figures"]}
    assert figures["1380"]["value"] == 82
    assert figures["1380"]["revised"] == [{"value": 80, "fetched_on": "2025-03-01"}]
    assert figures["0000"]["revised"] == [{"value": 84.1, "fetched_on": "2025-03-01"}]
    assert "revised" not in figures["1490"]
    lint = run_cli("lint", example)
    assert lint.out.count("K025") == 2
    assert "från 80 till 82 (hämtat 2025-03-01 och" in lint.out
    # Fetched again unchanged, the history stays and no revision is told again.
    again = _pull(run_cli, example, kolada_fake)
    assert "har ändrat" not in again.out
    history = {f["municipality"]: f.get("revised") for f in _data(example)["figures"]}
    assert history["1380"] == [{"value": 80, "fetched_on": "2025-03-01"}]


def test_a_comment_after_a_value_stays_with_it_so_its_acknowledgement_holds(
    run_cli: Run, example: Path, kolada_fake: FakeKolada
) -> None:
    (example / DEFAULT_PEER_FILE).unlink()
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    kolada_fake.add_value("N15428", "1490", 2025, 81.0)
    assert _pull(run_cli, example, kolada_fake).code == 0
    target = example / DEFAULT_PEER_FILE
    lines = target.read_text(encoding="utf-8").splitlines()
    lund = next(i for i, line in enumerate(lines) if 'municipality: "1380"' in line)
    comment = "# styr: ignore[K025] Kolada rättade värdet; nämnden informerad"
    lines[lund] = f"{lines[lund]}  {comment}"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kolada_fake.values.clear()
    kolada_fake.add_value("N15428", "1380", 2025, 82.0)  # revised: K025, acknowledged
    kolada_fake.add_value("N15428", "1490", 2025, 81.0)
    assert _pull(run_cli, example, kolada_fake).code == 0
    again = target.read_text(encoding="utf-8").splitlines()
    [line] = [line for line in again if 'municipality: "1380"' in line]
    assert line.endswith(f"}}  {comment}") and "value: 82" in line
    assert sum(comment in line for line in again) == 1
    assert "K025" not in run_cli("lint", example).out  # the acknowledgement still holds
