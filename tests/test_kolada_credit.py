"""The credit "Källa: Kolada" on raw values only, and "preliminärt" by a figure Kolada marks so.

Never on what styr works out from a value (fulfilment, trend, peer median).

The Helsingborg example's 2025 follow-up has two values with `source: Kolada`:
the waiting time for a place in special housing (U23401, 56,8, marked
preliminary) and the satisfaction with it (U23471). The example's values are
made up (`illustrative: true` at the top of the file), so no rendering credits
Kolada with them: each shows the example note by the figure instead. A copy
without that mark (`fetched`) stands for a repository whose values Kolada
gave: each rendering of the report (HTML, Markdown, Word) and the site is
checked for the credit right by the figure, before the status and the
fulfilment worked out from it.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, CliResult

from styr.report import build_report
from styr.report.credit import RAW, Figure, credit_for
from styr.report.printed import document_report

Run = Callable[..., CliResult]
HELSINGBORG = EXAMPLES / "helsingborg"
WAITING = "Källa: Kolada (U23401)"
EXAMPLE = "Exempeltext – inte kommunens egen"


@pytest.fixture
def fetched(tmp_path: Path) -> Path:
    """Helsingborg as if its follow-up values had been fetched: the example mark taken away."""
    root = tmp_path / "helsingborg"
    shutil.copytree(HELSINGBORG, root)
    for path in (root / "uppfoljning").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert text.count("\nillustrative: true\n") == 1
        path.write_text(text.replace("\nillustrative: true\n", "\n"), encoding="utf-8")
    return root


@pytest.mark.parametrize("figure", list(Figure))
def test_only_a_raw_figure_from_kolada_is_credited(figure: Figure) -> None:
    credited = credit_for(figure, "Kolada", "U23401", "sv")
    assert credited == (WAITING if figure in RAW else "")
    assert credit_for(figure, "Egen enkät", "U23401", "sv") == ""


def test_the_raw_figures_are_the_values_as_kolada_gives_them() -> None:
    assert {Figure.OUTCOME, Figure.NATIONAL, Figure.PEER_VALUE} == RAW
    derived = [Figure.FULFILMENT, Figure.TREND, Figure.PEER_MEDIAN, Figure.PEER_SPREAD]
    assert all(credit_for(f, "Kolada", "U23401", "en") == "" for f in derived)
    assert credit_for(Figure.NATIONAL, "Kolada", None, "en") == "Source: Kolada"


@pytest.mark.parametrize("figure", sorted(RAW, key=lambda figure: figure.value))
def test_a_made_up_value_is_never_credited(figure: Figure) -> None:
    assert credit_for(figure, "Kolada", "U23401", "sv", illustrative=True) == ""


def test_the_html_report_credits_the_figure_and_says_preliminary_by_it(fetched: Path) -> None:
    html = build_report([fetched], "html")
    cell = re.search(r'<span class="outcome-value">56,8</span>.*?</td>', html, re.S)
    assert cell is not None
    shown = cell.group(0)
    assert shown.startswith(
        '<span class="outcome-value">56,8</span> <span class="note preliminary">(preliminärt)'
        f'</span><br><span class="note credit">{WAITING}</span><br><span class="status'
    )
    assert shown.count("Källa: Kolada") == 1  # not again by the fulfilment
    english = build_report([fetched], "html", "en")
    assert '<span class="note preliminary">(preliminary)</span>' in english


def test_the_examples_made_up_values_show_the_example_note_not_kolada() -> None:
    html = build_report([HELSINGBORG], "html")
    cell = re.search(r'<span class="outcome-value">56,8</span>.*?</td>', html, re.S)
    assert cell is not None
    assert cell.group(0).startswith(
        '<span class="outcome-value">56,8</span> <span class="note preliminary">(preliminärt)'
        f'</span><br><span class="note credit">{EXAMPLE}</span><br><span class="status'
    )
    markdown = build_report([HELSINGBORG], "md")
    assert f"56,8 (preliminärt)<br>{EXAMPLE}<br>◐" in markdown
    for page in (html, markdown):
        assert "Källa: Kolada (U" not in page and "Källa: Kolada (N" not in page
    english = build_report([HELSINGBORG], "html", "en")
    assert "Example text – not the municipality" in english


def test_the_markdown_report_credits_the_figure_before_the_status(fetched: Path) -> None:
    markdown = build_report([fetched], "md")
    assert f"56,8 (preliminärt)<br>{WAITING}<br>◐" in markdown


def _word_cells(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [c.text for t in document.tables for row in t.rows for c in row.cells]


@pytest.mark.parametrize(("invented", "note"), [(True, EXAMPLE), (False, WAITING)])
def test_the_word_report_notes_the_figure_before_the_status(
    fetched: Path, invented: bool, note: str
) -> None:
    cells = _word_cells(document_report("docx", [HELSINGBORG if invented else fetched]))
    waiting = next(text for text in cells if text.startswith("56,8"))
    lines = waiting.splitlines()
    assert lines[:2] == ["56,8 (preliminärt)", note]
    assert "Kolada" not in " ".join(lines[2:])


@pytest.mark.parametrize(("invented", "note"), [(True, EXAMPLE), (False, WAITING)])
def test_the_site_notes_the_figure_in_the_outcome_not_the_fulfilment(
    tmp_path: Path, fetched: Path, invented: bool, note: str
) -> None:
    from styr.site import build_site

    build_site([HELSINGBORG if invented else fetched], tmp_path / "webbplats")
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "webbplats").rglob("*.html"))
    assert f'56,8 (preliminärt)<br><span class="note credit">{note}</span></dd>' in pages
    # A value typed by hand in the same file has no credit.
    assert "Källa: Kolada (N15428)" not in pages
    assert ("Källa: Kolada (U23401)" in pages) is not invented


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_follow_up_report_credits_the_figure_too(
    run_cli: Run, tmp_path: Path, fetched: Path, fmt: str
) -> None:
    target = tmp_path / f"uppfoljning.{fmt}"
    result = run_cli("report", fetched, "--period", "2025", "-f", fmt, "-o", target)
    assert result.code == 0, result.err
    page = target.read_text(encoding="utf-8")
    if fmt == "html":
        assert (
            '56,8 dagar <span class="note preliminary">(preliminärt)</span><br>'
            f'<span class="note credit">{WAITING}</span></td>'
        ) in page
    else:
        assert f"56,8 dagar (preliminärt)<br>{WAITING} |" in page
    assert page.count("Källa: Kolada") == 2  # the two values from Kolada, nothing else


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_follow_up_report_never_credits_the_examples_made_up_values(
    run_cli: Run, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"uppfoljning.{fmt}"
    result = run_cli("report", HELSINGBORG, "--period", "2025", "-f", fmt, "-o", target)
    assert result.code == 0, result.err
    page = target.read_text(encoding="utf-8")
    assert "56,8 dagar" in page
    assert "Källa: Kolada (U" not in page


def test_the_follow_up_word_report_credits_the_figure(fetched: Path) -> None:
    cells = _word_cells(document_report("docx", [fetched], period="2025"))
    assert f"56,8 dagar (preliminärt)\n{WAITING}" in cells
    invented = _word_cells(document_report("docx", [HELSINGBORG], period="2025"))
    assert not any("Källa: Kolada (U" in cell for cell in invented)
