"""The website's pages through the report's Jinja environment: autoescaped, tidied.

The site's templates are in templates/site/ beside the report's, so that a page
can import the report's macros (`_chart.html.j2`). The stylesheet is one file
of each site (`stil.css`, with the municipality's accent colour), which every
page links to and its Content-Security-Policy allows as `style-src 'self'`;
a page with rules of its own (the goal list's filter) carries them inline,
allowed by their SHA-256 hash (`styr.report.render.csp_hash`). No page runs a
script.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
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


@functools.cache
def site_environment() -> jinja2.Environment:
    """The report's bundled environment, its templates compiled once and never looked at again.

    One per process: `prepare` compiles it before the worker processes are
    forked, and they inherit it compiled.
    """
    env = new_environment("html", None, auto_reload=False)
    # A plain dict in place of Jinja's cache of the 400 last used: every page looks up its
    # template, the layout and the macros by name, and each look-up in that cache moved
    # the name to its end with a search of a queue, comparing weak references on the way.
    # The site's templates are a few, compiled once and kept to the end: nothing to evict.
    env.cache = {}
    return env


def prepare() -> None:
    """Compile every page's template and the stylesheet, e.g. before forking the workers."""
    env = site_environment()
    folder = data_dir("templates") / FOLDER
    names = sorted(f"{FOLDER}/{file.name}" for file in folder.glob("*.html.j2"))
    compile_templates(env, names)
    for name in names:
        _flatten_globals(env.get_template(name))
    _base_stylesheet()


def _flatten_globals(template: jinja2.Template) -> None:
    """A template's globals as one plain dict, not Jinja's ChainMap over the environment's.

    Every render copies them into the page's context and every import of the macros
    compares their names: over a ChainMap both are loops in Python, a fifth of a small
    page's rendering. The environment's globals are all set when it is made, before any
    template is loaded, so the dict holds the same names and values.
    """
    template.globals = dict(template.globals)


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


def stylesheet(accent: str = "") -> str:
    """The site's stylesheet file (`stil.css`), tidied as a page is, the accent rules after it."""
    return tidied("html", _base_stylesheet() + accent)


@functools.lru_cache(maxsize=64)
def _hashed(own_css: str) -> tuple[str, str]:
    css = tidied("html", own_css).rstrip("\n")
    return css, csp_hash(css)


def notice_block(markup: Any, notice: Any, placeholders: int) -> Markup:
    """The notice of what a site's pages may be missing (`_macros.html.j2`'s `notice`), or
    nothing: the same on every page of a site, rendered once for all of them."""
    macros = site_environment().get_template(f"{FOLDER}/_macros.html.j2").module
    return Markup(macros.notice(markup, notice, placeholders))  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Frame:
    """The header and the footer of a page (`_header.html.j2`, `_footer.html.j2`)."""

    header: Markup
    footer: Markup


def frame_of(context: dict[str, Any]) -> Frame:
    env = site_environment()
    header = render_whole(env, f"{FOLDER}/_header.html.j2", context)
    return Frame(Markup(header), Markup(render_whole(env, f"{FOLDER}/_footer.html.j2", context)))


class Frames:
    """The frames of one site's pages, each rendered once: the header and the footer say the
    same on every page of a folder (their links are relative), except on the pages at the
    site's root, which the menu and the footer mark as the one shown (aria-current): each
    of those has its own."""

    def __init__(self) -> None:
        self._made: dict[str, Frame] = {}

    def of(self, context: dict[str, Any]) -> Frame:
        here: str = context["here"]
        folder, _, _ = here.rpartition("/")
        key = f"{folder}/" if folder else here
        frame = self._made.get(key)
        if frame is None:
            frame = self._made[key] = frame_of(context)
        return frame


def render_page(
    template: str, context: dict[str, Any], own_css: str = "", frames: Frames | None = None
) -> str:
    """One page (`template` in templates/site/) as text, linking to the site's stylesheet.

    The context's `stylesheet` is the path of the site's stylesheet file from
    the page; `own_css` the page's own rules, written inline (tidied, as the page is) and
    allowed by their hash. `frames` gives the header and footer the site's pages share.
    """
    css, digest = _hashed(own_css) if own_css else ("", "")
    frame = frames.of(context) if frames is not None else frame_of(context)
    whole = {**context, "css": Markup(css), "css_hash": digest, "frame": frame}
    env, name = site_environment(), f"{FOLDER}/{template}"
    try:
        # Straight: a site renders thousands of pages, and the error handling around each
        # (a context manager) cost as much as a small page's own lines.
        text = env.get_template(name).render(whole)
    except Exception:
        # Rendered again to be told in the words a failing template is (`render_whole`): the
        # same page fails the same way.
        text = render_whole(env, name, whole)
    return tidied("html", text)
