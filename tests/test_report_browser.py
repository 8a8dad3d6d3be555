"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright.

Each example's report, in Swedish and in English (`--lang en`), is opened from a
file with its Content-Security-Policy in force: the visible structure is
checked, and the page must log no error and make no request. As on the site
(`site_checks`): axe-core finds no violation of the WCAG 2.1 A and AA rules;
Tab reaches every link and control, each with a visible focus, after a
working skip link; and at 320 CSS px and at 200 % zoom nothing is wider than
the window or than its own box, but a labelled region a keyboard can reach
that scrolls (WCAG 1.4.10). A title written as a `<script>` must show as text
and never run, even with the policy switched off.

`.ci/browser-setup` installs Chromium and axe-core. Outside CI (no `CI`
variable) the tests skip when they are missing; in CI they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import browser_session
import pytest
from browser_session import reading, unresolved_links
from report_helpers import SCRIPT_TITLE, example_paths, require_browser, rich_repository, visit
from site_checks import (
    REFLOW,
    axe_problems,
    keyboard_problems,
    reflow_problems,
    skip_link_problems,
)

from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.report import build_report

# The fixture that starts one Chromium for this module's tests.
browser = browser_session.browser


@pytest.fixture
def browser_context(browser: Any) -> Iterator[Any]:
    """A fresh context with the page's Content-Security-Policy in force."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def unprotected_context(browser: Any) -> Iterator[Any]:
    """A context that ignores the page's policy: only escaping keeps a title from running."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("browser")
    written = {}
    for example in example_paths():
        assert (example / "styr.yaml").is_file(), f"the example {example.name} is missing"
        for language, name in ((None, example.name), ("en", f"{example.name}{ENGLISH}")):
            target = folder / f"{name}.html"
            report = build_report([example], "html", language, with_findings=True)
            target.write_text(report, encoding="utf-8")
            written[name] = target
    rich = rich_repository(folder / "testby")
    other = rich_repository(folder / "annanby", "Annanby", "0998")
    written["rich"] = folder / "rich.html"
    written["rich"].write_text(
        build_report([rich], "html", with_findings=True, allow_errors=True), encoding="utf-8"
    )
    written["index"] = folder / "index.html"
    written["index"].write_text(
        build_report([*example_paths(), rich, other], "html", allow_errors=True), "utf-8"
    )
    return written


# The English report of an example: its own words in English, the files' in Swedish.
ENGLISH = "-en"
EXAMPLES = [name for p in example_paths() for name in (p.name, f"{p.name}{ENGLISH}")]
EVERY_REPORT = [*EXAMPLES, "rich", "index"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_report_in_chromium(
    name: str, browser_context: Any, reports: dict[str, Path]
) -> None:
    example = next(p for p in example_paths() if p.name == name.removesuffix(ENGLISH))
    repository = load_repository(example)
    index = build_index(repository)
    with visit(browser_context, reports[name]) as seen:
        page = seen.page
        assert page.locator("h1").inner_text() == repository.municipality_name
        assert page.get_by_role("navigation").first.is_visible()
        assert page.get_by_role("main").is_visible()
        for organisation in index.organisations:
            heading = page.get_by_role("heading", level=3, name=organisation.title, exact=True)
            assert heading.count() == 1, organisation.title
            assert heading.is_visible()
        goals = len(index.of_category("goal"))
        assert page.locator("article.goal").count() == goals
        counted = page.locator(".count-goal .number").all_inner_texts()
        assert sum(int(number) for number in counted) == goals
        diagram = page.locator("figure.chain-diagram")
        assert diagram.is_visible()
        targets = len(index.of_category("council_area")) + sum(
            1
            for goal in index.of_category("council_goal")
            if goal.parent is None or goal.parent.category != "council_area"
        )
        assert diagram.locator(".chain-target").count() == targets
        assert diagram.locator(".chain-items a").count() > 0
        assert unresolved_links(page) == []
        assert page.evaluate("document.scripts.length") == 0
        assert seen.errors == []
        assert seen.network == []
        assert seen.requests == [seen.url]


def test_a_script_in_a_title_never_runs(unprotected_context: Any, reports: dict[str, Path]) -> None:
    with visit(unprotected_context, reports["rich"]) as seen:
        page = seen.page
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('script, img').length") == 0
        heading = page.get_by_role("heading", level=5, name=SCRIPT_TITLE)
        assert heading.is_visible()
        assert SCRIPT_TITLE in heading.inner_text()
        assert seen.errors == [] and seen.network == []


def test_the_index_of_several_municipalities(
    browser_context: Any, reports: dict[str, Path]
) -> None:
    with visit(browser_context, reports["index"]) as seen:
        page = seen.page
        table = page.locator("table.compare")
        assert table.is_visible()
        columns = table.locator("thead th").all_inner_texts()
        assert columns[1:] == ["Helsingborgs stad", "Huddinge kommun", "Testby", "Annanby"]
        assert page.locator("article.municipality").count() == 4
        assert unresolved_links(page) == []
        duplicates = page.evaluate(
            """() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
                       return ids.filter((id, i) => ids.indexOf(id) !== i); }"""
        )
        assert duplicates == []
        assert seen.errors == [] and seen.network == []


def test_small_screens_and_print(browser_context: Any, reports: dict[str, Path]) -> None:
    with visit(browser_context, reports["helsingborg"]) as seen:
        page = seen.page
        page.set_viewport_size({"width": 390, "height": 844})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, "the page scrolls sideways on a phone"
        toc_position = page.evaluate("getComputedStyle(document.querySelector('.toc')).position")
        assert toc_position == "static"
        page.emulate_media(media="print")
        skip = page.evaluate("getComputedStyle(document.querySelector('.skip-link')).display")
        assert skip == "none"
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("name", EVERY_REPORT)
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_wcag_21_aa_violation(
    name: str, width: int, browser: Any, reports: dict[str, Path]
) -> None:
    require_browser(axe=True)
    with reading(browser, viewport={"width": width, "height": 900}) as reader:
        assert axe_problems(reader, reports[name]) == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_link_by_keyboard_with_a_visible_focus(
    name: str, browser: Any, reports: dict[str, Path]
) -> None:
    with reading(browser, viewport={"width": 1280, "height": 900}) as reader:
        assert keyboard_problems(reader, reports[name]) == []
        assert skip_link_problems(reader, reports[name]) == []


@pytest.mark.parametrize("setup", list(REFLOW))
@pytest.mark.parametrize("name", EVERY_REPORT)
def test_nothing_is_wider_than_the_window_or_its_box(
    name: str, setup: str, browser: Any, reports: dict[str, Path]
) -> None:
    with reading(browser, **REFLOW[setup]) as reader:
        assert reflow_problems(reader, reports[name]) == []
