"""The building blocks of the Word documents: headings, paragraphs, tables, statuses.

Only Word's built-in styles (Heading 1–4, Table Grid, List Bullet), so that a
council secretary's own template restyles the document, and the navigation
pane and a table of contents find the headings. Every table is a real table
whose first row is marked as its header row (repeated on each page, read as
headers by a screen reader).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from styr.escape import published

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

    from styr.branding import Branding
    from styr.report.followup import StatusView
    from styr.report.texts import Labels
    from styr.report.unreadable import PublishingNotice

TABLE_STYLE = "Table Grid"
LIST_STYLE = "List Bullet"
DEEPEST_HEADING = 4


def text(value: str) -> str:
    """A text from the model as Word can hold it: no control character reaches the file."""
    return published(value)


def heading(document: Document, title: str, level: int) -> None:
    """A heading in Word's own style for its level (Heading 1 … Heading 4)."""
    document.add_heading(text(title), level=min(max(level, 1), DEEPEST_HEADING))


def paragraphs(document: Document, items: Sequence[str]) -> None:
    for item in items:
        document.add_paragraph(text(item))


def labelled(document: Document, label: str, value: str) -> None:
    """One line with its label in bold: "Måluppfyllelse 2025: ● Uppfyllt"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(text(label) + ": ").bold = True
    paragraph.add_run(text(value))


def bullets(document: Document, items: Sequence[str]) -> None:
    for item in items:
        document.add_paragraph(text(item), style=LIST_STYLE)


def status_words(status: StatusView) -> str:
    """A status as symbol and word ("● Uppfyllt"): never a colour alone."""
    return f"{status.symbol} {status.label}".strip()


def table(document: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table with a header row, one row per item; every cell plain text."""
    grid: Table = document.add_table(rows=1, cols=len(header))
    grid.style = TABLE_STYLE
    head = grid.rows[0]
    for cell, title in zip(head.cells, header, strict=True):
        cell.paragraphs[0].add_run(text(title)).bold = True  # a new cell has one empty paragraph
    _repeat_as_header(head)
    for row in rows:
        cells = grid.add_row().cells  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, row, strict=True):
            cell.text = text(value)
    document.add_paragraph()  # Word joins two tables that touch into one
    return grid


def _repeat_as_header(row: object) -> None:
    """Mark a row as the table's header row (w:tblHeader): repeated on every page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def set_language(document: Document, language: str) -> None:
    """The document's language (spelling, hyphenation, screen readers): sv-SE or en-GB."""
    tag = {"sv": "sv-SE", "en": "en-GB"}.get(language, language)
    document.core_properties.language = tag
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)
    properties.append(lang)


def notice(document: Document, shown: PublishingNotice | None, t: Labels) -> None:
    """The report's notice of errors (`--allow-errors`) at its top, as the HTML page has it."""
    if shown is None:
        return
    paragraph = document.add_paragraph()
    paragraph.add_run(text(t.notice_heading)).bold = True
    document.add_paragraph(text(t.counted("notice_errors", shown.errors)))
    if shown.unreadable:
        document.add_paragraph(text(t.notice_unreadable))
        bullets(document, [file.name or file.path for file in shown.unreadable])


def publisher_line(document: Document, branding: Branding | None) -> None:
    """Who publishes the report and when it was last updated, under its title."""
    if branding is None:
        return
    parts = [f"{branding.publisher_label}: {branding.publisher}"]
    if branding.updated:
        parts.append(f"{branding.updated_label} {branding.updated}")
    document.add_paragraph(text(" · ".join(parts)))
