"""`styr report --format pdf|docx`: the report as a document to print or edit, as bytes.

The PDF is WeasyPrint's layout of the HTML report (`styr.report.pdf`); the Word
document is built from the same view the HTML report is (`styr.report.docx`).
Both are made whole in memory, then written at once (`styr.files.write_atomic`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from styr.cache import LintCache

DOCUMENT_FORMATS = {"pdf": "report.pdf", "docx": "report.docx"}  # the format and a file name


def document_report(
    fmt: str,
    paths: list[Path],
    language: str | None = None,
    templates: Path | None = None,
    with_findings: bool = False,
    *,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
    today: date | None = None,
    period: str | None = None,
) -> bytes:
    """The report on the repositories the paths name as a PDF or a Word document: the
    goal report, or with `period` the follow-up report for that period.

    Refuses what `styr report` refuses (`UsageError`, `ErrorsBlockPublishing`).
    """
    if period is not None:
        return _followup_document(
            fmt, paths, period, language, templates, allow_errors, cache, updated, today
        )
    if fmt == "pdf":
        from styr.report import report_pieces
        from styr.report.pdf import pdf_from_html

        pieces = report_pieces(
            paths,
            "html",
            language,
            templates,
            with_findings,
            today=today,
            allow_errors=allow_errors,
            cache=cache,
            updated=updated,
        )
        return pdf_from_html(pieces, templates)
    from styr.report.docx import docx_report

    return docx_report(
        paths,
        language,
        with_findings,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )


def _followup_document(
    fmt: str,
    paths: list[Path],
    period: str,
    language: str | None,
    templates: Path | None,
    allow_errors: bool,
    cache: LintCache | None,
    updated: date | None,
    today: date | None,
) -> bytes:
    """The follow-up report as a PDF (of its HTML) or a Word document (of its view)."""
    if fmt == "pdf":
        from styr.report.followup_report_build import followup_report_pieces
        from styr.report.pdf import pdf_from_html

        pieces = followup_report_pieces(
            paths,
            period,
            "html",
            language,
            templates,
            today=today,
            allow_errors=allow_errors,
            cache=cache,
            updated=updated,
        )
        # The footer names the report and the municipality, as the page's title does.
        return pdf_from_html(pieces, templates, title_in_footer=True)
    from styr.report.docx_followup import followup_docx

    return followup_docx(
        paths,
        period,
        language,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )
