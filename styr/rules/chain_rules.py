"""The goal-chain rules (C001–C009), shared by the modules that check them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from styr.findings import Finding, PathInDocument, Severity
from styr.i18n import N_
from styr.rules.base import PRESUMES_EVERY_FILE, PRESUMES_MODEL, Rule

if TYPE_CHECKING:
    from styr.load import Document

UNKNOWN_REFERENCE = Rule(
    code="C001",
    name="unknown-reference",
    severity=Severity.ERROR,
    summary=N_("Reference to an unknown id"),
    message=N_("'{target}' does not exist in the repository.{suggestion}"),
    doc=N_("""Reports a reference (`contributes_to`, `to`, `parent`, `owner`, …) to an id
nothing has.

Why: a broken link breaks the goal chain: the goal looks connected in the
file but contributes to nothing.

Failing example: `contributes_to: [inriktning-trygghett]`.
Instead: use the id exactly as the element declares it: `inriktning-trygghet`.
"""),
    presumes=frozenset({PRESUMES_EVERY_FILE}),
)

LINK_NOT_ALLOWED = Rule(
    code="C002",
    name="link-not-allowed",
    severity=Severity.ERROR,
    summary=N_("Link the model does not allow"),
    message=N_(
        "{source_kind} '{source}' may not contribute to {target_kind} '{target}' under the "
        "steering model; allowed: {allowed}."
    ),
    doc=N_("""Reports a `contributes_to` link between kinds that the manifest's `links` do not
allow, and a board's or company's direction that names anything but the
council's own areas and goals.

Why: the steering model says how the chain runs (a board's goal contributes to
a city direction, not to another board's goal). A link that skips or reverses
a level muddles who answers for what. A direction is the council's word to
the board or company, so it names what the council decides: a city direction
(Helsingborg) or a goal area (Huddinge), and where the model links goals to
some of those kinds, the same ones; never the organisation's own goals,
another organisation's elements or the vision.

Failing example (Helsingborg): a goal with `contributes_to: [vision-2035]`.
Instead: link it to the city direction it serves, or declare the link in
`steering_model.links` if the model really allows it.
"""),
    presumes=frozenset({PRESUMES_MODEL}),
)

CYCLE = Rule(
    code="C003",
    name="cycle",
    severity=Severity.ERROR,
    summary=N_("Cycle"),
    message=N_("Cycle in {relation}: {cycle}."),
    doc=N_("""Reports a cycle in the goal chain or in the organisation tree.

Why: the chain runs from the operation up to the vision; an element that
(through others) contributes to itself, or an organisation that is its own
parent, has no place in it.
"""),
)

DUPLICATE_ID = Rule(
    code="C004",
    name="duplicate-id",
    severity=Severity.ERROR,
    summary=N_("Duplicate id"),
    message=N_("The id '{id}' is already used in {first} (line {first_line})."),
    doc=N_("""Reports an id used by two elements or organisations in one repository.

Why: references go by id; with two owners, a reference would reach either.
"""),
)

CONTRIBUTES_TO_NOTHING = Rule(
    code="C005",
    name="contributes-to-nothing",
    severity=Severity.ERROR,
    summary=N_("Contributes to nothing"),
    message=N_("{kind} '{id}' contributes to nothing; add 'contributes_to' ({allowed})."),
    doc=N_("""Reports an element whose kind `requires_link` but that has no `contributes_to`.

Why: a board's goal is there to carry the council's intent into the
operation; a goal linked to nothing above it is outside the goal chain.
"""),
    presumes=frozenset({PRESUMES_MODEL}),
)

NOTHING_CONTRIBUTES = Rule(
    code="C006",
    name="nothing-contributes",
    severity=Severity.WARNING,
    summary=N_("Nothing contributes here"),
    message=N_("Nothing contributes to {kind} '{id}'."),
    doc=N_("""Reports a council-level element (`requires_contributors`) that nothing links to.

Why: a city direction or goal area that no board's direction, goal or
indicator contributes to will not be followed up; either the boards have
missed it or it no longer reflects a priority.
"""),
    presumes=frozenset({PRESUMES_MODEL, PRESUMES_EVERY_FILE}),
)

MISSING_PART = Rule(
    code="C007",
    name="missing-part",
    severity=Severity.ERROR,
    summary=N_("Required part missing"),
    message=N_("{type} '{id}' has no {part}, which the steering model requires."),
    doc=N_("""Reports an organisation without a part its type `requires` (mission, direction, …).

Why (Helsingborg's guide): every board and company has a mission, which says
why it exists, and a direction from the council; goals are optional.
"""),
    presumes=frozenset({PRESUMES_MODEL}),
)

WRONG_REFERENCE_TYPE = Rule(
    code="C008",
    name="wrong-reference-type",
    severity=Severity.ERROR,
    summary=N_("Reference to the wrong sort of thing"),
    message=N_("'{field}' must name {expected}, but '{target}' is {actual}."),
    doc=N_("""Reports a typed reference that names the wrong sort of thing.

Failing example: an assignment with `to: grundskolenamnden-mal-1` (a goal).
Instead: `to:` names an organisation, such as `grundskoleforvaltningen`.
"""),
)

UNKNOWN_KIND = Rule(
    code="C009",
    name="unknown-kind",
    severity=Severity.ERROR,
    summary=N_("Kind the model does not declare"),
    message=N_("{what} '{kind}' is not declared in the steering model in styr.yaml{hint}."),
    doc=N_("""Reports an element kind or organisation type that the manifest does not declare.

It also reports a model that names undeclared kinds in its `links`, and
elements written where the model has no kind of their category at all.

Why: the declared steering model is the contract; kinds outside it cannot be
checked against it.
"""),
    presumes=frozenset({PRESUMES_MODEL}),
)

RULES = (
    UNKNOWN_REFERENCE,
    LINK_NOT_ALLOWED,
    CYCLE,
    DUPLICATE_ID,
    CONTRIBUTES_TO_NOTHING,
    NOTHING_CONTRIBUTES,
    MISSING_PART,
    WRONG_REFERENCE_TYPE,
    UNKNOWN_KIND,
)


def finding_at(rule: Rule, document: Document, path: PathInDocument, **params: Any) -> Finding:
    """A finding of `rule` at `path` in `document`, with its line and column."""
    line, column = document.locate(path)
    return rule.at(document.file, line, column, path, **params)
