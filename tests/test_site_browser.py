"""`styr site` in a real browser: Debian's headless Chromium, driven by Playwright.

The site of each example, in Swedish and in English (`--lang en`), and one
site of both municipalities, is built once per session with `styr site` as a
user runs it. Every page, found by
following the links from index.html and checked against sitemap.xml and the
files written, must then:

- pass axe-core's WCAG 2.1 A and AA rules with no violation of any impact;
- log no error and request nothing but itself, with its own strict
  Content-Security-Policy in force;
- let a keyboard user Tab to every link and control in order, each with a
  visible focus indicator, starting with a working skip link;
- never scroll sideways at 320 CSS px, nor at 1280 px zoomed to 200 %
  (a 640 CSS px wide window drawn at device scale factor 2: WCAG 1.4.10),
  nor have any element whose content runs out of its box sideways, unless
  it is a labelled region a keyboard can reach that scrolls;
- show a script or an image written in any text field as text, never run it,
  even with the policy switched off.

The checks themselves are tried on a small hand-written site first: the clean
one passes, and each kind of defect is found, so that a green run means the
checks looked. `.ci/browser-setup` installs Chromium and axe-core; outside CI
(no `CI` variable) the tests skip when they are missing, in CI they fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import browser_session
import pytest
from browser_session import reading
from report_helpers import example_paths, require_browser
from site_checks import (
    REFLOW,
    Reader,
    axe_problems,
    filter_problems,
    keyboard_problems,
    load_problems,
    no_match_problems,
    payload_problems,
    policy_problems,
    reflow_problems,
    skip_link_problems,
)
from site_helpers import (
    FAKE_STYLE,
    SCRIPT_PAYLOAD,
    SourceLinks,
    build_site,
    crawl,
    fake_page,
    fake_site,
    hostile_copy,
    html_files,
    sitemap_pages,
    source_links,
)

# The fixture that starts one Chromium for this module's tests.
browser = browser_session.browser


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
    """Each example's site, in Swedish and in English, and the site of both municipalities."""
    folder = tmp_path_factory.mktemp("sites")
    cache = tmp_path_factory.mktemp("site-cache")
    built = {}
    for example in example_paths():
        built[example.name] = build_site([example], folder / example.name, cache)
        english = f"{example.name}{ENGLISH}"
        built[english] = build_site([example], folder / english, cache, "--lang", "en")
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


def allowed_links() -> SourceLinks:
    """The sources the examples name, and the one address the law puts on the statement."""
    sources = source_links(*example_paths())
    sources.written |= LEGAL_LINKS
    return sources


def every_page(root: Path) -> list[Path]:
    """The pages a reader reaches from index.html, in a stable order."""
    return sorted(crawl(root, allowed_links()).reached)


def pages_to_read(name: str, root: Path) -> list[Path]:
    """The pages the slower browser checks read.

    The site of both municipalities holds each one's site as its own site
    has it, with one more breadcrumb (to the comparison): of those, its own
    pages and each municipality's start page are read; the rest is read in
    the sites of one municipality.
    """
    pages = every_page(root)
    if name != "both":
        return pages
    return [p for p in pages if p.parent == root or p.name == "index.html"]


def problems_on(pages: list[Path], root: Path, check: Callable[[Path], list[str]]) -> list[str]:
    """Every problem of every page, each named by the page it is on."""
    return [
        f"{page.relative_to(root).as_posix()}: {problem}"
        for page in pages
        for problem in check(page)
    ]


# The English site of an example: its own words in English, the files' in Swedish (lang="sv").
ENGLISH = "-en"
SITES = ["helsingborg", "huddinge", f"helsingborg{ENGLISH}", f"huddinge{ENGLISH}", "both"]
# The accessibility statement must say how to report a failing site to the
# supervisory authority (DOS-lagen): the one address no repository writes.
LEGAL_LINKS = {"https://www.digg.se/tdosanmalan"}


# The checks on the hand-written site: clean passes, each defect is found.


def test_the_clean_fake_site_passes_every_check(fake: Path, reader: Reader) -> None:
    require_browser(axe=True)
    pages = html_files(fake)
    assert len(pages) == 7
    assert crawl(fake, set()).problems == [] and crawl(fake, set()).orphans() == []
    assert sitemap_pages(fake) == set(pages)
    assert filter_problems(reader, fake / "mal.html") == []
    checks: list[Callable[[Reader, Path], list[str]]] = [
        load_problems,
        axe_problems,
        keyboard_problems,
        skip_link_problems,
    ]
    for check in checks:
        assert problems_on(pages, fake, partial(check, reader)) == [], check.__name__
    assert problems_on(pages, fake, policy_problems) == []


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


def test_a_page_may_load_its_sites_stylesheet_and_nothing_else(
    tmp_path: Path, reader: Reader
) -> None:
    root = fake_site(tmp_path / "site")
    (root / "stil.css").write_text("main{padding:1rem}\n", encoding="utf-8")
    (root / "andra.css").write_text("main{padding:2rem}\n", encoding="utf-8")
    symbols = root / "symboler.html"
    symbols.write_text(fake_page("Symboler", "symboler.html", [], stylesheet="stil.css"), "utf-8")
    assert load_problems(reader, symbols) == []
    assert policy_problems(symbols) == []
    other = root / "styrdokument.html"
    other.write_text(
        fake_page("Styrdokument", "styrdokument.html", [], stylesheet="andra.css"), "utf-8"
    )
    assert "styrdokument.html: loads 'andra.css'" in crawl(root, set()).problems
    found = load_problems(reader, other)
    assert f"requested {(root / 'andra.css').as_uri()}" in found
    assert any(p.startswith("console: ") for p in found)


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
    pale = tmp_path / "pale.html"
    pale_style = FAKE_STYLE + "a:focus-visible{outline-color:#ddd}"
    pale.write_text(fake_page("Blek", "pale.html", ["#mal-1"], style=pale_style), "utf-8")
    found = keyboard_problems(reader, pale)
    assert any("the focus outline has a contrast of 1.4:1" in p for p in found), found
    with reading(browser, **REFLOW["320 px"]) as narrow:
        assert any("scrollWidth" in p for p in reflow_problems(narrow, page))
    altered = page.read_text(encoding="utf-8").replace("margin:0}", "margin:1px}")
    page.write_text(altered, encoding="utf-8")
    assert policy_problems(page) == ["the policy does not allow the inline <style> by its hash"]
    assert any("console:" in p for p in load_problems(reader, page))


# A box that cuts its line off (the page no wider for it), a wide table in a region a
# keyboard cannot reach, and the same table in a labelled region with a tab stop.
_CUT = ".cut{width:6rem;overflow:hidden;white-space:nowrap}"
_REGION = ".region{overflow-x:auto;max-width:100%}.region table{width:40rem}"
_WIDE_TABLE = "<table><tr><td>bred tabell</td></tr></table>"


def test_the_reflow_check_finds_a_box_its_content_runs_out_of(tmp_path: Path, browser: Any) -> None:
    cut = f'<p class="cut">{"en mycket lång rad utan brytning " * 4}</p>'
    unlabelled = f'<div class="region">{_WIDE_TABLE}</div>'
    labelled = (
        f'<div class="region" role="region" aria-label="Tabell" tabindex="0">{_WIDE_TABLE}</div>'
    )
    pages = {}
    for name, extra in (("cut", cut), ("unlabelled", unlabelled), ("labelled", labelled)):
        page = tmp_path / f"{name}.html"
        written = fake_page(name, page.name, [], style=FAKE_STYLE + _CUT + _REGION)
        page.write_text(written.replace("</main>", f"{extra}</main>"), encoding="utf-8")
        pages[name] = page
    with reading(browser, **REFLOW["320 px"]) as narrow:
        found = reflow_problems(narrow, pages["cut"])
        assert [p for p in found if p.startswith("p.cut: its content is wider than its box")]
        assert not [p for p in found if p.startswith("scrollWidth")]  # the page is not wider
        found = reflow_problems(narrow, pages["unlabelled"])
        assert [p for p in found if "div.region scrolls sideways" in p], found
        assert reflow_problems(narrow, pages["labelled"]) == []


def test_the_payload_check_finds_a_script_that_ran(tmp_path: Path, unprotected: Reader) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        fake_page("Start", "index.html", []).replace("</main>", f"{SCRIPT_PAYLOAD}</main>"),
        encoding="utf-8",
    )
    found = payload_problems(unprotected, page, SCRIPT_PAYLOAD)
    assert "the payload ran (window.__pwned = 1)" in found
    assert "the payload does not show as text" in found


def test_the_checks_find_a_filter_that_hides_nothing_and_a_radio_without_focus(
    tmp_path: Path, reader: Reader
) -> None:
    style = FAKE_STYLE.replace(
        "body:has(#visa-omrade-b:checked) .goal-item:not(.omrade-b){display:none}", ""
    )
    style = style.replace(".filter input:focus-visible+label{outline:3px solid #00538a}", "")
    goals = tmp_path / "mal.html"
    goals.write_text(fake_page("Alla mål", "mal.html", [], style=style), encoding="utf-8")
    assert filter_problems(reader, goals) == [
        "visa-omrade-b: 1 goals of other choices are shown",
        "visa-omrade-b: choosing it hides nothing",
    ]
    found = keyboard_problems(reader, goals)
    assert any(p.startswith("radio visa-omrade-a: no visible focus indicator") for p in found)


# The real sites: both examples, one at a time and together.


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_reached_listed_and_written(name: str, sites: dict[str, Path]) -> None:
    root = sites[name]
    result = crawl(root, allowed_links())
    assert result.orphans() == []
    assert sorted(result.reached) == html_files(root)
    if name == "both":
        # Each municipality's pages under its own address; the comparison's have none.
        addresses = {
            "https://styrning.example.org/helsingborg/": root / "1283",
            "https://styrning.example.org/huddinge/": root / "0126",
        }
        in_folders = {page for page in html_files(root) if page.parent != root.resolve()}
        assert sitemap_pages(root, addresses) == in_folders
    else:
        assert sitemap_pages(root) == set(html_files(root))
    # Every page of every municipality: the start page, the register, the legend...
    starts = [root] if name != "both" else [root / "1283", root / "0126"]
    for start in starts:
        for page in ("index", "mal", "styrdokument", "symboler", "tillganglighet"):
            assert (start / f"{page}.html") in result.reached, f"{start.name}/{page}"
        assert list((start / "omraden").glob("*.html"))
        assert list((start / "organisationer").glob("*.html"))


@pytest.mark.parametrize("name", SITES)
def test_no_broken_absolute_or_foreign_link(name: str, sites: dict[str, Path]) -> None:
    assert crawl(sites[name], allowed_links()).problems == []


@pytest.mark.parametrize("name", SITES)
def test_every_page_has_a_strict_policy_naming_its_style(name: str, sites: dict[str, Path]) -> None:
    root = sites[name]
    assert problems_on(every_page(root), root, policy_problems) == []


@pytest.mark.parametrize("name", SITES)
def test_every_page_has_the_frame_and_loads_with_no_error_and_no_request(
    name: str, sites: dict[str, Path], reader: Reader
) -> None:
    root = sites[name]
    assert problems_on(every_page(root), root, lambda page: load_problems(reader, page)) == []


@pytest.mark.parametrize("name", SITES)
def test_axe_finds_no_wcag_21_aa_violation_on_any_page(
    name: str, sites: dict[str, Path], reader: Reader
) -> None:
    require_browser(axe=True)
    root = sites[name]
    pages = pages_to_read(name, root)
    assert problems_on(pages, root, lambda page: axe_problems(reader, page)) == []


@pytest.mark.parametrize("name", SITES)
def test_every_link_and_control_by_keyboard_with_a_visible_focus(
    name: str, sites: dict[str, Path], reader: Reader
) -> None:
    root = sites[name]
    pages = pages_to_read(name, root)
    assert problems_on(pages, root, lambda page: keyboard_problems(reader, page)) == []
    assert problems_on(pages, root, lambda page: skip_link_problems(reader, page)) == []


@pytest.mark.parametrize("setup", list(REFLOW))
@pytest.mark.parametrize("name", SITES)
def test_no_page_scrolls_sideways(
    name: str, setup: str, sites: dict[str, Path], browser: Any
) -> None:
    root = sites[name]
    with reading(browser, **REFLOW[setup]) as narrow:
        pages = pages_to_read(name, root)
        assert problems_on(pages, root, lambda page: reflow_problems(narrow, page)) == []


@pytest.mark.parametrize("scripts", [True, False], ids=["with-javascript", "without-javascript"])
@pytest.mark.parametrize("name", [n for n in SITES if n != "both"])
def test_the_goal_filter(name: str, scripts: bool, sites: dict[str, Path], browser: Any) -> None:
    viewport = {"width": 1280, "height": 900}
    with reading(browser, java_script_enabled=scripts, viewport=viewport) as opened:
        assert filter_problems(opened, sites[name] / "mal.html") == []
        assert no_match_problems(opened, sites[name] / "mal.html") == []


@pytest.mark.parametrize("policy", [True, False], ids=["policy-on", "policy-off"])
def test_a_script_in_any_text_never_runs_and_shows_as_text(
    policy: bool, hostile: Path, browser: Any
) -> None:
    pages = every_page(hostile)
    assert len(pages) == len(html_files(hostile)) > 30
    viewport = {"width": 1280, "height": 900}
    with reading(browser, bypass_csp=not policy, viewport=viewport) as opened:

        def check(page: Path) -> list[str]:
            # The comparison's own legend and statement show nothing from the files.
            own = page.parent == hostile and page.name != "index.html"
            return payload_problems(opened, page, SCRIPT_PAYLOAD, shown=not own)

        assert problems_on(pages, hostile, check) == []
