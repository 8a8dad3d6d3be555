"""Which areas a contribution reaches through the chain of goals (`Arrangement`)."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from styr.report.view_types import Ref
from styr.site.pages import Arrangement, Contribution, OrganisationLink

_OWNER = OrganisationLink("n", "Nämnden", "organisationer/n.html")
_IDS = ["A1", "A2", "k1", "k2", "g0", "g1", "g2", "g3", "g4", "okänd"]


def _arrangement() -> Arrangement:
    arrangement = Arrangement()
    arrangement.area_of.update({"A1": "A1", "A2": "A2", "k1": "A1", "k2": "A2"})
    return arrangement


def _contribution(number: int, targets: list[str]) -> Contribution:
    refs = tuple(Ref(target, target, f"#{target}") for target in targets)
    return Contribution(
        Ref(f"g{number}", f"Mål {number}", f"#g{number}"), "Mål", None, refs, _OWNER
    )


def _reached_as_the_rule_reads(
    arrangement: Arrangement, contribution: Contribution, by_id: dict[str, Contribution]
) -> list[tuple[str, Ref | None]]:
    """Each first step followed depth first by a call for each step, as the rule says."""

    def areas_from(target: str, seen: set[str]) -> Iterator[str]:
        if target in seen:
            return
        seen.add(target)
        if target in arrangement.area_of:
            yield arrangement.area_of[target]
            return
        if target in by_id:
            for further in by_id[target].contributes_to:
                yield from areas_from(further.id, seen)

    reached: dict[str, Ref | None] = {}
    for first in contribution.contributes_to:
        for area in areas_from(first.id, {contribution.ref.id}):
            reached.setdefault(area, None if first.id == area else first)
    return list(reached.items())


def _placed_as_the_rule_reads(
    contributions: list[Contribution],
) -> list[list[tuple[str, Ref | None]]]:
    arrangement = _arrangement()
    by_id = {c.ref.id: c for c in contributions if c.ref.id}
    return [_reached_as_the_rule_reads(arrangement, c, by_id) for c in contributions]


def _placed(contributions: list[Contribution]) -> list[list[tuple[str, Ref | None]]]:
    """Where `finish` placed each contribution: its areas in order, each with its first step."""
    arrangement = _arrangement()
    arrangement.contributions.extend(contributions)
    arrangement.finish()
    via = {
        (id(item.contribution), area): item.via
        for area, items in arrangement.by_area.items()
        for item in items
    }
    placed = [[(a, via[id(c), a]) for a in arrangement.areas_of(c)] for c in contributions]
    assert len(via) == sum(len(areas) for areas in placed)  # under no area it does not reach
    return placed


@given(st.lists(st.lists(st.sampled_from(_IDS), max_size=4), min_size=1, max_size=5))
def test_the_areas_reached_are_those_the_rule_gives_in_its_order(targets: list[list[str]]) -> None:
    """Any chain, loops and all."""
    contributions = [_contribution(number, named) for number, named in enumerate(targets)]
    assert _placed(contributions) == _placed_as_the_rule_reads(contributions)
    arrangement = _arrangement()
    by_id = {c.ref.id: c for c in contributions}
    for contribution in contributions:
        expected = _reached_as_the_rule_reads(arrangement, contribution, by_id)
        assert arrangement.areas_reached(contribution, by_id) == expected


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.lists(st.integers(0, 9), max_size=4)),
        min_size=1,
        max_size=7,
    )
)
def test_a_chain_without_loops_gives_the_areas_the_rule_gives(
    goals: list[tuple[int, list[int]]],
) -> None:
    """Each goal names council-level elements, unknown ids and goals numbered below it (no
    loop), a number may be given twice, and a direction (no id) names anything."""
    council = ["A1", "A2", "k1", "k2", "okänd"]
    contributions = []
    for number, named in goals:
        below = [f"g{n % number}" for n in named if number] + [council[n % 5] for n in named]
        contributions.append(_contribution(number, below[::2] + below[1::2]))
    direction = Contribution(Ref("", "Inriktning", "#n"), "Inriktning", None, (), _OWNER)
    refs = (*(Ref(c.ref.id, c.ref.id, "#") for c in contributions[:3]), Ref("k2", "", "#"))
    contributions.append(Contribution(direction.ref, direction.kind, None, refs, _OWNER))
    assert _placed(contributions) == _placed_as_the_rule_reads(contributions)


def test_a_chain_of_more_than_a_thousand_goals_reaches_its_area() -> None:
    """Deeper than Python lets calls nest: the chain is followed in a loop."""
    arrangement = _arrangement()
    length = 5_000
    contributions = [_contribution(0, ["k1"])] + [
        _contribution(number, [f"g{number - 1}"]) for number in range(1, length)
    ]
    arrangement.contributions.extend(contributions)
    arrangement.finish()
    last = contributions[-1]
    assert arrangement.areas_of(last) == ["A1"]
    assert len(arrangement.by_area["A1"]) == length


def test_a_goal_whose_id_another_goal_has_too_is_walked_as_the_rule_walks_it() -> None:
    """The chain goes on from the later of the two (the one its id leads to), and a walk from
    the earlier stops where it comes back to its own id."""
    contributions = [
        _contribution(3, ["g1"]),  # its id is the later one's too
        _contribution(1, ["g3", "k1"]),
        _contribution(3, ["k2"]),
    ]
    placed = _placed(contributions)
    assert placed == _placed_as_the_rule_reads(contributions)
    assert [area for area, _ in placed[0]] == ["A1"]  # not A2, through the other g3
