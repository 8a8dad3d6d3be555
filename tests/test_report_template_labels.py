"""A user template's labels (`styr report --templates`): a label with places is filled or refused.

`t.sdg_goal` ("Global Goal {goal}: {title}") read as it is would put "{goal}"
on the page; the report stops instead, naming the template, its line and the
call that fills it (`t.get("sdg_goal", goal=…, title=…)`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from report_helpers import rich_repository, template_refusal, user_template

from styr.messages import message
from styr.report import build_report
from styr.report.sandbox_labels import labels_to_fill
from styr.resources import data_dir

CALL = 't.get("sdg_goal", goal=…, title=…)'


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("labels") / "testby")


@pytest.mark.parametrize(
    "read",
    [
        "{{ t.sdg_goal }}",
        '{{ t["sdg_goal"] }}',
        '{{ t | attr("sdg_goal") }}',
        '{{ "{0.sdg_goal}".format(t) }}',
        "{% set s = t.sdg_goal %}",  # read, even if never written
    ],
)
def test_a_label_with_places_read_unfilled_stops_the_report_naming_the_call(
    rich: Path, tmp_path: Path, read: str
) -> None:
    error = template_refusal(
        rich, user_template(tmp_path / "mallar", "{{ t.goals }}\n\n" + read + "\n")
    )
    assert error.key == "report-template-label-to-fill"
    assert error.params == {
        "name": "report.md.j2",
        "template": "report.md.j2",
        "line": 3,
        "label": "sdg_goal",
        "names": "goal, title",
        "call": CALL,
    }
    swedish = message(error.key, "sv", **error.params)
    english = message(error.key, "en", **error.params)
    assert swedish.startswith("Rapportmallen report.md.j2 stannade på rad 3: t.sdg_goal ")
    assert english.startswith("The report template report.md.j2 stopped on line 3: t.sdg_goal ")
    assert CALL in swedish and CALL in english
    assert "{" not in swedish + english


def test_the_refusal_names_the_included_template_and_its_line(rich: Path, tmp_path: Path) -> None:
    folder = user_template(tmp_path / "mallar", '{% include "del/bit.j2" %}\n')
    user_template(
        folder,
        "ok\n{{ t.get('sdg_goal', goal='4', title='x') }}\n{{ t.kolada_link }}\n",
        "del/bit.j2",
    )
    error = template_refusal(rich, folder)
    assert (error.params["template"], error.params["line"]) == ("del/bit.j2", 3)
    assert (error.params["label"], error.params["call"]) == (
        "kolada_link",
        't.get("kolada_link", kpi=…)',
    )


@pytest.mark.parametrize(
    ("language", "written"),
    [("sv", "Globala målet 4: God utbildning"), ("en", "Global Goal 4: God utbildning")],
)
def test_a_label_with_places_is_written_filled(
    rich: Path, tmp_path: Path, language: str, written: str
) -> None:
    template = (
        "{{ t.goals }}|{{ t.get('sdg_goal', goal='4', title='God utbildning') }}|"
        "{{ told(t, 'sdg_goal', '', goal='4', title='God utbildning') }}|"
    )
    folder = user_template(tmp_path / "mallar", template)
    page = build_report([rich], "md", language, folder, allow_errors=True)
    goals = {"sv": "Mål", "en": "Goals"}[language]
    assert page.startswith(f"{goals}|{written}|{written}|")


def test_every_bundled_template_works_as_a_user_template(rich: Path, tmp_path: Path) -> None:
    # A copy of the bundled templates is where an author starts: none reads a label unfilled.
    folder = tmp_path / "mallar"
    shutil.copytree(data_dir("templates"), folder, ignore=shutil.ignore_patterns("site"))
    for fmt in ("html", "md"):
        bundled = build_report([rich], fmt, None, None, allow_errors=True)
        assert build_report([rich], fmt, None, folder, allow_errors=True) == bundled


def test_the_labels_to_fill_are_those_with_places_in_their_order() -> None:
    to_fill = labels_to_fill()
    assert to_fill["sdg_goal"] == ("goal", "title")
    assert to_fill["page_of"] == ("page", "pages")
    assert "goals" not in to_fill and "board_unreadable" not in to_fill
