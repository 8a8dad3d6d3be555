"""The name the steering model gives an element's kind, carried into its changes.

A municipality that declares its kinds ("Stadens inriktning", "Nämndens och
bolagets mål", "Indikator (nyckeltal)") reads its own words in the sentences,
not the generic word of the category. The name is put into the change's
params as `kind_name`, in the run's language; a change without one is said
with the generic word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from styr.diff.changes import Change
from styr.model.index import ORGANISATION, Element, Index

# Changes about no element of the model, or about an organisation (whose name says what it is).
_WITHOUT_KIND = frozenset({ORGANISATION, "model", "repository"})


def with_kind_names(
    changes: Iterable[Change], old_index: Index, new_index: Index, language: str
) -> list[Change]:
    """The changes, each about an element of a declared kind with that kind's name."""
    named = []
    for change in changes:
        kind_name = _kind_name(change, old_index, new_index, language)
        if kind_name:
            change = replace(change, params={**change.params, "kind_name": kind_name})
        named.append(change)
    return named


def _kind_name(change: Change, old_index: Index, new_index: Index, language: str) -> str | None:
    if change.category in _WITHOUT_KIND or change.id is None:
        return None
    # An outcome is said of its indicator: the indicator's kind.
    category = "indicator" if change.category == "follow_up" else change.category
    element = _element(new_index, change.id, category) or _element(old_index, change.id, category)
    if element is None or element.kind is None:
        return None
    return element.kind.label(language)


def _element(index: Index, element_id: str, category: str) -> Element | None:
    element = index.by_id.get(element_id)
    return element if element is not None and element.category == category else None
