"""An indicator's chart in the Markdown report: its numbers as a table, under its name.

This writes what the macro `chart_table(c)` of `_macros.md.j2` once laid out
with a loop and a filter per cell, byte for byte: on a report of 100,000
indicators the macro cost more than building the table's rows. Every text
goes through `md` (the Markdown report's one escape); the page is tidied
afterwards as any other (`styr.report.render`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

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
    words = c.words
    columns = f"| {_short(words.period)} | {_short(words.outcome)} |"
    rule = "| --- | ---: |"
    if c.has_targets:
        columns += f" {_short(words.target)} |"
        rule += " ---: |"
    if c.has_gender:
        columns += f" {_short(words.women)} | {_short(words.men)} |"
        rule += " ---: | ---: |"
    out = [heading, "", columns, rule]
    for row in c.rows:
        line = f"| {_short(row.period)} | {_short(row.outcome)} |"
        if c.has_targets:
            line += f" {_short(row.target)} |"
        if c.has_gender:
            line += f" {_short(row.women)} | {_short(row.men)} |"
        out.append(line)
    out.append("")
    return "\n".join(out)
