"""`styr lint`: check the repositories and print the findings in the chosen format.

The options are parsed here; what is done with them is styr/cli_lint_run.py's,
which a run answered from the cache also calls (styr/cli_warm.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from styr.cli_common import LanguageOption, emit
from styr.i18n import N_


def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=N_("PATHS..."),
            help=N_("Repositories, folders of repositories or files in them."),
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--output-format",
            "--format",
            help=N_(
                "text, concise, json, github, sarif, junit or gitlab (github is chosen "
                "automatically in GitHub Actions)."
            ),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help=N_("Write the result to a file (- for standard output).")
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help=N_("Show the number of findings per rule instead."))
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help=N_("Lowest level that gives exit code 1: error, warning, info.")
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help=N_("Date to compare validity periods with (YYYY-MM-DD).")),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=N_("Check everything afresh, without the cache."))
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir", help=N_("Where the cache is kept (default: the user's cache folder).")
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help=N_("Number of processes (default: all cores).")),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    from styr.cli_lint_run import LintOptions, lint_outcome

    options = LintOptions(
        paths=tuple(paths or ()),
        output_format=output_format,
        output=output,
        statistics=statistics,
        fail_on=fail_on,
        today=today,
        no_cache=no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
        lang=lang,
    )
    outcome = lint_outcome(options)
    emit(outcome.text, outcome.output)
    raise typer.Exit(outcome.exit_code)
