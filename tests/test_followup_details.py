"""Follow-up details seen through `styr status` and the report: zero targets, goals without
indicators, percentages that agree with their status, and the next target where a period has none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

Run = Callable[..., CliResult]

BOARD = """\
kind: organisation
id: exempelnamnden
type: namnd
name: Exempelnämnden
parent: kommunfullmaktige
mission:
  source: reglemente
  text: Nämnden ansvarar för trafiksäkerhet och service till invånarna.
direction:
  text: Nämnden ska bidra till att fler invånare får en god service.
  contributes_to: [malomrade-1]
goals:
  - id: mal-noll
    title: Ingen invånare ska dö i trafiken
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
    indicators:
      - id: ind-doda
        title: Antal döda i trafiken
        unit: antal
        better: lower
        baseline: {year: 2026, value: 2}
        targets:
          - {year: 2028, value: 0}
  - id: mal-utan-indikator
    title: Fler invånare ska känna sig trygga
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
  - id: mal-nara
    title: Fler invånare ska få svar inom en vecka
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
    indicators:
      - id: ind-svar
        title: Andel invånare som får svar inom en vecka
        unit: procent
        better: higher
        baseline: {year: 2026, value: 70}
        targets:
          - {year: 2028, value: 80}
  - id: mal-senare
    title: Fler invånare ska vara nöjda med servicen
    horizon: {start: 2027, end: 2030}
    contributes_to: [malomrade-1]
    indicators:
      - id: ind-nojda
        title: Andel invånare som är nöjda med servicen
        unit: procent
        better: higher
        baseline: {year: 2026, value: 70}
        milestones:
          - {year: 2029, value: 76}
        targets:
          - {year: 2030, value: 80}
"""

OUTCOMES = """\
kind: follow_up
period: "2028"
outcomes:
  - indicator: ind-doda
    value: {deaths}
  - indicator: ind-svar
    value: 79.968
  - indicator: ind-nojda
    value: 75
"""


@pytest.fixture
def repo(blank_repo: Path) -> Callable[[int], Path]:
    def write(deaths: int) -> Path:
        (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(BOARD, encoding="utf-8")
        follow_up = blank_repo / "uppfoljning" / "2028.yaml"
        follow_up.parent.mkdir(exist_ok=True)
        follow_up.write_text(OUTCOMES.format(deaths=deaths), encoding="utf-8")
        return blank_repo

    return write


def _rows(run_cli: Run, repo: Path) -> dict[str, dict[str, object]]:
    result = run_cli("status", repo, "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)[0]["rows"]
    return {str(row.get("indicator_id") or row["goal_id"]): row for row in rows}


@pytest.mark.parametrize(("deaths", "status"), [(2, "not_met"), (0, "met")])
def test_a_zero_target_is_met_or_not_met(
    run_cli: Run, repo: Callable[[int], Path], deaths: int, status: str
) -> None:
    row = _rows(run_cli, repo(deaths))["ind-doda"]
    assert (row["status"], row["goal_status"], row["fulfilment"]) == (status, status, None)


def test_a_goal_without_indicators_says_so(run_cli: Run, repo: Callable[[int], Path]) -> None:
    path = repo(0)
    row = _rows(run_cli, path)["mal-utan-indikator"]
    assert (row["goal_status"], row["goal_status_label"]) == ("no_indicator", "Ingen indikator")
    assert "◌" in run_cli("status", path).out  # its own symbol, not "no target"'s "·"


def test_the_shown_percentage_agrees_with_the_status(
    run_cli: Run, repo: Callable[[int], Path]
) -> None:
    row = _rows(run_cli, repo(0))["ind-svar"]  # 79.968 of 80 is 99.96 %
    assert (row["status"], row["fulfilment"]) == ("partly_met", 99.9)


def test_the_next_target_is_shown_where_the_period_has_none(
    run_cli: Run, repo: Callable[[int], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wide enough that the table does not break "76 %" over two lines of its cell.
    monkeypatch.setenv("COLUMNS", "200")
    path = repo(0)
    row = _rows(run_cli, path)["ind-nojda"]
    assert row["target"] is None
    assert row["next_target"] == {"year": 2029, "value": 76.0}  # the milestone comes first
    table = run_cli("status", path).out
    assert "(2029)" in table and "76 %" in table
    english = run_cli("status", path, "--lang", "en", "--format", "json").out
    assert '"next_target"' in english


def test_the_report_shows_the_same(run_cli: Run, repo: Callable[[int], Path]) -> None:
    result = run_cli("report", repo(2), "--format", "md")
    assert result.code == 0, result.err
    assert "nästa målvärde: 76 (2029)" in result.out
    assert "Ingen indikator" in result.out
    assert "99,9" in result.out and "100 % uppfyllelse" not in result.out
    english = run_cli("report", repo(2), "--format", "md", "--lang", "en")
    assert "next target: 76 (2029)" in english.out and "No indicator" in english.out


# The indicator judged in a period with no target of its own (2028), with later ones.
_LATER_ONLY = "Andel invånare som är nöjda med servicen"


def _site_indicator(run_cli: Run, path: Path, out: Path) -> str:
    assert run_cli("site", path, "-o", out).code == 0
    sections = [
        section
        for page in sorted(out.rglob("*.html"))
        for section in re.findall(
            r'<section class="indicator".*?</section>', page.read_text("utf-8"), re.S
        )
        if _LATER_ONLY in section
    ]
    assert sections
    return sections[0]


def _report_row(run_cli: Run, path: Path, out: Path, form: str) -> str:
    assert run_cli("report", path, "--format", form, "-o", out).code == 0
    text = out.read_text("utf-8")
    if form == "html":
        rows = [row for row in re.findall(r"<tr[ >].*?</tr>", text, re.S) if "<td" in row]
    else:
        rows = [line for line in text.split("\n") if line.startswith("|")]
    (row,) = [row for row in rows if _LATER_ONLY in row]
    return row


def test_a_period_without_a_target_of_its_own_is_not_said_to_lack_one(
    run_cli: Run, repo: Callable[[int], Path], tmp_path: Path
) -> None:
    """Beside the target of 2030 and the milestone of 2029, "no target" would contradict
    them: the status says there is none for the period, in every rendering."""
    path = repo(0)
    shown = [
        _site_indicator(run_cli, path, tmp_path / "webbplats"),
        _report_row(run_cli, path, tmp_path / "rapport.html", "html"),
        _report_row(run_cli, path, tmp_path / "rapport.md", "md"),
    ]
    for indicator in shown:
        assert "76" in indicator and "Inget målvärde för perioden" in indicator
        assert "Målvärde saknas" not in indicator


def test_the_next_target_has_a_label_of_its_own_on_the_site(
    run_cli: Run, repo: Callable[[int], Path], tmp_path: Path
) -> None:
    facts = _site_indicator(run_cli, repo(0), tmp_path / "webbplats")
    labels = re.findall(r"<dt>(.*?)</dt>", facts)
    assert len(labels) == len(set(labels)), labels
    assert "<div><dt>Nästa målvärde</dt><dd>2029: 76</dd></div>" in facts
