"""A planner's mistake in a template of `styr report --templates`, told in their own language.

The refusal names the file and the line, says in plain words what is wrong and what to do,
and gives Jinja's own English only after that, set apart as a technical detail. A folder's
copy of a bundled template made for an earlier styr is named as such, with what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from report_helpers import rich_repository, template_refusal, user_template

from styr.errors import UsageError
from styr.messages import message
from styr.report import build_report
from styr.resources import data_dir

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
    return explanation.rstrip(), detail


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


@pytest.mark.parametrize(
    ("template", "swedish", "jinja"),
    [
        (
            '{% include "saknas.j2" %}',
            "den ber om mallen saknas.j2, som varken finns i mallmappen eller bland styrs egna: "
            "kontrollera hur namnet är stavat och att mallen ligger i mappen.",
            False,
        ),
        (
            "{{ r.__class__ }}",
            "den läser en del av ett värde som en mall inte får läsa, av säkerhetsskäl: ta bort "
            "den delen.",
            True,
        ),
    ],
)
def test_a_template_that_cannot_be_used_at_all_is_told_so_in_swedish(
    rich: Path, tmp_path: Path, template: str, swedish: str, jinja: bool
) -> None:
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    assert error.key == "report-template-error"
    explanation, detail = _told(error, "sv")
    assert explanation == f"Rapportmallen report.md.j2 går inte att använda: {swedish}"
    assert bool(detail) == jinja
    assert _told(error, "en")[0] != explanation


def _old_macros(folder: Path, old: str) -> Path:
    """A template folder holding a copy of the bundled `_macros.html.j2` made older by `old`."""
    text = (data_dir("templates") / "_macros.html.j2").read_text("utf-8")
    older = old_copy_of(text) if old == "xl" else _without_macro(text, old)
    assert older != text
    return user_template(folder, older, "_macros.html.j2")


def old_copy_of(text: str) -> str:
    """The macros as they were before the HTML macros took `xl`, the files' language."""
    return re.sub(r',\s*xl=""', "", text)


def _without_macro(text: str, macro: str) -> str:
    return re.sub(rf"{{% macro {macro}\(.*?{{%- endmacro %}}\n", "", text, count=1, flags=re.S)


@pytest.mark.parametrize(("old", "macro"), [("xl", None), ("toc", "toc")])
def test_an_old_copy_of_the_bundled_macros_is_named_with_what_to_do(
    rich: Path, tmp_path: Path, old: str, macro: str | None
) -> None:
    folder = _old_macros(tmp_path / "mallar", old)
    with pytest.raises(UsageError) as caught:
        build_report([rich], "html", None, folder, allow_errors=True)
    error = caught.value
    assert error.key == "report-template-old-copy"
    assert error.params["name"] == "_macros.html.j2"
    if macro is not None:
        assert error.params["macro"] == macro
    swedish = message(error.key, "sv", **error.params)
    assert swedish.startswith("Mallmappens _macros.html.j2 är en kopia av den inbyggda")
    assert "Kopiera den nya _macros.html.j2" in swedish and "ta bort din kopia" in swedish


def test_an_old_copy_ends_the_command_with_exit_code_2_and_no_internal_error(
    rich: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    folder = _old_macros(tmp_path / "mallar", "xl")
    out = tmp_path / "r.html"
    result = run_cli("report", rich, "--templates", folder, "--allow-errors", "-o", out)
    assert result.code == 2
    assert "Mallmappens _macros.html.j2 är en kopia" in result.err
    assert "Internt fel" not in result.err and "Traceback" not in result.err
    assert not out.exists()


def test_a_copy_of_the_bundled_macros_as_they_are_is_no_old_copy(
    rich: Path, tmp_path: Path
) -> None:
    text = (data_dir("templates") / "_macros.html.j2").read_text("utf-8")
    folder = user_template(tmp_path / "mallar", text, "_macros.html.j2")
    assert build_report([rich], "html", None, folder, allow_errors=True).startswith("<!DOCTYPE")
    # A mistake in the folder's own template is its own, told at its line.
    user_template(folder, '{% import "_macros.html.j2" as m %}\n{{ m.toc(1, 2, 3) }}')
    error = template_refusal(rich, folder)
    assert error.key != "report-template-old-copy"
