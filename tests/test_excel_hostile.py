"""`styr import outcomes` with workbooks that are no workbook: a usage error, never a traceback."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult

from styr.excel import workbook_file
from styr.excel.workbook_xml import sheet_titles

Run = Callable[..., CliResult]


@pytest.fixture
def repository(example_copy: Callable[[str], Path]) -> Path:
    return example_copy("helsingborg")


def _refused(run_cli: Run, workbook: Path, repository: Path) -> CliResult:
    before = {p: p.read_bytes() for p in repository.rglob("*") if p.is_file()}
    result = run_cli("import", "outcomes", workbook, repository)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err and "Internt fel" not in result.err
    assert {p: p.read_bytes() for p in repository.rglob("*") if p.is_file()} == before
    return result


def test_a_text_file_is_no_workbook(run_cli: Run, repository: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "utfall.xlsx"
    workbook.write_text("indikator;utfall\nsfn-mal-1-ind-1;72,8\n", encoding="utf-8")
    assert ".xlsx" in _refused(run_cli, workbook, repository).err


def test_a_zip_without_a_workbook_in_it(run_cli: Run, repository: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "utfall.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("readme.txt", "no workbook here")
    assert ".xlsx" in _refused(run_cli, workbook, repository).err


def test_a_password_protected_workbook_is_named_as_such(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "utfall.xlsx"  # Excel saves an encrypted workbook as an OLE file
    workbook.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "lösenord" in _refused(run_cli, workbook, repository).err


def test_a_workbook_that_unpacks_too_large_is_refused_before_parsing(
    run_cli: Run, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(workbook, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 2_000_000)  # 2 MB that pack to 2 kB
    monkeypatch.setattr(workbook_file, "MAX_UNPACKED_BYTES", 1_000_000)
    parsed: list[object] = []
    monkeypatch.setattr(workbook_file, "_load", lambda *args: parsed.append(args))
    assert "MB" in _refused(run_cli, workbook, repository).err
    assert not parsed


def test_a_workbook_over_the_size_limit(
    run_cli: Run, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "stor.xlsx"
    workbook.write_bytes(b"PK" + bytes(5000))
    monkeypatch.setattr(workbook_file, "MAX_WORKBOOK_BYTES", 1000)
    assert "styr export xlsx" in _refused(run_cli, workbook, repository).err


def test_a_missing_workbook_and_a_folder(run_cli: Run, repository: Path, tmp_path: Path) -> None:
    _refused(run_cli, tmp_path / "finns-inte.xlsx", repository)
    _refused(run_cli, tmp_path, repository)


def test_an_empty_file_is_no_workbook(run_cli: Run, tmp_path: Path) -> None:
    workbook = tmp_path / "tom.xlsx"
    workbook.write_bytes(b"")
    result = run_cli("import", "outcomes", workbook, EXAMPLES / "helsingborg")
    assert result.code == 2


# --- Broken XML inside a workbook styr export xlsx made ------------------------------------

OUTCOME_PART = "xl/worksheets/sheet4.xml"  # the fourth sheet, Utfall
EMPTY_VALUE = b'<c r="G2" s="4" t="n"></c>'  # the first outcome cell, left empty
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
SHARED_STRINGS_RELATION = (
    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def _laughs() -> bytes:
    """A shared string table whose one string is ten to the ninth "lol"s (billion laughs)."""
    entities = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (level, b"&l%d;" % (level - 1) * 10) for level in range(1, 10)
    )
    return (
        b'<?xml version="1.0"?><!DOCTYPE sst [' + entities + b"]>"
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&l9;</t></si></sst>"
    )


def _with_shared_bomb(parts: dict[str, bytes]) -> None:
    parts["xl/sharedStrings.xml"] = _laughs()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", SHARED_STRINGS_TYPE
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", SHARED_STRINGS_RELATION)
    parts[OUTCOME_PART] = parts[OUTCOME_PART].replace(EMPTY_VALUE, b'<c r="G2" t="s"><v>0</v></c>')


def _with_external_entity(secret: Path) -> Callable[[dict[str, bytes]], None]:
    def change(parts: dict[str, bytes]) -> None:
        declaration = b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "%s">]>' % secret.as_uri().encode()
        sheet = parts[OUTCOME_PART].replace(b"<worksheet", declaration + b"<worksheet", 1)
        cell = b'<c r="G2" t="inlineStr"><is><t>&x;</t></is></c>'
        parts[OUTCOME_PART] = sheet.replace(EMPTY_VALUE, cell)

    return change


def _cut_short(parts: dict[str, bytes]) -> None:
    parts[OUTCOME_PART] = parts[OUTCOME_PART][: len(parts[OUTCOME_PART]) // 2]


def _exported_and_changed(
    run_cli: Run, repository: Path, folder: Path, change: Callable[[dict[str, bytes]], None]
) -> Path:
    """A workbook `styr export xlsx` made of the repository, with its parts changed."""
    good = folder / "export.xlsx"
    assert run_cli("export", "xlsx", repository, "-o", good).code == 0
    with zipfile.ZipFile(good) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert EMPTY_VALUE in parts[OUTCOME_PART]  # what the changes build on
    change(parts)
    broken = folder / "utfall.xlsx"
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return broken


def test_an_entity_bomb_in_the_shared_strings_is_refused_unexpanded(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    workbook = _exported_and_changed(run_cli, repository, tmp_path, _with_shared_bomb)
    result = _refused(run_cli, workbook, repository)
    assert f"{workbook}: delen xl/sharedStrings.xml" in result.err, result.err
    assert "DOCTYPE" in result.err and "lollol" not in result.err


def test_an_external_entity_is_refused_and_its_file_never_read(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "hemligt.txt"
    secret.write_text("hemligt-losen-123\n", encoding="utf-8")
    change = _with_external_entity(secret)
    workbook = _exported_and_changed(run_cli, repository, tmp_path, change)
    result = _refused(run_cli, workbook, repository)
    assert f"{workbook}: bladet ”Utfall” (delen {OUTCOME_PART})" in result.err, result.err
    assert "hemligt-losen-123" not in result.out + result.err


def test_a_sheet_cut_short_names_the_part_and_where(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    workbook = _exported_and_changed(run_cli, repository, tmp_path, _cut_short)
    result = _refused(run_cli, workbook, repository)
    assert f"bladet ”Utfall” (delen {OUTCOME_PART}) är trasig på rad 1, kolumn" in result.err


def test_a_broken_sheet_is_named_by_its_title_in_english_too(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    workbook = _exported_and_changed(run_cli, repository, tmp_path, _cut_short)
    result = run_cli("import", "outcomes", "--lang", "en", workbook, repository)
    assert result.code == 2, result.err
    assert f"its sheet “Utfall” (the part {OUTCOME_PART}) is broken at line 1" in result.err


def test_a_broken_sheet_whose_title_cannot_be_read_is_named_by_its_part(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    def cut_and_unlisted(parts: dict[str, bytes]) -> None:
        _cut_short(parts)
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'name="Utfall"', b'name=""')

    workbook = _exported_and_changed(run_cli, repository, tmp_path, cut_and_unlisted)
    result = _refused(run_cli, workbook, repository)
    assert f"{workbook}: delen {OUTCOME_PART} är trasig på rad 1, kolumn" in result.err


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_number_of_thousands_of_digits_is_a_finding_at_its_cell(
    run_cli: Run, repository: Path, tmp_path: Path, digits: int
) -> None:
    def huge(parts: dict[str, bytes]) -> None:
        cell = b'<c r="G2" s="4" t="n"><v>' + b"9" * digits + b"</v></c>"
        parts[OUTCOME_PART] = parts[OUTCOME_PART].replace(EMPTY_VALUE, cell)

    workbook = _exported_and_changed(run_cli, repository, tmp_path, huge)
    before = {p: p.read_bytes() for p in repository.rglob("*") if p.is_file()}
    result = run_cli("import", "outcomes", workbook, repository)
    assert result.code == 1, result.err
    assert "Internt fel" not in result.err and "Traceback" not in result.err
    assert f"{workbook}:2:7: fel XL013 Utfall!G2:" in result.err, result.err
    assert {p: p.read_bytes() for p in repository.rglob("*") if p.is_file()} == before


def _archive_of(parts: dict[str, bytes]) -> zipfile.ZipFile:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(stream)


RELATIONS_PART = "xl/_rels/workbook.xml.rels"
WORKBOOK_PART = (
    b'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Utfall" sheetId="1" r:id="rId1"/>'
    + '<sheet name="Mål" sheetId="2" r:id="rId2"/></sheets></workbook>'.encode()
)


def test_sheet_titles_follow_relative_and_absolute_targets() -> None:
    relations = (
        b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>'
    )
    archive = _archive_of({"xl/workbook.xml": WORKBOOK_PART, RELATIONS_PART: relations})
    assert sheet_titles(archive) == {
        "xl/worksheets/sheet1.xml": "Utfall",
        "xl/worksheets/sheet2.xml": "Mål",
    }


def test_sheet_titles_are_not_read_from_a_list_with_a_document_type() -> None:
    relations = (
        b'<!DOCTYPE r [<!ENTITY t "worksheets/sheet1.xml">]>'
        b'<Relationships><Relationship Id="rId1" Target="&t;"/></Relationships>'
    )
    archive = _archive_of({"xl/workbook.xml": WORKBOOK_PART, RELATIONS_PART: relations})
    assert sheet_titles(archive) == {}
