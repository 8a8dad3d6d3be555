"""An indicator's chart as HTML: the inline SVG and the table of the same numbers, in one pass.

This writes what the template `_chart.html.j2` once laid out with loops and
filters, byte for byte, as a list of string pieces joined once: on a report
of 100,000 indicators the macro cost more than building the charts. Every
text goes through markupsafe's `escape` (the one HTML escape, as Jinja's
autoescape does); the numbers and positions are the chart's own (its
`Marks`), and what the charts that share their axes or their words share
(the axes, the legend, the table's head) is written once for all. The SVG
carries its colours as attributes, so that it reads right with any
stylesheet; a page's stylesheet may refine them (.chart-…,
templates/_chart.css.j2). The target is dashed, marked with diamonds and
labelled, never told by colour alone.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from styr.report.chart_layout import DIAMOND, DOT, legend_items
from styr.report.chart_one import OneOutcome
from styr.report.chart_words import (
    description,
    labels_in,
    marked_words,
    one_outcome_description,
    unit_words,
)
from styr.report.html_escape import escaped_text as _e

if TYPE_CHECKING:
    from styr.report.chart import Chart
    from styr.report.chart_layout import Axes
    from styr.report.chart_parts import Label, LegendItem, Marks


# The legend's marks, by kind; the word follows each at x=22.
_LEGEND_MARKS = {
    "outcome": '<path d="M0-4H16" stroke="currentColor" stroke-width="2.5"></path>'
    '<path d="M4-4{dot}"></path>',
    "target": '<path d="M0-4H16" stroke="#0a4a7a" stroke-width="2" stroke-dasharray="6 4"></path>'
    '<path d="M8-9{diamond}" fill="#ffffff" stroke="#0a4a7a" stroke-width="2"></path>',
    "baseline": '<rect x="4" y="-8" width="8" height="8" fill="#ffffff" stroke="#4a5360"'
    ' stroke-width="2"></rect>',
}


def chart_html(c: Chart) -> Markup:
    """The chart's `<figure>`: caption, SVG and table, as `_chart.html.j2`'s `chart(c)` shows it."""
    return Markup(chart_text(c))


def chart_text(c: Chart, xl: str = "") -> str:
    """`chart_html` as a plain text; `xl` as `write_chart` takes it."""
    pieces: list[str] = []
    write_chart(c, pieces, xl)
    return "".join(pieces)


def write_chart(c: Chart, out: list[str], xl: str = "") -> None:
    """The chart's pieces added to `out`, for a part of the page that joins them with its own
    once (`indicators_html`): joined here first, each chart was copied once more.

    `xl` is the `lang` attribute (` lang="sv"`, escaped already) of the texts that come from
    the files, the title and the unit, where the page speaks another language (WCAG 3.1.2);
    "" where it speaks theirs."""
    chart_id = _e(c.id)  # named by the figure, the title and the description: escaped once
    _figure_start(c, chart_id, xl, out)
    parts = c.parts
    if type(parts) is OneOutcome:  # nearly every chart: written from what it was made of
        _one_outcome(c, parts, chart_id, xl, out)
    else:
        _svg(c, chart_id, xl, out)
        _table(c, xl, out)
    out.append("</figure>")


def _figure_start(c: Chart, chart_id: str, xl: str, out: list[str]) -> None:
    out.append(
        f'<figure class="chart" id="{chart_id}">\n<figcaption class="chart-caption">'
        f'<span class="chart-title" id="{chart_id}-namn"{xl}>{_e(c.title)}</span>'
    )
    if c.direction:
        out.append(f' <span class="chart-direction">{_e(c.direction)}.</span>')
    if c.trend:
        out.append(
            f' <span class="chart-trend"><span aria-hidden="true">{_e(c.trend_symbol)}</span>'
            f" {_e(c.trend)}.</span>"
        )
    out.append("</figcaption>\n")


def _svg(c: Chart, chart_id: str, xl: str, out: list[str]) -> None:
    d = c.drawing.marks()  # the marks alone: the SVG needs no `Point` of the drawing
    opening, middle, drawn_axes = _axes(d.axes)
    unit = f'<text class="chart-unit" x="4" y="14"{xl}>{_e(c.unit)}</text>' if c.unit else ""
    out.append(
        f'{opening}{chart_id}-namn {chart_id}-beskrivning"{middle}{chart_id}-beskrivning">'
        f"{_e(c.description)}</desc>\n{unit}{drawn_axes}"
    )
    _marks(d, out)
    out.append(_legend_of(d.axes.frame.legend_y, d.legend))


def _one_outcome(c: Chart, p: OneOutcome, chart_id: str, xl: str, out: list[str]) -> None:
    """`_svg` and `_table` of a chart of one outcome, a target or none and no range, written
    from what it was made of: its marks from their places (`OneOutcome.spots`), as `_marks`
    writes the `Marks` it would be given, and each value written once for the description
    and the table, with no `Written`, rows or words made for them."""
    language, outcome = p.language, p.outcome
    values = p.values()
    value, goal, start = values
    t = labels_in(language)
    said = one_outcome_description(
        t,
        outcome.period.text,
        value,
        (str(goal[0]), goal[1]) if goal else None,
        (str(start[0]), start[1]) if start else None,
    )
    axes, point, target, base = p.spots()
    opening, middle, drawn_axes = _axes(axes)
    unit = f'<text class="chart-unit" x="4" y="14"{xl}>{_e(c.unit)}</text>' if c.unit else ""
    out.append(
        f'{opening}{chart_id}-namn {chart_id}-beskrivning"{middle}{chart_id}-beskrivning">'
        f"{_e(description(t, p.written()) if said is None else said)}</desc>\n{unit}{drawn_axes}"
    )
    if target is not None:
        out.append(
            '<g class="chart-targets" stroke="#0a4a7a" stroke-width="2">'
            f'<path class="chart-target-mark" d="{target.diamond}" fill="#ffffff"></path></g>'
        )
        out.append(_target_label(axes.target_label(language, target)))
    if base is not None:
        out.append(
            f'<path class="chart-baseline" d="{base.square}" fill="#ffffff" stroke="#4a5360"'
            ' stroke-width="2"></path>'
        )
    out.append(f'<path class="chart-point" d="{point.dot}"></path>\n')
    legend = legend_items(language, target is not None, base is not None)
    out.append(_legend_of(axes.frame.legend_y, legend))
    _one_outcome_table(c, p, xl, p.plain_rows(values), out)


def _one_outcome_table(
    c: Chart, p: OneOutcome, xl: str, rows: Sequence[Sequence[str]], out: list[str]
) -> None:
    """`_table` of a chart of one outcome, its rows given: its words read as `chart_words`
    tells them, without a `ChartWords` made of them."""
    period, outcome, outcome_short, target, _, women, men, caption = unit_words(p.language, p.unit)
    if xl:
        told, outcome_heading = marked_words(p.language, p.unit, p.title, xl)
    else:
        pieces = caption.pieces
        told = _e(pieces[0] + p.title + pieces[1] if pieces is not None else caption.fill(p.title))
        outcome_heading = ""
    has_targets, has_gender = c.has_targets, c.has_gender
    head, outcome_cell, target_cell, women_cell, men_cell = _table_shape(
        period,
        outcome_heading or _e(outcome),
        outcome_short,
        target,
        women,
        men,
        has_targets,
        has_gender,
    )
    out += (_TABLE_START, told, head)
    _rows(rows, has_targets, has_gender, outcome_cell, target_cell, women_cell, men_cell, out)
    out.append("</tbody>\n</table>\n</div>\n")


@functools.lru_cache(maxsize=4096)  # by the axes' identity: charts that share them, share this
def _axes(axes: Axes) -> tuple[str, str, str]:
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


def _marks(d: Marks, out: list[str]) -> None:
    """The band, the targets and their word, the baseline, the line and the points."""
    f = d.axes.frame
    if d.band:
        out.append(
            f'<rect class="chart-band" x="{f.left}" y="{d.band.top}" width="{f.plot_width}"'
            f' height="{d.band.height}" fill="#e8f1f9" stroke="#0a4a7a" stroke-width="1.5"'
            ' stroke-dasharray="6 4"></rect>'
        )
    if d.targets:
        out.append('<g class="chart-targets" stroke="#0a4a7a" stroke-width="2">')
        if d.target_line:
            out.append(
                f'<polyline class="chart-target" points="{d.target_line}" fill="none"'
                ' stroke-dasharray="6 4"></polyline>'
            )
        out.append(
            f'<path class="chart-target-mark" d="{d.target_marks}" fill="#ffffff"></path></g>'
        )
    if d.target_label:
        out.append(_target_label(d.target_label))
    if d.baseline:
        out.append(
            f'<path class="chart-baseline" d="{d.baseline_mark}" fill="#ffffff" stroke="#4a5360"'
            ' stroke-width="2"></path>'
        )
    if d.line:
        out.append(
            f'<polyline class="chart-line" points="{d.line}" fill="none" stroke="currentColor"'
            ' stroke-width="2.5" stroke-linejoin="round"></polyline>'
        )
    out.append(f'<path class="chart-point" d="{d.point_marks}"></path>\n')


# The legends written, by the identity of their items (kept with them, so that no other can
# take their identity, and with where they stand): charts share a few legends, each the same
# object (`chart_layout`), and hashing its items' texts and places was most of the cost.
_LEGENDS: dict[int, tuple[tuple[LegendItem, ...], float, str]] = {}
_LEGENDS_KEPT = 256


def _legend_of(legend_y: float, items: tuple[LegendItem, ...]) -> str:
    """`_legend` of the items, written once for each legend the charts share."""
    kept = _LEGENDS.get(id(items))
    if kept is not None and kept[0] is items and kept[1] == legend_y:
        return kept[2]
    text = _legend(legend_y, items, DOT, DIAMOND)
    if len(_LEGENDS) < _LEGENDS_KEPT:
        _LEGENDS[id(items)] = (items, legend_y, text)
    return text


@functools.lru_cache(maxsize=4096)  # a few places on each set of axes: each written once
def _target_label(label: Label) -> str:
    """The word "Target" where it stands, its place written once for all the charts with it
    there (a float's text took longer than the rest of the mark)."""
    return (
        f'<text class="chart-target-label" x="{label.x}" y="{label.y}"'
        f' text-anchor="{label.anchor}" fill="#0a4a7a" font-weight="600">'
        f"{_e(label.text)}</text>"
    )


@functools.lru_cache(maxsize=256)
def _legend(legend_y: float, items: tuple[LegendItem, ...], dot: str, diamond: str) -> str:
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


def _table(c: Chart, xl: str, out: list[str]) -> None:
    words = c.words
    has_targets, has_gender = c.has_targets, c.has_gender
    caption, outcome_heading = (
        marked_words(c.language, c.unit, c.title, xl) if xl else (_e(words.caption), "")
    )
    head, outcome, target, women, men = _table_shape(
        words.period,
        outcome_heading or _e(words.outcome),
        words.outcome_short,
        words.target,
        words.women,
        words.men,
        has_targets,
        has_gender,
    )
    out += (_TABLE_START, caption, head)
    _rows(c.rows, has_targets, has_gender, outcome, target, women, men, out)
    out.append("</tbody>\n</table>\n</div>\n")


_TABLE_START = '<div class="chart-numbers">\n<table class="chart-table">\n<caption>'
_ROW_START = '<tr><th scope="row">'
_ROW_END = "</td></tr>\n"


def _rows(
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
    start of its own (`_table_shape`): joined once with the rest of the page, not made into a
    text of its own first (that was a third of the cost of a row)."""
    e = _e
    # The columns chosen once for the table, not again for each of its rows.
    if has_targets and has_gender:
        for period, value, goal, w, m in rows:
            out += (_ROW_START, e(period), outcome, e(value), target, e(goal))
            out += (women, e(w), men, e(m), _ROW_END)
    elif has_targets:
        for period, value, goal, _, _ in rows:
            out += (_ROW_START, e(period), outcome, e(value), target, e(goal), _ROW_END)
    elif has_gender:
        for period, value, _, w, m in rows:
            out += (_ROW_START, e(period), outcome, e(value), women, e(w), men, e(m), _ROW_END)
    else:
        for period, value, _, _, _ in rows:
            out += (_ROW_START, e(period), outcome, e(value), _ROW_END)


@functools.lru_cache(maxsize=256)  # by the words and the columns: the same few on every chart
def _table_shape(
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
