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
from styr.report.chart_words import unit_words
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
        rows = parts.plain_rows()
    else:
        words, rows = c.words, c.rows
        period, outcome, target = words.period, words.outcome, words.target
        women, men = words.women, words.men
    out = [heading, _head(period, outcome, target, women, men, has_targets, has_gender)]
    short = _short
    # The columns chosen once for the table, not again for each of its rows; each row's cells
    # unpacked, not read by name one by one.
    if has_targets and has_gender:
        out += [
            f"| {short(period)} | {short(value)} | {short(goal)} | {short(w)} | {short(m)} |"
            for period, value, goal, w, m in rows
        ]
    elif has_targets:
        out += [
            f"| {short(period)} | {short(value)} | {short(goal)} |"
            for period, value, goal, _, _ in rows
        ]
    elif has_gender:
        out += [
            f"| {short(period)} | {short(value)} | {short(w)} | {short(m)} |"
            for period, value, _, w, m in rows
        ]
    else:
        out += [f"| {short(period)} | {short(value)} |" for period, value, _, _, _ in rows]
    out.append("")
    return "\n".join(out)


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
