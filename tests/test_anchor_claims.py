"""Anchors handed out (`styr.report.anchors`) against a plain reading of the rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.report.anchors import Anchors


def _plainly(wanted: list[str]) -> list[str]:
    """Each wanted anchor, or the first of `-2`, `-3`, … that is not taken yet."""
    taken: set[str] = set()
    given_out = []
    for name in wanted:
        anchor, number = name, 2
        while anchor in taken:
            anchor, number = f"{name}-{number}", number + 1
        taken.add(anchor)
        given_out.append(anchor)
    return given_out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "a-2", "a-3", "a-2-2", "b", "b-1", "avsnitt"]), max_size=40))
def test_sections_get_what_the_rule_gives(wanted: list[str]) -> None:
    anchors = Anchors()
    assert [anchors.section(name) for name in wanted] == _plainly(wanted)
