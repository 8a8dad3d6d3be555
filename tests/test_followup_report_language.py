"""WCAG 2.1 success criterion 3.1.2 (Language of Parts) on the English follow-up report.

`styr report --period 2025 --lang en` writes the report's own words in English; every text
from the files (an area's and a goal's title, an analysis, a unit, a board's name, the body
that decided a goal) stays as the files write it and says so (`lang="sv"`), as the site and
the one-page report do. The texts are gathered from the examples' YAML files themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_site_language_of_parts import (
    _misread,
    _without_english_kind_names,
    kinds_unmarked,
    own_words_marked_swedish,
)

from styr.report.followup_report_build import followup_report_pieces
from styr.report.language import FilesWord, joined, kind_words

EXAMPLE_NAMES = ["helsingborg", "huddinge"]


def followup_page(root: Path, language: str, period: str = "2025") -> str:
    return "".join(followup_report_pieces([root], period, "html", language))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_text_from_the_files_is_marked_swedish_in_an_english_follow_up_report(
    name: str,
) -> None:
    page = followup_page(EXAMPLES / name, "en")
    assert _misread([EXAMPLES / name], [(f"{name}-2025.html", page)]) == []


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_kinds_named_in_swedish_only_are_marked_swedish_in_an_english_follow_up_report(
    name: str, tmp_path: Path
) -> None:
    # The summary's column of the areas is headed by their kind's name: the files' word.
    root = tmp_path / name
    kinds = _without_english_kind_names(EXAMPLES / name, root)
    page = followup_page(root, "en")
    assert kinds_unmarked(page, kinds) == []
    assert own_words_marked_swedish(page, ["Decided", "Organisation", "Goals under"]) == []


def test_the_deciding_body_is_marked_and_the_reports_words_around_it_are_not() -> None:
    english = followup_page(EXAMPLES / "huddinge", "en")
    assert (
        '<strong>Decision:</strong> Decided by <span lang="sv">Kommunfullmäktige</span> '
        "2022-11-21, § 150, case number KS-2022/1234 (the decision" in english
    )
    swedish = followup_page(EXAMPLES / "huddinge", "sv")
    assert "<strong>Beslut:</strong> Beslutad av Kommunfullmäktige 2022-11-21, § 150" in swedish


def test_a_title_in_the_reports_own_words_is_not_marked() -> None:
    # No file of the half-year: its title is the report's ("Interim report …"), not Swedish.
    half = followup_page(EXAMPLES / "huddinge", "en", "2025-H1")
    assert "<h1>Interim report January–June 2025</h1>" in half
    year = followup_page(EXAMPLES / "huddinge", "en")
    assert '<h1 lang="sv">Årsredovisning 2025</h1>' in year


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_swedish_follow_up_report_of_swedish_files_marks_nothing(name: str) -> None:
    page = followup_page(EXAMPLES / name, "sv")
    assert re.findall(r"<[^>]* lang=\"[^\"]*\"", page) == ['<html lang="sv"']
    assert "<span>" not in page


def test_texts_joined_keep_the_files_words_for_a_page_to_mark() -> None:
    said = joined("Decided by ", FilesWord("Kommunfullmäktige"), " 2022-11-21")
    assert said == "Decided by Kommunfullmäktige 2022-11-21"  # the text every format shows
    assert kind_words(said, ' lang="sv"') == (
        'Decided by <span lang="sv">Kommunfullmäktige</span> 2022-11-21'
    )
    assert kind_words(said, "") == "Decided by Kommunfullmäktige 2022-11-21"
    plain = joined("4,3", "\u00a0", "procent")  # nothing of the files' words to mark
    assert type(plain) is str and kind_words(plain, ' lang="sv"') == "4,3\u00a0procent"
    braces = joined("{state} ", FilesWord("{by}"))  # the files' braces are no places
    assert kind_words(braces, ' lang="sv"') == '{state} <span lang="sv">{by}</span>'
