"""G012 lowered-ambition and G013 milestones-off-course: targets move the right way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages
from styr.model.index import Element
from styr.rules.base import Rule
from styr.rules.context import RuleContext, number

LOWERED = Rule(
    code="G012",
    name="lowered-ambition",
    severity=Severity.WARNING,
    summary=N_("Target lowers the ambition"),
    message=N_(
        "The indicator '{title}': the target {target} ({year}) is worse than the baseline "
        "{baseline}, and {better}."
    ),
    doc=N_("""Reports a target value that is worse than the baseline, given `better`.

Why: a goal expresses a desired change; a target below where we stand (for a
"higher is better" indicator), or above it (for "lower is better"), plans for
decline. Usually it is a typo or `better` is wrong.

Failing example: `better: lower`, `baseline: {year: 2022, value: 45}`,
`targets: [{year: 2026, value: 60}]` (waiting days).
Instead: `targets: [{year: 2026, value: 30}]`, or fix `better`.
"""),
)

OFF_COURSE = Rule(
    code="G013",
    name="milestones-off-course",
    severity=Severity.WARNING,
    summary=N_("Milestones off course"),
    message=N_(
        "The indicator '{title}': the milestone {value} ({year}) is not on the way from {start} "
        "towards the target {target}."
    ),
    doc=N_("""Reports milestones (etappmål) that move away from the target or overshoot it.

Why (Huddinge's model): milestones on short and long term are steps towards
the indicator's target; a step back, or one past the target, says the plan
does not hold together.

Failing example: baseline 70, milestones 74 (2024) and 72 (2025), target 80 (2026).
Instead: milestones that rise steadily, e.g. 74 and 77.
"""),
)

RULES = (LOWERED, OFF_COURSE)
_BETTER = {
    "higher": (N_("higher is better"), 1),
    "lower": (N_("lower is better"), -1),
}


def check_lowered(context: RuleContext) -> Iterator[Finding]:
    for indicator, sign, baseline, target in _targeted(context.of_category("indicator")):
        if (target[1] - baseline) * sign < 0:
            better = _BETTER[indicator.data["better"]]
            yield context.at(
                LOWERED,
                indicator,
                "targets",
                target[2],
                title=indicator.title,
                target=target[1],
                year=target[0],
                baseline=baseline,
                **both_languages("better", better[0]),
            )


def check_off_course(context: RuleContext) -> Iterator[Finding]:
    # Only milestones can be off course, and most indicators have none: they are
    # passed over before their baseline and targets are read.
    with_milestones = [i for i in context.of_category("indicator") if i.data.get("milestones")]
    for indicator, sign, baseline, target in _targeted(with_milestones):
        previous = baseline
        milestones = _series(indicator.data.get("milestones"))
        for year, value, position in sorted(milestones):
            behind = (value - previous) * sign < 0
            beyond = (value - target[1]) * sign > 0 and year < target[0]
            if behind or beyond:
                yield context.at(
                    OFF_COURSE,
                    indicator,
                    "milestones",
                    position,
                    title=indicator.title,
                    value=value,
                    year=year,
                    start=baseline,
                    target=target[1],
                )
                break
            previous = value


Targeted = tuple[Element, int, float, tuple[int, float, int]]


def _targeted(indicators: list[Element]) -> Iterator[Targeted]:
    """Those with a direction, a baseline and a target: (indicator, sign, base, last).

    Found afresh by each of the two rules: kept for both, they were 20 MB
    more at the peak of a lint of 100,000 goals.
    """
    for indicator in indicators:
        data = indicator.data
        # What is cheapest to look at first: most indicators stop at one of these.
        better = _BETTER.get(data.get("better"))  # type: ignore[arg-type]
        baseline = data.get("baseline")
        if better is None or not isinstance(baseline, dict):
            continue
        base = number(baseline.get("value"))
        if base is None:
            continue
        targets = _series(data.get("targets"))
        if targets:
            yield indicator, better[1], base, max(targets)


def _series(value: Any) -> list[tuple[int, float, int]]:
    """(year, value, position in the list) of well-formed entries."""
    result = []
    for position, entry in enumerate(value if isinstance(value, list) else []):
        if isinstance(entry, dict) and type(entry.get("year")) is int:
            amount = number(entry.get("value"))
            if amount is not None:
                result.append((entry["year"], amount, position))
    return result
