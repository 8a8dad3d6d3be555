"""Goal-chain check for cycles (C003), in the goal chain and in the organisation tree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from styr.findings import Finding
from styr.i18n import N_, both_languages
from styr.rules.chain_rules import CYCLE, finding_at

if TYPE_CHECKING:
    from styr.model.index import Index, Reference
    from styr.model.repository import Repository


def check_cycles(repository: Repository, index: Index) -> Iterator[Finding]:
    """Each cycle once, in the goal chain first and then in the organisation tree."""
    relations = (
        ("contributes_to", N_("the goal chain")),
        ("parent", N_("the organisation tree")),
    )
    # The links of both relations sorted out in one pass over the references.
    edges_of: dict[str, dict[str, list[Reference]]] = {field: {} for field, _ in relations}
    for reference in index.references:
        edges = edges_of.get(reference.field)
        if edges is not None and reference.source.id and reference.target in index.by_id:
            edges.setdefault(reference.source.id, []).append(reference)
    for field, relation in relations:
        for cycle in _find_cycles(edges_of[field]):
            first = cycle[0]
            assert first is not None  # a cycle starts with a link; only its middle is left out
            shown = ["…" if r is None else r.source.id or "" for r in cycle]
            names = " → ".join([*shown, first.source.id or ""])
            yield finding_at(
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
    nothing: tuple[Reference, ...] = ()
    for start in sorted(edges):
        if colour.get(start, white) != white:
            continue
        # Each node on the stack with what is left of its links: one step of the
        # iterator per link, where a position kept in a new pair cost a look-up of
        # the node's links, their length and the pair at every step.
        stack: list[tuple[str, Iterator[Reference]]] = [(start, iter(edges[start]))]
        trail: list[Reference] = []
        colour[start] = grey
        while stack:
            node, outgoing = stack[-1]
            reference = next(outgoing, None)
            if reference is None:
                stack.pop()
                colour[node] = black
                if trail:
                    trail.pop()
                continue
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
                stack.append((reference.target, iter(edges.get(reference.target, nothing))))
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
