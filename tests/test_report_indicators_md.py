"""A table of indicators in the Markdown report, written in one pass (`styr.report.indicators_md`):
every text from the files escaped for Markdown, and the macro of a folder of templates the same."""

from __future__ import annotations

from styr.report.followup import OutcomeView, StatusView
from styr.report.indicators_md import indicator_table_md
from styr.report.links import ExternalLink
from styr.report.render import environment
from styr.report.texts import Labels
from styr.report.view_types import IndicatorView, Ref, ValueAt

HOSTILE = "*Fler* | <b>elever</b>"
ESCAPED = r"\*Fler\* \| \<b\>elever\</b\>"


def indicator(text: str = "Andel nöjda", outcome: bool = True) -> IndicatorView:
    return IndicatorView(
        id="i1",
        anchor="indikator-i1",
        title=text,
        kind="Indikator",
        paragraphs=[text],
        unit=text,
        better="Högre värde är bättre",
        baseline=ValueAt("2022", "38", text),
        targets=[ValueAt("2025", "50"), ValueAt("2026", "55")],
        milestones=[],
        kolada=ExternalLink("N15428", "https://example.org/?a=1", text),
        agenda2030=[ExternalLink(text, None, text)],
        contributes_to=[Ref("m1", text, "#mal-m1"), Ref("m2", "m2", None)],
        gender_breakdown=False,
        source=text,
        outcome=(
            OutcomeView(
                "2025", "46", "45", "", "92 %", StatusView("met", "✓", "Uppfyllt"), "", "", ""
            )
            if outcome
            else None
        ),
    )


def bare() -> IndicatorView:
    return IndicatorView(
        "i2", "indikator-i2", "Utan", "Indikator", [], "", "", None, [], [], None, [], [], False, ""
    )


def no_peers(items: list[IndicatorView], t: Labels) -> str:
    raise AssertionError("no indicator here has a comparison")


def test_every_row_and_its_cells() -> None:
    table = indicator_table_md([indicator(), bare()], Labels("sv"), no_peers)
    lines = table.split("\n")
    assert lines[1] == "| Indikator | Utgångsvärde | Målvärden | Utfall 2025 | Länkar |"
    assert lines[2] == "| --- | --- | --- | --- | --- |"
    assert lines[3].startswith('| <a id="indikator-i1"></a>**Andel nöjda**<br>Enhet: Andel nöjda')
    assert lines[3].endswith(
        " | 2022: 38 (Andel nöjda) | 2025: 50<br>2026: 55 | 46 (kvinnor 45)<br>✓ Uppfyllt"
        " (92 % uppfyllelse) | Kolada: [N15428](https://example.org/?a=1)<br>"
        "Agenda 2030: Andel nöjda |"
    )
    assert (
        lines[4] == '| <a id="indikator-i2"></a>**Utan** | Inga värden är angivna ännu. |  |  |  |'
    )
    assert "[Andel nöjda](#mal-m1), *m2 (" in lines[3]


def test_text_from_the_files_cannot_make_markdown() -> None:
    table = indicator_table_md([indicator(HOSTILE)], Labels("sv"), no_peers)
    assert f"**{ESCAPED}**" in table and f"[{ESCAPED}](#mal-m1)" in table
    assert "<b>" not in table


def test_the_macro_a_folder_of_templates_calls_writes_the_same_table() -> None:
    items = [indicator(HOSTILE), indicator(outcome=False), bare()]
    t = Labels("sv")
    template = environment("md", None).from_string(
        '{% from "_macros.md.j2" import indicator_table %}{{ indicator_table(items, t) }}'
    )
    assert template.render(items=items, t=t) == indicator_table_md(items, t, no_peers)
    assert indicator_table_md([], t, no_peers) == ""
