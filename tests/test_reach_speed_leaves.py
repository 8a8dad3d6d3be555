"""`Reach` answers as the closure over every linking element answered, on generated chains.

`Reach` finds the elements that link from the links themselves, takes those
that link straight to the council level and nowhere else (nearly every goal)
without the closure, and lists each set of columns reached once; here it is
held to the way it was written before, every linking element given to the
closure, over chains, cycles and branches between the council level, the
organisations, their goals and indicators.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.load import Document
from styr.model.closure import Closure
from styr.model.index import Element, Index, Reference
from styr.report.reach import Reach, _passes_on, council_top


class _ReachTheLongWay:
    def __init__(self, index: Index) -> None:
        self._tops: dict[int, Element] = {}
        self._direct: dict[int, list[int]] = defaultdict(list)
        self._onward: dict[int, list[Element]] = defaultdict(list)
        for reference in index.references:
            if reference.field != "contributes_to":
                continue
            target = index.by_id.get(reference.target)
            if target is None:
                continue
            source = id(reference.source)
            top = council_top(target)
            if top is not None:
                self._tops[id(top)] = top
                self._direct[source].append(id(top))
            elif _passes_on(target):
                self._onward[source].append(target)
        direct, onward = self._direct, self._onward
        self._closure: Closure[Element, int] = Closure(
            (
                element
                for element in index.elements
                if (id(element) in direct or id(element) in onward) and _passes_on(element)
            ),
            lambda element: direct.get(id(element), ()),
            lambda element: onward.get(id(element), ()),
        )

    def tops(self, element: Element) -> list[Element]:
        if _passes_on(element):
            reached: Any = self._closure.reached(element)
        else:
            reached = set(self._direct.get(id(element), ()))
            for target in self._onward.get(id(element), ()):
                reached |= self._closure.reached(target)
        return [self._tops[key] for key in reached]


_DOCUMENT = Document(Path("x.yaml"), {})
# (category, what it stands under: the last element made before it of that kind)
_SHAPES = st.sampled_from(
    [
        ("council_area", None),
        ("council_goal", None),
        ("council_goal", "area"),
        ("indicator", "council"),
        ("organisation", None),
        ("goal", None),
        ("goal", None),
        ("indicator", "goal"),
        ("indicator", "organisation"),
    ]
)


def _index(shapes: list[tuple[str, str | None]], links: list[tuple[int, int]]) -> Index:
    index = Index()
    for number, (category, under) in enumerate(shapes):
        owner = (
            "n"
            if category in ("goal", "organisation") or under in ("goal", "organisation")
            else None
        )
        wanted = {"area": "council_area", "council": "council_goal"}.get(under or "", under)
        parents = [e for e in index.elements if e.category == wanted]
        parent = parents[-1] if parents else None
        element = Element(f"e{number}", category, _DOCUMENT, (), {}, owner=owner, parent=parent)
        index.add(element)
    for source, target in links:
        if source < len(index.elements):
            name = f"e{target}" if target < len(index.elements) else "okänd"
            index.references.append(
                Reference(index.elements[source], name, "contributes_to", _DOCUMENT, ())
            )
    index.references.append(Reference(index.elements[0], "e0", "parent", _DOCUMENT, ()))
    return index


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.lists(_SHAPES, min_size=1, max_size=14),
    st.lists(st.tuples(st.integers(0, 14), st.integers(0, 15)), max_size=24),
)
def test_reach_is_the_closure_over_every_linking_element(
    shapes: list[tuple[str, str | None]], links: list[tuple[int, int]]
) -> None:
    index = _index(shapes, links)
    reach, plain = Reach(index), _ReachTheLongWay(index)
    for element in index.elements:
        expected = sorted(id(top) for top in plain.tops(element))
        assert sorted(id(top) for top in reach.tops(element)) == expected
        assert reach.reaches(element) == bool(expected)
        assert reach.tops(element) == reach.tops(element)  # asked again: the same columns


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    st.lists(_SHAPES, min_size=1, max_size=14),
    st.lists(st.tuples(st.integers(0, 14), st.integers(0, 15)), max_size=24),
)
def test_the_columns_come_in_the_order_the_links_first_name_them(
    shapes: list[tuple[str, str | None]], links: list[tuple[int, int]]
) -> None:
    # Never in the order of a set of ids (memory addresses, which change from run to run).
    index = _index(shapes, links)
    reach = Reach(index)
    first_named: list[int] = []
    for reference in index.references:
        target = index.by_id.get(reference.target)
        top = council_top(target) if target is not None else None
        if reference.field == "contributes_to" and top is not None and id(top) not in first_named:
            first_named.append(id(top))
    for element in index.elements:
        found = [id(top) for top in reach.tops(element)]
        assert found == sorted(found, key=first_named.index)
