"""The website's pages put their stylesheet in after tidying: the same bytes as tidying it in."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES

from styr.site import build_site
from styr.site import render as site_render

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_HASH = re.compile(r"style-src '(sha256-[^']+)'")


def _files_of(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _hash_of(css: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()


def test_pages_are_the_same_as_when_tidied_with_the_stylesheet_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "fast")
    # An empty spot is found more than once on every page: each is rendered and tidied whole.
    monkeypatch.setattr(site_render, "_STYLESHEET_SPOT", "")
    build_site([EXAMPLES / "helsingborg"], tmp_path / "whole")
    fast, whole = _files_of(tmp_path / "fast"), _files_of(tmp_path / "whole")
    assert len(fast) > 10
    assert fast == whole


def test_the_spots_words_in_the_data_are_shown_and_the_stylesheet_is_in_once(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repo = example_copy("huddinge")
    manifest = repo / "styr.yaml"
    text = manifest.read_text("utf-8")
    words = site_render._STYLESHEET_SPOT
    manifest.write_text(text.replace("name: Huddinge kommun\n", f"name: Huddinge {words}\n", 1))
    build_site([repo], tmp_path / "site")
    page = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert f"Huddinge {words}" in page
    (css,) = _STYLE.findall(page)
    assert words not in css and "{" in css
    assert _HASH.findall(page) == [_hash_of(css)]


def test_prepare_compiles_every_page_before_the_first_is_rendered() -> None:
    site_render.site_environment.cache_clear()
    site_render._hashed.cache_clear()
    site_render.prepare()
    cached = {name for _, name in site_render.site_environment().cache or {}}
    assert {"site/_layout.html.j2", "site/organisation.html.j2", "site/goals.html.j2"} <= cached
