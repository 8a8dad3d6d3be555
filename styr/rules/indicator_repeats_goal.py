"""G011 indicator-repeats-goal: an indicator measures the goal, it does not restate it."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.context import RuleContext, normalise

RULE = Rule(
    code="G011",
    name="indicator-repeats-goal",
    severity=Severity.WARNING,
    summary=N_("Indicator repeats its goal"),
    message=N_(
        "The indicator '{title}' merely repeats its goal; say what is measured (share, number, "
        "waiting time …) and how."
    ),
    options={"similarity": 0.9},
    option_range={"similarity": (0, 1)},
    doc=N_("""Reports an indicator whose title is (almost) the goal's own title.

Why (ESV): indicators are separate from the goal but represent it; they
measure outcomes. "Fler elever ska vara behöriga" is a goal; its indicator is
"Andel elever i årskurs 9 som är behöriga till yrkesprogram (%)".

Option `similarity` (0–1, default 0.9) sets how alike counts as a repetition.
"""),
)


def check(context: RuleContext) -> Iterator[Finding]:
    limit = float(context.options["similarity"])
    for goal in context.goals():
        wanted = normalise(goal.title)
        words: set[str] | None = None  # the goal's words, once a title is as long
        for indicator in context.indicators_of(goal):
            title = normalise(indicator.title)
            # Cheap bounds first: titles of very different length, or sharing
            # few words, cannot be near-copies; building a matcher is the cost.
            shorter, longer = sorted((len(wanted), len(title)))
            if not longer or 2 * shorter / (shorter + longer) < limit:
                continue
            words = set(wanted.split()) if words is None else words
            other = set(title.split())
            if len(words & other) < limit * max(len(words), len(other)) - 1:
                continue
            matcher = difflib.SequenceMatcher(None, wanted, title)
            # The quick upper bounds rule out almost every pair before the slow ratio.
            if matcher.real_quick_ratio() < limit or matcher.quick_ratio() < limit:
                continue
            if matcher.ratio() >= limit:
                yield context.at(RULE, indicator, "title", title=indicator.title)
