"""The indicator charts in a real browser: named for screen readers, readable contrast, and
nothing wider than a 320 px screen.

Uses Debian's headless Chromium through Playwright, as tests/test_report_browser.py does;
outside CI the tests skip when it is missing, in CI they fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_helpers import chromium, in_ci, missing_browser

from styr.colour import WHITE, contrast_ratio
from styr.report import build_report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def page_of_charts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    problem = missing_browser()
    if problem is not None:
        if in_ci():
            pytest.fail(f"CI must run the browser tests: {problem}")
        pytest.skip(problem)
    target = tmp_path_factory.mktemp("charts") / "helsingborg.html"
    target.write_text(build_report([ROOT / "examples" / "helsingborg"], "html", "sv"), "utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 800})
        page.goto(target.as_uri())
        yield page


def _rgb(css: str) -> tuple[int, int, int]:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css)[:3])
    return red, green, blue


def test_every_chart_is_an_image_named_by_its_indicator(page_of_charts: Any) -> None:
    figures = page_of_charts.locator("figure.chart")
    assert figures.count() >= 10
    for position in range(figures.count()):
        figure = figures.nth(position)
        title = figure.locator(".chart-title").inner_text()
        image = figure.get_by_role("img")
        assert image.count() == 1
        assert image.get_attribute("aria-labelledby")
        label = page_of_charts.evaluate(
            """svg => svg.getAttribute('aria-labelledby').split(' ')
                .map(id => document.getElementById(id).textContent).join(' ')""",
            image.element_handle(),
        )
        assert label.startswith(title) and "Utfall 20" in label


def test_lines_and_words_of_a_chart_have_readable_contrast(page_of_charts: Any) -> None:
    colours = page_of_charts.evaluate(
        """() => {
            const figure = document.querySelector('figure.chart');
            const style = selector => getComputedStyle(figure.querySelector(selector));
            return {
                line: style('.chart-line').stroke,
                target: style('.chart-target').stroke,
                words: style('.chart-periods text').fill,
                values: style('.chart-values text').fill,
                target_word: style('.chart-target-label').fill,
                page: getComputedStyle(document.body).backgroundColor,
            };
        }"""
    )
    assert _rgb(colours.pop("page")) == WHITE
    for name in ("line", "target"):  # graphics: at least 3:1
        assert contrast_ratio(_rgb(colours[name]), WHITE) >= 3, name
    for name in ("words", "values", "target_word"):  # text: at least 4.5:1
        assert contrast_ratio(_rgb(colours[name]), WHITE) >= 4.5, name


def test_nothing_of_a_chart_is_wider_than_a_phone(page_of_charts: Any) -> None:
    too_wide = page_of_charts.evaluate(
        """() => [...document.querySelectorAll('figure.chart, figure.chart :is(svg, table)')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
            .length"""
    )
    assert too_wide == 0
    overflow = page_of_charts.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    svg_width = page_of_charts.evaluate(
        "document.querySelector('figure.chart svg').getBoundingClientRect().width"
    )
    assert svg_width > 200  # scaled to the screen, not drawn at a fixed small size


def test_a_high_contrast_theme_draws_the_chart_in_its_own_colours(page_of_charts: Any) -> None:
    page_of_charts.emulate_media(forced_colors="active", color_scheme="dark")
    try:
        seen = page_of_charts.evaluate(
            """() => {
                const figure = document.querySelector('figure.chart');
                const style = selector => getComputedStyle(figure.querySelector(selector));
                return {
                    page: getComputedStyle(document.body).backgroundColor,
                    text: getComputedStyle(document.body).color,
                    line: style('.chart-line').stroke,
                    target: style('.chart-target').stroke,
                    words: style('.chart-periods text').fill,
                };
            }"""
        )
    finally:
        page_of_charts.emulate_media(forced_colors="none", color_scheme="light")
    background = _rgb(seen["page"])
    for name in ("line", "target", "words"):
        assert seen[name] == seen["text"], name
        assert contrast_ratio(_rgb(seen[name]), background) >= 4.5, name
