"""G007 targeted-direction: directions are followed, not targeted."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages
from styr.rules.base import Rule
from styr.rules.context import RuleContext

RULE = Rule(
    code="G007",
    name="targeted-direction",
    severity=Severity.WARNING,
    summary=N_("Direction with a target value"),
    message=N_(
        "The indicator '{title}' under the direction has {what}; directions are followed, not "
        "targeted."
    ),
    doc=N_("""Reports target values or milestones on indicators that follow a direction.

Why (Helsingborg's guide): "Vi målsätter inte inriktningen men vi följer
utvecklingen, till exempel med olika nyckeltal." If the board can set a level
and reach it, it is a goal; if it cannot steer it fully, it has no target.

Failing example:
    direction:
      indicators:
        - {id: ks-ind-1, title: Arbetslöshet, targets: [{year: 2026, value: 5}]}
Instead: drop `targets`, or make it a goal the board fully influences.
"""),
)


def check(context: RuleContext) -> Iterator[Finding]:
    for indicator in context.of_category("indicator"):
        if len(indicator.path) < 2 or indicator.path[0] != "direction":
            continue
        for key, what in (
            ("targets", N_("target values")),
            ("milestones", N_("milestones")),
        ):
            if indicator.data.get(key):
                yield context.at(
                    RULE, indicator, key, title=indicator.title, **both_languages("what", what)
                )
