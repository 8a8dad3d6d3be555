"""Screenshots of the bundled examples' HTML reports, for docs/report.md, and of the
website `styr site` makes of Helsingborg, for docs/site.md.

    python docs/make_screenshots.py          # both
    python docs/make_screenshots.py site     # only the website's

Needs the test extra (Playwright) and Debian's Chromium (`.ci/browser-setup`);
set STYR_CHROMIUM to use another Chromium binary. Writes PNG files into
docs/screenshots/, replacing those that are there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from styr.report import build_report

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
EXAMPLES = ("helsingborg", "huddinge")
CHROMIUM = os.environ.get("STYR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
TALLEST = 1500  # px: a longer section is cut, the reader gets the idea
# The first board or company with goals, or (Huddinge) with board indicators.
BOARD = "article.org:has(article.goal), article.org:has(table.indicators)"


def shoot_section(page: Page, selector: str, target: Path) -> None:
    """A screenshot of one part of the page, at most TALLEST pixels high."""
    box = page.locator(selector).first.bounding_box()
    if box is None:
        raise SystemExit(f"{selector} is not on the page")
    page.screenshot(
        path=str(target),
        full_page=True,
        clip={
            "x": max(box["x"] - 16, 0),
            "y": max(box["y"] - 16, 0),
            "width": box["width"] + 32,
            "height": min(box["height"] + 32, TALLEST),
        },
    )


# The website: four kinds of page of Helsingborg's site, on a desktop and a phone.
SITE_EXAMPLE = "helsingborg"
SITE_DATE = "2026-12-01"  # a fixed date, so that the images change only with the pages
SITE_PAGES = {
    "start": "index.html",
    "omrade": "omraden/*.html",
    "organisation": "organisationer/skol-och-fritidsnamnden.html",
    "mal": "mal.html",
}
SITE_PHONE = {"width": 375, "height": 812}


def build_example_site(folder: Path) -> Path:
    """`styr site` of the example, as a user runs it."""
    output = folder / "webbplats"
    command = [sys.executable, "-m", "styr", "site", str(ROOT / "examples" / SITE_EXAMPLE)]
    subprocess.run([*command, "-o", str(output), "--date", SITE_DATE], check=True, cwd=ROOT)
    return output


def site_screenshots(browser: Browser, folder: Path) -> list[Path]:
    """The top of each page (TALLEST px at most), desktop and phone: site-<page>-<device>.png."""
    site = build_example_site(folder)
    written = []
    for part, pattern in SITE_PAGES.items():
        page_file = sorted(site.glob(pattern))[0]
        for device, viewport in (("dator", DESKTOP), ("mobil", SITE_PHONE)):
            page = browser.new_page(viewport=viewport)
            page.goto(page_file.as_uri())
            target = OUT / f"site-{part}-{device}.png"
            height = min(page.evaluate("document.documentElement.scrollHeight"), TALLEST)
            clip = {"x": 0, "y": 0, "width": viewport["width"], "height": height}
            page.screenshot(path=str(target), full_page=True, clip=clip)
            written.append(target)
            page.close()
    return written


def report_screenshots(browser: Browser, folder: str) -> list[Path]:
    """The reports' screenshots: overview, goal chain, a board, the chain on a phone."""
    written = []
    for name in EXAMPLES:
        html = Path(folder) / f"{name}.html"
        html.write_text(build_report([ROOT / "examples" / name], "html"), encoding="utf-8")
        page = browser.new_page(viewport=DESKTOP)
        page.goto(html.as_uri())
        shots = {
            "oversikt": lambda p, t: p.screenshot(path=str(t)),
            "malkedjan": lambda p, t: shoot_section(p, "section.chain-section", t),
            "namnd": lambda p, t: shoot_section(p, BOARD, t),
        }
        for part, shoot in shots.items():
            target = OUT / f"{name}-{part}.png"
            shoot(page, target)
            written.append(target)
        page.set_viewport_size(PHONE)
        page.evaluate("document.querySelector('section.chain-section').scrollIntoView()")
        target = OUT / f"{name}-mobil.png"
        page.screenshot(path=str(target))
        written.append(target)
        page.close()
    return written


def main() -> int:
    only_site = sys.argv[1:] == ["site"]
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if not only_site:
            written += report_screenshots(browser, folder)
        written += site_screenshots(browser, Path(folder))
        browser.close()
    for target in written:
        print(target.relative_to(ROOT).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
