"""The pieces of an indicator's chart in HTML that every chart of a kind writes alike.

The SVG's opening and axes (once for each set of axes), the word "Target"
where it stands, the legend, and the table's head and row cells (once for
each set of words and columns): shared by the chart of any shape
(`chart_svg`) and the chart of one outcome (`chart_one_svg`). Every text goes
through markupsafe's `escape`, as Jinja's autoescape does.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from styr.report.chart_layout import DIAMOND, DOT
from styr.report.html_escape import escaped_text as _e

if TYPE_CHECKING:
    from styr.report.chart_layout import Axes
    from styr.report.chart_parts import Label, LegendItem

# The legend's marks, by kind; the word follows each at x=22.
_LEGEND_MARKS = {
    "outcome": '<path d="M0-4H16" stroke="currentColor" stroke-width="2.5"></path>'
    '<path d="M4-4{dot}"></path>',
    "target": '<path d="M0-4H16" stroke="#0a4a7a" stroke-width="2" stroke-dasharray="6 4"></path>'
    '<path d="M8-9{diamond}" fill="#ffffff" stroke="#0a4a7a" stroke-width="2"></path>',
    "baseline": '<rect x="4" y="-8" width="8" height="8" fill="#ffffff" stroke="#4a5360"'
    ' stroke-width="2"></rect>',
}


@functools.lru_cache(maxsize=4096)  # by the axes' identity: charts that share them, share this
def axes_html(axes: Axes) -> tuple[str, str, str]:
    """The SVG's opening around its names (its size, written once for the axes, not once a
    chart), then the grid, the values beside the plot, the axis and the periods under it."""
    f = axes.frame
    value_x, label_y = f.value_x, f.label_y
    values = "".join(
        f'<text x="{value_x}" y="{tick.at}" dy=".35em">{_e(tick.text)}</text>'
        for tick in axes.y_ticks
    )
    periods = "".join(
        f'<text x="{tick.at}" y="{label_y}">{_e(tick.text)}</text>' for tick in axes.x_ticks
    )
    return (
        f'<svg class="chart-svg" viewBox="0 0 {f.width} {f.height}" role="img" aria-labelledby="',
        f' font-size="{f.font_size}" fill="currentColor">\n<desc id="',
        f'<path class="chart-grid" d="{axes.grid}" stroke="#c6d0db"></path>\n'
        f'<g class="chart-values" text-anchor="end">{values}</g>\n'
        f'<path class="chart-axis" d="M{f.left} {f.bottom}H{f.right}" stroke="currentColor"'
        ' stroke-width="1.5"></path>\n'
        f'<g class="chart-periods" text-anchor="middle">{periods}</g>\n',
    )


# The legends written, by the identity of their items (kept with them, so that no other can
# take their identity, and with where they stand): charts share a few legends, each the same
# object (`chart_layout`), and hashing its items' texts and places was most of the cost.
_LEGENDS: dict[int, tuple[tuple[LegendItem, ...], float, str]] = {}
_LEGENDS_KEPT = 256


def legend_of(legend_y: float, items: tuple[LegendItem, ...]) -> str:
    """`legend_html` of the items, written once for each legend the charts share."""
    kept = _LEGENDS.get(id(items))
    if kept is not None and kept[0] is items and kept[1] == legend_y:
        return kept[2]
    text = legend_html(legend_y, items, DOT, DIAMOND)
    if len(_LEGENDS) < _LEGENDS_KEPT:
        _LEGENDS[id(items)] = (items, legend_y, text)
    return text


TARGETS_OPEN = '<g class="chart-targets" stroke="#0a4a7a" stroke-width="2">'


def target_marks_html(marks: str) -> str:
    """The targets' diamonds (path `marks`), closing the group `TARGETS_OPEN` opens."""
    return f'<path class="chart-target-mark" d="{marks}" fill="#ffffff"></path></g>'


def baseline_mark_html(square: str) -> str:
    """The baseline's square (path `square`)."""
    return (
        f'<path class="chart-baseline" d="{square}" fill="#ffffff" stroke="#4a5360"'
        ' stroke-width="2"></path>'
    )


@functools.lru_cache(maxsize=4096)  # a few places on each set of axes: each written once
def target_label_html(label: Label) -> str:
    """The word "Target" where it stands, its place written once for all the charts with it
    there (a float's text took longer than the rest of the mark)."""
    return (
        f'<text class="chart-target-label" x="{label.x}" y="{label.y}"'
        f' text-anchor="{label.anchor}" fill="#0a4a7a" font-weight="600">'
        f"{_e(label.text)}</text>"
    )


@functools.lru_cache(maxsize=256)
def legend_html(legend_y: float, items: tuple[LegendItem, ...], dot: str, diamond: str) -> str:
    """The legend under the plot, and the SVG's end: the same few on every chart of a page,
    written once each."""
    out = [f'<g class="chart-legend" transform="translate(0 {legend_y})">']
    for item in items:
        mark = _LEGEND_MARKS.get(item.kind, _LEGEND_MARKS["baseline"])
        out.append(
            f'<g transform="translate({item.x} 0)">{mark.format(dot=dot, diamond=diamond)}'
            f'<text x="22">{_e(item.text)}</text></g>'
        )
    out.append("</g>\n</svg>\n")  # the SVG's end, with the legend that ends it
    return "".join(out)


TABLE_START = '<div class="chart-numbers">\n<table class="chart-table">\n<caption>'
ROW_START = '<tr><th scope="row">'
ROW_END = "</td></tr>\n"


def write_rows(
    rows: Sequence[Sequence[str]],
    has_targets: bool,
    has_gender: bool,
    outcome: str,
    target: str,
    women: str,
    men: str,
    out: list[str],
) -> None:
    """The table's rows a piece at a time, each value after the end of the cell before and the
    start of its own (`table_shape`): joined once with the rest of the page, not made into a
    text of its own first (that was a third of the cost of a row)."""
    e = _e
    # The columns chosen once for the table, not again for each of its rows.
    if has_targets and has_gender:
        for period, value, goal, w, m in rows:
            out += (ROW_START, e(period), outcome, e(value), target, e(goal))
            out += (women, e(w), men, e(m), ROW_END)
    elif has_targets:
        for period, value, goal, _, _ in rows:
            out += (ROW_START, e(period), outcome, e(value), target, e(goal), ROW_END)
    elif has_gender:
        for period, value, _, w, m in rows:
            out += (ROW_START, e(period), outcome, e(value), women, e(w), men, e(m), ROW_END)
    else:
        for period, value, _, _, _ in rows:
            out += (ROW_START, e(period), outcome, e(value), ROW_END)


@functools.lru_cache(maxsize=256)  # by the words and the columns: the same few on every chart
def table_shape(
    period: str,
    outcome: str,
    outcome_short: str,
    target: str,
    women: str,
    men: str,
    has_targets: bool,
    has_gender: bool,
) -> tuple[str, str, str, str, str]:
    """The table's head after its caption, and what goes before each value of a row: the end
    of the cell before and the start of the value's own (labelled with its column). `outcome`,
    the heading of the outcomes with the unit, is markup already (the unit may be marked)."""
    target, women, men = _e(target), _e(women), _e(men)
    head = f'</caption>\n<thead><tr><th scope="col">{_e(period)}</th><th scope="col">{outcome}</th>'
    if has_targets:
        head += f'<th scope="col">{target}</th>'
    if has_gender:
        head += f'<th scope="col">{women}</th><th scope="col">{men}</th>'
    return (
        head + "</tr></thead>\n<tbody>\n",
        f'</th><td data-label="{_e(outcome_short)}">',
        f'</td><td data-label="{target}">',
        f'</td><td data-label="{women}">',
        f'</td><td data-label="{men}">',
    )
