"""`styr export xlsx` and `styr import outcomes`: the steering model to Excel, and outcomes back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from styr.cli_common import (
    EXIT_FINDINGS,
    AllowErrorsOption,
    LanguageOption,
    chosen_language,
    date_option,
    day_option,
    lint_cache,
    output_language,
    refuse,
)
from styr.i18n import N_
from styr.messages import counted, message

if TYPE_CHECKING:
    from styr.excel.import_lint import NewError
    from styr.findings import Finding


def export_xlsx(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=N_("REPOSITORY..."),
            help=N_(
                "The repositories (default: the current folder). Several make one workbook, "
                "with a column naming each row's municipality."
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help=N_("The workbook to write (.xlsx).")),
    ] = Path("styr.xlsx"),
    updated: Annotated[
        str | None,
        date_option(
            N_(
                "The date the workbook gives as the time its content last changed (default: "
                "the content's last git commit)."
            )
        ),
    ] = None,
    allow_errors: AllowErrorsOption = False,
    lang: LanguageOption = None,
) -> None:
    from styr.excel.export import export_workbook
    from styr.publishing import ErrorsBlockPublishing

    try:
        summary = export_workbook(
            paths or [Path(".")],
            output,
            language=chosen_language(lang),
            updated=day_option(updated),
            allow_errors=allow_errors,
            cache=lint_cache(None, output_language(lang)),
        )
    except ErrorsBlockPublishing as refused:
        refuse(refused, lang, "excel-export-refused")
    typer.echo(message("excel-exported", output_language(lang), **summary), err=True)


def import_outcomes(
    workbook: Annotated[
        Path,
        typer.Argument(metavar=N_("WORKBOOK"), help=N_("The filled-in workbook (.xlsx).")),
    ],
    path: Annotated[
        Path, typer.Argument(metavar=N_("REPOSITORY"), help=N_("The repository."))
    ] = Path("."),
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help=N_("Replace values already in the follow-up files.")),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Check and count, but write nothing."))
    ] = False,
    lang: LanguageOption = None,
) -> None:
    from styr.excel.import_outcomes import import_outcomes as run_import

    result = run_import(workbook, path, overwrite=overwrite, dry_run=dry_run)
    language = output_language(lang)
    if result.findings:
        typer.echo(_findings_text(result.findings, language), err=True, nl=False)
        cells = counted("cells", len(result.findings), language)
        typer.echo(f"styr: {message('excel-import-refused', language, cells=cells)}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    if result.new_errors:
        typer.echo(_new_errors_text(result.new_errors, language), err=True, nl=False)
        count = counted("errors", len(result.new_errors), language)
        typer.echo(f"styr: {message('excel-import-breaks-lint', language, errors=count)}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    if not result.files:
        typer.echo(message("excel-import-nothing", language))
        return
    key = "excel-import-dry-run" if dry_run else "excel-imported"
    typer.echo(
        message(
            key,
            language,
            workbook=str(workbook),
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
            files=", ".join(result.files),
        )
    )


def _findings_text(findings: list[Finding], language: str) -> str:
    """The workbook's findings, one a line (see `_finding_line`)."""
    from styr.excel.rules import BY_CODE

    ordered = sorted(findings, key=lambda f: f.sort_key())
    return "".join(_finding_line(f, BY_CODE[f.code].render(f, language), language) for f in ordered)


def _new_errors_text(errors: list[NewError], language: str) -> str:
    """The errors the import would give, as lint words them, each after the cell it came from."""
    from styr.rules.catalogue import BY_CODE

    lines = []
    for error in sorted(errors, key=lambda e: e.finding.sort_key()):
        finding = error.finding
        text = BY_CODE[finding.code].render(finding, language)
        lines.append(
            _finding_line(finding, f"{error.cell}: {text}" if error.cell else text, language)
        )
    return "".join(lines)


def _finding_line(finding: Finding, text: str, language: str) -> str:
    """A finding as lint's text output writes it: file:line:column, level, code, message."""
    from styr.escape import terminal
    from styr.messages import severity_name

    place = f"{terminal(str(finding.file))}:{finding.line}:{finding.column}"
    level = severity_name(finding.severity, language)
    return f"{place}: {level} {finding.code} {terminal(text)}\n"
