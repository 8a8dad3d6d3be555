"""What the tests of the charts share: a period from its text, and the values the
hypothesis tests of charts of one kind draw from."""

from __future__ import annotations

from hypothesis import strategies as st

from styr.followup.periods import Period, parse_period


def period(text: str) -> Period:
    parsed = parse_period(text)
    assert parsed is not None
    return parsed


# Values within a few sets of ticks (the ticks are part of a chart's kind), and the sign of
# zero, which a kind must not lose.
values = st.sampled_from([70.0, 71.0, 72.5, 75.0, 79.9, 80.0, 0.0, -0.0, 12.5])
gender = st.one_of(st.none(), values)
