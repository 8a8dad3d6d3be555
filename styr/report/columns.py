"""Which columns a table of indicators has: one decision for the HTML and the Markdown report.

A column is shown only where some indicator of the table has a value for it.
Worked out in one pass here, a template global (`indicator_columns(items)`):
five filters in the template, on every goal of a report of 100,000 goals,
were seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from styr.report.view_types import IndicatorView


# Not frozen: made for every table of a report, and a frozen dataclass's __init__ (a
# setattr through object per field) was several times as slow. Read, never changed.
@dataclass(slots=True)
class IndicatorColumns:
    """The columns of one table of indicators, after the indicator's own."""

    followed: list[IndicatorView]  # the indicators with an outcome, in their order
    baseline: bool
    targets: bool
    milestones: bool
    links: bool  # a link to Kolada or to a goal of Agenda 2030

    @property
    def count(self) -> int:
        """How many columns there are after the indicator's own."""
        return sum((self.baseline, self.targets, self.milestones, bool(self.followed), self.links))


def indicator_columns(items: Sequence[IndicatorView]) -> IndicatorColumns:
    """The columns of a table of these indicators."""
    if len(items) == 1:  # most tables: one indicator, whose own values are the columns
        (i,) = items
        return IndicatorColumns(
            [i] if i.outcome else [],
            bool(i.baseline),
            bool(i.targets),
            bool(i.milestones),
            bool(i.kolada or i.agenda2030),
        )
    return IndicatorColumns(
        followed=[i for i in items if i.outcome],
        baseline=any(i.baseline for i in items),
        targets=any(i.targets for i in items),
        milestones=any(i.milestones for i in items),
        links=any(i.kolada or i.agenda2030 for i in items),
    )
