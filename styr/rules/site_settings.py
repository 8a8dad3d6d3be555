"""M001 accent-colour and M002 logo-file: what the manifest's `site:` gives every page.

Both are errors: `styr report` and `styr site` lint first and publish nothing
while there are errors, so a colour a reader cannot read against, or a logo
that is not there, is corrected before anything goes online.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from styr.colour import (
    MINIMUM_CONTRAST,
    WHITE,
    contrast_ratio,
    darker_passing,
    hex_of,
    parse_colour,
    ratio_text,
    suggested_form,
)
from styr.findings import Finding, Severity
from styr.i18n import N_, Text, translate
from styr.logo import MAX_LOGO_BYTES, LogoProblem, logo_problem
from styr.rules.base import Rule
from styr.rules.context import RuleContext
from styr.schema_texts import shown

ACCENT_COLOUR = Rule(
    code="M001",
    name="accent-colour",
    severity=Severity.ERROR,
    summary=N_("Accent colour too light or no colour"),
    message=N_("{problem}"),
    doc=N_("""Reports an accent colour in styr.yaml that is no colour, or too light for text.

Why: the accent colour is used for the header, headings and links of every
page. The accessibility law (EN 301 549, WCAG 2.1 level AA, criterion 1.4.3)
asks for a contrast of at least 4.5:1 between text and what it stands on, so
the colour must reach 4.5:1 against the white page. The text on it (black or
white, whichever contrasts more) then reaches 4.5:1 too. The finding gives
the contrast and a darker shade of the same colour that passes.

Failing example: `accent_colour: "#3399cc"` (3.19:1 against white).
Instead: `accent_colour: "#2a7ea9"`, the darker shade the finding suggests,
or another colour from the municipality's graphic profile that passes.

The colour is written `#RRGGBB` in quotes: without quotes, YAML reads
everything after `#` as a comment.
"""),
)

LOGO_FILE = Rule(
    code="M002",
    name="logo-file",
    severity=Severity.ERROR,
    summary=N_("Logo file cannot be used"),
    message=N_("The logo {logo} cannot be used: {problem}"),
    doc=N_("""Reports a `site: logo:` in styr.yaml that names no usable image.

Why: the logo is embedded in every page, so it must be a file inside the
repository's folder (never a file elsewhere on the computer or a web
address), small (at most 256 kB) and a PNG, JPEG or SVG image. What the file
is, is read from its bytes, not from its name. An SVG is embedded as an image,
never as part of the page, so nothing in it can run.

Failing example: `logo: ../gemensamt/logotyp.svg` (outside the folder), or a
file that was renamed or removed.
Instead: put the image in the repository, e.g. `bilder/logotyp.svg`, and write
`logo: bilder/logotyp.svg`.
"""),
)

RULES = (ACCENT_COLOUR, LOGO_FILE)

_COMMENTED_COLOUR = re.compile(r":\s*(#[0-9a-fA-F]{3,8})\b")

_PROBLEMS: dict[str, Text] = {
    "logo-outside": N_(
        "it is outside the repository's folder. Put the image inside the folder (for example "
        "in bilder/) and write the path from styr.yaml."
    ),
    "logo-missing": N_("there is no such file. Check the name and the folder, from styr.yaml."),
    "logo-not-a-file": N_("it is not an ordinary file. Name an image file instead."),
    "logo-too-large": N_(
        "it is larger than {limit} kB, and it is embedded in every page. Save a smaller version "
        "of the image."
    ),
    "logo-not-image": N_(
        "it is not a PNG, JPEG or SVG image (whatever its name says). Save the logo in one of "
        "those formats."
    ),
}


def check_accent(context: RuleContext) -> Iterator[Finding]:
    site = _site(context)
    value = site.get("accent_colour")
    manifest = context.repository.manifest
    path = ("site", "accent_colour")
    if value is None and "accent_colour" in site:
        yield from _unquoted(manifest, path)
        return
    if not isinstance(value, str):
        return  # absent, or another type: the schema reports that
    line, column = manifest.locate(path)
    colour = parse_colour(value)
    if colour is None:
        meant = suggested_form(value)
        problem = _both(
            N_("'{value}' is not a colour. Write it as #RRGGBB in quotes{did_you_mean}."),
            value=shown(value),
            did_you_mean=_did_you_mean(meant),
        )
        yield ACCENT_COLOUR.at(manifest.file, line, column, path, **problem)
        return
    on_white = contrast_ratio(colour, WHITE)
    if on_white >= MINIMUM_CONTRAST:
        return
    darker = darker_passing(colour)
    yield ACCENT_COLOUR.at(
        manifest.file,
        line,
        column,
        path,
        **_both(
            N_(
                "The accent colour {colour} has a contrast of only {ratio} against white, less "
                "than the 4.5:1 text needs to be readable. Use a darker shade, such as "
                '"{suggestion}" ({suggestion_ratio}).'
            ),
            colour=value,
            ratio=lambda language: ratio_text(on_white, language),
            suggestion=hex_of(darker),
            suggestion_ratio=lambda language: ratio_text(contrast_ratio(darker, WHITE), language),
        ),
    )


def _unquoted(manifest: Any, path: tuple[str, str]) -> Iterator[Finding]:
    """`accent_colour: #005a8c` unquoted: YAML reads the colour as a comment, the value as empty."""
    line, column = manifest.locate(path, key=True)
    lines = (manifest.text or "").splitlines()
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    found = _COMMENTED_COLOUR.search(written)
    if found is None:
        problem = _both(
            N_("No accent colour is given. Write it as #RRGGBB in quotes, or remove the line.")
        )
    else:
        problem = _both(
            N_(
                "Without quotes, YAML reads {colour} as a comment and the colour as empty. Put it "
                'in quotes: accent_colour: "{colour}".'
            ),
            colour=found.group(1),
        )
    yield ACCENT_COLOUR.at(manifest.file, line, column, path, **problem)


def check_logo(context: RuleContext) -> Iterator[Finding]:
    written = _logo_written(context.repository.manifest_data)
    if written is None:
        return  # absent, or another type: the schema reports that
    repository = context.repository
    problem = logo_problem(repository.root, written.strip())
    if problem is not None:
        line, column = repository.manifest.locate(("site", "logo"))
        yield LOGO_FILE.at(
            repository.manifest.file,
            line,
            column,
            ("site", "logo"),
            logo=shown(written),
            **_reason(problem),
        )


def logo_as_cached(root: Path, manifest: Any, findings: list[Finding]) -> bool:
    """Whether the logo file still gives the M002 finding (or none) a cached lint result holds.

    The lint cache is keyed by the YAML files; the logo is another file, so a
    cached result is only used while the logo says the same. (With M002
    suppressed or not selected, a logo with a problem never agrees, and the
    repository is linted afresh each time: slower, never wrong.)
    """
    written = _logo_written(manifest)
    problem = None if written is None else logo_problem(root, written.strip())
    now = None if problem is None else _reason(problem)["problem"]
    cached = next((f.params.get("problem") for f in findings if f.code == LOGO_FILE.code), None)
    return now == cached


def _logo_written(manifest: Any) -> str | None:
    site = manifest.get("site") if isinstance(manifest, dict) else None
    written = site.get("logo") if isinstance(site, dict) else None
    return written if isinstance(written, str) and written.strip() else None


def _reason(problem: LogoProblem) -> dict[str, str]:
    if problem.refused is not None:
        return {
            "problem": problem.refused.reason("sv"),
            "problem_en": problem.refused.reason("en"),
        }
    return _both(_PROBLEMS[problem.key], limit=str(MAX_LOGO_BYTES // 1024))


def _site(context: RuleContext) -> dict[str, Any]:
    site = context.repository.manifest_data.get("site")
    return site if isinstance(site, dict) else {}


def _did_you_mean(meant: str | None) -> Any:
    if meant is None:
        return ""
    return lambda language: translate(N_(', e.g. "{suggestion}"'), language, suggestion=meant)


def _both(text: Text, **params: Any) -> dict[str, str]:
    """`problem` in Swedish and `problem_en`; a parameter may be a function of the language."""
    found: dict[str, str] = {}
    for language, name in (("sv", "problem"), ("en", "problem_en")):
        filled = {k: v(language) if callable(v) else v for k, v in params.items()}
        found[name] = translate(text, language, **filled)
    return found
