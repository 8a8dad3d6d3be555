"""The chart's quick ways through the common case give what the plain reading of its inputs
gives: the table's rows in order of time whether or not they had to be sorted, and
the Markdown table with its columns chosen once for all its rows, the description and the
word "Target" each said without a call a piece."""

from __future__ import annotations

from typing import Any

from chart_helpers import period
from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.report import formatting as fmt
from styr.report.chart import Chart, ChartOutcome, build_chart
from styr.report.chart_parts import ChartRow, Label
from styr.report.markdown import md
from styr.report.period_words import period_words
from styr.report.texts import Labels

# Tertials and halves too: "2024-T3" and "2024-H2" stand where the year 2024 does.
PERIODS = [
    f"{year}{part}" for year in range(2019, 2027) for part in ("", "-T1", "-T2", "-T3", "-H2")
]


values = st.one_of(
    st.sampled_from([0.0, -0.0, 12.5, 100.0, 0.1, 61.0, 80.0]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.sampled_from([float("nan"), float("inf")]),
)
maybe = st.one_of(st.none(), values)


@st.composite
def chart_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """What `indicator_chart` hands `build_chart`, the common case and every other."""
    periods = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=5, unique=True))
    return {
        "title": draw(st.sampled_from(["Andel nöjda", "<b>\"&'"])),
        "unit": draw(st.sampled_from(["procent", ""])),
        "better": draw(st.sampled_from(["higher", "lower", "range", None])),
        "outcomes": [
            ChartOutcome(period(p), draw(maybe), draw(maybe), draw(maybe)) for p in periods
        ],
        "baseline": draw(st.one_of(st.none(), st.tuples(st.integers(2017, 2028), values))),
        "targets": draw(st.lists(st.tuples(st.integers(2018, 2028), values), max_size=4)),
        "value_range": draw(st.one_of(st.none(), st.tuples(values, values).map(sorted))),
        "language": draw(st.sampled_from(["sv", "en"])),
    }


COMMON = {
    "title": "Andel nöjda",
    "unit": "procent",
    "better": "higher",
    "outcomes": [ChartOutcome(period("2025"), 61.0)],
    "baseline": (2022, 70.0),
    "targets": [(2026, 80.0)],
    "value_range": None,
    "language": "sv",
}
OUT_OF_ORDER = {
    **COMMON,
    "outcomes": [ChartOutcome(period("2024-T3"), 61.0), ChartOutcome(period("2025"), 62.0)],
    "baseline": (2025, 70.0),
    "targets": [(2024, 75.0), (2026, 80.0), (2023, 79.0)],
}


def plain_rows(inputs: dict[str, Any]) -> tuple[ChartRow, ...]:
    """The table read plainly: every row keyed by its time, the baseline first of its time."""
    language = inputs["language"]
    finite = [o for o in inputs["outcomes"] if o.value is not None and abs(o.value) < 1e308]
    goals = sorted((y, v) for y, v in inputs["targets"] if abs(v) < 1e308)
    baseline = inputs["baseline"]

    def number(value: float | None) -> str:
        return "" if value is None else fmt.number(value, language)

    by_year = {year: number(value) for year, value in goals}
    keyed = []
    if baseline is not None and abs(baseline[1]) < 1e308:
        label = Labels(language).chart_baseline_period.format(year=baseline[0])
        keyed.append((float(baseline[0]), 0, ChartRow(label, number(baseline[1]), "", "", "")))
    years = set()
    for o in sorted(finite, key=lambda o: o.period):
        p = o.period
        target = by_year.get(p.year, "") if p.is_year else ""
        years |= {p.year} if p.is_year else set()
        said = period_words(p.text, language)
        row = ChartRow(said, number(o.value), target, number(o.women), number(o.men))
        keyed.append((p.year - 1 + p.end_fraction, 1, row))
    for year, value in goals:
        if year not in years:
            keyed.append((float(year), 1, ChartRow(str(year), "", number(value), "", "")))
    return tuple(row for _, _, row in sorted(keyed, key=lambda k: k[:2]))


@settings(deadline=None, max_examples=300)
@given(chart_inputs())
@example(COMMON)
@example(OUT_OF_ORDER)
def test_the_rows_are_the_rows_of_the_plain_reading(inputs: dict[str, Any]) -> None:
    c = build_chart(**inputs)
    if c is not None:
        assert c.rows == plain_rows(inputs)
        assert all(type(row) is ChartRow for row in c.rows)


def test_rows_out_of_order_are_sorted() -> None:
    c = build_chart(**OUT_OF_ORDER)
    assert c is not None
    # The third tertial ends with its year: it is shown with the year's target.
    assert [(row.period, row.target) for row in c.rows] == [
        ("2023", "79"),
        ("januari–december 2024", "75"),
        ("2025 (utgångsvärde)", ""),
        ("2025", ""),
        ("2026", "80"),
    ]


def plain_markdown(c: Chart) -> str:
    """The Markdown table read plainly: each row's cells chosen by the columns, one by one."""
    heading = f"**{md(c.title)}**"
    heading += f" · {md(c.direction)}" if c.direction else ""
    heading += f" · {md(c.trend_text)}" if c.trend else ""
    w = c.words
    columns, rule = [w.period, w.outcome], ["---", "---:"]
    columns += [w.target] if c.has_targets else []
    columns += [w.women, w.men] if c.has_gender else []
    rule += ["---:"] * (len(columns) - 2)
    lines = [heading, "", f"| {' | '.join(map(md, columns))} |", f"| {' | '.join(rule)} |"]
    for row in c.rows:
        cells = [row.period, row.outcome]
        cells += [row.target] if c.has_targets else []
        cells += [row.women, row.men] if c.has_gender else []
        lines.append(f"| {' | '.join(map(md, cells))} |")
    return "\n".join([*lines, ""])


@settings(deadline=None, max_examples=200)
@given(chart_inputs())
@example(COMMON)
@example({**COMMON, "outcomes": [ChartOutcome(period("2025"), 61.0, 60.0, None)]})
@example({**COMMON, "targets": []})
def test_the_markdown_table_is_the_plain_reading_of_the_chart(inputs: dict[str, Any]) -> None:
    c = build_chart(**inputs)
    if c is not None:
        assert c.markdown() == plain_markdown(c)


def plain_description(c: Chart) -> str:
    """The description read plainly from the chart's points, targets, range and baseline."""
    t = Labels(c.language)
    sentences = [
        t.get(
            "chart_outcomes",
            values="; ".join(f"{period_words(p.label, c.language)}: {p.text}" for p in c.points),
        )
    ]
    if c.targets:
        listed = "; ".join(f"{p.label}: {p.text}" for p in c.targets)
        sentences.append(t.get("chart_targets", values=listed))
    if c.band:
        sentences.append(t.get("chart_range", range=c.band.text))
    if c.baseline:
        sentences.append(t.get("chart_baseline", year=c.baseline.label, value=c.baseline.text))
    return " ".join(sentences)


def plain_target_label(c: Chart) -> tuple[str, float, float, str] | None:
    """The word "Target" beside the last target, read plainly from the frame and the point."""
    if not c.targets:
        return None
    last, f = c.targets[-1], c.frame
    y = last.y - 10 if last.y - 10 >= f.top else last.y + 20
    right = last.x > (f.left + f.right) / 2
    word = Labels(c.language).chart_target
    return (word, last.x + 6, y, "end") if right else (word, last.x - 6, y, "start")


@settings(deadline=None, max_examples=200)
@given(chart_inputs())
@example(COMMON)
@example({**COMMON, "better": "range", "value_range": (60.0, 90.0)})
def test_the_description_and_the_target_label_are_the_plain_reading(
    inputs: dict[str, Any],
) -> None:
    c = build_chart(**inputs)
    if c is not None:
        assert c.description == plain_description(c)
        assert c.target_label == plain_target_label(c)
        assert c.target_label is None or type(c.target_label) is Label


@st.composite
def one_outcome_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """One outcome and a target or none: the baseline and the target before, after or of the
    outcome's own period, a tertial's year too."""
    inputs = draw(chart_inputs())
    inputs["outcomes"] = inputs["outcomes"][:1]
    inputs["targets"] = inputs["targets"][:1]
    return inputs


@settings(deadline=None, max_examples=300)
@given(one_outcome_inputs())
@example({**COMMON, "baseline": (2026, 70.0)})  # the baseline after the outcome
@example({**COMMON, "targets": [(2024, 75.0)]})  # the target before it
@example({**COMMON, "targets": [(2025, 75.0)]})  # the target of its year
@example({**COMMON, "outcomes": [ChartOutcome(period("2025-T3"), 61.0, 30.0, 31.0)]})
def test_the_rows_of_one_outcome_are_the_rows_of_the_plain_reading(
    inputs: dict[str, Any],
) -> None:
    c = build_chart(**inputs)
    if c is not None:
        assert c.rows == plain_rows(inputs)
        assert all(type(row) is ChartRow for row in c.rows)
