"""`styr site`: publish the steering model as a website (a folder of pages)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from styr.cli_common import (
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


def site(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=N_("REPOSITORIES..."), help=N_("One or more repositories.")),
    ] = None,
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            help=N_("The folder to write the website to; it is replaced whole."),
        ),
    ] = Path("webbplats"),
    updated: Annotated[
        str | None,
        date_option(
            N_(
                "The date the pages say the content was last updated (default: the content's "
                "last git commit)."
            )
        ),
    ] = None,
    allow_errors: AllowErrorsOption = False,
    lang: LanguageOption = None,
) -> None:
    from styr.publishing import ErrorsBlockPublishing
    from styr.site import build_site

    try:
        written = build_site(
            paths or [Path(".")],
            output,
            language=chosen_language(lang),
            updated=day_option(updated),
            allow_errors=allow_errors,
            cache=lint_cache(None, output_language(lang)),  # what styr lint has just checked
        )
    except ErrorsBlockPublishing as refused:
        refuse(refused, lang, "site-refused")
    language = output_language(lang)
    if written.placeholders:
        texts = counted("texts", written.placeholders, language)
        files = ", ".join(written.placeholder_files)
        typer.echo(message("site-placeholders", language, texts=texts, files=files), err=True)
    if written.kept:
        files = ", ".join(written.kept)
        typer.echo(message("site-kept-files", language, path=str(output), files=files), err=True)
    typer.echo(
        message("site-written", language, path=str(output), pages=written.pages),
        err=True,
    )
