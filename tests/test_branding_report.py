"""The one-page report shows the publisher, the contact and when the content was last updated."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import CliResult

from styr.report import build_report

Run = Callable[..., CliResult]

SETTINGS = """
publisher: Testby kommun
contact:
  email: kontakt@testby.example
  phone: "0999-12 34 56"
  web: "javascript:alert(1)"
site:
  logo: bilder/logotyp.svg
  accent_colour: "#005a8c"
"""
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    "<script>alert('logo')</script><rect width='10' height='10'/></svg>"
)


def _branded(root: Path) -> Path:
    manifest = root / "styr.yaml"
    manifest.write_text(_without_branding(manifest) + SETTINGS, encoding="utf-8")
    (root / "bilder").mkdir()
    (root / "bilder" / "logotyp.svg").write_text(LOGO, encoding="utf-8")
    return root


def test_the_report_shows_publisher_date_and_contact(blank_repo: Path) -> None:
    html = build_report([_branded(blank_repo)], "html", updated=date(2026, 11, 30))
    header = html[html.index("<header") : html.index("</header>")]
    footer = html[html.index("<footer") : html.index("</footer>")]
    for part in (header, footer):
        assert "Utgivare: Testby kommun" in part
        assert 'Senast uppdaterad <time datetime="2026-11-30">2026-11-30</time>' in part
    assert '<a href="mailto:kontakt@testby.example">kontakt@testby.example</a>' in footer
    assert '<a href="tel:+46999123456">0999-12 34 56</a>' in footer
    assert "Webb javascript:alert(1)" in footer  # shown as written, as text
    assert 'href="javascript' not in html  # never as a link


def test_the_logo_is_an_image_and_its_script_never_part_of_the_page(blank_repo: Path) -> None:
    html = build_report([_branded(blank_repo)], "html", updated=date(2026, 11, 30))
    found = re.search(r'<img class="logo" src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert found is not None
    assert base64.b64decode(found.group(1)).decode() == LOGO
    assert "alert('logo')" not in html and "<svg" not in html.split("<main")[0]


def test_the_report_in_english(blank_repo: Path) -> None:
    html = build_report([_branded(blank_repo)], "html", "en", updated=date(2026, 11, 30))
    # The publisher is named as the files name it, in their language (WCAG 3.1.2).
    assert 'Publisher: <span lang="sv">Testby kommun</span>' in html
    assert 'Last updated <time datetime="2026-11-30">' in html


def test_the_markdown_report_shows_them_too(blank_repo: Path) -> None:
    markdown = build_report([_branded(blank_repo)], "md", updated=date(2026, 11, 30))
    assert "\n\nUtgivare: Testby kommun · Senast uppdaterad 2026-11-30\n\n" in markdown
    assert "[kontakt@testby.example](<mailto:kontakt@testby.example>)" in markdown
    assert "[0999-12 34 56](<tel:+46999123456>)" in markdown


def test_without_a_date_or_git_the_report_says_no_date(blank_repo: Path) -> None:
    (blank_repo.parent / ".git").write_text("not a git folder", encoding="utf-8")
    html = build_report([blank_repo], "html")
    assert "Utgivare: Testby" in html
    assert "Senast uppdaterad" not in html
    assert html == build_report([blank_repo], "html")  # no build time: the same bytes


def test_styr_report_date_option(run_cli: Run, blank_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = run_cli("report", blank_repo, "-o", out, "--date", "2026-11-30")
    assert result.code == 0, result.err
    assert 'datetime="2026-11-30"' in out.read_text(encoding="utf-8")
    bad = run_cli("report", blank_repo, "-o", out, "--date", "30 november")
    assert bad.code == 2
    assert "30 november" in bad.err and "ÅÅÅÅ-MM-DD" in bad.err


def _followed_up(root: Path, source: str) -> Path:
    organisation = root / "organisation" / "exempelnamnden.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(
        text.replace(
            "        unit: procent\n", "        unit: procent\n        kolada: U23471\n", 1
        ),
        encoding="utf-8",
    )
    (root / "uppfoljning").mkdir()
    (root / "uppfoljning" / "2027.yaml").write_text(
        "kind: follow_up\n"
        'period: "2027"\n'
        "outcomes:\n"
        f"  - {{indicator: exempelnamnden-ind-1, value: 75, source: {source}}}\n",
        encoding="utf-8",
    )
    return root


def test_a_value_from_kolada_is_credited_with_its_key_figure(blank_repo: Path) -> None:
    root = _followed_up(blank_repo, "Kolada")
    html = build_report([root], "html", updated=date(2026, 11, 30))
    assert '<span class="note credit">Källa: Kolada (U23471)</span>' in html
    assert "Source: Kolada (U23471)" in build_report([root], "html", "en")
    assert "<br>Källa: Kolada (U23471)" in build_report([root], "md")


def test_a_value_typed_by_hand_is_not_credited_to_kolada(blank_repo: Path) -> None:
    root = _followed_up(blank_repo, "Egen enkät")
    html = build_report([root], "html", updated=date(2026, 11, 30))
    assert "75" in html
    assert 'class="note credit"' not in html and "Källa: Kolada" not in html


def test_the_credit_itself() -> None:
    from styr.report.credit import kolada_credit

    assert kolada_credit("Kolada", "N15428", "sv") == "Källa: Kolada (N15428)"
    assert kolada_credit(" kolada ", None, "sv") == "Källa: Kolada"
    assert kolada_credit("Kolada", "", "en") == "Source: Kolada"
    assert kolada_credit("SCB", "N15428", "sv") == ""
    assert kolada_credit(None, "N15428", "sv") == ""


def _without_branding(manifest: Path) -> str:
    """The starter's manifest up to its own publisher, contact and accessibility settings."""
    text = manifest.read_text(encoding="utf-8")
    return text[: text.index("\npublisher:") + 1]


def test_the_site_credits_kolada_too(blank_repo: Path, tmp_path: Path) -> None:
    from styr.site import build_site

    root = _followed_up(blank_repo, "Kolada")
    build_site([root], tmp_path / "webbplats", updated=date(2026, 11, 30))
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "webbplats").rglob("*.html"))
    assert '<br><span class="note credit">Källa: Kolada (U23471)</span></dd>' in pages
