"""G003 goal-without-indicator: every goal is followed by at least one indicator."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.context import RuleContext

RULE = Rule(
    code="G003",
    name="goal-without-indicator",
    severity=Severity.WARNING,
    summary=N_("Goal without an indicator"),
    message=N_("The goal '{title}' has no indicator; how will it be followed up?"),
    doc=N_("""Reports a goal with no `indicators`.

Why (Helsingborg's guide): "Fastställ hur målen ska följas upp, målen bör så
långt det är möjligt vara mätbara." A goal without an indicator cannot be
judged met or not met.

Failing example: a goal with only `title` and `contributes_to`.
Instead: add an indicator with unit, baseline and target, e.g. "Andel elever i
årskurs 9 som är behöriga till gymnasiet".
"""),
)


def check(context: RuleContext) -> Iterator[Finding]:
    for goal in context.goals():
        if not context.indicators_of(goal):
            yield context.at(RULE, goal, "title", title=goal.title)
