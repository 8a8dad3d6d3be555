"""An indicator's chart: axes a reader can read, the target drawn, the trend in words that agree
with the line and with which direction is better, and the same numbers as a table."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest
from chart_helpers import period
from conftest import EXAMPLES, CliResult
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from styr.report import build_report
from styr.report.chart import Chart, ChartOutcome, build_chart, trend_legend
from styr.report.chart_axes import value_ticks
from styr.report.render import environment

SVG = "{http://www.w3.org/2000/svg}"


def chart(
    values: dict[str, float | None],
    *,
    better: str | None = "higher",
    targets: list[tuple[int, float]] | None = None,
    baseline: tuple[int, float] | None = None,
    value_range: tuple[float, float] | None = None,
    title: str = "Andel nöjda",
    unit: str = "procent",
    language: str = "sv",
    gender: dict[str, tuple[float, float]] | None = None,
) -> Chart:
    split = gender or {}
    made = build_chart(
        title=title,
        unit=unit,
        better=better,
        outcomes=[
            ChartOutcome(period(p), v, *split.get(p, (None, None))) for p, v in values.items()
        ],
        baseline=baseline,
        targets=targets or [],
        value_range=value_range,
        language=language,
        chart_id="graf-test",
    )
    assert made is not None
    return made


def rendered(c: Chart) -> str:
    template = environment("html", None).from_string(
        '{% from "_chart.html.j2" import chart %}{{ chart(c) }}'
    )
    return template.render(c=c)


def svg_of(html: str) -> ElementTree.Element:
    found = re.search(r"<svg.*?</svg>", html, re.DOTALL)
    assert found is not None
    return ElementTree.fromstring(found[0].replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def texts(svg: ElementTree.Element, group: str) -> list[str]:
    element = svg.find(f".//{SVG}g[@class='{group}']")
    assert element is not None
    return [t.text or "" for t in element.iter(f"{SVG}text")]


# --- the defect: "↗ förbättras" beside a line a reader sees falling -----------------------


def _indicator_section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</article>", start)]


def test_a_falling_value_where_lower_is_better_is_said_to_fall_and_be_better() -> None:
    # Helsingborg's NO2 indicator: lower is better, 19.9 in 2024 and 18.8 in 2025.
    page = build_report([EXAMPLES / "helsingborg"], "html", "sv")
    section = _indicator_section(page, "ind-mn-mal-1-ind-1")
    assert "↗" not in section and "förbättras" not in section
    assert "Lägre värde är bättre" in section
    assert "Lägre än 2024 – bättre" in section
    assert '<span aria-hidden="true">↘</span>' in section


def test_status_does_not_point_a_rising_arrow_at_a_falling_value(
    run_cli: Callable[..., CliResult],
) -> None:
    result = run_cli("status", EXAMPLES / "helsingborg", "--lang", "sv")
    row = next(line for line in result.out.splitlines() if "Årsmedelvärde av NO2" in line)
    assert "+ förbättras" in row and "↗" not in row


def _point_path(figure: str) -> str:
    """The path of the outcomes' dots: a move to each dot's left point, then its two arcs."""
    found = re.search(r'<path class="chart-point" d="([^"]*)"', figure)
    assert found is not None
    return found[1]


def _figures(page: str) -> list[str]:
    return re.findall(r'<figure class="chart".*?</figure>', page, re.DOTALL)


@pytest.mark.parametrize("name", ["helsingborg", "huddinge"])
def test_every_trend_word_agrees_with_the_line_drawn_and_the_better_direction(name: str) -> None:
    page = build_report([EXAMPLES / name], "html", "sv")
    figures = _figures(page)
    assert len(figures) >= 10
    judged = 0
    for figure in figures:
        ys = [float(y) for y in re.findall(r"M[\d.]+ ([\d.]+)a4", _point_path(figure))]
        trend = re.search(
            r'class="chart-trend"><span aria-hidden="true">(.)</span> ([^<]*)<', figure
        )
        if len(ys) < 2:
            assert trend is None
            continue
        assert trend is not None
        symbol, words = trend.groups()
        rising = ys[-1] < ys[-2]  # SVG y grows downwards
        falling = ys[-1] > ys[-2]
        assert symbol == ("↗" if rising else "↘" if falling else "→")
        assert words.startswith("Högre" if rising else "Lägre" if falling else "Samma")
        if "Högre värde är bättre" in figure and ys[-1] != ys[-2]:
            assert words.endswith("bättre.") == rising
            judged += 1
        if "Lägre värde är bättre" in figure and ys[-1] != ys[-2]:
            assert words.endswith("bättre.") == falling
            judged += 1
    assert judged > 0


# --- the Chart value ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high"),
    [(18.8, 22.0), (0.0, 1.0), (0.1, 0.3), (37.5, 48.0), (-8.0, 3.0), (5.0, 5.0), (1e6, 3.5e6)],
)
def test_the_value_axis_has_a_few_round_ticks_around_the_values(low: float, high: float) -> None:
    ticks = value_ticks(low, high)
    assert 3 <= len(ticks) <= 7
    assert ticks[0] <= low and ticks[-1] >= high
    step = ticks[1] - ticks[0]
    power = 10 ** math.floor(math.log10(step))
    assert round(step / power, 6) in (1.0, 2.0, 2.5, 5.0)
    assert all(math.isclose(b - a, step) for a, b in itertools.pairwise(ticks))
    assert all(math.isclose(t / step, round(t / step), abs_tol=1e-9) for t in ticks)


def test_points_targets_and_axes_of_a_chart() -> None:
    c = chart(
        {"2024": 19.9, "2025": 18.8},
        better="lower",
        targets=[(2024, 20.0), (2025, 18.0), (2026, 16.0)],
        baseline=(2022, 22.0),
        unit="mikrogram per kubikmeter",
    )
    assert [p.label for p in c.points] == ["2024", "2025"]
    assert [p.text for p in c.points] == ["19,9", "18,8"]
    assert c.points[0].x < c.points[1].x and c.points[0].y < c.points[1].y  # falls on the page
    assert [t.label for t in c.targets] == ["2024", "2025", "2026"]
    assert c.target_line and c.line
    assert c.target_label is not None and c.target_label.text == "Mål"
    assert c.baseline is not None and c.baseline.x < c.points[0].x
    assert [t.text for t in c.y_ticks] == ["16", "18", "20", "22"]
    assert [t.text for t in c.x_ticks] == ["2022", "2024", "2025", "2026"]
    assert c.direction == "Lägre värde är bättre"
    assert c.trend_text == "↘ Lägre än 2024 – bättre"
    assert "Utfall 2024: 19,9; 2025: 18,8." in c.description
    assert "Mål 2024: 20; 2025: 18; 2026: 16." in c.description
    assert "Utgångsvärde 2022: 22." in c.description


@pytest.mark.parametrize(
    ("better", "values", "expected"),
    [
        ("higher", (40.0, 45.0), "↗ Högre än 2024 – bättre"),
        ("higher", (45.0, 40.0), "↘ Lägre än 2024 – sämre"),
        ("lower", (40.0, 45.0), "↗ Högre än 2024 – sämre"),
        ("lower", (45.0, 40.0), "↘ Lägre än 2024 – bättre"),
        ("lower", (45.0, 45.0), "→ Samma som 2024"),
        (None, (40.0, 45.0), "↗ Högre än 2024"),
        ("range", (40.0, 45.0), "↗ Högre än 2024"),
    ],
)
def test_the_trend_says_the_way_of_the_line_and_then_whether_that_is_better(
    better: str | None, values: tuple[float, float], expected: str
) -> None:
    c = chart(dict(zip(("2024", "2025"), values, strict=True)), better=better, value_range=(30, 50))
    assert c.trend_text == expected


def test_the_trend_compares_the_last_two_periods_drawn() -> None:
    c = chart({"2023": 50.0, "2025-T1": 41.0, "2024": 40.0}, better="higher")
    assert [p.label for p in c.points] == ["2023", "2024", "2025-T1"]
    assert c.trend_text == "↗ Högre än 2024 – bättre"


@pytest.mark.parametrize(
    ("better", "expected"),
    [
        ("higher", "Högre värde är bättre"),
        ("lower", "Lägre värde är bättre"),
        ("range", "Bäst inom 5–10"),
        (None, ""),
    ],
)
def test_which_direction_is_better_is_said_in_words(better: str | None, expected: str) -> None:
    assert chart({"2025": 7.0}, better=better, value_range=(5.0, 10.0)).direction == expected


def test_english_words() -> None:
    c = chart({"2024": 1.0, "2025": 2.0}, better="lower", targets=[(2026, 0.5)], language="en")
    assert c.direction == "A lower value is better"
    assert c.trend_text == "↗ Higher than in 2024 – worse"
    assert c.words.target == "Target" and c.words.outcome == "Outcome (procent)"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_description_said_when_read_is_the_chart_in_its_language(language: str) -> None:
    """Said on reading, not when the chart is made: the same sentence, in the chart's
    language, from a copy of the chart as from the chart."""
    import pickle

    c = chart(
        {"2025": 2.5, "2024": 1.0},
        targets=[(2026, 3.0)],
        baseline=(2022, 0.5),
        value_range=(1.0, 4.0),
        better="range",
        language=language,
    )
    said = {
        "sv": "Utfall 2024: 1; 2025: 2,5. Mål 2026: 3.",
        "en": "Outcomes 2024: 1; 2025: 2.5. Targets 2026: 3.",
    }
    assert c.description.startswith(said[language])
    assert ("2022: 0,5" if language == "sv" else "2022: 0.5") in c.description
    copy = pickle.loads(pickle.dumps(c))
    assert copy == c and copy.description == c.description
    assert hash(copy) == hash(c)
    twin = chart({"2024": 1.0, "2025": 2.5}, targets=[(2026, 3.0)], language=language)
    assert twin.description.startswith(said[language])


def test_one_point_only() -> None:
    c = chart({"2025": 72.8})
    assert len(c.points) == 1 and c.line == "" and c.trend_text == ""
    assert c.targets == () and c.target_label is None and not c.has_targets
    assert [t.text for t in c.x_ticks] == ["2025"]
    svg = svg_of(rendered(c))
    assert svg.find(f".//{SVG}polyline") is None
    dots = svg.find(f".//{SVG}path[@class='chart-point']")
    assert dots is not None and dots.get("d", "").count("M") == 1


def test_no_target_and_one_target() -> None:
    bare = chart({"2024": 1.0, "2025": 2.0})
    assert bare.targets == () and not bare.has_targets
    assert [item.kind for item in bare.legend] == ["outcome"]
    assert '<th scope="col" class="number">Mål</th>' not in rendered(bare)
    single = chart({"2024": 1.0, "2025": 2.0}, targets=[(2026, 3.0)])
    assert len(single.targets) == 1 and single.target_line == ""
    assert single.target_label is not None
    assert [item.kind for item in single.legend] == ["outcome", "target"]


def test_a_range_is_drawn_as_a_band() -> None:
    c = chart({"2024": 4.0, "2025": 7.0}, better="range", value_range=(5.0, 10.0))
    assert c.band is not None and c.band.text == "5–10" and c.band.top < c.band.bottom
    assert c.y_ticks[-1].text in ("10", "12")  # the axis reaches the top of the range


def test_values_that_cannot_be_drawn_are_left_out() -> None:
    c = chart({"2023": math.inf, "2024": 3.0, "2025": math.nan}, targets=[(2026, math.inf)])
    assert [p.label for p in c.points] == ["2024"] and c.targets == ()
    nothing = build_chart(
        title="x",
        unit="",
        better=None,
        outcomes=[ChartOutcome(period("2025"), None)],
        baseline=None,
        targets=[(2026, 1.0)],
        value_range=None,
        language="sv",
    )
    assert nothing is None
    far = build_chart(
        title="x",
        unit="",
        better=None,
        outcomes=[ChartOutcome(period("2024"), -1.7e308), ChartOutcome(period("2025"), 1.7e308)],
        baseline=None,
        targets=[],
        value_range=None,
        language="sv",
    )
    assert far is None


def test_the_table_has_the_same_numbers_as_the_chart() -> None:
    c = chart(
        {"2024": 42.2, "2025": 45.4},
        targets=[(2024, 42.0), (2025, 45.0), (2026, 48.0)],
        baseline=(2022, 38.0),
        gender={"2024": (43.5, 40.9), "2025": (46.7, 44.0)},
    )
    rows = {row.period: row for row in c.rows}
    assert list(rows) == ["2022 (utgångsvärde)", "2024", "2025", "2026"]
    for p in c.points:
        assert rows[p.label].outcome == p.text
    for t in c.targets:
        assert rows[t.label].target == t.text
    assert (rows["2025"].women, rows["2025"].men) == ("46,7", "44")
    assert c.has_gender and c.words.women == "Kvinnor"
    html = rendered(c)
    table = re.search(r"<table.*?</table>", html, re.DOTALL)
    assert table is not None
    cells = re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", table[0])
    assert cells[:5] == ["Period", "Utfall (procent)", "Mål", "Kvinnor", "Män"]
    assert cells[cells.index("2025") :][:5] == ["2025", "45,4", "45", "46,7", "44"]


# --- the rendering --------------------------------------------------------------------------


def test_the_svg_is_xml_with_the_years_and_values_on_its_axes() -> None:
    c = chart({"2024": 19.9, "2025": 18.8}, better="lower", targets=[(2026, 16.0)])
    html = rendered(c)
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.get("viewBox", "").startswith("0 0 ")
    figure = ElementTree.fromstring(html.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
    named = {e.get("id"): "".join(e.itertext()) for e in figure.iter() if e.get("id")}
    name, description = svg.get("aria-labelledby", "").split()
    assert named[name] == "Andel nöjda"  # the caption's title, shown
    assert named[description] == c.description  # the SVG's <desc>
    assert texts(svg, "chart-periods") == ["2024", "2025", "2026"]
    assert texts(svg, "chart-values") == [t.text for t in c.y_ticks]
    assert "procent" in [t.text for t in svg.iter(f"{SVG}text")]
    target = svg.find(f".//{SVG}text[@class='chart-target-label']")
    assert target is not None and target.text == "Mål"
    assert '<span class="chart-direction">Lägre värde är bättre.</span>' in html


def test_hostile_text_is_escaped_in_the_chart() -> None:
    hostile = '<script>alert(1)</script>"&'
    c = chart({"2024": 1.0, "2025": 2.0}, title=hostile, unit=hostile)
    html = rendered(c)
    assert "<script>" not in html and "&lt;script&gt;" in html
    svg = svg_of(html)  # still well-formed XML
    unit = svg.find(f"{SVG}text[@class='chart-unit']")
    assert unit is not None and unit.text == hostile
    assert f'<span class="chart-title" id="graf-test-namn">{escape(hostile)}</span>' in html


def test_every_text_of_the_chart_is_escaped_in_its_figure_and_table() -> None:
    hostile = "<b>\"&'"
    c = chart(
        {"2024": 1.0, "2025": 2.0},
        title=hostile,
        unit=hostile,
        targets=[(2025, 3.0)],
        gender={"2025": (1.0, 2.0)},
    )
    c = Chart(**{**{f: getattr(c, f) for f in Chart.__dataclass_fields__}, "id": hostile})
    html = rendered(c)
    assert "<b>" not in html
    figure = ElementTree.fromstring(html.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
    assert figure.get("id") == hostile
    caption = figure.find("./figcaption/span[@class='chart-title']")
    assert (
        caption is not None and caption.text == hostile and caption.get("id") == hostile + "-namn"
    )
    table = figure.find("./div/table")
    assert table is not None
    assert hostile in (table.findtext("caption") or "")
    assert f"({hostile})" in "".join(th.text or "" for th in table.iter("th"))
    svg = figure.find(f"{SVG}svg")
    assert svg is not None and svg.get("aria-labelledby") == f"{hostile}-namn {hostile}-beskrivning"


def test_the_report_draws_a_chart_per_followed_indicator_with_unique_ids() -> None:
    page = build_report([EXAMPLES / "helsingborg"], "html", "sv")
    ids = re.findall(r'<figure class="chart" id="([^"]+)"', page)
    assert len(ids) >= 10 and len(set(ids)) == len(ids)
    for name in ids:
        assert f'aria-labelledby="{name}-namn {name}-beskrivning"' in page
    assert "sparkline" not in page
    assert build_report([EXAMPLES / "helsingborg"], "html", "sv") == page  # deterministic


def test_the_markdown_report_has_the_table_of_numbers() -> None:
    page = build_report([EXAMPLES / "helsingborg"], "md", "sv")
    heading = (
        "**Årsmedelvärde av NO2 vid stadens mätstation i centrum** · Lägre värde är bättre · "
        "↘ Lägre än 2024 – bättre"
    )
    assert heading in page
    after = page[page.index(heading) :]
    assert "| Period | Utfall (mikrogram per kubikmeter) | Mål |" in after
    assert "| 2025 | 18,8 | 18 |" in after
    assert "| 2022 (utgångsvärde) | 22 |  |" in after


def test_a_repository_without_follow_up_has_no_chart(blank_repo: Path) -> None:
    assert 'class="chart"' not in build_report([blank_repo], "html", "sv")


def test_the_site_draws_the_same_chart_and_explains_its_arrows(tmp_path: Path) -> None:
    from styr.site import build_site

    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    board = (tmp_path / "w" / "organisationer" / "miljonamnden.html").read_text("utf-8")
    figure = _indicator_section(board, "graf-ind-mn-mal-1-ind-1")
    assert "Lägre värde är bättre" in figure and "Lägre än 2024 – bättre" in figure
    assert "<table" in figure and '<svg class="chart-svg"' in figure
    legend = (tmp_path / "w" / "symboler.html").read_text("utf-8")
    for symbol, meaning in trend_legend("sv"):
        assert f'<td>{symbol}</td><th scope="row">{meaning}</th>' in legend
    assert [symbol for symbol, _ in trend_legend("en")] == ["↗", "↘", "→"]


finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite, finite)
def test_any_two_values_get_an_axis_around_them(first: float, second: float) -> None:
    low, high = min(first, second), max(first, second)
    ticks = value_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high
    assert 2 <= len(ticks) <= 12
    assert ticks == sorted(ticks)


# Not a timing test: under a loaded machine one example may take longer than hypothesis's 200 ms.
@settings(deadline=None)
@given(st.lists(finite, min_size=1, max_size=6), st.lists(finite, max_size=3))
@example(values=[0.0], goals=[2.2250738585072014e-308])  # a range too small to scale
def test_any_outcomes_and_targets_give_a_chart_or_none(
    values: list[float], goals: list[float]
) -> None:
    made = build_chart(
        title="x",
        unit="",
        better="lower",
        outcomes=[ChartOutcome(period(str(2020 + i)), v) for i, v in enumerate(values)],
        baseline=None,
        targets=[(2030 + i, v) for i, v in enumerate(goals)],
        value_range=None,
        language="sv",
    )
    if made is not None:
        frame = made.frame
        for p in (*made.points, *made.targets):
            assert frame.left <= p.x <= frame.right and frame.top <= p.y <= frame.bottom
        svg_of(rendered(made))  # well-formed


def test_many_periods_get_as_many_labels_as_fit_the_first_and_last_always() -> None:
    values: dict[str, float | None] = {
        f"{year}-T{part}": float(year + part) for year in range(2015, 2026) for part in (1, 2, 3)
    }
    c = chart(values, targets=[(2030, 2040.0)])
    labels = [tick.text for tick in c.x_ticks]
    assert labels[0] == "jan–apr 2015" and labels[-1] == "2030"
    assert 3 <= len(labels) < len(values)
    widths = [len(text) * 8 for text in labels]  # at most 8 units a character
    for (left, right), (w1, w2) in zip(
        itertools.pairwise(c.x_ticks), itertools.pairwise(widths), strict=True
    ):
        assert right.at - left.at >= (w1 + w2) / 2  # never on top of each other
    assert len(c.points) == len(values) and len(c.rows) == len(values) + 1


def test_an_indicator_not_followed_up_this_period_keeps_the_chart_of_before(
    example_copy: Callable[[str], Path],
) -> None:
    repository = example_copy("helsingborg")
    latest = repository / "uppfoljning" / "2025.yaml"
    text = latest.read_text("utf-8")
    entry = "  - indicator: mn-mal-1-ind-1\n    value: 18.8\n    source: Stadens luftmätningar\n"
    assert entry in text
    latest.write_text(text.replace(entry, ""), "utf-8")
    page = build_report([repository], "html", "sv")
    row = page[
        page.index('id="ind-mn-mal-1-ind-1"') : page.index(
            "</tr>", page.index('id="ind-mn-mal-1-ind-1"')
        )
    ]
    assert "Ej uppföljt" in row
    figure = _indicator_section(page, "graf-ind-mn-mal-1-ind-1")
    assert "Utfall 2024: 19,9." in figure and _point_path(figure).count("M") == 1
    assert 'class="chart-trend"' not in figure  # one period drawn: nothing to compare
