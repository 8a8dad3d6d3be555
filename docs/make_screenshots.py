"""Screenshots of the bundled examples' HTML reports, for docs/report.md.

    python docs/make_screenshots.py

Needs the test extra (Playwright) and Debian's Chromium (`.ci/browser-setup`);
set STYR_CHROMIUM to use another Chromium binary. Writes PNG files into
docs/screenshots/, replacing those that are there.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

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


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
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
        browser.close()
    for target in written:
        print(target.relative_to(ROOT).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
