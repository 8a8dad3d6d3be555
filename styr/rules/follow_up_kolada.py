"""F006–F007: what Kolada says about values fetched from it: revised since, or preliminary.

Both are information, not faults: the file holds Kolada's value as Kolada
gives it now, and nothing in it is wrong. They tell the planner what a reader
of an earlier report, or of this one, should know: that a figure published
before has changed, or that a status is judged on a figure that can still
change. What the pull records is styr.followup.kolada_revisions'.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from styr.findings import Finding, Severity
from styr.followup.evaluate import OutcomeEntry, read_outcomes, target_for
from styr.followup.kolada_revisions import PRELIMINARY, REVISED, Revision, latest_revision
from styr.i18n import N_, both_languages
from styr.rules.base import Rule
from styr.rules.context import RuleContext

REVISED_BY_KOLADA = Rule(
    code="F006",
    name="outcome-revised-by-kolada",
    severity=Severity.INFO,
    summary=N_("Kolada changed a value fetched before"),
    message=N_(
        "Kolada changed {figure} for {period} from {old} to {new} (fetched {old_fetched_on} and "
        "{new_fetched_on}). The new value is in the file; a report published before shows the "
        "old one."
    ),
    doc=N_("""Reports an outcome fetched from Kolada that Kolada has changed since an earlier fetch.

Why: Kolada revises published values without notice. `styr kolada pull`
writes the new value and keeps the old one under the outcome's `revised:`,
with when each was fetched. A report or a decision made on the old value
may now say something else than the follow-up does; the finding says so,
once, where the value is.

It is information, not a fault: nothing in the file is wrong. When the
change has been looked at, acknowledge it with a comment on the value's line
that says why, e.g. `value: 74.2  # styr: ignore[F006] Kolada rättade
antalet elever; nämnden informerad`. If Kolada changes the value again,
the pull adds the new revision; remove the comment to be told again.

Example: an outcome with `value: 74.2`, `fetched_on: "2026-03-01"` and
`revised: [{value: 71.2, fetched_on: "2025-03-01"}]`.
"""),
)

PRELIMINARY_JUDGED = Rule(
    code="F007",
    name="preliminary-outcome-judged",
    severity=Severity.INFO,
    summary=N_("A preliminary value is judged against a target"),
    message=N_(
        "The outcome for {period} is preliminary in Kolada and is judged against the target "
        "{target}; the status can change when Kolada publishes the final value."
    ),
    doc=N_("""Reports a value Kolada marks preliminary that `styr status` judges against a target.

Why: Kolada publishes some values early and may change them when the final
figures come. A status judged on a preliminary value can change without
anything in the municipality changing. The report says "preliminary" by the
figure; the finding tells the planner before it is published.

`styr kolada pull` writes `preliminary: true` by such a value and takes it
away when Kolada gives the final value; the finding then goes away.
"""),
)

RULES = (REVISED_BY_KOLADA, PRELIMINARY_JUDGED)

# How a revised figure is named in the finding, by the figure.
FIGURE_NAMES = {
    "value": N_("the outcome"),
    "women": N_("the outcome for women"),
    "men": N_("the outcome for men"),
}
# When the earlier value was fetched, where its record does not say.
EARLIER = N_("earlier")


def _outcomes(context: RuleContext) -> list[OutcomeEntry]:
    outcomes: list[OutcomeEntry] = context.remember(
        "outcomes", lambda: read_outcomes(context.repository)[0]
    )
    return outcomes


def _written(outcome: OutcomeEntry) -> Mapping[str, Any]:
    """The outcome's mapping as its file holds it."""
    data = outcome.document.data
    entries = data.get("outcomes") if isinstance(data, dict) else None
    position = outcome.path[-1]
    if isinstance(entries, list) and isinstance(position, int) and position < len(entries):
        entry = entries[position]
        if isinstance(entry, dict):
            return entry
    return {}


def _at(rule: Rule, outcome: OutcomeEntry, key: str, **params: Any) -> Finding:
    path = (*outcome.path, key)
    line, column = outcome.document.locate(path)
    return rule.at(outcome.document.file, line, column, path, **params)


def _dated(day: str | None, name: str) -> dict[str, str]:
    return {name: day, f"{name}_en": day} if day else both_languages(name, EARLIER)


def check_revised(context: RuleContext) -> Iterator[Finding]:
    for outcome in _outcomes(context):
        entry = _written(outcome)
        if REVISED not in entry:
            continue
        for revision in latest_revision(entry, outcome.period.text):
            yield _finding(outcome, entry, revision)


def _finding(outcome: OutcomeEntry, entry: Mapping[str, Any], revision: Revision) -> Finding:
    # At the figure Kolada changed, where the planner reads the value.
    key = revision.field if revision.field in entry else REVISED
    return _at(
        REVISED_BY_KOLADA,
        outcome,
        key,
        indicator=outcome.indicator,
        period=outcome.period.text,
        field=revision.field,
        old=revision.old,
        new=revision.new,
        **both_languages("figure", FIGURE_NAMES[revision.field]),
        **_dated(revision.old_fetched_on, "old_fetched_on"),
        **_dated(revision.new_fetched_on, "new_fetched_on"),
    )


def check_preliminary(context: RuleContext) -> Iterator[Finding]:
    indicators = context.indicators_by_id()
    for outcome in _outcomes(context):
        indicator = indicators.get(outcome.indicator)
        if not outcome.preliminary or indicator is None or outcome.value is None:
            continue
        target = target_for(indicator.data, outcome.period.year)
        if target is None:
            continue  # not judged: no status to change
        yield _at(
            PRELIMINARY_JUDGED,
            outcome,
            PRELIMINARY,
            indicator=outcome.indicator,
            period=outcome.period.text,
            target=target,
        )
