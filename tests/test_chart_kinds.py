"""Charts of two outcomes or more of the same kind (ticks, periods, targets, baseline, range,
language) share what their kind marks and writes alike: byte for byte what each chart gives
made and written alone, whichever chart of the kind came first, and within the limit kept."""

from __future__ import annotations

from typing import Any

from chart_helpers import gender, period, values
from hypothesis import example, given, settings
from hypothesis import strategies as st

import styr.report.chart_layout as layout
import styr.report.chart_several as several
from styr.report.chart import ChartOutcome, build_chart
from styr.report.chart_svg import chart_text


@st.composite
def one_kind(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "unit": draw(st.sampled_from(["procent", "", "<kr>"])),
        "better": draw(st.sampled_from(["higher", "lower", "range", None])),
        "periods": draw(
            st.sampled_from([("2024", "2025"), ("2023", "2025", "2024"), ("2024-T2", "2025")])
        ),
        "baseline": draw(st.one_of(st.none(), st.tuples(st.integers(2021, 2027), values))),
        "targets": draw(st.lists(st.tuples(st.integers(2022, 2027), values), max_size=3)),
        "value_range": draw(st.one_of(st.none(), st.just((72.5, 79.9)))),
        "language": draw(st.sampled_from(["sv", "en"])),
    }


COMMON = {
    "unit": "procent",
    "better": "higher",
    "periods": ("2024", "2025"),
    "baseline": (2022, 70.0),
    "targets": [(2024, 75.0), (2026, 80.0)],
    "value_range": None,
    "language": "sv",
}


def chart(kind: dict[str, Any], numbers: list[float], women: float | None, title: str) -> Any:
    inputs = {key: given for key, given in kind.items() if key != "periods"}
    outcomes = [
        ChartOutcome(period(text), number, women if i == 0 else None, None)
        for i, (text, number) in enumerate(zip(kind["periods"], numbers, strict=False))
    ]
    return build_chart(title=title, outcomes=outcomes, chart_id=title, **inputs)


def alone(
    kind: dict[str, Any], numbers: list[float], women: float | None, title: str, xl: str = ""
) -> Any:
    """The chart made and written with no kind kept, and its drawing."""
    kept = layout._FIXED_KEPT, several.KINDS_KEPT
    kinds = layout._FIXED, several._KINDS
    layout._FIXED_KEPT = several.KINDS_KEPT = 0
    layout._FIXED, several._KINDS = {}, {}  # none found either
    try:
        made = chart(kind, numbers, women, title)
        if made is None:
            return None
        return chart_text(made, xl), made.drawing.get(), made.rows, made.markdown()
    finally:
        layout._FIXED_KEPT, several.KINDS_KEPT = kept
        layout._FIXED, several._KINDS = kinds


numbers = st.lists(values, min_size=3, max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(one_kind(), numbers, gender), min_size=2, max_size=4))
@example([(COMMON, [71.0, 72.0, 0.0], None), (COMMON, [75.0, 79.9, 0.0], 70.0)])
@example(
    [
        (COMMON, [71.0, 72.0, 0.0], None),
        ({**COMMON, "value_range": (72.5, 79.9)}, [71.0, 72.0, 0.0], None),
        ({**COMMON, "language": "en"}, [71.0, 72.0, 0.0], None),
        ({**COMMON, "targets": [], "baseline": None}, [80.0, 70.0, 0.0], 70.0),
    ]
)
def test_charts_of_one_kind_are_written_as_each_alone(
    charts: list[tuple[dict[str, Any], list[float], float | None]],
) -> None:
    layout._FIXED.clear()  # the first chart of a kind makes it, the next find it
    several._KINDS.clear()
    for i, (kind, drawn, women) in enumerate(charts):
        title = ("Andel <nöjda>", "Andel & fler")[i % 2]
        made = chart(kind, drawn, women, title)
        expected = alone(kind, drawn, women, title, ' lang="sv"')
        if made is None or expected is None:
            assert made is None and expected is None
            continue
        shown = chart_text(made, ' lang="sv"'), made.drawing.get(), made.rows, made.markdown()
        assert shown == expected
    assert len(layout._FIXED) <= len(charts) and len(several._KINDS) <= len(charts)


def test_a_kind_is_kept_only_up_to_its_limit(monkeypatch: Any) -> None:
    layout._FIXED.clear()
    several._KINDS.clear()
    monkeypatch.setattr(layout, "_FIXED_KEPT", 1)
    monkeypatch.setattr(several, "KINDS_KEPT", 1)
    other = {**COMMON, "periods": ("2023", "2025")}
    for kind, numbers in ((COMMON, [71.0, 72.0]), (COMMON, [0.0, 12.5]), (other, [71.0, 72.5])):
        made = chart(kind, numbers, None, "Andel")
        expected = alone(kind, numbers, None, "Andel")
        assert (chart_text(made), made.rows, made.markdown()) == (expected[0], *expected[2:])
    assert len(layout._FIXED) == 1 and len(several._KINDS) == 1  # the next made alone


def test_charts_of_one_kind_share_its_marks() -> None:
    layout._FIXED.clear()
    one, other = (chart(COMMON, numbers, None, "Andel") for numbers in ([71.0, 72.0], [73.0, 74.0]))
    assert one.drawing.marks().fixed is other.drawing.marks().fixed
    assert chart_text(one) != chart_text(other)  # but each has its own outcomes
