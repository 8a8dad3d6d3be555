"""Amounts in findings are written the way the reader's language writes numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import repository_with_negative_amounts

from styr.findings import Finding, Severity
from styr.lint import lint_paths
from styr.rules.catalogue import BY_CODE


@pytest.fixture
def off_course(tmp_path: Path) -> Finding:
    findings = lint_paths([repository_with_negative_amounts(tmp_path)]).findings
    return next(finding for finding in findings if finding.code == "G013")


def test_a_milestone_off_course_is_written_with_a_decimal_comma_in_swedish(
    off_course: Finding,
) -> None:
    message = BY_CODE["G013"].render(off_course, "sv")
    assert "etappmålet 85,5 (2027)" in message
    assert "från \u22121\u00a0250,5 mot målvärdet \u22122\u00a0000" in message


def test_a_milestone_off_course_is_written_with_a_decimal_point_in_english(
    off_course: Finding,
) -> None:
    message = BY_CODE["G013"].render(off_course, "en")
    assert "the milestone 85.5 (2027)" in message
    assert "from -1,250.5 towards the target -2,000" in message


@pytest.mark.parametrize(
    ("language", "shown"), [("sv", "målvärdet 12\u00a0345,25 (2030)"), ("en", "12,345.25 (2030)")]
)
def test_every_rule_shows_an_amount_in_the_language_and_a_year_as_it_is(
    language: str, shown: str
) -> None:
    finding = Finding(
        "G012",
        Severity.WARNING,
        None,
        params={
            "title": "Väntetid",
            "target": 12345.25,
            "year": 2030,
            "baseline": 45.0,
            "better": "lägre är bättre",
            "better_en": "lower is better",
        },
    )
    message = BY_CODE["G012"].render(finding, language)
    assert shown in message
    assert "baseline 45," in message or "utgångsvärdet 45," in message
