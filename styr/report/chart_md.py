"""An indicator's chart in the Markdown report: its numbers as a table, under its name.

This writes what the macro `chart_table(c)` of `_macros.md.j2` once laid out
with a loop and a filter per cell, byte for byte: on a report of 100,000
indicators the macro cost more than building the table's rows. Every text
goes through `md` (the Markdown report's one escape); the page is tidied
afterwards as any other (`styr.report.render`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from styr.report.chart_one import OneOutcome
from styr.report.chart_table import ChartOutcome, number_text, one_outcome_rows
from styr.report.chart_words import labels_in, unit_words
from styr.report.markdown import md

if TYPE_CHECKING:
    from styr.report.chart import Chart

# A period, a value or a column's word comes back chart after chart: escaped once each.
_short = functools.lru_cache(maxsize=8192)(md)


def chart_markdown(c: Chart) -> str:
    """The chart's heading line and table, as the macro `chart_table(c)` writes them."""
    heading = f"**{md(c.title)}**"
    if c.direction:
        heading += f" · {_short(c.direction)}"
    if c.trend:
        heading += f" · {_short(c.trend_text)}"  # a few trends, each said chart after chart
    has_targets, has_gender = c.has_targets, c.has_gender
    parts = c.parts
    rows: Sequence[Sequence[str]]
    if type(parts) is OneOutcome:  # nearly every chart: its words and cells, nothing made
        period, outcome, _, target, _, women, men, _ = unit_words(parts.language, parts.unit)
        head = _head(period, outcome, target, women, men, has_targets, has_gender)
        around = None if has_gender else _kind_rows(parts)
        if around is not None:  # the rows its kind's charts write alike, around its value
            value = parts.outcome.value
            assert value is not None  # a chart of one outcome is made only for a value
            shown = _short(number_text(value, parts.language))
            return f"{heading}\n{head}\n{around[0]}{shown}{around[1]}\n"
        rows = parts.plain_rows()
    else:
        words, rows = c.words, c.rows
        period, outcome, target = words.period, words.outcome, words.target
        women, men = words.women, words.men
        head = _head(period, outcome, target, women, men, has_targets, has_gender)
    return "\n".join([heading, head, *_lines(rows, has_targets, has_gender), ""])


def _lines(rows: Sequence[Sequence[str]], has_targets: bool, has_gender: bool) -> list[str]:
    """The table's rows, a line each."""
    short = _short
    # The columns chosen once for the table, not again for each of its rows; each row's cells
    # unpacked, not read by name one by one.
    if has_targets and has_gender:
        return [
            f"| {short(period)} | {short(value)} | {short(goal)} | {short(w)} | {short(m)} |"
            for period, value, goal, w, m in rows
        ]
    if has_targets:
        return [
            f"| {short(period)} | {short(value)} | {short(goal)} |"
            for period, value, goal, _, _ in rows
        ]
    if has_gender:
        return [
            f"| {short(period)} | {short(value)} | {short(w)} | {short(m)} |"
            for period, value, _, w, m in rows
        ]
    return [f"| {short(period)} | {short(value)} |" for period, value, _, _, _ in rows]


# Where a kind's rows take each chart's value: no value as written holds it, `md` keeps it.
_HOLE = "\x00"
# The rows of each kind of chart of one outcome without women and men (its period, target,
# baseline and language), around the value; None where they are not in order of time as
# they stand. Past the limit, each chart's rows are written on their own, the same text.
_KINDS: dict[tuple[object, ...], tuple[str, str] | None] = {}
_KINDS_KEPT = 4096


def _kind_rows(p: OneOutcome) -> tuple[str, str] | None:
    """The rows of the charts of `p`'s kind without women and men, around the value."""
    goals, start, language, period = p.goals, p.start, p.language, p.outcome.period
    key = (period.text, goals[0] if goals else None, start, language)
    if key in _KINDS:
        return _KINDS[key]
    if len(_KINDS) >= _KINDS_KEPT:
        return None  # no room for another kind: the chart's own rows, as they always were
    goal = (goals[0][0], number_text(goals[0][1], language)) if goals else None
    based = (start[0], number_text(start[1], language)) if start is not None else None
    plain = ChartOutcome(period, p.outcome.value)
    rows = one_outcome_rows(labels_in(language), plain, _HOLE, goal, based, language)
    around = None
    if rows is not None:
        before, _, after = "\n".join(_lines(rows, bool(goals), False)).partition(_HOLE)
        around = (before, after)
    _KINDS[key] = around
    return around


@functools.lru_cache(maxsize=256)  # by the words and the columns: the same few on every chart
def _head(
    period: str, outcome: str, target: str, women: str, men: str, targets: bool, gender: bool
) -> str:
    """The blank line under the heading, the table's columns and the rule under them."""
    columns = f"| {_short(period)} | {_short(outcome)} |"
    rule = "| --- | ---: |"
    if targets:
        columns += f" {_short(target)} |"
        rule += " ---: |"
    if gender:
        columns += f" {_short(women)} | {_short(men)} |"
        rule += " ---: | ---: |"
    return f"\n{columns}\n{rule}"
