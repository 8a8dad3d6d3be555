"""A chart of one outcome or one target, written and marked without the loops that several
need, is what the plain reading gives: every value as the language writes it, where each
outcome stands, whether one is given for women or men, and each mark drawn where its point is."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_chart_speed_paths import COMMON, chart_inputs

from styr.report import formatting as fmt
from styr.report.chart import build_chart
from styr.report.chart_layout import DIAMOND, DOT, n


@st.composite
def few(draw: st.DrawFn) -> dict[str, Any]:
    """One outcome or a few, one target or none or a few."""
    inputs = draw(chart_inputs())
    if draw(st.booleans()):
        inputs["outcomes"] = inputs["outcomes"][:1]
    if draw(st.booleans()):
        inputs["targets"] = inputs["targets"][:1]
    return inputs


def finite(value: float | None) -> bool:
    return value is not None and abs(value) < float("inf")


@settings(deadline=None, max_examples=300)
@given(few())
@example(COMMON)
@example({**COMMON, "baseline": None, "targets": []})
def test_one_outcome_and_target_are_written_and_marked_as_the_plain_reading(
    inputs: dict[str, Any],
) -> None:
    c = build_chart(**inputs)
    if c is None:
        return
    language = inputs["language"]
    drawn = sorted((o for o in inputs["outcomes"] if finite(o.value)), key=lambda o: o.period)
    goals = sorted((y, v) for y, v in inputs["targets"] if finite(v))
    w = c.written
    assert w.periods == [o.period.text for o in drawn]
    assert w.times == [o.period.year - 1 + o.period.end_fraction for o in drawn]
    assert w.values == [fmt.number(o.value, language) for o in drawn]
    assert w.targets == [(str(year), fmt.number(value, language)) for year, value in goals]
    assert c.has_gender == any(o.women is not None or o.men is not None for o in drawn)
    assert [(p.label, p.text) for p in c.points] == list(zip(w.periods, w.values, strict=True))
    assert c.point_marks == "".join(f"M{n(p.x - 4)} {n(p.y)}{DOT}" for p in c.points)
    assert c.target_marks == "".join(f"M{n(p.x)} {n(p.y - 5)}{DIAMOND}" for p in c.targets)
    line = " ".join(f"{n(p.x)},{n(p.y)}" for p in c.points)
    assert c.line == (line if len(c.points) > 1 else "")
    if c.baseline is not None:
        b = c.baseline
        assert c.baseline_mark == f"M{n(b.x - 4)} {n(b.y - 4)}h8v8h-8z"
