"""`styr kolada …`: fetch outcomes from Kolada into a follow-up file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from styr.cli_common import LanguageOption, output_language
from styr.i18n import N_
from styr.messages import message


def kolada_pull(
    path: Annotated[
        Path, typer.Argument(metavar=N_("REPOSITORY"), help=N_("The repository."))
    ] = Path("."),
    years: Annotated[
        str, typer.Option("--years", help=N_("Years, e.g. 2023,2024 or 2020-2024."))
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option("--file", help=N_("The follow-up file to write (in the repository).")),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=N_("Overwrite values typed by hand too."))
    ] = False,
    base_url: Annotated[
        str,
        typer.Option("--base-url", help=N_("The Kolada API's address (for tests and mirrors).")),
    ] = "https://api.kolada.se/v3",
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            help=N_("Time limit in seconds for the whole fetch, retries and waits included."),
        ),
    ] = None,
    peers: Annotated[
        bool,
        typer.Option(
            "--peers",
            help=N_(
                "Fetch the same key figures for the municipalities to compare with (peers: in "
                "styr.yaml) into a comparison file of their own."
            ),
        ),
    ] = False,
    lang: LanguageOption = None,
) -> None:
    if peers:
        from styr.followup.kolada_peers import pull_peers
        from styr.followup.kolada_pull import parse_years as years_of

        compared = pull_peers(path, years_of(years), output, base_url=base_url, timeout=timeout)
        typer.echo(message("kolada-peers-pulled", output_language(lang), **compared))
        return
    from styr.followup.kolada_pull import parse_years, pull, revision_lines

    summary = pull(
        path, parse_years(years), output, overwrite=overwrite, base_url=base_url, timeout=timeout
    )
    language = output_language(lang)
    typer.echo(message("kolada-pulled", language, **summary))
    for line in revision_lines(summary["revisions"], language):
        typer.echo(line)
