"""The HTML of a chart of one outcome (`chart_one.OneOutcome`), written from its kind.

Charts of one kind (the same ticks, the same period, the same target and
baseline, in one language: a board's indicators mostly are) differ only by
their outcome's value, their name, their title and their unit. What they
write alike (the SVG's opening, the axes, the marks of the target and the
baseline, the legend, and the description and the table's rows on either
side of the value) is written once for the kind by the code that writes a
chart, given a hole for the value (`_HOLE`); each chart then writes its own
parts and its value into the hole. On a page of 100,000 indicators the
places, the words and the rows of each chart were most of its cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from styr.report.chart_layout import Axes, Spot, legend_items
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
from styr.report.chart_table import ChartOutcome, number_text, one_outcome_rows, time_of
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
    from styr.report.chart_one import OneOutcome

# Where a kind's texts take each chart's value: a character no value as written holds, and
# one the escape leaves as it is.
_HOLE = "\x00"
# Kinds kept (each a few kB, most of it shared with its axes); past that, a chart of another
# kind is written alone (`_write_alone`), the same bytes.
_KINDS_KEPT = 4096


class Kind(NamedTuple):
    """What the charts of one kind write alike, with the hole for the value cut out."""

    axes: Axes
    time: float  # where the outcome's period stands along the time axis
    opening: str  # the SVG's opening up to its names, then `middle` up to its description's
    middle: str
    said: tuple[str, str] | None  # the description, escaped, around the value; None: said whole
    drawn: str  # the axes, the target's and the baseline's marks, up to the point's place
    legend: str  # the point's end, then the legend and the SVG's end
    rows: tuple[str, str] | None  # the table's rows without women and men, around the value


_KINDS: dict[tuple[object, ...], Kind] = {}


def write_one_outcome(c: Chart, p: OneOutcome, chart_id: str, xl: str, out: list[str]) -> None:
    """The SVG and the table of a chart of one outcome, a target or none and no range, as
    `chart_svg` writes any chart's, added to `out`: its kind's parts and its own."""
    outcome, goals, language = p.outcome, p.goals, p.language
    value = outcome.value
    assert value is not None  # a chart of one outcome is made only for a value
    key = (p.ticks, outcome.period.text, goals[0] if goals else None, p.start, language)
    kind = _KINDS.get(key)
    if kind is None:
        if len(_KINDS) < _KINDS_KEPT:
            kind = _KINDS[key] = _kind(p)
        else:  # no room for another kind: the chart written alone
            _write_alone(c, p, chart_id, xl, out)
            return
    shown = _e(number_text(value, language))  # what fills the kind's holes
    named = f"{chart_id}-beskrivning"
    out.append(f'{kind.opening}{chart_id}-namn {named}"{kind.middle}{named}">')
    said = kind.said
    if said is None:  # a sentence the kind could not split around the value
        out.append(_e(description(labels_in(language), p.written())))
    else:
        out += (said[0], shown, said[1])
    out.append("</desc>\n")
    if c.unit:
        out.append(f'<text class="chart-unit" x="4" y="14"{xl}>{_e(c.unit)}</text>')
    out += (kind.drawn, kind.axes.spot(kind.time, value).dot, kind.legend)
    rows = kind.rows if not c.has_gender else None
    _table(c, p, xl, rows, shown, out)


def _kind(p: OneOutcome) -> Kind:
    """The kind of `p`'s chart, written with the hole for its value and split around it."""
    language, outcome, goals, start = p.language, p.outcome, p.goals, p.start
    t = labels_in(language)
    goal = (goals[0][0], number_text(goals[0][1], language)) if goals else None
    based = (start[0], number_text(start[1], language)) if start is not None else None
    said = one_outcome_description(
        t,
        outcome.period.text,
        _HOLE,
        (str(goal[0]), goal[1]) if goal else None,
        (str(based[0]), based[1]) if based else None,
    )
    axes, _, target, base = p.spots()
    opening, middle, drawn_axes = axes_html(axes)
    drawn = [drawn_axes]
    drawn.extend(_target_and_baseline(axes, language, target, base))
    drawn.append('<path class="chart-point" d="')
    legend = legend_items(language, target is not None, base is not None)
    return Kind(
        axes,
        time_of(outcome.period),
        opening,
        middle,
        _around(_e(said)) if said is not None else None,
        "".join(drawn),
        '"></path>\n' + legend_of(axes.frame.legend_y, legend),
        _rows_around(p, goal, based),
    )


def _rows_around(
    p: OneOutcome, goal: tuple[int, str] | None, based: tuple[int, str] | None
) -> tuple[str, str] | None:
    """The table's rows of the kind's charts without women and men, around the value; None
    where they are not in order of time as they stand (the chart's own rows sort them)."""
    language = p.language
    plain = ChartOutcome(p.outcome.period, p.outcome.value)
    rows = one_outcome_rows(labels_in(language), plain, _HOLE, goal, based, language)
    if rows is None:
        return None
    has_targets = bool(p.goals)
    _, cells = _shape(p, "", has_targets, False)
    written: list[str] = []
    write_rows(rows, has_targets, False, *cells, written)
    return _around("".join(written))


def _around(text: str) -> tuple[str, str]:
    """The text before the hole and after it."""
    before, _, after = text.partition(_HOLE)
    return before, after


def _shape(
    p: OneOutcome, outcome_heading: str, has_targets: bool, has_gender: bool
) -> tuple[str, tuple[str, str, str, str]]:
    """The table's head and the cells before each value of a row (`table_shape`)."""
    period, outcome, outcome_short, target, _, women, men, _ = unit_words(p.language, p.unit)
    head, *cells = table_shape(
        period,
        outcome_heading or _e(outcome),
        outcome_short,
        target,
        women,
        men,
        has_targets,
        has_gender,
    )
    outcome_cell, target_cell, women_cell, men_cell = cells
    return head, (outcome_cell, target_cell, women_cell, men_cell)


def _table(
    c: Chart,
    p: OneOutcome,
    xl: str,
    rows: tuple[str, str] | None,
    shown: str,
    out: list[str],
) -> None:
    """The table of the chart: its words read as `chart_words` tells them, without a
    `ChartWords` made of them; its rows the kind's around its value (`shown`), or else its own."""
    if xl:
        told, outcome_heading = marked_words(p.language, p.unit, p.title, xl)
    else:
        caption = unit_words(p.language, p.unit)[7]
        pieces = caption.pieces
        told = _e(pieces[0] + p.title + pieces[1] if pieces is not None else caption.fill(p.title))
        outcome_heading = ""
    has_targets, has_gender = c.has_targets, c.has_gender
    head, cells = _shape(p, outcome_heading, has_targets, has_gender)
    out += (TABLE_START, told, head)
    if rows is not None:
        out += (rows[0], shown, rows[1])
    else:
        own: Sequence[Sequence[str]] = p.plain_rows()
        write_rows(own, has_targets, has_gender, *cells, out)
    out.append("</tbody>\n</table>\n</div>\n")


def _write_alone(c: Chart, p: OneOutcome, chart_id: str, xl: str, out: list[str]) -> None:
    """`write_one_outcome` of a chart whose kind is not kept, in one pass from what it was
    made of: its marks from their places (`OneOutcome.spots`), as `chart_svg` writes the
    `Marks` it would be given, and each value written once for the description and the
    table. Made for one chart alone, a kind (and its holes) cost half as much again."""
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
    opening, middle, drawn_axes = axes_html(axes)
    unit = f'<text class="chart-unit" x="4" y="14"{xl}>{_e(c.unit)}</text>' if c.unit else ""
    out.append(
        f'{opening}{chart_id}-namn {chart_id}-beskrivning"{middle}{chart_id}-beskrivning">'
        f"{_e(description(t, p.written()) if said is None else said)}</desc>\n{unit}{drawn_axes}"
    )
    out.extend(_target_and_baseline(axes, language, target, base))
    out.append(f'<path class="chart-point" d="{point.dot}"></path>\n')
    legend = legend_items(language, target is not None, base is not None)
    out.append(legend_of(axes.frame.legend_y, legend))
    _table_alone(c, p, xl, p.plain_rows(values), out)


def _table_alone(
    c: Chart, p: OneOutcome, xl: str, rows: Sequence[Sequence[str]], out: list[str]
) -> None:
    """`_table` of a chart written alone, its rows given."""
    period, outcome, outcome_short, target, _, women, men, caption = unit_words(p.language, p.unit)
    if xl:
        told, outcome_heading = marked_words(p.language, p.unit, p.title, xl)
    else:
        pieces = caption.pieces
        told = _e(pieces[0] + p.title + pieces[1] if pieces is not None else caption.fill(p.title))
        outcome_heading = ""
    has_targets, has_gender = c.has_targets, c.has_gender
    head, outcome_cell, target_cell, women_cell, men_cell = table_shape(
        period,
        outcome_heading or _e(outcome),
        outcome_short,
        target,
        women,
        men,
        has_targets,
        has_gender,
    )
    out += (TABLE_START, told, head)
    write_rows(rows, has_targets, has_gender, outcome_cell, target_cell, women_cell, men_cell, out)
    out.append("</tbody>\n</table>\n</div>\n")


def _target_and_baseline(
    axes: Axes, language: str, target: Spot | None, base: Spot | None
) -> list[str]:
    """The one target's diamond and label and the baseline's square, where the chart has them."""
    drawn = []
    if target is not None:
        drawn.append(TARGETS_OPEN + target_marks_html(target.diamond))
        drawn.append(target_label_html(axes.target_label(language, target)))
    if base is not None:
        drawn.append(baseline_mark_html(base.square))
    return drawn
