"""The report's table of contents, and the fixed sections it links to."""

from __future__ import annotations

from styr.report.language import FilesWord
from styr.report.texts import Labels
from styr.report.view_types import RepositoryView, TocEntry

# The report's sections, in order; each gets an anchor of its own.
SECTIONS = (
    "oversikt",
    "vision",
    "program",
    "inriktningar",
    "styrdokument",
    "malkedjan",
    "organisationer",
    "arbetsplaner",
    "granskning",
)


def table_of_contents(view: RepositoryView, labels: Labels) -> list[TocEntry]:
    """The sections the report has, each with its organisations or areas below it."""
    anchors = view.section_anchors
    # The sections' headings in the model's own words, as the sections themselves say them.
    heading = view.headings.get
    entries = [TocEntry(labels.overview, f"#{anchors['oversikt']}")]
    if view.vision or view.waypoints or view.values:
        entries.append(TocEntry(heading("vision", labels.vision), f"#{anchors['vision']}"))
    if view.programmes:
        entries.append(TocEntry(heading("programme", labels.programme), f"#{anchors['program']}"))
    if view.council_areas or view.council_goals:
        areas = tuple(
            TocEntry(a.title, f"#{a.anchor}", from_files=True) for a in view.council_areas
        )
        council = heading("council", labels.council)
        entries.append(TocEntry(council, f"#{anchors['inriktningar']}", areas))
    if view.documents:
        documents = heading("steering_documents", labels.steering_documents)
        entries.append(TocEntry(documents, f"#{anchors['styrdokument']}"))
    entries.append(TocEntry(labels.chain, f"#{anchors['malkedjan']}"))
    for group in view.groups:
        members = tuple(TocEntry(o.name, f"#{o.anchor}", from_files=True) for o in group.members)
        # A level's name is the files' word (a `FilesWord`), the group of the rest the page's:
        # the link says which, its text plain so that it is not marked twice.
        level_from_files = isinstance(group.name, FilesWord)
        entries.append(TocEntry(str(group.name), f"#{group.anchor}", members, level_from_files))
    if view.other_work_plans:
        entries.append(TocEntry(labels.other_work_plans, f"#{anchors['arbetsplaner']}"))
    if view.findings is not None:
        entries.append(TocEntry(labels.findings, f"#{anchors['granskning']}"))
    return entries
