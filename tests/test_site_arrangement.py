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


@given(st.lists(st.lists(st.sampled_from(_IDS), max_size=4), min_size=1, max_size=5))
def test_the_areas_reached_are_those_the_rule_gives_in_its_order(targets: list[list[str]]) -> None:
    arrangement = _arrangement()
    contributions = [_contribution(number, named) for number, named in enumerate(targets)]
    by_id = {c.ref.id: c for c in contributions}
    for contribution in contributions:
        expected = _reached_as_the_rule_reads(arrangement, contribution, by_id)
        assert arrangement.areas_reached(contribution, by_id) == expected


def test_a_chain_of_more_than_a_thousand_goals_reaches_its_area() -> None:
    """Deeper than Python lets calls nest: the chain is followed in a loop."""
    arrangement = _arrangement()
    length = 1_200
    contributions = [_contribution(0, ["k1"])] + [
        _contribution(number, [f"g{number - 1}"]) for number in range(1, length)
    ]
    arrangement.contributions.extend(contributions)
    arrangement.finish()
    last = contributions[-1]
    assert arrangement.areas_of(last) == ["A1"]
    assert len(arrangement.by_area["A1"]) == length
