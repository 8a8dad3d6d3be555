"""What every command shares: exit codes, the common options, the language, where output goes.

Kept apart from styr/cli.py so that the command modules beside it import it
without importing the app that registers them. What needs no typer lives in
styr/cli_plain.py and is re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from styr.cli_plain import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    STDOUT,
    chosen_language,
    colour_wanted,
    day_option,
    echo,
    emit,
    lint_cache,
    output_language,
    refuse_input_as_output,
    to_stdout,
)
from styr.i18n import N_
from styr.messages import message

if TYPE_CHECKING:
    from styr.publishing import ErrorsBlockPublishing

__all__ = [
    "EXIT_CLEAN",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "STDOUT",
    "AllowErrorsOption",
    "LanguageOption",
    "chosen_language",
    "colour_wanted",
    "date_option",
    "day_option",
    "echo",
    "emit",
    "lint_cache",
    "output_language",
    "refuse",
    "refuse_input_as_output",
    "to_stdout",
]

LanguageOption = Annotated[
    str | None,
    typer.Option("--lang", help=N_("Language of messages: sv or en (default: the manifest's).")),
]


def date_option(help_text: str) -> Any:
    """The `--date YYYY-MM-DD` option of the commands that say when their content last
    changed (site, report, export xlsx): one name and form for all, read by `day_option`."""
    return typer.Option("--date", metavar=N_("YYYY-MM-DD"), help=help_text)


AllowErrorsOption = Annotated[
    bool,
    typer.Option(
        "--allow-errors",
        help=N_(
            "Show it anyway, despite errors in the repository (with a clear notice that "
            "something may be missing)."
        ),
    ),
]


def refuse(refused: ErrorsBlockPublishing, lang: str | None, key: str) -> NoReturn:
    """Name the errors as `styr lint` does, say why nothing was shown, and exit 1."""
    from styr.output.text import render

    results = refused.errors.results
    language = output_language(lang, results[0].repository.language if results else None)
    typer.echo(render(refused.errors, language), err=True, nl=False)
    typer.echo(f"styr: {message(key, language, count=refused.count)}", err=True)
    raise typer.Exit(EXIT_FINDINGS)
