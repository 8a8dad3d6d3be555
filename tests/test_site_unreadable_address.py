"""A board whose file cannot be read keeps its page's address and its anchor.

The site still gives such a board a page ("En del vars innehåll inte gick att läsa"), named
like a readable board's from its `id`: where the top of the broken file says the id beyond
doubt (`readable_id`), the page and its anchor stay where they were, so a link to the board
still leads there. Where it does not, the file's name names them, and no two boards share one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from styr.report import build_report
from styr.report.unreadable import readable_id
from styr.site import build_site
from styr.site.build import SiteWritten

BOARD = "organisation/grundskoleforvaltningen.yaml"
BROKEN = "  trasig: [\n"  # a YAML syntax error: a list left open


@pytest.mark.parametrize(
    ("text", "error_line", "expected"),
    [
        ("kind: organisation\nid: sfn\n  trasig: [\n", 3, "sfn"),
        ("# schema\n\nkind: organisation # a comment\nid: sfn # its id\n", 5, "sfn"),
        ('kind: "organisation"\nid: "sfn"\n', 3, "sfn"),
        ("kind: organisation\n  trasig: [\nid: sfn\n", 2, ""),  # after the error
        ("kind: organisation\nid: sfn\n", 2, ""),  # on the error's line
        ('name: "Social\nid: sfn\n"\n', None, ""),  # inside an open quote
        ("name: >\n  Social\nid: sfn\n", None, ""),  # after a block
        ("mission:\n  text: x\nid: sfn\n", None, ""),  # after a nested mapping
        ("kind: organisation\n  id: sfn\n", None, ""),  # not at the top level
        ("kind: organisation\nid: [sfn]\n", None, ""),  # not a plain text
        ("kind: organisation\nid: Social Nämnd\n", None, ""),  # not an id
        ("kind: organisation\n", None, ""),
        (None, None, ""),
    ],
)
def test_the_id_of_a_broken_file_is_read_only_where_it_cannot_be_doubted(
    text: str | None, error_line: int | None, expected: str
) -> None:
    assert readable_id(text, error_line) == expected


def _copy(tmp_path: Path) -> Path:
    repo = tmp_path / "huddinge"
    shutil.copytree(EXAMPLES / "huddinge", repo)
    return repo


def _pages(site: SiteWritten) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in (site.folder / "organisationer").glob("*.html")}


def _unreadable(pages: dict[str, str]) -> list[str]:
    return sorted(name for name, page in pages.items() if 'class="unreadable"' in page)


def _anchor(page: str) -> str:
    found = re.search(r'<h1 id="([^"]*)"', page)
    assert found is not None
    return found.group(1)


def test_a_board_broken_after_its_id_keeps_its_address(tmp_path: Path) -> None:
    readable = _pages(build_site([EXAMPLES / "huddinge"], tmp_path / "before"))
    repo = _copy(tmp_path)
    with (repo / BOARD).open("a", encoding="utf-8") as stream:
        stream.write(BROKEN)
    broken = _pages(build_site([repo], tmp_path / "after", allow_errors=True))
    assert _unreadable(broken) == ["grundskoleforvaltningen.html"]
    assert sorted(broken) == sorted(readable)
    page = "grundskoleforvaltningen.html"
    assert _anchor(broken[page]) == _anchor(readable[page])
    assert f'id="{_anchor(readable[page])}"' in build_report([repo], "html", allow_errors=True)


def test_a_board_broken_before_its_id_is_named_by_its_file(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    text = (repo / BOARD).read_text("utf-8")
    (repo / BOARD).write_text(text.replace("kind: organisation\n", f"kind: organisation\n{BROKEN}"))
    pages = _pages(build_site([repo], tmp_path / "site", allow_errors=True))
    [page] = _unreadable(pages)
    # Never the id read below the error: that may be a text's, or another board's.
    assert page != "grundskoleforvaltningen.html"
    assert page == "org-organisation-grundskoleforvaltningen-yaml.html"
    assert _anchor(pages[page]) == "org-organisation-grundskoleforvaltningen.yaml"


def test_two_unreadable_boards_never_share_an_address(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    text = (repo / BOARD).read_text("utf-8")
    # Two files broken after the same id (one copied from the other), and two broken before
    # any: each has a page and an anchor of its own.
    (repo / BOARD).write_text(text + BROKEN)
    (repo / "organisation" / "kopia.yaml").write_text(text + BROKEN)
    for name in ("trasig-1", "trasig-2"):
        (repo / "organisation" / f"{name}.yaml").write_text(f"kind: organisation\n{BROKEN}")
    pages = _pages(build_site([repo], tmp_path / "site", allow_errors=True))
    unreadable = _unreadable(pages)
    assert len(unreadable) == 4
    assert "grundskoleforvaltningen.html" in unreadable
    assert "grundskoleforvaltningen-2.html" in unreadable
    anchors = [_anchor(pages[name]) for name in unreadable]
    assert len(set(anchors)) == 4
    report = build_report([repo], "html", allow_errors=True)
    ids = re.findall(r' id="([^"]*)"', report)
    assert [anchor for anchor in set(ids) if ids.count(anchor) > 1] == []
