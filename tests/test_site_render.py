"""The website's stylesheet: one file of each site that every page links to, tidied; only the
goal list carries rules of its own inline, allowed by their hash."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import EXAMPLES

from styr.site import build_site
from styr.site import render as site_render

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_HASH = re.compile(r"style-src 'self' '(sha256-[^']+)'")
_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def _hash_of(css: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()


def test_the_stylesheet_file_is_tidied_and_ends_with_the_accent_colour(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "site")
    css = (tmp_path / "site" / "stil.css").read_text("utf-8")
    lines = css.split("\n")
    assert lines[-1] == "" and all(line == line.rstrip() and line for line in lines[:-1])
    assert lines[-2] == ":root { --accent: #1d4f6e; --on-accent: #ffffff; }"
    assert "<" not in css


def test_each_municipality_of_a_comparison_has_its_own_stylesheet(tmp_path: Path) -> None:
    """A municipality's folder copied alone still has its stylesheet; the index has its own."""
    build_site([EXAMPLES / "helsingborg", EXAMPLES / "huddinge"], tmp_path / "site")
    site = tmp_path / "site"
    folders = sorted(p.parent for p in site.glob("*/index.html"))
    assert len(folders) == 2
    for page in site.glob("*.html"):
        assert _LINK.findall(page.read_text("utf-8")) == ["stil.css"], page
    for folder in folders:
        for page in folder.glob("*.html"):
            assert _LINK.findall(page.read_text("utf-8")) == ["stil.css"], page
        for page in folder.glob("*/*.html"):
            assert _LINK.findall(page.read_text("utf-8")) == ["../stil.css"], page
        assert "{" in (folder / "stil.css").read_text("utf-8")
    own = {(folder / "stil.css").read_text("utf-8") for folder in folders}
    assert (site / "stil.css").read_text("utf-8") not in own  # no municipality's accent


def test_the_goal_lists_own_rules_are_inline_once_and_hashed(tmp_path: Path) -> None:
    build_site([EXAMPLES / "huddinge"], tmp_path / "site")
    page = (tmp_path / "site" / "mal.html").read_text("utf-8")
    (css,) = _STYLE.findall(page)
    assert ".no-match" in css and css == css.strip()
    assert _HASH.findall(page) == [_hash_of(css)]
    start = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert _STYLE.findall(start) == [] and "style-src 'self';" in start


def test_prepare_compiles_every_page_before_the_first_is_rendered() -> None:
    site_render.site_environment.cache_clear()
    site_render._base_stylesheet.cache_clear()
    site_render.prepare()
    cached = {name for _, name in site_render.site_environment().cache or {}}
    assert {"site/_layout.html.j2", "site/organisation.html.j2", "site/goals.html.j2"} <= cached


def test_the_shared_header_and_footer_mark_each_root_page_and_link_from_each_folder(
    tmp_path: Path,
) -> None:
    """The header and footer are rendered once per folder, and for each page at the root:
    every page still gets its own links and its own mark (aria-current)."""
    build_site([EXAMPLES / "helsingborg"], tmp_path / "site")
    site = tmp_path / "site"
    marked = {
        "index.html": "index.html",
        "mal.html": "mal.html",
        "styrdokument.html": "styrdokument.html",
        "symboler.html": "symboler.html",
        "tillganglighet.html": "tillganglighet.html",
    }
    current = re.compile(r'<a href="([^"]+)" aria-current="page">')
    for name, page in marked.items():
        assert set(current.findall((site / name).read_text("utf-8"))) == {page}, name
    for page in [*site.glob("organisationer/*.html"), *site.glob("omraden/*.html")]:
        text = page.read_text("utf-8")
        assert current.findall(text) == [], page
        assert '<p class="site-name"><a href="../index.html">' in text, page
        assert '<li><a href="../tillganglighet.html">' in text, page


def test_the_pages_macros_are_made_once_not_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`_macros.html.j2` is imported without context: its module is made at most once in a
    process, not again for each of a site's pages (as an import with context was)."""
    made: list[str | None] = []
    real = jinja2.Template.make_module

    def counted(self: jinja2.Template, *args: Any, **kwargs: Any) -> Any:
        made.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "make_module", counted)
    written = build_site([EXAMPLES / "huddinge"], tmp_path / "site")
    assert written.pages > 10
    assert made.count("site/_macros.html.j2") <= 1
    page = (tmp_path / "site" / "organisationer" / "grundskolenamnden.html").read_text("utf-8")
    assert 'class="block plan"' in page and 'class="plan-links"' in page  # its macros ran


def test_prepared_templates_hold_the_environment_s_globals_as_one_plain_dict() -> None:
    site_render.prepare()
    env = site_render.site_environment()
    for name in ["site/_layout.html.j2", "site/_macros.html.j2", "site/goals.html.j2"]:
        template = env.get_template(name)
        assert type(template.globals) is dict
        assert template.globals == dict(env.make_globals(None))
        assert "item_html" in template.globals and "range" in template.globals
