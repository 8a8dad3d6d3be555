"""Branding from the manifest: contrast maths, logo sniffing, the git date, the findings."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import CliResult
from filled import fill_placeholders
from helpers import codes_at, column_of, findings_of, line_of

from styr.branding import (
    DIGG_REPORT_URL,
    SUPERVISION,
    SUPERVISION_LINK,
    branding_of,
    phone_link,
)
from styr.colour import (
    BLACK,
    MINIMUM_CONTRAST,
    WHITE,
    contrast_ratio,
    darker_passing,
    hex_of,
    parse_colour,
    ratio_text,
    relative_luminance,
    suggested_form,
    text_colour_on,
)
from styr.i18n import translate
from styr.logo import JPEG, MAX_LOGO_BYTES, PNG, SVG, LogoProblem, media_type_of, read_logo
from styr.model.repository import load_repository
from styr.scaffold import init_repository
from styr.site.texts import SITE_TEXTS
from styr.updated import last_commit_date

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 16
SVG_TEXT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a logo -->\n'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    "<script>alert(1)</script><rect width='10' height='10'/></svg>\n"
)
GIT = shutil.which("git")


# --------------------------------------------------------------- contrast


def test_contrast_of_known_pairs() -> None:
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    grey = parse_colour("#767676")
    assert grey is not None
    assert contrast_ratio(grey, WHITE) == pytest.approx(4.54, abs=0.005)
    assert contrast_ratio(WHITE, grey) == contrast_ratio(grey, WHITE)  # order does not matter
    # #777777 is the well-known grey that just fails 4.5:1 on white.
    assert contrast_ratio((0x77, 0x77, 0x77), WHITE) < MINIMUM_CONTRAST
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


def test_text_colour_is_the_one_that_contrasts_more() -> None:
    assert text_colour_on((0x00, 0x5A, 0x8C)) == WHITE
    assert text_colour_on((0xFF, 0xD7, 0x00)) == BLACK
    assert text_colour_on(WHITE) == BLACK


@pytest.mark.parametrize("written", ["#3399cc", "#ffff00", "#ff0000", "#ffffff", "#7788cc"])
def test_the_suggested_darker_shade_passes_and_is_no_darker_than_needed(written: str) -> None:
    colour = parse_colour(written)
    assert colour is not None
    darker = darker_passing(colour)
    assert contrast_ratio(darker, WHITE) >= MINIMUM_CONTRAST
    assert all(d <= c for d, c in zip(darker, colour, strict=True))
    # no darker than needed: just past the limit, not far beyond it
    assert contrast_ratio(darker, WHITE) < MINIMUM_CONTRAST + 0.2


def test_a_colour_that_passes_is_its_own_suggestion() -> None:
    assert darker_passing((0x00, 0x5A, 0x8C)) == (0x00, 0x5A, 0x8C)


def test_colours_are_read_strictly_and_what_was_meant_is_suggested() -> None:
    assert parse_colour("#005A8c") == (0, 0x5A, 0x8C)
    for wrong in ("005a8c", "#05a", "#005a8", "blue", "", 123, None):
        assert parse_colour(wrong) is None
    assert suggested_form("005A8C") == "#005a8c"
    assert suggested_form("#05a") == "#0055aa"
    assert suggested_form("blue") is None
    assert hex_of((0, 90, 140)) == "#005a8c"


def test_a_ratio_is_written_as_the_language_writes_it_and_never_rounded_up() -> None:
    assert ratio_text(4.542, "sv") == "4,54:1"
    assert ratio_text(4.542, "en") == "4.54:1"
    assert ratio_text(4.4999, "en") == "4.49:1"


# --------------------------------------------------------------- logo


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PNG_BYTES, PNG),
        (JPEG_BYTES, JPEG),
        (SVG_TEXT.encode(), SVG),
        (b"\xef\xbb\xbf  <svg xmlns='http://www.w3.org/2000/svg'/>", SVG),
        (b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg>', SVG),
        (b"GIF89a\x01\x00", None),
        (b"<html><body><svg></svg></body></html>", None),
        (b"%PDF-1.7", None),
        (b"", None),
    ],
)
def test_an_image_is_known_by_its_bytes(content: bytes, expected: str | None) -> None:
    assert media_type_of(content) == expected


def test_an_svg_logo_becomes_an_image_address_not_markup(tmp_path: Path) -> None:
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "logo.png").write_text(SVG_TEXT, encoding="utf-8")  # the name lies
    logo = read_logo(tmp_path, "bilder/logo.png")
    assert logo.media_type == SVG
    prefix = "data:image/svg+xml;base64,"
    assert logo.data_uri.startswith(prefix)
    assert base64.b64decode(logo.data_uri.removeprefix(prefix)) == SVG_TEXT.encode()
    assert "<script" not in logo.data_uri


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("../logo.svg", "logo-outside"),
        ("bilder/../../logo.svg", "logo-outside"),
        ("/etc/passwd", "logo-outside"),
        ("C:\\bilder\\logo.svg", "logo-outside"),
        ("saknas.svg", "logo-missing"),
        ("bilder", "logo-not-a-file"),
        ("text.png", "logo-not-image"),
        ("stor.png", "logo-too-large"),
    ],
)
def test_a_logo_that_cannot_be_used_says_why(tmp_path: Path, written: str, problem: str) -> None:
    root = tmp_path / "kommun"
    (root / "bilder").mkdir(parents=True)
    (tmp_path / "logo.svg").write_text(SVG_TEXT, encoding="utf-8")
    (root / "text.png").write_text("inte en bild", encoding="utf-8")
    (root / "stor.png").write_bytes(PNG_BYTES + b"\x00" * MAX_LOGO_BYTES)
    with pytest.raises(LogoProblem) as raised:
        read_logo(root, written)
    assert raised.value.key == problem


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_a_link_to_a_logo_outside_the_repository_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "kommun"
    root.mkdir()
    (tmp_path / "logo.svg").write_text(SVG_TEXT, encoding="utf-8")
    (root / "logo.svg").symlink_to(tmp_path / "logo.svg")
    with pytest.raises(LogoProblem) as raised:
        read_logo(root, "logo.svg")
    assert raised.value.key == "logo-outside"


# --------------------------------------------------------------- the git date


def _git(folder: Path, *arguments: str, when: str = "2025-03-04T10:00:00+01:00") -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(
        ["git", *arguments], cwd=folder, env=environment, check=True, capture_output=True
    )


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_the_date_is_the_last_commit_that_touched_the_repository(tmp_path: Path) -> None:
    init_repository(tmp_path / "kommun", "blank", "Testby", "0999")
    (tmp_path / "annat").mkdir()
    (tmp_path / "annat" / "fil.txt").write_text("x", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "kommun")
    _git(tmp_path, "commit", "-q", "-m", "kommun", when="2025-03-04T10:00:00+01:00")
    _git(tmp_path, "add", "annat")
    _git(tmp_path, "commit", "-q", "-m", "annat", when="2026-01-20T10:00:00+01:00")
    # The commit elsewhere in the work tree does not count: only the repository's content.
    assert last_commit_date(tmp_path / "kommun") == date(2025, 3, 4)
    assert last_commit_date(tmp_path) == date(2026, 1, 20)
    branding = branding_of(load_repository(tmp_path / "kommun"), "sv")
    assert branding.updated == "2025-03-04"
    given = branding_of(load_repository(tmp_path / "kommun"), "sv", date(2026, 11, 30))
    assert given.updated == "2026-11-30"  # --date wins


def test_no_git_repository_gives_no_date_and_no_error(tmp_path: Path) -> None:
    root = tmp_path / "kommun"
    init_repository(root, "blank", "Testby", "0999")
    (tmp_path / ".git").write_text("not a git folder", encoding="utf-8")  # stops git's search
    assert last_commit_date(root) is None
    assert branding_of(load_repository(root), "sv").updated == ""
    assert last_commit_date(tmp_path / "saknas") is None


def test_no_git_program_gives_no_date_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "kommun"
    init_repository(root, "blank", "Testby", "0999")
    monkeypatch.setenv("PATH", str(tmp_path / "ingenting"))
    assert last_commit_date(root) is None


# --------------------------------------------------------------- the Branding value


def _repository_with(tmp_path: Path, settings: str) -> Path:
    root = tmp_path / "kommun"
    init_repository(root, "blank", "Testby", "0999")
    manifest = root / "styr.yaml"
    manifest.write_text(_without_branding(manifest) + settings, encoding="utf-8")
    return root


SETTINGS = """
publisher: Testby kommun
contact:
  email: kontakt@testby.example
  phone: "0999-12 34 56"
  web: https://testby.example/kontakt
  address: Testby kommun, 999 99 Testby
  illustrative: true
site:
  logo: bilder/logotyp.svg
  accent_colour: "#005A8C"
  url: https://styrning.testby.example/
accessibility:
  compliance: partial
  shortcomings:
    - Diagrammen saknar beskrivning i text.
  assessed_on: "2026-11-15"
  assessed_by: kommunens webbredaktion
  response_time: fem arbetsdagar
"""


def test_branding_from_the_manifest(tmp_path: Path) -> None:
    root = _repository_with(tmp_path, SETTINGS)
    (root / "bilder").mkdir()
    (root / "bilder" / "logotyp.svg").write_text(SVG_TEXT, encoding="utf-8")
    branding = branding_of(load_repository(root), "sv", date(2026, 11, 30))
    assert branding.publisher == "Testby kommun"
    assert [(c.label, c.text, c.href) for c in branding.contact] == [
        ("E-post", "kontakt@testby.example", "mailto:kontakt@testby.example"),
        ("Telefon", "0999-12 34 56", "tel:+46999123456"),
        ("Webb", "https://testby.example/kontakt", "https://testby.example/kontakt"),
        ("Postadress", "Testby kommun, 999 99 Testby", ""),
    ]
    assert branding.contact_provenance.startswith("Exempeltext")
    assert branding.logo is not None and branding.logo.media_type == SVG
    assert branding.accent is not None
    assert (branding.accent.colour, branding.accent.text_colour) == ("#005a8c", "#ffffff")
    assert branding.accent.contrast_text == "7,39:1"
    assert branding.site_url == "https://styrning.testby.example/"
    assert (branding.updated, branding.updated_label) == ("2026-11-30", "Senast uppdaterad")
    facts = branding.accessibility
    assert facts is not None
    assert facts.compliance == "partial"
    assert "delvis förenlig" in facts.compliance_text
    assert facts.shortcomings == ("Diagrammen saknar beskrivning i text.",)
    assert (facts.assessed_on, facts.assessed_by) == ("2026-11-15", "kommunens webbredaktion")
    assert [c.kind for c in facts.report_to] == ["email", "phone", "web", "address"]  # contact
    assert facts.supervision_url == DIGG_REPORT_URL == "https://www.digg.se/tdosanmalan"
    english = branding_of(load_repository(root), "en", date(2026, 11, 30))
    assert english.updated_label == "Last updated"
    assert english.accessibility is not None
    assert "partially compliant" in english.accessibility.compliance_text


def test_without_settings_the_municipality_publishes_and_nothing_else_shows(
    tmp_path: Path,
) -> None:
    root = _repository_with(tmp_path, "")
    branding = branding_of(load_repository(root), "sv", date(2026, 11, 30))
    assert branding.publisher == "Testby"
    assert branding.contact == ()
    assert (branding.logo, branding.accent, branding.accessibility) == (None, None, None)
    assert branding.site_url == ""


def test_what_cannot_be_shown_safely_is_left_out(tmp_path: Path) -> None:
    settings = """
contact:
  email: "kontakt@testby.example?body=<script>"
  phone: ring oss
  web: "javascript:alert(1)"
site:
  logo: ../utanfor.svg
  accent_colour: "#3399cc"
  url: "javascript:alert(1)"
"""
    root = _repository_with(tmp_path, settings)
    branding = branding_of(load_repository(root), "sv", date(2026, 11, 30))
    assert [c.href for c in branding.contact] == ["", "", ""]  # shown as text, never a link
    assert (branding.logo, branding.accent, branding.site_url) == (None, None, "")


@pytest.mark.parametrize(
    ("written", "link"),
    [
        ("042-10 50 00", "tel:+4642105000"),
        ("+46 42 10 50 00", "tel:+4642105000"),
        ("0046 42 10 50 00", "tel:+4642105000"),
        ("112", ""),
        ("ring växeln", ""),
    ],
)
def test_phone_links(written: str, link: str) -> None:
    assert phone_link(written) == link


# --------------------------------------------------------------- the findings


def test_findings_say_where_and_what_to_write(tmp_path: Path) -> None:
    settings = """
site:
  accent_colour: "#3399cc"
  logo: bilder/saknas.svg
"""
    root = _repository_with(tmp_path, settings)
    manifest = root / "styr.yaml"
    findings = [f for f in findings_of(root) if f.code.startswith("M")]
    assert codes_at(findings) == [
        ("M001", "styr.yaml", line_of(manifest, "accent_colour"), column_of(manifest, '"#3399cc"')),
        ("M002", "styr.yaml", line_of(manifest, "saknas.svg"), column_of(manifest, "bilder/")),
    ]
    from styr.rules.catalogue import BY_CODE

    contrast = BY_CODE["M001"].render(findings[0], "sv")
    assert "3,19:1" in contrast and '"#2a7ea9"' in contrast and "4,51:1" in contrast
    assert "3.19:1" in BY_CODE["M001"].render(findings[0], "en")
    assert "det finns ingen sådan fil" in BY_CODE["M002"].render(findings[1], "sv")


def test_a_colour_written_wrong_is_shown_as_it_should_be(tmp_path: Path) -> None:
    root = _repository_with(tmp_path, '\nsite:\n  accent_colour: "005a8c"\n')
    findings = [f for f in findings_of(root) if f.code == "M001"]
    from styr.rules.catalogue import BY_CODE

    assert "#RRGGBB" in BY_CODE["M001"].render(findings[0], "sv")
    assert '"#005a8c"' in BY_CODE["M001"].render(findings[0], "sv")


def test_a_bad_accent_colour_is_an_error_that_stops_publishing(tmp_path: Path) -> None:
    from styr.publishing import ErrorsBlockPublishing
    from styr.report import build_report

    root = _repository_with(tmp_path, '\nsite:\n  accent_colour: "#ffff00"\n')
    with pytest.raises(ErrorsBlockPublishing):
        build_report([root], "html")


def _without_branding(manifest: Path) -> str:
    """The starter's manifest up to its own publisher, contact and accessibility settings."""
    text = manifest.read_text(encoding="utf-8")
    return text[: text.index("\npublisher:") + 1]


@pytest.mark.parametrize("starter", ["blank", "helsingborg", "huddinge"])
def test_every_starter_asks_for_the_contact_and_the_accessibility_facts(
    starter: str, tmp_path: Path
) -> None:
    root = tmp_path / "kommun"
    init_repository(root, starter, "Testby kommun", "0999")
    assert branding_of(load_repository(root), "sv").publisher == "Testby kommun"
    findings = findings_of(root)
    asked = [f.path for f in findings if f.code == "X003" and f.file and f.file.name == "styr.yaml"]
    assert asked == [
        ("contact", "email"),
        ("contact", "web"),
        ("accessibility", "shortcomings", 0),
        ("accessibility", "assessed_by"),
    ]


def test_a_cached_lint_sees_the_logo_file_change(
    tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    # The cache is keyed by the YAML files; the logo is another file.
    root = _repository_with(tmp_path, "\nsite:\n  logo: bilder/logotyp.svg\n")
    fill_placeholders(root)
    first = run_cli("lint", root, "--output-format", "concise")
    assert "M002" in first.out
    (root / "bilder").mkdir()
    (root / "bilder" / "logotyp.svg").write_text(SVG_TEXT, encoding="utf-8")
    assert "M002" not in run_cli("lint", root, "--output-format", "concise").out
    assert "M002" not in run_cli("lint", root, "--output-format", "concise").out  # from the cache
    (root / "bilder" / "logotyp.svg").write_text("inte en bild", encoding="utf-8")
    again = run_cli("lint", root, "--output-format", "concise")
    assert "M002" in again.out and again.code == 1


def test_a_colour_that_passes_on_white_passes_with_its_text_colour_too() -> None:
    """M001 checks against white; the text on the colour is then readable as well."""
    steps = range(0, 256, 15)
    for colour in ((r, g, b) for r in steps for g in steps for b in steps):
        if contrast_ratio(colour, WHITE) >= MINIMUM_CONTRAST:
            assert contrast_ratio(colour, text_colour_on(colour)) >= MINIMUM_CONTRAST, colour


def test_a_colour_without_quotes_is_one_finding_that_says_to_quote_it(tmp_path: Path) -> None:
    from styr.rules.catalogue import BY_CODE

    root = _repository_with(tmp_path, "\nsite:\n  accent_colour: #005a8c\n")
    findings = [f for f in findings_of(root) if f.path[:2] == ("site", "accent_colour")]
    assert [f.code for f in findings] == ["M001"]  # not also the schema's "empty"
    assert 'accent_colour: "#005a8c"' in BY_CODE["M001"].render(findings[0], "sv")
    assert branding_of(load_repository(root), "sv").accent is None


def test_the_supervising_agency_is_named_as_it_names_itself_everywhere() -> None:
    """Digg, as the agency writes it, in the report's statement and on the site's page."""
    texts = [SUPERVISION, SUPERVISION_LINK, SITE_TEXTS["accessibility_supervision"]]
    for language in ("sv", "en"):
        for text in texts:
            written = translate(text, language)
            assert "Digg" in written and "DIGG" not in written
