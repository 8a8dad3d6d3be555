"""Helsingborg's published 2016 scorecard: the banding rule reproduced for every measure.

The measures (direction, target, outcome) are transcribed from the city's
annual report 2016; the expected statuses are what the published colour key
gives for them (see the fixture's header for how each was worked out).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from styr.followup.fulfilment import Scale, Status, fulfilment, status_of

SCORECARD = yaml.safe_load((FIXTURES / "published_scorecard.yaml").read_text(encoding="utf-8"))
COLOURS = {
    "green": Status.MET,
    "yellow": Status.PARTLY_MET,
    "red": Status.NOT_MET,
    "not_followed_up": Status.NOT_FOLLOWED_UP,
}


def test_the_fixture_covers_what_the_rule_must_handle() -> None:
    measures = SCORECARD["measures"]
    assert len(measures) >= 12
    assert any(m["better"] == "lower" for m in measures)
    assert any(m["outcome"] is None for m in measures)
    assert {m["status"] for m in measures} == set(COLOURS)


@pytest.mark.parametrize("measure", SCORECARD["measures"], ids=lambda m: m["name"][:50])
def test_status_follows_the_published_banding_rule(measure: dict[str, Any]) -> None:
    outcome = measure["outcome"]
    percent = (
        fulfilment(float(outcome), better=measure["better"], target=float(measure["target"]))
        if outcome is not None
        else None
    )
    status = status_of(percent, Scale(), has_outcome=outcome is not None, has_target=True)
    assert status is COLOURS[measure["status"]]
    if percent is not None:
        assert percent == pytest.approx(measure["fulfilment_percent"], abs=0.05)
