"""G005 goal-horizon: 1 year, or 2–4 years within the term of office."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages
from styr.model.index import Element
from styr.rules.base import Rule
from styr.rules.context import RuleContext

RULE = Rule(
    code="G005",
    name="goal-horizon",
    severity=Severity.WARNING,
    summary=N_("Goal horizon"),
    message=N_("The goal '{title}': {problem}"),
    options={"min_years": 1, "max_years": 4},
    option_range={"min_years": (1, None), "max_years": (1, None)},
    option_order=(("min_years", "max_years"),),
    doc=N_("""Reports a goal whose horizon is missing, longer than 1–4 years, or outside the term.

Why (Helsingborg's guide): "Mål kan vara kortsiktiga (1 år) eller på lite
längre sikt (2 till 4 år)." A goal reaching past the term binds a council that
has not been elected; a goal with no horizon can never be judged.

The horizon is `horizon: {start, end}`; without one, the latest target year of
the goal's indicators is used as its end.

Failing example (term 2023–2026): `horizon: {start: 2023, end: 2030}`.
Instead: `horizon: {start: 2023, end: 2026}`, and put the longer ambition in
the direction.

Options: `min_years` (default 1) and `max_years` (default 4).
"""),
)


def check(context: RuleContext) -> Iterator[Finding]:
    term = context.repository.term
    low, high = context.options["min_years"], context.options["max_years"]
    for goal in context.goals():
        if goal.category != "goal":
            continue
        start, end, declared = _horizon(context, goal)
        problem = _problem(start, end, term, low, high)
        if problem:
            key = "horizon" if declared else "title"
            yield context.at(RULE, goal, key, title=goal.title, **problem)


def _horizon(context: RuleContext, goal: Element) -> tuple[int | None, int | None, bool]:
    """(start, end, declared): the declared horizon, else the last target year."""
    horizon = goal.data.get("horizon")
    if isinstance(horizon, dict):
        start, end = horizon.get("start"), horizon.get("end")
        if type(start) is int and type(end) is int:
            return start, end, True
    years: list[int] = [
        target["year"]
        for indicator in context.indicators_of(goal)
        for target in indicator.data.get("targets") or []
        if isinstance(target, dict) and type(target.get("year")) is int
    ]
    return None, (max(years) if years else None), False


def _problem(
    start: int | None, end: int | None, term: tuple[int, int] | None, low: int, high: int
) -> dict[str, str] | None:
    """The finding's `problem` in both languages, or None when the horizon is fine."""
    if end is None:
        return both_languages("problem", N_("has no horizon and no target year."))
    if start is not None:
        years = end - start + 1
        if not low <= years <= high:
            return both_languages(
                "problem",
                N_("the horizon is {years} years; a goal spans {low}–{high} years."),
                years=years,
                low=low,
                high=high,
            )
    if term is not None and (end > term[1] or (start is not None and start < term[0])):
        return both_languages(
            "problem",
            N_("reaches outside the term of office {first}–{last}."),
            first=term[0],
            last=term[1],
        )
    return None
