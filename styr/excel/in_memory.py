"""An openpyxl workbook as the bytes of an .xlsx file, made in memory only.

openpyxl's own `Workbook.save` writes each worksheet to a temporary file in
the system's temporary folder before it zips it, and a failure there (a full
disk, a file size limit) comes out of its XML serialiser as an error that is
no `OSError`, and leaves the temporary file behind. Made in memory, the
workbook's bytes reach the disk once, through the one writer
(`styr.files.write_atomic`), which reports every such failure in the reader's
words.
"""

from __future__ import annotations

import datetime
import io
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter


class _InMemoryWriter(ExcelWriter):
    """openpyxl's writer, but each worksheet's XML is gathered in memory, not in a file."""

    def write_worksheet(self, ws: Any) -> None:
        # What openpyxl's own write_worksheet does for a workbook that is not write-only,
        # with the worksheet's XML in a buffer instead of a temporary file.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        buffer = io.BytesIO()
        writer = WorksheetWriter(ws, out=buffer)
        writer.write()
        ws._rels = writer._rels  # type: ignore[attr-defined]  # not in the stubs
        self._archive.writestr(  # type: ignore[attr-defined]
            ws.path[1:], buffer.getvalue()
        )
        self.manifest.append(ws)


def xlsx_bytes(workbook: Any) -> bytes:
    """The workbook as an .xlsx file's bytes, as `Workbook.save` would write them."""
    stream = io.BytesIO()
    # As openpyxl's save_workbook: the time of saving in the workbook's properties.
    now = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    workbook.properties.modified = now
    with ZipFile(stream, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        _InMemoryWriter(workbook, archive).write_data()
    return stream.getvalue()
