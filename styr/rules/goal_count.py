"""G001 too-many-goals: at most a few goals per board or company."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.model.index import ORGANISATION
from styr.rules.base import Rule
from styr.rules.context import RuleContext

RULE = Rule(
    code="G001",
    name="too-many-goals",
    severity=Severity.WARNING,
    summary=N_("Too many goals"),
    message=N_("{organisation} has {count} goals; at most {max} keep steering clear."),
    options={"max": 3},
    option_range={"max": (0, None)},
    doc=N_("""Reports a board or company with more goals than the limit (option `max`, default 3).

Why (Helsingborg's guide): "Att sätta upp mål är att prioritera. Vi kan inte
styra mot alla önskvärda förbättringar på samma gång. För att få en tydlig
styrning bör en nämnd eller ett bolag ha som mest tre mål."

Failing example: a board file with four entries under `goals:`.
Instead: keep the three that matter most; follow the rest with indicators
under `direction:`.

Configure: `lint: {options: {too-many-goals: {max: 4}}}`.
"""),
)


def check(context: RuleContext) -> Iterator[Finding]:
    limit = context.options["max"]
    for organisation in context.of_category(ORGANISATION):
        goals = organisation.data.get("goals")
        if isinstance(goals, list) and len(goals) > limit:
            yield context.at(
                RULE,
                organisation,
                "goals",
                limit,
                organisation=organisation.title,
                count=len(goals),
                max=limit,
            )
