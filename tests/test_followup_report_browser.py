"""The follow-up report's HTML in a real browser: Debian's headless Chromium and axe-core.

As tests/test_report_browser.py: opened from a file with its Content-Security-Policy in
force, the page shows the areas, goals, statuses and analyses, logs no error and makes no
request; axe-core finds no serious or critical violation, on a wide and a narrow screen; and
each example's follow-up report, in Swedish and in English, at 320 CSS px and at 200 % zoom
has nothing wider than the window or than its own box, but a labelled region a keyboard can
reach that scrolls (WCAG 1.4.10).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import browser_session
import pytest
from browser_session import reading, unresolved_links
from conftest import EXAMPLES
from report_helpers import AXE, example_paths, require_browser, visit
from site_checks import REFLOW, reflow_problems

from styr.report.followup_report_build import followup_report_pieces

AREAS = ["Ekologisk hållbarhet", "Social hållbarhet", "Ekonomisk hållbarhet"]
RELATION = (
    "3. Andelen elever i åk 7-9 som uppger att de har en förtroendefull relation "
    "med minst en vuxen i skolan"
)

# The fixture that starts one Chromium for this module's tests.
browser = browser_session.browser


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("followup") / "uppfoljning.html"
    pieces = followup_report_pieces([EXAMPLES / "huddinge"], "2025", "html")
    target.write_text("".join(pieces), encoding="utf-8")
    return target


def test_the_follow_up_report_in_chromium(browser: Any, page_file: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        with visit(context, page_file) as seen:
            page = seen.page
            assert page.locator("html").get_attribute("lang") == "sv"
            assert page.locator("h1").inner_text() == "Årsredovisning 2025"
            for area in AREAS:
                heading = page.get_by_role("heading", level=2, name=area, exact=True)
                assert heading.count() == 1 and heading.is_visible(), area
            social = page.locator("section.followup-area", has_text=AREAS[1])
            goal = social.locator("article.followup-goal", has_text=RELATION)
            assert goal.get_by_role("heading", level=3).inner_text() == RELATION
            assert "◐ Delvis uppfyllt" in goal.locator(".goal-status").inner_text()
            assert "Fler elever uppger" in goal.inner_text()
            assert "Förvaltningen inför mentorstid" in goal.inner_text()
            row = goal.get_by_role("row").nth(1)
            assert "81,6 procent" in row.inner_text() and "82,5 procent" in row.inner_text()
            summary = page.get_by_role("table", name="Mål per status")
            assert summary.get_by_role("rowheader").first.inner_text() == "Alla mål"
            changes = page.get_by_role("table", name="Förändringar sedan januari–augusti 2025")
            assert changes.is_visible()
            assert seen.errors == [] and seen.network == []
            assert unresolved_links(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_accessibility_violations(browser: Any, page_file: Path, width: int) -> None:
    require_browser(axe=True)
    # The page's own policy would refuse the injected axe-core.
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    try:
        with visit(context, page_file) as seen:
            page = seen.page
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})"
            )
            serious = [
                f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert serious == []
            assert result["testEngine"]["name"] == "axe-core"
    finally:
        context.close()


# Each example's follow-up report of 2025, in Swedish and in English (`--lang en`).
FOLLOWUPS = [(p.name, language) for p in example_paths() for language in ("sv", "en")]


@pytest.fixture(scope="module")
def followups(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("followups")
    written = {}
    for name, language in FOLLOWUPS:
        target = folder / f"{name}-{language}.html"
        pieces = followup_report_pieces([EXAMPLES / name], "2025", "html", language)
        target.write_text("".join(pieces), encoding="utf-8")
        written[f"{name}-{language}"] = target
    return written


@pytest.mark.parametrize("setup", list(REFLOW))
@pytest.mark.parametrize("name", [f"{name}-{language}" for name, language in FOLLOWUPS])
def test_nothing_is_wider_than_the_window_or_its_box(
    name: str, setup: str, browser: Any, followups: dict[str, Path]
) -> None:
    with reading(browser, **REFLOW[setup]) as reader:
        assert reflow_problems(reader, followups[name]) == []
