"""The overview's shortcuts give what the plain reading gives.

The figures count every category in one pass, the kinds are counted before
they are named, and the goal chain's closure is asked only about elements
that link somewhere. Each is held here to the reading written out the long way.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_helpers import ROOT, rich_repository

from styr.model.index import Element, Index, build_index, shared_index
from styr.model.repository import load_repository
from styr.report import formatting as fmt
from styr.report.anchors import Anchors
from styr.report.diagram import Diagram, build_diagram
from styr.report.links import sdg_goal_of
from styr.report.reach import Reach, council_top
from styr.report.texts import Labels
from styr.report.view import (
    COUNTED_AFTER_ORGANISATIONS,
    COUNTED_BEFORE_ORGANISATIONS,
    ViewBuilder,
)
from styr.report.view_types import Stats

sys.path.insert(0, str(ROOT / "benchmarks"))

from stress_corpus import DIRECTIONS, Goal, write_repository


@pytest.fixture(scope="module")
def builders(tmp_path_factory: pytest.TempPathFactory) -> list[ViewBuilder]:
    rich = rich_repository(tmp_path_factory.mktemp("overview") / "testby")
    roots = [rich, ROOT / "examples" / "helsingborg", ROOT / "examples" / "huddinge"]
    made = []
    for root in roots:
        repository = load_repository(root)
        for language in ("sv", "en"):
            made.append(
                ViewBuilder(repository, shared_index(repository), Labels(language), Anchors())
            )
    return made


def _stats_the_long_way(builder: ViewBuilder, reach: Reach) -> Stats:
    index = builder.index
    indicators = index.of_category("indicator")
    sdg_goals = {
        goal
        for element in index.elements
        for reference in fmt.string_list(element.data.get("agenda2030"))
        if (goal := sdg_goal_of(reference)) is not None
    }
    targets = [i.data.get("targets") for i in indicators]
    organisations = {element.id for element in index.organisations}
    # An indicator with targets under no goal is a (smart) goal of its own: the board's when
    # an organisation owns it, else the council's.
    smart = [
        i
        for i in indicators
        if i.data.get("targets")
        and (i.parent is None or i.parent.category not in ("goal", "council_goal"))
    ]
    boards = [i for i in smart if i.owner in organisations]
    goals = [g for g in index.of_category("goal") if g.owner in organisations] + boards
    linked = [g for g in goals if reach.tops(g)]
    return Stats(
        organisations=len(index.organisations),
        council_areas=len(index.of_category("council_area")),
        council_goals=len(index.of_category("council_goal")) + len(smart) - len(boards),
        goals=len(index.of_category("goal")) + len(boards),
        linked_goals=len(linked),
        indicators=len(indicators),
        indicators_with_targets=sum(
            1 for t in targets if isinstance(t, list) and any(isinstance(x, dict) for x in t)
        ),
        indicators_with_kolada=sum(1 for i in indicators if fmt.text(i.data.get("kolada"))),
        sdg_goals=len(sdg_goals),
        assignments=len(index.of_category("assignment")),
        work_plans=len(index.of_category("work_plan")),
        activities=len(index.of_category("activity")),
        documents=len(index.of_category("steering_document")),
    )


def test_the_figures_are_the_counts_written_out(builders: list[ViewBuilder]) -> None:
    for builder in builders:
        reach = Reach(builder.index)
        assert builder.stats(reach) == _stats_the_long_way(builder, reach)
    assert any(builder.stats().sdg_goals for builder in builders)
    assert any(builder.stats().indicators_with_kolada for builder in builders)


def test_the_kinds_are_tallied_as_each_element_names_its_own(
    builders: list[ViewBuilder],
) -> None:
    categories = COUNTED_BEFORE_ORGANISATIONS + COUNTED_AFTER_ORGANISATIONS
    for builder in builders:
        long_way = Counter(
            (element.category, builder.kind(element))
            for element in builder.index.elements
            if element.category in categories
        )
        tally = builder.tally_by_kind(categories)
        assert list(tally.items()) == list(long_way.items())  # the order first met, too


# --- the goal chain -----------------------------------------------------------------------


def _passes_on(element: Element) -> bool:
    return element.owner is not None and element.category != "organisation"


def _tops_the_long_way(index: Index, element: Element) -> set[int]:
    """Every council-level column reached by walking the links from the element, one by one."""
    links: dict[int, list[Element]] = {}
    for reference in index.references:
        target = index.by_id.get(reference.target)
        if reference.field == "contributes_to" and target is not None:
            links.setdefault(id(reference.source), []).append(target)
    found: set[int] = set()
    seen = {id(element)}
    walk = [element]
    while walk:
        for target in links.get(id(walk.pop()), []):
            top = council_top(target)
            if top is not None:
                found.add(id(top))
            elif _passes_on(target) and id(target) not in seen:
                seen.add(id(target))
                walk.append(target)
    return found


def _assert_reach_is_the_walk(index: Index) -> None:
    reach = Reach(index)
    for element in index.elements:
        tops = reach.tops(element)
        assert len(tops) == len({id(top) for top in tops})
        assert {id(top) for top in tops} == _tops_the_long_way(index, element)
        assert reach.reaches(element) == bool(tops)


def test_the_examples_reach_what_walking_their_links_reaches(
    builders: list[ViewBuilder],
) -> None:
    for builder in builders[::2]:
        _assert_reach_is_the_walk(builder.index)


_links = st.lists(
    st.one_of(
        st.integers(1, 12).map(lambda n: f"mal-{n}"),
        st.integers(1, DIRECTIONS).map(lambda n: f"inriktning-{n}"),
        st.just("saknas"),
    ),
    max_size=3,
)


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_links, min_size=1, max_size=12))
def test_chains_cycles_and_branches_reach_what_walking_them_reaches(
    tmp_path: Path, links: list[list[str]]
) -> None:
    goals = [Goal(n, ", ".join(targets)) for n, targets in enumerate(links, start=1)]
    root = tmp_path / "chain"
    write_repository(root, goals)
    _assert_reach_is_the_walk(build_index(load_repository(root)))


# --- the diagram --------------------------------------------------------------------------


def _tops_in_order(order: Callable[[list[Element]], list[Element]]) -> Callable[..., list[Element]]:
    tops = Reach.tops

    def ordered(reach: Reach, element: Element) -> list[Element]:
        return order(tops(reach, element))

    return ordered


def _diagram_in_any_order(
    root: Path, monkeypatch: pytest.MonkeyPatch, limit: int | None = None
) -> Diagram:
    repository = load_repository(root)
    builder = ViewBuilder(repository, shared_index(repository), Labels("sv"), Anchors())
    view = builder.build()
    shortcut = build_diagram(builder, view, listed_up_to=limit)
    targets = [e for c in ("council_area", "council_goal") for e in builder.index.of_category(c)]
    position = {id(target): number for number, target in enumerate(targets)}
    for order in (
        lambda tops: sorted(tops, key=lambda top: position[id(top)]),  # the diagram's order
        lambda tops: sorted(tops, key=lambda top: -position[id(top)]),
    ):
        with monkeypatch.context() as patched:
            patched.setattr(Reach, "tops", _tops_in_order(order))
            assert build_diagram(builder, view, listed_up_to=limit) == shortcut
    return shortcut


@settings(
    deadline=None, max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_links, min_size=1, max_size=8), st.integers(0, 4))
def test_the_diagram_is_the_same_whatever_order_a_goals_targets_come_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: list[list[str]], limit: int
) -> None:
    goals = [Goal(n, ", ".join(targets)) for n, targets in enumerate(links, start=1)]
    root = tmp_path / "diagram"
    write_repository(root, goals)
    _diagram_in_any_order(root, monkeypatch, limit)


def test_the_examples_diagrams_are_the_same_whatever_order_the_targets_come_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("helsingborg", "huddinge"):
        assert _diagram_in_any_order(ROOT / "examples" / name, monkeypatch).targets
