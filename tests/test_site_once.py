"""What a site does once instead of for every page or file, and the pages it still writes
alike: the marker of the files written without a walk of the folder, the lists of blocks
and the table cells written in one call, the notice rendered once."""

from __future__ import annotations

from pathlib import Path
from xml.sax import saxutils

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

import styr.files_many as files_many
from styr.files_owned import files_below
from styr.report.view_types import Fact, ItemView, Ref
from styr.site import build_site
from styr.site.build import MARKER
from styr.site.markup import PageMarkup
from styr.site.sitemap import escape as sitemap_escape
from styr.site.texts import SiteLabels
from tests.conftest import EXAMPLES


def _listed(folder: Path) -> list[str]:
    return (folder / MARKER).read_text("utf-8").splitlines()[1:]


@pytest.mark.parametrize("examples", [["huddinge"], ["helsingborg", "huddinge"]])
def test_the_marker_lists_every_file_written_without_walking_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples: list[str]
) -> None:
    """The files the writers kept count of are the files in the folder: the marker lists
    each (the stylesheets too), and the staging folder is not walked to find them."""

    def walked(folder: Path, marker: str) -> list[str]:
        raise AssertionError("the staging folder was walked")

    monkeypatch.setattr(files_many, "files_below", walked)
    output = tmp_path / "site"
    build_site([EXAMPLES / name for name in examples], output)
    listed = _listed(output)
    assert listed == files_below(output, MARKER)
    assert any(name.endswith("stil.css") for name in listed)


def _markup() -> PageMarkup:
    def href(ref: Ref) -> str | None:
        return None if ref.href is None else f"sida.html{ref.href}"

    return PageMarkup(SiteLabels("sv"), Markup(' lang="sv"'), href)


def _item(anchor: str, title: str) -> ItemView:
    return ItemView(id=anchor, anchor=anchor, category="goal", kind="Mål", title=title)


def test_a_list_of_blocks_is_each_block_on_its_own_line() -> None:
    mk = _markup()
    goals = [_item("mal-1", "Först"), _item("mal-2", "<Sedan>")]
    written = mk.items(goals, 3, "goal")
    assert written == "".join(f"{mk.item(goal, 3, 'goal')}\n" for goal in goals)
    assert "&lt;Sedan&gt;" in written
    assert mk.items([], 3) == ""


def test_a_cell_is_its_text_and_links_or_says_it_is_not_given() -> None:
    mk = _markup()
    assert mk.cell(None) == f'<span class="note">{SiteLabels("sv").not_given}</span>'
    fact = Fact("Ägare", "<KS>", (Ref("n", "Nämnden", "#n"),))
    assert mk.cell(fact) == '&lt;KS&gt;, <a href="sida.html#n" lang="sv">Nämnden</a>'
    assert mk.cell(fact, mk.lang).startswith('<span lang="sv">&lt;KS&gt;</span>, <a ')
    assert mk.cell(Fact("Ägare", "", (Ref("n", "Nämnden", "#n"),)), mk.lang) == (
        '<a href="sida.html#n" lang="sv">Nämnden</a>'
    )


@given(st.text())
def test_the_sitemaps_escape_is_xmls_own(text: str) -> None:
    """The sitemap's own escape writes what `xml.sax.saxutils.escape` wrote, without
    importing it (and urllib's client with it)."""
    assert sitemap_escape(text) == saxutils.escape(text)
