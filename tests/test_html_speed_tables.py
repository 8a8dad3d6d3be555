"""The table of indicators writes each chart's pieces straight into its own (`write_chart`):
the same text as the chart's own `chart_html`, in the order of the indicators followed."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from test_chart_one_pass import charts
from test_report_indicators_html import indicator, no_peers

from styr.report.chart import Chart
from styr.report.chart_svg import chart_html, chart_text, write_chart
from styr.report.indicators_html import indicator_table_html
from styr.report.texts import Labels
from styr.report.view_types import IndicatorView


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
