"""A chart written in one pass is the chart its fields describe: the same bytes as the macro a
folder of templates would write from the Chart's fields (frame, points, ticks, rows, legend),
its points where the frame's scales put them, and its shared axes the same after pickling."""

from __future__ import annotations

import pickle
from pathlib import Path

from chart_helpers import period
from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.report.chart import Chart, ChartOutcome, build_chart
from styr.report.chart_axes import round_ticks
from styr.report.chart_table import time_of
from styr.report.render import environment

# The macro as the template once laid the chart out, field by field: the documented way for
# a folder of templates to draw a chart itself, and the plain reading of what `html()` writes.
FIELD_MACRO = (Path(__file__).parent / "fixtures" / "chart_fields.html.j2").read_text("utf-8")

PERIODS = [f"{year}{part}" for year in range(2019, 2027) for part in ("", "-T1", "-T2", "-H1")]


def by_fields(c: Chart) -> str:
    return environment("html", None).from_string(FIELD_MACRO).render(c=c)


values = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.sampled_from([0.0, -0.0, 12.5, 100.0, 0.1, 1e-9]),
)
maybe = st.one_of(st.none(), values)


@st.composite
def charts(draw: st.DrawFn) -> Chart | None:
    periods = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=6, unique=True))
    return build_chart(
        title=draw(st.sampled_from(["Andel nöjda", "<b>\"&'", ""])),
        unit=draw(st.sampled_from(["procent", "", "<kr>"])),
        better=draw(st.sampled_from(["higher", "lower", "range", None])),
        outcomes=[ChartOutcome(period(p), draw(maybe), draw(maybe), draw(maybe)) for p in periods],
        baseline=draw(st.one_of(st.none(), st.tuples(st.integers(2015, 2026), values))),
        targets=draw(st.lists(st.tuples(st.integers(2018, 2030), values), max_size=4)),
        value_range=draw(st.one_of(st.none(), st.tuples(values, values).map(sorted))),
        language=draw(st.sampled_from(["sv", "en"])),
        chart_id=draw(st.sampled_from(["graf-a", 'x"<y'])),
    )


@settings(deadline=None, max_examples=100)
@given(charts())
@example(None)
def test_the_one_pass_chart_is_the_chart_of_its_fields(c: Chart | None) -> None:
    if c is not None:
        assert c.html() == by_fields(c)


def test_the_points_stand_where_the_frames_scales_put_them() -> None:
    c = build_chart(
        title="x",
        unit="",
        better="range",
        outcomes=[ChartOutcome(period(p), v) for p, v in (("2025", 7.0), ("2023-T2", 4.0))],
        baseline=(2021, 5.5),
        targets=[(2026, 6.0), (2024, 8.0)],
        value_range=(5.0, 9.0),
        language="sv",
    )
    assert c is not None
    times = [time_of(period("2023-T2")), 2025.0, 2024.0, 2026.0, 2021.0]
    x = c.frame.x_scale(min(times), max(times))
    ticks = round_ticks(4.0, 9.0)  # the lowest and highest value of all drawn
    y = c.frame.y_scale(ticks[0], ticks[-1])
    drawn = [(p.label, p.x, p.y) for p in (*c.points, *c.targets)]
    assert drawn == [
        ("2023-T2", x(times[0]), y(4.0)),
        ("2025", x(2025.0), y(7.0)),
        ("2024", x(2024.0), y(8.0)),
        ("2026", x(2026.0), y(6.0)),
    ]
    assert c.baseline is not None and (c.baseline.x, c.baseline.y) == (x(2021.0), y(5.5))
    assert c.band is not None and (c.band.top, c.band.bottom) == (y(9.0), y(5.0))


def test_a_pickled_chart_draws_the_same_with_the_same_shared_axes() -> None:
    made = build_chart(
        title="x",
        unit="procent",
        better="higher",
        outcomes=[ChartOutcome(period("2024"), 61.0), ChartOutcome(period("2025"), 64.0)],
        baseline=None,
        targets=[(2026, 80.0)],
        value_range=None,
        language="sv",
    )
    assert made is not None
    html = made.html()
    again = pickle.loads(pickle.dumps(made))
    assert again.html() == html and again.drawing.get().axes is made.drawing.get().axes


def coordinate(value: float) -> str:
    """A coordinate written the plain way: one decimal, none when it is 0, never -0."""
    text = f"{value + 0.0:.1f}"
    return text.removesuffix(".0")


@settings(deadline=None, max_examples=100)
@given(charts())
def test_each_mark_is_drawn_at_its_point(c: Chart | None) -> None:
    if c is None:
        return
    xy = [f"{coordinate(p.x)},{coordinate(p.y)}" for p in c.points]
    assert c.line == (" ".join(xy) if len(xy) > 1 else "")
    assert c.point_marks == "".join(
        f"M{coordinate(p.x - 4)} {coordinate(p.y)}{c.dot}" for p in c.points
    )
    targets = [f"{coordinate(p.x)},{coordinate(p.y)}" for p in c.targets]
    assert c.target_line == (" ".join(targets) if len(targets) > 1 else "")
    assert c.target_marks == "".join(
        f"M{coordinate(p.x)} {coordinate(p.y - 5)}{c.diamond}" for p in c.targets
    )
    b = c.baseline
    square = f"M{coordinate(b.x - 4)} {coordinate(b.y - 4)}h8v8h-8z" if b else ""
    assert c.baseline_mark == square
