"""An openpyxl workbook as the bytes of an .xlsx file, made in memory only.

openpyxl's own `Workbook.save` writes each worksheet to a temporary file in
the system's temporary folder before it zips it, and a failure there (a full
disk, a file size limit) comes out of its XML serialiser as an error that is
no `OSError`, and leaves the temporary file behind. Made in memory, the
workbook's bytes reach the disk once, through the one writer
(`styr.files.write_atomic`), which reports every such failure in the reader's
words.

The bytes depend on the workbook alone: its properties and every part of the
zip file carry the date the caller gives (the content's, `styr.updated`),
never the time of saving, so that the same content gives the same file.
"""

from __future__ import annotations

import datetime
import io
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

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


# The earliest time a zip file can hold: a workbook's time when its content has no date.
NO_DATE = datetime.datetime(1980, 1, 1)
# The latest: a zip file keeps the year in seven bits from 1980.
LAST_ZIP_TIME = datetime.datetime(2107, 12, 31, 23, 59, 58)


class _DatedZipFile(ZipFile):
    """A zip file whose every part, written by name, carries one given time."""

    def __init__(self, stream: io.BytesIO, when: datetime.datetime) -> None:
        super().__init__(stream, "w", ZIP_DEFLATED, allowZip64=True)
        # A date a zip file cannot hold (`--date 1970-01-01`, a commit dated so) stamps its
        # parts with the nearest it can; the workbook's own properties keep the date itself.
        self.when = min(max(when, NO_DATE), LAST_ZIP_TIME)

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):  # else ZipFile would stamp it with the time now
            dated = ZipInfo(zinfo_or_arcname, self.when.timetuple()[:6])
            dated.compress_type = ZIP_DEFLATED
            zinfo_or_arcname = dated
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)


def xlsx_bytes(workbook: Any, day: datetime.date | None = None) -> bytes:
    """The workbook as an .xlsx file's bytes, as `Workbook.save` would write them, but made
    and changed on `day` (the content's date; NO_DATE without one) instead of now."""
    when = datetime.datetime.combine(day, datetime.time()) if day is not None else NO_DATE
    workbook.properties.created = when
    workbook.properties.modified = when
    stream = io.BytesIO()
    with _DatedZipFile(stream, when) as archive:
        _InMemoryWriter(workbook, archive).write_data()
    return stream.getvalue()
