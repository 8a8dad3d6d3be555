"""A goal of one indicator takes its status straight from it: as every rule would give it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.followup.fulfilment import SEVERITY_ORDER, Status, goal_status


def _goal_status_plainly(statuses: list[Status], rule: str) -> Status:
    """The rules written out for any number of indicators."""
    if not statuses:
        return Status.NO_INDICATOR
    judged = [s for s in statuses if s in SEVERITY_ORDER]
    if not judged:
        return Status.NOT_FOLLOWED_UP if Status.NOT_FOLLOWED_UP in statuses else Status.NO_TARGET
    if rule == "worst":
        return next(s for s in SEVERITY_ORDER if s in judged)
    if rule == "majority":
        counts = {s: judged.count(s) for s in SEVERITY_ORDER}
        return max(SEVERITY_ORDER, key=lambda s: (counts[s], -SEVERITY_ORDER.index(s)))
    if all(s is Status.MET for s in judged):
        return Status.MET
    return Status.NOT_MET if all(s is Status.NOT_MET for s in judged) else Status.PARTLY_MET


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(list(Status)), max_size=4),
    st.sampled_from(["worst", "majority", "all_met"]),
)
def test_a_goals_status_is_its_rule_written_out(statuses: list[Status], rule: str) -> None:
    assert goal_status(statuses, rule) == _goal_status_plainly(statuses, rule)


def test_every_single_status_is_the_goals_by_every_rule() -> None:
    for status in Status:
        for rule in ("worst", "majority", "all_met"):
            assert goal_status([status], rule) == _goal_status_plainly([status], rule)
