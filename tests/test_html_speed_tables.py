"""The table of indicators writes each chart's pieces straight into its own (`write_chart`):
the same text as the chart's own `chart_html`, in the order of the indicators followed."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from test_chart_one_pass import charts
from test_report_indicators_html import indicator, no_peers
from test_report_item_html import block

from styr.report.chart import Chart
from styr.report.chart_svg import chart_html, chart_text, write_chart
from styr.report.indicators_html import indicator_table_html
from styr.report.item_html import item_html
from styr.report.texts import Labels
from styr.report.view_peers import PeerView
from styr.report.view_types import IndicatorView

HIDDEN = ' class="visually-hidden"'


def charted(chart: Chart | None, title: str) -> IndicatorView:
    plain = indicator(title)
    assert plain.outcome is not None
    return dataclasses.replace(plain, outcome=dataclasses.replace(plain.outcome, chart=chart))


@settings(deadline=None, max_examples=60)
@given(st.lists(charts(), min_size=1, max_size=3))
def test_the_charts_of_a_table_are_their_own_html_in_order(drawn: list[Chart | None]) -> None:
    items = [charted(chart, f"Indikator {n}") for n, chart in enumerate(drawn)]
    table = indicator_table_html(items, Labels("sv"), "Indikatorer", True, no_peers)
    shown = [chart for chart in drawn if chart is not None]
    if shown:
        charts_part = "".join(str(chart_html(chart)) for chart in shown)
        assert f'<div class="charts">{charts_part}</div>' in table
    else:
        assert '<div class="charts">' not in table


@settings(deadline=None, max_examples=30)
@given(charts().filter(lambda chart: chart is not None))
def test_a_chart_written_into_pieces_is_its_text(chart: Chart) -> None:
    pieces = ["before"]
    write_chart(chart, pieces)
    assert pieces[0] == "before" and "".join(pieces[1:]) == chart_text(chart)


def test_a_rows_heading_ends_its_line_once_whether_or_not_it_lists_references() -> None:
    listing = indicator("Andel")
    bare = dataclasses.replace(listing, contributes_to=[])
    for item, before in ((listing, "</li></ul></div>\n"), (bare, "</p>\n")):
        table = indicator_table_html([item], Labels("sv"), "Indikatorer", True, no_peers)
        assert f"{before}</th>\n<td" in table and "\n\n" not in table


@given(st.text(), st.sampled_from(["sv", "en"]))
def test_a_blocks_caption_escaped_with_its_title_is_the_caption_escaped_whole(
    title: str, language: str
) -> None:
    t = Labels(language)
    x = dataclasses.replace(block(title), indicators=[indicator("Andel")])
    written = str(item_html(x, t, 4, "goal", "Mål", "", no_peers))
    assert f"<caption{HIDDEN}>{escape(f'{t.indicators}: {title}')}</caption>" in written


def test_a_table_hands_only_the_indicators_compared_to_its_comparison() -> None:
    peers = PeerView("Liknande", "2024", "1", False, "2", False, "", "", "", "", False, "", "", "")
    compared = dataclasses.replace(indicator("Jämförd"), peers=peers)
    alone = indicator("Ensam")
    handed: list[list[IndicatorView]] = []

    def peer_table(items: list[IndicatorView], t: Labels) -> str:
        handed.append(items)
        return "<p>jämförelse</p>"

    table = indicator_table_html([alone, compared, alone], Labels("sv"), "I", True, peer_table)
    assert handed == [[compared]] and table.endswith("</table>\n</div>\n<p>jämförelse</p>")
    assert "jämförelse" not in indicator_table_html([alone], Labels("sv"), "I", True, peer_table)
