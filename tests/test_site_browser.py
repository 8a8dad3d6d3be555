"""`styr site` in a real browser: Debian's headless Chromium, driven by Playwright.

The site of each example, and one site of both municipalities, is built once
per session with `styr site` as a user runs it. Every page, found by
following the links from index.html and checked against sitemap.xml and the
files written, must then:

- pass axe-core's WCAG 2.1 A and AA rules with no violation of any impact;
- log no error and request nothing but itself, with its own strict
  Content-Security-Policy in force;
- let a keyboard user Tab to every link and control in order, each with a
  visible focus indicator, starting with a working skip link;
- never scroll sideways at 320 CSS px, nor at 1280 px zoomed to 200 %
  (a 640 CSS px wide window drawn at device scale factor 2: WCAG 1.4.10);
- show a script or an image written in any text field as text, never run it,
  even with the policy switched off.

The checks themselves are tried on a small hand-written site first: the clean
one passes, and each kind of defect is found, so that a green run means the
checks looked. `.ci/browser-setup` installs Chromium and axe-core; outside CI
(no `CI` variable) the tests skip when they are missing, in CI they fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from report_helpers import chromium, example_paths, require_browser
from site_checks import (
    REFLOW,
    Reader,
    axe_problems,
    keyboard_problems,
    load_problems,
    payload_problems,
    policy_problems,
    reflow_problems,
    skip_link_problems,
)
from site_helpers import (
    SCRIPT_PAYLOAD,
    build_site,
    crawl,
    fake_page,
    fake_site,
    hostile_copy,
    html_files,
    sitemap_pages,
)

Check = Callable[[Any, Path], list[str]]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    with chromium() as launched:
        yield launched


@contextmanager
def reading(browser: Any, **options: Any) -> Iterator[Reader]:
    context = browser.new_context(**options)
    try:
        yield Reader(context)
    finally:
        context.close()


@pytest.fixture
def reader(browser: Any) -> Iterator[Reader]:
    """A desktop window with each page's own Content-Security-Policy in force."""
    with reading(browser, viewport={"width": 1280, "height": 900}) as opened:
        yield opened


@pytest.fixture
def unprotected(browser: Any) -> Iterator[Reader]:
    """A window that ignores the pages' policy: only escaping keeps a payload from running."""
    with reading(browser, bypass_csp=True, viewport={"width": 1280, "height": 900}) as opened:
        yield opened


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example's site, and the site of both municipalities together."""
    folder = tmp_path_factory.mktemp("sites")
    cache = tmp_path_factory.mktemp("site-cache")
    built = {}
    for example in example_paths():
        built[example.name] = build_site([example], folder / example.name, cache)
    built["both"] = build_site(example_paths(), folder / "both", cache)
    return built


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of both examples with a script and an image before every text."""
    folder = tmp_path_factory.mktemp("hostile")
    copies = [hostile_copy(example, folder / example.name) for example in example_paths()]
    return build_site(copies, folder / "site", tmp_path_factory.mktemp("hostile-cache"))


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fake_site(tmp_path_factory.mktemp("fake"))


def every_page(root: Path) -> list[Path]:
    return html_files(root)


def problems_on(pages: list[Path], root: Path, check: Callable[[Path], list[str]]) -> list[str]:
    """Every problem of every page, each named by the page it is on."""
    return [
        f"{page.relative_to(root).as_posix()}: {problem}"
        for page in pages
        for problem in check(page)
    ]


SITES = ["helsingborg", "huddinge", "both"]


# The checks on the hand-written site: clean passes, each defect is found.


def test_the_clean_fake_site_passes_every_check(fake: Path, reader: Reader) -> None:
    require_browser(axe=True)
    pages = every_page(fake)
    assert len(pages) == 7
    assert crawl(fake, set()).problems == [] and crawl(fake, set()).orphans() == []
    assert sitemap_pages(fake) == set(pages)
    for check in (load_problems, axe_problems, keyboard_problems, skip_link_problems):
        assert problems_on(pages, fake, lambda page, c=check: c(reader, page)) == []
    for name in [policy_problems]:
        assert problems_on(pages, fake, name) == [], name


def test_the_crawler_finds_broken_foreign_and_orphan_pages(tmp_path: Path) -> None:
    root = fake_site(tmp_path / "site")
    links = [
        "organisationer/finns-inte.html",
        "mal.html#inget-sadant-id",
        "https://example.org/",
        "http://styrning.example/",
        "/index.html",
        "../utanfor.html",
        "mailto:kontakt@example.org",
    ]
    (root / "index.html").write_text(fake_page("Start", "index.html", links), encoding="utf-8")
    (root / "glomd.html").write_text(fake_page("Glömd", "glomd.html", []), encoding="utf-8")
    result = crawl(root, {"https://styrning.example/"})
    assert result.problems == [
        "index.html: 'organisationer/finns-inte.html' leads to no file",
        "index.html: 'mal.html#inget-sadant-id' has no element with id 'inget-sadant-id'",
        "index.html: links outside the site to 'https://example.org/'",
        "index.html: links outside the site to 'http://styrning.example/'",
        "index.html: absolute link '/index.html'",
        "index.html: '../utanfor.html' leads out of the site",
    ]
    assert "glomd.html" in result.orphans()


def test_the_checks_find_a_page_without_focus_a_wide_table_and_a_bad_policy(
    tmp_path: Path, browser: Any, reader: Reader
) -> None:
    plain = "body{margin:0}a:focus,a:focus-visible{outline:none}" + (
        ".wide{width:900px}.skip{display:inline}"
    )
    page = tmp_path / "index.html"
    page.write_text(
        fake_page("Start", "index.html", ["#mal-1"], style=plain).replace(
            "</main>", '<div class="wide">bred</div></main>'
        ),
        encoding="utf-8",
    )
    assert any("no visible focus indicator" in p for p in keyboard_problems(reader, page))
    with reading(browser, **REFLOW["320 px"]) as narrow:
        assert any("scrollWidth" in p for p in reflow_problems(narrow, page))
    altered = page.read_text(encoding="utf-8").replace("margin:0}", "margin:1px}")
    page.write_text(altered, encoding="utf-8")
    assert policy_problems(page) == ["the policy does not allow the inline <style> by its hash"]
    assert any("console:" in p for p in load_problems(reader, page))


def test_the_payload_check_finds_a_script_that_ran(tmp_path: Path, unprotected: Reader) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        fake_page("Start", "index.html", []).replace("</main>", f"{SCRIPT_PAYLOAD}</main>"),
        encoding="utf-8",
    )
    found = payload_problems(unprotected, page, SCRIPT_PAYLOAD)
    assert "the payload ran (window.__pwned = 1)" in found
    assert "the payload does not show as text" in found
