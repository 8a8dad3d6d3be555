"""An indicator's chart as HTML: the inline SVG and the table of the same numbers, in one pass.

This writes what the template `_chart.html.j2` once laid out with loops and
filters, byte for byte, as a list of string pieces joined once: on a report
of 100,000 indicators the macro cost more than building the charts. Every
text goes through markupsafe's `escape` (the one HTML escape, as Jinja's
autoescape does); the numbers and positions are the chart's own (its
`Marks`), and what the charts that share their axes or their words share
(the axes, the legend, the table's head: `chart_svg_parts`) is written once
for all; a chart of one outcome is written from its kind (`chart_one_svg`). The SVG
carries its colours as attributes, so that it reads right with any
stylesheet; a page's stylesheet may refine them (.chart-…,
templates/_chart.css.j2). The target is dashed, marked with diamonds and
labelled, never told by colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from styr.report.chart_one import OneOutcome
from styr.report.chart_one_svg import write_one_outcome
from styr.report.chart_svg_parts import (
    TABLE_START,
    TARGETS_OPEN,
    axes_html,
    baseline_mark_html,
    legend_of,
    table_shape,
    target_label_html,
    target_marks_html,
    write_rows,
)
from styr.report.chart_words import marked_words
from styr.report.html_escape import escaped_text as _e

if TYPE_CHECKING:
    from styr.report.chart import Chart
    from styr.report.chart_parts import Marks


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
        write_one_outcome(c, parts, chart_id, xl, out)
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
    opening, middle, drawn_axes = axes_html(d.axes)
    unit = f'<text class="chart-unit" x="4" y="14"{xl}>{_e(c.unit)}</text>' if c.unit else ""
    out.append(
        f'{opening}{chart_id}-namn {chart_id}-beskrivning"{middle}{chart_id}-beskrivning">'
        f"{_e(c.description)}</desc>\n{unit}"
    )
    fixed = d.fixed
    if fixed is None:  # a chart marked alone
        out.append(drawn_axes + _fixed_marks(d))
    else:  # the axes and the marks its kind shares, written once for the kind
        if fixed.svg is None:
            fixed.svg = drawn_axes + _fixed_marks(d)
        out.append(fixed.svg)
    if d.line:
        out.append(
            f'<polyline class="chart-line" points="{d.line}" fill="none" stroke="currentColor"'
            ' stroke-width="2.5" stroke-linejoin="round"></polyline>'
        )
    out.append(f'<path class="chart-point" d="{d.point_marks}"></path>\n')
    out.append(legend_of(d.axes.frame.legend_y, d.legend))


def _fixed_marks(d: Marks) -> str:
    """The band, the targets and their word and the baseline: the marks that are not the
    outcomes', the same on every chart of a kind (`chart_layout.Fixed`)."""
    f = d.axes.frame
    out = []
    if d.band:
        out.append(
            f'<rect class="chart-band" x="{f.left}" y="{d.band.top}" width="{f.plot_width}"'
            f' height="{d.band.height}" fill="#e8f1f9" stroke="#0a4a7a" stroke-width="1.5"'
            ' stroke-dasharray="6 4"></rect>'
        )
    if d.targets:
        out.append(TARGETS_OPEN)
        if d.target_line:
            out.append(
                f'<polyline class="chart-target" points="{d.target_line}" fill="none"'
                ' stroke-dasharray="6 4"></polyline>'
            )
        out.append(target_marks_html(d.target_marks))
    if d.target_label:
        out.append(target_label_html(d.target_label))
    if d.baseline:
        out.append(baseline_mark_html(d.baseline_mark))
    return "".join(out)


def _table(c: Chart, xl: str, out: list[str]) -> None:
    words = c.words
    has_targets, has_gender = c.has_targets, c.has_gender
    caption, outcome_heading = (
        marked_words(c.language, c.unit, c.title, xl) if xl else (_e(words.caption), "")
    )
    head, outcome, target, women, men = table_shape(
        words.period,
        outcome_heading or _e(words.outcome),
        words.outcome_short,
        words.target,
        words.women,
        words.men,
        has_targets,
        has_gender,
    )
    out += (TABLE_START, caption, head)
    write_rows(c.rows, has_targets, has_gender, outcome, target, women, men, out)
    out.append("</tbody>\n</table>\n</div>\n")
