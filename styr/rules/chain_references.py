"""Goal-chain checks of ids and references: duplicate ids, declared kinds, allowed links."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from styr.findings import Finding
from styr.i18n import N_, NC_, both_languages, translate
from styr.model.index import PLAN_CATEGORIES, PLAN_OR_ORGANISATION
from styr.rules.chain_rules import (
    DUPLICATE_ID,
    LINK_NOT_ALLOWED,
    UNKNOWN_KIND,
    UNKNOWN_REFERENCE,
    WRONG_REFERENCE_TYPE,
    finding_at,
)
from styr.suggest import Suggester, suggest_among

if TYPE_CHECKING:
    from styr.model.index import Element, Index, Reference
    from styr.model.repository import Repository


def check_references(repository: Repository, index: Index) -> Iterator[Finding]:
    """Duplicate ids (C004), undeclared kinds (C009), then broken (C001), mistyped (C008)
    and disallowed (C002) references."""
    for check in (_duplicate_ids, _model_declaration, _kinds, _references):
        yield from check(repository, index)


_CATEGORY_NAMES = {
    "organisation": N_("an organisation"),
    "steering_document": N_("a steering document"),
    "council_area": N_("a council-level area"),
    PLAN_OR_ORGANISATION: N_("a plan or an organisation"),
}


def _is_expected(target: Element, expects: str) -> bool:
    if expects == PLAN_OR_ORGANISATION:
        return target.category in PLAN_CATEGORIES or target.category == "organisation"
    return target.category == expects


def _label(element: Element, language: str) -> str:
    if element.category == "organisation":
        return translate(NC_("what a reference names", "organisation"), language)
    if element.kind is not None:
        return element.kind.label(language)
    return element.kind_name or element.category


def _duplicate_ids(repository: Repository, index: Index) -> Iterator[Finding]:
    for element in index.duplicates:
        first = index.by_id[element.id or ""]
        first_line, _ = first.document.locate((*first.path, "id"))
        yield finding_at(
            DUPLICATE_ID,
            element.document,
            (*element.path, "id"),
            id=element.id,
            # Relative to the repository, as every finding's own file is shown: the
            # same repository gives the same message whichever path it was given by.
            first=_in_repository(repository, first.document.file),
            first_line=first_line,
        )


def _in_repository(repository: Repository, file: Path) -> str:
    try:
        return file.relative_to(repository.root).as_posix()
    except ValueError:
        return file.as_posix()


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
                    yield finding_at(
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
                yield finding_at(
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
        yield finding_at(
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
            yield finding_at(
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
            if not _is_expected(target, reference.expects):
                expected = _CATEGORY_NAMES.get(reference.expects, reference.expects)
                yield finding_at(
                    WRONG_REFERENCE_TYPE,
                    reference.document,
                    reference.path,
                    field=reference.field,
                    target=reference.target,
                    **both_languages("expected", expected),
                    actual=_label(target, "sv"),
                    actual_en=_label(target, "en"),
                )
        elif reference.source.category == "organisation":
            yield from _direction_link(repository, reference, target)
        elif reference.source.kind is not None and target.kind is not None:
            source_kind, target_kind = reference.source.kind, target.kind
            if not model.allows(source_kind.id, target_kind.id):
                yield _link_not_allowed(
                    reference,
                    target,
                    model.links.get(source_kind.id, set()),
                    source_kind=source_kind.label("sv"),
                    source_kind_en=source_kind.label("en"),
                )


def _direction_link(
    repository: Repository, reference: Reference, target: Element
) -> Iterator[Finding]:
    """C002 for a board's or company's direction naming what is not the council's to give."""
    allowed = repository.model.direction_targets()
    kind = target.kind
    if kind is not None and kind.category == target.category and kind.id in allowed:
        return
    yield _link_not_allowed(
        reference,
        target,
        allowed,
        **both_languages("source_kind", NC_("the source of a link", "The direction of")),
    )


def _link_not_allowed(
    reference: Reference, target: Element, allowed_kinds: Iterable[str], **source_kind: str
) -> Finding:
    kinds = ", ".join(sorted(allowed_kinds))
    allowed = (
        {"allowed": kinds}
        if kinds
        else both_languages("allowed", NC_("no kind allowed", "nothing"))
    )
    return finding_at(
        LINK_NOT_ALLOWED,
        reference.document,
        reference.path,
        source=reference.source.id,
        target=target.id,
        target_kind=_label(target, "sv"),
        target_kind_en=_label(target, "en"),
        **source_kind,
        **allowed,
    )
