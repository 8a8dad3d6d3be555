"""A chart's legend is written once for each legend the charts share, kept by the identity
of its items: the text kept is given only for those very items at the same place."""

from __future__ import annotations

from styr.report.chart_layout import DIAMOND, DOT
from styr.report.chart_parts import LegendItem
from styr.report.chart_svg_parts import legend_html as _legend
from styr.report.chart_svg_parts import legend_of as _legend_of


def test_a_legend_kept_is_given_for_its_own_items_at_its_own_place_only() -> None:
    items = (LegendItem("outcome", "Utfall", 4.0), LegendItem("target", "<Mål>", 88.0))
    same_words = (LegendItem("outcome", "Utfall", 4.0), LegendItem("target", "<Mål>", 88.0))
    other = (LegendItem("baseline", "Utgångsvärde", 4.0),)
    for legend_y, legend in ((192.0, items), (210.0, items), (192.0, other), (192.0, items)):
        assert _legend_of(legend_y, legend) == _legend(legend_y, legend, DOT, DIAMOND)
    assert _legend_of(192.0, same_words) == _legend(192.0, items, DOT, DIAMOND)
    assert 'transform="translate(0 210.0)"' in _legend_of(210.0, items)
    assert "&lt;Mål&gt;" in _legend_of(192.0, items)
