"""D003–D006: decisions in the term, by a known organ, with a date, before follow-up."""

from __future__ import annotations

from collections.abc import Iterator

from styr.decisions import PROPOSED, PlacedDecision, placed_decisions
from styr.findings import Finding, Severity
from styr.followup.evaluate import OutcomeEntry, read_outcomes
from styr.i18n import N_, NC_, both_languages
from styr.rules.base import PRESUMES_EVERY_FILE, Rule
from styr.rules.context import GOAL_CATEGORIES, RuleContext
from styr.suggest import Suggester

OUTSIDE_TERM = Rule(
    code="D003",
    name="decision-outside-term",
    severity=Severity.WARNING,
    summary=N_("Decision date outside the term of office"),
    message=N_(
        "The decision date {date} is outside the term of office {start}–{end}. Check the date, and "
        "that what was decided belongs to this term."
    ),
    doc=N_("""Reports a decision on a goal, council area, direction or work plan outside the term.

Why: the goals, directions and plans of a term are decided for it. The
budget for the term's first year (Mål och budget) is decided in the autumn
before, so a decision in the year before the term's first year is in order;
one earlier, or after the term's last year, is most likely a typing error or
an element left from another term. Steering documents and missions are not
checked: a charter or a policy often outlives the term it was adopted in.

Failing example: `date: "2021-11-22"` on a goal with `term_of_office: {start: 2023, end: 2026}`.
Instead: correct the date, or move the goal to the term it belongs to.
"""),
)

UNKNOWN_ORGAN = Rule(
    code="D004",
    name="decision-unknown-organ",
    severity=Severity.WARNING,
    summary=N_("Decision by an unknown organ"),
    message=N_("'{by}' is no organisation in the repository.{suggestion}"),
    doc=N_("""Reports a decision whose `by` names no organisation in the repository.

Why: the report writes the organ's name ("Beslutad av Kommunfullmäktige");
an id that reaches no organisation can only be shown as it is written, and it
is usually a typo.

Failing example: `by: kommunfullmaktig`.
Instead: use the organisation's id exactly: `by: kommunfullmaktige`, and add
the organisation's file if it is missing.
"""),
    presumes=frozenset({PRESUMES_EVERY_FILE}),
)

PROPOSAL_FOLLOWED_UP = Rule(
    code="D005",
    name="proposal-followed-up",
    severity=Severity.WARNING,
    summary=N_("Outcomes for a goal that is still a proposal"),
    message=N_(
        "The goal '{title}' is still a proposal, but {follow_up_file} holds outcomes for its "
        "indicator '{indicator}' ({period}). Once it is decided, write state: decided and the "
        "date; if it was never decided, remove its outcomes."
    ),
    doc=N_("""Reports a goal with `state: proposed` whose indicators have outcomes in follow-up.

Why: the follow-up (delårsrapport, årsredovisning) reports on the goals the
council or the board has decided. A goal that still reads as a proposal while
its outcomes are reported either has been decided, and its decision was never
written down, or it is followed up without having been decided.

Failing example: `decision: {by: grundskolenamnden, state: proposed}` on a goal
whose indicator has an outcome for 2025.
Instead: `decision: {by: grundskolenamnden, date: "2025-02-18", state: decided}`.
"""),
)

WITHOUT_DATE = Rule(
    code="D006",
    name="decision-without-date",
    severity=Severity.WARNING,
    summary=N_("Decision without a date"),
    message=N_('{state} has no date. Write the day it was made: date: "YYYY-MM-DD".'),
    doc=N_("""Reports a decision that is decided, revised or repealed but has no `date`.

Why: "Beslutad av kommunfullmäktige" says little without the day; the date
is how a reader finds the minutes, and how styr tells whether the decision
belongs to the term. A decision without a `state` is decided.

Failing example: `decision: {by: kommunfullmaktige, paragraph: 123}`.
Instead: `decision: {by: kommunfullmaktige, date: "2025-11-24", paragraph: 123}`.
"""),
)

RULES = (OUTSIDE_TERM, UNKNOWN_ORGAN, PROPOSAL_FOLLOWED_UP, WITHOUT_DATE)

# Decided for the term: the categories (and organisation parts) D003 checks.
_OF_THE_TERM = frozenset(
    (
        "goal",
        "council_goal",
        "council_area",
        "operational_plan",
        "work_plan",
        "indicator",
        "direction",
    )
)
# What D005 looks at: goals, and smart goals followed as indicators.
_FOLLOWED_UP = frozenset((*GOAL_CATEGORIES, "indicator"))
# What a decision in each state is called, as the subject of D006's sentence.
_STATE_WORDS = {
    "decided": NC_("decision state", "The decision"),
    "revised": NC_("decision state", "The revision"),
    "repealed": NC_("decision state", "The repeal"),
}


def _at(
    context: RuleContext, rule: Rule, placed: PlacedDecision, *keys: str, **params: object
) -> Finding:
    return context.at(rule, placed.element, *placed.keys, *keys, **params)


def _decisions(context: RuleContext) -> list[PlacedDecision]:
    """The repository's decisions, found once for the four rules."""
    found: list[PlacedDecision] = context.remember(
        "decisions", lambda: list(placed_decisions(context.index))
    )
    return found


def _written(placed: PlacedDecision, key: str) -> tuple[str, ...]:
    """`key` when the decision writes it, else nothing: the finding is then at `decision`."""
    data: object = placed.element.data
    for part in placed.keys:
        data = data.get(part) if isinstance(data, dict) else None
    return (key,) if isinstance(data, dict) and key in data else ()


def check_outside_term(context: RuleContext) -> Iterator[Finding]:
    term = context.repository.term
    if term is None:
        return
    start, end = term
    for placed in _decisions(context):
        day = placed.decision.day
        category = placed.part or placed.element.category
        if day is None or category not in _OF_THE_TERM:
            continue
        # Mål och budget for the term's first year is decided the autumn before.
        if not start - 1 <= day.year <= end:
            yield _at(
                context,
                OUTSIDE_TERM,
                placed,
                "date",
                date=placed.decision.dated,
                start=start,
                end=end,
            )


def check_unknown_organ(context: RuleContext) -> Iterator[Finding]:
    organisations = {e.id: e for e in context.index.organisations if e.id}
    names = Suggester(organisations)  # indexed at the first unknown organ only
    for placed in _decisions(context):
        by = placed.decision.by
        if by is None or by in organisations:
            continue
        suggestion = names.suggest(by)
        yield _at(
            context,
            UNKNOWN_ORGAN,
            placed,
            "by",
            by=by,
            **both_languages(
                "suggestion",
                N_(" Did you mean '{suggestion}'?") if suggestion else "",
                suggestion=suggestion,
            ),
        )


def check_proposal_followed_up(context: RuleContext) -> Iterator[Finding]:
    outcomes: list[OutcomeEntry] = context.remember(
        "outcomes", lambda: read_outcomes(context.repository)[0]
    )
    first: dict[str, OutcomeEntry] = {}
    for outcome in outcomes:
        if outcome.value is not None:
            first.setdefault(outcome.indicator, outcome)
    if not first:
        return
    for placed in _decisions(context):
        goal = placed.element
        if placed.decision.state != PROPOSED or goal.category not in _FOLLOWED_UP:
            continue
        # A smart goal written as an indicator is followed up by its own outcomes.
        followed = [goal] if goal.category == "indicator" else context.indicators_of(goal)
        reported = [first[i.id] for i in followed if i.id in first]
        if reported:
            outcome = reported[0]
            yield _at(
                context,
                PROPOSAL_FOLLOWED_UP,
                placed,
                *_written(placed, "state"),
                title=goal.title,
                follow_up_file=_shown_path(outcome, context),
                indicator=outcome.indicator,
                period=outcome.period.text,
            )


def check_without_date(context: RuleContext) -> Iterator[Finding]:
    for placed in _decisions(context):
        decision = placed.decision
        if decision.state == PROPOSED or decision.dated is not None:
            continue
        yield _at(
            context,
            WITHOUT_DATE,
            placed,
            *_written(placed, "state"),
            **both_languages("state", _STATE_WORDS[decision.state]),
        )


def _shown_path(outcome: OutcomeEntry, context: RuleContext) -> str:
    file = outcome.document.file
    try:
        return file.relative_to(context.repository.root).as_posix()
    except ValueError:
        return file.as_posix()
