"""Rules about the goal chain (målkedjan): ids, references and the declared model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from styr.findings import Finding, PathInDocument, Severity
from styr.i18n import N_, NC_, both_languages, translate
from styr.rules.base import PRESUMES_EVERY_FILE, PRESUMES_MODEL, Rule
from styr.suggest import Suggester, suggest_among

if TYPE_CHECKING:
    from styr.load import Document
    from styr.model.index import Element, Index, Reference
    from styr.model.repository import Repository

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
allow.

Why: the steering model says how the chain runs (a board's goal contributes to
a city direction, not to another board's goal). A link that skips or reverses
a level muddles who answers for what.

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


# ------------------------------------------------------------------ the checks


def check_chain(repository: Repository, index: Index) -> list[Finding]:
    """Every goal-chain finding of one repository."""
    findings: list[Finding] = []
    for check in (
        _duplicate_ids,
        _model_declaration,
        _kinds,
        _references,
        _cycles,
        _requires_link,
        _requires_contributors,
        _missing_parts,
    ):
        findings.extend(check(repository, index))
    return findings


_CATEGORY_NAMES = {
    "organisation": N_("an organisation"),
    "steering_document": N_("a steering document"),
    "council_area": N_("a council-level area"),
}

_PART_NAMES = {
    "mission": NC_("part of an organisation", "mission"),
    "direction": NC_("part of an organisation", "direction"),
    "goals": NC_("part of an organisation", "goals"),
    "indicators": NC_("part of an organisation", "indicators"),
    "parent": NC_("part of an organisation", "parent"),
}


def _label(element: Element, language: str) -> str:
    if element.category == "organisation":
        return translate(NC_("what a reference names", "organisation"), language)
    if element.kind is not None:
        return element.kind.label(language)
    return element.kind_name or element.category


def _at(rule: Rule, document: Document, path: PathInDocument, **params: Any) -> Finding:
    line, column = document.locate(path)
    return rule.at(document.file, line, column, path, **params)


def _duplicate_ids(repository: Repository, index: Index) -> Iterator[Finding]:
    for element in index.duplicates:
        first = index.by_id[element.id or ""]
        first_line, _ = first.document.locate((*first.path, "id"))
        yield _at(
            DUPLICATE_ID,
            element.document,
            (*element.path, "id"),
            id=element.id,
            first=str(first.document.file),
            first_line=first_line,
        )


def _model_declaration(repository: Repository, index: Index) -> Iterator[Finding]:
    model = repository.model
    manifest = repository.manifest
    # The manifest may be anything its author wrote (a sentence, a list): the schema says so.
    steering = repository.manifest_data.get("steering_model")
    links = steering.get("links") if isinstance(steering, dict) else None
    for position, link in enumerate(links if isinstance(links, list) else []):
        if not isinstance(link, dict):
            continue
        for key in ("from", "to"):
            names = link.get(key)
            for name in names if isinstance(names, list) else [names]:
                if isinstance(name, str) and name not in model.kinds:
                    yield _at(
                        UNKNOWN_KIND,
                        manifest,
                        ("steering_model", "links", position, key),
                        kind=name,
                        **both_languages("what", N_("The kind")),
                        **both_languages("hint", N_(" (in steering_model.links)")),
                    )


def _kinds(repository: Repository, index: Index) -> Iterator[Finding]:
    model = repository.model
    for element in index.elements:
        if element.category == "organisation":
            if element.kind_name is not None and element.kind_name not in (
                model.organisation_types
            ):
                known = ", ".join(model.organisation_types) or "–"
                hint = both_languages("hint", N_("; known types: {known}"), known=known)
                yield _at(
                    UNKNOWN_KIND,
                    element.document,
                    ("type",),
                    kind=element.kind_name,
                    **both_languages("what", N_("The organisation type")),
                    **_did_you_mean(hint, element.kind_name, model.organisation_types),
                )
            continue
        if element.kind is not None and element.kind.category == element.category:
            continue
        declared = [k.id for k in model.kinds_of(element.category)]
        known = ", ".join(declared) or "–"
        path = (*element.path, "kind") if "kind" in element.data else element.path
        hint = both_languages(
            "hint",
            N_(" for the category {category}; declared: {known}"),
            category=element.category,
            known=known,
        )
        yield _at(
            UNKNOWN_KIND,
            element.document,
            path,
            kind=element.kind_name or element.category,
            **both_languages("what", N_("The kind")),
            **_did_you_mean(hint, element.kind_name, declared),
        )


# Added to a hint that lists what is declared, when one of them is close.
_DID_YOU_MEAN = N_(" (did you mean '{suggestion}'?)")


def _did_you_mean(
    hint: dict[str, str], name: str | None, candidates: Iterable[str]
) -> dict[str, str]:
    suggestion = suggest_among(name, candidates) if name else None
    if suggestion is None:
        return hint
    added = both_languages("hint", _DID_YOU_MEAN, suggestion=suggestion)
    return {key: hint[key] + added[key] for key in hint}


def _references(repository: Repository, index: Index) -> Iterator[Finding]:
    model = repository.model
    ids = Suggester(index.by_id)  # indexed at the first unknown id only
    for reference in index.references:
        target = index.by_id.get(reference.target)
        if target is None:
            suggestion = ids.suggest(reference.target)
            yield _at(
                UNKNOWN_REFERENCE,
                reference.document,
                reference.path,
                target=reference.target,
                **both_languages(
                    "suggestion",
                    N_(" Did you mean '{suggestion}'?") if suggestion else "",
                    suggestion=suggestion,
                ),
            )
        elif reference.expects is not None:
            if target.category != reference.expects:
                expected = _CATEGORY_NAMES.get(reference.expects, reference.expects)
                yield _at(
                    WRONG_REFERENCE_TYPE,
                    reference.document,
                    reference.path,
                    field=reference.field,
                    target=reference.target,
                    **both_languages("expected", expected),
                    actual=_label(target, "sv"),
                    actual_en=_label(target, "en"),
                )
        elif reference.source.kind is not None and target.kind is not None:
            source_kind, target_kind = reference.source.kind, target.kind
            if not model.allows(source_kind.id, target_kind.id):
                kinds = ", ".join(sorted(model.links.get(source_kind.id, ())))
                allowed = (
                    {"allowed": kinds}
                    if kinds
                    else both_languages("allowed", NC_("no kind allowed", "nothing"))
                )
                yield _at(
                    LINK_NOT_ALLOWED,
                    reference.document,
                    reference.path,
                    source=reference.source.id,
                    target=target.id,
                    source_kind=source_kind.label("sv"),
                    source_kind_en=source_kind.label("en"),
                    target_kind=target_kind.label("sv"),
                    target_kind_en=target_kind.label("en"),
                    **allowed,
                )


def _cycles(repository: Repository, index: Index) -> Iterator[Finding]:
    for field, relation in (
        ("contributes_to", N_("the goal chain")),
        ("parent", N_("the organisation tree")),
    ):
        edges: dict[str, list[Reference]] = {}
        for reference in index.references:
            if reference.field == field and reference.source.id and reference.target in index.by_id:
                edges.setdefault(reference.source.id, []).append(reference)
        for cycle in _find_cycles(edges):
            first = cycle[0]
            assert first is not None  # a cycle starts with a link; only its middle is left out
            shown = ["…" if r is None else r.source.id or "" for r in cycle]
            names = " → ".join([*shown, first.source.id or ""])
            yield _at(
                CYCLE,
                first.document,
                first.path,
                cycle=names,
                **both_languages("relation", relation),
            )


# A long cycle is named by this many links at each end, with None for the rest.
_CYCLE_ENDS = 6


def _find_cycles(edges: dict[str, list[Reference]]) -> list[list[Reference | None]]:
    """Each elementary cycle once, found by an iterative depth-first search.

    Linear in the links: where a cycle begins on the trail is looked up, not
    searched for, and a long cycle keeps only its ends (None stands for the
    links between), so that a 50,000-long cycle is neither copied nor named
    in full.
    """
    white, grey, black = 0, 1, 2
    colour: dict[str, int] = {}
    cycles: list[list[Reference | None]] = []
    leaving: dict[str, int] = {}  # a node on the trail → where the link leaving it stands
    for start in sorted(edges):
        if colour.get(start, white) != white:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail: list[Reference] = []
        colour[start] = grey
        while stack:
            node, position = stack[-1]
            outgoing = edges.get(node, [])
            if position == len(outgoing):
                stack.pop()
                colour[node] = black
                if trail:
                    trail.pop()
                continue
            stack[-1] = (node, position + 1)
            reference = outgoing[position]
            state = colour.get(reference.target, white)
            if state == grey:
                begin = leaving.get(reference.target, len(trail))
                if reference.target == node:  # a link to itself: the cycle is that link
                    begin = len(trail)
                cycles.append(_cycle(trail, begin, reference))
            elif state == white:
                colour[reference.target] = grey
                leaving[node] = len(trail)
                trail.append(reference)
                stack.append((reference.target, 0))
    return cycles


def _cycle(trail: list[Reference], begin: int, closing: Reference) -> list[Reference | None]:
    """The links of the cycle from `trail[begin]` to `closing`; only the ends of a long one."""
    length = len(trail) - begin + 1
    if length <= 2 * _CYCLE_ENDS:
        return [*trail[begin:], closing]
    return [
        *trail[begin : begin + _CYCLE_ENDS],
        None,
        *trail[len(trail) - _CYCLE_ENDS + 1 :],
        closing,
    ]


def _requires_link(repository: Repository, index: Index) -> Iterator[Finding]:
    for element in index.elements:
        if element.kind is None or not element.kind.requires_link:
            continue
        if any(isinstance(t, str) for t in element.data.get("contributes_to") or []):
            continue
        allowed = ", ".join(sorted(repository.model.links.get(element.kind.id, ()))) or "–"
        yield _at(
            CONTRIBUTES_TO_NOTHING,
            element.document,
            (*element.path, "id"),
            id=element.id,
            kind=element.kind.label("sv"),
            kind_en=element.kind.label("en"),
            allowed=allowed,
        )


def _requires_contributors(repository: Repository, index: Index) -> Iterator[Finding]:
    targets = {r.target for r in index.references if r.field == "contributes_to"}
    for element in index.elements:
        if element.kind is None or not element.kind.requires_contributors:
            continue
        if element.id in targets:
            continue
        yield _at(
            NOTHING_CONTRIBUTES,
            element.document,
            (*element.path, "id"),
            id=element.id,
            kind=element.kind.label("sv"),
            kind_en=element.kind.label("en"),
        )


def _missing_parts(repository: Repository, index: Index) -> Iterator[Finding]:
    types = repository.model.organisation_types
    for organisation in index.organisations:
        org_type = types.get(organisation.kind_name or "")
        if org_type is None:
            continue
        for part in org_type.requires:
            if _has_part(organisation, part):
                continue
            name = _PART_NAMES.get(part, part)
            yield _at(
                MISSING_PART,
                organisation.document,
                ("id",),
                id=organisation.id,
                type=org_type.label("sv"),
                type_en=org_type.label("en"),
                **both_languages("part", name),
            )


def _has_part(organisation: Element, part: str) -> bool:
    value = organisation.data.get(part)
    if part in ("mission", "direction"):
        return isinstance(value, dict) and bool(str(value.get("text") or "").strip())
    if part == "parent":
        return isinstance(value, str) and bool(value)
    return isinstance(value, list) and len(value) > 0
