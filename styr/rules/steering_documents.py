"""D001 document-out-of-date and D002 layer-upon-layer: steering documents kept in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages
from styr.rules.base import Rule
from styr.rules.context import RuleContext

OUT_OF_DATE = Rule(
    code="D001",
    name="document-out-of-date",
    severity=Severity.WARNING,
    summary=N_("Steering document out of date"),
    message=N_("The steering document '{title}' {problem} ({when})."),
    doc=N_("""Reports a steering document past its `valid_until` or its `next_review` date.

Why (Helsingborg's guide): "Ett styrdokument kan gälla för en bestämd period
(några år) eller tillsvidare." One that has expired still looks valid to
whoever finds it; one past its review date may no longer say what the council
wants.

Failing example: `valid_until: "2024-12-31"` on a programme still listed.
Instead: decide a new version, mark it `until_further_notice: true`, or
remove it from the list.
"""),
)

LAYERS = Rule(
    code="D002",
    name="layer-upon-layer",
    severity=Severity.WARNING,
    summary=N_("Layer upon layer of documents"),
    message=N_(
        "{count} steering documents of the type '{type}' (limit {max}); see whether some can be "
        "merged or repealed."
    ),
    options={"max_per_type": 10},
    option_range={"max_per_type": (0, None)},
    doc=N_("""Reports more steering documents of one type than `max_per_type` (default 10).

Why (Trollhättan): "Lager på lager på lager … styrning": 32 riktlinjer, 27
bestämmelser, 11 strategier. Every document is a steering signal; too many of
one kind are hard to follow and contradict each other.

Configure: `lint: {options: {layer-upon-layer: {max_per_type: 15}}}`.
"""),
)

RULES = (OUT_OF_DATE, LAYERS)


def check_out_of_date(context: RuleContext) -> Iterator[Finding]:
    for document in context.of_category("steering_document"):
        for key, problem in (
            ("valid_until", N_("was valid until")),
            ("next_review", N_("was due for review by")),
        ):
            when = _date(document.data.get(key))
            if when is not None and when < context.today:
                yield context.at(
                    OUT_OF_DATE,
                    document,
                    key,
                    title=document.title,
                    when=when.isoformat(),
                    **both_languages("problem", problem),
                )
                break


def check_layers(context: RuleContext) -> Iterator[Finding]:
    limit = int(context.options["max_per_type"])
    by_type: dict[str, list[object]] = {}
    for document in context.of_category("steering_document"):
        kind = document.data.get("type")
        if isinstance(kind, str):
            by_type.setdefault(kind, []).append(document)
    for kind, documents in sorted(by_type.items()):
        if len(documents) > limit:
            first_over = documents[limit]
            yield context.at(
                LAYERS,
                first_over,  # type: ignore[arg-type]
                "type",
                count=len(documents),
                type=kind,
                max=limit,
            )


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
