"""G010 duplicate-goal: the same goal set for two boards or companies."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.model.index import Element
from styr.rules.base import Rule
from styr.rules.context import RuleContext, normalise

RULE = Rule(
    code="G010",
    name="duplicate-goal",
    severity=Severity.WARNING,
    summary=N_("Same goal for several boards"),
    message=N_("The goal '{title}' is already set for {other} ({other_id}); a goal has one owner."),
    doc=N_("""Reports a goal whose wording equals a goal of another board or company.

Why: when two boards own the same goal, neither answers for it. A shared
ambition belongs at council level (a city direction or goal area) that both
boards' goals contribute to.

Failing example: both the school board and the culture board have "Fler barn
och unga ska uppleva kultur".
Instead: give the goal to the board that can influence it fully, or lift it
to a council-level direction.
"""),
)


def check(context: RuleContext) -> Iterator[Finding]:
    seen: dict[str, Element] = {}
    for goal in context.goals():
        key = normalise(goal.title)
        first = seen.get(key)
        if first is None:
            seen[key] = goal
        elif first.owner != goal.owner:
            owner = context.index.by_id.get(first.owner or "")
            yield context.at(
                RULE,
                goal,
                "title",
                title=goal.title,
                other=owner.title if owner else (first.owner or "fullmäktige"),
                other_id=first.id,
            )
