"""The website's pages through the report's Jinja environment: autoescaped, tidied, hashed.

The site's templates are in templates/site/ beside the report's, so that a page
can import the report's macros (`_chart.html.j2`). Each page carries its one
stylesheet inline, allowed by its SHA-256 hash in the page's
Content-Security-Policy (`styr.report.render.csp_hash`), and runs no script.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markupsafe import Markup

from styr.branding import Branding
from styr.report.render import csp_hash, environment, render_pieces, tidied

FOLDER = "site"
STYLESHEET = f"{FOLDER}/style.css.j2"


@functools.cache
def _base_stylesheet() -> str:
    return environment("html", None).get_template(STYLESHEET).render()


_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def accent_rules(branding: Branding | None) -> str:
    """The municipality's accent colour (checked for contrast by `styr.branding`), or nothing.

    Only a plain `#rrggbb` reaches the stylesheet: nothing else from the manifest does.
    """
    accent = branding.accent if branding else None
    if accent is None:
        return ""
    colour, text = accent.colour, accent.text_colour
    if not (_HEX_COLOUR.fullmatch(colour) and _HEX_COLOUR.fullmatch(text)):
        return ""
    return f"\n:root {{ --accent: {colour}; --on-accent: {text}; }}\n"


@functools.lru_cache(maxsize=64)  # most pages share one (the goal list has its own)
def stylesheet(extra: str = "") -> str:
    """The site's stylesheet, with a page's own rules (the goal list's filter) after it."""
    return tidied("html", _base_stylesheet() + extra).rstrip("\n")


@functools.lru_cache(maxsize=64)
def _hashed(extra_css: str) -> tuple[str, str]:
    css = stylesheet(extra_css)
    return css, csp_hash(css)


def render_page(template: str, context: dict[str, Any], extra_css: str = "") -> str:
    """One page (`template` in templates/site/) as text, its stylesheet inline and hashed."""
    css, digest = _hashed(extra_css)
    full = {**context, "css": Markup(css), "css_hash": digest}
    return "".join(render_pieces("html", f"{FOLDER}/{template}", full, None, with_stylesheet=False))
