"""An indicator's chart in the Markdown report: its name line and the table of its numbers,
written in one pass (`styr.report.chart_md`), every text escaped for Markdown."""

from __future__ import annotations

from chart_helpers import period

from styr.report.chart import Chart, ChartOutcome, build_chart
from styr.report.render import environment


def made_chart(title: str = "Andel nöjda", unit: str = "procent", gender: bool = True) -> Chart:
    split = (45.0, 47.5) if gender else (None, None)
    made = build_chart(
        title=title,
        unit=unit,
        better="higher",
        outcomes=[ChartOutcome(period("2024"), 40.0), ChartOutcome(period("2025"), 46.0, *split)],
        baseline=(2022, 38.0),
        targets=[(2025, 50.0), (2026, 55.0)],
        value_range=None,
        language="sv",
        chart_id="graf-a",
    )
    assert made is not None
    return made


def test_the_name_line_and_every_row_of_the_table() -> None:
    assert made_chart().markdown() == (
        "**Andel nöjda** · Högre värde är bättre · ↗ Högre än 2024 – bättre\n"
        "\n"
        "| Period | Utfall (procent) | Mål | Kvinnor | Män |\n"
        "| --- | ---: | ---: | ---: | ---: |\n"
        "| 2022 (utgångsvärde) | 38 |  |  |  |\n"
        "| 2024 | 40 |  |  |  |\n"
        "| 2025 | 46 | 50 | 45 | 47,5 |\n"
        "| 2026 |  | 55 |  |  |\n"
    )


def test_a_chart_without_gender_has_no_columns_for_it() -> None:
    table = made_chart(gender=False).markdown()
    assert "| Period | Utfall (procent) | Mål |\n| --- | ---: | ---: |\n" in table
    assert "Kvinnor" not in table


def test_text_from_the_files_cannot_make_markdown() -> None:
    hostile = "*Fler* | <b>elever</b> [x](y)"
    table = made_chart(title=hostile, unit=hostile).markdown()
    escaped = r"\*Fler\* \| \<b\>elever\</b\> \[x\](y)"
    assert table.startswith(f"**{escaped}**")
    assert f"| Utfall ({escaped}) |" in table
    assert "<b>" not in table


def test_the_macro_of_a_folder_of_templates_writes_the_same_table() -> None:
    c = made_chart()
    template = environment("md", None).from_string(
        '{% from "_macros.md.j2" import chart_table %}{{ chart_table(c) }}'
    )
    assert template.render(c=c) == c.markdown()
