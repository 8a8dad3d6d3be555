"""Characters that no XML can hold, written into a text of the model: a workbook and a Word
report are still written, with each such character shown as its escape.

A double-quoted YAML text may write any character as an escape ("\\x01",
"\\uffff"); the schema accepts the text and lint has nothing to say, since every
output shows a control character as an escape. The XML of an .xlsx or .docx
file has no place for the C0 controls (but tab and line ends) nor for U+FFFE
and U+FFFF: written raw, openpyxl and lxml refused them and the run ended in
an internal error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import CliResult
from helpers import replace_in
from test_excel_several import _fill_first_empty

from styr.escape import published, published_utf8

Run = Callable[..., CliResult]
Copy = Callable[[str], Path]
INTERNAL = ("Internt fel", "Internal error", "Traceback")
TITLE = "title: Andel deltagare med arbete eller studier 90 dagar efter avslutad insats"
BOARD = Path("organisation/arbetsmarknadsnamnden.yaml")


def _well_behaved(result: CliResult) -> None:
    assert result.code == 0, result.err
    for text in INTERNAL:
        assert text not in result.out + result.err


@pytest.mark.parametrize(
    ("escape", "character"),
    [("\\x01", "\x01"), ("\\0", "\x00"), ("\\e", "\x1b"), ("\\v", "\x0b"), ("\\uffff", "\uffff")],
)
def test_a_title_with_a_character_xml_cannot_hold_is_exported_as_its_escape(
    run_cli: Run, example_copy: Copy, tmp_path: Path, escape: str, character: str
) -> None:
    root = example_copy("helsingborg")
    replace_in(root / BOARD, TITLE, f'title: "Andel{escape} deltagare"')
    assert run_cli("lint", root).code == 0  # accepted: every output shows it escaped
    target = tmp_path / "styr.xlsx"
    _well_behaved(run_cli("export", "xlsx", root, "-o", target))
    titles = [row[1] for row in openpyxl.load_workbook(target)["Indikatorer"].values]
    assert f"Andel\\u{ord(character):04x} deltagare" in titles


@pytest.mark.parametrize("escape", ["\\x01", "\\uffff", "\\ufffe"])
def test_a_word_report_holds_a_title_with_a_character_xml_cannot_hold(
    run_cli: Run, example_copy: Copy, tmp_path: Path, escape: str
) -> None:
    root = example_copy("helsingborg")
    replace_in(root / BOARD, TITLE, f'title: "Andel{escape} deltagare"')
    _well_behaved(run_cli("report", root, "-f", "docx", "-o", tmp_path / "r.docx"))


def test_the_import_finds_its_rows_when_the_municipality_name_holds_a_control(
    run_cli: Run, example_copy: Copy, tmp_path: Path
) -> None:
    helsingborg, huddinge = example_copy("helsingborg"), example_copy("huddinge")
    replace_in(
        helsingborg / "styr.yaml", "name: Helsingborgs stad", 'name: "Helsingborgs\\x01stad"'
    )
    workbook = tmp_path / "kommunerna.xlsx"
    _well_behaved(run_cli("export", "xlsx", helsingborg, huddinge, "-o", workbook))
    filled = tmp_path / "ifylld.xlsx"
    _fill_first_empty(workbook, filled, "Helsingborgs\\u0001stad", 77.5)
    result = run_cli("import", "outcomes", filled, helsingborg)
    _well_behaved(result)
    assert ": 1 nya, 0 ändrade" in result.out
    # A workbook of one municipality names it in its properties: the import knows it again.
    alone = tmp_path / "helsingborg.xlsx"
    _well_behaved(run_cli("export", "xlsx", helsingborg, "-o", alone))
    _well_behaved(run_cli("import", "outcomes", alone, helsingborg, "--dry-run"))


@pytest.mark.parametrize("character", ["\ufffe", "\uffff"])
def test_published_escapes_the_two_characters_xml_has_no_place_for(character: str) -> None:
    text = f"Mål {character} ·"
    assert published(text) == f"Mål \\u{ord(character):04x} ·"
    assert published_utf8(text) is None
    # Their neighbours, which share their first bytes in UTF-8, are left as they are.
    for neighbour in ("\ufffd", "\ufeff", "\uffbd", "\uff01"):
        assert published_utf8(f"Mål {neighbour}") == f"Mål {neighbour}".encode()
