"""`styr diff`: what changed in the steering model between two versions, in its own words."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from styr.cli_common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    LanguageOption,
    chosen_language,
    colour_wanted,
    day_option,
    emit,
    output_language,
    to_stdout,
)
from styr.errors import UsageError
from styr.i18n import N_
from styr.messages import message

if TYPE_CHECKING:
    from styr.diff.changes import DiffResult

FORMATS = ("text", "markdown", "json", "github")


def diff_command(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=N_("[REV1 [REV2]] [PATH]"),
            help=N_(
                "The versions to compare (a branch, a tag or a commit; default: where the "
                "branch left the main branch, against the working copy) and the folder to "
                "compare in."
            ),
            show_default=False,
        ),
    ] = None,
    old_folder: Annotated[
        Path | None,
        typer.Option("--from", help=N_("The old side: a folder (with --to; no git needed).")),
    ] = None,
    new_folder: Annotated[
        Path | None,
        typer.Option("--to", help=N_("The new side: a folder (with --from).")),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("-f", "--format", help=N_("text, markdown, json or github (a job summary).")),
    ] = "text",
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help=N_("Write the result to a file (- for standard output).")
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help=N_(
                "Kinds of change that give exit code 1, separated by commas, e.g. "
                "ambition-lowered-unexplained,new-errors."
            ),
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar=N_("YYYY-MM-DD"),
            help=N_("The date lint compares validity periods with, on both sides."),
        ),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    from styr.diff.fail_on import occurring, parse_fail_on
    from styr.diff.run import diff
    from styr.diff.sides import sides_for

    if output_format not in FORMATS:
        raise UsageError("unknown-format", name=output_format, known=", ".join(FORMATS))
    failing = parse_fail_on(fail_on)
    chosen = chosen_language(lang)
    today = day_option(day) or date.today()
    positionals = arguments or []
    old, new = sides_for(positionals, old_folder, new_folder, _paths_from(positionals))
    # As other commands: --lang, else STYR_LANG, else the (new side's) manifest's language.
    language = chosen or output_language(None, new.manifest_language() or old.manifest_language())
    result = diff(old, new, today=today, language=language)
    emit(_rendered(result, output_format, language, output), output)
    found = occurring(result, failing)
    if found:
        kinds = ", ".join(found)
        typer.echo(f"styr: {message('diff-failed-on', language, kinds=kinds)}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_CLEAN)


# The options that take a value: a `--` right after one of them is that value.
_WITH_VALUE = frozenset(
    {"--from", "--to", "-f", "--format", "-o", "--output", "--fail-on", "--date", "--lang"}
)


def _paths_from(positionals: list[str]) -> int | None:
    """The index among the positionals of the first one written after `--`, if any.

    The parser takes `--` away; git's rule (after it, everything is a path)
    needs to know where it was, so the command line is read again for it.
    """
    words = sys.argv[1:]
    after = words[words.index("diff") + 1 :] if "diff" in words else words
    for index, word in enumerate(after):
        if word == "--" and (index == 0 or after[index - 1] not in _WITH_VALUE):
            return max(len(positionals) - len(after[index + 1 :]), 0)
    return None


def _rendered(result: DiffResult, name: str, language: str, output: str | None) -> str:
    if name == "text":
        from styr.diff.render_text import render_text

        # rich's layout only where a person reads it; plain text elsewhere.
        on_terminal = to_stdout(output) and colour_wanted()
        width = shutil.get_terminal_size().columns if on_terminal else None
        return render_text(result, language, width, colour=on_terminal)
    return _RENDERERS[name]()(result, language)


def _markdown() -> Callable[[DiffResult, str], str]:
    from styr.diff.render_markdown import render_markdown

    return render_markdown


def _json() -> Callable[[DiffResult, str], str]:
    from styr.diff.render_json import render_json

    return render_json


def _github() -> Callable[[DiffResult, str], str]:
    from styr.diff.render_github import render_github

    return render_github


# Each rendering imported only when chosen.
_RENDERERS: dict[str, Callable[[], Callable[[DiffResult, str], str]]] = {
    "markdown": _markdown,
    "json": _json,
    "github": _github,
}
