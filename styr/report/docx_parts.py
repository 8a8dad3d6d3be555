"""The building blocks of the Word documents: headings, paragraphs, tables, statuses.

Only Word's built-in styles (Heading 1–4, Table Grid, List Bullet), so that a
council secretary's own template restyles the document, and the navigation
pane and a table of contents find the headings. Every table is a real table
whose first row is marked as its header row (repeated on each page, read as
headers by a screen reader). Links out of the report (Kolada, the Global
Goals, an address written in a text) are real Word hyperlinks, in Word's own
character style for them; a reference to a goal or an area elsewhere in the
report is a link to a bookmark at its heading, as the page links to its anchor.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.shared import RGBColor

from styr.escape import published
from styr.report.links import ExternalLink
from styr.report.view_types import Ref

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from styr.branding import Branding
    from styr.report.followup import StatusView
    from styr.report.texts import Labels
    from styr.report.unreadable import PublishingNotice

TABLE_STYLE = "Table Grid"
LIST_STYLE = "List Bullet"
DEEPEST_HEADING = 4
# Word's built-in name for the style of a link: a secretary's template restyles it too.
LINK_STYLE = "Hyperlink"
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)  # Word's own blue for links, underlined as well
# An address written in a text (a citation's URL): a link in Word, as Word makes one
# when it is typed. Only web addresses; a full stop or bracket after one is not part of it.
_ADDRESS = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")

# What a paragraph or a table cell holds: a text, or texts, links out of the report and
# references to elements in it.
Piece = str | ExternalLink | Ref
Content = str | Sequence[Piece]


def text(value: str) -> str:
    """A text from the model as Word can hold it: no control character reaches the file."""
    return published(value)


def heading(document: Document, title: str, level: int, anchor: str = "") -> None:
    """A heading in Word's own style for its level (Heading 1 … Heading 4); with the page's
    `anchor` for it, a bookmark there that references elsewhere link to."""
    paragraph = document.add_heading(text(title), level=min(max(level, 1), DEEPEST_HEADING))
    if anchor:
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:name"), bookmark_name(anchor))
        for mark in (start, end):
            mark.set(qn("w:id"), "0")  # numbered when the document is finished
        element = paragraph._p
        position = 1 if element.pPr is not None else 0
        element.insert(position, start)
        element.insert(position + 1, end)


def bookmark_name(anchor: str) -> str:
    """A page anchor as a Word bookmark's name: Word keeps only names of letters, digits and
    underscores, at most 40 long, that start with a letter; the hash keeps them apart."""
    readable = re.sub(r"[^A-Za-z0-9]", "_", anchor)[:29]
    return f"a_{readable}_{hashlib.sha1(anchor.encode()).hexdigest()[:8]}"


def paragraphs(document: Document, items: Sequence[str]) -> None:
    for item in items:
        document.add_paragraph(text(item))


def labelled(document: Document, label: str, value: Content) -> None:
    """One line with its label in bold: "Måluppfyllelse 2025: ● Uppfyllt"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(text(label) + ": ").bold = True
    write(paragraph, value)


def write(paragraph: Paragraph, content: Content) -> None:
    """A text (its web addresses made links), or texts and links, at the paragraph's end."""
    for piece in [content] if isinstance(content, str) else content:
        if isinstance(piece, Ref):
            if piece.href and piece.href.startswith("#"):
                _link(paragraph, piece.title).set(qn("w:anchor"), bookmark_name(piece.href[1:]))
            else:
                paragraph.add_run(text(piece.title))  # a missing id: as written
        elif isinstance(piece, ExternalLink):
            if piece.href:
                hyperlink(paragraph, piece.text, piece.href, piece.title)
            else:
                paragraph.add_run(text(piece.text))  # a malformed value: shown as written
        else:
            _with_addresses(paragraph, piece)


def _with_addresses(paragraph: Paragraph, value: str) -> None:
    start = 0
    for match in _ADDRESS.finditer(value):
        if match.start() > start:
            paragraph.add_run(text(value[start : match.start()]))
        hyperlink(paragraph, match.group(), match.group())
        start = match.end()
    if start < len(value) or not value:
        paragraph.add_run(text(value[start:]))


def hyperlink(paragraph: Paragraph, shown: str, address: str, title: str = "") -> None:
    """A real Word hyperlink (w:hyperlink and its relationship to the address), which
    python-docx has no call for; `title` is the tip Word shows over it."""
    part = paragraph.part
    link = _link(paragraph, shown)
    link.set(qn("r:id"), part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    if title and title != shown:
        link.set(qn("w:tooltip"), text(title))


def _link(paragraph: Paragraph, shown: str) -> Any:
    """A w:hyperlink at the paragraph's end holding `shown` in the link style; its target
    (a relationship, or a bookmark) is the caller's to set."""
    part = paragraph.part
    if isinstance(part, DocumentPart):  # a paragraph of the body or of a table in it
        link_style(part.document)
    link = OxmlElement("w:hyperlink")
    run = paragraph.add_run(text(shown), style=LINK_STYLE)
    run._r.addprevious(link)  # the run made in its place, then moved into the link
    link.append(run._r)
    return link


def finish(document: Document) -> None:
    """Bookmarks numbered (each once), and a link to a bookmark the document lacks (an
    element the Word report shows without a heading) made plain text again."""
    body = document.element.body
    names: set[str] = set()
    for start in list(body.iter(qn("w:bookmarkStart"))):
        end = start.getnext()
        name = start.get(qn("w:name"))
        if name in names:
            start.getparent().remove(start)
            end.getparent().remove(end)
            continue
        for mark in (start, end):
            mark.set(qn("w:id"), str(len(names)))
        names.add(name)
    for link in list(body.iter(qn("w:hyperlink"))):
        target = link.get(qn("w:anchor"))
        if target is None or target in names:
            continue
        for run in list(link):
            for style in run.iter(qn("w:rStyle")):
                style.getparent().remove(style)
            link.addprevious(run)
        link.getparent().remove(link)


def link_style(document: Document) -> None:
    """Word's character style for links, added when the document lacks it."""
    names = {style.name for style in document.styles}
    if LINK_STYLE in names:
        return
    style = document.styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = LINK_COLOUR
    style.font.underline = True


def bullets(document: Document, items: Sequence[Content]) -> None:
    for item in items:
        write(document.add_paragraph(style=LIST_STYLE), item)


def status_words(status: StatusView) -> str:
    """A status as symbol and word ("● Uppfyllt"): never a colour alone."""
    return f"{status.symbol} {status.label}".strip()


def table(document: Document, header: Sequence[str], rows: Sequence[Sequence[Content]]) -> Table:
    """A table with a header row, one row per item; a cell a text or texts and links."""
    grid: Table = document.add_table(rows=1, cols=len(header))
    grid.style = TABLE_STYLE
    head = grid.rows[0]
    for cell, title in zip(head.cells, header, strict=True):
        cell.paragraphs[0].add_run(text(title)).bold = True  # a new cell has one empty paragraph
    _repeat_as_header(head)
    for row in rows:
        cells = grid.add_row().cells  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, row, strict=True):
            write(cell.paragraphs[0], value)
    document.add_paragraph()  # Word joins two tables that touch into one
    return grid


def _repeat_as_header(row: object) -> None:
    """Mark a row as the table's header row (w:tblHeader): repeated on every page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def describe(document: Document, title: str, author: str, day: str, comments: str) -> None:
    """The document's properties (File, Info in Word): its title, the publisher as its
    author, and the report's date (`--date`, else the last commit's) as when it was made.

    Without a date the template's own (2013) is removed rather than left to mislead.
    """
    properties = document.core_properties
    properties.title = text(title)
    properties.author = text(author)
    properties.last_modified_by = text(author)
    properties.comments = text(comments)
    if day:
        made = datetime.combine(date.fromisoformat(day), time(), tzinfo=UTC)
        properties.created = properties.modified = made
        return
    element = properties._element  # python-docx cannot unset a date
    for name in ("dcterms:created", "dcterms:modified"):
        for old in element.findall(qn(name)):
            element.remove(old)


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
    if shown.wrong:
        document.add_paragraph(text(t.notice_wrong))
        bullets(document, [part.text for part in shown.wrong])
    if shown.unreadable:
        document.add_paragraph(text(t.notice_unreadable))
        bullets(document, [file.part.text for file in shown.unreadable if file.part])


def publisher_line(document: Document, branding: Branding | None) -> None:
    """Who publishes the report and when it was last updated, under its title."""
    if branding is None:
        return
    parts = [f"{branding.publisher_label}: {branding.publisher}"]
    if branding.updated:
        parts.append(f"{branding.updated_label} {branding.updated}")
    document.add_paragraph(text(" · ".join(parts)))


def contact_line(document: Document, branding: Branding | None) -> None:
    """How to reach the publisher (an e-mail address, a telephone number, a website, each a
    link), at the end as the HTML report's footer has it."""
    if branding is not None and branding.contact:
        pieces: list[Piece] = []
        for line in branding.contact:
            pieces.append(f"{' · ' if pieces else ''}{line.label} ")
            pieces.append(ExternalLink(line.text, line.href or None, line.text))
        if branding.contact_provenance:
            pieces.append(f" ({branding.contact_provenance})")
        labelled(document, branding.contact_label, pieces)
