"""Charts of one outcome of the same kind (ticks, period, target, baseline, language) are
written from the kind's parts with each chart's own value, name, title and unit, in HTML and
in Markdown: byte for byte what the general way writes of each, whichever was written first."""

from __future__ import annotations

from typing import Any

from chart_helpers import gender, period, values
from hypothesis import example, given, settings
from hypothesis import strategies as st

import styr.report.chart_md as markdown_kinds
import styr.report.chart_one_svg as kinds
from styr.report.chart import ChartOutcome, build_chart
from styr.report.chart_one import OneOutcome
from styr.report.chart_svg import chart_text


@st.composite
def one_kind(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "unit": draw(st.sampled_from(["procent", "", "<kr>"])),
        "better": draw(st.sampled_from(["higher", "lower", None])),
        "period": draw(st.sampled_from(["2025", "2024-T2", "2026-H1"])),
        "baseline": draw(st.one_of(st.none(), st.tuples(st.integers(2021, 2027), values))),
        "targets": draw(st.lists(st.tuples(st.integers(2022, 2027), values), max_size=1)),
        "language": draw(st.sampled_from(["sv", "en"])),
    }


COMMON = {
    "unit": "procent",
    "better": "higher",
    "period": "2025",
    "baseline": (2022, 70.0),
    "targets": [(2026, 80.0)],
    "language": "sv",
}


def charts(kind: dict[str, Any], value: float, women: float | None, title: str) -> tuple[Any, Any]:
    """The chart of one outcome the quick way, and the general way's of the same values."""
    inputs = {key: given for key, given in kind.items() if key != "period"}
    outcome = ChartOutcome(period(kind["period"]), value, women, None)
    quick = build_chart(title=title, outcomes=[outcome], value_range=None, chart_id=title, **inputs)
    undrawn = ChartOutcome(period("2019"), None)  # takes the chart the general way
    general = build_chart(
        title=title, outcomes=[outcome, undrawn], value_range=None, chart_id=title, **inputs
    )
    return quick, general


@settings(max_examples=300, deadline=None)
@given(one_kind(), values, values, gender, st.booleans(), st.booleans())
@example(COMMON, 71.0, 72.0, None, False, True)
@example(COMMON, 71.0, 72.0, 60.0, False, True)
@example(
    {**COMMON, "targets": [(2024, 80.0)], "baseline": (2026, 70.0)}, 71.0, 75.0, None, True, True
)
@example({**COMMON, "targets": [(2026, 0.0)]}, -0.0, 0.0, None, False, True)
@example(COMMON, 71.0, 72.0, None, False, False)
def test_charts_of_one_kind_are_written_as_the_general_way_writes_each(
    kind: dict[str, Any],
    first: float,
    second: float,
    women: float | None,
    marked: bool,
    room: bool,
) -> None:
    kinds._KINDS.clear()  # the first chart makes the kind, the second finds it
    markdown_kinds._KINDS.clear()
    kept = (kinds._KINDS_KEPT, markdown_kinds._KINDS_KEPT)
    if not room:  # no kind kept: each chart written from its own parts
        kinds._KINDS_KEPT = markdown_kinds._KINDS_KEPT = 0
    try:
        _written_alike(kind, first, second, women, marked)
    finally:
        kinds._KINDS_KEPT, markdown_kinds._KINDS_KEPT = kept
    if not room:
        assert not kinds._KINDS and not markdown_kinds._KINDS


def _written_alike(
    kind: dict[str, Any], first: float, second: float, women: float | None, marked: bool
) -> None:
    xl = ' lang="sv"' if marked else ""
    ticks = set()
    for value, title, gendered in ((first, "Andel <nöjda>", None), (second, "Andel & fler", women)):
        quick, general = charts(kind, value, gendered, title)
        if quick is None or general is None:
            assert quick == general
            return
        assert type(quick.parts) is OneOutcome
        assert chart_text(quick, xl) == chart_text(general, xl)
        assert quick.markdown() == general.markdown()
        ticks.add(quick.parts.ticks)
    if kinds._KINDS_KEPT:  # on the same ticks the two charts share their kind
        assert len(kinds._KINDS) == len(ticks)


def test_a_kind_is_kept_only_up_to_its_limit(monkeypatch: Any) -> None:
    kinds._KINDS.clear()
    markdown_kinds._KINDS.clear()
    monkeypatch.setattr(kinds, "_KINDS_KEPT", 0)
    monkeypatch.setattr(markdown_kinds, "_KINDS_KEPT", 0)
    quick, general = charts(COMMON, 71.0, None, "Andel")
    assert chart_text(quick) == chart_text(general)
    assert quick.markdown() == general.markdown()
    assert not kinds._KINDS and not markdown_kinds._KINDS  # made for it alone, not kept
