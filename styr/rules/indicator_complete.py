"""G004 incomplete-indicator: a goal's indicator has a baseline, a target and a target year."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_, NC_, translate
from styr.rules.base import Rule
from styr.rules.context import GOAL_CATEGORIES, RuleContext, number

RULE = Rule(
    code="G004",
    name="incomplete-indicator",
    severity=Severity.WARNING,
    summary=N_("Incomplete indicator"),
    message=N_("The indicator '{title}' has no {missing}."),
    doc=N_("""Reports an indicator of a goal that lacks a baseline, a target value or a target year.

Why: a goal is "något som vi kan uppnå, enligt en fastställd nivå"
(Helsingborg's guide). Without a baseline nobody can tell whether the target
is ambitious; without a target value and year nobody can tell whether it was met.

Failing example:
    indicators:
      - id: sfn-ind-1
        title: Andel behöriga elever
        unit: procent
Instead: add `baseline: {year: 2022, value: 82.4}` and
`targets: [{year: 2026, value: 86}]`.

Indicators under a direction are followed without targets and are not checked here.
"""),
)

_PARTS = (
    ("baseline", NC_("part of an indicator", "baseline")),
    ("target", NC_("part of an indicator", "target value")),
    ("year", NC_("part of an indicator", "target year")),
)


def check(context: RuleContext) -> Iterator[Finding]:
    for indicator in context.of_category("indicator"):
        if indicator.parent is None or indicator.parent.category not in GOAL_CATEGORIES:
            continue
        lacking = missing_parts(indicator.data)  # once, not once per part
        if not lacking:  # most indicators: nothing to sort out
            continue
        missing = [part for part in _PARTS if part[0] in lacking]
        if missing:
            yield context.at(
                RULE,
                indicator,
                "title",
                title=indicator.title,
                missing=", ".join(translate(p[1], "sv") for p in missing),
                missing_en=", ".join(translate(p[1], "en") for p in missing),
            )


def missing_parts(data: dict[str, object]) -> list[str]:
    """What an indicator lacks of "baseline", "target" (a target value) and "year" (its year)."""
    # One look at each value for the three parts (G004 asks of every indicator).
    baseline = data.get("baseline")
    lacking = (
        []
        if isinstance(baseline, dict) and number(baseline.get("value")) is not None
        else ["baseline"]
    )
    if data.get("better") == "range" and isinstance(data.get("range"), dict):
        return lacking  # a range is the target level, kept over the whole horizon
    targets = data.get("targets")
    if not isinstance(targets, list) or not targets:
        return [*lacking, "target", "year"]
    # One loop for both parts, ended once both are found (usually at the first
    # target), instead of a list of the entries and two searches of it.
    has_value = has_year = False
    for target in targets:
        if isinstance(target, dict):
            has_value = has_value or number(target.get("value")) is not None
            has_year = has_year or number(target.get("year")) is not None
            if has_value and has_year:
                return lacking
    if not has_value:
        lacking.append("target")
    if not has_year:
        lacking.append("year")
    return lacking
