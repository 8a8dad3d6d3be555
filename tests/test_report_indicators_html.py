"""A table of indicators in the HTML report, written in one pass (`styr.report.indicators_html`):
every text from the files escaped, and the macro of a folder of templates the same table."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markupsafe import Markup

from styr.report.followup import OutcomeView, StatusView
from styr.report.indicators_html import indicator_table_html
from styr.report.links import ExternalLink
from styr.report.render import environment
from styr.report.texts import Labels
from styr.report.view_types import IndicatorView, Ref, ValueAt

HOSTILE = "<b>\"&'"


def indicator(text: str = "Andel nöjda", outcome: bool = True) -> IndicatorView:
    return IndicatorView(
        id="i1",
        anchor="indikator-i1",
        title=text,
        kind="Indikator",
        paragraphs=[text],
        unit=text,
        better=text,
        baseline=ValueAt("2022", "38", text),
        targets=[ValueAt("2026", "55", "")],
        milestones=[],
        kolada=ExternalLink(text, "https://example.org/?a=1&b=2", text),
        agenda2030=[ExternalLink(text, None, text)],
        contributes_to=[Ref("m1", text, "#mal-m1"), Ref("m2", "m2", None)],
        gender_breakdown=True,
        source=text,
        outcome=(
            OutcomeView(
                "2025", "46", "45", "47", "92 %", StatusView("met", "✓", text), "", text, text
            )
            if outcome
            else None
        ),
        provenance=text,
        decision=text,
    )


def no_peers(items: list[IndicatorView], t: Labels) -> str:
    raise AssertionError("no indicator here has a comparison")


def test_every_text_from_the_files_is_escaped_and_the_table_stays_well_formed() -> None:
    table = indicator_table_html([indicator(HOSTILE)], Labels("sv"), HOSTILE, True, no_peers)
    assert isinstance(table, Markup)
    assert "<b>" not in table and "&lt;b&gt;&#34;&amp;&#39;" in table
    parsed = ElementTree.fromstring(table.replace("<br>", "<br/>"))
    assert parsed.findtext(".//caption") == HOSTILE
    heading = parsed.find(".//tbody/tr/th")
    assert heading is not None and (heading.text or "").startswith(HOSTILE)
    assert 'href="https://example.org/?a=1&amp;b=2"' in table


def test_an_indicator_without_values_says_so_across_the_columns() -> None:
    bare = IndicatorView(
        "i2", "indikator-i2", "Utan", "Indikator", [], "", "", None, [], [], None, [], [], False, ""
    )
    table = indicator_table_html([indicator(), bare], Labels("sv"), "Indikatorer", False, no_peers)
    assert '<td class="no-values" colspan="4">' in table
    alone = indicator_table_html([bare], Labels("sv"), "Indikatorer", False, no_peers)
    assert '<p class="no-values">' in alone and "<td" not in alone
    assert indicator_table_html([], Labels("sv"), "Indikatorer", False, no_peers) == ""


def test_the_macro_a_folder_of_templates_calls_writes_the_same_table() -> None:
    items = [indicator(HOSTILE), indicator(outcome=False)]
    t = Labels("sv")
    template = environment("html", None).from_string(
        '{% from "_macros.html.j2" import indicator_table %}'
        "{{ indicator_table(items, t, caption, true) }}"
    )
    expected = indicator_table_html(items, t, HOSTILE, True, no_peers)
    assert template.render(items=items, t=t, caption=HOSTILE) == expected
