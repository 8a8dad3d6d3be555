"""A planner's mistake in a template of `styr report --templates`, told in their own language.

The refusal names the file and the line, says in plain words what is wrong and what to do,
and gives Jinja's own English only after that, set apart as a technical detail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_helpers import rich_repository, template_refusal, user_template

from styr.errors import UsageError
from styr.messages import message

SWEDISH_DETAIL = "Teknisk uppgift från Jinja, på engelska: ”"
ENGLISH_DETAIL = "Technical detail from Jinja, in English: “"
# Jinja's own words, which may stand only in the detail, never in the explanation before it.
JINJA_WORDS = re.compile(r"Encountered|Unexpected|unexpected|undefined|No filter|No test|object'")


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("mistakes") / "testby")


def _told(error: UsageError, language: str) -> tuple[str, str]:
    """The refusal in `language`: its explanation, and Jinja's words set apart after it."""
    said = message(error.key, language, **error.params)
    explanation, _, detail = said.partition(SWEDISH_DETAIL if language == "sv" else ENGLISH_DETAIL)
    return explanation, detail


@pytest.mark.parametrize(
    ("template", "key", "line", "swedish"),
    [
        (
            "a\n{{ r.municipality | versaler }}",
            "report-template-syntax",
            2,
            "det finns inget filter som heter versaler: kontrollera hur namnet är stavat.",
        ),
        (
            "{% if r %}\nx\n",
            "report-template-syntax",
            2,
            "blocket som {% if %} öppnar stängs aldrig: skriv {% endif %} där blocket ska sluta.",
        ),
        (
            "{% for g in r.goals %}\n{% if g %}\n{% endfor %}",
            "report-template-syntax",
            3,
            "{% endfor %} står där blocket som {% if %} öppnar ännu inte är stängt: stäng "
            "blocken i omvänd ordning mot den de öppnas i, det här först med {% endif %}.",
        ),
        (
            "x\n{% endif %}",
            "report-template-syntax",
            2,
            "{% endif %} stänger ett block som ingen tagg öppnar: ta bort den, eller skriv "
            "taggen som öppnar blocket före den.",
        ),
        (
            "{% inkludera 'x' %}",
            "report-template-syntax",
            1,
            "det finns ingen tagg {% inkludera %}: kontrollera hur den är stavad.",
        ),
        (
            "{{ r.municipality ",
            "report-template-syntax",
            1,
            "mallen tar slut inne i en tagg eller ett uttryck: avsluta varje ”{{” med ”}}”",
        ),
        (
            "{{ r.municipality + }}",
            "report-template-syntax",
            1,
            "se över klamrarna, citattecknen och filtrens namn i taggarna och uttrycken.",
        ),
        (
            "\n{{ kommun }}",
            "report-template-failed",
            2,
            "det finns inget värde som heter kommun i mallen: kontrollera hur namnet är stavat",
        ),
        (
            "{{ r.kommun }}",
            "report-template-failed",
            1,
            "värdet har inget fält som heter kommun: kontrollera hur namnet är stavat.",
        ),
        (
            "{{ t.malen }}",
            "report-template-failed",
            1,
            "rapporten har ingen text som heter t.malen: kontrollera hur namnet är stavat.",
        ),
        (
            '{% import "_macros.md.j2" as m %}\n{{ m.rubrik(1) }}',
            "report-template-failed",
            2,
            "den importerade mallen har inget makro som heter rubrik: kontrollera",
        ),
        (
            "{% macro rad(x) %}{{ x }}{% endmacro %}{{ rad() }}",
            "report-template-failed",
            1,
            "ett makro anropas utan sitt värde x: ge makrot det värdet",
        ),
        (
            "{% if r is tom %}{% endif %}",
            "report-template-failed",
            1,
            "det finns inget test som heter tom (efter is): kontrollera hur namnet är stavat.",
        ),
        ("{{ 1 / 0 }}", "report-template-failed", 1, "den delar med noll."),
    ],
)
def test_a_mistake_is_told_in_swedish_with_jinjas_words_set_apart(
    rich: Path, tmp_path: Path, template: str, key: str, line: int, swedish: str
) -> None:
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    assert (error.key, error.params["name"], error.params["line"]) == (key, "report.md.j2", line)
    explanation, detail = _told(error, "sv")
    assert explanation.startswith("Rapportmallen report.md.j2 ")
    assert f"på rad {line}: " in explanation
    assert swedish in explanation
    assert JINJA_WORDS.search(explanation) is None, explanation
    assert detail.endswith("”") and len(detail) > 1  # Jinja's words, after the explanation
    english, jinja = _told(error, "en")
    assert english != explanation and jinja == detail


def test_a_helpers_own_refusal_has_no_words_of_jinjas(rich: Path, tmp_path: Path) -> None:
    template = "{% set ns = namespace(k='x') %}{{ told(ns, 'k', '') }}"
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    swedish = message(error.key, "sv", **error.params)
    assert swedish == (
        "Rapportmallen report.md.j2 stannade på rad 1: told: t måste vara rapportens egna "
        "texter, det t som mallen får."
    )
    assert "Jinja" not in message(error.key, "en", **error.params)
