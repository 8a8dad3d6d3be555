"""`styr kolada …`: fetch outcomes from Kolada, search its key figures, keep a list of them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from styr.cli_common import LanguageOption, output_language
from styr.errors import UsageError
from styr.i18n import N_
from styr.messages import message

KOLADA_API = "https://api.kolada.se/v3"

BaseUrlOption = Annotated[
    str,
    typer.Option("--base-url", help=N_("The Kolada API's address (for tests and mirrors).")),
]
# Every command that asks Kolada has the same time limit, so that the advice to
# give it more time with --timeout holds wherever Kolada runs out of time.
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        help=N_("Time limit in seconds for the whole fetch, retries and waits included."),
    ),
]


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
    base_url: BaseUrlOption = KOLADA_API,
    timeout: TimeoutOption = None,
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
        from styr.followup.kolada_peers import pull_peers, summary_lines
        from styr.followup.kolada_pull import parse_years as years_of

        compared = pull_peers(path, years_of(years), output, base_url=base_url, timeout=timeout)
        for line in summary_lines(compared, output_language(lang)):
            typer.echo(line)
        return
    from styr.followup.kolada_pull import parse_years, pull, revision_lines

    summary = pull(
        path, parse_years(years), output, overwrite=overwrite, base_url=base_url, timeout=timeout
    )
    language = output_language(lang)
    typer.echo(message("kolada-pulled", language, **summary))
    for line in revision_lines(summary["revisions"], language):
        typer.echo(line)


def kolada_search(
    text: Annotated[
        str, typer.Argument(metavar=N_("TEXT"), help=N_("Words to look for, in any order."))
    ],
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON instead of a table."))] = (
        False
    ),
    limit: Annotated[
        int,
        typer.Option(
            "--limit", min=1, metavar=N_("NUMBER"), help=N_("Show at most this many key figures.")
        ),
    ] = 25,
    offline: Annotated[
        bool,
        typer.Option("--offline", help=N_("Search the stored list only; do not ask Kolada.")),
    ] = False,
    repository: Annotated[
        Path | None,
        typer.Option(
            "--repository",
            metavar=N_("REPOSITORY"),
            help=N_(
                "The repository whose stored list to search (by default the one the current "
                "folder is in)."
            ),
        ),
    ] = None,
    base_url: BaseUrlOption = KOLADA_API,
    timeout: TimeoutOption = None,
    lang: LanguageOption = None,
) -> None:
    from styr.kolada.lookup import find_kpis, search_root
    from styr.kolada.search_output import as_json as json_text
    from styr.kolada.search_output import table

    language = output_language(lang)
    if not text.strip():
        raise UsageError("kolada-search-empty")
    root = search_root(repository)
    searched = find_kpis(
        text, root=root, base_url=base_url, offline=offline, limit=limit, timeout=timeout
    )
    stored = searched.snapshot
    if stored is not None:
        key = "kolada-offline-fallback" if searched.fell_back else "kolada-searched-snapshot"
        date = stored.fetched_on.isoformat()
        said = message(key, language, date=date, path=str(stored.path), **searched.why)
        typer.echo(said, err=True)
    if as_json:
        typer.echo(json_text(searched, text), nl=False)
        return
    if not searched.found.kpis:
        typer.echo(message("kolada-search-nothing", language, text=text))
        return
    for line in table(searched, lambda key: message(key, language)):
        typer.echo(line)
    if searched.found.total > len(searched.found.kpis):
        shown, total = len(searched.found.kpis), searched.found.total
        typer.echo(message("kolada-search-more", language, shown=shown, total=total))


def kolada_metadata(
    path: Annotated[
        Path, typer.Argument(metavar=N_("REPOSITORY"), help=N_("The repository."))
    ] = Path("."),
    update: Annotated[
        bool,
        typer.Option("--update", help=N_("Fetch every key figure's description and store it.")),
    ] = False,
    user_cache: Annotated[
        bool,
        typer.Option(
            "--user-cache",
            help=N_("Store it in your own cache folder instead of in the repository."),
        ),
    ] = False,
    base_url: BaseUrlOption = KOLADA_API,
    timeout: TimeoutOption = None,
    lang: LanguageOption = None,
) -> None:
    from styr.kolada.metadata import snapshot_status, update_command, update_snapshot

    language = output_language(lang)
    if update:
        done = update_snapshot(path, user_cache=user_cache, base_url=base_url, timeout=timeout)
        date = done.fetched_at.date().isoformat()
        path_text = str(done.path)
        typer.echo(
            message(
                "kolada-metadata-updated", language, count=done.count, path=path_text, date=date
            )
        )
        if done.newly_removed:
            typer.echo(message("kolada-metadata-removed", language, count=done.newly_removed))
        return
    stored, days = snapshot_status(path, user_cache=user_cache)
    typer.echo(
        message(
            "kolada-metadata-status",
            language,
            path=str(stored.path),
            date=stored.fetched_on.isoformat(),
            days=days,
            count=len(stored.kpis),
            command=update_command(stored.path),
        )
    )
