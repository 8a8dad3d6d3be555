"""The PDF's footer says whose report a page is, read back with pypdf.

The goal report's pages name the municipality (the part's first-level
heading); the follow-up report's name the report and the municipality, as its
title does, on every page beside the page number.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from styr.report.pdf import print_stylesheet
from styr.report.printed import document_report
from styr.report.texts import Labels

pytest.importorskip("weasyprint", reason="the PDF extra (weasyprint) is not installed")

ROOT = Path(__file__).resolve().parents[1]
HELSINGBORG = ROOT / "examples" / "helsingborg"


def _pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def _title(data: bytes) -> str:
    title = pypdf.PdfReader(io.BytesIO(data)).metadata.title
    assert title
    return str(title)


@pytest.fixture(scope="module")
def followup_pages() -> tuple[str, list[str]]:
    data = document_report("pdf", [HELSINGBORG], period="2025")
    return _title(data), _pages(data)


def test_every_page_of_the_follow_up_names_the_report_and_the_municipality(
    followup_pages: tuple[str, list[str]],
) -> None:
    title, pages = followup_pages
    assert "Helsingborgs stad" in title and "2025" in title
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert title in page, number
        assert f"Sida {number} av {len(pages)}" in page


def test_the_goal_reports_footer_still_names_the_municipality_alone() -> None:
    data = document_report("pdf", [HELSINGBORG])
    pages = _pages(data)
    title = _title(data)
    assert "Helsingborgs stad" in title
    last = pages[-1]
    assert "Helsingborgs stad" in last
    assert title not in last  # the heading, not the page's title


def test_a_footer_given_is_a_css_string_that_cannot_end_early() -> None:
    sheet = print_stylesheet(Labels("sv"), footer='Årsredovisning "2025"; } – Ort')
    bottom = next(line for line in sheet.splitlines() if "@bottom-left" in line)
    assert 'content: "Årsredovisning \\22 2025\\22 ; } – Ort";' in bottom
    assert "string(report-title)" in print_stylesheet(Labels("sv"))
