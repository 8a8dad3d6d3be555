"""Who publishes the pages and how they look: one value the report and the site render.

`branding_of(repository, language, updated)` reads the manifest's `publisher:`,
`contact:`, `site:` and `accessibility:` (docs/format.md) and gives a
`Branding`: the publisher, the contact lines with their links, the logo as a
`data:` address, the accent colour with the text colour to use on it, the date
the content was last updated and the facts of the accessibility statement.

What a page shows here is never the build time: the date is the one given
(`--date`) or the content's last git commit (`styr.updated`), so the same
files give the same bytes. Whatever is wrong with a setting (an unreadable
logo, a colour without contrast) is `styr lint`'s to report (rules M001 and
M002); here it is simply left out, so that rendering never fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from styr.colour import (
    MINIMUM_CONTRAST,
    WHITE,
    contrast_ratio,
    hex_of,
    parse_colour,
    ratio_text,
    text_colour_on,
)
from styr.i18n import N_, translate
from styr.logo import Logo, LogoProblem, read_logo
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.provenance import provenance_text
from styr.report.texts import Labels
from styr.updated import content_date

# Where anyone may tell the supervisory authority that a public body's site
# or its statement falls short (DIGG's form for the accessibility law).
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"

CONTACT_KINDS = ("email", "phone", "web", "address")

WORDS = {
    "publisher": N_("Publisher"),
    "contact": N_("Contact"),
    "updated": N_("Last updated"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "web": N_("Web"),
    "address": N_("Postal address"),
}

COMPLIANCE = {
    "full": N_(
        "This website is fully compliant with the Swedish act on accessibility to digital public "
        "services."
    ),
    "partial": N_(
        "This website is partially compliant with the Swedish act on accessibility to digital "
        "public services, because of the shortcomings described below."
    ),
    "none": N_(
        "This website is not compliant with the Swedish act on accessibility to digital public "
        "services. The shortcomings we know of are described below."
    ),
}

SUPERVISION = N_(
    "The Agency for Digital Government (Digg) supervises the act on accessibility to digital "
    "public services. If you are not satisfied with how we handle what you tell us, you can "
    "report it to Digg."
)
SUPERVISION_LINK = N_("Report to Digg")  # the agency writes its name so

_EMAIL = re.compile(r"[^\s@<>\"'()\[\]\\,;:]+@[^\s@<>\"'()\[\]\\,;:]+\.[^\s@<>\"'()\[\]\\,;:]+")
_WEB = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ContactLine:
    kind: str  # email | phone | web | address
    label: str  # "E-post"
    text: str  # as written
    href: str  # mailto:, tel: or https: ("" for a postal address, or what makes no link)


@dataclass(frozen=True, slots=True)
class Accent:
    colour: str  # "#005a8c", lower case
    text_colour: str  # "#ffffff" or "#000000": whichever contrasts more with the colour
    contrast_on_white: float
    contrast_text: str  # "7,15:1"


@dataclass(frozen=True, slots=True)
class AccessibilityFacts:
    """What the accessibility statement (tillgänglighetsredogörelse) says, from the manifest."""

    compliance: str  # full | partial | none | "" (not given)
    compliance_text: str
    shortcomings: tuple[str, ...]
    assessed_on: str  # "2026-11-15" or ""
    assessed_by: str
    report_to: tuple[ContactLine, ...]
    response_time: str
    supervision_text: str
    supervision_link_text: str
    supervision_url: str = DIGG_REPORT_URL
    provenance: str = ""  # "Exempeltext: …" when the facts are a made-up example


@dataclass(frozen=True, slots=True)
class Branding:
    publisher: str
    publisher_label: str
    contact: tuple[ContactLine, ...]
    contact_label: str
    contact_provenance: str  # "Exempeltext: …" when the contact details are made up
    logo: Logo | None
    logo_alt: str  # the publisher's name, for a logo that stands alone
    accent: Accent | None
    site_url: str  # the address the site is published at, "" when not given
    updated: str  # "2026-11-30", or "" when no date is known
    updated_label: str
    accessibility: AccessibilityFacts | None


def branding_of(repository: Repository, language: str, updated: date | None = None) -> Branding:
    """The repository's branding in `language`; `updated` wins over the git commit date."""
    manifest = repository.manifest_data
    labels = Labels(language)
    publisher = fmt.one_line(manifest.get("publisher")) or repository.municipality_name
    contact = _mapping(manifest.get("contact"))
    site = _mapping(manifest.get("site"))
    day = content_date([repository.root], updated)
    return Branding(
        publisher=publisher,
        publisher_label=translate(WORDS["publisher"], language),
        contact=contact_lines(contact, language),
        contact_label=translate(WORDS["contact"], language),
        contact_provenance=provenance_text(contact, labels),
        logo=_logo(repository, site.get("logo")),
        logo_alt=publisher,
        accent=accent_of(site.get("accent_colour"), language),
        site_url=_web_address(site.get("url")),
        updated=day.isoformat() if day else "",
        updated_label=translate(WORDS["updated"], language),
        accessibility=_accessibility(manifest.get("accessibility"), contact, language, labels),
    )


def contact_lines(contact: dict[str, Any], language: str) -> tuple[ContactLine, ...]:
    """The contact details written, in a fixed order, each with the link it makes."""
    lines = []
    for kind in CONTACT_KINDS:
        text = fmt.one_line(contact.get(kind))
        if text:
            lines.append(
                ContactLine(kind, translate(WORDS[kind], language), text, _href(kind, text))
            )
    return tuple(lines)


def _href(kind: str, text: str) -> str:
    if kind == "email":
        return f"mailto:{text}" if _EMAIL.fullmatch(text) else ""
    if kind == "phone":
        return phone_link(text)
    if kind == "web":
        return _web_address(text)
    return ""


def phone_link(text: str) -> str:
    """A `tel:` link in international form (`042-10 50 00` → `tel:+4642105000`), or ""."""
    if re.fullmatch(r"\+?[\d\s\-()/.]+", text) is None:
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 5:
        return ""
    if text.lstrip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+46{digits[1:]}"  # a Swedish number with its area code
    return f"tel:{digits}"


def _web_address(value: Any) -> str:
    """An http(s) address as written, or "": never a `javascript:` or other scheme as a link."""
    text = fmt.one_line(value)
    return text if _WEB.fullmatch(text) else ""


def accent_of(value: Any, language: str) -> Accent | None:
    """The accent colour and its text colour, when it is a colour that reaches 4.5:1 on white.

    A colour that does not is left out (the pages keep their own), as is any
    text that is no colour: `styr lint` reports both (M001).
    """
    colour = parse_colour(value)
    if colour is None:
        return None
    on_white = contrast_ratio(colour, WHITE)
    text = text_colour_on(colour)
    if on_white < MINIMUM_CONTRAST or contrast_ratio(colour, text) < MINIMUM_CONTRAST:
        return None
    return Accent(hex_of(colour), hex_of(text), on_white, ratio_text(on_white, language))


def _logo(repository: Repository, written: Any) -> Logo | None:
    if not isinstance(written, str) or not written.strip():
        return None
    try:
        return read_logo(repository.root, written.strip())
    except LogoProblem:
        return None  # styr lint reports why (M002)


def _accessibility(
    value: Any, contact: dict[str, Any], language: str, labels: Labels
) -> AccessibilityFacts | None:
    facts = _mapping(value)
    if not facts:
        return None
    compliance = facts.get("compliance")
    compliance = compliance if compliance in COMPLIANCE else ""
    shortcomings = facts.get("shortcomings")
    report_to = _mapping(facts.get("report_to")) or contact
    assessed_on = facts.get("assessed_on")
    return AccessibilityFacts(
        compliance=compliance,
        compliance_text=translate(COMPLIANCE[compliance], language) if compliance else "",
        shortcomings=tuple(
            fmt.one_line(item) for item in _list(shortcomings) if fmt.one_line(item)
        ),
        assessed_on=_iso_day(assessed_on),
        assessed_by=fmt.one_line(facts.get("assessed_by")),
        report_to=contact_lines(report_to, language),
        response_time=fmt.one_line(facts.get("response_time")),
        supervision_text=translate(SUPERVISION, language),
        supervision_link_text=translate(SUPERVISION_LINK, language),
        provenance=provenance_text(facts, labels),
    )


def _iso_day(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return ""


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
