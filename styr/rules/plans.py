"""P001–P005: operational plans and work plans, one per organisation and year, in their place.

A reading that names something other than a council-level area, and a plan
whose owner is no organisation, are wrong references: C008 reports them.
"""

from __future__ import annotations

from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages
from styr.model.index import Element, Index
from styr.plans import (
    OPERATIONAL_PLAN,
    WORK_PLAN,
    Plan,
    chain_above,
    every_plan,
    level_of,
    operational_plans,
    plan_levels,
    work_plans,
)
from styr.rules.base import PRESUMES_MODEL, Rule
from styr.rules.context import RuleContext

AREA_NOT_READ = Rule(
    code="P001",
    name="plan-area-not-read",
    severity=Severity.WARNING,
    summary=N_("Operational plan without a reading of a council-level area"),
    message=N_(
        "The plan '{title}' does not say what {area_kind} '{area}' means for the organisation. "
        "Add it under area_readings: - area: {area_id}, with a text."
    ),
    doc=N_("""Reports an operational plan that has no reading of one of the council-level areas.

Why: the board's operational plan (verksamhetsplan) is its reading of every
area the council has set (in Huddinge the three goal areas). An area the plan
leaves out is one the board has not said what it means for its work, and the
report shows the area without the board's reading.

Failing example: a plan with `area_readings:` for two of the three goal areas.
Instead: add the third: `- area: ekologisk-hallbarhet` with a `text:`.
"""),
    presumes=frozenset({PRESUMES_MODEL}),
)

DUPLICATE_PLAN = Rule(
    code="P002",
    name="duplicate-plan",
    severity=Severity.ERROR,
    summary=N_("Two plans for the same organisation and year"),
    message=N_(
        "'{owner}' already has a plan of this kind for {year}: '{other}' in {plan_file}, "
        "line {plan_line}. Keep one plan a year: bring the two together, or correct the year."
    ),
    doc=N_("""Reports a second operational plan, or work plan, for one organisation and year.

Why: an organisation adopts one operational plan (or one work plan) a year;
two for the same year leave the reader to guess which one holds, and the
report would show both as if both were decided.

Failing example: two `kind: operational_plan` files, `owner: grundskolenamnden`, `year: 2025`.
Instead: keep one plan for 2025, and give the other its own year.
"""),
)

OWNER_LEVEL = Rule(
    code="P003",
    name="plan-owner-level",
    severity=Severity.ERROR,
    summary=N_("Plan owned by an organisation at a level without plans of its kind"),
    message=N_(
        "'{owner}' is at the level '{level}', and the steering model has {plan_kind} only at "
        "{levels}. Give the plan to an organisation at one of those levels, or declare the kind "
        "for the level under element_kinds in styr.yaml."
    ),
    doc=N_("""Reports a plan whose owner is at a level the model declares no plan kind for.

Why: the steering model says at which levels plans are made: a board makes an
operational plan, an administration or a unit a work plan. A plan owned by an
organisation at another level is usually owned by the wrong organisation (the
board instead of its administration), or the model is missing a kind.
Models that declare no kind of the plan's category are not checked.

Failing example: `owner: grundskolenamnden` on a work plan, when the model's
work plan kind is at the levels förvaltning and avdelning.
Instead: `owner: grundskoleforvaltningen`.
"""),
    presumes=frozenset({PRESUMES_MODEL}),
)

BASED_ON_OUTSIDE_CHAIN = Rule(
    code="P004",
    name="plan-based-on-outside-chain",
    severity=Severity.ERROR,
    summary=N_("Work plan based on a plan that is not above its owner"),
    message=N_(
        "'{target}' is not a plan of an organisation above '{owner}'. A work plan carries out the "
        "plan of its own board or of the level above it{suggestion}."
    ),
    doc=N_("""Reports a work plan whose `based_on` names a plan outside its owner's own chain.

Why: a work plan carries out the plan above it: the board's operational plan,
or the work plan of the administration the unit belongs to. `based_on` that
names another board's plan, or the plan of a unit below, links the work plan
into the wrong part of the goal chain. The id of a board above the owner is
accepted, as it was before plans were written as files.

Failing example: `based_on: gsn-verksamhetsplan-2025` on the work plan of an
administration under another board.
Instead: name the operational plan of the administration's own board, or the
work plan of the level above.
"""),
)

YEAR_OUTSIDE_TERM = Rule(
    code="P005",
    name="plan-year-outside-term",
    severity=Severity.WARNING,
    summary=N_("Plan for a year outside the term of office"),
    message=N_(
        "The plan is for {year}, outside the term of office {start}–{end}. Check the year, and "
        "that the plan belongs to this term."
    ),
    doc=N_("""Reports an operational plan or a work plan for a year outside the term of office.

Why: the plans of a term carry out the goals decided for it; a plan for a
year outside the term is most likely a typing error, or a plan left from
another term. The term is `term_of_office` in styr.yaml, as for the
decisions (D003).

Failing example: `year: 2021` with `term_of_office: {start: 2023, end: 2026}`.
Instead: correct the year, or move the plan to the term it belongs to.
"""),
)

RULES = (AREA_NOT_READ, DUPLICATE_PLAN, OWNER_LEVEL, BASED_ON_OUTSIDE_CHAIN, YEAR_OUTSIDE_TERM)


def _at(
    context: RuleContext, rule: Rule, plan: Plan, *keys: str | int, **params: object
) -> Finding:
    """A finding at `keys` of the plan's own keys (at the plan itself without keys)."""
    return context.at(rule, plan.element, *plan.keys, *keys, **params)


def _name(element: Element | None, fallback: str) -> str:
    return element.title if element is not None else fallback


def check_area_not_read(context: RuleContext) -> Iterator[Finding]:
    areas = context.of_category("council_area")
    for plan in operational_plans(context.index):
        if plan.in_organisation_file:
            continue  # written before plans were files; it linted without this rule
        read = set(plan.read_areas())
        keys = ("area_readings",) if "area_readings" in plan.data else ()
        for area in areas:
            if area.id is None or area.id in read:
                continue
            kind = area.kind
            yield _at(
                context,
                AREA_NOT_READ,
                plan,
                *keys,
                title=plan.title,
                area=area.title,
                area_id=area.id,
                area_kind=kind.label("sv").lower() if kind else "",
                area_kind_en=kind.label("en").lower() if kind else "",
            )


def check_duplicates(context: RuleContext) -> Iterator[Finding]:
    first: dict[tuple[str, str, int], Plan] = {}
    for plan in every_plan(context.index):
        if plan.owner is None or plan.year is None:
            continue
        key = (plan.category, plan.owner, plan.year)
        earlier = first.setdefault(key, plan)
        if earlier is plan:
            continue
        line, _ = earlier.element.document.locate((*earlier.element.path, *earlier.keys))
        yield _at(
            context,
            DUPLICATE_PLAN,
            plan,
            "year",
            owner=_name(context.index.by_id.get(plan.owner), plan.owner),
            year=plan.year,
            other=earlier.title,
            plan_file=_relative(earlier, context),
            plan_line=line,
        )


def check_owner_level(context: RuleContext) -> Iterator[Finding]:
    model = context.repository.model
    for plan in every_plan(context.index):
        levels = plan_levels(plan.category, model)
        owner = context.index.by_id.get(plan.owner or "")
        level = level_of(owner, model)
        if levels is None or level is None or level in levels:
            continue
        names = dict(model.levels)
        kind = model.default_kind(plan.category, None)
        yield _at(
            context,
            OWNER_LEVEL,
            plan,
            *(() if plan.in_organisation_file else ("owner",)),
            owner=_name(owner, plan.owner or ""),
            level=names.get(level, level),
            levels=", ".join(sorted(names.get(each, each) for each in levels)),
            plan_kind=kind.label("sv").lower() if kind else plan.category,
            plan_kind_en=kind.label("en").lower() if kind else plan.category,
        )


def check_based_on(context: RuleContext) -> Iterator[Finding]:
    index = context.index
    for plan in work_plans(index):
        target_id = plan.data.get("based_on")
        target = index.by_id.get(target_id) if isinstance(target_id, str) else None
        if target is None or plan.owner is None:
            continue  # nothing named, or nothing there (C001)
        above = {e.id for e in chain_above(plan.owner, index)}
        if target.category == "organisation":
            fits = target.id in above
        elif target.category in (OPERATIONAL_PLAN, WORK_PLAN):
            fits = target.data.get("owner") in above
        else:
            continue  # neither a plan nor an organisation: C008
        if fits:
            continue
        suggested = _plan_above(plan, index)
        yield _at(
            context,
            BASED_ON_OUTSIDE_CHAIN,
            plan,
            "based_on",
            target=target.title,
            owner=_name(index.by_id.get(plan.owner), plan.owner),
            **both_languages(
                "suggestion",
                N_(", e.g. based_on: {plan}") if suggested else "",
                plan=suggested,
            ),
        )


def check_year_outside_term(context: RuleContext) -> Iterator[Finding]:
    term = context.repository.term
    if term is None:
        return
    start, end = term
    for plan in every_plan(context.index):
        if plan.in_organisation_file or plan.year is None:
            continue
        if not start <= plan.year <= end:
            yield _at(
                context, YEAR_OUTSIDE_TERM, plan, "year", year=plan.year, start=start, end=end
            )


def _plan_above(plan: Plan, index: Index) -> str:
    """The id of the plan of the same year nearest above the work plan's owner, or ""."""
    plans = [p for p in every_plan(index) if p.id is not None and p.year == plan.year]
    for organisation in chain_above(plan.owner, index):
        for candidate in plans:
            if candidate.owner == organisation.id:
                return candidate.id or ""
    return ""


def _relative(plan: Plan, context: RuleContext) -> str:
    file = plan.element.document.file
    try:
        return file.relative_to(context.repository.root).as_posix()
    except ValueError:
        return file.as_posix()
