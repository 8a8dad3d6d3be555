"""An organisation's goals written straight by Python, or by the template's own `item` macro.

The bundled `_macros.*.j2` hand every goal to `items_html` / `items_md`, which
write the bundled macro's blocks without calling it. A copy of the macros in
`--templates` must give the same page as the bundled ones (its macro is then
called, through the sandbox), and a copy with a layout of its own for `item`
must see that layout under every goal.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from report_helpers import rich_repository

from styr.report import build_report
from styr.report.macro_origin import is_bundled
from styr.report.markdown import md
from styr.report.render import environment
from styr.resources import data_dir

TODAY = date(2027, 3, 1)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("goal-blocks") / "testby")


def _report(rich: Path, fmt: str, templates: Path | None = None) -> str:
    return build_report([rich], fmt, None, templates, today=TODAY, allow_errors=True)


def _copied_macros(folder: Path, fmt: str, change: tuple[str, str] | None = None) -> Path:
    folder.mkdir()
    name = f"_macros.{fmt}.j2"
    text = (data_dir("templates") / name).read_text(encoding="utf-8")
    if change is not None:
        assert change[0] in text
        text = text.replace(change[0], change[1])
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_copy_of_the_macros_gives_the_same_page(rich: Path, tmp_path: Path, fmt: str) -> None:
    copied = _copied_macros(tmp_path / "mallar", fmt)
    page = _report(rich, fmt)
    assert "Mål" in page
    assert _report(rich, fmt, copied) == page


@pytest.mark.parametrize(
    ("fmt", "bundled", "own"),
    [
        (
            "html",
            '{{ item_html(x, t, level, class, section, caller() if caller is defined else "",'
            " peer_table, xl) }}",
            '<p>EGET {{ x.title }}</p>{{ caller() if caller is defined else "" }}',
        ),
        (
            "md",
            '{{ item_md(x, t, level, section, caller() if caller is defined else "",'
            " peer_table) }}",
            'EGET {{ x.title | md }}\n{{ caller() if caller is defined else "" }}',
        ),
    ],
)
def test_an_item_macro_of_ones_own_lays_out_every_goal(
    rich: Path, tmp_path: Path, fmt: str, bundled: str, own: str
) -> None:
    copied = _copied_macros(tmp_path / "mallar", fmt, (bundled, own))
    page = _report(rich, fmt, copied)
    # The goals of the boards, as the bundled HTML page titles them.
    goals = re.findall(
        r'<article class="block goal">\n<h\d id="[^"]*">(?:<span class="kind">[^<]*</span> )?'
        r"([^<]*)</h",
        _report(rich, "html"),
    )
    assert goals
    for title in goals:
        shown = title if fmt == "html" else md(html.unescape(title))
        assert f"EGET {shown}" in page
    assert "EGET" not in _report(rich, fmt)


def test_only_the_bundled_macro_is_known_as_bundled(tmp_path: Path) -> None:
    macros = environment("html", None).get_template("_macros.html.j2").module
    assert is_bundled(macros.item, "_macros.html.j2", "item")
    assert not is_bundled(macros.peer_table, "_macros.html.j2", "item")
    assert not is_bundled(macros.item, "_macros.md.j2", "item")
    assert not is_bundled(len, "_macros.html.j2", "item")
    assert not is_bundled(None, "_macros.html.j2", "item")
    copied = _copied_macros(tmp_path / "mallar", "html")
    theirs = environment("html", copied).get_template("_macros.html.j2").module
    assert not is_bundled(theirs.item, "_macros.html.j2", "item")
