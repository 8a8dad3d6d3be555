"""The comparison with other municipalities where readers see it: report, site and styr status.

The Helsingborg example holds made-up peer values (`illustrative: true`), so
every place says they are examples; a comparison of fetched values credits
Kolada on the raw values and never on the median or the spread.
"""

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

CAPTION = "Jämfört med andra kommuner: Andra stora kommuner (exempel)"
EXAMPLE_NOTE = "Exempelvärden: påhittade för att visa jämförelsen, inte hämtade från Kolada."
DERIVED_NOTE = "är uträknade ur Koladas värden; de är inte uppgifter som Kolada publicerar"
# sfn-mal-1-ind-1 (N15428) in 2025 in the example's comparison file: Helsingborg 85,7,
# the seven peers' median 85,3, lowest 82,8 and highest 86,8, the country 84,5.
ROW = ("85,7", "85,3", "82,8–86,8", "7 av 7", "84,5")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def _peer_table(html: str) -> str:
    start = html.index('<table class="indicators peers stack">')
    return html[start : html.index("</table>", start)]


def _row(table: str, title: str) -> str:
    start = table.index(title)
    return table[start : table.index("</tr>", start)]


def _cell(row: str, label: str) -> str:
    match = re.search(rf'<td data-label="{re.escape(label)}">(.*?)</td>', row)
    assert match, label
    return match.group(1)


def test_the_example_report_compares_its_kolada_indicators_and_says_the_values_are_examples(
    run_cli: Run, repo: Path
) -> None:
    out = repo / "rapport.html"
    assert run_cli("report", repo, "-o", out).code == 0
    html = out.read_text(encoding="utf-8")
    assert CAPTION in html
    table = _peer_table(html[html.index("Andel elever i årskurs 9 som är behöriga") :])
    row = _row(table, "Andel elever i årskurs 9 som är behöriga till yrkesprogram")
    own, median = (
        _cell(row, "Kommunens värde"),
        _cell(row, "Mittvärde för kommunerna i jämförelsen"),
    )
    assert own.startswith(ROW[0]) and median.startswith(ROW[1])
    # better: higher, and 85,7 is above the median: the only judgement made.
    assert "Över mittvärdet, vilket är bättre här" in median
    assert _cell(row, "Lägsta–högsta").startswith(ROW[2])
    assert _cell(row, "Kommuner med värde") == ROW[3]
    assert _cell(row, "Riket") == ROW[4]
    assert EXAMPLE_NOTE in html and DERIVED_NOTE in html
    # Made-up values are credited to no one.
    assert "Källa: Kolada" not in table


def test_a_peer_without_a_value_is_counted_as_one(run_cli: Run, repo: Path) -> None:
    out = repo / "rapport.html"
    assert run_cli("report", repo, "-o", out).code == 0
    html = out.read_text(encoding="utf-8")
    table = _peer_table(html[html.index("Brukarbedömning av särskilt boende") :])
    row = _row(table, "Brukarbedömning av särskilt boende, helhetssyn, andel nöjda")
    assert _cell(row, "Kommuner med värde") == "6 av 7"  # Umeå has no value in the example


def test_fetched_values_credit_kolada_on_the_raw_values_only(run_cli: Run, repo: Path) -> None:
    peers = repo / DEFAULT_PEER_FILE
    text = peers.read_text(encoding="utf-8")
    peers.write_text(text.replace("illustrative: true\n", ""), encoding="utf-8")
    out = repo / "rapport.html"
    assert run_cli("report", repo, "-o", out).code == 0
    html = out.read_text(encoding="utf-8")
    table = _peer_table(html[html.index("Andel elever i årskurs 9 som är behöriga") :])
    row = _row(table, "Andel elever i årskurs 9 som är behöriga till yrkesprogram")
    assert "Källa: Kolada (N15428)" in _cell(row, "Kommunens värde")
    for derived in (
        "Mittvärde för kommunerna i jämförelsen",
        "Lägsta–högsta",
        "Kommuner med värde",
    ):
        assert "Källa" not in _cell(row, derived)
    assert EXAMPLE_NOTE not in html


def test_the_markdown_report_has_the_comparison_and_the_example_note(
    run_cli: Run, repo: Path
) -> None:
    out = repo / "rapport.md"
    assert run_cli("report", repo, "--format", "md", "-o", out).code == 0
    markdown = out.read_text(encoding="utf-8")
    assert f"**{CAPTION}**" in markdown
    line = next(
        line
        for line in markdown.splitlines()
        if line.startswith("| Andel elever i årskurs 9 som är behöriga till yrkesprogram | 2025 |")
    )
    for figure in ROW:
        assert figure in line
    assert EXAMPLE_NOTE in markdown and DERIVED_NOTE in markdown
    lines = markdown.splitlines()
    header = next(i for i, text in enumerate(lines) if text.startswith("| Indikator | År |"))
    # One table: the separator right under the header, and the rows under it, no blank line.
    assert lines[header + 1].startswith("| --- | --- |")
    assert lines[header + 2].startswith("| ")


def test_the_follow_up_report_compares_its_goals_indicators(run_cli: Run, repo: Path) -> None:
    for format, name in (("html", "uppfoljning.html"), ("md", "uppfoljning.md")):
        out = repo / name
        assert run_cli("report", repo, "--period", "2025", "-f", format, "-o", out).code == 0
        text = out.read_text(encoding="utf-8")
        assert CAPTION in text and EXAMPLE_NOTE in text and DERIVED_NOTE in text
        assert "7 av 7" in text and "Över mittvärdet, vilket är bättre här" in text


def test_the_example_site_shows_the_comparison_on_the_boards_page(
    repo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "webbplats"
    build_site([repo], folder)
    page = (folder / "organisationer" / "skol-och-fritidsnamnden.html").read_text(encoding="utf-8")
    start = page.index('<div class="peers">')
    block = page[start : page.index("</div>\n", page.index("</dl>", start))]
    assert f"{CAPTION}, 2025" in block
    assert "<dt>Kommunens värde</dt><dd>85,7</dd>" in block
    assert "<dd>85,3 (Över mittvärdet, vilket är bättre här)</dd>" in block
    assert "<dt>Kommuner med värde</dt><dd>7 av 7</dd>" in block
    assert EXAMPLE_NOTE in page and DERIVED_NOTE in page


def test_without_a_comparison_file_nothing_is_compared(run_cli: Run, repo: Path) -> None:
    (repo / DEFAULT_PEER_FILE).unlink()
    out = repo / "rapport.html"
    assert run_cli("report", repo, "-o", out).code == 0
    assert "Jämfört med andra kommuner" not in out.read_text(encoding="utf-8")
    result = run_cli("status", repo, "--format", "json")
    assert all(row.get("peers") is None for row in json.loads(result.out)[0]["rows"])


def test_status_gives_the_comparison_in_json_and_in_a_table_of_its_own(
    run_cli: Run, repo: Path
) -> None:
    result = run_cli("status", repo, "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)[0]["rows"]
    peers = next(r["peers"] for r in rows if r.get("indicator_id") == "sfn-mal-1-ind-1")
    assert peers == {
        "group": "Andra stora kommuner (exempel)",
        "year": 2025,
        "value": 85.7,
        "median": 85.3,
        "lowest": 82.8,
        "highest": 86.8,
        "lower_quartile": peers["lower_quartile"],
        "upper_quartile": peers["upper_quartile"],
        "with_data": 7,
        "members": 7,
        "country": 84.5,
        "position": "above",
        "judgement": "better",
        "preliminary": False,
        "value_preliminary": False,
        "country_preliminary": False,
        "peers_preliminary": False,
        "illustrative": True,
    }
    assert peers["lower_quartile"] < peers["median"] < peers["upper_quartile"]
    # An indicator without a Kolada id has nothing to compare.
    assert next(r for r in rows if r.get("indicator_id") == "ks-mal-1-ind-1")["peers"] is None
    table = run_cli("status", repo)
    assert table.code == 0
    # The table's words with its borders taken away: a cell's lines wrap between words.
    text = " ".join(re.sub("[│┃┏┓┗┛┡┩━─┳┻╇┼┬┴└┘┌┐]", " ", table.out).split())
    assert "Jämfört med andra kommuner: Andra stora kommuner (exempel)" in text
    assert "Över mittvärdet, vilket är bättre här" in text
    assert "Under mittvärdet, vilket är bättre här" in text  # waiting time: lower is better
    assert "påhittade för att visa jämförelsen" in text


def test_a_narrow_terminal_gets_the_figures_on_lines_of_their_own(
    run_cli: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = run_cli("status", repo)
    assert result.code == 0
    lines = result.out.splitlines()
    assert all(len(line) <= 60 for line in lines)
    start = next(i for i, line in enumerate(lines) if "Jämfört med andra kommuner" in line)
    comparison = "\n".join(lines[start:])
    assert "Värde: 85,7" in comparison and "Med värde: 7 av 7" in comparison


def test_a_preliminary_value_of_the_municipality_says_so_by_the_figure(
    run_cli: Run, repo: Path
) -> None:
    peers = repo / DEFAULT_PEER_FILE
    line = '{kpi: "N15428", municipality: "1283", year: 2025, value: 85.7}'
    text = peers.read_text(encoding="utf-8")
    assert line in text
    peers.write_text(text.replace(line, line[:-1] + ", preliminary: true}"), encoding="utf-8")
    out = repo / "rapport.html"
    assert run_cli("report", repo, "-o", out).code == 0
    html = out.read_text(encoding="utf-8")
    table = _peer_table(html[html.index("Andel elever i årskurs 9 som är behöriga") :])
    row = _row(table, "Andel elever i årskurs 9 som är behöriga till yrkesprogram")
    assert '85,7 <span class="note preliminary">(preliminärt)</span>' in _cell(
        row, "Kommunens värde"
    )
    rows = json.loads(run_cli("status", repo, "--format", "json").out)[0]["rows"]
    peers = next(r["peers"] for r in rows if r.get("indicator_id") == "sfn-mal-1-ind-1")
    assert peers["preliminary"] is True and peers["value_preliminary"] is True
    assert "85,7 (preliminärt)" in run_cli("status", repo).out


def test_the_word_report_has_the_comparison_table_and_the_notes(run_cli: Run, repo: Path) -> None:
    out = repo / "rapport.docx"
    assert run_cli("report", repo, "--format", "docx", "-o", out).code == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert CAPTION in texts
    assert EXAMPLE_NOTE in texts and any(DERIVED_NOTE in t for t in texts)
    rows = [
        [cell.text for cell in row.cells]
        for grid in document.tables
        for row in grid.rows
        if row.cells[0].text == "Andel elever i årskurs 9 som är behöriga till yrkesprogram"
    ]
    compared = [row for row in rows if len(row) == 7]
    assert compared, rows
    year, own, median, spread, count, country = compared[0][1:]
    assert (year, own, count, country) == ("2025", ROW[0], ROW[3], ROW[4])
    assert median.startswith(ROW[1]) and "Över mittvärdet" in median
    assert spread.startswith(ROW[2])


def test_a_comparison_file_of_the_wrong_shape_is_a_finding_and_never_a_traceback(
    run_cli: Run, repo: Path
) -> None:
    (repo / DEFAULT_PEER_FILE).write_text(
        "kind: peer_values\n"
        "group: [1, 2]\n"
        "figures:\n"
        "  - {kpi: N15428, municipality: 1283, year: 2025, value: hög}\n"
        "  - {kpi: N15428, municipality: '0580', year: true, value: 80}\n"
        "  - just text\n",
        encoding="utf-8",
    )
    lint = run_cli("lint", repo)
    assert lint.code == 1
    findings = run_cli("lint", repo, "--format", "json").out
    found = json.loads(findings)["findings"]
    lines = {f["line"] for f in found if f["file"].endswith("jamforelse/kolada.yaml")}
    assert lines >= {2, 4, 5, 6}
    out = repo / "rapport.html"
    report = run_cli("report", repo, "-o", out, "--allow-errors")
    assert report.code == 0, report.err
    assert "Traceback" not in report.err
    assert "Jämfört med andra kommuner" not in out.read_text(encoding="utf-8")
    status = run_cli("status", repo, "--format", "json", "--allow-errors")
    assert status.code == 0, status.err
