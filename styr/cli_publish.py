"""`styr report` and `styr status`: publish the goals, and judge outcomes against targets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from styr.cli_common import (
    AllowErrorsOption,
    LanguageOption,
    chosen_language,
    colour_wanted,
    date_option,
    day_option,
    emit,
    lint_cache,
    output_language,
    refuse,
    refuse_input_as_output,
    to_stdout,
)
from styr.errors import UsageError
from styr.i18n import N_
from styr.messages import message


def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=N_("REPOSITORIES..."), help=N_("One or more repositories.")),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help=N_("html, md (Markdown), pdf or docx (Word).")),
    ] = "html",
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help=N_("Write the report to a file (- for standard output).")
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help=N_("Your own Jinja templates instead of the bundled ones.")
        ),
    ] = None,
    with_findings: Annotated[
        bool, typer.Option("--with-findings", help=N_("Include a summary of the lint findings."))
    ] = False,
    updated: Annotated[
        str | None,
        date_option(
            N_(
                "The date the report says it was last updated (default: the content's last git "
                "commit)."
            )
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help=N_(
                "The follow-up report for a year (2025), tertial (2025-T2) or half-year "
                "(2025-H1), instead of the goal report."
            ),
        ),
    ] = None,
    allow_errors: AllowErrorsOption = False,
    lang: LanguageOption = None,
) -> None:
    from styr.model.repository import kept_to_the_end
    from styr.publishing import ErrorsBlockPublishing
    from styr.report.printed import DOCUMENT_FORMATS

    if period is not None and with_findings:  # the council's report holds outcomes, not lint
        raise UsageError("report-period-with-findings")
    if output_format in DOCUMENT_FORMATS:
        options = (templates, with_findings, updated, period, allow_errors, lang)
        _document_report(output_format, paths, output, *options)
        return
    with kept_to_the_end():  # the repositories live until the report is written
        try:
            pieces = (
                _goal_pieces(
                    paths, output_format, templates, with_findings, updated, allow_errors, lang
                )
                if period is None
                else _followup_pieces(
                    paths, period, output_format, templates, updated, allow_errors, lang
                )
            )
        except ErrorsBlockPublishing as refused:
            refuse(refused, lang, "report-refused")
        if emit(pieces, output):
            typer.echo(message("report-written", output_language(lang), path=output), err=True)


def _goal_pieces(
    paths: list[Path] | None,
    output_format: str,
    templates: Path | None,
    with_findings: bool,
    updated: str | None,
    allow_errors: bool,
    lang: str | None,
) -> Iterator[str]:
    """`styr report`: the goal report."""
    from styr.report import report_pieces

    return report_pieces(
        paths or [Path(".")],
        output_format,
        chosen_language(lang),
        templates,
        with_findings,
        allow_errors=allow_errors,
        cache=lint_cache(None, output_language(lang)),  # what styr lint has just checked
        updated=day_option(updated),
    )


def _followup_pieces(
    paths: list[Path] | None,
    period: str,
    output_format: str,
    templates: Path | None,
    updated: str | None,
    allow_errors: bool,
    lang: str | None,
) -> Iterator[str]:
    """`styr report --period`: the follow-up report the council receives for the period."""
    from styr.report.followup_report_build import followup_report_pieces

    return followup_report_pieces(
        paths or [Path(".")],
        period,
        output_format,
        chosen_language(lang),
        templates,
        allow_errors=allow_errors,
        cache=lint_cache(None, output_language(lang)),
        updated=day_option(updated),
    )


def _document_report(
    output_format: str,
    paths: list[Path] | None,
    output: str | None,
    templates: Path | None,
    with_findings: bool,
    updated: str | None,
    period: str | None,
    allow_errors: bool,
    lang: str | None,
) -> None:
    """`styr report -f pdf|docx`: made whole, then written to -o, or to a redirected stdout."""
    import sys

    from styr.files import write_atomic
    from styr.publishing import ErrorsBlockPublishing
    from styr.report.printed import DOCUMENT_FORMATS, document_report

    if to_stdout(output) and sys.stdout.isatty():  # bytes on a terminal are noise
        example = DOCUMENT_FORMATS[output_format]
        raise UsageError("report-binary-to-terminal", format=output_format.upper(), example=example)
    if output is not None and not to_stdout(output):  # refused before seconds of layout
        if not output:
            raise UsageError("output-empty")
        refuse_input_as_output(Path(output))
    try:
        data = document_report(
            output_format,
            paths or [Path(".")],
            chosen_language(lang),
            templates,
            with_findings,
            allow_errors=allow_errors,
            cache=lint_cache(None, output_language(lang)),
            updated=day_option(updated),
            period=period,
        )
    except ErrorsBlockPublishing as refused:
        refuse(refused, lang, "report-refused")
    if to_stdout(output):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomic(Path(str(output)), data)
    typer.echo(message("report-written", output_language(lang), path=output), err=True)


def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=N_("REPOSITORIES..."), help=N_("Repositories to follow up.")),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help=N_("Year (2024), tertial (2024-T2) or half-year (2024-H1).")),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help=N_("table or json."))] = "table",
    allow_errors: AllowErrorsOption = False,
    lang: LanguageOption = None,
) -> None:
    import shutil

    from styr.followup.status import collect, render_json, render_table
    from styr.model.repository import kept_to_the_end
    from styr.publishing import ErrorsBlockPublishing

    if output_format not in ("table", "json"):
        raise UsageError("unknown-format", name=output_format, known="table, json")
    cache = lint_cache(None, output_language(lang))  # what styr lint has just checked
    with kept_to_the_end():  # every repository lives until its status is written
        try:
            statuses = collect(paths or [Path(".")], period, allow_errors=allow_errors, cache=cache)
        except ErrorsBlockPublishing as refused:
            refuse(refused, lang, "status-refused")
        first = statuses[0].repository.language if statuses else None
        language = output_language(lang, first)
        if output_format == "json":
            emit(render_json(statuses, language), None)  # in pieces: 80 MB for 100,000 goals
        else:
            # COLUMNS first, then the terminal; written to a file or a pipe, the wide table.
            width = shutil.get_terminal_size(fallback=(160, 24)).columns
            emit(render_table(statuses, language, colour_wanted(), width), None)
