"""What a broken file (a YAML syntax error) says it is: read only where it cannot be doubted.

The notice of a report published over errors names a board whose file could not be read by
its `name`, the kind of part it is by its `kind` (and the site its type by `type`); its page
and anchor by its `id`. Each is read by one rule (`readable_top`): from a plain top-level
`key: value` line above the error, with nothing above it but empty lines, comments and other
such lines. A line below the error, or inside a text left open, may be anyone's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from styr.report import build_report
from styr.report.unreadable import readable_id, readable_top

TOP = "kind: organisation\nid: sfn\nname: Socialnämnden\ntype: namnd\n"
BROKEN = "  trasig: [\n"  # a YAML syntax error: a list left open
BOARD = "organisation/grundskoleforvaltningen.yaml"


@pytest.mark.parametrize(
    ("text", "error_line", "expected"),
    [
        (
            TOP + BROKEN,
            5,
            {"kind": "organisation", "id": "sfn", "name": "Socialnämnden", "type": "namnd"},
        ),
        (
            "# schema\n\nkind: organisation # a comment\nname: 'Social nämnd'\n",
            5,
            {"kind": "organisation", "name": "Social nämnd"},
        ),
        # Below the error, or on its line: not read, though it looks like the rest.
        (
            "kind: organisation\n" + BROKEN + "name: Socialnämnden\ntype: namnd\n",
            2,
            {"kind": "organisation"},
        ),
        ("kind: organisation\nname: Socialnämnden\n", 2, {"kind": "organisation"}),
        (BROKEN + TOP, 1, {}),
        # Inside a text left open, or after a block, a nested mapping or an indented line.
        ('id: sfn\ndescription: "Nämnden\nname: Socialnämnden\n"\n', None, {"id": "sfn"}),
        (
            "kind: organisation\ndescription: >\n  Text\nname: Socialnämnden\n",
            None,
            {"kind": "organisation"},
        ),
        ("mission:\n  text: x\nkind: organisation\nname: Socialnämnden\n", None, {}),
        ("kind: organisation\n  name: Socialnämnden\n", None, {"kind": "organisation"}),
        # Not a plain text; the first line of a key is its value; an id as the schema writes one.
        (
            "kind: organisation\nname: [Socialnämnden]\ntype: namnd\n",
            None,
            {"kind": "organisation"},
        ),
        ("name: Socialnämnden\nname: Kulturnämnden\n", None, {"name": "Socialnämnden"}),
        ("id: Social Nämnd\nname: Socialnämnden\nid: sfn\n", None, {"name": "Socialnämnden"}),
        (None, None, {}),
    ],
)
def test_a_broken_file_says_what_it_is_only_above_its_error(
    text: str | None, error_line: int | None, expected: dict[str, str]
) -> None:
    assert readable_top(text, error_line) == expected
    assert readable_id(text, error_line) == expected.get("id", "")  # the same rule


def _notice(root: Path) -> str:
    page = build_report([root], "html", allow_errors=True)
    return page[page.index('class="notice"') : page.index("</div>", page.index('class="notice"'))]


def test_a_board_broken_above_its_name_is_not_named_by_what_stands_below(tmp_path: Path) -> None:
    root = tmp_path / "huddinge"
    shutil.copytree(EXAMPLES / "huddinge", root)
    board = root / BOARD
    text = board.read_text("utf-8")
    assert "\nname: Grundskoleförvaltningen\n" in text
    board.write_text(text.replace("kind: organisation\n", f"kind: organisation\n{BROKEN}", 1))
    notice = _notice(root)
    assert "<li>Grundskoleförvaltningen</li>" not in notice
    assert "<li>Organisation</li>" in notice  # what its kind, read above the error, holds
    board.write_text(text + BROKEN)  # broken below its name: the name is the file's own
    assert "<li>Grundskoleförvaltningen</li>" in _notice(root)
