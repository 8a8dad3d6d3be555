"""The trend chart: inline SVG with the outcomes, the target line and a text label."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from conftest import EXAMPLES

from styr.report import build_report
from styr.report.sparkline import sparkline


def test_points_rise_on_the_page_when_values_rise() -> None:
    svg = ElementTree.fromstring(str(sparkline([70.0, 75.0, 80.0], 85.0, "Utfall")))
    points = [tuple(map(float, p.split(","))) for p in svg.find("polyline").get("points").split()]  # type: ignore[union-attr]
    ys = [y for _, y in points]
    assert ys == sorted(ys, reverse=True)  # SVG y grows downwards
    target = svg.find("line")
    assert target is not None and float(target.get("y1", "0")) < ys[-1]
    assert svg.get("role") == "img" and svg.get("aria-label") == "Utfall"


def test_label_is_escaped_and_no_points_gives_nothing() -> None:
    assert "<script>" not in str(sparkline([1.0, 2.0], None, "<script>alert(1)</script>"))
    assert str(sparkline([], 3.0, "x")) == ""
    flat = ElementTree.fromstring(str(sparkline([5.0, 5.0], None, "lika")))
    assert flat.find("line") is None


def test_the_example_report_has_a_chart_per_followed_indicator() -> None:
    html = build_report([EXAMPLES / "helsingborg"], "html", "sv")
    charts = re.findall(r'<svg class="sparkline"[^>]*aria-label="([^"]*)"', html)
    assert len(charts) >= 10
    assert all(label.startswith("Utfall 2024:") for label in charts)
    assert build_report([EXAMPLES / "helsingborg"], "html", "sv") == html  # deterministic
