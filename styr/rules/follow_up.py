"""F001–F005: outcomes (utfall) that fit the indicators they report on, one per period."""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.followup.evaluate import OutcomeEntry, read_outcomes
from styr.i18n import N_
from styr.rules.base import PRESUMES_EVERY_FILE, Rule
from styr.rules.context import RuleContext

UNKNOWN_INDICATOR = Rule(
    code="F001",
    name="outcome-unknown-indicator",
    severity=Severity.ERROR,
    summary=N_("Outcome for an unknown indicator"),
    message=N_("The outcome is for '{indicator}', which is no indicator in the repository."),
    doc=N_("""Reports an outcome whose `indicator` names no indicator.

Why: an outcome that reaches no indicator never shows in the follow-up; the
number is lost without a word, usually because of a typo or a renamed id.

Failing example: `indicator: sfn-ind-behorigheet`.
Instead: use the indicator's id exactly: `sfn-ind-behorighet`.
"""),
    presumes=frozenset({PRESUMES_EVERY_FILE}),
)

OUTSIDE_HORIZON = Rule(
    code="F002",
    name="outcome-outside-horizon",
    severity=Severity.WARNING,
    summary=N_("Outcome outside the horizon"),
    message=N_(
        "The outcome for '{indicator}' is for {period}, outside the goal's horizon {start}–{end}."
    ),
    doc=N_("""Reports an outcome for a period outside the horizon of the indicator's goal.

Why: a goal for 2023–2026 is judged on outcomes in those years; an outcome
for 2021 is likely a wrong period, or belongs to the baseline.

Failing example: `period: "2021"` for a goal with `horizon: {start: 2023, end: 2026}`.
Instead: record it as the indicator's `baseline`, or correct the period.
"""),
)

MISSING_OUTCOME = Rule(
    code="F003",
    name="missing-outcome",
    severity=Severity.INFO,
    summary=N_("Missing outcome for a past year"),
    message=N_("The indicator '{indicator}' has a target for {year} but no outcome."),
    doc=N_("""Reports an indicator with a target value for a year that has passed but no outcome.

Why: "not followed up" is a status too, but usually it means an outcome was
never entered. Only repositories with follow-up files are checked, and only
years before the current one.
"""),
    presumes=frozenset({PRESUMES_EVERY_FILE}),
)

UNIT_MISMATCH = Rule(
    code="F004",
    name="outcome-unit-mismatch",
    severity=Severity.ERROR,
    summary=N_("Outcome unit differs"),
    message=N_(
        "The outcome for '{indicator}' is given in '{unit}' but the indicator is measured in "
        "'{expected}'."
    ),
    doc=N_("""Reports an outcome whose `unit` differs from its indicator's `unit`.

Why: 45 (days) against a target of 6 (weeks) is judged as a failure that is
not one. Convert the outcome, or leave `unit` out to use the indicator's.
"""),
)

DUPLICATE_OUTCOME = Rule(
    code="F005",
    name="duplicate-outcome",
    severity=Severity.ERROR,
    summary=N_("Two outcomes for the same indicator and period"),
    message=N_(
        "'{indicator}' already has an outcome for {period} in {first_file}, line {first_line}; "
        "styr status uses only the first. Remove one of them or correct its period."
    ),
    doc=N_("""Reports a second outcome for the same indicator and period.

Why: the follow-up can show only one value. With two (one typed by hand, one
fetched from Kolada, or the same year in two files) `styr status` and the
report use the first they read, and the other is ignored without a word. The
period is the outcome's own `period:`, or the file's when the outcome has none.

Failing example: `period: "2025"` at the top of the file and an outcome for
`sfn-mal-1-ind-1`, and another outcome for it with `period: "2025"`.
Instead: keep one outcome per indicator and period; an analysis of the number
goes in `comment` or `analyses`.
"""),
)

RULES = (UNKNOWN_INDICATOR, OUTSIDE_HORIZON, MISSING_OUTCOME, UNIT_MISMATCH, DUPLICATE_OUTCOME)


def _at(rule: Rule, outcome: OutcomeEntry, key: str, **params: object) -> Finding:
    path = (*outcome.path, key)
    line, column = outcome.document.locate(path)
    return rule.at(outcome.document.file, line, column, path, **params)


def _outcomes(context: RuleContext) -> list[OutcomeEntry]:
    outcomes: list[OutcomeEntry] = context.remember(
        "outcomes", lambda: read_outcomes(context.repository)[0]
    )
    return outcomes


def check_unknown(context: RuleContext) -> Iterator[Finding]:
    known = context.indicators_by_id()
    for outcome in _outcomes(context):
        if outcome.indicator not in known:
            yield _at(UNKNOWN_INDICATOR, outcome, "indicator", indicator=outcome.indicator)


def check_horizon(context: RuleContext) -> Iterator[Finding]:
    known = context.indicators_by_id()
    for outcome in _outcomes(context):
        indicator = known.get(outcome.indicator)
        goal = indicator.parent if indicator else None
        horizon = goal.data.get("horizon") if goal is not None else None
        if not isinstance(horizon, dict):
            continue
        start, end = horizon.get("start"), horizon.get("end")
        if type(start) is int and type(end) is int and not start <= outcome.period.year <= end:
            yield _at(
                OUTSIDE_HORIZON,
                outcome,
                "period" if "period" in _entry(outcome) else "indicator",
                indicator=outcome.indicator,
                period=outcome.period.text,
                start=start,
                end=end,
            )


def check_missing(context: RuleContext) -> Iterator[Finding]:
    outcomes = _outcomes(context)
    if not outcomes:
        return
    reported = {(o.indicator, o.period.year) for o in outcomes if o.value is not None}
    for indicator in context.of_category("indicator"):
        for position, target in enumerate(indicator.data.get("targets") or []):
            year = target.get("year") if isinstance(target, dict) else None
            if (
                type(year) is int
                and year < context.today.year
                and (indicator.id, year) not in reported
            ):
                yield context.at(
                    MISSING_OUTCOME,
                    indicator,
                    "targets",
                    position,
                    indicator=indicator.id,
                    year=year,
                )


def check_unit(context: RuleContext) -> Iterator[Finding]:
    known = context.indicators_by_id()
    for outcome in _outcomes(context):
        indicator = known.get(outcome.indicator)
        expected = indicator.data.get("unit") if indicator else None
        if outcome.unit and isinstance(expected, str) and outcome.unit.strip() != expected.strip():
            yield _at(
                UNIT_MISMATCH,
                outcome,
                "unit",
                indicator=outcome.indicator,
                unit=outcome.unit,
                expected=expected,
            )


def check_duplicates(context: RuleContext) -> Iterator[Finding]:
    """Every outcome after the first for its indicator and period, in the order status reads."""
    first: dict[tuple[str, str], OutcomeEntry] = {}
    for outcome in _outcomes(context):
        earlier = first.setdefault((outcome.indicator, outcome.period.text), outcome)
        if earlier is outcome:
            continue
        line, _ = earlier.document.locate((*earlier.path, "indicator"))
        yield _at(
            DUPLICATE_OUTCOME,
            outcome,
            "period" if "period" in _entry(outcome) else "indicator",
            indicator=outcome.indicator,
            period=outcome.period.text,
            first_file=_shown_path(earlier, context),
            first_line=line,
        )


def _shown_path(outcome: OutcomeEntry, context: RuleContext) -> str:
    file = outcome.document.file
    try:
        return file.relative_to(context.repository.root).as_posix()
    except ValueError:
        return file.as_posix()


def _entry(outcome: OutcomeEntry) -> dict[str, object]:
    outcomes = (
        outcome.document.data.get("outcomes") if isinstance(outcome.document.data, dict) else None
    )
    position = outcome.path[1]
    if isinstance(outcomes, list) and isinstance(position, int) and position < len(outcomes):
        entry = outcomes[position]
        return entry if isinstance(entry, dict) else {}
    return {}
