"""The goal report as a Word document (`styr report --format docx`), for councils' ärenden.

Built from the same view as the HTML and Markdown report (`repository_view`),
never from the YAML itself: the same sections in the same order, headings
in Word's built-in styles, the indicators as real tables, each status as a
symbol and a word, each chart as a table of period, outcome and target.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document as new_document
from docx.document import Document

from styr.cache import LintCache
from styr.model.repository import find_repositories
from styr.report.build import linted_views
from styr.report.docx_goals import (
    findings_section,
    item,
    organisation_section,
    repository_sections,
)
from styr.report.docx_parts import (
    contact_line,
    describe,
    finish,
    heading,
    notice,
    publisher_line,
    set_language,
)
from styr.report.texts import LANGUAGES, Labels
from styr.report.unreadable import publishing_notice
from styr.report.view_types import RepositoryView


def docx_report(
    paths: list[Path],
    language: str | None = None,
    with_findings: bool = False,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> bytes:
    """The goal report on the repositories the paths name, as the bytes of a .docx file.

    Refuses what `styr report` refuses: errors in the repositories unless
    `allow_errors`, a language it does not know (`UsageError`).
    """
    views, labels = report_views(
        paths,
        language,
        with_findings,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )
    return goal_document(views, labels)


def report_views(
    paths: list[Path],
    language: str | None,
    with_findings: bool,
    *,
    today: date | None,
    allow_errors: bool,
    cache: LintCache | None,
    updated: date | None,
) -> tuple[list[RepositoryView], Labels]:
    """Each repository's view, as `styr report` builds it for its page, and the labels."""
    from styr.errors import UsageError

    if language is not None and language not in LANGUAGES:
        raise UsageError("unknown-language", name=language)
    return linted_views(
        find_repositories(paths or [Path(".")]),
        language,
        with_findings,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )


def goal_document(views: list[RepositoryView], labels: Labels) -> bytes:
    """The views as one Word document: each municipality under its own first-level heading."""
    document = new_document()
    set_language(document, labels.language)
    names = ", ".join(view.municipality for view in views)
    brandings = [view.branding for view in views if view.branding is not None]
    publishers = list(dict.fromkeys(branding.publisher for branding in brandings))
    describe(
        document,
        f"{labels.report_title} – {names}",
        ", ".join(publishers) or names,
        max((branding.updated for branding in brandings), default=""),
        labels.get("generated_by", version=_version()),
    )
    for position, view in enumerate(views):
        heading(document, view.municipality, 1)
        publisher_line(document, view.branding)
        if position == 0:
            notice(document, publishing_notice(views), labels)
        repository_sections(document, view, labels)
        for group in view.groups:
            heading(document, group.name, 2)
            for organisation in group.organisations:
                organisation_section(document, organisation, labels)
        if view.other_work_plans:
            heading(document, labels.other_work_plans, 2)
            for plan in view.other_work_plans:
                item(document, plan, labels, 3)
        if view.findings is not None:
            findings_section(document, view.findings, labels)
        contact_line(document, view.branding)
    return saved(document)


def saved(document: Document) -> bytes:
    """The document as the bytes of a .docx file, made whole before anything is written."""
    finish(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _version() -> str:
    from styr import __version__

    return __version__
