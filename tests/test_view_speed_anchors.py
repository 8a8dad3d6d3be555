"""Anchors given in one loop, an id that is a slug already, a free anchor taken at once:
each gives the anchors the plain rule gives, held here to the rule written out."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.escape import anchor_slug
from styr.model.index import Element
from styr.report.anchors import _SLUG, CATEGORY_WORDS, Anchors


class _AnchorsTheLongWay:
    """The rule as first written: slug every id, then search for a free number from 2."""

    def __init__(self, prefix: str) -> None:
        self.prefix = Anchors(prefix).prefix
        self.used: set[str] = set()
        self.of: dict[int, str] = {}

    def element(self, element: Element) -> str:
        if id(element) in self.of:
            return self.of[id(element)]
        word = CATEGORY_WORDS.get(element.category, "element")
        wanted = f"{self.prefix}{word}-{anchor_slug(element.id or '')}"
        anchor, number = wanted, 2
        while anchor in self.used:
            anchor = f"{wanted}-{number}"
            number += 1
        self.used.add(anchor)
        self.of[id(element)] = anchor
        return anchor


_id_characters = st.sampled_from([*"ab-_.9Z ÅK/", "--", "mal-1"])
_ids = st.one_of(
    st.none(),
    st.lists(_id_characters, max_size=6).map("".join),
    st.text(max_size=8),
)
_categories = st.sampled_from([*CATEGORY_WORDS, "unknown"])


def _element(element_id: str | None, category: str) -> Element:
    data: dict[str, Any] = {}
    return Element(element_id, category, None, (), data)  # type: ignore[arg-type]


@settings(deadline=None, max_examples=400)
@given(st.text(max_size=12) | st.lists(_id_characters, max_size=6).map("".join))
@example("mal-25101")
@example("a--b")
@example("-a")
@example("a-")
@example("")
@example("A")
@example("k1283")
def test_an_id_taken_as_a_slug_is_one(text: str) -> None:
    assert _SLUG.fullmatch(text) is None or anchor_slug(text) == text


@settings(deadline=None, max_examples=300)
@given(
    st.lists(st.tuples(_ids, _categories), max_size=25),
    st.sampled_from(["", "k1283", "r 2"]),
    st.lists(st.integers(0, 30), max_size=5),
)
@example([("mal-1", "goal"), ("mal-1", "goal"), ("mal-1-2", "goal"), (None, "goal")], "", [0])
@example([("MAL 1", "goal"), ("mal-1", "goal"), ("mal-1", "goal")], "k1283", [])
def test_anchors_given_in_one_loop_are_the_rule_written_out(
    written: list[tuple[str | None, str]], prefix: str, asked_again: list[int]
) -> None:
    elements = [_element(element_id, category) for element_id, category in written]
    anchors, long_way = Anchors(prefix), _AnchorsTheLongWay(prefix)
    anchors.section("innehall")
    long_way.used.add(f"{long_way.prefix}innehall")
    half = len(elements) // 2
    for element in elements[:half]:
        assert anchors.element(element) == long_way.element(element)
    anchors.elements(elements)  # the first half again, known already, then the rest
    for element in elements:
        assert anchors.element(element) == long_way.element(element)
    for position in asked_again:
        if position < len(elements):
            assert anchors.of(elements[position]) == long_way.of[id(elements[position])]
    late = _element(written[0][0] if written else "mal-1", "goal")  # wanted after all the rest
    assert anchors.element(late) == long_way.element(late)
