"""The website's pages are written tidy, so that each is checked and written as one piece.

A page's text is tidied as every page is (no empty line, no space before a
line end: `styr.report.render._tidied`); a page found tidy is passed on whole
with the UTF-8 it was checked as, and the writer of the site's files writes
those bytes. Pages that needed tidying line by line were a twentieth of the
site's processor time, and each was encoded twice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES
from report_helpers import rich_repository

from styr.files_many import StagedFiles
from styr.report import render
from styr.site import build as site_build
from styr.site import render as site_render

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("site-tidy") / "testby")


@pytest.mark.parametrize("name", ["rich", "helsingborg", "huddinge"])
def test_every_page_of_the_site_is_written_tidy(
    name: str, rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: list[str] = []
    tidied = site_render.tidied

    def recording(fmt: str, text: str) -> str:
        if text.startswith("<!DOCTYPE"):  # a page, not a stylesheet
            pages.append(text)
        return tidied(fmt, text)

    monkeypatch.setattr(site_render, "tidied", recording)
    root = rich if name == "rich" else EXAMPLES / name
    out = tmp_path / "site"
    site_build.build_site([root], out, updated=TODAY, today=TODAY, allow_errors=True)
    assert len(pages) == len(list(out.rglob("*.html")))
    for page in pages:
        assert render._UNTIDY["html"].search(page) is None, page
        assert page.endswith("</html>\n")


def test_a_tidy_page_comes_back_with_its_utf8_and_an_untidy_one_tidied() -> None:
    page = "<!DOCTYPE html>\n<p>Mål – å</p>\n"
    tidy = render.tidied("html", page)
    assert isinstance(tidy, render.Encoded)
    assert tidy == page
    assert tidy.utf8 == page.encode("utf-8")
    untidy = render.tidied("html", "<p>a</p>  \n\n\n<p>\x1b b</p>\n")
    assert type(untidy) is str
    assert untidy == "<p>a</p>\n<p>\\u001b b</p>\n"


def test_a_site_file_with_its_utf8_is_written_as_those_bytes(tmp_path: Path) -> None:
    files = StagedFiles(tmp_path)
    files.write("a/sida.html", render.Encoded.of("ab", b"AB"))  # not what "ab" encodes to
    files.write("a/annan.html", "åäö")
    assert (tmp_path / "a" / "sida.html").read_bytes() == b"AB"
    assert (tmp_path / "a" / "annan.html").read_bytes() == "åäö".encode()
