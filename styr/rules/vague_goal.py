"""G009 vague-goal: "god", "bra", "hög" without a measure."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.caseless import CaselessPattern
from styr.rules.context import RuleContext, number

RULE = Rule(
    code="G009",
    name="vague-goal",
    severity=Severity.WARNING,
    summary=N_("Vague goal without a measure"),
    message=N_(
        "The goal '{title}' says '{word}' but has no indicator with a target value; how {word} is "
        "enough?"
    ),
    doc=N_("""Reports a goal built on a vague adjective ("god", "bra", "hög", "väl", "attraktiv",
"effektiv", "kvalitativ") that has no indicator with a target value.

Why (Helsingborg's guide): a goal is reached "enligt en fastställd nivå".
"God kvalitet" is a wish until a level says what good is.

Failing example: "Äldreomsorgen ska hålla god kvalitet" with no indicator.
Instead: keep the wording if you like, and add an indicator such as "Andel
äldre som är nöjda med sitt särskilda boende" with a target of 90 percent for 2026.
"""),
)

# Case-insensitive, searched mostly in lower case (styr.rules.caseless), and
# only in a title that holds one of the words (god, gott and goda hold "go").
_VAGUE = CaselessPattern(
    r"\b(god|gott|goda|bra|hög|högt|höga|väl|attraktiv\w*|effektiv\w*|kvalitativ\w*|"
    r"ändamålsenlig\w*)\b",
    ("go", "bra", "hög", "väl", "attraktiv", "effektiv", "kvalitativ", "ändamålsenlig"),
)


def check(context: RuleContext) -> Iterator[Finding]:
    for goal in context.goals():
        match = _VAGUE.search(goal.title)
        if match is None or _has_target(context, goal):
            continue
        yield context.at(RULE, goal, "title", title=goal.title, word=match.group(1).lower())


def _has_target(context: RuleContext, goal: object) -> bool:
    for indicator in context.indicators_of(goal):  # type: ignore[arg-type]
        for target in indicator.data.get("targets") or []:
            if isinstance(target, dict) and number(target.get("value")) is not None:
                return True
    return False
