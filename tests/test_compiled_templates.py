"""The bundled templates' compiled code is kept between runs, signed, and trusted only so.

A run compiles a template only when the cache holds no entry for it that the user's own
secret signs (`styr.report.compiled_templates`); a changed or planted entry is compiled
afresh; a folder of the user's templates and a run without a cache keep nothing. The
report is the same bytes whichever way its templates came.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import jinja2
import pytest
from conftest import EXAMPLES

from styr.cache import LintCache, open_cache
from styr.report import render
from styr.report.build import report_pieces
from styr.report.compiled_templates import SUFFIX, keep_compiled_in
from styr.site.build import build_site
from styr.site.render import site_environment

TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def fresh_environments() -> Iterator[None]:
    """Each run in its own environments, as in a new process; none kept after the test."""
    render.environment.cache_clear()
    yield
    render.environment.cache_clear()
    keep_compiled_in(None)


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source, in order."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        names.append(str(name))
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def _cache(folder: Path) -> LintCache:
    cache = open_cache(user_folder=folder)
    assert cache is not None
    return cache


def _report(cache: LintCache | None, fmt: str = "html", templates: Path | None = None) -> str:
    render.environment.cache_clear()  # a new run: a new process compiles again
    pieces = report_pieces([EXAMPLES / "huddinge"], fmt, "sv", templates, today=TODAY, cache=cache)
    return "".join(pieces)


def _entries(cache: LintCache) -> list[Path]:
    return sorted(cache.folder.glob("*" + SUFFIX))


def test_a_second_run_compiles_nothing_and_writes_the_same(
    tmp_path: Path, compiled: list[str]
) -> None:
    cache = _cache(tmp_path / "cache")
    first = _report(cache)
    compiled_first = list(compiled)
    assert "report.html.j2" in compiled_first and "_macros.html.j2" in compiled_first
    assert len(_entries(cache)) == len(set(compiled_first))
    compiled.clear()
    assert _report(cache) == first
    assert compiled == []
    compiled.clear()
    assert _report(None) == first  # compiled from source: the same bytes
    assert compiled


def test_html_and_markdown_keep_their_own_code(tmp_path: Path, compiled: list[str]) -> None:
    cache = _cache(tmp_path / "cache")
    _report(cache, "html")
    compiled.clear()
    markdown = _report(cache, "md")
    assert "report.md.j2" in compiled and "_macros.md.j2" in compiled
    compiled.clear()
    assert _report(cache, "md") == markdown
    assert compiled == []


def test_a_changed_entry_is_compiled_afresh(tmp_path: Path, compiled: list[str]) -> None:
    cache = _cache(tmp_path / "cache")
    first = _report(cache)
    for entry in _entries(cache):
        raw = entry.read_bytes()
        header, _, payload = raw.partition(b"\n")
        stored = json.loads(payload)
        stored["code"] = stored["code"][::-1]  # other code, under the old signature
        entry.write_bytes(header + b"\n" + json.dumps(stored).encode())
    compiled.clear()
    assert _report(cache) == first
    assert "report.html.j2" in compiled


def test_an_entry_signed_with_another_secret_is_not_run(
    tmp_path: Path, compiled: list[str]
) -> None:
    mine, theirs = _cache(tmp_path / "mine"), _cache(tmp_path / "theirs")
    first = _report(theirs)
    for entry in _entries(theirs):  # someone else's entries, planted in my folder
        (mine.folder / entry.name).write_bytes(entry.read_bytes())
    compiled.clear()
    assert _report(mine) == first
    assert "report.html.j2" in compiled


def test_a_folder_of_templates_keeps_nothing(tmp_path: Path, compiled: list[str]) -> None:
    cache = _cache(tmp_path / "cache")
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "style.css.j2").write_text("body { color: #222; }\n", encoding="utf-8")
    _report(cache, templates=templates)
    assert _entries(cache) == []
    compiled.clear()
    _report(cache, templates=templates)
    assert "report.html.j2" in compiled


def test_without_a_cache_nothing_is_kept(tmp_path: Path, compiled: list[str]) -> None:
    _report(None)
    compiled.clear()
    _report(None)
    assert "report.html.j2" in compiled
    assert not list(tmp_path.rglob("*" + SUFFIX))


def _site(output: Path, cache: LintCache | None) -> None:
    site_environment.cache_clear()  # a new run, as in a new process
    build_site([EXAMPLES / "huddinge"], output, updated=TODAY, today=TODAY, cache=cache)


def test_the_site_is_the_same_with_kept_templates(tmp_path: Path, compiled: list[str]) -> None:
    cache = _cache(tmp_path / "cache")
    _site(tmp_path / "a", None)
    _site(tmp_path / "b", cache)
    assert _entries(cache)
    compiled.clear()
    _site(tmp_path / "c", cache)
    assert compiled == []
    site_environment.cache_clear()
    for page in sorted((tmp_path / "a").rglob("*")):
        if page.is_file():
            other = page.relative_to(tmp_path / "a")
            assert (tmp_path / "b" / other).read_bytes() == page.read_bytes()
            assert (tmp_path / "c" / other).read_bytes() == page.read_bytes()
