"""G008 no-target-group: a goal says whom it is for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.context import RuleContext

RULE = Rule(
    code="G008",
    name="no-target-group",
    severity=Severity.WARNING,
    summary=N_("Goal without a target group"),
    message=N_(
        "The goal '{title}' names no target group; add 'target_group' or say who will notice the "
        "result."
    ),
    options={"extra_groups": []},
    doc=N_("""Reports a goal that neither has `target_group` nor names a group in its title.

Why (Helsingborg's guide): good goals "fokuserar på de som verksamheten riktar
sig till": pupils, the elderly, residents, companies, visitors.

Failing example: "Kvaliteten ska öka" (for whom?).
Instead: "Fler äldre på vårdboenden ska vara nöjda med maten", or add
`target_group: äldre på vårdboenden`.

Option `extra_groups`: more words that name target groups in your municipality.
"""),
)

_GROUPS = (
    "invånare|medborgare|elev|barn|unga|ungdom|äldre|brukare|patient|kund|hyresgäst|besökare|"
    "resenär|trafikant|cyklist|företag|företagare|näringsidkare|förening|deltagare|klient|person|"
    "familj|vårdnadshavare|förälder|föräldrar|medarbetare|anställd|student|sökande|användare|"
    "boende|hushåll|pensionär|nyanlända|flickor|pojkar|kvinnor|män|sjuksköterskor|"
    "skolbarn|förskolebarn|gymnasieelev|gäst|publik|läsare|låntagare|individ|människor"
)


def check(context: RuleContext) -> Iterator[Finding]:
    extra = "|".join(re.escape(g.lower()) for g in context.options["extra_groups"])
    pattern = re.compile(
        rf"({_GROUPS}{'|' + extra if extra else ''})\w*|\w+(bor|borna)\b", re.IGNORECASE
    )
    for goal in context.goals():
        if goal.category != "goal":
            continue
        group = goal.data.get("target_group")
        if isinstance(group, str) and group.strip():
            continue
        if pattern.search(goal.title):
            continue
        yield context.at(RULE, goal, "title", title=goal.title)
