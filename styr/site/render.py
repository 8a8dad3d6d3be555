"""The website's pages through the report's Jinja environment: autoescaped, tidied, hashed.

The site's templates are in templates/site/ beside the report's, so that a page
can import the report's macros (`_chart.html.j2`). Each page carries its one
stylesheet inline, allowed by its SHA-256 hash in the page's
Content-Security-Policy (`styr.report.render.csp_hash`), and runs no script.
"""

from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup

from styr.report.render import csp_hash, environment, render_pieces, tidied

FOLDER = "site"
STYLESHEET = f"{FOLDER}/style.css.j2"


@functools.cache
def _base_stylesheet() -> str:
    return environment("html", None).get_template(STYLESHEET).render()


def stylesheet(extra: str = "") -> str:
    """The site's stylesheet, with a page's own rules (the goal list's filter) after it."""
    return tidied("html", _base_stylesheet() + extra).rstrip("\n")


def render_page(template: str, context: dict[str, Any], extra_css: str = "") -> str:
    """One page (`template` in templates/site/) as text, its stylesheet inline and hashed."""
    css = stylesheet(extra_css)
    full = {**context, "css": Markup(css), "css_hash": csp_hash(css)}
    return "".join(render_pieces("html", f"{FOLDER}/{template}", full, None, with_stylesheet=False))
