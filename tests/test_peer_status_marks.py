"""Every place that shows the comparison marks what Kolada calls preliminary, compares the
same indicators and gives the same rounded figures: report, Word, site and styr status."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES
from test_kolada_pull import Run

from styr.followup.kolada_peers import DEFAULT_PEER_FILE
from styr.site import build_site

# In the example's comparison file the country's 2025 value of N17445 is preliminary.
COUNTRY_CELL = "75,2 (preliminärt)"
DIRECTION_INDICATOR = "Företagens sammanfattande omdöme om kommunens myndighetsutövning"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def _words(text: str) -> str:
    """A terminal table's words with its borders taken away (cells wrap between words)."""
    return " ".join(re.sub("[│┃┏┓┗┛┡┩━─┳┻╇┼┬┴└┘┌┐]", " ", text).split())


def _set_value(repo: Path, old: str, new: str) -> None:
    target = repo / DEFAULT_PEER_FILE
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    target.write_text(text.replace(old, new), encoding="utf-8")


def test_the_countrys_preliminary_value_is_marked_in_the_report_markdown_and_site(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    markdown = run_cli("report", repo, "-f", "md")
    assert markdown.code == 0, markdown.err
    assert f"| 7 av 7 | {COUNTRY_CELL} |" in markdown.out
    out = repo / "rapport.html"
    assert run_cli("report", repo, "-o", out).code == 0
    assert '75,2 <span class="note preliminary">(preliminärt)</span>' in out.read_text("utf-8")
    folder = tmp_path / "webbplats"
    build_site([repo], folder)
    pages = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.html"))
    assert f"<dd>{COUNTRY_CELL}</dd>" in pages


def test_status_marks_the_countrys_and_the_peers_preliminary_values(
    run_cli: Run, repo: Path
) -> None:
    # A peer's value preliminary too: the median resting on it is marked.
    _set_value(
        repo,
        '{kpi: "N17445", municipality: "1380", year: 2025, value: 75.1}',
        '{kpi: "N17445", municipality: "1380", year: 2025, value: 75.1, preliminary: true}',
    )
    result = run_cli("status", repo, "--format", "json")
    assert result.code == 0, result.err
    compared = {row["indicator_id"]: row["peers"] for row in json.loads(result.out)[0]["peers"]}
    graduates = next(p for p in compared.values() if p["country"] == 75.2)
    assert graduates["country_preliminary"] is True
    assert graduates["peers_preliminary"] is True
    assert graduates["value_preliminary"] is False
    table = _words(run_cli("status", repo).out)
    assert "75,1 (preliminärt)" in table  # the median
    assert COUNTRY_CELL in table
    markdown = run_cli("report", repo, "-f", "md").out
    assert "| 75,1 (preliminärt)<br>" in markdown


def test_status_compares_a_directions_kolada_indicator_as_the_report_does(
    run_cli: Run, repo: Path
) -> None:
    markdown = run_cli("report", repo, "-f", "md").out
    assert f"| {DIRECTION_INDICATOR} (Insikt, NKI) | 2025 | 72 | 73,5<br>" in markdown
    table = _words(run_cli("status", repo).out)
    assert "(Insikt, NKI)" in table.split("Jämfört med andra kommuner")[1]  # its name's end
    result = json.loads(run_cli("status", repo, "--format", "json").out)[0]
    direction = next(r for r in result["peers"] if r["indicator_id"] == "ks-ind-foretagsklimat")
    assert direction["peers"]["median"] == 73.5
    # Once each: an indicator under two goals is not listed twice.
    ids = [row["indicator_id"] for row in result["peers"]]
    assert len(ids) == len(set(ids))


def test_status_shows_the_middle_half_its_note_speaks_of(run_cli: Run, repo: Path) -> None:
    table = _words(run_cli("status", repo).out)
    assert "mittersta hälften" in table
    # Kommunstyrelsen's direction indicator: the middle half of its five peers' values.
    assert "Mittersta hälften:" in table and "68,9–73,7" in table


def test_a_median_is_rounded_the_same_in_status_json_as_on_the_page(
    run_cli: Run, repo: Path
) -> None:
    # Two peers with a value: their median is 81.1 + 82.3 halved, 81.69999999999999 in floats.
    target = repo / DEFAULT_PEER_FILE
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [
        line for line in lines if '"U23401"' not in line or "2025" not in line or '"1283"' in line
    ]
    kept.append('  - {kpi: "U23401", municipality: "1380", year: 2025, value: 81.1}\n')
    kept.append('  - {kpi: "U23401", municipality: "1490", year: 2025, value: 82.3}\n')
    target.write_text("".join(kept), encoding="utf-8")
    result = json.loads(run_cli("status", repo, "--format", "json").out)[0]
    medians = [row["peers"]["median"] for row in result["peers"] if row["peers"]["with_data"] == 2]
    assert medians == [81.7]
    assert "81,7" in run_cli("report", repo, "-f", "md").out


def test_the_word_report_marks_the_countrys_preliminary_value(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.docx"
    assert run_cli("report", repo, "--format", "docx", "-o", out).code == 0
    document = docx.Document(str(out))
    rows = [
        [cell.text for cell in row.cells]
        for grid in document.tables
        for row in grid.rows
        if row.cells[0].text == "Gymnasieelever med examen inom 3 år, andel (%)"
    ]
    compared = [row for row in rows if len(row) == 7]
    assert compared, rows
    assert compared[0][-1] == COUNTRY_CELL
