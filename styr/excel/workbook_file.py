"""Opening a workbook to import from: only a real .xlsx of a sane size, never a traceback.

An .xlsx file is a zip archive of XML parts. Before openpyxl sees it the file
is read with the project's file access (no named pipe, a size cap), checked
to be a zip archive, and the sizes its parts say they unpack to are added up
and capped: a small file that unpacks to gigabytes (a zip bomb) is refused
before anything is unpacked. A password-protected workbook is no zip archive
but an OLE file; it is named as such.

XML safety: before openpyxl parses anything, every XML part is read once by
`styr.excel.workbook_xml`, which refuses a document type declaration (what
entity bombs and external entities need; no workbook has one) and broken XML
with a message naming the part, and notes number cells with more digits than
openpyxl reads. openpyxl then parses bytes already checked, with whichever
XML library it finds (expat, lxml or defusedxml), so the safety does not
depend on which.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from styr.errors import UsageError
from styr.excel.workbook_xml import TooLong, check_parts
from styr.load.access import Refused, read_inside

# A controller's workbook of a large municipality is a few megabytes; these are far above.
MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
_MEGABYTE = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx, or an old .xls


def open_workbook(path: Path) -> tuple[Any, TooLong]:
    """The workbook at `path`, read only and with values instead of formulas, and the number
    cells too long to read in it (by worksheet part; `styr.excel.workbook_xml`)."""
    try:
        data = read_inside(path.parent, path, max_bytes=MAX_WORKBOOK_BYTES)
    except Refused as refused:
        if refused.key == "load-refused-too-large":  # that message speaks of steering files
            raise UsageError("excel-too-large", path=str(path), size=_megabytes(path)) from None
        raise UsageError(
            "excel-unreadable",
            path=str(path),
            reason=refused.reason("sv").rstrip("."),
            reason_en=refused.reason("en").rstrip("."),
        ) from None
    if data.startswith(_OLE_MAGIC):
        raise UsageError("excel-encrypted", path=str(path))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UsageError("excel-not-xlsx", path=str(path))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise UsageError("excel-too-large", path=str(path), size=unpacked // _MEGABYTE)
            too_long = check_parts(path, archive)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UsageError("excel-not-xlsx", path=str(path)) from None
    return _load(path, data), too_long


def _megabytes(path: Path) -> int:
    try:
        return path.stat().st_size // _MEGABYTE
    except OSError:
        return MAX_WORKBOOK_BYTES // _MEGABYTE


def _load(path: Path, data: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl's errors for a broken archive are many and in English
        raise UsageError("excel-not-xlsx", path=str(path)) from None
