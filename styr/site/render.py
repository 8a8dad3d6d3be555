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

import jinja2
from markupsafe import Markup

from styr.branding import Branding
from styr.report.render import (
    compile_templates,
    csp_hash,
    new_environment,
    render_whole,
    tidied,
)
from styr.resources import data_dir

FOLDER = "site"
STYLESHEET = f"{FOLDER}/style.css.j2"
# Where a page's stylesheet goes until the page is tidied: letters and dashes only, which
# escaping leaves as they are, so the same words in the data show as a second one.
_STYLESHEET_SPOT = "styr-site-stylesheet-spot"


@functools.cache
def site_environment() -> jinja2.Environment:
    """The report's bundled environment, its templates compiled once and never looked at again.

    One per process: `prepare` compiles it before the worker processes are
    forked, and they inherit it compiled.
    """
    return new_environment("html", None, auto_reload=False)


def prepare() -> None:
    """Compile every page's template and the stylesheet, e.g. before forking the workers."""
    folder = data_dir("templates") / FOLDER
    names = sorted(f"{FOLDER}/{file.name}" for file in folder.glob("*.html.j2"))
    compile_templates(site_environment(), names)
    _hashed("")


@functools.cache
def _base_stylesheet() -> str:
    return site_environment().get_template(STYLESHEET).render()


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
    """One page (`template` in templates/site/) as text, its stylesheet inline and hashed.

    The stylesheet, tidied already, goes in after the page is tidied: a third
    of a page's text need not be tidied again on every page. The same text
    results, as every line of the stylesheet ends in a character the tidy
    keeps; where the spot is not found exactly once, the page is rendered
    with the stylesheet in it and tidied whole.
    """
    css, digest = _hashed(extra_css)
    name = f"{FOLDER}/{template}"
    env = site_environment()
    spot = {**context, "css": Markup(_STYLESHEET_SPOT), "css_hash": digest}
    page = tidied("html", render_whole(env, name, spot))
    if css and page.count(_STYLESHEET_SPOT) == 1:
        return page.replace(_STYLESHEET_SPOT, css)
    whole = {**context, "css": Markup(css), "css_hash": digest}
    return tidied("html", render_whole(env, name, whole))
