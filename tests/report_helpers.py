"""A repository with every part a report shows, hostile titles included, a headless browser,
and a folder of the user's templates (`--templates`) with the refusal it gets."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from styr.errors import UsageError
from styr.report import build_report
from styr.scaffold import init_repository

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("helsingborg", "huddinge")
SCRIPT_TITLE = "<script>window.__pwned = 1</script>Fler elever når målen"
IMG_TITLE = '<img src=x onerror="window.__pwned = 2">'
PIPE_TITLE = "Kostnad | intäkt per *invånare* _och_ [år]"
CHROMIUM = os.environ.get("STYR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

EXTRA_KINDS = """\
    - id: malbild
      category: waypoint
      level: kommunfullmaktige
      name: {sv: Målbild, en: Waypoint}
    - id: ledord
      category: value
      level: kommunfullmaktige
      name: {sv: Ledord, en: Guiding word}
    - id: visionsomrade
      category: vision_area
      level: kommunfullmaktige
      name: {sv: Visionens område, en: Area of the vision}
    - id: kf-mal
      category: council_goal
      level: kommunfullmaktige
      name: {sv: Fullmäktiges mål, en: Council goal}
"""

VISION = """\
kind: vision
vision:
  id: vision
  title: Vision för Testby
  year: 2035
  text: |-
    Testby är en trygg plats att leva på.

    Här växer alla.
  areas:
    - {id: det-trygga-testby, title: Det trygga Testby, text: Alla känner sig trygga.}
waypoints:
  - id: malbild-2029
    title: Målbild 2029
    year: 2029
    contributes_to: [vision]
values:
  - {id: mod, title: Mod, text: Vi vågar pröva nytt.}
  - {id: omtanke, title: Omtanke}
"""

COUNCIL = """\
kind: council
areas:
  - id: malomrade-1
    title: Ett första målområde
    heading: Den sociala basen
    text: Förklara för invånarna vad som ska uppnås inom området.
    contributes_to: [program]
    agenda2030: ["4", "16.6"]
    indicators:
      - id: kf-ind-1
        title: Andel elever som är behöriga till gymnasiet
        unit: procent
        better: higher
        baseline: {year: 2026, value: 82.4}
        targets: [{year: 2030, value: 88}]
        kolada: N15428
        contributes_to: [malomrade-1]
  - id: malomrade-2
    title: Ett andra målområde
    contributes_to: [program]
    goals:
      - id: kf-mal-1
        title: Testby har en budget i balans
        contributes_to: [malomrade-2]
"""

DOCUMENTS = """\
kind: steering_documents
documents:
  - id: reglemente-exempel
    title: Reglemente för Exempelnämnden
    type: reglemente
    adopted_by: kommunfullmaktige
    adopted_on: "2026-11-20"
    until_further_notice: true
    owner: kommunfullmaktige
  - id: trygghetsprogram
    title: Trygghetsprogram
    type: program
    area: trygghet
    valid_until: "2030-12-31"
    next_review: "2028-12-31"
    contributes_to: [malomrade-1]
"""

SCHOOL_BOARD = f"""\
kind: organisation
id: skolnamnden
type: namnd
name: Skolnämnden
parent: kommunfullmaktige
mission:
  source: reglemente
  document: reglemente-exempel
  text: Nämnden ansvarar för förskola och grundskola.
direction:
  text: Fler elever ska klara skolan.
  contributes_to: [malomrade-1]
  indicators:
    - id: skn-ind-arbetsloshet
      title: Ungdomsarbetslöshet
      unit: procent
      better: lower
area_readings:
  - {{area: malomrade-1, text: Skolan är grunden för ett tryggt liv.}}
goals:
  - id: skn-mal-1
    title: {SCRIPT_TITLE!r}
    target_group: elever i årskurs 9
    horizon: {{start: 2027, end: 2030}}
    contributes_to: [malomrade-1]
    agenda2030: ["4.1"]
    indicators:
      - id: skn-ind-1
        title: {PIPE_TITLE!r}
        unit: kronor
        better: range
        range: {{min: 90, max: 100}}
        baseline: {{year: 2026, value: 12345.5}}
        targets:
          - {{year: 2030, value: 13000}}
          - {{year: 2028, value: 12800}}
        milestones:
          - {{year: 2027, value: 12500, term: short, text: Första steget}}
        kolada: N15428
        agenda2030: ["4.1", "4.a"]
        gender_breakdown: true
        source: SCB
        contributes_to: [kf-ind-1]
  - id: skn-mal-2
    title: {IMG_TITLE!r}
    contributes_to: [skn-mal-9]
indicators:
  - id: skn-ind-2
    title: Andel nöjda vårdnadshavare
    contributes_to: [kf-ind-1]
assignments:
  - id: skn-uppdrag-1
    title: Ta fram en plan för läsfrämjande
    to: skolforvaltningen
    due: "2027-06-30"
    contributes_to: [skn-mal-1]
"""

ADMINISTRATION = """\
kind: organisation
id: skolforvaltningen
type: forvaltning
name: Skolförvaltningen
parent: skolnamnden
"""

WORK_PLAN = """\
kind: work_plan
work_plan:
  id: skf-arbetsplan-2027
  title: Skolförvaltningens arbetsplan 2027
  owner: skolforvaltningen
  year: 2027
  based_on: skolnamnden
  activities:
    - id: skf-akt-1
      title: Läsa högt varje dag
      responsible: Rektorerna
      start: "2027-01-01"
      end: "2027-12-31"
      contributes_to: [skn-uppdrag-1]
"""

COMPANY = """\
kind: organisation
id: testby-energi
type: bolag
name: Testby Energi AB
parent: kommunfullmaktige
mission: {source: ägardirektiv, text: Bolaget levererar el och värme.}
direction: {text: Mer förnybar energi., contributes_to: [malomrade-2]}
goals:
  - id: energi-mal-1
    title: Mer förnybar el
    contributes_to: [kf-mal-1]
"""


EXTRA_LINKS = """\
    - {from: malbild, to: [vision]}
    - {from: kf-mal, to: [malomrade]}
    - {from: indikator, to: [indikator]}
"""


def rich_repository(target: Path, name: str = "Testby", code: str = "0999") -> Path:
    """A repository from `styr init` with every part the report shows, and hostile titles."""
    init_repository(target, "blank", name, code)
    manifest = target / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("  element_kinds:\n", "  element_kinds:\n" + EXTRA_KINDS, 1)
    text = text.replace("  links:\n", "  links:\n" + EXTRA_LINKS, 1)
    text = text.replace("{from: mal, to: [malomrade]}", "{from: mal, to: [malomrade, kf-mal]}")
    manifest.write_text(text, encoding="utf-8")
    (target / "malomraden.yaml").write_text(COUNCIL, encoding="utf-8")
    (target / "vision.yaml").write_text(VISION, encoding="utf-8")
    (target / "styrdokument.yaml").write_text(DOCUMENTS, encoding="utf-8")
    organisations = target / "organisation"
    (organisations / "skolnamnden.yaml").write_text(SCHOOL_BOARD, encoding="utf-8")
    (organisations / "skolforvaltningen.yaml").write_text(ADMINISTRATION, encoding="utf-8")
    (organisations / "testby-energi.yaml").write_text(COMPANY, encoding="utf-8")
    (target / "arbetsplaner").mkdir()
    (target / "arbetsplaner" / "skf-2027.yaml").write_text(WORK_PLAN, encoding="utf-8")
    return target


def example_paths() -> list[Path]:
    """The bundled examples; a missing one fails the test that needs it."""
    return [ROOT / "examples" / name for name in EXAMPLES]


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        raise FileNotFoundError(f"Chromium not found at {CHROMIUM}: run .ci/browser-setup")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def missing_browser(*, axe: bool = False) -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install '.[test]')"
    if not Path(CHROMIUM).is_file():
        return f"Chromium is not installed at {CHROMIUM} (run .ci/browser-setup)"
    if axe and not AXE.is_file():
        return "axe-core is not installed in node_modules (run .ci/browser-setup)"
    return None


def require_browser(*, axe: bool = False) -> None:
    """Skip a browser test outside CI when the browser is missing; fail it in CI."""
    problem = missing_browser(axe=axe)
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"CI must run the browser tests: {problem}")
    pytest.skip(problem)


@dataclass
class Visit:
    """An open page, with every request it made and every error it logged."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def network(self) -> list[str]:
        """Every request but the page itself (data: URLs load nothing)."""
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]


@contextmanager
def visit(context: Any, file: Path) -> Iterator[Visit]:
    """Open a file in the context; every request but the page's own is refused and recorded."""
    page = context.new_page()
    url = file.resolve().as_uri()
    seen = Visit(page, url)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def only_the_page(route: Any) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_the_page)
    page.goto(url, wait_until="load")
    try:
        yield seen
    finally:
        page.close()


# The rule of `styr.escape.published`, written out: every control but line breaks and tabs
# shown escaped (a carriage return as `\\r`).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"


def published_the_long_way(text: str) -> str:
    def shown(match: re.Match[str]) -> str:
        character = match.group()
        return "\\r" if character == "\r" else f"\\u{ord(character):04x}"

    return re.sub(f"[{_CONTROLS}]", shown, text)


def tidied_the_long_way(fmt: str, text: str) -> str:
    """The page whole, a line at a time: controls shown, trailing spaces and tabs cut, empty
    lines dropped (in Markdown one kept between two lines)."""
    kept: list[str] = []
    blank = False
    for line in published_the_long_way(text).split("\n"):
        line = line.rstrip(" \t")
        if not line:
            blank = True
            continue
        if fmt == "md" and blank and kept:
            kept.append("")
        blank = False
        kept.append(line)
    return "\n".join(kept) + "\n" if kept else "\n"


def user_template(folder: Path, text: str, name: str = "report.md.j2") -> Path:
    """A folder of the user's templates holding `text` as `name` (made with its folders)."""
    folder.mkdir(exist_ok=True)
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def template_refusal(rich: Path, folder: Path) -> UsageError:
    """The usage error a Markdown report of `rich` with the templates of `folder` ends in."""
    with pytest.raises(UsageError) as caught:
        build_report([rich], "md", None, folder, allow_errors=True)
    return caught.value
