"""`styr report --period` as a function: a repository and a period in, one document out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from styr import __version__
from styr.cache import LintCache
from styr.errors import UsageError
from styr.lint import LintResult, load_and_lint
from styr.model.repository import find_repositories
from styr.publishing import ERRORS_ONLY, check_publishable, error_count
from styr.report.build import FORMATS
from styr.report.compiled_templates import keep_compiled_in
from styr.report.followup_report import build_followup_view, wanted_period
from styr.report.followup_report_types import FollowupReportView
from styr.report.render import render_pieces
from styr.report.texts import LANGUAGES, Labels
from styr.report.unreadable import error_parts, publishing_notice, unreadable_files


def followup_report_pieces(
    paths: list[Path],
    period_text: str,
    fmt: str,
    language: str | None = None,
    templates: Path | None = None,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> Iterator[str]:
    """The follow-up report of one repository for a period, as the pieces of one document.

    As `styr.report.build.report_pieces`: everything that can refuse the report
    (the period, a path, the format, the errors, a template) is decided before
    this returns. The repository is linted first and a repository with errors
    is refused (`ErrorsBlockPublishing`) unless `allow_errors` is set; then the
    page opens with a notice of them. The report is of one municipality: the
    council of each receives its own.
    """
    keep_compiled_in(cache)  # the bundled templates compiled once, not every run
    kind = FORMATS.get(fmt)
    if kind is None:
        raise UsageError("unknown-format", name=fmt, known="html, md, pdf, docx")
    view = followup_view_of_paths(
        paths,
        period_text,
        language,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )
    labels = Labels(view.language)
    context: dict[str, object] = {
        "t": labels,
        "lang": labels.language,
        "version": __version__,
        "notice": publishing_notice([view]),
        "r": view,
    }
    return render_pieces(kind, f"followup_report.{kind}.j2", context, templates)


def followup_view_of_paths(
    paths: list[Path],
    period_text: str,
    language: str | None = None,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> FollowupReportView:
    """The follow-up report's view of the one repository under `paths`, for every rendering.

    Refuses what every rendering of the follow-up report refuses (`UsageError`):
    a language it does not know, a period it cannot read, other than one
    repository; then as `linted_followup_view`.
    """
    if language is not None and language not in LANGUAGES:
        raise UsageError("unknown-language", name=language)
    period = wanted_period(period_text)
    roots = find_repositories(paths or [Path(".")])
    if len(roots) != 1:
        raise UsageError("report-period-one-repository", count=len(roots))
    return linted_followup_view(
        roots[0],
        period.text,
        language,
        today=today,
        allow_errors=allow_errors,
        cache=cache,
        updated=updated,
    )


def linted_followup_view(
    root: Path,
    period: str,
    language: str | None = None,
    *,
    today: date | None = None,
    allow_errors: bool = False,
    cache: LintCache | None = None,
    updated: date | None = None,
) -> FollowupReportView:
    """The follow-up report's view of the repository at `root`, linted first as `styr report`.

    Every rendering (HTML, Markdown, PDF, Word) starts here: `ErrorsBlockPublishing`
    when the repository has errors and `allow_errors` is not set.
    """
    repository, result = load_and_lint(root, today or date.today(), cache, only=ERRORS_ONLY)
    check_publishable(LintResult([result]), allow_errors=allow_errors)
    chosen = language or (repository.language if repository.language in LANGUAGES else "sv")
    view = build_followup_view(repository, period, chosen, updated=updated)
    view.errors = error_count(LintResult([result]))
    view.error_parts = error_parts(repository, result.findings, chosen)
    view.unreadable = unreadable_files(repository, chosen)
    return view
