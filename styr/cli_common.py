"""What every command shares: exit codes, the common options, the language, where output goes.

Kept apart from styr/cli.py so that the command modules beside it import it
without importing the app that registers them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from styr.errors import UsageError
from styr.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, requested_language
from styr.messages import message

if TYPE_CHECKING:
    from styr.cache import LintCache
    from styr.publishing import ErrorsBlockPublishing

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

LanguageOption = Annotated[
    str | None,
    typer.Option("--lang", help=N_("Language of messages: sv or en (default: the manifest's).")),
]

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

# `-o -` means standard output, for every command that writes a result.
STDOUT = "-"


def chosen_language(flag: str | None) -> str | None:
    """--lang, else STYR_LANG; None when neither says (the manifest's may then decide)."""
    chosen = flag if flag is not None else requested_language()
    if chosen is not None and chosen not in LANGUAGES:
        raise UsageError("unknown-language", name=chosen)
    return chosen


def output_language(flag: str | None, fallback: str | None = None) -> str:
    """--lang, else STYR_LANG, else `fallback` (the repository's), else the default."""
    return chosen_language(flag) or fallback or DEFAULT_LANGUAGE


def colour_wanted() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def lint_cache(folder: Path | None, language: str) -> LintCache | None:
    """The lint cache (--cache-dir, else STYR_CACHE_DIR, else the user's), or None.

    A cache that would trust what others can change is not used; the run
    says so on standard error and checks everything afresh.
    """
    from styr.cache import CacheRefused, open_cache

    variable = os.environ.get("STYR_CACHE_DIR")
    try:
        return open_cache(folder or (Path(variable) if variable else None))
    except CacheRefused as refusal:
        typer.echo(f"styr: {message(refusal.key, language, **refusal.params)}", err=True)
        return None


def to_stdout(output: str | None) -> bool:
    return output is None or output == STDOUT


def emit(text: str | Iterable[str], output: str | None) -> bool:
    """Write `text` (or its pieces, as they come) to the file `output` names, else to
    standard output; True for a file."""
    if to_stdout(output):
        for piece in (text,) if isinstance(text, str) else text:
            typer.echo(piece, nl=False)
        return False
    from styr.files import write_atomic

    if not output:
        raise UsageError("output-empty")
    target = Path(output)
    refuse_input_as_output(target)
    write_atomic(target, text)
    return True


def refuse_input_as_output(target: Path) -> None:
    """A usage error for an output file that is one of a steering model's own inputs.

    What lint reads is a repository's styr.yaml and every .yaml or .yml in the
    folder that holds it (and below): `-o styr.yaml` would overwrite the
    manifest, and a report written as a .yaml inside a repository becomes a
    file lint reads the next time. The one check for every command's -o.
    """
    from styr.model.repository import MANIFEST

    if target.suffix.lower() not in (".yaml", ".yml"):
        return
    resolved = Path(os.path.realpath(target))
    if resolved.name == MANIFEST or any(
        (folder / MANIFEST).is_file() for folder in resolved.parents
    ):
        raise UsageError("output-is-input", path=str(target))


def refuse(refused: ErrorsBlockPublishing, lang: str | None, key: str) -> NoReturn:
    """Name the errors as `styr lint` does, say why nothing was shown, and exit 1."""
    from styr.output.text import render

    results = refused.errors.results
    language = output_language(lang, results[0].repository.language if results else None)
    typer.echo(render(refused.errors, language), err=True, nl=False)
    typer.echo(f"styr: {message(key, language, count=refused.count)}", err=True)
    raise typer.Exit(EXIT_FINDINGS)


def day_option(text: str | None) -> date | None:
    """A date option (`--today`, `--date`) as a day, or None when not given."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("bad-date", value=text) from None
