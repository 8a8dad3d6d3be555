"""An outcome judged without a percentage (not followed up, no target for the period, a
target of zero) is given one judgement shared by all judged so, equal to one made for it."""

from __future__ import annotations

import pytest

from styr.followup.fulfilment import Judgement, Scale, Status, judge_value

SCALE = Scale()


@pytest.mark.parametrize(
    ("outcome", "better", "target", "expected"),
    [
        (None, "higher", 80.0, Judgement(None, Status.NOT_FOLLOWED_UP)),
        (71.0, "higher", None, Judgement(None, Status.NO_TARGET)),
        (0.0, "lower", 0.0, Judgement(None, Status.MET)),
        (2.0, "lower", 0.0, Judgement(None, Status.NOT_MET)),
    ],
)
def test_a_judgement_without_a_percentage_is_shared(
    outcome: float | None, better: str, target: float | None, expected: Judgement
) -> None:
    first = judge_value(outcome, SCALE, better=better, target=target)
    assert first == expected
    assert judge_value(outcome, SCALE, better=better, target=target) is first


def test_a_judgement_with_a_percentage_is_its_own() -> None:
    first = judge_value(71.0, SCALE, better="higher", target=80.0)
    assert first.percent is not None and first.status is Status.NOT_MET
    assert judge_value(71.0, SCALE, better="higher", target=80.0) is not first
